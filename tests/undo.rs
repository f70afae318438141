//! Undo and redo: every kind of progress change, many levels deep, saved
//! and merged like any other change.

mod common;
use common::Drive;

use std::cell::Cell;
use std::rc::Rc;

use jiff::{SignedDuration, Timestamp};
use learnpath::app::Action;
use learnpath::app::App;
use learnpath::curriculum::Curriculum;
use learnpath::progress::{Progress, Status};

/// The app on the shipped path with progress in `dir` and a clock the
/// test moves by hand.
fn app_with_clock(dir: &std::path::Path) -> (App, Rc<Cell<Timestamp>>) {
    let time = Rc::new(Cell::new(common::NOW.parse::<Timestamp>().unwrap()));
    let clock = time.clone();
    let app = App::new(Curriculum::shipped(), Progress::open(dir).unwrap())
        .with_clock(Box::new(move || clock.get()))
        .with_data_dir(dir.to_path_buf());
    (app, time)
}

fn later(time: &Cell<Timestamp>, days: i64) {
    time.set(time.get() + SignedDuration::from_hours(24 * days));
}

fn status(app: &App, key: &str) -> Status {
    let (s, t) = app.path().curriculum.locate(key).unwrap();
    app.status_of(s, t)
}

const LOOPS: &str = "coding-basics/loops";
const LISTS: &str = "coding-basics/lists";

/// Selects `key` in the topics pane.
fn select(app: &mut App, key: &str) {
    let (s, t) = app.path().curriculum.locate(key).unwrap();
    app.act(Action::FocusLeft);
    app.act(Action::First);
    for _ in 0..s {
        app.act(Action::Down);
    }
    app.act(Action::FocusNext);
    app.act(Action::First);
    for _ in 0..t {
        app.act(Action::Down);
    }
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_several_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_clock(dir.path());
    select(&mut app, LOOPS);
    app.act(Action::Toggle);
    select(&mut app, LISTS);
    app.act(Action::MarkProgress);
    app.act(Action::MarkSkipped);
    assert_eq!((status(&app, LOOPS), status(&app, LISTS)), (Status::Done, Status::Skipped));
    app.act(Action::Undo);
    assert_eq!(status(&app, LISTS), Status::InProgress);
    app.act(Action::Undo);
    assert_eq!(status(&app, LISTS), Status::Todo);
    app.act(Action::Undo);
    assert_eq!((status(&app, LOOPS), app.done_total()), (Status::Todo, 0));
    app.act(Action::Undo);
    assert!(matches!(&app.message(), Some(learnpath::app::Message::Info(m)) if m == "Nothing to undo"));
    app.act(Action::Redo);
    app.act(Action::Redo);
    assert_eq!((status(&app, LOOPS), status(&app, LISTS)), (Status::Done, Status::InProgress));
    assert_eq!(app.done_total(), 1, "counts follow undo and redo");
    // A new change forgets what was undone.
    app.act(Action::Toggle);
    app.act(Action::Redo);
    assert!(matches!(&app.message(), Some(learnpath::app::Message::Info(m)) if m == "Nothing to redo"));
}

#[test]
fn an_undo_is_saved_and_merged_like_any_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, time) = app_with_clock(dir.path());
    select(&mut app, LOOPS);
    app.act(Action::Toggle);
    // Meanwhile another instance ticks another topic.
    let mut other = Progress::open(dir.path()).unwrap();
    later(&time, 1);
    other.set("backend", LISTS, Status::Done, time.get());
    other.save().unwrap();
    app.act(Action::Undo);
    let disk = Progress::open(dir.path()).unwrap();
    assert_eq!(disk.status("backend", LOOPS), Status::Todo, "the undo reached the file");
    assert_eq!(disk.status("backend", LISTS), Status::Done, "the other instance's tick survived");
    assert_eq!(status(&app, LISTS), Status::Done, "and shows at once");
}

#[test]
fn undoing_an_untick_brings_back_the_day_it_was_done() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, time) = app_with_clock(dir.path());
    let done_on = time.get();
    select(&mut app, LOOPS);
    app.act(Action::Toggle);
    later(&time, 10);
    app.act(Action::Toggle);
    later(&time, 1);
    app.act(Action::Undo);
    let entry = app.progress().entry("backend", LOOPS).unwrap().clone();
    assert_eq!((entry.status, entry.counts_from()), (Status::Done, done_on));
    assert!(entry.at > done_on, "the undo itself is the newest change");
    // So review still counts from the day it was done: due long ago.
    app.act(Action::OpenReview);
    assert_eq!(app.due().len(), 1);
    let wait = learnpath::review::interval_days(
        learnpath::review::memory(app.progress(), "backend", LOOPS, done_on).state,
    );
    assert_eq!(app.due()[0].due, done_on + SignedDuration::from_hours(24 * wait));
}

#[test]
fn a_reset_step_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_with_clock(dir.path());
    select(&mut app, LOOPS);
    app.act(Action::Toggle);
    select(&mut app, LISTS);
    app.act(Action::MarkSkipped);
    app.act(Action::FocusNext);
    app.act(Action::Toggle);
    assert_eq!(app.read_shown(), 1);
    app.act(Action::FocusLeft);
    app.act(Action::Reset);
    app.act(Action::Answer('s'));
    assert_eq!((app.done_in(0), app.skipped_in(0), app.read_shown()), (0, 0, 0));
    app.act(Action::Undo);
    assert_eq!((app.done_in(0), app.skipped_in(0), app.read_shown()), (1, 1, 1));
    assert_eq!(status(&app, LISTS), Status::Skipped);
}

#[test]
fn a_review_grade_is_undone_to_the_interval_and_date_it_had() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, time) = app_with_clock(dir.path());
    select(&mut app, LOOPS);
    app.act(Action::Toggle);
    later(&time, 3);
    app.act(Action::OpenReview);
    let due = app.due()[0].clone();
    app.act(Action::Grade(3));
    assert!(app.due().is_empty(), "good: due again days later");
    app.act(Action::Undo);
    assert_eq!(app.due(), [due], "due again, on the same date and with the same chance of recall");
    app.act(Action::Redo);
    assert!(app.due().is_empty());
}

#[test]
fn switching_paths_starts_a_new_history() {
    let dir = tempfile::tempdir().unwrap();
    let curricula = dir.path().join("config/curricula");
    std::fs::create_dir_all(&curricula).unwrap();
    std::fs::write(curricula.join("mine.toml"), learnpath::cmd::new::STARTER).unwrap();
    let (app, _) = app_with_clock(dir.path());
    let mut app = app.with_catalog(
        dir.path().join("config"),
        learnpath::config::Source::Shipped,
        dir.path().to_path_buf(),
    );
    select(&mut app, LOOPS);
    app.act(Action::Toggle);
    app.act(Action::OpenPicker);
    app.act(Action::Down);
    app.act(Action::Confirm);
    assert_eq!(app.path().curriculum.id.get_ref(), "my-path");
    app.act(Action::Undo);
    assert_eq!(Progress::open(dir.path()).unwrap().status("backend", LOOPS), Status::Done);
}
