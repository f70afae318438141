//! Syncing through git, end to end: the real binary and the system's git,
//! with bare repositories in a temp dir as the remotes (no network).
//!
//! Not on Windows: the Windows build is tested under wine here, where git
//! cannot run. The git path is compiled for Windows by the cross check.
#![cfg(not(windows))]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs learnpath for machine `data` in `home`, with git's global and
/// system config out of the way.
fn lp(home: &Path, data: &Path, args: &[&str], now: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_learnpath"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LEARNPATH_DATA_DIR", data)
        .env("LEARNPATH_CONFIG_DIR", home.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(now) = now {
        cmd.env("LEARNPATH_NOW", now);
    }
    common::spawn(&mut cmd).wait_with_output().unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn bare(home: &Path) -> String {
    let remote = home.join("remote.git");
    std::fs::create_dir_all(&remote).unwrap();
    git(&remote, &["init", "-q", "--bare", "--initial-branch=main"]);
    remote.to_string_lossy().into_owned()
}

/// `status --json` without the one line that must differ: the file's path.
fn status(home: &Path, data: &Path) -> Value {
    let mut v: Value = serde_json::from_str(&ok(lp(home, data, &["status", "--json"], None))).unwrap();
    v.as_object_mut().unwrap().remove("progress_file");
    v.as_object_mut().unwrap().remove("sync");
    v
}

fn topic_status(data: &Path, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(data.join("progress.json")).ok()?;
    let v: Value = serde_json::from_str(&text).ok()?;
    v["curricula"]["backend"]["topics"][key]["status"].as_str().map(str::to_string)
}

const TOPICS: [&str; 5] = [
    "coding-basics/variables",
    "coding-basics/loops",
    "coding-basics/lists",
    "coding-basics/functions",
    "dsa/big-o",
];
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

/// One round: three machines join one remote, then tick, untick, skip,
/// write notes and sync in an order the seed picks; then sync until quiet.
fn round(seed: u64) {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let remote = bare(home);
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
    for step in 0..14 {
        let m = rng.below(3);
        let data = &machines[m];
        match rng.below(3) {
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
            _ => {
                ok(lp(home, data, &["sync"], None));
            }
        }
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
    assert!(quiet, "seed {seed}: the machines never reached the same commit");
    let first = status(home, &machines[0]);
    for data in &machines[1..] {
        assert_eq!(status(home, data), first, "seed {seed}: every machine shows the same progress");
    }
    for (t, want) in latest.iter().enumerate() {
        for data in &machines {
            assert_eq!(
                topic_status(data, TOPICS[t]).as_deref(),
                *want,
                "seed {seed}: {} lost its latest change",
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
}

#[test]
fn three_machines_sync_in_random_orders_and_converge_with_nothing_lost() {
    for seed in 1..=20 {
        round(seed);
    }
}

#[test]
fn sync_says_what_came_in_from_another_machine() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let remote = bare(home);
    let (a, b) = (home.join("a"), home.join("b"));
    ok(lp(home, &a, &["sync", "init", &remote], None));
    ok(lp(home, &b, &["sync", "init", &remote], None));
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
    let remote = bare(home);
    let (a, b) = (home.join("a"), home.join("b"));
    ok(lp(home, &a, &["sync", "init", &remote], None));
    ok(lp(home, &b, &["sync", "init", &remote], None));
    for (data, text) in [(&a, "loops on the laptop\n"), (&b, "loops on the desktop\n")] {
        let path = data.join(NOTES[0]);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    ok(lp(home, &a, &["sync"], None));
    let said = ok(lp(home, &b, &["sync"], None));
    assert!(said.contains("both machines changed notes/backend/coding-basics/loops.md"), "{said}");
    let note = std::fs::read_to_string(b.join(NOTES[0])).unwrap();
    assert_eq!(
        note,
        format!("loops on the desktop\n\n{}\n\nloops on the laptop\n", learnpath::sync::notes_merge::MARK)
    );
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
    assert!(text.contains("Synced with git: last 20") && text.contains("0 change(s) to send"), "{text}");
}
