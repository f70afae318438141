//! What a sync did, counted and said in a few lines.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::check::Bad;
use super::git::Git;
use super::notes_merge;
use crate::progress::{Progress, ProgressFile, Status};

/// A damaged or missing `progress.json` that sync replaced with the last
/// good version before committing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PutBack {
    /// What was wrong with it.
    pub why: String,
    /// Where the damaged file was kept.
    pub aside: Option<PathBuf>,
    /// The commit whose version was put back (none: an empty file).
    pub from: Option<String>,
}

/// What one sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Topics that became done through the other machines' changes.
    pub done_in: usize,
    /// Other entries (statuses, reads, reviews) that came in.
    pub changed_in: usize,
    /// Notes that came in or changed.
    pub notes_in: usize,
    /// Notes both machines changed on different lines, merged.
    pub notes_merged: Vec<String>,
    /// Notes both machines changed on the same lines: both versions kept in
    /// a marked block.
    pub notes_both: Vec<String>,
    /// Whether local changes were committed.
    pub committed: bool,
    /// Whether there is a remote to sync with.
    pub remote: bool,
    /// Whether this was `sync --repair`.
    pub repair: bool,
    /// What the repair replaced.
    pub repaired: Vec<Bad>,
    /// The other machines' commit that was merged.
    pub theirs: Option<String>,
    /// The progress file put back before committing.
    pub put_back: Option<PutBack>,
    /// The commit whose changes the progress file had lost (it was
    /// replaced, or started afresh) and took back before committing.
    pub taken_back: Option<String>,
    /// Files in the data dir that are not learnpath's and are not synced.
    pub strays: Vec<String>,
    /// Such files an earlier version committed: left as they are.
    pub tracked_strays: Vec<String>,
}

/// `names`, at most a few of them, then how many more.
fn listed(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = names.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}

/// A few lines for the learner: what came in, or that all was in step,
/// then anything sync did on its own or left alone.
impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut lines = Vec::new();
        if let Some(put) = &self.put_back {
            let aside =
                put.aside.as_ref().map_or(String::new(), |a| format!("; it is kept as {}", a.display()));
            let from = put
                .from
                .as_ref()
                .map_or("an empty one".to_string(), |c| format!("the version of commit {c}"));
            lines.push(format!("progress.json could not be committed ({}){aside}; {from} is back in its place, and your other machines keep theirs", put.why));
        }
        if let Some(from) = &self.taken_back {
            lines.push(format!(
                "progress.json lacked changes already synced from here (it was replaced or started afresh); those of commit {from} are back"
            ));
        }
        for bad in &self.repaired {
            lines.push(format!(
                "repaired {bad}: replaced by its last good version, merged with this machine's"
            ));
        }
        if self.repair && self.repaired.is_empty() && self.remote {
            lines.push("nothing to repair: the other machines' changes could all be taken in".into());
        }
        let mut parts = Vec::new();
        if self.done_in > 0 {
            parts.push(format!("+{} done", self.done_in));
        }
        if self.changed_in > 0 {
            parts.push(crate::text::count(self.changed_in, "other change", "other changes"));
        }
        if self.notes_in > 0 {
            parts.push(crate::text::count(self.notes_in, "note", "notes"));
        }
        lines.push(if !self.remote {
            "committed here; no remote to sync with yet (learnpath sync init REMOTE)".to_string()
        } else if parts.is_empty() {
            "synced: nothing new from other machines".to_string()
        } else {
            format!("synced: {} from another machine", parts.join(", "))
        });
        for note in &self.notes_merged {
            lines.push(format!("both machines changed {note}: merged line by line"));
        }
        for note in &self.notes_both {
            lines.push(format!(
                "both machines changed the same lines of {note}: both versions are kept, in a block marked \"learnpath sync\""
            ));
        }
        if !self.strays.is_empty() {
            lines.push(format!("not synced (not learnpath's files): {}", listed(&self.strays)));
        }
        if !self.tracked_strays.is_empty() {
            lines.push(format!(
                "committed by an earlier learnpath but not its files, so left as they are: {}",
                listed(&self.tracked_strays)
            ));
        }
        f.write_str(&lines.join("\n"))
    }
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

    /// Counts the notes that changed since `start`; names those that
    /// differ from both this machine's and the other machines' version.
    pub(super) fn notes(&mut self, git: &Git<'_>, start: &str) -> Result<()> {
        let changed = git.run(&["diff", "--name-only", "-z", start, "HEAD", "--", "notes"])?;
        let version = |rev: &str, note: &str| git.bytes(&["cat-file", "blob", &format!("{rev}:{note}")]).ok();
        for note in changed.split('\0').filter(|n| !n.is_empty()) {
            self.notes_in += 1;
            let (Some(theirs), Some(now)) =
                (self.theirs.as_deref().and_then(|t| version(t, note)), version("HEAD", note))
            else {
                continue;
            };
            let ours = version(start, note).unwrap_or_default();
            if now == ours || now == theirs {
                continue;
            }
            let marks = |b: &[u8]| String::from_utf8_lossy(b).matches(notes_merge::MARK).count();
            if marks(&now) > marks(&ours).max(marks(&theirs)) {
                self.notes_both.push(note.to_string());
            } else {
                self.notes_merged.push(note.to_string());
            }
        }
        Ok(())
    }
}
