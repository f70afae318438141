//! `learnpath next`: what to do now.

use jiff::Timestamp;
use serde::Serialize;

use super::{Named, rounded};
use crate::curriculum::Curriculum;
use crate::progress::Progress;

/// A topic due for review, the longest overdue; else the first topic that
/// is neither done nor skipped; none when everything is.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct NextReport(pub Option<Next>);

/// The topic to turn to.
#[derive(Debug, Serialize)]
pub struct Next {
    /// `STEP/TOPIC`.
    pub key: String,
    /// Its step.
    pub step: Named,
    /// The topic.
    pub topic: Named,
    /// Its status.
    pub status: &'static str,
    /// Whether it is a review.
    pub review: bool,
    /// A review's chance of recall now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrievability: Option<f64>,
    /// The same, unrounded, for the text.
    #[serde(skip)]
    recall: Option<f32>,
    /// The step's label (`1.`, `+`).
    #[serde(skip)]
    label: String,
}

/// What to do next in `c` at `now`.
pub fn report(c: &Curriculum, progress: &Progress, now: Timestamp) -> NextReport {
    let id = c.id.get_ref();
    // (step, topic, the chance of recall when it is a review).
    let review =
        crate::review::due(c, progress, now).first().map(|d| (d.step, d.topic, Some(d.retrievability)));
    let found = review.or_else(|| {
        c.steps().iter().enumerate().find_map(|(i, s)| {
            let t = s.topics.iter().position(|t| !progress.status(id, &s.key(t)).is_finished())?;
            Some((i, t, None))
        })
    });
    NextReport(found.map(|(i, t, recall)| {
        let (s, t) = (&c.steps()[i], &c.steps()[i].topics[t]);
        Next {
            key: s.key(t),
            step: Named { id: s.id.get_ref().clone(), title: s.title.get_ref().clone() },
            topic: Named { id: t.id.get_ref().clone(), title: t.title.get_ref().clone() },
            status: progress.status(id, &s.key(t)).name(),
            review: recall.is_some(),
            retrievability: recall.map(rounded),
            recall,
            label: c.labels()[i].clone(),
        }
    }))
}

impl std::fmt::Display for NextReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            None => writeln!(f, "Nothing left: every topic is done or skipped."),
            Some(n) => match n.recall {
                Some(r) => writeln!(f, "Review: {} ({:.0}% recall)", n.topic.title, r * 100.0),
                None => writeln!(f, "{} ({} {})", n.topic.title, n.label, n.step.title),
            },
        }
    }
}
