//! Inputs for the benchmarks, generated so nothing large is committed.
#![allow(dead_code)]

use std::path::Path;

use jiff::Timestamp;
use learnpath::curriculum::Curriculum;
use learnpath::progress::{Progress, Status};

/// A curriculum of `steps` × `topics` topics with `resources` links each.
pub fn generated(steps: usize, topics: usize, resources: usize) -> String {
    let mut text = String::from("format = 1\nid = \"big\"\ntitle = \"A generated path\"\n");
    for s in 0..steps {
        text.push_str(&format!(
            "\n[[steps]]\nid = \"step-{s}\"\ntitle = \"Step number {s} of the generated path\"\n\
             goal = \"Learn the things of step {s} well enough to explain them.\"\n\
             body = \"\"\"\nA paragraph of text about step {s}, long enough to wrap on a narrow screen.\n\n\
             A second paragraph with more words in it.\"\"\"\n"
        ));
        for t in 0..topics {
            text.push_str(&format!(
                "[[steps.topics]]\nid = \"topic-{t}\"\ntitle = \"Topic {t} of step {s}\"\n"
            ));
        }
        for r in 0..resources {
            text.push_str(&format!(
                "[[steps.resources]]\ntitle = \"Resource {r}\"\nurl = \"https://example.com/{s}/{r}\"\n\
                 provider = \"Example\"\ncost = \"free\"\n"
            ));
        }
    }
    text
}

/// The 100 × 100 × 3 path (10,000 topics).
pub fn ten_k() -> String {
    generated(100, 100, 3)
}

/// A progress store in `dir` with every other topic of `c` ticked.
pub fn half_ticked(c: &Curriculum, dir: &Path) -> Progress {
    let mut p = Progress::open(dir).unwrap();
    let at: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    let id = c.id.get_ref();
    for (i, key) in c.steps().iter().flat_map(|s| s.topics.iter().map(move |t| s.key(t))).enumerate() {
        if i % 2 == 0 {
            p.set(id, &key, Status::Done, at);
        }
    }
    p.save().unwrap();
    p
}

/// A host that opens, copies and edits nothing: the benches press no key
/// that asks for one.
pub struct NoHost;

impl learnpath::tui::Host for NoHost {
    fn open(&mut self, _: &str) -> anyhow::Result<bool> {
        Ok(false)
    }
    fn suspend(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
    fn copy(&mut self, _: &str) -> anyhow::Result<()> {
        Ok(())
    }
    fn edit(&mut self, _: &Path) -> anyhow::Result<bool> {
        Ok(false)
    }
}

/// Applies `action` as the run loop does, its saves and reloads included.
pub fn act(app: &mut learnpath::app::App, action: learnpath::app::Action) {
    learnpath::tui::apply(app, action, &mut NoHost).unwrap();
}
