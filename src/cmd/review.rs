//! `learnpath review`: the done topics due for review.

use jiff::Timestamp;
use serde::Serialize;

use super::rounded;
use crate::curriculum::Curriculum;
use crate::progress::Progress;

/// The topics due at a time, the longest overdue first.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ReviewReport(pub Vec<DueRow>);

/// One topic due.
#[derive(Debug, Serialize)]
pub struct DueRow {
    /// `STEP/TOPIC`.
    pub key: String,
    /// The topic's title.
    pub title: String,
    /// Its step's title.
    pub step: String,
    /// When it came due.
    pub due: String,
    /// The chance of recalling it now.
    pub retrievability: f64,
    /// The day it came due, for the text.
    #[serde(skip)]
    day: String,
}

/// What is due in `c` at `now`.
pub fn report(c: &Curriculum, progress: &Progress, now: Timestamp) -> ReviewReport {
    ReviewReport(
        crate::review::due(c, progress, now)
            .iter()
            .map(|d| {
                let step = &c.steps()[d.step];
                let topic = &step.topics[d.topic];
                DueRow {
                    key: step.key(topic),
                    title: topic.title.get_ref().clone(),
                    step: step.title.get_ref().clone(),
                    due: d.due.to_string(),
                    retrievability: rounded(d.retrievability),
                    day: d.due.strftime("%Y-%m-%d").to_string(),
                }
            })
            .collect(),
    )
}

impl std::fmt::Display for ReviewReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            return writeln!(f, "Nothing due for review.");
        }
        writeln!(
            f,
            "{} due for review (press r in the TUI):",
            crate::text::count(self.0.len(), "topic", "topics")
        )?;
        for d in &self.0 {
            writeln!(f, "  {} ({}) due {}", d.title, d.step, d.day)?;
        }
        Ok(())
    }
}
