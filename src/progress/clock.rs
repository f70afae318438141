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
    /// The entries of `curriculum` stamped more than [`AHEAD`] after
    /// `now`: each once, with its kind (`topic`, `resource`, `review`),
    /// soonest first.
    pub fn ahead(&self, curriculum: &str, now: Timestamp) -> Vec<(&'static str, String, Timestamp)> {
        let Some(limit) = now.checked_add(AHEAD).ok() else { return Vec::new() };
        let Some(c) = self.data.curricula.get(curriculum) else { return Vec::new() };
        let topics = c.topics.iter().map(|(k, e)| ("topic", k, e.at));
        let resources = c.resources.iter().map(|(k, e)| ("resource", k, e.at));
        let reviews = c.reviews.iter().map(|(k, r)| ("review", k, r.at));
        let mut ahead: Vec<(&'static str, String, Timestamp)> = topics
            .chain(resources)
            .chain(reviews)
            .filter(|(_, _, at)| *at > limit)
            .map(|(kind, k, at)| (kind, k.clone(), at))
            .collect();
        ahead.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| (a.0, &a.1).cmp(&(b.0, &b.1))));
        ahead.dedup();
        ahead
    }
}
