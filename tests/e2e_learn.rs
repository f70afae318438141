//! Notes, review and stats in the real binary: a progress history spanning
//! months, a fixed clock (LEARNPATH_NOW), `vi` and a stub editor.

// These run the binary in a Unix pseudo-terminal (and send Unix signals);
// docs/engineering.md lists them under "Systems: what is verified where".
#![cfg(unix)]

mod common;

use std::path::Path;

use common::pty::Pty;
use jiff::{SignedDuration, Timestamp};
use learnpath::curriculum::Curriculum;
use learnpath::progress::{Progress, Status};

const NOW: &str = "2026-06-01T12:00:00Z";

/// Fifteen topics done over five months.
fn history(home: &Path) {
    let c = Curriculum::shipped();
    let mut p = Progress::open(&home.join("data")).unwrap();
    let now: Timestamp = NOW.parse().unwrap();
    let keys: Vec<String> = c.steps().iter().flat_map(|s| s.topics.iter().map(move |t| s.key(t))).collect();
    for (key, w) in keys.iter().zip([21, 20, 20, 15, 11, 10, 10, 9, 5, 3, 3, 2, 1, 0, 0]) {
        p.set("backend", key, Status::Done, now - SignedDuration::from_hours(24 * (7 * w + 2)));
    }
    p.save().unwrap();
}

fn editor(home: &Path, body: &str) -> String {
    common::script(home, "editor.sh", body).display().to_string()
}

#[test]
fn stats_and_review_with_months_of_history() {
    let home = tempfile::tempdir().unwrap();
    history(home.path());
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("LEARNPATH_NOW", NOW)]);
    app.wait_for("15 due for review (r)");
    app.send("S");
    app.wait_for("Topics done per week");
    app.wait_for("Weekly streak: 4 weeks now, 4 weeks at the longest");
    app.wait_for("At your pace (1.5 topics a week over the last 4 weeks)");
    app.send("\x1b");
    app.wait_for("Steps");
    app.send("r");
    app.wait_for("Review · 15 due");
    app.wait_for("How well do you know it?");
    app.send("\r");
    app.wait_for("Good: Variables and data; next review in");
    app.send("1");
    app.wait_for("Again: Comparison operators; next review tomorrow");
    app.wait_for("Review · 13 due");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let out = common::learnpath(home.path(), &["review", "--json"], &[("LEARNPATH_NOW", NOW)]);
    let due: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(due.as_array().unwrap().len(), 13);
}

#[test]
fn notes_with_a_stub_editor_and_a_failing_one() {
    let home = tempfile::tempdir().unwrap();
    let good = editor(home.path(), "printf 'Loops repeat work.\\n' > \"$1\"");
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("EDITOR", &good)]);
    app.wait_for("Steps");
    app.send("ljje");
    app.wait_for("Note saved");
    app.wait_for("Loops ✎");
    app.wait_for("Loops repeat work.");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let note = home.path().join("data/notes/backend/coding-basics/loops.md");
    assert_eq!(std::fs::read_to_string(&note).unwrap(), "Loops repeat work.\n");

    let bad = editor(home.path(), "printf 'oops' > \"$1\"; exit 1");
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("VISUAL", &bad)]);
    app.wait_for("Steps");
    app.send("ljje");
    app.wait_for("exited with exit status: 1");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&note).unwrap(), "Loops repeat work.\n");
}

#[test]
fn notes_with_vi() {
    let home = tempfile::tempdir().unwrap();
    let mut app = Pty::spawn(&[], 80, 24, home.path(), &[("EDITOR", "vi")]);
    app.wait_for("Steps");
    app.send("le");
    app.wait_for("variables.edit.md");
    app.send("iHello from vi\x1b");
    app.send(":wq\r");
    app.wait_for("Note saved");
    app.wait_for("Variables and data ✎");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let note = home.path().join("data/notes/backend/coding-basics/variables.md");
    assert_eq!(std::fs::read_to_string(note).unwrap(), "Hello from vi\n");
}

/// `args` run at time `now` in `home`, parsed as JSON.
fn json_at(home: &Path, now: &str, args: &[&str]) -> serde_json::Value {
    let out = common::learnpath(home, args, &[("LEARNPATH_NOW", now)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_topic_ticked_reviewed_forgotten_and_undone_over_days() {
    let home = tempfile::tempdir().unwrap();
    let day = |n: i64| {
        let t: Timestamp = "2026-03-01T09:00:00Z".parse().unwrap();
        (t + SignedDuration::from_hours(24 * n)).to_string()
    };
    // Day 0: tick the first topic.
    let day0 = day(0);
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[("LEARNPATH_NOW", &day0)]);
    app.wait_for("Steps");
    app.send("l ");
    app.wait_for("Done: Variables and data");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    // Day 2: it is due; grade 3 (good) sends it more than 3 days away.
    let day2 = day(2);
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[("LEARNPATH_NOW", &day2)]);
    app.wait_for("1 due for review (r)");
    app.send("r");
    app.wait_for("Review · 1 due");
    app.send("3");
    app.wait_for("Good: Variables and data; next review in");
    let screen = app.contents();
    let days: i64 = screen
        .split("next review in ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(days > 3, "good on day 2: next due more than 3 days later, not {days}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(json_at(home.path(), &day2, &["today", "--json"])["reviews"].as_array().unwrap().len(), 0);
    // When it is due again: grade 1 (again) brings it back within a day,
    // then the grade is undone.
    let due = day(2 + days);
    let today = json_at(home.path(), &due, &["today", "--json"]);
    assert_eq!(today["reviews"][0]["key"], "coding-basics/variables");
    let recall = today["reviews"][0]["retrievability"].as_f64().unwrap();
    assert!((0.85..0.95).contains(&recall), "due when recall is about 90%: {recall}");
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &[("LEARNPATH_NOW", &due)]);
    app.wait_for("1 due for review (r)");
    app.send("r");
    app.wait_for("Review · 1 due");
    app.send("1");
    app.wait_for("Again: Variables and data; next review tomorrow");
    let status = json_at(home.path(), &due, &["status", "--json"]);
    assert_eq!((status["done"].as_u64(), status["retained"].as_u64()), (Some(1), Some(1)), "just answered");
    app.send("u");
    app.wait_for("Undid “Again: Variables and data");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    // After the undo: due again as before the grade, with the same chance.
    let today = json_at(home.path(), &due, &["today", "--json"]);
    assert_eq!(today["reviews"][0]["key"], "coding-basics/variables");
    assert!((today["reviews"][0]["retrievability"].as_f64().unwrap() - recall).abs() < 0.001);
    let status = json_at(home.path(), &due, &["status", "--json"]);
    assert_eq!(status["due_for_review"], 1);
    assert_eq!(status["steps"][0]["retained"], 1, "about 90% is still above the 80% of fading");
}
