//! A model-based property test of the whole app: random interleavings of
//! every view's keys, switching among several paths that have notes,
//! search typing, review grades, undo and redo, resizes from 1x1 to
//! 300x100, and another process writing to the progress file. After every
//! step it checks what must always hold.

mod common;
use common::Drive;

use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp};
use learnpath::app::Action;
use learnpath::app::{App, Target};
use learnpath::config::Source;
use learnpath::curriculum::Curriculum;
use learnpath::progress::{Progress, Status};
use learnpath::ui::ViewState;
use learnpath::ui::view_state::List;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// One step of the model.
#[derive(Debug, Clone)]
enum Op {
    /// A key (as its action).
    Key(Action),
    /// `c`, then the `n`th path, then Enter.
    Switch(usize),
    /// The terminal is resized.
    Resize(u16, u16),
    /// Another process ticks (or unticks) topic `topic` of path `path` and
    /// saves; the watcher then reports it.
    OtherWriter { path: usize, topic: usize, done: bool },
    /// A day passes (so done topics come due for review).
    NextDay,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        12 => common::actions::action().prop_map(Op::Key),
        2 => (0usize..4).prop_map(Op::Switch),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Op::Resize(w, h)),
        1 => (0usize..3, 0usize..9, any::<bool>()).prop_map(|(path, topic, done)| Op::OtherWriter { path, topic, done }),
        1 => Just(Op::NextDay),
    ]
}

/// Path `n` of three: two steps of topics, with notes on the topics in
/// `noted`. Its id is `p{n}` and its title `Path {n}`.
fn write_path(config: &Path, data: &Path, n: usize, topics: usize, noted: &[bool]) {
    let mut text = format!("format = 1\nid = \"p{n}\"\ntitle = \"Path {n}\"\n");
    for s in 0..2 {
        text.push_str(&format!(
            "[[steps]]\nid = \"s{s}\"\ntitle = \"Step {s} of path {n}\"\nbody = \"Body {s}.\"\n"
        ));
        for t in 0..topics {
            text.push_str(&format!("[[steps.topics]]\nid = \"t{t}\"\ntitle = \"Topic {t} of step {s}\"\n"));
            // Every other topic has links of its own, of two kinds, one
            // of them also its step's.
            if t % 2 == 1 {
                for (k, kind) in [(0, "video"), (1, "docs")] {
                    text.push_str(&format!(
                        "[[steps.topics.resources]]\ntitle = \"Own {t}.{k}\"\nurl = \"https://e.x/{n}/{s}/{t}/{k}\"\nkind = \"{kind}\"\n"
                    ));
                }
                text.push_str(&format!(
                    "[[steps.topics.resources]]\ntitle = \"Again\"\nurl = \"https://e.x/{n}/{s}\"\n"
                ));
            }
            if noted.get(s * topics + t).copied().unwrap_or(false) {
                let dir = data.join(format!("notes/p{n}/s{s}"));
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join(format!("t{t}.md")), format!("note {n}.{s}.{t}\n")).unwrap();
            }
        }
        text.push_str(&format!(
            "[[steps.resources]]\ntitle = \"Link {s}\"\nurl = \"https://e.x/{n}/{s}\"\nkind = \"docs\"\n"
        ));
    }
    text.push_str("[[faq]]\nquestion = \"Q?\"\nanswer = \"A.\"\n");
    std::fs::write(config.join(format!("curricula/p{n}.toml")), text).unwrap();
}

/// The curriculum file of path `n`.
fn path_file(config: &Path, n: usize) -> PathBuf {
    config.join(format!("curricula/p{n}.toml"))
}

fn check(app: &App, view: &ViewState, terminal: &Terminal<TestBackend>, data: &Path) {
    let c = &app.path().curriculum;
    let steps = c.steps();
    // Selections and offsets are in range.
    assert!(app.step_index() < steps.len());
    let in_range = |name: &str, list: List, pick: &learnpath::app::Pick, len: usize| {
        let sel = pick.selected().unwrap_or(0);
        assert!(sel < len.max(1), "{name}: selection {sel} of {len}");
        let offset = view.offset(list);
        assert!(offset <= sel.max(len.saturating_sub(1)), "{name}: offset {offset} of {len}");
    };
    in_range("steps", List::Steps, &app.lists().steps, steps.len());
    in_range("topics", List::Topics, &app.lists().topics, app.visible_topics().len());
    in_range("resources", List::Resources, &app.lists().resources, app.shown_resources().len());
    if let Some((pick, _)) = app.faq() {
        in_range("faq", List::Faq, &pick, c.faq.len());
    }
    in_range("review", List::Review, &app.review_pick(), app.due().len());
    if let Some(search) = app.search() {
        in_range("results", List::Results, &search.list, search.hits.len());
    }
    if let Some((choices, pick)) = app.picker() {
        in_range("picker", List::Picker, &pick, choices.len());
    }
    // Every row drawn belongs to the open path.
    for (target, _, rows) in app.geometry().lists() {
        let len = match target {
            Target::List(learnpath::app::Pane::Steps) => steps.len(),
            Target::List(learnpath::app::Pane::Topics) => app.visible_topics().len(),
            Target::List(learnpath::app::Pane::Resources) => app.shown_resources().len(),
            Target::Questions => c.faq.len(),
            Target::Text => 0,
        };
        assert!(rows.iter().all(|r| r.item < len), "{target:?} drew a row past its {len} items");
    }
    let area = terminal.backend().buffer().area;
    // The header, unless a popup (the help is as tall as the screen) is on it.
    let popup = app.top().is_some_and(|o| o.view().is_none());
    if !learnpath::ui::layout::too_small(area) && !popup {
        let header: String = (0..area.width).map(|x| terminal.backend().buffer()[(x, 0)].symbol()).collect();
        assert!(header.contains(c.title.get_ref().as_str()), "the header names the open path: {header}");
    }
    // Note marks are the note files on disk.
    for (s, step) in steps.iter().enumerate() {
        for (t, topic) in step.topics.iter().enumerate() {
            let file = data
                .join("notes")
                .join(c.id.get_ref())
                .join(step.id.get_ref())
                .join(format!("{}.md", topic.id.get_ref()));
            assert_eq!(app.notes().get(s, t).is_some(), file.exists(), "note mark of {}", step.key(topic));
        }
    }
    // Counts are the store's.
    assert_eq!(app.done_total(), common::stored(app, Status::Done), "done count");
    assert_eq!(app.skipped_total(), common::stored(app, Status::Skipped), "skipped count");
    for (s, step) in steps.iter().enumerate() {
        let done = step
            .topics
            .iter()
            .filter(|t| app.progress().status(c.id.get_ref(), &step.key(t)) == Status::Done)
            .count();
        assert_eq!(app.done_in(s), done, "done in step {s}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn every_interleaving_keeps_one_consistent_state(
        topics in proptest::collection::vec(1usize..9, 3),
        noted in proptest::collection::vec(proptest::collection::vec(any::<bool>(), 16), 3),
        ops in proptest::collection::vec(op(), 1..60),
        (width, height) in (1u16..=300, 1u16..=100),
    ) {
        let home = tempfile::tempdir().unwrap();
        let (config, data) = (home.path().join("config"), home.path().join("data"));
        std::fs::create_dir_all(config.join("curricula")).unwrap();
        for n in 0..3 {
            write_path(&config, &data, n, topics[n], &noted[n]);
        }
        let time = std::rc::Rc::new(std::cell::Cell::new(common::NOW.parse::<Timestamp>().unwrap()));
        let clock = time.clone();
        let first = Curriculum::load(&path_file(&config, 0)).unwrap();
        let mut app = App::new(first, Progress::open(&data).unwrap())
            .with_clock(Box::new(move || clock.get()))
            .with_catalog(config.clone(), Source::File(path_file(&config, 0)), data.clone())
            .with_data_dir(data.clone());
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut view = learnpath::ui::ViewState::default();
        app.act(Action::Resize(width, height));
        learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
        for op in ops {
            match op {
                Op::Key(action) => { app.act(action); }
                Op::Switch(n) => {
                    app.act(Action::OpenPicker);
                    app.act(Action::First);
                    for _ in 0..n {
                        app.act(Action::Down);
                    }
                    app.act(Action::Confirm);
                }
                Op::Resize(w, h) => {
                    terminal.backend_mut().resize(w, h);
                    app.act(Action::Resize(w, h));
                }
                Op::OtherWriter { path, topic, done } => {
                    let mut other = Progress::open(&data).unwrap();
                    let key = format!("s{}/t{}", topic % 2, topic % topics[path]);
                    let status = if done { Status::Done } else { Status::Todo };
                    other.set(&format!("p{path}"), &key, status, time.get());
                    other.save().unwrap();
                    app.act(Action::Reload);
                }
                Op::NextDay => time.set(time.get() + SignedDuration::from_hours(24)),
            }
            learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
            check(&app, &view, &terminal, &data);
        }
    }
}
