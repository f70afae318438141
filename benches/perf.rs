//! The budgets of issue "Instant at any size": load, first frame, a
//! keystroke, a tick with its save, the progress load. Inputs are generated
//! (the shipped path, and 100 steps × 100 topics × 3 resources).

mod common;

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use learnpath::app::Action;
use learnpath::app::App;
use learnpath::curriculum::{Curriculum, SHIPPED};
use learnpath::progress::Progress;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn inputs() -> Vec<(&'static str, String)> {
    vec![("shipped", SHIPPED.to_string()), ("10k", common::ten_k())]
}

fn load(c: &mut Criterion) {
    for (name, text) in inputs() {
        c.bench_function(&format!("load+validate/{name}"), |b| {
            b.iter(|| Curriculum::parse(black_box(&text), "bench.toml").unwrap())
        });
    }
}

/// An app on `text` with half its topics ticked (in memory), focused on
/// the topics of a middle step.
fn app_on(text: &str) -> App {
    let curriculum = Curriculum::parse(text, "bench.toml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let progress = common::half_ticked(&curriculum, dir.path());
    App::new(curriculum, progress)
}

fn first_frame(c: &mut Criterion) {
    for (name, text) in inputs() {
        let curriculum = Curriculum::parse(&text, "bench.toml").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let progress = common::half_ticked(&curriculum, dir.path());
        c.bench_function(&format!("first-frame-120x40/{name}"), |b| {
            b.iter_batched(
                || (curriculum.clone(), progress.clone()),
                |(curriculum, progress)| {
                    let mut app = App::new(curriculum, progress);
                    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                    let mut view = learnpath::ui::ViewState::default();
                    common::act(&mut app, Action::Resize(120, 40));
                    learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
                    terminal
                },
                BatchSize::SmallInput,
            )
        });
    }
}

fn keystroke(c: &mut Criterion) {
    for (name, text) in inputs() {
        let mut app = app_on(&text);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut view = learnpath::ui::ViewState::default();
        common::act(&mut app, Action::Resize(120, 40));
        for _ in 0..app.path().curriculum.steps().len() / 2 {
            common::act(&mut app, Action::Down);
        }
        common::act(&mut app, Action::FocusRight);
        common::act(&mut app, Action::Down);
        learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
        let mut down = true;
        c.bench_function(&format!("keystroke-topics-down/{name}"), |b| {
            b.iter(|| {
                // Down then up, so the selection stays in the step's middle.
                common::act(&mut app, if down { Action::Down } else { Action::Up });
                down = !down;
                learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
            })
        });
    }
}

fn tick_and_save(c: &mut Criterion) {
    let text = common::ten_k();
    let curriculum = Curriculum::parse(&text, "bench.toml").unwrap();
    // On disk, and on tmpfs where fsync costs nothing: the difference is
    // the cost of making the save durable.
    let mut dirs = vec![("disk", tempfile::tempdir().unwrap())];
    if std::path::Path::new("/dev/shm").is_dir() {
        dirs.push(("tmpfs", tempfile::tempdir_in("/dev/shm").unwrap()));
    }
    for (kind, dir) in dirs {
        let progress = common::half_ticked(&curriculum, dir.path());
        let mut app = App::new(curriculum.clone(), progress);
        common::act(&mut app, Action::FocusRight);
        c.bench_function(&format!("tick+save/10k/{kind}"), |b| {
            b.iter(|| {
                common::act(&mut app, Action::Toggle);
                assert!(!app.unsaved());
            })
        });
    }
}

fn progress_load(c: &mut Criterion) {
    let curriculum = Curriculum::parse(&common::ten_k(), "bench.toml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    common::half_ticked(&curriculum, dir.path());
    c.bench_function("progress-load/10k", |b| b.iter(|| Progress::open(black_box(dir.path())).unwrap()));
}

fn search(c: &mut Criterion) {
    for (name, text) in inputs() {
        let mut app = app_on(&text);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut view = learnpath::ui::ViewState::default();
        common::act(&mut app, Action::Resize(120, 40));
        common::act(&mut app, Action::OpenSearch);
        for ch in "topic 5".chars() {
            common::act(&mut app, Action::SearchInput(ch));
        }
        learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
        let mut typing = true;
        c.bench_function(&format!("search-keystroke/{name}"), |b| {
            b.iter(|| {
                // Type a character, then delete it: each is one keystroke
                // that reruns the search and redraws.
                common::act(
                    &mut app,
                    if typing { Action::SearchInput('0') } else { Action::SearchBackspace },
                );
                typing = !typing;
                learnpath::tui::draw(&mut terminal, &mut app, &mut view).unwrap();
            })
        });
    }
}

criterion_group!(benches, load, first_frame, keystroke, tick_and_save, progress_load, search);
criterion_main!(benches);
