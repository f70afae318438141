//! Clocks: a machine whose clock is wrong stamps its changes wrongly, and a
//! change stamped in the future wins every merge until that time comes.
//! Such entries are kept (the change is real), but named, so the learner
//! can see why a tick will not go away.

use jiff::{SignedDuration, Timestamp};

use super::Progress;

/// How far ahead of this machine's clock a change may be stamped before
/// it is named: a day covers every time zone mix-up.
pub const AHEAD: SignedDuration = SignedDuration::from_hours(24);

impl Progress {
    /// The entries of `curriculum` (topics, read marks, reviews) stamped
    /// more than [`AHEAD`] after `now`, by key, soonest first.
    pub fn ahead(&self, curriculum: &str, now: Timestamp) -> Vec<(String, Timestamp)> {
        let Some(limit) = now.checked_add(AHEAD).ok() else { return Vec::new() };
        let Some(c) = self.data.curricula.get(curriculum) else { return Vec::new() };
        let mut ahead: Vec<(String, Timestamp)> = c
            .topics
            .iter()
            .chain(&c.resources)
            .map(|(k, e)| (k, e.at))
            .chain(c.reviews.iter().map(|(k, r)| (k, r.at)))
            .filter(|(_, at)| *at > limit)
            .map(|(k, at)| (k.clone(), at))
            .collect();
        ahead.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        ahead.dedup();
        ahead
    }
}
