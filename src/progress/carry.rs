//! Progress against a curriculum: ids renamed with `aliases`, ticks for
//! topics it no longer has, and resetting steps back to todo.

use std::cmp::Ordering;
use std::collections::HashMap;

use jiff::Timestamp;

use super::{Progress, Status, TopicEntry, compare};
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
        // The newest entry under a former key, per topic: one pass over the
        // entries, whatever the number of aliases.
        let mut newest: HashMap<(usize, usize), &TopicEntry> = HashMap::new();
        for (key, entry) in self.topics(id) {
            if curriculum.locate(key).is_some() {
                continue;
            }
            if let Some(at) = curriculum.resolve(key) {
                let slot = newest.entry(at).or_insert(entry);
                if compare(slot, entry) == Ordering::Less {
                    *slot = entry;
                }
            }
        }
        let mut carry: Vec<(String, TopicEntry)> = newest
            .into_iter()
            .filter_map(|((s, t), old)| {
                let step = &curriculum.steps()[s];
                let key = step.key(&step.topics[t]);
                let current = self.entry(id, &key);
                current.is_none_or(|c| compare(c, old) == Ordering::Less).then(|| (key, old.clone()))
            })
            .collect();
        carry.sort_by(|a, b| a.0.cmp(&b.0));
        let carried = carry.len();
        let topics = &mut self.data.curricula.entry(id.clone()).or_default().topics;
        topics.extend(carry);
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
            for resource in step.all_resources().filter(|_| only.is_none()) {
                let key = step.resource_key(resource);
                if self.is_read(id, &key) {
                    self.set_read(id, &key, false, now);
                }
            }
        }
        count
    }

    /// Per step of `curriculum`, each topic's status.
    pub fn statuses(&self, curriculum: &Curriculum) -> Vec<Vec<Status>> {
        let mut out: Vec<Vec<Status>> =
            curriculum.steps().iter().map(|s| vec![Status::Todo; s.topics.len()]).collect();
        for (key, entry) in self.topics(curriculum.id.get_ref()) {
            if let Some((s, t)) = curriculum.locate(key) {
                out[s][t] = entry.status;
            }
        }
        out
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
        self.topics(curriculum.id.get_ref())
            .filter(|(key, entry)| entry.status == Status::Done && curriculum.resolve(key).is_none())
            .count()
    }
}
