//! Progress against a curriculum: ids renamed with `aliases`, ticks for
//! topics it no longer has, and resetting steps back to todo.

use std::cmp::Ordering;
use std::collections::HashSet;

use jiff::Timestamp;

use super::{Progress, Status, compare};
use crate::curriculum::Curriculum;

impl Progress {
    /// Copies progress recorded under a topic's former ids (its step's or
    /// its own `aliases`) to its current key, where that is newer than what
    /// the current key has. The old entries stay in the file. Returns how
    /// many topics were carried.
    pub fn carry_aliases(&mut self, curriculum: &Curriculum) -> usize {
        if !curriculum.has_aliases() {
            return 0;
        }
        let id = curriculum.id.get_ref();
        let mut carried = 0;
        for step in curriculum.steps() {
            for topic in &step.topics {
                let keys = step.keys(topic);
                let newest =
                    keys[1..].iter().filter_map(|k| self.entry(id, k)).max_by(|a, b| compare(a, b)).cloned();
                let Some(old) = newest else { continue };
                let current = self.entry(id, &keys[0]);
                if current.is_none_or(|c| compare(c, &old) == Ordering::Less) {
                    let topics = &mut self.data.curricula.entry(id.clone()).or_default().topics;
                    topics.insert(keys[0].clone(), old);
                    carried += 1;
                }
            }
        }
        carried
    }

    /// Sets the topics of `steps` back to todo and their resources to
    /// unread, as recorded changes at `now`; with `only`, just that topic of
    /// the one step. Returns how many topics changed.
    pub fn reset(
        &mut self,
        curriculum: &Curriculum,
        steps: &[usize],
        only: Option<usize>,
        now: Timestamp,
    ) -> usize {
        let id = curriculum.id.get_ref();
        let mut count = 0;
        for step in steps.iter().map(|&s| &curriculum.steps()[s]) {
            for (_, topic) in step.topics.iter().enumerate().filter(|(i, _)| only.is_none_or(|o| o == *i)) {
                if self.status(id, &step.key(topic)) != Status::Todo {
                    self.set(id, &step.key(topic), Status::Todo, now);
                    count += 1;
                }
            }
            for resource in step.resources.iter().filter(|_| only.is_none()) {
                let key = step.resource_key(resource);
                if self.is_read(id, &key) {
                    self.set_read(id, &key, false, now);
                }
            }
        }
        count
    }

    /// How many of `curriculum`'s topics are done.
    pub fn done_count(&self, curriculum: &Curriculum) -> usize {
        let id = curriculum.id.get_ref();
        self.topics(id)
            .filter(|(key, e)| e.status == Status::Done && curriculum.locate(key).is_some())
            .count()
    }

    /// How many topics are ticked in the file that `curriculum` no longer
    /// has (under any id or alias). They are kept on every save.
    pub fn orphans(&self, curriculum: &Curriculum) -> usize {
        let known: HashSet<String> =
            curriculum.steps().iter().flat_map(|s| s.topics.iter().flat_map(|t| s.keys(t))).collect();
        self.topics(curriculum.id.get_ref())
            .filter(|(key, entry)| entry.status == Status::Done && !known.contains(*key))
            .count()
    }
}
