//! Spaced review: a done topic comes due 1, 7, 30 and 90 days after it was
//! completed or last reviewed. Remembering moves it to the next interval,
//! forgetting back to the first. Pure: the time is always passed in.

use jiff::{SignedDuration, Timestamp};

use crate::curriculum::Curriculum;
use crate::progress::{Progress, Status};

/// The intervals, in days; after the last one it stays there.
pub const INTERVALS: [i64; 4] = [1, 7, 30, 90];

/// A topic due for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// Step index.
    pub step: usize,
    /// Topic index within the step.
    pub topic: usize,
    /// When it came due.
    pub due: Timestamp,
    /// Which interval it is on (0 = one day).
    pub stage: usize,
}

/// When topic `key` (done since `done_at`) next comes due, and on which
/// interval, given its review record.
pub fn next_due(progress: &Progress, curriculum: &str, key: &str, done_at: Timestamp) -> (Timestamp, usize) {
    let (base, stage) = match progress.review(curriculum, key) {
        // A review older than the completion belongs to an earlier round.
        Some(r) if r.at >= done_at => (r.counts_from(), (r.stage as usize).min(INTERVALS.len() - 1)),
        _ => (done_at, 0),
    };
    (base.saturating_add(SignedDuration::from_hours(24 * INTERVALS[stage])).unwrap_or(base), stage)
}

/// Every done topic due at `now`, the longest overdue first.
pub fn due(c: &Curriculum, progress: &Progress, now: Timestamp) -> Vec<Due> {
    let id = c.id.get_ref();
    let mut out: Vec<Due> = c
        .steps()
        .iter()
        .enumerate()
        .flat_map(|(s, step)| step.topics.iter().enumerate().map(move |(t, topic)| (s, t, step.key(topic))))
        .filter_map(|(s, t, key)| {
            let entry = progress.entry(id, &key)?;
            if entry.status != Status::Done {
                return None;
            }
            let (due, stage) = next_due(progress, id, &key, entry.counts_from());
            (due <= now).then_some(Due { step: s, topic: t, due, stage })
        })
        .collect();
    out.sort_by_key(|d| (d.due, d.step, d.topic));
    out
}

/// Records a review of `key` at `now`: remembered moves it to the next
/// interval, forgotten back to the first.
pub fn record(progress: &mut Progress, curriculum: &str, key: &str, remembered: bool, now: Timestamp) {
    let done_at = progress.entry(curriculum, key).map_or(now, |e| e.counts_from());
    let (_, stage) = next_due(progress, curriculum, key, done_at);
    let next = if remembered { (stage + 1).min(INTERVALS.len() - 1) } else { 0 };
    progress.set_review(curriculum, key, next as u8, now);
}
