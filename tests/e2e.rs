//! The real binary in a pseudo-terminal: keys in, screen out.

// These run the binary in a Unix pseudo-terminal (and send Unix signals);
// docs/engineering.md lists them under "Systems: what is verified where".
#![cfg(unix)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::Pty;

/// A `$BROWSER` stub that appends each URL it is given to `opened.txt`.
fn stub_browser(dir: &Path) -> String {
    let log = dir.join("opened.txt");
    common::script(dir, "browser.sh", &format!("printf '%s\\n' \"$1\" >> '{}'", log.display()))
        .display()
        .to_string()
}

fn wait_for_file(path: &Path, text: &str) -> String {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        let content = std::fs::read_to_string(path).unwrap_or_default();
        if content.contains(text) {
            return content;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{} never contained {text:?}", path.display());
}

#[test]
fn tick_open_quit_and_find_the_ticks_again() {
    let home = tempfile::tempdir().unwrap();
    let browser = stub_browser(home.path());
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("BROWSER", &browser)]);
    app.wait_for("Learn basic coding skills 0/7");

    // Into the topics of step 1, tick the first two.
    app.send("l");
    app.wait_for("Space done");
    app.send(" ");
    app.wait_for("Done: Variables and data");
    app.send("j ");
    app.wait_for("Topics 2/7");

    // Open the second resource through the stub browser.
    app.send("\t");
    app.wait_for("Enter open");
    app.send("j\r");
    app.wait_for("Opened https://edabit.com/challenges/javascript");
    let opened = wait_for_file(&home.path().join("opened.txt"), "edabit");
    assert_eq!(opened, "https://edabit.com/challenges/javascript\n");
    assert!(app.contents().contains("Topics 2/7"), "the screen is intact");

    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&app.raw()).to_string();
    assert!(raw.ends_with("\x1b[?1049l") || raw.contains("\x1b[?1049l"), "left the alternate screen");

    // A second run shows the ticks.
    let mut again = Pty::spawn(&[], 80, 24, home.path(), &[]);
    again.wait_for("Learn basic coding skills 2/7");
    again.wait_for("2/61");
    again.send("\x03");
    assert_eq!(again.wait_exit(), 0);

    let status = common::status_json(home.path());
    assert_eq!(status["done"], 2);
    assert_eq!(status["total"], 61);
    assert_eq!(status["curriculum"]["id"], "backend");
    assert_eq!(status["steps"][0]["id"], "coding-basics");
    assert_eq!(status["steps"][0]["done"], 2);
    assert_eq!(status["steps"][0]["total"], 7);
    assert_eq!(status["steps"][1]["done"], 0);
}

#[test]
fn faq_help_and_a_tiny_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[]);
    app.wait_for("Steps");
    app.send("f");
    app.wait_for("Questions");
    app.send("j");
    app.wait_for("Yes. Backend roles ask");
    app.send("?");
    app.wait_for("Help · Esc to close");
    app.send("\x1b");
    app.wait_for("j/k question  J/K scroll");
    app.send("\x1b");
    app.wait_for("Topics 0/7");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);

    let mut small = Pty::spawn(&[], 40, 10, home.path(), &[]);
    small.wait_for("Terminal too small (40x10)");
    small.send("q");
    assert_eq!(small.wait_exit(), 0);
}

#[test]
fn a_failing_browser_leaves_the_url_on_screen() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("no-such-browser");
    let mut app = Pty::spawn(
        &[],
        100,
        30,
        home.path(),
        &[("BROWSER", missing.to_str().unwrap()), ("PATH", "/nonexistent")],
    );
    app.wait_for("Steps");
    app.send("\x1b[Z\r");
    app.wait_for("No browser could open https://boot.dev/courses/learn-python/");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_remembered_curriculum_that_broke_says_why_on_screen_not_only_after_quitting() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("mine.toml");
    std::fs::write(&file, "format = 1\nid = \"Bad\"\n").unwrap();
    learnpath::resume::remember(&home.path().join("data"), &learnpath::config::Source::File(file.clone()))
        .unwrap();
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[]);
    app.wait_for("Learn Backend Development");
    app.wait_for("mine.toml:");
    app.wait_for("the shipped path is open");
    app.send("j");
    app.wait_for("Step 2 of 7");
    // A key dismisses it.
    app.wait_gone("mine.toml:");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let after = String::from_utf8_lossy(&app.raw()).into_owned();
    assert!(after.matches("mine.toml:").count() >= 2, "said again after quitting");
}

#[test]
fn the_demo_moves_the_clock_on_a_copy_and_writes_nothing_back() {
    let home = tempfile::tempdir().unwrap();
    let tmp = home.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let marked = common::learnpath(home.path(), &["mark", "coding-basics/loops", "done"], &[]);
    assert!(marked.status.success());
    let file = home.path().join("data/progress.json");
    let before = std::fs::read(&file).unwrap();
    let tmp_text = tmp.to_string_lossy().into_owned();
    let mut app = Pty::spawn(&["--demo", "--days", "30"], 100, 30, home.path(), &[("TMPDIR", &tmp_text)]);
    app.wait_for("DEMO · clock +30 days · not saved");
    app.wait_for("1 due for review (r)");
    app.send("lj ");
    app.wait_for("2/61");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(std::fs::read(&file).unwrap(), before, "the real progress is untouched");
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0, "the copy is gone");
}
