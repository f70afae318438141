//! Syncing with the TUI running, end to end in a pseudo-terminal: the
//! background git sync of `sync = "git"`, and a data dir in a file-sync
//! folder while two TUIs tick at once.
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::git::{lp, ok};
use common::pty::Pty;
use learnpath::progress::{Progress, Status};

fn done(data: &Path) -> usize {
    let progress = Progress::open_to_read(data).unwrap();
    progress.topics("backend").filter(|(_, e)| e.status == Status::Done).count()
}

/// A home with `sync = "git"` in its config and a bare remote.
fn synced_home() -> (tempfile::TempDir, String) {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(home.path().join("config/config.toml"), "sync = \"git\"\n").unwrap();
    let remote = home.path().join("remote.git");
    let out = Command::new("git")
        .args(["init", "-q", "--bare", "--initial-branch=main"])
        .arg(&remote)
        .output()
        .unwrap();
    assert!(out.status.success());
    (home, remote.to_string_lossy().into_owned())
}

/// A `PATH` whose `git` runs `before` (shell) and then the real git, in
/// `home/bin`.
fn wrapped_git(home: &Path, before: &str) -> String {
    let bin = home.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let git = String::from_utf8(Command::new("sh").args(["-c", "command -v git"]).output().unwrap().stdout)
        .unwrap();
    common::script(&bin, "git", &format!("{before}\nexec {} \"$@\"", git.trim()));
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap())
}

fn tui(home: &Path, data: &Path, path: &str) -> Pty {
    let data = data.to_string_lossy().into_owned();
    let config = home.join("config").to_string_lossy().into_owned();
    Pty::spawn(
        &[],
        100,
        30,
        home,
        &[
            ("LEARNPATH_DATA_DIR", &data),
            ("LEARNPATH_CONFIG_DIR", &config),
            ("GIT_CONFIG_NOSYSTEM", "1"),
            ("PATH", path),
        ],
    )
}

#[test]
fn the_tui_syncs_when_it_starts_and_after_it_quits() {
    let (home, remote) = synced_home();
    let (a, b) = (home.path().join("a"), home.path().join("b"));
    ok(lp(home.path(), &a, &["sync", "init", &remote], None));
    ok(lp(home.path(), &b, &["sync", "init", &remote], None));
    ok(lp(home.path(), &b, &["mark", "dsa/big-o", "done"], None));
    let note = b.join("notes/backend/coding-basics/variables.md");
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::fs::write(&note, "written on the desktop\n").unwrap();
    ok(lp(home.path(), &b, &["sync"], None));

    let path = std::env::var("PATH").unwrap();
    let mut app = tui(home.path(), &a, &path);
    app.wait_for("⇅ synced");
    app.wait_for("1/61");
    app.send("l");
    app.wait_for("written on the desktop");
    app.send(" ");
    app.wait_for("⇅ 1 to send");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let said = String::from_utf8_lossy(&app.raw()).into_owned();
    assert!(said.contains("learnpath: synced"), "{said}");

    ok(lp(home.path(), &b, &["sync"], None));
    assert_eq!(done(&b), 2, "the tick made in the TUI reached the other machine");
}

#[test]
fn quitting_while_the_start_sync_runs_waits_for_it_then_sends_the_ticks() {
    let (home, remote) = synced_home();
    let data = home.path().join("data");
    ok(lp(home.path(), &data, &["sync", "init", &remote], None));
    // A git whose push takes three seconds.
    let path = wrapped_git(home.path(), "case \" $* \" in *\" push \"*) sleep 3;; esac");
    let mut app = tui(home.path(), &data, &path);
    app.wait_for("⇅ syncing…");
    app.send("l ");
    app.wait_for("1/61");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let said = String::from_utf8_lossy(&app.raw()).into_owned();
    assert!(said.contains("waiting for the sync started with the app"), "{said}");
    assert!(said.contains("learnpath: synced") && !said.contains("not synced"), "{said}");
    let clone = home.path().join("clone");
    ok(lp(home.path(), &clone, &["sync", "init", &remote], None));
    assert_eq!(done(&clone), 1, "the tick went with the sync after quitting");
}

#[test]
fn a_remote_that_hangs_never_holds_up_a_key() {
    let (home, remote) = synced_home();
    let data = home.path().join("data");
    ok(lp(home.path(), &data, &["sync", "init", &remote], None));
    // A git whose fetch hangs while the file `slow` exists.
    let slow = home.path().join("slow");
    std::fs::write(&slow, "").unwrap();
    // learnpath's own `-c` options come before the subcommand.
    let path = wrapped_git(
        home.path(),
        &format!("case \" $* \" in *\" fetch \"*) [ -e '{}' ] && sleep 30;; esac", slow.display()),
    );
    let mut app = tui(home.path(), &data, &path);
    app.wait_for("⇅ syncing…");
    app.send("l ");
    app.wait_for("1/61");
    app.send("j ");
    app.wait_for("2/61");
    assert!(app.contents().contains("⇅ syncing…"), "the sync is still running:\n{}", app.contents());
    std::fs::remove_file(&slow).unwrap();
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let clone = home.path().join("clone");
    ok(lp(home.path(), &clone, &["sync", "init", &remote], None));
    assert_eq!(done(&clone), 2, "the sync after quitting sent both ticks");
}

#[test]
fn a_refused_sync_says_so_in_one_line_and_ticks_still_save() {
    let (home, remote) = synced_home();
    let (a, b) = (home.path().join("a"), home.path().join("b"));
    ok(lp(home.path(), &a, &["sync", "init", &remote], None));
    ok(lp(home.path(), &b, &["sync", "init", &remote], None));
    common::git::push_as_mallory(home.path(), &remote, &[("progress.json", b"garbage")], &[]);
    let mut app = tui(home.path(), &a, &std::env::var("PATH").unwrap());
    app.wait_for("⇅ refused");
    app.wait_for("Mallory <mallory@example.com>");
    app.wait_for("sync --repair");
    app.send("l ");
    app.wait_for("1/61");
    app.send("q");
    assert_eq!(app.wait_exit(), 0, "quitting is not an error");
    let said = String::from_utf8_lossy(&app.raw()).into_owned();
    assert!(said.contains("not synced, your changes wait here"), "{said}");
    assert_eq!(done(&a), 1, "the tick is saved here");
    ok(lp(home.path(), &a, &["sync", "--repair"], None));
    ok(lp(home.path(), &b, &["sync"], None));
    assert_eq!(done(&b), 1, "and reached the other machine after the repair");
}

/// A file-sync tool between two data dirs, as Syncthing and its kind work:
/// a file changed on one side only is copied over the other (by rename,
/// never half-written); a file changed on both sides since the last pass
/// keeps one side's version everywhere and the other's as a conflict copy
/// named the way one of the tools names it. Conflict copies themselves
/// are copied like any file, and their removal too.
struct SyncTool {
    dirs: [PathBuf; 2],
    /// `progress.json` as both sides had it after the last pass.
    last: Option<Vec<u8>>,
    /// Conflict copies present on both sides after the last pass.
    copies: BTreeMap<String, Vec<u8>>,
    conflicts: usize,
}

const COPY_NAMES: [&str; 5] = [
    "progress.sync-conflict-20260301-120000-7XQK2PA.json",
    "progress (Ana's conflicted copy 2026-03-01).json",
    "progress_conflict-20260301-120000.json",
    "progress-LAPTOP-ANA.json",
    "progress.Conflict.json",
];

fn put(path: &Path, bytes: &[u8]) {
    let tmp = path.with_file_name(format!(".synctool-{}", std::process::id()));
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

impl SyncTool {
    fn pass(&mut self) {
        let read = |d: &PathBuf| std::fs::read(d.join("progress.json")).ok();
        let (a, b) = (read(&self.dirs[0]), read(&self.dirs[1]));
        // What both sides hold after this pass: the version it settles on.
        let mut settled = a.clone();
        if a != b {
            match (&a, &b) {
                (Some(a), b) if b.is_none() || b == &self.last => put(&self.dirs[1].join("progress.json"), a),
                (a, Some(b)) if a.is_none() || a == &self.last => {
                    put(&self.dirs[0].join("progress.json"), b);
                    settled = Some(b.clone());
                }
                (Some(a), Some(b)) => {
                    // Both changed: the first side's version wins, the
                    // other's is kept as a conflict copy on both sides.
                    let name = COPY_NAMES[self.conflicts % COPY_NAMES.len()];
                    self.conflicts += 1;
                    put(&self.dirs[1].join("progress.json"), a);
                    put(&self.dirs[0].join(name), b);
                    put(&self.dirs[1].join(name), b);
                }
                _ => {}
            }
        }
        self.last = settled;
        // Copies: new ones travel, removed ones are removed on the other side.
        for name in COPY_NAMES {
            let here: Vec<Option<Vec<u8>>> =
                self.dirs.iter().map(|d| std::fs::read(d.join(name)).ok()).collect();
            match (&here[0], &here[1], self.copies.get(name)) {
                (Some(_), None, Some(_)) => {
                    let _ = std::fs::remove_file(self.dirs[0].join(name));
                }
                (None, Some(_), Some(_)) => {
                    let _ = std::fs::remove_file(self.dirs[1].join(name));
                }
                (Some(x), None, None) => put(&self.dirs[1].join(name), x),
                (None, Some(x), None) => put(&self.dirs[0].join(name), x),
                _ => {}
            }
            match (std::fs::read(self.dirs[0].join(name)), std::fs::read(self.dirs[1].join(name))) {
                (Ok(x), Ok(_)) => self.copies.insert(name.to_string(), x),
                _ => self.copies.remove(name),
            };
        }
    }
}

#[test]
fn two_tuis_in_a_file_sync_folder_converge_with_nothing_lost() {
    let home = tempfile::tempdir().unwrap();
    let dirs = [home.path().join("laptop"), home.path().join("desktop")];
    for d in &dirs {
        std::fs::create_dir_all(d).unwrap();
    }
    let (stop, online) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
    let tool = {
        let (stop, online, dirs) = (stop.clone(), online.clone(), dirs.clone());
        std::thread::spawn(move || {
            let mut tool = SyncTool { dirs, last: None, copies: BTreeMap::new(), conflicts: 0 };
            while !stop.load(Ordering::SeqCst) {
                if online.load(Ordering::SeqCst) {
                    tool.pass();
                }
                std::thread::sleep(Duration::from_millis(15));
            }
            tool.conflicts
        })
    };
    let path = std::env::var("PATH").unwrap();
    let mut laptop = tui(home.path(), &dirs[0], &path);
    let mut desktop = tui(home.path(), &dirs[1], &path);
    laptop.wait_for("Steps");
    desktop.wait_for("Steps");
    // Apart: the laptop ticks two of the first step's topics, the desktop
    // two of the second's. Both files change, so the tool must make a
    // conflict copy when the machines meet.
    laptop.send("l");
    desktop.send("jl");
    laptop.send(" j j");
    desktop.send(" j j");
    laptop.wait_for("2/61");
    desktop.wait_for("2/61");
    online.store(true, Ordering::SeqCst);
    laptop.wait_for("4/61");
    desktop.wait_for("4/61");
    // Together: both tick at once while the tool copies back and forth.
    for _ in 0..3 {
        laptop.send(" j");
        desktop.send(" j");
    }
    laptop.wait_for("10/61");
    desktop.wait_for("10/61");
    laptop.send("q");
    desktop.send("q");
    assert_eq!(laptop.wait_exit(), 0);
    assert_eq!(desktop.wait_exit(), 0);
    // The tool settles: both dirs hold every tick.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while dirs.iter().any(|d| done(d) != 10) {
        assert!(std::time::Instant::now() < deadline, "the dirs never settled on every tick");
        std::thread::sleep(Duration::from_millis(20));
    }
    stop.store(true, Ordering::SeqCst);
    let conflicts = tool.join().unwrap();
    assert!(conflicts >= 1, "the machines met with both files changed: a conflict copy");
    for d in &dirs {
        assert_eq!(done(d), 10, "{} has every tick of both machines", d.display());
    }
}
