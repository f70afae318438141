//! What to do today: the reviews due now, then the next unfinished topics
//! whose requirements are done, up to the day's budget of time. Pure: the
//! time is always passed in.

use jiff::Timestamp;

use crate::curriculum::Curriculum;
use crate::progress::{Progress, Status};
use crate::review::{self, Due};

/// The day's budget when neither the config nor the path gives one.
pub const DEFAULT_MINUTES: f64 = 60.0;

/// Today's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Today {
    /// Done topics due for review, the longest overdue first.
    pub reviews: Vec<Due>,
    /// Unfinished topics to work on, as (step, topic), in path order:
    /// those in progress first.
    pub topics: Vec<(usize, usize)>,
    /// The day's budget in minutes.
    pub minutes: f64,
}

/// The day's budget: `daily_minutes` from the config, else the path's
/// `weekly_hours` over seven days, else [`DEFAULT_MINUTES`].
pub fn budget(c: &Curriculum, daily_minutes: Option<f64>) -> f64 {
    budget_from(c, daily_minutes).0
}

/// The day's budget and where it comes from, as the learner would set it.
pub fn budget_from(c: &Curriculum, daily_minutes: Option<f64>) -> (f64, &'static str) {
    match (daily_minutes.filter(|m| *m > 0.0), c.weekly_hours.filter(|h| *h > 0.0)) {
        (Some(m), _) => (m, "daily_minutes in config.toml"),
        (None, Some(h)) => (h * 60.0 / 7.0, "the path's weekly_hours / 7"),
        (None, None) => (DEFAULT_MINUTES, "an hour unless daily_minutes says otherwise"),
    }
}

/// How many days a topic of `hours` takes at `minutes` a day, when that is
/// more than one: a 12-hour topic is not "today's" work at an hour a day.
pub fn days_for(hours: f64, minutes: f64) -> Option<u64> {
    let days = (hours * 60.0 / minutes.max(1.0)).ceil();
    (days > 1.0 && days.is_finite()).then_some(days as u64)
}

/// The plan for `now` with `minutes` to spend: every due review, then
/// [`topics`].
pub fn plan(c: &Curriculum, progress: &Progress, now: Timestamp, minutes: f64) -> Today {
    Today { reviews: review::due(c, progress, now), topics: topics(c, progress, minutes), minutes }
}

/// Unfinished topics whose requirements are all done (or skipped), those in
/// progress first, until their hours fill `minutes`; always at least one
/// when any is left.
pub fn topics(c: &Curriculum, progress: &Progress, minutes: f64) -> Vec<(usize, usize)> {
    let id = c.id.get_ref();
    let status = |s: usize, t: usize| {
        let step = &c.steps()[s];
        progress.status(id, &step.key(&step.topics[t]))
    };
    let ready: Vec<(usize, usize)> = c
        .steps()
        .iter()
        .enumerate()
        .flat_map(|(s, step)| (0..step.topics.len()).map(move |t| (s, t)))
        .filter(|&(s, t)| !status(s, t).is_finished())
        .filter(|&(s, t)| c.requires(s, t).iter().all(|&(rs, rt)| status(rs, rt).is_finished()))
        .collect();
    let (doing, todo): (Vec<_>, Vec<_>) =
        ready.into_iter().partition(|&(s, t)| status(s, t) == Status::InProgress);
    let mut topics = Vec::new();
    let mut used = 0.0;
    for (s, t) in doing.into_iter().chain(todo) {
        if !topics.is_empty() && used >= minutes {
            break;
        }
        used += c.steps()[s].topics[t].hours.unwrap_or(1.0) * 60.0;
        topics.push((s, t));
    }
    topics
}
