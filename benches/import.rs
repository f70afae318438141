//! `learnpath import` of a generated 2 MB Markdown path (headings, task
//! lists with links, nested lists, tables with hours and prerequisites,
//! roadmap.sh links), whole: parse, shape, ids, TOML out and its
//! validation. Prints the median of nine runs beside its budget (1 s).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use learnpath::import::{self, Options};

/// About `bytes` of Markdown of every kind import reads.
fn generated(bytes: usize) -> String {
    let mut md = String::from("# A Generated Path\n\nEvery kind of section, again and again.\n\n");
    let mut part = 0;
    while md.len() < bytes {
        part += 1;
        writeln!(md, "## Part {part}\n\nWhat part {part} is about.\n").unwrap();
        writeln!(md, "### Tasks {part}\n").unwrap();
        for i in 0..20 {
            let tick = if i % 3 == 0 { "x" } else { " " };
            writeln!(md, "- [{tick}] Task {part}.{i}").unwrap();
            writeln!(md, "  - [ ] [Reading {i}](https://example.org/{part}/read/{i}) - a short note")
                .unwrap();
        }
        writeln!(md, "\n### Projects {part}\n").unwrap();
        for i in 0..10 {
            writeln!(md, "- [Project {part}.{i}](https://example.org/{part}/p/{i}) - build it, then test it")
                .unwrap();
            writeln!(
                md,
                "  - Extension {i}\n    - [@video@Walk-through {i}](https://example.org/{part}/v/{i})"
            )
            .unwrap();
        }
        writeln!(
            md,
            "\n### Courses {part}\n\n| Course | Duration | Effort | Prerequisites |\n|---|---|---|---|"
        )
        .unwrap();
        for i in 0..10 {
            let pre = if i == 0 { "none".to_string() } else { format!("Course {part}.{}", i - 1) };
            writeln!(
                md,
                "| [Course {part}.{i}](https://example.edu/{part}/{i}) | {} weeks | 4-6 hours/week | {pre} |",
                4 + i % 5
            )
            .unwrap();
        }
        md.push('\n');
    }
    md
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that names another bench
    // skips this one.
    if std::env::args().skip(1).any(|a| !a.starts_with('-') && !"import".contains(a.as_str())) {
        return;
    }
    let md = generated(2 * 1024 * 1024);
    let options =
        Options { name: "generated.md".into(), source: Some("generated.md".into()), ..Options::default() };
    let first = import::import(&md, &options, None).expect("the generated path imports");
    let mut runs: Vec<Duration> = (0..9)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(import::import(std::hint::black_box(&md), &options, None).unwrap());
            start.elapsed()
        })
        .collect();
    println!(
        "import/2MB: {:.1} MB of Markdown, {} topics in {} steps, {} links",
        md.len() as f64 / 1e6,
        first.curriculum.topic_count(),
        first.curriculum.steps().len(),
        first.links,
    );
    report("first import", &mut runs);
    // Importing it again merges with the path made the first time: every
    // topic is matched against the old ones.
    let mut again: Vec<Duration> = (0..9)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(import::import(&md, &options, Some(&first.curriculum)).unwrap());
            start.elapsed()
        })
        .collect();
    report("re-import", &mut again);
}

fn report(what: &str, runs: &mut [Duration]) {
    runs.sort();
    let median = runs[runs.len() / 2];
    let verdict = if median <= Duration::from_secs(1) { "within" } else { "OVER" };
    println!(
        "import/2MB {what:<12} {:>5.0} ms median of 9 (budget 1000 ms): {verdict}",
        median.as_secs_f64() * 1000.0
    );
}
