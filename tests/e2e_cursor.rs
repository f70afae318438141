//! The terminal's cursor sits on what has the focus, for screen readers,
//! braille displays and magnifiers, in the real binary in a pty: on the
//! selected row of each pane and overlay, where typing goes in search;
//! hidden unless asked for.

// These run the binary in a Unix pseudo-terminal; docs/engineering.md
// lists them under "Systems: what is verified where".
#![cfg(unix)]

mod common;

use common::pty::Pty;

#[test]
fn the_cursor_follows_the_selection_in_every_pane_and_overlay() {
    let home = tempfile::tempdir().unwrap();
    let past = [("LEARNPATH_NOW", "2026-01-01T10:00:00Z")];
    assert!(common::learnpath(home.path(), &["mark", "loops", "done"], &past).status.success());
    let now = [("LEARNPATH_NOW", "2026-03-01T10:00:00Z")];
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &now);
    app.wait_for("Steps");
    app.wait_cursor_on("1. Learn basic coding skills");
    assert!(app.at_cursor().1, "hidden unless asked for");
    app.send("j");
    app.wait_cursor_on("2. Master data structures");
    app.send("kl");
    app.wait_cursor_on("[ ] Variables and data");
    app.send("j");
    app.wait_cursor_on("[ ] Comparison operators");
    app.send("\t");
    app.wait_cursor_on("• course Boot.dev's Learn Python");
    app.send("j");
    app.wait_cursor_on("• exercise Edabit");
    app.send("/lo");
    app.wait_for("/ lo");
    let (after, _) = app.at_cursor();
    assert!(after.starts_with('█') || after.trim().is_empty(), "at the insertion point: {after:?}");
    app.send("\x1b");
    app.wait_gone("/ lo");
    app.send("c");
    app.wait_cursor_on("Learn Backend Development");
    app.send("\x1b");
    app.wait_gone("Curricula");
    app.send("T");
    app.wait_cursor_on("review");
    app.send("T");
    app.wait_gone("Today's budget");
    app.send("r");
    app.wait_for("Review · 1 due");
    app.wait_cursor_on("Loops");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn show_cursor_makes_it_visible() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&["--show-cursor"], 100, 30, home.path(), &[]);
    app.wait_for("Steps");
    app.wait_cursor_on("1. Learn basic coding skills");
    assert!(!app.at_cursor().1, "shown when asked for");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}
