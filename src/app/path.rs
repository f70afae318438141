//! The open path: the curriculum and everything derived from it, its
//! progress and its notes, in one value.
//!
//! Step labels, status marks and counts, the notes, the review queue and
//! the search index all index into one curriculum's steps and topics. They
//! are built together by [`OpenPath::new`]: on start and on switching
//! paths with `c` (the notes then come in from the host, read for this
//! curriculum). Nothing here outlives its curriculum, so no index can
//! point into the wrong one.

use jiff::Timestamp;

use crate::curriculum::Curriculum;
use crate::notes::Notes;
use crate::progress::{Progress, Status};
use crate::review::{self, Due};
use crate::search::Searcher;

/// The curriculum being walked, with what is derived from it.
pub struct OpenPath {
    /// The curriculum.
    pub curriculum: Curriculum,
    pub(super) labels: Vec<String>,
    pub(super) marks: Marks,
    pub(super) notes: Notes,
    pub(super) due: Vec<Due>,
    /// Built on the first search, dropped on every rebuild.
    pub(super) searcher: Option<Searcher>,
}

/// Statuses mirrored from the store for one curriculum, with counts, so
/// drawing needs no lookups and a tick updates one count.
#[derive(Debug, Default)]
pub(super) struct Marks {
    pub(super) topics: Vec<Vec<Status>>,
    pub(super) done: Vec<usize>,
    pub(super) skipped: Vec<usize>,
    /// Per step, the links marked read (a link listed on a topic and on
    /// its step is one link).
    pub(super) read: Vec<std::collections::HashSet<String>>,
    /// Per step and topic, the chance of recalling a done topic, as of the
    /// last count.
    pub(super) recall: Vec<Vec<Option<f32>>>,
}

impl OpenPath {
    /// Opens `curriculum` against `progress` (carrying renamed ids over),
    /// with no notes until the host reads them.
    pub fn new(curriculum: Curriculum, progress: &mut Progress, now: Timestamp) -> Self {
        progress.carry_aliases(&curriculum);
        let memories = review::memories(&curriculum, progress);
        OpenPath {
            labels: curriculum.labels(),
            marks: Marks::count(&curriculum, progress, &memories, now),
            due: review::due_of(&memories, now),
            curriculum,
            notes: Notes::default(),
            searcher: None,
        }
    }

    /// Recounts the marks and the review queue from `progress`, keeping
    /// the notes: after a change merged in from disk.
    pub fn recount(&mut self, progress: &Progress, now: Timestamp) {
        let memories = review::memories(&self.curriculum, progress);
        self.marks = Marks::count(&self.curriculum, progress, &memories, now);
        self.due = review::due_of(&memories, now);
    }
}

impl Marks {
    /// The marks of `c` as `progress` has them, with the memories of its
    /// done topics.
    pub(super) fn count(
        c: &Curriculum,
        progress: &Progress,
        memories: &[(usize, usize, review::Memory)],
        now: Timestamp,
    ) -> Marks {
        let steps = c.steps();
        let mut m = Marks {
            topics: progress.statuses(c),
            done: vec![0; steps.len()],
            skipped: vec![0; steps.len()],
            read: vec![Default::default(); steps.len()],
            recall: review::recall_of(c, memories, now),
        };
        let id = c.id.get_ref();
        let any_read = progress.resources(id).next().is_some();
        for (s, step) in steps.iter().enumerate() {
            m.done[s] = m.topics[s].iter().filter(|&&st| st == Status::Done).count();
            m.skipped[s] = m.topics[s].iter().filter(|&&st| st == Status::Skipped).count();
            if any_read {
                m.read[s] = step
                    .all_resources()
                    .filter(|res| progress.is_read(id, &step.resource_key(res)))
                    .map(|res| res.url.get_ref().clone())
                    .collect();
            }
        }
        m
    }
}
