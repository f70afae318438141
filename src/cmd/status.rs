//! `learnpath status`: progress per step.

use std::path::PathBuf;

use jiff::Timestamp;
use serde::Serialize;

use super::{Named, rounded};
use crate::curriculum::Curriculum;
use crate::progress::{Progress, Status, percent};
use crate::text::count;

/// Progress in the open path, step by step.
#[derive(Debug, Serialize)]
pub struct StatusReport {
    /// The path.
    pub curriculum: Named,
    /// Topics done.
    pub done: usize,
    /// Done topics likely still remembered.
    pub retained: usize,
    /// Topics skipped.
    pub skipped: usize,
    /// Topics in the path.
    pub total: usize,
    /// Per step.
    pub steps: Vec<StepCount>,
    /// Topics ticked in the file that the path no longer has.
    pub orphans: usize,
    /// Done topics due for review.
    pub due_for_review: usize,
    /// Where progress is saved.
    pub progress_file: Option<PathBuf>,
    /// How syncing stands.
    pub sync: crate::sync::Info,
    /// Entries stamped over a day ahead of this clock.
    pub ahead: Vec<Ahead>,
}

/// One step's counts.
#[derive(Debug, Serialize)]
pub struct StepCount {
    /// The step's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Topics done.
    pub done: usize,
    /// Done topics likely still remembered.
    pub retained: usize,
    /// The average chance of recall over the done topics.
    pub retention: Option<f64>,
    /// Topics skipped.
    pub skipped: usize,
    /// Topics in the step.
    pub total: usize,
    /// `1.`, `+`: how the step is numbered.
    #[serde(skip)]
    pub label: String,
}

/// An entry stamped ahead of this clock.
#[derive(Debug, Serialize)]
pub struct Ahead {
    /// The entry's key.
    pub key: String,
    /// Its time.
    pub at: Timestamp,
    /// What it is: `topic`, `resource` or `review`.
    pub kind: &'static str,
}

/// The status of `c` in `progress` at `now`.
pub fn report(c: &Curriculum, progress: &Progress, now: Timestamp, sync: crate::sync::Info) -> StatusReport {
    let recall = crate::review::recall(c, progress, now);
    let statuses = progress.statuses(c);
    let steps: Vec<StepCount> = c
        .steps()
        .iter()
        .zip(c.labels())
        .zip(statuses.iter().zip(&recall))
        .map(|((s, label), (statuses, recall))| {
            let kept = crate::review::Retention::of(recall);
            StepCount {
                id: s.id.get_ref().clone(),
                title: s.title.get_ref().clone(),
                done: statuses.iter().filter(|&&st| st == Status::Done).count(),
                retained: kept.retained,
                retention: kept.average.map(rounded),
                skipped: statuses.iter().filter(|&&st| st == Status::Skipped).count(),
                total: s.topics.len(),
                label,
            }
        })
        .collect();
    StatusReport {
        curriculum: Named::of(c),
        done: steps.iter().map(|s| s.done).sum(),
        retained: steps.iter().map(|s| s.retained).sum(),
        skipped: steps.iter().map(|s| s.skipped).sum(),
        total: c.topic_count(),
        steps,
        orphans: progress.orphans(c),
        due_for_review: crate::review::due(c, progress, now).len(),
        progress_file: progress.path().map(PathBuf::from),
        sync,
        ahead: progress
            .ahead(c.id.get_ref(), now)
            .into_iter()
            .map(|(kind, key, at)| Ahead { key, at, kind })
            .collect(),
    }
}

impl std::fmt::Display for StatusReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (done, total) = (self.done, self.total);
        write!(f, "{}: {done}/{total} topics done ({}%)", self.curriculum.title, percent(done, total))?;
        if self.skipped > 0 {
            write!(f, ", {} skipped", self.skipped)?;
        }
        if done > 0 {
            write!(f, ", {} retained", self.retained)?;
        }
        writeln!(f)?;
        for s in &self.steps {
            let mark = if s.total > 0 && s.done + s.skipped == s.total { "✓" } else { " " };
            let skip = if s.skipped > 0 { format!(" ({} skipped)", s.skipped) } else { String::new() };
            writeln!(f, "{mark} {:<3}{:<52} {:>3}/{}{skip}", s.label, s.title, s.done, s.total)?;
        }
        if self.due_for_review > 0 {
            writeln!(
                f,
                "{} due for review: learnpath review",
                count(self.due_for_review, "topic", "topics")
            )?;
        }
        if self.orphans > 0 {
            writeln!(
                f,
                "{} in the progress file {} not in this curriculum (kept in the file)",
                count(self.orphans, "ticked topic", "ticked topics"),
                if self.orphans == 1 { "is" } else { "are" }
            )?;
        }
        for a in &self.ahead {
            writeln!(
                f,
                "The {} {} is stamped {}, over a day ahead of this clock: it wins every merge until then (is a machine's clock wrong?)",
                a.kind, a.key, a.at
            )?;
        }
        if let Some(path) = &self.progress_file {
            writeln!(f, "Progress file: {}", path.display())?;
        }
        if self.sync.engine.is_some() {
            let last = self.sync.last.map_or("never".to_string(), |t| t.to_string());
            let pending = self
                .sync
                .pending
                .map_or(String::new(), |n| format!(", {} to send", count(n, "change", "changes")));
            writeln!(f, "Synced with git: last {last}{pending}")?;
        }
        Ok(())
    }
}
