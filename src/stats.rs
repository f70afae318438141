//! Pace and progress over time: completions per week, streaks, per-step
//! spans, and when the path will be finished at the learner's own pace and
//! at the plan's. Pure: the time is always passed in.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::curriculum::Curriculum;
use crate::progress::{Progress, Status};

/// Weeks shown in the chart.
pub const WEEKS: usize = 12;

/// How many recent weeks the learner's pace is taken over.
pub const PACE_WEEKS: usize = 4;

/// The fewest topics done in those weeks to project from.
pub const MIN_RECENT: usize = 2;

/// The shortest history (from the first completion) to project from.
pub const MIN_HISTORY_DAYS: i64 = 14;

/// Everything the stats view and `learnpath stats` show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Topics completed in each of the last [`WEEKS`] weeks, oldest first;
    /// the last is the week ending now.
    pub per_week: Vec<usize>,
    /// Consecutive weeks with a completion, ending this week (or last week
    /// if this one has none yet).
    pub current_streak: usize,
    /// The longest run of such weeks.
    pub longest_streak: usize,
    /// Per step: first and last completion, days between.
    pub steps: Vec<StepSpan>,
    /// Topics done.
    pub done: usize,
    /// Topics in the path.
    pub total: usize,
    /// Hours of the topics left (estimates), if the path gives them.
    pub hours_left: Option<f64>,
    /// Hours a week the path plans for.
    pub weekly_hours: Option<f64>,
    /// When the plan finishes the rest, at `weekly_hours`.
    pub plan_finish: Option<Timestamp>,
    /// Topics per week over the last [`PACE_WEEKS`] weeks.
    pub recent_pace: f64,
    /// When the learner's recent pace finishes the rest; `None` with too
    /// little history.
    pub own_finish: Option<Timestamp>,
}

/// One step's span of activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepSpan {
    /// Step id.
    pub id: String,
    /// Step title.
    pub title: String,
    /// First completion in the step.
    pub first: Option<Timestamp>,
    /// Last completion in the step.
    pub last: Option<Timestamp>,
    /// Whole days from first to last.
    pub days: Option<i64>,
    /// Done topics you would likely still recall (at least 80%).
    pub retained: usize,
    /// Topics done in the step.
    pub done: usize,
    /// The average chance of recall over the done topics, if any.
    pub retention: Option<f32>,
}

const WEEK: SignedDuration = SignedDuration::from_hours(24 * 7);

/// The stats of `c` at `now`.
pub fn compute(c: &Curriculum, progress: &Progress, now: Timestamp) -> Stats {
    let id = c.id.get_ref();
    let mut done_at: Vec<Timestamp> = Vec::new();
    let mut imported_done = 0;
    let mut steps = Vec::new();
    let mut hours_left = 0.0;
    let mut has_hours = false;
    let recall = crate::review::recall(c, progress, now);
    for (step, recall) in c.steps().iter().zip(&recall) {
        let kept = crate::review::Retention::of(recall);
        let mut times: Vec<Timestamp> = Vec::new();
        let mut imported = 0;
        for topic in &step.topics {
            match progress.entry(id, &step.key(topic)) {
                // An imported tick is done, but not work done on the day of
                // the import: it is in no week and no streak.
                Some(e) if e.status == Status::Done && e.imported => imported += 1,
                Some(e) if e.status == Status::Done => times.push(e.counts_from()),
                Some(e) if e.status == Status::Skipped => {}
                _ => {
                    hours_left += topic.hours.unwrap_or(0.0);
                }
            }
            has_hours |= topic.hours.is_some();
        }
        let (first, last) = (times.iter().min().copied(), times.iter().max().copied());
        let days = first.zip(last).map(|(f, l)| l.duration_since(f).as_hours() / 24);
        steps.push(StepSpan {
            id: step.id.get_ref().clone(),
            title: step.title.get_ref().clone(),
            first,
            last,
            days,
            retained: kept.retained,
            done: times.len() + imported,
            retention: kept.average,
        });
        done_at.extend(times);
        imported_done += imported;
    }
    let week_of = |t: Timestamp| -> i64 { now.duration_since(t).as_secs().div_euclid(WEEK.as_secs()) };
    let mut per_week = vec![0; WEEKS];
    for &t in &done_at {
        let w = week_of(t);
        if (0..WEEKS as i64).contains(&w) {
            per_week[WEEKS - 1 - w as usize] += 1;
        }
    }
    // Streaks over every week from the first completion to now.
    let span = done_at.iter().map(|&t| week_of(t)).max().unwrap_or(-1);
    let active: Vec<bool> = (0..=span.max(0)).map(|w| done_at.iter().any(|&t| week_of(t) == w)).collect();
    let start = usize::from(!active.first().copied().unwrap_or(false));
    let current_streak = active.iter().skip(start).take_while(|&&a| a).count();
    let longest_streak = active.split(|a| !a).map(<[bool]>::len).max().unwrap_or(0);
    let recent: usize = per_week[WEEKS - PACE_WEEKS..].iter().sum();
    let recent_pace = recent as f64 / PACE_WEEKS as f64;
    let done = done_at.len() + imported_done;
    let left = c.topic_count() - done - skipped(c, progress);
    let weeks_to =
        |weeks: f64| now.saturating_add(SignedDuration::from_secs_f64(weeks * WEEK.as_secs_f64())).ok();
    let history_days = done_at.iter().min().map_or(0, |&first| now.duration_since(first).as_hours() / 24);
    let enough = recent >= MIN_RECENT && history_days >= MIN_HISTORY_DAYS;
    let own_finish = if enough { weeks_to(left as f64 / recent_pace) } else { None };
    let weekly_hours = c.weekly_hours;
    let plan_finish = weekly_hours.filter(|&h| h > 0.0 && has_hours).and_then(|h| weeks_to(hours_left / h));
    Stats {
        per_week,
        current_streak,
        longest_streak,
        steps,
        done,
        total: c.topic_count(),
        hours_left: has_hours.then_some(hours_left),
        weekly_hours,
        plan_finish,
        recent_pace,
        own_finish,
    }
}

fn skipped(c: &Curriculum, progress: &Progress) -> usize {
    let id = c.id.get_ref();
    c.steps()
        .iter()
        .flat_map(|s| s.topics.iter().map(move |t| s.key(t)))
        .filter(|k| progress.status(id, k) == Status::Skipped)
        .count()
}
