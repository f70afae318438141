//! Fault tests with the real binary: crashes, two instances, bad files,
//! signals, panics, suspend, text-mode browsers and hostile text.

// These run the binary in a Unix pseudo-terminal (and send Unix signals);
// docs/engineering.md lists them under "Systems: what is verified where".
#![cfg(unix)]

mod common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::pty::Pty;
use learnpath::progress::{Progress, Status};

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|it| it.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn kill_9_during_a_burst_of_ticks_never_leaves_a_broken_file() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    for round in 0..8u64 {
        let mut app = Pty::spawn(&[], 80, 24, home.path(), &[]);
        app.wait_for("Steps");
        app.send("l");
        app.wait_for("Space done");
        app.send(&"x".repeat(400));
        std::thread::sleep(Duration::from_millis(5 + round * 9));
        app.signal(libc::SIGKILL);
        app.wait_exit();
        // The file is the old or the new complete version. A kill inside
        // the final rename may leave one named temp file, which the next
        // open clears; they never pile up.
        let temps = files_in(&data).iter().filter(|n| n.starts_with(".progress.json.")).count();
        assert!(temps <= 1, "round {round}: {temps} temp files");
        let progress = Progress::open(&data).unwrap();
        assert!(progress.notice.is_none(), "round {round}: {:?}", progress.notice);
        let names = files_in(&data);
        assert!(
            names.iter().all(|n| ["progress.json", "progress.json.lock", "state.json"].contains(&n.as_str())),
            "round {round}: {names:?}"
        );
    }
    assert!(data.join("progress.json").exists(), "some saves happened before the kills");
}

#[test]
fn two_instances_see_and_keep_each_others_ticks() {
    let home = tempfile::tempdir().unwrap();
    let mut a = Pty::spawn(&[], 80, 24, home.path(), &[]);
    let mut b = Pty::spawn(&[], 80, 24, home.path(), &[]);
    a.wait_for("Steps");
    b.wait_for("Steps");
    a.send("lx");
    a.wait_for("Done: Variables and data");
    b.send("jlx");
    b.wait_for("Done: Big O notation and complexity");
    // Each shows the other's tick without a key press.
    a.wait_for("   algorithms                1/7");
    b.wait_for("Learn basic coding skills 1/7");
    a.send("q");
    b.send("q");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(b.wait_exit(), 0);
    let disk = Progress::open(&home.path().join("data")).unwrap();
    assert_eq!(disk.status("backend", "coding-basics/variables"), Status::Done);
    assert_eq!(disk.status("backend", "dsa/big-o"), Status::Done);
}

#[test]
fn a_corrupt_file_is_kept_aside_and_named_on_screen() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join("progress.json"), b"{\"format\": 1, \"curricula\": {").unwrap();
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[]);
    app.wait_for("progress file was damaged");
    app.wait_for("progress.json.corrupt-");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let kept: Vec<String> = files_in(&data).into_iter().filter(|n| n.contains(".corrupt-")).collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(data.join(&kept[0])).unwrap(), b"{\"format\": 1, \"curricula\": {");
}

#[test]
fn a_newer_format_is_read_only_and_left_untouched() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let newer =
        br#"{"format": 9, "curricula": {"backend": {"topics": {"coding-basics/loops": {"state": 3}}}}}"#;
    fs::write(data.join("progress.json"), newer).unwrap();
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[]);
    app.wait_for("read-only");
    app.send("lx");
    app.wait_for("ticks can't be saved");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(fs::read(data.join("progress.json")).unwrap(), newer);
}

#[test]
fn an_unwritable_data_dir_keeps_working_and_exits_non_zero() {
    let home = tempfile::tempdir().unwrap();
    let plain = home.path().join("plain-file");
    fs::write(&plain, "not a directory").unwrap();
    let data = plain.join("data");
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[("LEARNPATH_DATA_DIR", data.to_str().unwrap())]);
    app.wait_for("Steps");
    app.send("lx");
    app.wait_for("Not saved");
    app.wait_for("Topics 1/7");
    app.send("jx");
    app.wait_for("Topics 2/7");
    app.wait_for("Not saved");
    app.send("q");
    assert_eq!(app.wait_exit(), 1);
    app.wait_for("could not be saved");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let home = tempfile::tempdir().unwrap();
        let mut app = Pty::spawn(&[], 80, 24, home.path(), &[]);
        app.wait_for("Steps");
        app.signal(signal);
        assert_eq!(app.wait_exit(), 0, "signal {signal}");
        let raw = String::from_utf8_lossy(&app.raw()).into_owned();
        let entered = raw.find("\x1b[?1049h").expect("entered the alternate screen");
        let left = raw
            .rfind("\x1b[?1049l")
            .unwrap_or_else(|| panic!("signal {signal}: never left the alternate screen"));
        assert!(left > entered);
    }
}

#[test]
fn a_panic_restores_the_terminal_then_prints_the_message() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("LEARNPATH_TEST_PANIC", "1")]);
    app.wait_for("Steps");
    app.send("!");
    assert_ne!(app.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&app.raw()).into_owned();
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    let message = raw.find("test panic requested").expect("the panic message is printed");
    assert!(message > left, "the message comes after the restore, where it can be read");
    let mouse_off = raw.rfind("\x1b[?1000l").expect("mouse capture is released");
    assert!(mouse_off > raw.rfind("\x1b[?1000h").unwrap());
}

#[test]
fn ctrl_z_hands_the_terminal_back_and_redraws_on_resume() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[]);
    app.wait_for("Steps");
    let before = app.raw().len();
    app.send("\x1a");
    // The test's pty has no job control, so the stop is discarded and the
    // app resumes at once: it must have restored, then taken back, the screen.
    app.wait_for_raw(before, b"\x1b[?1049l");
    app.wait_for_raw(before, b"\x1b[?1049h");
    app.send("j");
    app.wait_for("Step 2 of 7");
    let raw = String::from_utf8_lossy(&app.raw()[before..]).into_owned();
    let left = raw.find("\x1b[?1049l").expect("restored the terminal before stopping");
    let back = raw.rfind("\x1b[?1049h").expect("took the terminal back on resume");
    assert!(back > left);
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn ctrl_z_stops_the_job_in_a_shell_and_fg_brings_it_back() {
    let home = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_learnpath");
    let mut shell =
        Pty::spawn_program("bash", &["--norc", "--noprofile", "-i"], 80, 24, home.path(), &[("PS1", "$ ")]);
    shell.send(&format!("{bin}\r"));
    shell.wait_for("q quit");
    shell.send("\x1a");
    // The shell's job control saw the app stop, and got its cooked terminal back.
    shell.wait_for("Stopped");
    shell.send("fg\r");
    shell.wait_for("q quit");
    shell.send("j");
    shell.wait_for("Step 2 of 7");
    shell.send("q");
    // Back at the prompt once the app's screen is gone.
    let start = std::time::Instant::now();
    while shell.contents().contains("q quit") && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    shell.send("echo done-$?\r");
    shell.wait_for("done-0");
    shell.send("exit\r");
    shell.wait_exit();
}

#[test]
fn a_text_mode_browser_gets_a_restored_terminal() {
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join("bin");
    fs::create_dir_all(&bin).unwrap();
    let log = home.path().join("w3m.log");
    common::script(&bin, "w3m", &format!("{{ echo \"$1\"; stty -a; }} > '{}' 2>&1", log.display()));
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("BROWSER", "w3m"), ("PATH", &path)]);
    app.wait_for("Steps");
    app.send("\x1b[Z\r");
    app.wait_for("Opened https://boot.dev/courses/learn-python/");
    let seen = fs::read_to_string(&log).unwrap();
    assert!(seen.starts_with("https://boot.dev/courses/learn-python/\n"), "{seen}");
    assert!(seen.contains(" icanon") && seen.contains(" echo"), "w3m got a cooked terminal: {seen}");
    app.wait_for("Topics 0/7");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn hostile_titles_never_reach_the_terminal_raw() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("evil.toml");
    fs::write(
        &file,
        "format = 1\nid = \"evil\"\ntitle = \"T\\u001b]0;pwned\\u0007\"\n[[steps]]\nid = \"s\"\ntitle = \"A\\u0007B\\u001b[31mC\\tD\"\n",
    )
    .unwrap();
    let mut app = Pty::spawn(&["--curriculum", file.to_str().unwrap()], 80, 24, home.path(), &[]);
    app.wait_for("T␛]0;pwned␇");
    app.wait_for("A␇B␛[31mC D");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let raw = app.raw();
    assert!(!raw.windows(4).any(|w| w == b"\x1b]0;"), "no OSC 0 was written");
    assert!(!raw.contains(&0x07), "no bell was written");
}
