//! One state per open path: switching paths, overlays, reloads and lists
//! that cannot disagree. Each test here is a bug that once shipped.

mod common;
use common::Drive;

use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use learnpath::app::App;
use learnpath::app::Prompt;
use learnpath::app::{Action, Focus, Pane};
use learnpath::config::Source;
use learnpath::curriculum::Curriculum;
use learnpath::progress::{Progress, Status};

/// A data dir with a note on the shipped path's last topic (the highest
/// step and topic indexes it has), and the starter path as a second
/// curriculum with a note of its own.
fn two_paths_with_notes(dir: &Path) -> (PathBuf, PathBuf) {
    let data = dir.join("data");
    let shipped = Curriculum::shipped();
    let last = shipped.steps().last().unwrap();
    let note = data.join("notes/backend").join(last.id.get_ref());
    std::fs::create_dir_all(&note).unwrap();
    let topic = last.topics.last().unwrap().id.get_ref();
    std::fs::write(note.join(format!("{topic}.md")), "backend note about zebras\n").unwrap();
    std::fs::create_dir_all(dir.join("config/curricula")).unwrap();
    let mine = dir.join("config/curricula/mine.toml");
    std::fs::write(&mine, learnpath::cmd::new::STARTER).unwrap();
    std::fs::create_dir_all(data.join("notes/my-path/first-step")).unwrap();
    std::fs::write(data.join("notes/my-path/first-step/second-topic.md"), "starter note about yaks\n")
        .unwrap();
    (data, mine)
}

fn app_on(data: &Path) -> App {
    let config = data.parent().unwrap().join("config");
    common::started(common::app_in(data).with_data_dir(data.to_path_buf()).with_catalog(
        config,
        Source::Shipped,
        data.to_path_buf(),
    ))
}

/// Picks the `n`th path in the picker.
fn switch_to(app: &mut App, n: usize) {
    app.act(Action::OpenPicker);
    app.act(Action::First);
    for _ in 0..n {
        app.act(Action::Down);
    }
    app.act(Action::Confirm);
}

fn search(app: &mut App, query: &str) -> Vec<String> {
    app.act(Action::OpenSearch);
    for c in query.chars() {
        app.act(Action::SearchInput(c));
    }
    let hits = app.search().unwrap().hits.iter().map(|h| app.search_entries()[h.entry].text.clone());
    let texts = hits.collect();
    app.act(Action::Close);
    texts
}

#[test]
fn searching_after_switching_paths_does_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let (data, _) = two_paths_with_notes(dir.path());
    let mut app = app_on(&data);
    switch_to(&mut app, 1);
    assert_eq!(app.path().curriculum.id.get_ref(), "my-path");
    // Used to index the new path with the old path's note positions.
    assert!(!search(&mut app, "a").is_empty());
}

#[test]
fn notes_belong_to_their_own_path() {
    let dir = tempfile::tempdir().unwrap();
    let (data, _) = two_paths_with_notes(dir.path());
    let mut app = app_on(&data);
    let noted = |app: &App| {
        let c = &app.path().curriculum;
        let mut out = Vec::new();
        for (s, step) in c.steps().iter().enumerate() {
            for t in 0..step.topics.len() {
                if app.notes().get(s, t).is_some() {
                    out.push(step.key(&step.topics[t]));
                }
            }
        }
        out
    };
    let backend_note = {
        let last = app.path().curriculum.steps().last().unwrap();
        last.key(last.topics.last().unwrap())
    };
    assert_eq!(noted(&app), std::slice::from_ref(&backend_note));
    switch_to(&mut app, 1);
    assert_eq!(noted(&app), ["first-step/second-topic"], "the starter's own note, none of the backend's");
    assert!(search(&mut app, "yaks").iter().any(|t| t.contains("starter note about yaks")));
    assert!(!search(&mut app, "zebras").iter().any(|t| t.contains("zebras")));
    switch_to(&mut app, 0);
    assert_eq!(noted(&app), [backend_note]);
    assert!(search(&mut app, "zebras").iter().any(|t| t.contains("backend note about zebras")));
}

#[test]
fn a_tick_merged_in_by_our_own_save_is_counted_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::app_in(dir.path()).with_data_dir(dir.path().to_path_buf());
    let mut other = Progress::open(dir.path()).unwrap();
    other.set("backend", "dsa/big-o", Status::Done, common::NOW.parse().unwrap());
    other.save().unwrap();
    app.act(Action::FocusRight);
    app.act(Action::Toggle);
    let (s, t) = app.path().curriculum.locate("dsa/big-o").unwrap();
    assert!(app.is_done(s, t), "the other process's tick came in with our save");
    assert_eq!((app.done_in(s), app.done_total()), (1, 2));
    // The file-change event that follows our own write finds nothing new.
    app.act(Action::Reload);
    assert_eq!(app.done_total(), 2);
    app.act(Action::NextUnfinished);
    assert_ne!((app.step_index(), app.selected_topic()), (s, Some(t)), "n skips the merged tick");
}

#[test]
fn the_picker_lists_a_path_added_while_the_app_runs() {
    let dir = tempfile::tempdir().unwrap();
    let (data, mine) = two_paths_with_notes(dir.path());
    let mut app = app_on(&data);
    let titles = |app: &mut App| {
        app.act(Action::OpenPicker);
        let titles: Vec<String> = app.picker().unwrap().0.iter().map(|c| c.title.clone()).collect();
        app.act(Action::Close);
        titles
    };
    assert_eq!(titles(&mut app).len(), 2);
    let text =
        learnpath::cmd::new::STARTER.replace("my-path", "later").replace("My learning path", "Added later");
    std::fs::write(mine.with_file_name("later.toml"), text).unwrap();
    assert_eq!(titles(&mut app), ["Learn Backend Development", "Added later", "My learning path"]);
}

#[test]
fn only_the_top_overlay_gets_the_mouse() {
    let mut app = common::app();
    common::draw(&mut app, 100, 30);
    let step = app.step_index();
    app.act(Action::Reset);
    common::draw(&mut app, 100, 30);
    assert_eq!(app.prompt(), Some(Prompt::Reset));
    // The steps pane is at the left; its rows start below the border.
    for y in 2..10 {
        app.act(Action::Wheel(3, y, true));
        app.act(Action::Click(3, y));
    }
    assert_eq!(app.step_index(), step, "the prompt waits for its answer");
    assert_eq!(app.prompt(), Some(Prompt::Reset));
    app.act(Action::Close);
    common::draw(&mut app, 100, 30);
    app.act(Action::Wheel(3, 4, true));
    assert_eq!(app.step_index(), step + 1, "without the prompt the wheel moves the steps");
}

#[test]
fn search_never_opens_over_the_picker_and_a_result_closes_everything() {
    let (terminal, _) = common::run(&mut common::app(), 100, 30, common::typed("c/"));
    let text = common::screen(&terminal);
    assert!(text.contains("Curricula") && !text.contains("Search"), "{text}");
    let mut app = common::app();
    app.act(Action::OpenPicker);
    app.act(Action::OpenSearch);
    for c in "loops".chars() {
        app.act(Action::SearchInput(c));
    }
    app.act(Action::Confirm);
    assert!(app.overlays().is_empty(), "the result is on the main screen, with nothing over it");
    assert_eq!(app.key_focus(), Focus::Pane(Pane::Topics));
    assert_eq!(learnpath::app::keymap::from_key(common::key(KeyCode::Char('/')), Focus::Picker), None);
}

fn keys_then(app: &mut App, width: u16, height: u16, keys: &str) -> String {
    let (terminal, _) = common::run(app, width, height, common::typed(keys));
    common::screen(&terminal)
}

#[test]
fn a_resize_that_makes_room_shows_every_topic_again() {
    let mut app = common::app();
    // At 80x24 the seven topics of step 1 do not all fit: select the last.
    let small = keys_then(&mut app, 80, 24, "lG");
    assert!(!small.contains("Variables and data"), "{small}");
    let big = keys_then(&mut app, 120, 40, "");
    for topic in ["Variables and data", "Comparison operators", "Dictionaries"] {
        assert!(big.contains(topic), "{topic} is hidden at 120x40:\n{big}");
    }
}

#[test]
fn the_selected_resource_is_on_screen_at_the_smallest_size() {
    let mut app = common::app();
    let screen = keys_then(&mut app, 60, 15, "lljjj");
    let step = app.step();
    let title = step.resources[app.lists().resources.selected().unwrap()].title.get_ref();
    let start: String = title.chars().take(12).collect();
    assert!(screen.contains(&start), "`{title}` is selected but not shown:\n{screen}");
}

#[test]
fn a_resource_taller_than_its_pane_shows_its_start() {
    let url = format!("https://example.com/{}", "a".repeat(60_000));
    let toml = format!(
        "format = 1\nid = \"long\"\ntitle = \"Long\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n\
         [[steps.topics]]\nid = \"t\"\ntitle = \"T\"\n[[steps.resources]]\ntitle = \"Huge\"\nurl = \"{url}\"\n"
    );
    let c = Curriculum::parse(&toml, "long.toml").unwrap();
    let mut app = App::new(c, Progress::in_memory()).with_theme(learnpath::ui::Theme::dark());
    let screen = keys_then(&mut app, 80, 24, "ll");
    assert!(screen.contains("• Huge"), "{screen}");
    assert!(screen.contains("https://example.com/"), "{screen}");
    assert!(screen.contains("aaaaaaaaaaaaaaaaaaaa"), "the long part starts on the next row:\n{screen}");
    assert!(screen.contains("a…"), "the cut is marked:\n{screen}");
}

#[test]
fn enter_and_o_on_a_topic_go_to_the_links_and_never_change_a_status() {
    let mut app = common::app();
    app.act(Action::FocusRight);
    app.act(Action::MarkProgress);
    let (s, t) = (app.step_index(), app.selected_topic().unwrap());
    for key in [KeyCode::Enter, KeyCode::Char('o')] {
        app.act(Action::FocusLeft);
        app.act(Action::FocusNext);
        assert_eq!(app.key_focus(), Focus::Pane(Pane::Topics));
        let action = learnpath::app::keymap::from_key(common::key(key), app.key_focus()).unwrap();
        assert_eq!(app.update(action), [], "nothing opens from a topic");
        assert_eq!(app.status_of(s, t), Status::InProgress, "{key:?} kept the status");
        assert_eq!(app.key_focus(), Focus::Pane(Pane::Resources), "{key:?} went to the links");
    }
}

#[test]
fn e_in_review_edits_the_due_topics_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut earlier = Progress::open(dir.path()).unwrap();
    earlier.set("backend", "dsa/big-o", Status::Done, common::at("2026-01-01T00:00:00Z"));
    earlier.save().unwrap();
    let mut app = common::app_in(dir.path()).with_data_dir(dir.path().to_path_buf());
    app.act(Action::OpenReview);
    assert_eq!(app.due().len(), 1);
    let key = learnpath::app::keymap::from_key(common::key(KeyCode::Char('e')), app.key_focus()).unwrap();
    let (s, t) = app.path().curriculum.locate("dsa/big-o").unwrap();
    match &app.update(key)[..] {
        [learnpath::app::Effect::Edit { path, step, topic }] => {
            assert_eq!((*step, *topic), (s, t));
            assert!(path.ends_with("notes/backend/dsa/big-o.md"), "{}", path.display());
        }
        other => panic!("e in review should edit the note, not {other:?}"),
    }
}

#[test]
fn j_k_and_shift_j_k_both_scroll_the_help() {
    for key in ['j', 'J'] {
        let mut app = common::app();
        app.act(Action::ShowHelp);
        common::draw(&mut app, 80, 24);
        let action =
            learnpath::app::keymap::from_key(common::key(KeyCode::Char(key)), app.key_focus()).unwrap();
        app.act(action);
        assert_eq!(app.help_scroll(), Some(1), "{key} scrolls the help");
        assert_eq!(app.about_scroll(), 0, "{key} leaves the description under it alone");
    }
}

#[test]
fn each_path_reopens_where_the_learner_left_it() {
    let dir = tempfile::tempdir().unwrap();
    let (data, _) = two_paths_with_notes(dir.path());
    let mut app = app_on(&data);
    // Step 3, its second topic, done topics hidden, focus on the resources.
    app.act(Action::Down);
    app.act(Action::Down);
    app.act(Action::FocusRight);
    app.act(Action::Down);
    app.act(Action::ToggleHideDone);
    app.act(Action::FocusNext);
    let place = app.place();
    assert_eq!(place.step.as_deref(), Some(app.step().id.get_ref().as_str()));
    assert_eq!((place.pane.as_deref(), place.hide_done), (Some("resources"), true));
    // Away to the other path and back: the same place.
    switch_to(&mut app, 1);
    app.act(Action::Down);
    switch_to(&mut app, 0);
    assert_eq!(app.place(), place);
    switch_to(&mut app, 1);
    assert_eq!(app.step_index(), 1, "the starter path kept its own place");
    // A new start opens there too.
    let fresh = app_on(&data).with_place(learnpath::resume::place(&data, "backend"));
    assert_eq!(fresh.place(), place);
}

#[test]
fn a_place_that_is_gone_falls_back_to_the_first_unfinished_topic() {
    let gone = learnpath::resume::Place {
        step: Some("dsa".into()),
        topic: Some("no-such-topic".into()),
        pane: Some("resources".into()),
        hide_done: true,
    };
    let app = common::app().with_place(Some(gone));
    assert_eq!((app.step_index(), app.selected_topic()), (0, Some(0)));
    assert_eq!((app.key_focus(), app.hide_done()), (Focus::Pane(Pane::Steps), false));
}

#[test]
fn a_finished_step_shows_a_tick_and_its_count_never_wraps_alone() {
    let mut app = common::app();
    app.act(Action::FocusRight);
    for _ in 0..7 {
        app.act(Action::Toggle);
        app.act(Action::Down);
    }
    assert_eq!(app.done_in(0), 7);
    let screen = keys_then(&mut app, 100, 30, "");
    assert!(screen.contains("✓ 7/7"), "{screen}");
    // At every width the steps pane can have (28 columns and up, less its
    // borders), the count ends a line that also holds the title.
    for width in 26..80 {
        for i in 0..app.path().curriculum.steps().len() {
            let text = learnpath::ui::steps::item(&app, i, width);
            let last: String = text.lines.last().unwrap().spans.iter().map(|s| s.content.as_ref()).collect();
            let before_count = last.trim_end().rsplit_once(' ').map_or("", |(head, _)| head);
            assert!(!before_count.trim().is_empty(), "step {i} at {width}: the count is alone: {last:?}");
        }
    }
}

#[test]
fn secondary_text_is_never_palette_colour_8() {
    use ratatui::style::Color;
    let mut app = common::app();
    for keys in ["", "l", "?", "f", "/a", "r", "S"] {
        let (terminal, _) = common::run(&mut app, 100, 30, common::typed(keys));
        for cell in terminal.backend().buffer().content() {
            assert_ne!(cell.fg, Color::DarkGray, "after {keys:?}: `{}` is drawn in colour 8", cell.symbol());
            assert_ne!(cell.bg, Color::DarkGray, "after {keys:?}: a background in colour 8");
        }
        app.act(Action::Close);
        app.act(Action::Close);
    }
}

#[test]
fn a_paste_is_one_edit_of_the_search_box_and_nothing_elsewhere() {
    use learnpath::events::Event as LoopEvent;
    let paste = |text: &str| Ok(LoopEvent::Input(crossterm::event::Event::Paste(text.to_string())));
    let mut app = common::app();
    // On the main screen a paste runs no keys ("x" would tick, "q" quit).
    let mut events = vec![paste("lxq")];
    events.extend(common::typed("/"));
    events.push(paste(&"loops\n".repeat(20_000)));
    let (terminal, _) = common::run(&mut app, 100, 30, events);
    assert_eq!(app.done_total(), 0);
    let search = app.search().expect("the search box is open");
    assert_eq!(search.query.chars().count(), learnpath::app::MAX_QUERY);
    assert!(search.query.starts_with("loops loops"), "line breaks become spaces: {:?}", search.query);
    assert!(search.full);
    assert!(common::screen(&terminal).contains("a search stops at 100 characters"));
    assert_eq!(
        learnpath::app::keymap::from_paste("a\tb\u{1b}", Focus::Search),
        [Action::SearchInput('a'), Action::SearchInput(' '), Action::SearchInput('b')]
    );
    assert!(learnpath::app::keymap::from_paste("q", Focus::Pane(Pane::Topics)).is_empty());
}

#[test]
fn a_new_search_starts_at_the_top_of_its_results() {
    // Found by the model test: the last result of one search scrolled the
    // list, and the next search kept that scroll over its empty list.
    use learnpath::ui::view_state::{List, ViewState};
    let mut app = common::app();
    let mut view = ViewState::default();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(60, 15)).unwrap();
    app.act(Action::Resize(60, 15));
    app.act(Action::OpenSearch);
    app.act(Action::SearchInput('t'));
    app.act(Action::Last);
    learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
    assert!(view.offset(List::Results) > 0, "the long list scrolled");
    app.act(Action::Close);
    app.act(Action::OpenSearch);
    assert_eq!(app.search().and_then(|s| s.list.selected()), Some(0));
    learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
    assert_eq!(view.offset(List::Results), 0, "the new search shows its first result");
}
