//! `learnpath today`: the reviews due now, then the topics to work on.

use jiff::Timestamp;
use serde::Serialize;

use super::rounded;
use crate::curriculum::Curriculum;
use crate::progress::Progress;

/// Today's plan.
#[derive(Debug, Serialize)]
pub struct TodayReport {
    /// The day's budget, in minutes.
    pub minutes: f64,
    /// Reviews due, the longest overdue first.
    pub reviews: Vec<TodayReview>,
    /// Topics to learn within the budget.
    pub topics: Vec<TodayTopic>,
    /// The budget as worked out, for the text.
    #[serde(skip)]
    exact_minutes: f64,
    /// Where the budget comes from, for the text.
    #[serde(skip)]
    from: &'static str,
}

/// A review due.
#[derive(Debug, Serialize)]
pub struct TodayReview {
    /// `STEP/TOPIC`.
    pub key: String,
    /// The topic's title.
    pub title: String,
    /// When it came due.
    pub due: String,
    /// The chance of recalling it now.
    pub retrievability: f64,
    #[serde(skip)]
    recall: f32,
}

/// A topic to learn.
#[derive(Debug, Serialize)]
pub struct TodayTopic {
    /// `STEP/TOPIC`.
    pub key: String,
    /// The topic's title.
    pub title: String,
    /// Its estimated hours.
    pub hours: Option<f64>,
    /// Its status.
    pub status: &'static str,
    #[serde(skip)]
    step: String,
}

/// The plan for `c` at `now`, with `daily` minutes if the config sets them.
pub fn report(c: &Curriculum, progress: &Progress, now: Timestamp, daily: Option<f64>) -> TodayReport {
    let (minutes, from) = crate::today::budget_from(c, daily);
    let plan = crate::today::plan(c, progress, now, minutes);
    let topic = |s: usize, t: usize| (&c.steps()[s], &c.steps()[s].topics[t]);
    TodayReport {
        minutes: plan.minutes.round(),
        exact_minutes: plan.minutes,
        from,
        reviews: plan
            .reviews
            .iter()
            .map(|d| {
                let (step, t) = topic(d.step, d.topic);
                TodayReview {
                    key: step.key(t),
                    title: t.title.get_ref().clone(),
                    due: d.due.to_string(),
                    retrievability: rounded(d.retrievability),
                    recall: d.retrievability,
                }
            })
            .collect(),
        topics: plan
            .topics
            .iter()
            .map(|&(s, t)| {
                let (step, t) = topic(s, t);
                TodayTopic {
                    key: step.key(t),
                    title: t.title.get_ref().clone(),
                    hours: t.hours,
                    status: progress.status(c.id.get_ref(), &step.key(t)).name(),
                    step: step.title.get_ref().clone(),
                }
            })
            .collect(),
    }
}

impl std::fmt::Display for TodayReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.reviews.is_empty() {
            writeln!(f, "Review ({} due, press r in the TUI):", self.reviews.len())?;
            for r in &self.reviews {
                writeln!(f, "  {} ({:.0}% recall)", r.title, r.recall * 100.0)?;
            }
        }
        if self.topics.is_empty() {
            return writeln!(f, "Nothing left to start: every topic is done, skipped or waiting on another.");
        }
        writeln!(f, "Learn (about {:.0} minutes today, from {}):", self.exact_minutes, self.from)?;
        for t in &self.topics {
            let days = t.hours.and_then(|h| crate::today::days_for(h, self.exact_minutes));
            let hours = match (t.hours, days) {
                (Some(h), Some(days)) => {
                    format!(", about {} h: about {days} days at this pace", crate::text::hours(h))
                }
                (Some(h), None) => format!(", about {} h", crate::text::hours(h)),
                _ => String::new(),
            };
            writeln!(f, "  {} ({}{hours})", t.title, t.step)?;
        }
        Ok(())
    }
}
