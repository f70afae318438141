//! Syncing through git, end to end: the real binary and the system's git,
//! with bare repositories in a temp dir as the remotes (no network).
//!
//! Not on Windows: the Windows build is tested under wine here, where git
//! cannot run. The git path is compiled for Windows by the cross check.
#![cfg(not(windows))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::git::{TOPICS, bare, git, lp, ok, status, topic_status, two_machines};
use serde_json::Value;

const STATUSES: [&str; 4] = ["done", "todo", "skipped", "progress"];
const NOTES: [&str; 2] = ["notes/backend/coding-basics/loops.md", "notes/backend/dsa/big-o.md"];

/// A small deterministic generator, so a failing seed can be run again.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A fault Mallory (a machine without learnpath) pushed that no machine
/// can take in until one runs `sync --repair`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Poison {
    Garbage,
    Link,
}

/// One sync step: refused while the remote is poisoned (or a repair,
/// which ends that), fine otherwise.
fn sync_step(home: &Path, data: &Path, poison: &mut Option<Poison>, repair: bool, seed: u64) {
    match *poison {
        None => drop(ok(lp(home, data, &["sync"], None))),
        Some(_) if repair => {
            let said = ok(lp(home, data, &["sync", "--repair"], None));
            assert!(said.contains("repaired progress.json"), "seed {seed}: {said}");
            *poison = None;
        }
        Some(p) => {
            let said = common::git::fails(lp(home, data, &["sync"], None));
            assert!(said.contains("not taken in"), "seed {seed}, {p:?}: {said}");
        }
    }
}

/// One round: three machines join one remote, then tick, untick, skip,
/// write notes and sync in an order the seed picks, while faults strike:
/// a machine's file damaged on disk (after its ticks were committed), and
/// a garbage or a link pushed to the remote by hand. Then a repair if
/// needed, and syncs until quiet: every acknowledged change is on every
/// machine, and the victim of the link is untouched.
fn round(seed: u64) -> Vec<String> {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let remote = bare(home);
    let victim = home.join("victim.txt");
    std::fs::write(&victim, "not learnpath's\n").unwrap();
    let machines: Vec<PathBuf> = (0..3).map(|i| home.join(format!("machine{i}"))).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // The first machine had progress before it synced; the others join.
    ok(lp(home, &machines[0], &["mark", TOPICS[0], "done"], Some("2026-03-01T08:00:00Z")));
    for data in &machines {
        ok(lp(home, data, &["sync", "init", &remote], None));
    }
    // Per topic, the latest change anywhere (the clock moves on with each).
    let mut latest: Vec<Option<&str>> = vec![None; TOPICS.len()];
    latest[0] = Some("done");
    // Every line any machine wrote into a note.
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut poison = None;
    let mut faults = Vec::new();
    for step in 0..16 {
        let m = rng.below(3);
        let data = &machines[m];
        match rng.below(4) {
            0 => {
                let (t, s) = (rng.below(TOPICS.len()), STATUSES[rng.below(STATUSES.len())]);
                let now = format!("2026-03-01T09:{:02}:00Z", step);
                ok(lp(home, data, &["mark", TOPICS[t], s], Some(&now)));
                latest[t] = Some(s);
            }
            1 => {
                let n = rng.below(NOTES.len());
                let path = data.join(NOTES[n]);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                let line = format!("machine {m} wrote this at step {step} of seed {seed}");
                let old = std::fs::read_to_string(&path).unwrap_or_default();
                std::fs::write(&path, format!("{old}{line}\n")).unwrap();
                lines.push((n, line));
            }
            2 => sync_step(home, data, &mut poison, rng.below(2) == 0, seed),
            _ => match rng.below(3) {
                0 => {
                    // Its changes are committed by the sync, refused or not.
                    let _ = lp(home, data, &["sync"], None);
                    std::fs::write(data.join("progress.json"), b"\x00\x01 not json").unwrap();
                    faults.push(format!("step {step}: machine {m}'s file damaged"));
                }
                1 => {
                    common::git::push_as_mallory(
                        home,
                        &remote,
                        &[("progress.json", b"{\"format\":1, bro")],
                        &[],
                    );
                    poison = Some(Poison::Garbage);
                    faults.push(format!("step {step}: garbage pushed"));
                }
                _ => {
                    let target = victim.to_string_lossy().into_owned();
                    common::git::push_as_mallory(home, &remote, &[], &[("progress.json", &target)]);
                    poison = Some(Poison::Link);
                    faults.push(format!("step {step}: a link pushed"));
                }
            },
        }
    }
    if poison.is_some() {
        sync_step(home, &machines[rng.below(3)], &mut poison, true, seed);
    }
    // Sync until quiet: every machine at the same commit as the remote.
    let mut quiet = false;
    for _ in 0..4 {
        let first = rng.below(3);
        for i in 0..3 {
            ok(lp(home, &machines[(first + i) % 3], &["sync"], None));
        }
        let heads: Vec<String> = machines.iter().map(|d| git(d, &["rev-parse", "HEAD"])).collect();
        if heads.iter().all(|h| *h == heads[0]) && heads[0] == git(Path::new(&remote), &["rev-parse", "main"])
        {
            quiet = true;
            break;
        }
    }
    assert!(quiet, "seed {seed} ({faults:?}): the machines never reached the same commit");
    assert!(common::git::remote_progress_parses(&remote), "seed {seed} ({faults:?})");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not learnpath's\n", "seed {seed}");
    let first = status(home, &machines[0]);
    for data in &machines[1..] {
        assert_eq!(
            status(home, data),
            first,
            "seed {seed} ({faults:?}): every machine shows the same progress"
        );
    }
    for (t, want) in latest.iter().enumerate() {
        for data in &machines {
            assert_eq!(
                topic_status(data, TOPICS[t]).as_deref(),
                *want,
                "seed {seed} ({faults:?}): {} lost its latest change",
                TOPICS[t]
            );
        }
    }
    for (n, line) in &lines {
        for data in &machines {
            let note = std::fs::read_to_string(data.join(NOTES[*n])).unwrap();
            assert!(note.contains(line), "seed {seed}: {} lost `{line}`:\n{note}", NOTES[*n]);
            assert!(
                !note.contains("<<<<<<<") && !note.contains(">>>>>>>"),
                "seed {seed}: conflict markers:\n{note}"
            );
        }
    }
    let log = git(&machines[0], &["log", "--format=%s%n%b"]);
    assert!(!log.to_lowercase().contains("conflict"), "seed {seed}: a conflict commit:\n{log}");
    faults
}

#[test]
fn three_machines_sync_in_random_orders_and_converge_with_nothing_lost() {
    let faults: Vec<String> = (1..=20).flat_map(round).collect();
    for kind in ["damaged", "garbage pushed", "a link pushed"] {
        assert!(
            faults.iter().filter(|f| f.contains(kind)).count() >= 3,
            "too few faults of kind {kind}: {faults:?}"
        );
    }
}

#[test]
fn sync_says_what_came_in_from_another_machine() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (_remote, a, b) = two_machines(home);
    for t in &TOPICS[..3] {
        ok(lp(home, &a, &["mark", t, "done"], None));
    }
    let said = ok(lp(home, &a, &["sync"], None));
    assert!(said.contains("nothing new"), "{said}");
    let said = ok(lp(home, &b, &["sync"], None));
    assert!(said.contains("+3 done from another machine"), "{said}");
}

#[test]
fn a_note_both_machines_changed_keeps_both_texts_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (_remote, a, b) = two_machines(home);
    for (data, text) in [(&a, "loops on the laptop\n"), (&b, "loops on the desktop\n")] {
        let path = data.join(NOTES[0]);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    ok(lp(home, &a, &["sync"], None));
    let said = ok(lp(home, &b, &["sync"], None));
    assert!(
        said.contains("both machines changed the same lines of notes/backend/coding-basics/loops.md"),
        "{said}"
    );
    let note = std::fs::read_to_string(b.join(NOTES[0])).unwrap();
    use learnpath::sync::notes_merge::{BETWEEN, END, MARK};
    assert_eq!(note, format!("{MARK}\nloops on the desktop\n{BETWEEN}\nloops on the laptop\n{END}\n"));
}

#[test]
fn an_unreachable_remote_fails_with_gits_message_and_the_next_sync_sends_everything() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let remote = bare(home);
    let (a, b) = (home.join("a"), home.join("b"));
    ok(lp(home, &a, &["sync", "init", &remote], None));
    ok(lp(home, &a, &["mark", TOPICS[1], "done"], None));
    let away = home.join("remote-away.git");
    std::fs::rename(&remote, &away).unwrap();
    let out = lp(home, &a, &["sync"], None);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("cannot reach the remote") && said.contains("next sync"), "{said}");
    assert!(
        said.contains("does not appear to be a git repository") || said.contains("fatal"),
        "git's own words: {said}"
    );
    std::fs::rename(&away, &remote).unwrap();
    ok(lp(home, &a, &["sync"], None));
    ok(lp(home, &b, &["sync", "init", &remote], None));
    assert_eq!(topic_status(&b, TOPICS[1]).as_deref(), Some("done"));
}

#[test]
fn sync_before_init_and_without_git_say_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let out = lp(home.path(), &data, &["sync"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("learnpath sync init"));
    let out = Command::new(env!("CARGO_BIN_EXE_learnpath"))
        .args(["sync", "init"])
        .env_clear()
        .env("PATH", home.path())
        .env("HOME", home.path())
        .env("LEARNPATH_DATA_DIR", &data)
        .env("LEARNPATH_CONFIG_DIR", home.path())
        .env("LEARNPATH_CACHE_DIR", home.path().join("cache"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("git is not installed") && said.contains("git-scm.com"), "{said}");
}

/// The drivers through git's own `merge`: two branches change the same
/// file, and git merges them without a conflict.
#[test]
fn gits_merge_runs_learnpaths_drivers_and_never_conflicts() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let data = home.join("data");
    ok(lp(home, &data, &["mark", TOPICS[0], "done"], Some("2026-03-01T08:00:00Z")));
    ok(lp(home, &data, &["sync", "init"], None));
    let note = data.join(NOTES[0]);
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::fs::write(&note, "base\n").unwrap();
    ok(lp(home, &data, &["sync"], None));
    git(&data, &["checkout", "-q", "-b", "other"]);
    ok(lp(home, &data, &["mark", TOPICS[0], "todo"], Some("2026-03-01T10:00:00Z")));
    ok(lp(home, &data, &["mark", TOPICS[1], "done"], Some("2026-03-01T10:00:00Z")));
    std::fs::write(&note, "base\nother side\n").unwrap();
    git(&data, &["commit", "-q", "-am", "other"]);
    git(&data, &["checkout", "-q", "main"]);
    ok(lp(home, &data, &["mark", TOPICS[2], "skipped"], Some("2026-03-01T09:00:00Z")));
    ok(lp(home, &data, &["mark", TOPICS[0], "progress"], Some("2026-03-01T09:00:00Z")));
    std::fs::write(&note, "base\nthis side\n").unwrap();
    git(&data, &["commit", "-q", "-am", "main"]);
    git(&data, &["merge", "-q", "--no-edit", "other"]);
    assert_eq!(topic_status(&data, TOPICS[0]).as_deref(), Some("todo"), "the newer change (10:00) wins");
    assert_eq!(topic_status(&data, TOPICS[1]).as_deref(), Some("done"));
    assert_eq!(topic_status(&data, TOPICS[2]).as_deref(), Some("skipped"));
    let text = std::fs::read_to_string(&note).unwrap();
    assert!(text.contains("this side") && text.contains("other side") && !text.contains("<<<<<<<"), "{text}");
    assert!(git(&data, &["status", "--porcelain"]).is_empty(), "nothing left unmerged");
}

#[test]
fn status_json_says_how_syncing_stands() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let remote = bare(home);
    let data = home.join("data");
    let sync = |data: &Path| -> Value {
        let v: Value = serde_json::from_str(&ok(lp(home, data, &["status", "--json"], None))).unwrap();
        v["sync"].clone()
    };
    assert_eq!(sync(&data), serde_json::json!({ "engine": null, "last": null, "pending": null }));
    ok(lp(home, &data, &["sync", "init", &remote], None));
    let now = sync(&data);
    assert_eq!((now["engine"].as_str(), now["pending"].as_u64()), (Some("git"), Some(0)), "{now}");
    assert!(now["last"].is_string(), "{now}");
    ok(lp(home, &data, &["mark", TOPICS[0], "done"], None));
    ok(lp(home, &data, &["mark", TOPICS[1], "skipped"], None));
    let note = data.join(NOTES[0]);
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::fs::write(&note, "a note\n").unwrap();
    assert_eq!(sync(&data)["pending"], 3, "two entries and a note wait");
    ok(lp(home, &data, &["sync"], None));
    assert_eq!(sync(&data)["pending"], 0);
    let text = ok(lp(home, &data, &["status"], None));
    assert!(text.contains("Synced with git: last 20") && text.contains("0 changes to send"), "{text}");
}
