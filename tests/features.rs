//! The learner-facing features on the `App`: statuses, resources, reset,
//! resume, next/previous, hiding, search, copy, mouse and the picker.

mod common;
use common::Drive;

use common::app;
use learnpath::app::{Action, Focus, Pane};
use learnpath::app::{App, Effect, Message, Prompt, View};
use learnpath::config::Source;
use learnpath::curriculum::Curriculum;
use learnpath::progress::{Progress, Status};

fn topics_of_step_one() -> App {
    let mut app = app();
    app.act(Action::Resize(100, 30));
    app.act(Action::FocusRight);
    app
}

#[test]
fn statuses_cycle_and_counts_keep_up() {
    let mut app = topics_of_step_one();
    app.act(Action::Toggle);
    assert_eq!(app.status_of(0, 0), Status::Done);
    app.act(Action::Down);
    app.act(Action::MarkProgress);
    assert_eq!(app.status_of(0, 1), Status::InProgress);
    app.act(Action::Down);
    app.act(Action::MarkSkipped);
    assert_eq!(app.status_of(0, 2), Status::Skipped);
    assert_eq!((app.done_in(0), app.skipped_in(0), app.done_total(), app.skipped_total()), (1, 1, 1, 1));
    // The same key again goes back to todo; Space on a skipped topic is done.
    app.act(Action::MarkSkipped);
    assert_eq!(app.status_of(0, 2), Status::Todo);
    app.act(Action::MarkSkipped);
    app.act(Action::Toggle);
    assert_eq!(app.status_of(0, 2), Status::Done);
    assert_eq!((app.done_in(0), app.skipped_in(0)), (2, 0));
    app.act(Action::Up);
    app.act(Action::MarkProgress);
    assert_eq!(app.status_of(0, 1), Status::Todo);
    assert_eq!(app.progress().status("backend", "coding-basics/comparison-operators"), Status::Todo);
}

#[test]
fn resources_can_be_marked_read() {
    let mut app = topics_of_step_one();
    app.act(Action::FocusNext);
    assert_eq!(app.key_focus(), Focus::Pane(Pane::Resources));
    app.act(Action::Down);
    app.act(Action::Toggle);
    assert!(app.is_read(0, &app.path().curriculum.steps()[0].resources[1]));
    assert_eq!(app.read_shown(), 1);
    assert!(app.progress().is_read("backend", "coding-basics/https://edabit.com/challenges/javascript"));
    app.act(Action::Toggle);
    assert_eq!(app.read_shown(), 0);
}

#[test]
fn reset_a_topic_at_once_and_a_step_or_the_path_after_asking() {
    let mut app = topics_of_step_one();
    app.act(Action::Toggle);
    app.act(Action::Reset);
    assert_eq!(app.status_of(0, 0), Status::Todo);
    let entry =
        app.progress().entry("backend", "coding-basics/variables").expect("a reset is a recorded change");
    assert_eq!(entry.status, Status::Todo);

    app.act(Action::Toggle);
    app.act(Action::Down);
    app.act(Action::Toggle);
    app.act(Action::FocusLeft);
    app.act(Action::Reset);
    assert_eq!(app.prompt(), Some(Prompt::Reset));
    assert_eq!(app.key_focus(), Focus::Prompt);
    app.act(Action::Close);
    assert_eq!(app.done_in(0), 2, "Esc keeps everything");
    app.act(Action::Reset);
    app.act(Action::Answer('s'));
    assert_eq!(app.done_in(0), 0);

    app.act(Action::Down);
    app.act(Action::FocusRight);
    app.act(Action::Toggle);
    app.act(Action::FocusLeft);
    app.act(Action::Reset);
    app.act(Action::Answer('p'));
    assert_eq!(app.done_total(), 0);
    assert!(matches!(&app.message(), Some(Message::Info(m)) if m.contains("whole path")));
}

#[test]
fn opens_on_the_first_unfinished_topic_with_focus_on_steps() {
    let dir = tempfile::tempdir().unwrap();
    let mut progress = Progress::open(dir.path()).unwrap();
    let c = Curriculum::shipped();
    let at = common::NOW.parse().unwrap();
    for s in &c.steps()[0].topics {
        progress.set("backend", &c.steps()[0].key(s), Status::Done, at);
    }
    progress.set("backend", "dsa/big-o", Status::Skipped, at);
    progress.set("backend", "dsa/recursion", Status::Done, at);
    let app = App::new(c, progress);
    assert_eq!(app.key_focus(), Focus::Pane(Pane::Steps));
    assert_eq!(app.step_index(), 1);
    assert_eq!(app.selected_topic(), Some(2), "linked lists: the first neither done nor skipped");
}

#[test]
fn n_and_shift_n_walk_unfinished_topics_and_wrap() {
    let mut app = topics_of_step_one();
    app.act(Action::Toggle); // variables done
    app.act(Action::Up);
    app.act(Action::NextUnfinished);
    assert_eq!((app.step_index(), app.selected_topic()), (0, Some(1)));
    assert_eq!(app.focus(), Pane::Topics);
    app.act(Action::PrevUnfinished);
    let last_step = app.path().curriculum.steps().len() - 1;
    let last_topic = app.path().curriculum.steps()[last_step].topics.len() - 1;
    assert_eq!((app.step_index(), app.selected_topic()), (last_step, Some(last_topic)), "wraps backwards");
    app.act(Action::NextUnfinished);
    assert_eq!((app.step_index(), app.selected_topic()), (0, Some(1)), "and forwards, skipping the done one");
}

#[test]
fn hiding_done_topics_keeps_the_count_true() {
    let mut app = topics_of_step_one();
    app.act(Action::Toggle);
    app.act(Action::ToggleHideDone);
    assert!(app.hide_done());
    assert_eq!(app.visible_topics(), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(app.done_in(0), 1);
    app.act(Action::Toggle); // ticks "Comparison operators", which then hides
    assert_eq!(app.visible_topics().len(), 5);
    assert_eq!(app.selected_topic(), Some(2));
    app.act(Action::ToggleHideDone);
    assert_eq!(app.visible_topics().len(), 7);
    assert_eq!(app.selected_topic(), Some(2), "the selection stays on the same topic");
}

fn search(app: &mut App, text: &str) {
    app.act(Action::OpenSearch);
    for c in text.chars() {
        app.act(Action::SearchInput(c));
    }
}

#[test]
fn search_ranks_edits_and_jumps() {
    let mut app = app();
    search(&mut app, "loops");
    let first = &app.search().unwrap().hits[0];
    assert_eq!(app.search_entries()[first.entry].text, "Loops");
    assert_eq!(first.indices, vec![0, 1, 2, 3, 4]);
    app.act(Action::Confirm);
    assert!(app.search().is_none());
    assert_eq!((app.step_index(), app.selected_topic(), app.focus()), (0, Some(2), Pane::Topics));

    search(&mut app, "golang cafe");
    app.act(Action::Confirm);
    // The link is on the topic "Find niche job boards": that topic, its
    // own link first.
    assert_eq!((app.step_index(), app.selected_topic(), app.focus()), (6, Some(6), Pane::Resources));
    assert_eq!(app.selected_resource().unwrap().url.get_ref(), "https://golang.cafe/");
    assert_eq!(app.lists().resources.selected(), Some(0));

    search(&mut app, "devops");
    let faq = app
        .search()
        .unwrap()
        .hits
        .iter()
        .position(|h| app.search_entries()[h.entry].text == "Do I need to learn DevOps?")
        .unwrap();
    for _ in 0..faq {
        app.act(Action::Down);
    }
    app.act(Action::Confirm);
    assert_eq!(app.view(), View::Faq);
    assert_eq!(app.faq().and_then(|(pick, _)| pick.selected()), Some(4));

    app.act(Action::Close);
    search(&mut app, "learn basic coding");
    app.act(Action::SearchDeleteWord);
    assert_eq!(app.search().unwrap().query, "learn basic ");
    app.act(Action::SearchBackspace);
    assert_eq!(app.search().unwrap().query, "learn basic");
    app.act(Action::SearchClear);
    assert_eq!(app.search().unwrap().query, "");
    assert!(app.search().unwrap().hits.is_empty());
    app.act(Action::Close);
    assert!(app.search().is_none());
}

#[test]
fn copy_takes_the_selected_link_or_the_steps_first() {
    let mut app = topics_of_step_one();
    assert_eq!(app.update(Action::Copy), vec![Effect::Copy("https://boot.dev/courses/learn-python/".into())]);
    app.act(Action::FocusNext);
    app.act(Action::Down);
    let mut host = common::TestHost::default();
    app.act_with(Action::Copy, &mut host);
    app.act_with(Action::Open, &mut host);
    assert_eq!(host.copied, ["https://edabit.com/challenges/javascript"]);
    assert_eq!(host.opened, ["https://edabit.com/challenges/javascript"]);
    assert!(
        matches!(&app.message(), Some(Message::Info(m)) if m.starts_with("Opened")),
        "{:?}",
        app.message()
    );
    let mut remote = common::app().with_remote(true);
    remote.act(Action::FocusPrev);
    let mut host = common::TestHost::default();
    remote.act_with(Action::Open, &mut host);
    assert!(host.opened.is_empty(), "over SSH nothing opens");
    assert_eq!(host.copied, ["https://boot.dev/courses/learn-python/"]);
    assert!(matches!(&remote.message(), Some(Message::Info(m)) if m.contains("over SSH")));
}

#[test]
fn clicks_select_and_focus_and_the_wheel_scrolls_the_pane_under_it() {
    let (mut app, _) = {
        let mut app = app();
        let (t, o) = common::run(&mut app, 100, 30, vec![]);
        drop(t);
        (app, o)
    };
    let areas = learnpath::ui::layout::areas(app.area(), &app);
    // The third row of the topics pane.
    app.act(Action::Click(areas.topics.x + 3, areas.topics.y + 3));
    assert_eq!((app.focus(), app.selected_topic()), (Pane::Topics, Some(2)));
    // The second step's first row.
    app.act(Action::Click(areas.left.x + 2, areas.left.y + 2));
    assert_eq!((app.focus(), app.step_index()), (Pane::Steps, 1));
    app.act(Action::Wheel(areas.resources.x + 2, areas.resources.y + 2, true));
    assert_eq!(app.lists().resources.selected(), Some(1));
    assert_eq!(app.focus(), Pane::Steps, "the wheel doesn't move the focus");
    app.act(Action::Wheel(areas.about.x + 2, areas.about.y + 2, true));
    assert_eq!(app.about_scroll(), 1);
}

#[test]
fn the_picker_switches_curricula_and_remembers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config/curricula")).unwrap();
    let file = dir.path().join("config/curricula/mine.toml");
    std::fs::write(&file, learnpath::cmd::new::STARTER).unwrap();
    let mut app = app().with_catalog(dir.path().join("config"), Source::Shipped, dir.path().join("data"));
    app.act(Action::OpenPicker);
    assert_eq!(app.key_focus(), Focus::Picker);
    let titles: Vec<_> = app.picker().unwrap().0.iter().map(|c| c.title.clone()).collect();
    assert_eq!(titles, ["Learn Backend Development", "My learning path"]);
    app.act(Action::Down);
    app.act(Action::Confirm);
    assert!(app.picker().is_none());
    assert_eq!(app.path().curriculum.id.get_ref(), "my-path");
    assert_eq!(learnpath::resume::last_used(&dir.path().join("data")), Some(Source::File(file)));
}
