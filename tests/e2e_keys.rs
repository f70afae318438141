//! Every key of the power features, typed into the real binary in a
//! pseudo-terminal at 80x24, as a new user would.

// These run the binary in a Unix pseudo-terminal (and send Unix signals);
// docs/engineering.md lists them under "Systems: what is verified where".
#![cfg(unix)]

mod common;

use common::pty::Pty;

fn raw(app: &Pty) -> String {
    String::from_utf8_lossy(&app.raw()).into_owned()
}

#[test]
fn statuses_reset_next_and_hide_by_key() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[]);
    app.wait_for("Steps");
    app.send("lx");
    app.wait_for("Done: Variables and data");
    app.send("ji");
    app.wait_for("In progress: Comparison operators");
    app.send("js");
    app.wait_for("Skipped: Loops");
    app.wait_for("Topics 1/7 · 1 skipped");
    app.wait_for("[~] Comparison operators");
    // n goes to the next unfinished topic: in progress counts as unfinished,
    // skipped does not.
    app.send("kkn");
    app.wait_for("Space done");
    app.send("x");
    app.wait_for("Done: Comparison operators");
    app.send("n");
    app.wait_for("Space done");
    app.send("x");
    app.wait_for("Done: Lists");
    app.send("H");
    // The status line is the last row drawn: once it shows, the frame is whole.
    app.wait_for("Done topics hidden (H shows them)");
    app.wait_for("Topics 3/7 · 1 skipped · done hidden");
    assert!(!app.contents().contains("Variables and data"), "done topics are hidden");
    app.send("H");
    app.wait_for("Done topics shown");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let s = common::status_json(home.path());
    assert_eq!((s["done"].as_u64(), s["skipped"].as_u64()), (Some(3), Some(1)));

    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[]);
    // It reopens where it was left: the topics pane. h goes to the steps.
    app.wait_for("Topics 3/7 · 1 skipped · 3 retained ━");
    app.send("h");
    app.wait_for("j/k move");
    app.send("R");
    app.wait_for("Reset progress back to todo?");
    app.send("\x1b");
    app.wait_for("j/k move");
    app.send("Rs");
    app.wait_for("Reset step “Learn basic coding skills”: 4 topics back to todo");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(common::status_json(home.path())["done"], 0);
}

#[test]
fn search_jumps_and_y_copies_with_osc52() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[]);
    app.wait_for("Steps");
    app.send("/golang");
    app.wait_for("Golang cafe");
    app.send("\r");
    // The link is on the topic "Find niche job boards", whose page shows.
    app.wait_for("Topic 7 of 7");
    app.send("y");
    app.wait_for("Copied: https://golang.cafe/");
    // The terminal was asked to set the clipboard: OSC 52 with the URL in base64.
    assert!(raw(&app).contains("\x1b]52;c;aHR0cHM6Ly9nb2xhbmcuY2FmZS8="), "no OSC 52 sequence");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn the_picker_switches_and_remembers() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/curricula");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mine.toml"), learnpath::cmd::new::STARTER).unwrap();
    let env = [("LEARNPATH_CONFIG_DIR", home.path().join("config").display().to_string())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &env);
    app.wait_for("Steps");
    app.send("c");
    app.wait_for("My learning path  0/3 · 0%");
    app.send("j\r");
    app.wait_for("learnpath My learning path");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let mut again = Pty::spawn(&[], 80, 24, home.path(), &env);
    again.wait_for("learnpath My learning path");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_click_selects_and_the_mouse_is_released_on_quit() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[]);
    app.wait_for("q quit");
    assert!(raw(&app).contains("\x1b[?1000h"), "mouse capture is on");
    // Click the third topic row (SGR mouse report, 1-based column;row).
    let topics_row = app.contents().lines().position(|l| l.contains("[ ] Variables and data")).unwrap();
    app.send(&format!("\x1b[<0;40;{}M\x1b[<0;40;{}m", topics_row + 3, topics_row + 3));
    app.wait_for("Space done");
    app.send("x");
    app.wait_for("Done: Loops");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let out = raw(&app);
    assert!(out.rfind("\x1b[?1000l") > out.rfind("\x1b[?1000h"), "mouse capture is off again");

    let mut plain = Pty::spawn(&["--no-mouse"], 80, 24, home.path(), &[]);
    plain.wait_for("Steps");
    plain.send("q");
    assert_eq!(plain.wait_exit(), 0);
    assert!(!raw(&plain).contains("\x1b[?1000h"), "--no-mouse leaves the mouse alone");
}

#[test]
fn over_ssh_enter_copies_instead_of_opening() {
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("opened.txt");
    let browser = common::script(home.path(), "browser.sh", &format!("echo \"$1\" >> '{}'", log.display()));
    let env = [
        ("SSH_TTY", "/dev/pts/9"),
        ("SSH_CONNECTION", "10.0.0.1 5 10.0.0.2 22"),
        ("BROWSER", browser.to_str().unwrap()),
    ];
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &env);
    app.wait_for("Steps");
    app.send("\x1b[Z");
    app.wait_for("Enter copy");
    app.send("\r");
    app.wait_for("Copied (over SSH: copied instead of opening)");
    assert!(raw(&app).contains("\x1b]52;c;"), "copied with OSC 52");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(!log.exists(), "no browser was started on the remote machine");
}

#[test]
fn no_color_and_the_light_theme() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("NO_COLOR", "1")]);
    app.wait_for("Steps");
    app.send("lx");
    app.wait_for("Done: Variables and data");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let out = raw(&app);
    assert!(!out.contains("38;5;") && !out.contains("48;5;"), "NO_COLOR: no colour codes");
    assert!(out.contains("\x1b[7m"), "the selection is still shown, reversed");

    // Keys are yellow (ANSI 3) on dark terminals, magenta (5) on light ones.
    let mut dark = Pty::spawn(&[], 80, 24, home.path(), &[]);
    dark.wait_for("q quit");
    dark.send("q");
    assert_eq!(dark.wait_exit(), 0);
    assert!(raw(&dark).contains("\x1b[38;5;3;") && !raw(&dark).contains("\x1b[38;5;5;"));
    let mut light = Pty::spawn(&["--theme", "light"], 80, 24, home.path(), &[]);
    light.wait_for("q quit");
    light.send("q");
    assert_eq!(light.wait_exit(), 0);
    assert!(raw(&light).contains("\x1b[38;5;5;") && !raw(&light).contains("\x1b[38;5;3;"), "--theme light");
}

#[test]
fn the_config_sets_the_theme_and_the_mouse() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "theme = \"light\"\nmouse = false\n").unwrap();
    let dir = config.display().to_string();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("LEARNPATH_CONFIG_DIR", &dir)]);
    app.wait_for("q quit");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let out = raw(&app);
    assert!(out.contains("\x1b[38;5;5;") && !out.contains("\x1b[38;5;3;"), "theme from the config");
    assert!(!out.contains("\x1b[?1000h"), "mouse off from the config");
    let mut dark = Pty::spawn(&["--theme", "dark"], 80, 24, home.path(), &[("LEARNPATH_CONFIG_DIR", &dir)]);
    dark.wait_for("q quit");
    dark.send("q");
    assert_eq!(dark.wait_exit(), 0);
    assert!(raw(&dark).contains("\x1b[38;5;3;"), "the flag beats the config");
}

#[test]
fn undo_redo_enter_on_a_topic_and_resuming_where_it_was_left() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[]);
    app.wait_for("Steps");
    app.send("l");
    app.wait_for("Space done");
    app.send("x");
    app.wait_for("Done: Variables and data");
    app.send("u");
    app.wait_for("Undid “Done: Variables and data” (U redoes)");
    assert_eq!(common::status_json(home.path())["done"], 0, "the undo is saved");
    app.send("U");
    app.wait_for("Redid “Done: Variables and data”");
    assert_eq!(common::status_json(home.path())["done"], 1, "so is the redo");
    // Enter on a topic goes to the links; it changes no status.
    app.send("j\r");
    app.wait_for("Enter open  Space read");
    assert!(app.contents().contains("Topics 1/7"), "{}", app.contents());
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    // The next start is where this one ended: the links of step 1's
    // second topic, with that topic's page.
    let mut again = Pty::spawn(&[], 100, 30, home.path(), &[]);
    again.wait_for("Enter open  Space read");
    assert!(again.contents().contains("Topic 2 of 7"), "{}", again.contents());
    assert!(again.contents().contains("Comparison operators · about 12 h"), "{}", again.contents());
    again.send("hq");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_paste_is_one_edit_of_the_search_and_never_runs_as_keys() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[]);
    app.wait_for("Steps");
    assert!(raw(&app).contains("\x1b[?2004h"), "bracketed paste is on");
    // Pasted on the main screen, `lxq` would tick a topic and quit: it does
    // nothing.
    app.send("\x1b[200~lxq\x1b[201~");
    app.send("/");
    app.wait_for("type to search");
    assert_eq!(common::status_json(home.path())["done"], 0, "the paste ran no keys");
    // Six thousand bytes into the search box: one edit, capped.
    app.send(&format!("\x1b[200~{}\x1b[201~", "loops ".repeat(1000)));
    app.wait_for("a search stops at 100 characters");
    app.send("\x1b");
    app.wait_for("j/k move");
    // A burst of raw keys with no bracketed paste (an old terminal) is read
    // to its end: the Enter after 1500 letters is seen without another key.
    app.send("/");
    app.wait_for("type to search");
    let before = app.raw().len();
    app.send(&format!("{}\r", "z".repeat(1500)));
    app.wait_for("No match");
    // Drawn in a frame or two, not one frame per key (which wrote some
    // 47 KB here): the bytes written are the measure, not the time.
    let drawn = app.raw().len() - before;
    assert!(drawn < 15_000, "{drawn} bytes drawn for one burst");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let out = raw(&app);
    assert!(out.rfind("\x1b[?2004l") > out.rfind("\x1b[?2004h"), "bracketed paste is off again");
}
