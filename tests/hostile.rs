//! Hostile files and inputs, with the real binary: what it must survive
//! without hiding or losing progress, and without hanging.

mod common;
use common::Drive;

use std::path::Path;

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_default())
        })
        .collect();
    out.sort();
    out
}

fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = common::learnpath(home, args, &[]);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn one_bad_entry_hides_nothing_and_is_kept_as_it_is() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    // A byte-order mark, two good ticks, a status from some newer version,
    // a number where a time belongs, and a bad entry in another path.
    let file = "\u{feff}{\"format\": 1, \"curricula\": {\
        \"backend\": {\"topics\": {\
          \"coding-basics/loops\": {\"status\": \"done\", \"at\": \"2026-01-01T00:00:00Z\"},\
          \"coding-basics/lists\": {\"status\": \"done\", \"at\": \"2026-01-02T00:00:00Z\"},\
          \"coding-basics/functions\": {\"status\": \"mastered\", \"at\": \"2026-01-03T00:00:00Z\"},\
          \"dsa/big-o\": {\"status\": \"done\", \"at\": 1767225600}}},\
        \"other\": {\"topics\": {\"x/y\": {\"status\": \"half\"}}}}}";
    std::fs::write(data.join("progress.json"), file).unwrap();
    let before = files(&data);
    let (code, out, err) = run(home.path(), &["status", "--json"]);
    assert_eq!(code, 0, "{err}");
    let status: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(status["done"], 2, "the good ticks still count");
    assert!(
        err.contains("3 entries in") && err.contains("were not understood and are kept as they are"),
        "{err}"
    );
    assert_eq!(files(&data), before, "a command that only prints changes nothing");

    let (code, _, err) = run(home.path(), &["mark", "coding-basics/variables", "done"]);
    assert_eq!(code, 0, "{err}");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("progress.json")).unwrap()).unwrap();
    let topics = &saved["curricula"]["backend"]["topics"];
    assert_eq!(topics["coding-basics/variables"]["status"], "done");
    assert_eq!(topics["coding-basics/functions"]["status"], "mastered", "kept as it was");
    assert_eq!(topics["dsa/big-o"]["at"], 1767225600, "kept as it was");
    assert_eq!(saved["curricula"]["other"]["topics"]["x/y"]["status"], "half", "another path's entry too");
    assert!(files(&data).iter().all(|(name, _)| !name.contains("corrupt")), "nothing was moved aside");
}

#[test]
fn commands_that_only_print_never_move_or_write_a_damaged_file() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("progress.json"), "{ this is not json").unwrap();
    let before = files(&data);
    for args in
        [&["status"][..], &["status", "--json"], &["next"], &["list"], &["export"], &["review"], &["stats"]]
    {
        let (code, _, err) = run(home.path(), args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(err.contains("is not valid progress"), "{args:?} says why it shows nothing: {err}");
        assert_eq!(files(&data), before, "{args:?} changed the data dir");
    }
    // A command that saves keeps the damaged file aside, byte for byte.
    let (code, _, err) = run(home.path(), &["mark", "coding-basics/loops", "done"]);
    assert_eq!(code, 0, "{err}");
    let aside: Vec<_> = files(&data).into_iter().filter(|(name, _)| name.contains(".corrupt-")).collect();
    assert_eq!(aside.len(), 1, "{err}");
    assert_eq!(aside[0].1, b"{ this is not json");
}

#[cfg(unix)]
#[test]
fn a_linked_progress_file_stays_a_link_and_its_target_gets_the_ticks() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let (data, synced) = (home.path().join("data"), home.path().join("Sync"));
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&synced).unwrap();
    let target = synced.join("learnpath.json");
    std::fs::write(&target, "{\"format\": 1, \"curricula\": {}}\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("../Sync/learnpath.json", data.join("progress.json")).unwrap();
    for key in ["coding-basics/loops", "coding-basics/lists"] {
        let (code, _, err) = run(home.path(), &["mark", key, "done"]);
        assert_eq!(code, 0, "{err}");
    }
    let link = std::fs::symlink_metadata(data.join("progress.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let saved = std::fs::read_to_string(&target).unwrap();
    assert!(saved.contains("coding-basics/loops") && saved.contains("coding-basics/lists"), "{saved}");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the target keeps its permissions");
    assert!(synced.join("learnpath.json.lock").exists(), "the lock sits next to the real file");
    let leftovers: Vec<_> =
        files(&synced).into_iter().map(|(n, _)| n).filter(|n| n.starts_with('.')).collect();
    assert!(leftovers.is_empty(), "no temp files: {leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_new_progress_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let (code, _, err) = run(home.path(), &["mark", "coding-basics/loops", "done"]);
    assert_eq!(code, 0, "{err}");
    let mode =
        std::fs::metadata(home.path().join("data/progress.json")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

/// Runs the binary like [`run`], failing (not hanging) if it does not end
/// within a generous guard: these are inputs that once hung forever.
fn run_guarded(home: &Path, args: &[&str]) -> (i32, String, String) {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_learnpath"))
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("LEARNPATH_DATA_DIR", home.join("data"))
        .env("LEARNPATH_CONFIG_DIR", home.join("config"))
        .env("LEARNPATH_CACHE_DIR", home.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("`learnpath {}` hung", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[cfg(unix)]
fn fifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo only reads the NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_and_never_hang() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let curricula = h.join("config/curricula");
    std::fs::create_dir_all(&curricula).unwrap();
    let pipe = h.join("pipe.toml");
    fifo(&pipe);
    let pipe_arg = pipe.to_str().unwrap();
    // As a file to validate or to open.
    for args in [&["validate", pipe_arg][..], &["--curriculum", pipe_arg, "status"]] {
        let (code, _, err) = run_guarded(h, args);
        assert_eq!(code, 1, "{args:?}");
        assert!(err.contains("is not a regular file"), "{args:?}: {err}");
    }
    // As the config's curriculum.
    std::fs::write(h.join("config/config.toml"), format!("curriculum = {:?}\n", pipe_arg)).unwrap();
    let (code, _, err) = run_guarded(h, &["status"]);
    assert_eq!(code, 1);
    assert!(err.contains("is not a regular file"), "{err}");
    std::fs::remove_file(h.join("config/config.toml")).unwrap();
    // Among the learner's curricula: listed as invalid.
    fifo(&curricula.join("stuck.toml"));
    let (code, out, err) = run_guarded(h, &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("is not a regular file"), "{out}");
    // As a note, and as the progress file.
    let notes = h.join("data/notes/backend/coding-basics");
    std::fs::create_dir_all(&notes).unwrap();
    fifo(&notes.join("loops.md"));
    let (code, out, err) = run_guarded(h, &["export"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Loops"), "{out}");
    fifo(&h.join("data/progress.json"));
    let (code, _, err) = run_guarded(h, &["status"]);
    assert_eq!(code, 1);
    assert!(err.contains("is not a regular file"), "{err}");
}

#[test]
fn an_alias_bomb_is_refused_and_the_most_aliases_allowed_stay_fast() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // One step with 20,000 aliases and 5,000 topics: 417 KB that once made
    // `status` build 100 million keys and abort.
    let mut bomb = String::from(
        "format = 1\nid = \"bomb\"\ntitle = \"B\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\naliases = [",
    );
    bomb.push_str(&(0..20_000).map(|i| format!("\"a{i}\"")).collect::<Vec<_>>().join(","));
    bomb.push_str("]\n");
    for t in 0..5_000 {
        bomb.push_str(&format!("[[steps.topics]]\nid = \"t{t}\"\ntitle = \"T\"\naliases = [\"o{t}\"]\n"));
    }
    std::fs::write(h.join("bomb.toml"), &bomb).unwrap();
    let (code, _, err) = run_guarded(h, &["validate", h.join("bomb.toml").to_str().unwrap()]);
    assert_eq!(code, 1);
    let at = format!("{}:5:6: step \"s\" has 20000 aliases, more than 32", h.join("bomb.toml").display());
    assert!(err.starts_with(&at), "{err}");

    // The most that validates: 32 aliases on the step and on each topic.
    let mut most = String::from(
        "format = 1\nid = \"most\"\ntitle = \"M\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\naliases = [",
    );
    most.push_str(&(0..32).map(|i| format!("\"a{i}\"")).collect::<Vec<_>>().join(","));
    most.push_str("]\n");
    for t in 0..5_000 {
        let aliases = (0..32).map(|i| format!("\"t{t}-{i}\"")).collect::<Vec<_>>().join(",");
        most.push_str(&format!("[[steps.topics]]\nid = \"t{t}\"\ntitle = \"T\"\naliases = [{aliases}]\n"));
    }
    std::fs::write(h.join("most.toml"), &most).unwrap();
    let most_arg = h.join("most.toml");
    let most_arg = most_arg.to_str().unwrap();
    let (code, _, err) = run_guarded(h, &["validate", most_arg]);
    assert_eq!(code, 0, "{err}");
    // Ticks recorded under old names are carried, and status counts them.
    let data = h.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let topics: Vec<String> = (0..5_000)
        .map(|t| format!("\"a31/t{t}-31\": {{\"status\": \"done\", \"at\": \"2026-01-01T00:00:00Z\"}}"))
        .collect();
    let file =
        format!("{{\"format\": 1, \"curricula\": {{\"most\": {{\"topics\": {{{}}}}}}}}}", topics.join(","));
    std::fs::write(data.join("progress.json"), file).unwrap();
    let (code, out, err) = run_guarded(h, &["--curriculum", most_arg, "status", "--json"]);
    assert_eq!(code, 0, "{err}");
    let status: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((status["done"].as_u64(), status["orphans"].as_u64()), (Some(5_000), Some(0)));
}

/// Holds the progress lock of `data` as another learnpath would.
fn hold_lock(data: &Path) -> std::fs::File {
    std::fs::create_dir_all(data).unwrap();
    let file = std::fs::File::create(data.join("progress.json.lock")).unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn a_command_says_it_waits_for_a_held_lock_then_saves() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let home = tempfile::tempdir().unwrap();
    let lock = hold_lock(&home.path().join("data"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_learnpath"))
        .args(["mark", "coding-basics/loops", "done"])
        .env_clear()
        .env("HOME", home.path())
        .env("LEARNPATH_DATA_DIR", home.path().join("data"))
        .env("LEARNPATH_CONFIG_DIR", home.path().join("config"))
        .env("LEARNPATH_CACHE_DIR", home.path().join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The lock is let go once the command says it is waiting for it.
    let mut err = child.stderr.take().unwrap();
    let mut said = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&said).contains("finish saving…") {
        assert!(
            std::time::Instant::now() < deadline,
            "it never said it waits: {}",
            String::from_utf8_lossy(&said)
        );
        match err.read(&mut byte) {
            Ok(1) => said.push(byte[0]),
            _ => panic!("it ended without saying it waits: {}", String::from_utf8_lossy(&said)),
        }
    }
    drop(lock);
    err.read_to_end(&mut said).unwrap();
    assert!(child.wait().unwrap().success(), "{}", String::from_utf8_lossy(&said));
    let saved = std::fs::read_to_string(home.path().join("data/progress.json")).unwrap();
    assert!(saved.contains("coding-basics/loops"));
}

#[test]
fn a_lock_held_too_long_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let _lock = hold_lock(&home.path().join("data"));
    let (code, _, err) = run_guarded(home.path(), &["mark", "coding-basics/loops", "done"]);
    assert_eq!(code, 1);
    assert!(err.contains("another learnpath has been saving for over 10 s"), "{err}");
    assert!(err.contains("progress.json.lock"), "it names the file: {err}");
}

#[test]
fn the_tui_starts_at_once_and_saves_when_the_lock_frees() {
    use learnpath::app::Action;
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let lock = hold_lock(&data);
    // Opening must not wait for the lock (a guard thread turns a hang into
    // a failure).
    let (tx, rx) = std::sync::mpsc::channel();
    let dir = data.clone();
    std::thread::spawn(move || tx.send(learnpath::progress::Progress::open(&dir).is_ok()).unwrap());
    assert_eq!(rx.recv_timeout(std::time::Duration::from_secs(5)), Ok(true), "opening waited for the lock");
    let mut app = common::app_in(&data);
    app.act(Action::FocusRight);
    app.act(Action::Toggle);
    assert!(app.waiting(), "the save waits");
    assert!(format!("{:?}", app.message()).contains("waiting for another learnpath"), "{:?}", app.message());
    assert!(!data.join("progress.json").exists(), "nothing written under another's lock");
    assert_eq!(app.done_total(), 1, "the tick shows meanwhile");
    drop(lock);
    // The other learnpath's write wakes the app, which saves.
    app.act(Action::Reload);
    assert!(!app.waiting());
    let saved = std::fs::read_to_string(data.join("progress.json")).unwrap();
    assert!(saved.contains("coding-basics/variables"), "{saved}");
}

#[test]
fn a_note_that_is_not_utf8_is_shown_searched_and_exported_lossily() {
    use learnpath::app::Action;
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let notes = data.join("notes/backend/coding-basics");
    std::fs::create_dir_all(&notes).unwrap();
    // Latin-1, as an old editor on Windows would save it.
    std::fs::write(notes.join("loops.md"), b"caf\xe9 and for-loops\n").unwrap();
    let mut app = common::started(common::app_in(&data).with_data_dir(data.clone()));
    let (s, t) = app.path().curriculum.locate("coding-basics/loops").unwrap();
    assert_eq!(app.notes().get(s, t), Some("caf\u{fffd} and for-loops\n"));
    assert!(app.notes().is_lossy(s, t));
    app.act(Action::OpenSearch);
    for c in "for-loops".chars() {
        app.act(Action::SearchInput(c));
    }
    let hits = app.search().unwrap().hits.iter().map(|h| app.search_entries()[h.entry].text.clone());
    assert!(hits.clone().any(|h| h.contains("caf\u{fffd} and for-loops")), "{:?}", hits.collect::<Vec<_>>());
    app.act(Action::Close);
    let screen = {
        let mut events = common::keys(&[crossterm::event::KeyCode::Char('l')]);
        events.extend(common::keys(&[crossterm::event::KeyCode::Down; 2]));
        let (terminal, _) = common::run(&mut app, 100, 30, events);
        common::screen(&terminal)
    };
    assert!(screen.contains("⚠ this note is not UTF-8"), "{screen}");
    let (code, out, err) = run(home.path(), &["export"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("  > caf\u{fffd} and for-loops"), "{out}");
    assert!(err.contains("1 note is not UTF-8 text"), "{err}");
}
