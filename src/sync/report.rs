//! What a sync did, counted and said in one line.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Result;

use super::git::Git;
use super::notes_merge;
use crate::progress::{Progress, ProgressFile, Status};

/// What one sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Topics that became done through the other machines' changes.
    pub done_in: usize,
    /// Other entries (statuses, reads, reviews) that came in.
    pub changed_in: usize,
    /// Notes that came in or changed.
    pub notes_in: usize,
    /// Notes both sides changed, kept with both texts.
    pub notes_both: Vec<String>,
    /// Whether local changes were committed.
    pub committed: bool,
    /// Whether there is a remote to sync with.
    pub remote: bool,
}

impl Report {
    /// One line for the learner: what came in, or that all was in step.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.done_in > 0 {
            parts.push(format!("+{} done", self.done_in));
        }
        if self.changed_in > 0 {
            parts.push(format!("{} other change{}", self.changed_in, plural(self.changed_in)));
        }
        if self.notes_in > 0 {
            parts.push(format!("{} note{}", self.notes_in, plural(self.notes_in)));
        }
        let mut line = if !self.remote {
            "committed here; no remote to sync with yet (learnpath sync init REMOTE)".to_string()
        } else if parts.is_empty() {
            "synced: nothing new from other machines".to_string()
        } else {
            format!("synced: {} from another machine", parts.join(", "))
        };
        for note in &self.notes_both {
            line.push_str(&format!(
                "\nboth machines changed {note}: both texts are kept, the other one's below the marked line"
            ));
        }
        line
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Per entry key, the status of each topic, read, and review.
pub(super) type Snapshot = BTreeSet<(String, String, String)>;

pub(super) fn snapshot(data_dir: &Path) -> (ProgressFile, Snapshot) {
    let progress = Progress::open_to_read(data_dir).map(|p| p.data().clone()).unwrap_or_default();
    let mut done = BTreeSet::new();
    for (id, c) in &progress.curricula {
        for (key, entry) in &c.topics {
            if entry.status == Status::Done {
                done.insert((id.clone(), key.clone(), String::new()));
            }
        }
    }
    (progress, done)
}

impl Report {
    pub(super) fn count(&mut self, before: &(ProgressFile, Snapshot), after: &(ProgressFile, Snapshot)) {
        self.done_in = after.1.difference(&before.1).count();
        let mut changed = 0;
        for (id, c) in &after.0.curricula {
            let old = before.0.curricula.get(id);
            let differs = |a: Option<&crate::progress::TopicEntry>, b| a != b;
            changed += c
                .topics
                .iter()
                .filter(|(k, e)| differs(old.and_then(|o| o.topics.get(*k)), Some(*e)))
                .count();
            changed += c
                .resources
                .iter()
                .filter(|(k, e)| differs(old.and_then(|o| o.resources.get(*k)), Some(*e)))
                .count();
            changed +=
                c.reviews.iter().filter(|(k, e)| old.and_then(|o| o.reviews.get(*k)) != Some(*e)).count();
        }
        self.changed_in = changed.saturating_sub(self.done_in);
    }

    pub(super) fn notes(&mut self, git: &Git<'_>, start: &str) -> Result<()> {
        let changed = git.run(&["diff", "--name-only", start, "HEAD", "--", "notes"])?;
        for note in changed.lines() {
            self.notes_in += 1;
            let now = std::fs::read_to_string(git_path(git, note)).unwrap_or_default();
            let old = git.run(&["show", &format!("{start}:{note}")]).unwrap_or_default();
            if now.contains(notes_merge::MARK)
                && old.matches(notes_merge::MARK).count() < now.matches(notes_merge::MARK).count()
            {
                self.notes_both.push(note.to_string());
            }
        }
        Ok(())
    }
}

fn git_path(git: &Git<'_>, relative: &str) -> std::path::PathBuf {
    git.dir().join(relative)
}
