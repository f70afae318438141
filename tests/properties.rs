//! Property tests: random key sequences and terminal sizes on the app,
//! random input to the loader, and the laws a merge must obey.

mod common;
use common::Drive;

use jiff::Timestamp;
use learnpath::app::Action;
use learnpath::app::App;
use learnpath::curriculum::Curriculum;
use learnpath::progress::{CurriculumProgress, Progress, ProgressFile, Status, TopicEntry, compare, merged};
use learnpath::ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A small curriculum whose titles are the given strings.
fn curriculum_with(titles: &[String]) -> Curriculum {
    let mut text = String::from("format = 1\nid = \"p\"\ntitle = \"P\"\n");
    for (s, chunk) in titles.chunks(3).enumerate() {
        let step_title = toml_string(chunk.first().map_or("S", String::as_str));
        text.push_str(&format!("[[steps]]\nid = \"s{s}\"\ntitle = {step_title}\nbody = {step_title}\n"));
        for (t, title) in chunk.iter().enumerate() {
            text.push_str(&format!("[[steps.topics]]\nid = \"t{t}\"\ntitle = {}\n", toml_string(title)));
        }
        text.push_str(&format!(
            "[[steps.resources]]\ntitle = {}\nurl = \"https://e.x/{s}\"\n",
            toml_string(&chunk[0])
        ));
    }
    text.push_str("[[faq]]\nquestion = \"Q?\"\nanswer = \"A.\"\n");
    Curriculum::parse(&text, "p.toml").expect("generated curricula are valid")
}

fn toml_string(s: &str) -> String {
    let s = if s.trim().is_empty() { "x" } else { s };
    toml::Value::String(s.to_string()).to_string()
}

/// Titles mixing ASCII, CJK, emoji, combining marks and controls.
fn title() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z 数据库🚀é\u{301}\u{200d}\t\u{1b}\u{7}]{1,40}").unwrap()
}

fn check_invariants(app: &App, terminal: &Terminal<TestBackend>) {
    let steps = app.path().curriculum.steps();
    assert!(app.step_index() < steps.len());
    let step = app.step();
    let topic = app.lists().topics.selected().unwrap_or(0);
    assert!(topic < app.visible_topics().len().max(1), "topic selection {topic} out of range");
    assert!(app.selected_topic().is_none_or(|t| t < step.topics.len()));
    let resource = app.lists().resources.selected().unwrap_or(0);
    assert!(resource < step.resources.len().max(1), "resource selection {resource} out of range");
    let stored = common::stored(app, Status::Done);
    assert_eq!(app.done_total(), stored, "the counts agree with the store");
    assert_eq!(app.skipped_total(), common::stored(app, Status::Skipped), "so do the skipped ones");
    let area = terminal.backend().buffer().area;
    if !ui::layout::too_small(area) {
        let text: String =
            (0..area.width).map(|x| terminal.backend().buffer()[(x, area.height - 1)].symbol()).collect();
        let label = format!("{stored}/{}", app.path().curriculum.topic_count());
        let status_rows = ui::status::rows(app, area.width);
        let first_status_row = area.height - status_rows;
        let row: String =
            (0..area.width).map(|x| terminal.backend().buffer()[(x, first_status_row)].symbol()).collect();
        assert!(row.contains(&label) || text.contains(&label), "the gauge shows {label}: {row:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_sizes_never_panic_and_keep_the_state_valid(
        titles in proptest::collection::vec(title(), 1..10),
        actions in proptest::collection::vec(common::actions::action(), 1..40),
        width in 1u16..=300,
        height in 1u16..=100,
        resize_to in proptest::option::of((1u16..=300, 1u16..=100)),
    ) {
        let mut app = App::new(curriculum_with(&titles), Progress::in_memory())
            .with_clock(Box::new(|| common::NOW.parse::<Timestamp>().unwrap()));
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut view = learnpath::ui::ViewState::default();
        app.act(Action::Resize(width, height));
        for (i, a) in actions.iter().enumerate() {
            if i == actions.len() / 2 && let Some((w, h)) = resize_to {
                terminal.backend_mut().resize(w, h);
                app.act(Action::Resize(w, h));
            }
            app.act(a.clone());
            learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
            check_invariants(&app, &terminal);
        }
    }

    #[test]
    fn wide_and_combining_text_keeps_the_borders_in_place(titles in proptest::collection::vec(title(), 3..9)) {
        let mut app = App::new(curriculum_with(&titles), Progress::in_memory());
        let mut terminal = Terminal::new(TestBackend::new(90, 30)).unwrap();
        let mut view = learnpath::ui::ViewState::default();
        app.act(Action::Resize(90, 30));
        learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
        let areas = ui::layout::areas(ratatui::layout::Rect::new(0, 0, 90, 30), &app);
        let buf = terminal.backend().buffer();
        for y in areas.left.top() + 1..areas.left.bottom() - 1 {
            let left = buf[(areas.left.x, y)].symbol();
            let right = buf[(areas.left.right() - 1, y)].symbol();
            let edge = buf[(89, y)].symbol();
            prop_assert!("│┃▸".contains(left), "row {y} left border {left:?}");
            prop_assert!("│┃║█".contains(right), "row {y} steps' right border {right:?}");
            prop_assert!("│┃║█╮╯┓┛".contains(edge), "row {y} screen edge {edge:?}");
        }
    }

    #[test]
    fn random_text_gives_ok_or_a_positioned_error(text in "\\PC{0,300}") {
        check_loader(text.as_bytes());
    }

    #[test]
    fn mutated_curricula_give_ok_or_a_positioned_error(
        edits in proptest::collection::vec((0usize..learnpath::curriculum::SHIPPED.len(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let bytes = common::damaged_shipped(&edits);
        check_loader(&bytes);
    }

    #[test]
    fn aliases_load_in_linear_work_or_fail_with_a_position(
        steps in proptest::collection::vec(
            (0usize..40, proptest::collection::vec(0usize..40, 1..6)), 1..5),
        clash in proptest::option::of((0usize..5, 0usize..6)),
    ) {
        // Step s has `n` aliases `s{s}-old{i}`; its topic t has `m` aliases
        // `t{t}-old{i}`; `clash` renames one alias to a sibling topic's id.
        let mut text = String::from("format = 1\nid = \"p\"\ntitle = \"P\"\n");
        let mut names = 0;
        for (s, (n, topics)) in steps.iter().enumerate() {
            let aliases: Vec<String> = (0..*n).map(|i| format!("\"s{s}-old{i}\"")).collect();
            text.push_str(&format!("[[steps]]\nid = \"s{s}\"\ntitle = \"S\"\naliases = [{}]\n", aliases.join(",")));
            names += 1 + n;
            for (t, m) in topics.iter().enumerate() {
                let mut aliases: Vec<String> = (0..*m).map(|i| format!("\"t{t}-old{i}\"")).collect();
                if clash == Some((s, t)) && !aliases.is_empty() && topics.len() > 1 {
                    aliases[0] = format!("\"t{}\"", (t + 1) % topics.len());
                }
                text.push_str(&format!("[[steps.topics]]\nid = \"t{t}\"\ntitle = \"T\"\naliases = [{}]\n", aliases.join(",")));
                names += 1 + m;
            }
        }
        match Curriculum::parse(&text, "p.toml") {
            Ok(c) => {
                prop_assert!(steps.iter().all(|(n, ts)| *n <= 32 && ts.iter().all(|m| *m <= 32)));
                prop_assert_eq!(c.name_count(), names, "one entry per id and alias: linear in the file");
                for (s, (n, topics)) in steps.iter().enumerate() {
                    for (t, m) in topics.iter().enumerate() {
                        let old_step = if *n > 0 { format!("s{s}-old{}", n - 1) } else { format!("s{s}") };
                        let old_topic = if *m > 0 { format!("t{t}-old{}", m - 1) } else { format!("t{t}") };
                        prop_assert_eq!(c.resolve(&format!("{old_step}/{old_topic}")), Some((s, t)));
                    }
                }
            }
            Err(e) => {
                for p in &e.problems {
                    prop_assert!(p.line.is_some() && p.col.is_some(), "no position: {}", p.message);
                }
            }
        }
    }
}

proptest! {
    // Many cases: clashes (same key, same time) are what this is about.
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_commutative_idempotent_and_keeps_the_newest(
        a in progress_file(),
        b in progress_file(),
        c in progress_file(),
    ) {
        let ab = merged(&a, &b);
        prop_assert_eq!(&ab, &merged(&b, &a));
        prop_assert_eq!(&merged(&a, &a), &a);
        prop_assert_eq!(&merged(&ab, &b), &ab);
        prop_assert_eq!(&merged(&merged(&a, &b), &c), &merged(&a, &merged(&b, &c)), "the order of merges does not matter");
        for side in [&a, &b] {
            for (id, cp) in &side.curricula {
                for (key, entry) in &cp.topics {
                    let kept = &ab.curricula[id].topics[key];
                    prop_assert!(compare(kept, entry) != std::cmp::Ordering::Less, "{key}: lost a newer change");
                }
                for (key, entry) in &cp.resources {
                    let kept = &ab.curricula[id].resources[key];
                    prop_assert!(compare(kept, entry) != std::cmp::Ordering::Less, "{key}: lost a newer read mark");
                }
                for (key, entry) in &cp.reviews {
                    prop_assert!(ab.curricula[id].reviews[key].at >= entry.at, "{key}: lost a newer review");
                }
                for key in cp.extra.keys() {
                    prop_assert!(ab.curricula[id].extra.contains_key(key), "unknown key {key} dropped");
                }
            }
            for key in side.extra.keys() {
                prop_assert!(ab.extra.contains_key(key), "unknown key {key} dropped");
            }
        }
    }
}

fn check_loader(bytes: &[u8]) {
    match Curriculum::parse_bytes(bytes, "f.toml") {
        Ok(c) => assert!(!c.steps().is_empty()),
        Err(e) => {
            assert!(!e.problems.is_empty());
            for p in &e.problems {
                assert!(p.line.is_some() && p.col.is_some(), "no position: {}", p.message);
            }
        }
    }
}

/// Unknown keys, with few names and values so that two sides clash.
fn extra() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    prop::collection::btree_map(
        "[pq]",
        prop_oneof![(0u8..3).prop_map(|n| serde_json::json!(n)), "[ab]".prop_map(serde_json::Value::from)],
        0..2,
    )
    .prop_map(|m| m.into_iter().collect())
}

/// A few instants, so equal times are common.
fn instant() -> impl Strategy<Value = Timestamp> {
    (0i64..3).prop_map(|t| Timestamp::from_second(1_700_000_000 + t).unwrap())
}

fn topic_entry() -> impl Strategy<Value = TopicEntry> {
    let status =
        prop_oneof![Just(Status::Todo), Just(Status::InProgress), Just(Status::Done), Just(Status::Skipped)];
    (status, instant(), prop::option::of(instant()), device(), extra()).prop_map(
        |(status, at, since, by, extra)| TopicEntry { status, at, since, by, imported: false, extra },
    )
}

/// Which device made a change: two, or none (files from before sync).
fn device() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[xy]")
}

fn review_entry() -> impl Strategy<Value = learnpath::progress::ReviewEntry> {
    let memory = prop::option::of((0.1f32..400.0, 1f32..10.0));
    let log = prop::collection::vec((instant(), 1u8..=4), 0..3);
    (0u8..4, instant(), prop::option::of(instant()), memory, log, (device(), extra())).prop_map(
        |(stage, at, since, memory, log, (by, extra))| {
            let mut entry = learnpath::progress::ReviewEntry::staged(stage, at);
            entry.since = since;
            entry.stability = memory.map(|m| m.0);
            entry.difficulty = memory.map(|m| m.1);
            entry.log =
                log.into_iter().map(|(at, grade)| learnpath::progress::Graded { at, grade }).collect();
            entry.by = by;
            entry.extra = extra;
            entry
        },
    )
}

/// A whole progress file: topics, resources and reviews, with unknown keys
/// at every level.
fn progress_file() -> impl Strategy<Value = ProgressFile> {
    let curriculum = (
        prop::collection::btree_map("s/[abc]", topic_entry(), 0..4),
        prop::collection::btree_map("s/[ab]", topic_entry(), 0..3),
        prop::collection::btree_map("s/[ab]", review_entry(), 0..3),
        extra(),
    )
        .prop_map(|(topics, resources, reviews, extra)| CurriculumProgress {
            topics,
            resources,
            reviews,
            extra,
        });
    (prop::collection::btree_map("[xy]", curriculum, 0..3), extra())
        .prop_map(|(curricula, extra)| ProgressFile { curricula, extra, ..ProgressFile::default() })
}
