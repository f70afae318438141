//! Reading what can be read of a progress file.
//!
//! One entry this build does not understand (a status from a newer
//! version, a number where a time belongs, a hand edit gone wrong) must not
//! hide months of ticks. A file that is JSON is read entry by entry: every
//! entry that parses is used, and every one that does not is kept exactly as
//! it was, counted, and written back in its place on every save. Only a file
//! that is not JSON at all is moved aside.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{CurriculumProgress, ProgressFile, ReviewEntry, TopicEntry};

/// Entries this build could not read, by their place in the file (the keys
/// from the top), kept verbatim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unread(BTreeMap<Vec<String>, Value>);

impl Unread {
    /// How many entries were not understood.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether every entry was understood.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Takes in `other`'s entries at places this has none; returns whether
    /// any came in.
    pub fn merge(&mut self, other: &Unread) -> bool {
        let mut changed = false;
        for (place, value) in &other.0 {
            if !self.0.contains_key(place) {
                self.0.insert(place.clone(), value.clone());
                changed = true;
            }
        }
        changed
    }

    /// Forgets the entries whose place `data` now holds in a form it
    /// understands (the learner ticked that topic again, say).
    pub fn drop_replaced(&mut self, data: &ProgressFile) {
        self.0.retain(|place, value| !holds(data, place, value));
    }

    /// Writes the entries into `file` (the progress as JSON) at their
    /// places, wherever the file has nothing there or only a review's
    /// stand-in.
    pub fn write_into(&self, file: &mut Value) {
        for (place, value) in &self.0 {
            if let Some((last, parents)) = place.split_last() {
                insert_at(file, parents, last, value);
            }
        }
    }
}

/// Puts `value` at `parents`/`last` in `file`, making the objects on the
/// way, unless something other than its stand-in is there already.
fn insert_at(file: &mut Value, parents: &[String], last: &str, value: &Value) {
    let mut at = file;
    for key in parents {
        match at {
            Value::Object(object) => {
                at = object.entry(key.clone()).or_insert_with(|| Value::Object(Map::new()))
            }
            _ => return,
        }
    }
    if let Value::Object(object) = at {
        match object.get_mut(last) {
            Some(there) if is_stand_in(there, value) => *there = value.clone(),
            Some(_) => {}
            None => {
                object.insert(last.to_string(), value.clone());
            }
        }
    }
}

/// Whether `there` (as written) is the stand-in the reader made for the
/// unread review `value`: the same review, its FSRS numbers left out.
fn is_stand_in(there: &Value, value: &Value) -> bool {
    let numbers = |v: &Value| v.get("stability").is_some() || v.get("difficulty").is_some();
    !numbers(there) && numbers(value) && there.get("at") == value.get("at")
}

/// Whether `data` has an entry it understands at `place`, in place of the
/// unread `value` (a review's stand-in does not count: it only lets
/// scheduling use the review's `stage`).
fn holds(data: &ProgressFile, place: &[String], value: &Value) -> bool {
    let [top, id, rest @ ..] = place else { return false };
    if top != "curricula" {
        return false;
    }
    let Some(c) = data.curricula.get(id) else { return false };
    match rest {
        [] => true,
        [section, key] => match section.as_str() {
            "topics" => c.topics.contains_key(key),
            "resources" => c.resources.contains_key(key),
            "reviews" => c
                .reviews
                .get(key)
                .is_some_and(|r| serde_json::to_value(r).is_ok_and(|written| !is_stand_in(&written, value))),
            _ => false,
        },
        _ => false,
    }
}

/// Reads `value` as a progress file of format `format`, entry by entry.
/// Fails only when it is not an object at all.
pub fn salvage(value: Value, format: u64) -> Result<(ProgressFile, Unread), String> {
    let Value::Object(top) = value else { return Err("not a JSON object".into()) };
    let mut file = ProgressFile { format, curricula: BTreeMap::new(), extra: Map::new() };
    let mut unread = Unread::default();
    for (key, value) in top {
        match (key.as_str(), value) {
            ("format", _) => {}
            ("curricula", Value::Object(curricula)) => {
                for (id, c) in curricula {
                    let place = vec!["curricula".to_string(), id.clone()];
                    match c {
                        Value::Object(c) => {
                            file.curricula.insert(id, curriculum(c, &place, &mut unread));
                        }
                        other => {
                            unread.0.insert(place, other);
                        }
                    }
                }
            }
            ("curricula", other) => {
                unread.0.insert(vec![key], other);
            }
            (_, value) => {
                file.extra.insert(key, value);
            }
        }
    }
    Ok((file, unread))
}

/// One curriculum's part of the file, entry by entry.
fn curriculum(c: Map<String, Value>, place: &[String], unread: &mut Unread) -> CurriculumProgress {
    let mut out = CurriculumProgress::default();
    for (section, value) in c {
        let here = [place, std::slice::from_ref(&section)].concat();
        if !matches!(section.as_str(), "topics" | "resources" | "reviews") {
            out.extra.insert(section, value);
            continue;
        }
        let Value::Object(entries) = value else {
            unread.0.insert(here, value);
            continue;
        };
        for (key, entry) in entries {
            let place = [here.clone(), vec![key.clone()]].concat();
            let not_read = match section.as_str() {
                "topics" => read_into::<TopicEntry>(&mut out.topics, key, entry),
                "resources" => read_into::<TopicEntry>(&mut out.resources, key, entry),
                _ => read_review(&mut out.reviews, key, entry),
            };
            if let Some(entry) = not_read {
                unread.0.insert(place, entry);
            }
        }
    }
    out
}

/// Puts `entry` into `map` if it reads as a `T`; else hands it back.
fn read_into<T: serde::de::DeserializeOwned>(
    map: &mut BTreeMap<String, T>,
    key: String,
    entry: Value,
) -> Option<Value> {
    match serde_json::from_value::<T>(entry.clone()) {
        Ok(read) => {
            map.insert(key, read);
            None
        }
        Err(_) => Some(entry),
    }
}

/// Puts `entry` into `map` if it reads as a review. One whose FSRS
/// numbers are impossible is handed back to be kept verbatim, and its
/// stand-in without them goes into `map`, so scheduling uses its stage.
fn read_review(map: &mut BTreeMap<String, ReviewEntry>, key: String, entry: Value) -> Option<Value> {
    match serde_json::from_value::<ReviewEntry>(entry.clone()) {
        Ok(review) if review.is_sane() => {
            map.insert(key, review);
            None
        }
        Ok(review) => {
            map.insert(key, review.staged_only());
            Some(entry)
        }
        Err(_) => Some(entry),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn good_entries_are_read_and_bad_ones_kept_in_place() {
        let file = json!({
            "format": 1,
            "note": "mine",
            "curricula": {
                "a": { "topics": {
                    "s/good": { "status": "done", "at": "2026-01-01T00:00:00Z" },
                    "s/new": { "status": "mastered", "at": "2026-01-01T00:00:00Z" },
                    "s/bad-time": { "status": "done", "at": 17 } },
                  "colour": "blue" },
                "b": "not an object"
            }
        });
        let (data, unread) = salvage(file.clone(), 1).unwrap();
        assert_eq!(data.curricula["a"].topics.len(), 1);
        assert_eq!(data.extra["note"], "mine");
        assert_eq!(data.curricula["a"].extra["colour"], "blue");
        assert_eq!(unread.len(), 3);
        let mut written = serde_json::to_value(&data).unwrap();
        unread.write_into(&mut written);
        assert_eq!(written, file, "written back, every byte of meaning is there");
    }

    #[test]
    fn an_entry_understood_again_replaces_the_unread_one() {
        let (mut data, mut unread) = salvage(
            json!({ "format": 1, "curricula": { "a": { "topics": { "s/t": { "status": "mastered" } } } } }),
            1,
        )
        .unwrap();
        assert_eq!(unread.len(), 1);
        data.curricula.get_mut("a").unwrap().topics.insert(
            "s/t".into(),
            TopicEntry::new(super::super::Status::Done, "2026-01-01T00:00:00Z".parse().unwrap()),
        );
        unread.drop_replaced(&data);
        assert!(unread.is_empty());
    }

    #[test]
    fn impossible_review_numbers_are_kept_verbatim_and_the_stage_schedules() {
        let review =
            json!({ "stage": 2, "at": "2026-01-01T00:00:00Z", "stability": -1, "difficulty": 1e308 });
        let file =
            json!({ "format": 1, "curricula": { "a": { "topics": {}, "reviews": { "s/t": review } } } });
        let (data, mut unread) = salvage(file.clone(), 1).unwrap();
        let stand_in = &data.curricula["a"].reviews["s/t"];
        assert_eq!((stand_in.stage, stand_in.stability, stand_in.difficulty), (2, None, None));
        unread.drop_replaced(&data);
        assert_eq!(unread.len(), 1, "the stand-in does not replace it");
        let mut written = serde_json::to_value(&data).unwrap();
        unread.write_into(&mut written);
        assert_eq!(written, file, "written back as it was");
        let mut newer = data.clone();
        let mut next = ReviewEntry::staged(3, "2026-02-01T00:00:00Z".parse().unwrap());
        next.stability = Some(40.0);
        newer.curricula.get_mut("a").unwrap().reviews.insert("s/t".into(), next);
        unread.drop_replaced(&newer);
        assert!(unread.is_empty(), "a real review replaces it");
    }
}
