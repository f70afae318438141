//! The key map and `App::update`: pure logic, no terminal.

mod common;
use common::Drive;

use common::{app, key};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use learnpath::app::keymap::{self, Does, KEYMAP, Key};
use learnpath::app::{Action, Focus, Pane};
use learnpath::app::{Effect, Message, View};
use learnpath::progress::Status;

const STEPS: Focus = Focus::Pane(Pane::Steps);
const TOPICS: Focus = Focus::Pane(Pane::Topics);
const RESOURCES: Focus = Focus::Pane(Pane::Resources);

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

#[test]
fn movement_keys_work_in_every_list() {
    for focus in [STEPS, TOPICS, RESOURCES, Focus::Faq, Focus::Help] {
        assert_eq!(keymap::from_key(ch('j'), focus), Some(Action::Down));
        assert_eq!(keymap::from_key(key(KeyCode::Down), focus), Some(Action::Down));
        assert_eq!(keymap::from_key(ch('k'), focus), Some(Action::Up));
        assert_eq!(keymap::from_key(key(KeyCode::Up), focus), Some(Action::Up));
        assert_eq!(keymap::from_key(ch('g'), focus), Some(Action::First));
        assert_eq!(keymap::from_key(key(KeyCode::Home), focus), Some(Action::First));
        assert_eq!(keymap::from_key(ch('G'), focus), Some(Action::Last));
        assert_eq!(keymap::from_key(key(KeyCode::End), focus), Some(Action::Last));
        assert_eq!(keymap::from_key(key(KeyCode::PageDown), focus), Some(Action::PageDown));
        assert_eq!(keymap::from_key(key(KeyCode::PageUp), focus), Some(Action::PageUp));
        assert_eq!(keymap::from_key(ch('q'), focus), Some(Action::Quit));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keymap::from_key(ctrl_c, focus), Some(Action::Quit));
    }
}

#[test]
fn focus_keys() {
    for focus in [STEPS, TOPICS, RESOURCES] {
        assert_eq!(keymap::from_key(key(KeyCode::Tab), focus), Some(Action::FocusNext));
        assert_eq!(keymap::from_key(key(KeyCode::BackTab), focus), Some(Action::FocusPrev));
        assert_eq!(keymap::from_key(ch('h'), focus), Some(Action::FocusLeft));
        assert_eq!(keymap::from_key(key(KeyCode::Left), focus), Some(Action::FocusLeft));
        assert_eq!(keymap::from_key(ch('l'), focus), Some(Action::FocusRight));
        assert_eq!(keymap::from_key(key(KeyCode::Right), focus), Some(Action::FocusRight));
        assert_eq!(keymap::from_key(ch('f'), focus), Some(Action::ShowFaq));
        assert_eq!(keymap::from_key(ch('?'), focus), Some(Action::ShowHelp));
    }
    assert_eq!(keymap::from_key(key(KeyCode::Enter), STEPS), Some(Action::FocusRight));
}

#[test]
fn keys_act_only_where_they_mean_something() {
    assert_eq!(keymap::from_key(ch(' '), TOPICS), Some(Action::Toggle));
    assert_eq!(keymap::from_key(ch('x'), TOPICS), Some(Action::Toggle));
    assert_eq!(keymap::from_key(ch(' '), STEPS), None);
    assert_eq!(keymap::from_key(ch(' '), RESOURCES), Some(Action::Toggle));
    assert_eq!(keymap::from_key(key(KeyCode::Enter), RESOURCES), Some(Action::Open));
    assert_eq!(keymap::from_key(ch('o'), RESOURCES), Some(Action::Open));
    // Enter and o on a topic go to its links; they never change a status.
    assert_eq!(keymap::from_key(ch('o'), TOPICS), Some(Action::Open));
    assert_eq!(keymap::from_key(key(KeyCode::Enter), TOPICS), Some(Action::Open));
    assert_eq!(keymap::from_key(ch('e'), Focus::Review), Some(Action::EditNote));
    assert_eq!(keymap::from_key(ch('J'), Focus::Help), Some(Action::ScrollDown));
    assert_eq!(keymap::from_key(key(KeyCode::Esc), Focus::Faq), Some(Action::Close));
    assert_eq!(keymap::from_key(key(KeyCode::Esc), Focus::Help), Some(Action::Close));
    assert_eq!(keymap::from_key(ch('?'), Focus::Help), Some(Action::Close));
    assert_eq!(keymap::from_key(key(KeyCode::Tab), Focus::Help), None);
    assert_eq!(keymap::from_key(ch('J'), STEPS), Some(Action::ScrollDown));
    assert_eq!(keymap::from_key(ch('K'), Focus::Faq), Some(Action::ScrollUp));
}

#[test]
fn key_releases_are_ignored() {
    let mut release = ch('q');
    release.kind = KeyEventKind::Release;
    assert_eq!(keymap::from_key(release, STEPS), None);
}

#[test]
fn ctrl_z_suspends_only_where_there_is_job_control() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let expected = if cfg!(unix) { Some(Action::Suspend) } else { None };
    for focus in [STEPS, TOPICS, Focus::Search, Focus::Help, Focus::Prompt] {
        assert_eq!(keymap::from_key(ctrl('z'), focus), expected, "{focus:?}");
        assert_eq!(keymap::from_key(ctrl('c'), focus), Some(Action::Quit), "Ctrl-C quits everywhere");
    }
    let offered = keymap::rows().any(|r| r.keys() == "Ctrl-Z");
    assert_eq!(offered, cfg!(unix), "the help offers Ctrl-Z only where it works");
    assert!(KEYMAP.iter().any(|r| r.keys() == "Ctrl-Z" && r.help.ends_with("not on Windows")));
}

#[test]
fn starts_on_step_one_with_focus_on_steps() {
    let app = app();
    assert_eq!(app.key_focus(), STEPS);
    assert_eq!(app.step_index(), 0);
}

#[test]
fn tab_cycles_panes_and_h_l_move_sideways() {
    let mut app = app();
    app.act(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Topics);
    app.act(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Resources);
    app.act(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Steps);
    app.act(Action::FocusPrev);
    assert_eq!(app.focus(), Pane::Resources);
    app.act(Action::FocusLeft);
    assert_eq!(app.focus(), Pane::Steps);
    app.act(Action::FocusRight);
    assert_eq!(app.focus(), Pane::Resources, "l returns to the right pane last used");
}

#[test]
fn moving_clamps_and_changing_step_resets_the_lists() {
    let mut app = app();
    app.act(Action::Up);
    assert_eq!(app.step_index(), 0);
    app.act(Action::Last);
    assert_eq!(app.step_index(), app.path().curriculum.steps().len() - 1);
    app.act(Action::Down);
    assert_eq!(app.step_index(), app.path().curriculum.steps().len() - 1);
    app.act(Action::First);
    app.act(Action::FocusRight);
    app.act(Action::Last);
    assert_eq!(app.lists().topics.selected(), Some(6));
    app.act(Action::FocusLeft);
    app.act(Action::Down);
    assert_eq!(app.lists().topics.selected(), Some(0), "a new step starts at its first topic");
}

#[test]
fn page_keys_move_by_the_visible_rows() {
    let mut app = app();
    common::draw(&mut app, 80, 24);
    app.act(Action::PageDown);
    let after_one_page = app.step_index();
    assert!(after_one_page > 1, "a page is more than one row");
    app.act(Action::PageUp);
    assert_eq!(app.step_index(), 0);
}

#[test]
fn toggling_ticks_and_unticks_with_the_time() {
    let mut app = app();
    app.act(Action::FocusRight);
    app.act(Action::Down);
    app.act(Action::Toggle);
    let key = "coding-basics/comparison-operators";
    assert_eq!(app.progress().status("backend", key), Status::Done);
    assert_eq!(app.progress().entry("backend", key).unwrap().at.to_string(), common::NOW);
    assert_eq!(app.done_in(0), 1);
    assert_eq!(app.done_total(), 1);
    assert_eq!(app.message(), &Some(Message::Info("Done: Comparison operators".into())));
    app.act(Action::Toggle);
    assert_eq!(app.progress().status("backend", key), Status::Todo);
    assert_eq!(app.done_total(), 0);
}

#[test]
fn toggle_outside_topics_changes_nothing() {
    let mut app = app();
    app.act(Action::Toggle);
    assert_eq!(app.done_total(), 0);
}

#[test]
fn open_asks_for_the_selected_resource() {
    let mut app = app();
    app.act(Action::FocusPrev);
    assert_eq!(app.focus(), Pane::Resources);
    app.act(Action::Down);
    let effect = app.update(Action::Open);
    assert_eq!(effect, vec![Effect::Open("https://edabit.com/challenges/javascript".into())]);
    let mut host = common::TestHost { fail_open: Some("no browser".into()), ..Default::default() };
    app.act_with(Action::Open, &mut host);
    match &app.message() {
        Some(Message::Error(text)) => {
            assert!(text.contains("edabit.com") && text.contains("no browser") && text.contains("BROWSER"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn faq_and_help_open_and_close_in_order() {
    let mut app = app();
    app.act(Action::ShowFaq);
    assert_eq!(app.view(), View::Faq);
    assert_eq!(app.key_focus(), Focus::Faq);
    app.act(Action::Down);
    assert_eq!(app.faq().and_then(|(pick, _)| pick.selected()), Some(1));
    app.act(Action::ShowHelp);
    assert_eq!(app.key_focus(), Focus::Help);
    app.act(Action::Close);
    assert_eq!(app.key_focus(), Focus::Faq, "Esc closes the help first");
    app.act(Action::Close);
    assert_eq!(app.key_focus(), STEPS);
    app.act(Action::Quit);
    assert!(!app.running());
}

#[test]
fn description_scroll_stops_at_the_end() {
    let mut app = app();
    common::draw(&mut app, 80, 24);
    for _ in 0..100 {
        app.act(Action::ScrollDown);
    }
    let max = app.about_scroll();
    assert!(max > 0, "the description overflows at 80x24");
    app.act(Action::ScrollUp);
    assert_eq!(app.about_scroll(), max - 1);
}

#[test]
fn the_readmes_key_table_is_the_key_map() {
    let readme = include_str!("../README.md");
    let table = readme
        .split("<!-- keys: made by keymap::markdown(); a test compares -->\n")
        .nth(1)
        .and_then(|rest| rest.split("<!-- /keys -->").next())
        .expect("the README has the key table between its markers");
    assert_eq!(table, keymap::markdown(), "the README's key table differs from the key map");
}

/// Every focus the app can be in.
const FOCUSES: &[Focus] = keymap::EVERYWHERE;

/// The key events a table key stands for (a few characters for "any").
fn events(k: Key) -> Vec<KeyEvent> {
    match k {
        Key::Code(code, ctrl) => {
            vec![KeyEvent::new(code, if ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE })]
        }
        Key::AnyChar => "aZq?/ é".chars().map(ch).collect(),
    }
}

#[test]
fn every_row_of_the_key_map_does_its_action_where_it_says_and_unbound_keys_do_nothing() {
    let every_key: Vec<KeyEvent> = KEYMAP
        .iter()
        .flat_map(|r| r.binds.iter())
        .flat_map(|(keys, _)| keys.iter())
        .flat_map(|k| events(*k))
        .collect();
    for &focus in FOCUSES {
        for row in KEYMAP.iter().filter(|r| r.here() && r.scope.contains(&focus)) {
            for (keys, does) in row.binds {
                for k in keys.iter().flat_map(|k| events(*k)) {
                    let want = match (does, k.code) {
                        (Does::Act(action), _) => Some(action.clone()),
                        (Does::Type, KeyCode::Char(c)) => Some(Action::SearchInput(c)),
                        (Does::Type, _) => None,
                    };
                    assert_eq!(keymap::from_key(k, focus), want, "{} in {focus:?}", row.keys());
                }
            }
        }
        for k in &every_key {
            if !bound(focus, k) {
                assert_eq!(keymap::from_key(*k, focus), None, "{k:?} in {focus:?} is in no row for it");
            }
        }
    }
}

/// Whether a row for `focus` names `key`.
fn bound(focus: Focus, key: &KeyEvent) -> bool {
    let names = |k: &Key| match *k {
        Key::Code(code, ctrl) => code == key.code && ctrl == key.modifiers.contains(KeyModifiers::CONTROL),
        Key::AnyChar => {
            matches!(key.code, KeyCode::Char(_)) && !key.modifiers.contains(KeyModifiers::CONTROL)
        }
    };
    KEYMAP
        .iter()
        .filter(|r| r.here() && r.scope.contains(&focus))
        .any(|r| r.binds.iter().any(|(keys, _)| keys.iter().any(names)))
}

#[test]
fn no_key_means_two_things_in_one_place() {
    for &focus in FOCUSES {
        let mut seen: Vec<(Key, &str)> = Vec::new();
        for row in KEYMAP.iter().filter(|r| r.scope.contains(&focus)) {
            for (keys, _) in row.binds {
                for k in *keys {
                    if let Some((_, first)) = seen.iter().find(|(s, _)| s == k) {
                        panic!("{:?} in {focus:?} is in both \"{first}\" and \"{}\"", k, row.help);
                    }
                    seen.push((*k, row.help));
                }
            }
        }
    }
}

#[test]
fn capital_y_copies_the_topics_id_which_the_page_shows() {
    let mut app = app();
    app.act(Action::FocusRight);
    app.act(Action::Down);
    let y = keymap::from_key(ch('Y'), app.key_focus()).unwrap();
    assert_eq!(app.update(y), vec![Effect::Copy("coding-basics/comparison-operators".into())]);
    let (terminal, _) = common::run(&mut app, 100, 30, Vec::new());
    assert!(common::screen(&terminal).contains("coding-basics/comparison-operators"), "the page shows it");
    assert_eq!(keymap::from_key(ch('y'), TOPICS), Some(Action::Copy), "y still copies the link");
}
