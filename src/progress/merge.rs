//! Merging two versions of the progress file: per topic, the newest change
//! wins. Pure, so it can be tested for the properties a merge must have.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{CurriculumProgress, ProgressFile, TopicEntry};

/// Merges `other` into `into`; returns whether `into` changed.
pub fn merge_into(into: &mut ProgressFile, other: &ProgressFile) -> bool {
    let mut changed = merge_extra(&mut into.extra, &other.extra);
    for (id, theirs) in &other.curricula {
        let ours = into.curricula.entry(id.clone()).or_default();
        changed |= merge_curriculum(ours, theirs);
    }
    changed
}

/// The merge of `a` and `b`, as a new file.
pub fn merged(a: &ProgressFile, b: &ProgressFile) -> ProgressFile {
    let mut out = a.clone();
    merge_into(&mut out, b);
    out
}

fn merge_curriculum(ours: &mut CurriculumProgress, theirs: &CurriculumProgress) -> bool {
    let mut changed = merge_extra(&mut ours.extra, &theirs.extra);
    changed |= merge_topics(&mut ours.topics, &theirs.topics);
    changed |= merge_topics(&mut ours.resources, &theirs.resources);
    changed |= merge_map(&mut ours.reviews, &theirs.reviews, |a, b| {
        a.at.cmp(&b.at)
            .then_with(|| a.by.cmp(&b.by))
            .then(a.stage.cmp(&b.stage))
            .then(a.since.cmp(&b.since))
            .then_with(|| extra_text(&a.extra).cmp(&extra_text(&b.extra)))
            // The FSRS fields last, as text: a total order on the rest.
            .then_with(|| review_text(a).cmp(&review_text(b)))
    });
    changed
}

/// Per key, keeps whichever entry is newer.
pub fn merge_topics(ours: &mut BTreeMap<String, TopicEntry>, theirs: &BTreeMap<String, TopicEntry>) -> bool {
    merge_map(ours, theirs, compare)
}

/// Per key, keeps whichever entry `order` puts last.
fn merge_map<T: Clone>(
    ours: &mut BTreeMap<String, T>,
    theirs: &BTreeMap<String, T>,
    order: impl Fn(&T, &T) -> Ordering,
) -> bool {
    let mut changed = false;
    for (key, entry) in theirs {
        match ours.get(key) {
            Some(mine) if order(mine, entry) != Ordering::Less => {}
            _ => {
                ours.insert(key.clone(), entry.clone());
                changed = true;
            }
        }
    }
    changed
}

/// Orders two changes to one topic: by time, then by the device that made
/// them; for the same instant on the same device a total order on the
/// rest, so the merge is the same in either direction.
pub fn compare(a: &TopicEntry, b: &TopicEntry) -> Ordering {
    a.at.cmp(&b.at)
        .then_with(|| a.by.cmp(&b.by))
        .then((a.status as u8).cmp(&(b.status as u8)))
        .then(a.since.cmp(&b.since))
        .then_with(|| extra_text(&a.extra).cmp(&extra_text(&b.extra)))
}

fn review_text(review: &super::ReviewEntry) -> String {
    serde_json::to_string(review).unwrap_or_default()
}

fn extra_text(extra: &Map<String, Value>) -> String {
    Value::Object(extra.clone()).to_string()
}

/// Unknown keys: the union; on a clash the greater JSON text wins, an
/// arbitrary but symmetric choice.
fn merge_extra(ours: &mut Map<String, Value>, theirs: &Map<String, Value>) -> bool {
    let mut changed = false;
    for (key, value) in theirs {
        let take = match ours.get(key) {
            Some(mine) => mine != value && json_text(value) > json_text(mine),
            None => true,
        };
        if take {
            ours.insert(key.clone(), value.clone());
            changed = true;
        }
    }
    changed
}

fn json_text(value: &Value) -> String {
    value.to_string()
}
