//! Topic pages on screen: the description pane shows the selected topic's
//! page, the resources pane its own links before its step's, `t` narrows
//! them to one kind, and hours show per topic and per step.

mod common;
use common::Drive;

use common::{app, draw, keys, run, screen};
use crossterm::event::KeyCode;
use learnpath::app::Effect;
use learnpath::app::{Action, Pane};

/// The shipped path with the focus on the topics of step `s` (0-based),
/// topic `t` selected.
fn on_topic(s: usize, t: usize) -> learnpath::app::App {
    let mut app = app();
    draw(&mut app, 100, 40);
    for _ in 0..s {
        app.act(Action::Down);
    }
    app.act(Action::FocusRight);
    for _ in 0..t {
        app.act(Action::Down);
    }
    app
}

fn urls(app: &learnpath::app::App) -> Vec<String> {
    app.shown_resources().iter().map(|r| r.url.get_ref().clone()).collect()
}

#[test]
fn the_description_is_the_topics_page_while_a_topic_is_chosen_and_the_steps_otherwise() {
    // Step 3 (the web), topic 2 (HTTP): a summary, a requirement, checks.
    let mut app = on_topic(2, 1);
    let (terminal, _) = run(&mut app, 100, 40, Vec::new());
    let page = screen(&terminal);
    assert!(page.contains("Topic 2 of 4"), "{page}");
    assert!(page.contains("What is HTTP? · about"), "{page}");
    assert!(page.contains("Know first:"), "{page}");
    assert!(page.contains("[ ] What is a web server?"), "the requirement with its status: {page}");
    assert!(page.contains("Check yourself:"), "{page}");
    assert!(page.contains("What is the difference between GET and POST?"), "{page}");
    let mut events = keys(&[KeyCode::Char('h')]);
    events.extend(keys(&[]));
    let (terminal, _) = run(&mut app, 100, 40, events);
    let step = screen(&terminal);
    assert!(step.contains("Step 3 of 7") && !step.contains("Check yourself:"), "{step}");
}

#[test]
fn a_topics_own_links_come_first_then_its_steps_each_once() {
    // Step 3's "What is HTTP?" has two links of its own.
    let app = on_topic(2, 1);
    let shown = urls(&app);
    assert_eq!(
        shown[..2],
        [
            "https://boot.dev/courses/learn-http",
            "https://www.freecodecamp.org/news/http-and-everything-you-need-to-know-about-it/"
        ]
    );
    assert!(
        shown[2..].contains(&"https://blog.boot.dev/backend/learn-frontend-or-backend-first/".to_string())
    );
    assert!(
        !shown.contains(&"https://blog.boot.dev/javascript/javascript-projects-for-beginners/".to_string()),
        "another topic's link"
    );
    // Step 2's "Hash maps" repeats a link of its step: listed once, first.
    let app = on_topic(1, 3);
    let shown = urls(&app);
    assert_eq!(shown[0], "https://boot.dev/courses/learn-data-structures");
    assert_eq!(shown.iter().filter(|u| u.contains("learn-data-structures")).count(), 1);
}

#[test]
fn enter_on_a_topic_goes_to_its_links_and_y_copies_its_first() {
    let mut app = on_topic(6, 6); // "Find niche job boards": Golang cafe.
    assert_eq!(app.update(Action::Copy), vec![Effect::Copy("https://golang.cafe/".into())]);
    app.act(Action::Open);
    assert_eq!(app.focus(), Pane::Resources);
    assert_eq!(app.update(Action::Open), vec![Effect::Open("https://golang.cafe/".into())]);
}

#[test]
fn moving_to_another_topic_starts_its_links_at_the_first() {
    let mut app = on_topic(2, 1);
    app.act(Action::FocusNext);
    app.act(Action::Down);
    assert_eq!(app.lists().resources.selected(), Some(1));
    app.act(Action::FocusPrev);
    app.act(Action::Down);
    assert_eq!(app.lists().resources.selected(), Some(0));
    // "How do webpages communicate…" has no links of its own: its step's.
    assert_eq!(
        app.selected_resource().unwrap().title.get_ref(),
        "Where to start your web development journey"
    );
}

#[test]
fn t_shows_one_kind_at_a_time_then_all() {
    let mut app = on_topic(2, 3); // Front-end projects: project, video, course, and an article.
    let all = urls(&app).len();
    let mut seen = Vec::new();
    loop {
        app.act(Action::CycleKind);
        let Some(kind) = app.kind_filter() else { break };
        assert!(app.shown_resources().iter().all(|r| r.kind == Some(kind)), "{kind:?}");
        seen.push(kind);
        assert!(seen.len() <= 8, "the cycle ends");
    }
    assert!(seen.len() >= 3, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] != w[1]));
    assert_eq!(urls(&app).len(), all, "after the last kind, every link again");
    // The pane says what it shows.
    app.act(Action::CycleKind);
    let name = app.kind_filter().unwrap().name();
    let (terminal, _) = run(&mut app, 100, 40, Vec::new());
    assert!(screen(&terminal).contains(&format!("read · {name} ")), "{}", screen(&terminal));
}

#[test]
fn a_link_on_a_topic_and_its_step_is_read_in_both_places() {
    let mut app = on_topic(1, 3); // Hash maps: the data structures course.
    app.act(Action::FocusNext);
    app.act(Action::Toggle);
    let course = app.selected_resource().unwrap().clone();
    assert!(app.is_read(1, &course));
    // On another topic of the step, the same link (the step's) is read too.
    app.act(Action::FocusPrev);
    app.act(Action::Down);
    let listed = app.shown_resources().into_iter().find(|r| r.url.get_ref() == course.url.get_ref()).cloned();
    assert!(app.is_read(1, &listed.unwrap()));
}

#[test]
fn search_finds_a_topics_link_and_goes_to_that_topic() {
    let mut app = on_topic(0, 0);
    app.act(Action::OpenSearch);
    for c in "opensource bash".chars() {
        app.act(Action::SearchInput(c));
    }
    app.act(Action::Confirm);
    assert_eq!((app.step_index(), app.focus()), (7, Pane::Resources));
    assert_eq!(app.step().topics[app.selected_topic().unwrap()].id.get_ref(), "terminal");
    assert_eq!(app.selected_resource().unwrap().url.get_ref(), "https://opensource.com/resources/what-bash");
}

#[test]
fn hours_show_per_topic_and_as_done_of_all_per_step() {
    let mut app = on_topic(0, 0);
    app.act(Action::Toggle);
    let (terminal, _) = run(&mut app, 100, 40, Vec::new());
    let s = screen(&terminal);
    assert!(s.contains("Topics 1/7 · 1 retained · 12/84 h"), "{s}");
    assert!(s.contains("[x] Variables and data 12h"), "{s}");
}

#[test]
fn a_done_topic_you_have_likely_forgotten_shows_a_faded_tick() {
    use learnpath::progress::{Progress, Status};
    let dir = tempfile::tempdir().unwrap();
    let long_ago = "2025-06-01T12:00:00Z".parse().unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    p.set("backend", "coding-basics/variables", Status::Done, long_ago);
    p.set("backend", "coding-basics/comparison-operators", Status::Done, common::NOW.parse().unwrap());
    p.save().unwrap();
    let mut app = common::app_in(dir.path());
    app.act(Action::FocusRight);
    app.act(Action::First);
    assert!(app.recall_of(0, 0).unwrap() < learnpath::review::FADING);
    assert!(app.recall_of(0, 1).unwrap() > 0.99);
    assert_eq!(app.retention_in(0).retained, 1);
    // The row below them selected, so both show their own colours.
    let (terminal, _) = run(&mut app, 100, 40, keys(&[KeyCode::Down, KeyCode::Down]));
    let buf = terminal.backend().buffer();
    let row = |text: &str| {
        (0..buf.area.height)
            .find(|&y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().contains(text))
            .unwrap()
    };
    let mark_x = |y: u16| {
        (0..buf.area.width).find(|&x| buf[(x, y)].symbol() == "[" && buf[(x + 1, y)].symbol() == "x").unwrap()
    };
    // The faded one is also marked by a sign, for where dim text does not
    // show; the fresh one is not.
    let (faded, fresh) = (row("Variables and data ↻ 12h"), row("Comparison operators 12h"));
    let theme = learnpath::ui::Theme::dark();
    assert_eq!(buf[(mark_x(faded) + 1, faded)].fg, theme.dim.fg.unwrap(), "a faded tick");
    assert_eq!(buf[(mark_x(fresh) + 1, fresh)].fg, theme.done.fg.unwrap(), "a fresh one");
    assert!(screen(&terminal).contains("Topics 2/7 · 1 retained"), "{}", screen(&terminal));
    let (terminal, _) = run(&mut app, 100, 40, keys(&[KeyCode::Home]));
    let page = screen(&terminal);
    assert!(page.contains("recall today") && page.contains("fading: r reviews it"), "{page}");
}

#[test]
fn z_gives_the_page_the_right_side_and_the_topic_keys_keep_working() {
    let mut app = on_topic(0, 1); // "Comparison operators"
    app.act(Action::TogglePage);
    assert!(app.full_page());
    let (terminal, _) = common::run(&mut app, 100, 30, Vec::new());
    let text = screen(&terminal);
    assert!(!text.contains("Topics 0/7"), "the checklist is under the page:\n{text}");
    assert!(text.contains("Check yourself:") && text.contains("Links (o opens"), "{text}");
    // j moves between topics, and the page follows.
    app.act(Action::Down);
    assert_eq!(app.step().topics[app.selected_topic().unwrap()].id.get_ref(), "loops");
    let (terminal, _) = common::run(&mut app, 100, 30, Vec::new());
    assert!(screen(&terminal).contains("Topic 3 of 7"), "{}", screen(&terminal));
    // Space ticks it, and the page shows the mark.
    app.act(Action::Toggle);
    assert_eq!(app.done_total(), 1);
    let (terminal, _) = common::run(&mut app, 100, 30, Vec::new());
    assert!(screen(&terminal).contains("[x] Loops"), "{}", screen(&terminal));
    // J scrolls the page.
    app.act(Action::ScrollDown);
    let (terminal, _) = common::run(&mut app, 100, 30, Vec::new());
    assert!(!screen(&terminal).contains("[x] Loops"), "scrolled past the title:\n{}", screen(&terminal));
    // o opens the topic's first link, since the links pane is hidden.
    let mut host = common::TestHost::default();
    app.act_with(Action::Open, &mut host);
    assert_eq!(host.opened.len(), 1, "{:?}", app.message());
    assert_eq!(app.focus(), Pane::Topics);
    // Tab skips the hidden links pane; z gives the panes back.
    app.act(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Steps);
    app.act(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Topics);
    app.act(Action::TogglePage);
    assert!(!app.full_page());
    app.act(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Resources);
}

#[test]
fn z_from_the_links_pane_moves_the_focus_to_the_topic() {
    let mut app = on_topic(0, 0);
    app.act(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Resources);
    app.act(Action::TogglePage);
    assert_eq!(app.focus(), Pane::Topics, "the hidden pane keeps no focus");
}
