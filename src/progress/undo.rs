//! Records as they were, and putting them back: what undo and redo need.
//!
//! Putting a record back is a new change, stamped now, so it wins every
//! merge like any other change and reaches the file and other instances
//! the same way. The time the old status or interval counted from goes
//! with it in `since`, so stats and review see the old dates again.

use jiff::Timestamp;

use super::{Progress, ReviewEntry, Status, TopicEntry, after, record};

/// Which of a curriculum's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// A topic's status, keyed `STEP/TOPIC`.
    Topic,
    /// A resource's read mark, keyed `STEP/URL`.
    Resource,
    /// A topic's last review, keyed `STEP/TOPIC`.
    Review,
}

/// One record as it was at some moment (`None`: there was none).
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// A topic's status or a resource's read mark.
    Entry(Option<TopicEntry>),
    /// A review.
    Review(Option<ReviewEntry>),
}

impl Progress {
    /// Record `key` of `curriculum` as it is now.
    pub fn saved(&self, curriculum: &str, which: Record, key: &str) -> Saved {
        let c = self.data.curricula.get(curriculum);
        match which {
            Record::Topic => Saved::Entry(c.and_then(|c| c.topics.get(key)).cloned()),
            Record::Resource => Saved::Entry(c.and_then(|c| c.resources.get(key)).cloned()),
            Record::Review => Saved::Review(c.and_then(|c| c.reviews.get(key)).cloned()),
        }
    }

    /// Puts record `key` back as `saved`, as a change made at `now`.
    pub fn restore(&mut self, curriculum: &str, which: Record, key: &str, saved: &Saved, now: Timestamp) {
        let done_from = self.entry(curriculum, key).map_or(now, TopicEntry::counts_from);
        let c = self.data.curricula.entry(curriculum.to_string()).or_default();
        match (which, saved) {
            (Record::Topic | Record::Resource, Saved::Entry(old)) => {
                let map = if which == Record::Topic { &mut c.topics } else { &mut c.resources };
                record(
                    map,
                    key,
                    old.as_ref().map_or(Status::Todo, |e| e.status),
                    now,
                    self.device.as_deref(),
                );
                if let (Some(old), Some(entry)) = (old, map.get_mut(key)) {
                    entry.since = (old.counts_from() < entry.at).then_some(old.counts_from());
                }
            }
            (Record::Review, Saved::Review(old)) => {
                let at = after(c.reviews.get(key).map(|r| r.at), now);
                // No review yet: a bare entry counting from the completion,
                // which the scheduler reads as the tick (and versions before
                // FSRS as their first interval).
                let mut back = old.clone().unwrap_or_else(|| ReviewEntry::staged(0, done_from));
                let from = back.counts_from();
                back.at = at;
                back.since = (from < at).then_some(from);
                back.by.clone_from(&self.device);
                c.reviews.insert(key.to_string(), back);
            }
            _ => {}
        }
    }
}
