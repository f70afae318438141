//! The run loop performs what `update` asks, before the next frame: a
//! save held up by another learnpath's, then woken by that one's write;
//! the notes read before the first frame.

mod common;

use crossterm::event::{Event, KeyCode};
use learnpath::events::Event as LoopEvent;
use learnpath::progress::{Progress, Status};

const MINE: &str = "coding-basics/variables";
const THEIRS: &str = "coding-basics/loops";

fn press(code: KeyCode) -> std::io::Result<LoopEvent> {
    Ok(LoopEvent::Input(Event::Key(common::key(code))))
}

#[test]
fn a_save_held_up_by_another_learnpath_is_made_when_its_write_wakes_the_loop() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    // Another learnpath is saving: it holds the lock.
    let mut theirs = Some(Progress::lock(&data).unwrap());
    let mut app = common::app_in(&data);
    let file = data.join("progress.json");
    let mut step = 0;
    let events = std::iter::from_fn(|| {
        step += 1;
        match step {
            1 => Some(press(KeyCode::Char('l'))),
            2 => Some(press(KeyCode::Char(' '))),
            3 => {
                // The tick was tried and held up: nothing written under
                // another's lock.
                assert!(!file.exists(), "written under another learnpath's lock");
                // The other one writes its own tick and lets go.
                drop(theirs.take());
                let mut other = Progress::open(&data).unwrap();
                other.set("backend", THEIRS, Status::Done, common::at("2026-03-01T11:00:00Z"));
                other.save().unwrap();
                // Its write reaches the watcher.
                Some(Ok(LoopEvent::ProgressChanged))
            }
            _ => None,
        }
    });
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    learnpath::tui::run(&mut terminal, &mut app, events, &mut common::TestHost::default()).unwrap();
    assert_eq!(step, 4, "every event was taken");
    assert!(!app.waiting(), "the held-up save was made");
    let saved = Progress::open_to_read(&data).unwrap();
    assert_eq!(saved.status("backend", MINE), Status::Done, "this one's tick is on disk");
    assert_eq!(saved.status("backend", THEIRS), Status::Done, "and the other's is kept");
    assert_eq!(app.done_total(), 2, "both show");
    assert!(common::screen(&terminal).contains("Saved"), "{}", common::screen(&terminal));
}

#[test]
fn notes_are_read_before_the_first_frame() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let notes = data.join("notes/backend/coding-basics");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("variables.md"), "a note about boxes\n").unwrap();
    let mut app = common::app_in(&data).with_data_dir(data.clone());
    let (terminal, _) = common::run(&mut app, 100, 30, vec![press(KeyCode::Char('l'))]);
    let (s, t) = app.path().curriculum.locate(MINE).unwrap();
    assert_eq!(app.notes().get(s, t), Some("a note about boxes\n"));
    assert!(common::screen(&terminal).contains("a note about boxes"), "{}", common::screen(&terminal));
}
