//! The file format, struct by struct: what `progress.json` holds.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::FORMAT;

/// Where a topic stands (for a resource: `Done` is read, `Todo` unread).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not started (never ticked, or reset).
    #[default]
    Todo,
    /// Being worked on.
    #[serde(rename = "progress")]
    InProgress,
    /// Ticked off.
    Done,
    /// Deliberately left out.
    Skipped,
}

impl Status {
    /// The name used in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::InProgress => "progress",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }

    /// Done or skipped: nothing left to do.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Skipped)
    }
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressFile {
    /// Format number; a newer one than [`FORMAT`] is opened read-only.
    pub format: u64,
    /// Progress per curriculum id.
    #[serde(default)]
    pub curricula: BTreeMap<String, CurriculumProgress>,
    /// Keys written by other versions, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Progress in one curriculum.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CurriculumProgress {
    /// Per topic, keyed `STEP_ID/TOPIC_ID`.
    #[serde(default)]
    pub topics: BTreeMap<String, TopicEntry>,
    /// Resources read, keyed `STEP_ID/URL`; `done` means read.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub resources: BTreeMap<String, TopicEntry>,
    /// The last review of each done topic, keyed `STEP_ID/TOPIC_ID`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reviews: BTreeMap<String, ReviewEntry>,
    /// Keys written by other versions, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The last change made to one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicEntry {
    /// The topic's status after the change.
    pub status: Status,
    /// When the change was made (RFC 3339, UTC).
    pub at: Timestamp,
    /// When the topic reached this status, when that is earlier than `at`:
    /// an undo restores a status with the time it first had. Absent
    /// otherwise, and ignored by versions that do not know it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Timestamp>,
    /// The device that made the change (its id from its `state.json`):
    /// two changes at the same instant order by it. Absent in files
    /// written before sync, and in changes made outside a data dir.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Ticked by `learnpath import` from a box ticked in the Markdown, not
    /// by the learner here: review does not schedule it until it is
    /// reviewed once, and stats do not count it as work done that day.
    /// Absent otherwise; cleared when the learner changes the topic.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub imported: bool,
    /// Keys written by other versions, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The last review of a topic: its memory state after it (FSRS), the
/// grades given since the topic was done, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewEntry {
    /// The fixed interval of versions before FSRS: 0 = 1 day, 1 = 7, 2 = 30,
    /// 3 = 90. Still written (the one nearest the FSRS interval) so those
    /// versions keep scheduling; read when `stability` is absent.
    pub stage: u8,
    /// When it was reviewed (RFC 3339, UTC).
    pub at: Timestamp,
    /// When its interval counts from, when that is earlier than `at`: an
    /// undo restores the interval the topic was on, from its old time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Timestamp>,
    /// FSRS stability after this review: the days until the chance of
    /// recalling the topic falls to 90%. Absent in files from before FSRS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stability: Option<f32>,
    /// FSRS difficulty after this review, from 1 (easy) to 10 (hard).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<f32>,
    /// Every grade given since the topic was done, oldest first, so a later
    /// version can fit FSRS's parameters to the learner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<Graded>,
    /// The device that reviewed, as in [`TopicEntry::by`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Keys written by other versions, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One grade in a topic's review log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Graded {
    /// When it was given.
    pub at: Timestamp,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub grade: u8,
}

impl TopicEntry {
    /// A change to `status` made at `at` on no particular device.
    pub fn new(status: Status, at: Timestamp) -> TopicEntry {
        TopicEntry { status, at, since: None, by: None, imported: false, extra: Map::new() }
    }

    /// When the topic reached its status: `since`, else the change's time.
    pub fn counts_from(&self) -> Timestamp {
        self.since.unwrap_or(self.at)
    }
}

/// The range FSRS keeps stability in (days) and difficulty in.
const STABILITY: std::ops::RangeInclusive<f32> = 0.001..=36_500.0;
const DIFFICULTY: std::ops::RangeInclusive<f32> = 1.0..=10.0;

impl ProgressFile {
    /// Whether every review's numbers are ones FSRS could have produced
    /// (see [`ReviewEntry::is_sane`]).
    pub fn is_sane(&self) -> bool {
        self.curricula.values().all(|c| c.reviews.values().all(ReviewEntry::is_sane))
    }
}

impl ReviewEntry {
    /// Whether its stability and difficulty, where present, are numbers
    /// FSRS could have produced: finite and in FSRS's own range. A hand
    /// edit or another program can write anything, and scheduling from a
    /// negative stability prints `NaN`.
    pub fn is_sane(&self) -> bool {
        self.stability.is_none_or(|s| STABILITY.contains(&s))
            && self.difficulty.is_none_or(|d| DIFFICULTY.contains(&d))
    }

    /// The same review without its FSRS numbers: what scheduling uses when
    /// they are not sane (it falls back to `stage`).
    pub fn staged_only(&self) -> ReviewEntry {
        ReviewEntry { stability: None, difficulty: None, ..self.clone() }
    }

    /// A review in the fixed-interval form of versions before FSRS.
    pub fn staged(stage: u8, at: Timestamp) -> ReviewEntry {
        ReviewEntry {
            stage,
            at,
            since: None,
            stability: None,
            difficulty: None,
            log: Vec::new(),
            by: None,
            extra: Map::new(),
        }
    }

    /// When the interval counts from: `since`, else the review's time.
    pub fn counts_from(&self) -> Timestamp {
        self.since.unwrap_or(self.at)
    }
}

impl Default for ProgressFile {
    fn default() -> Self {
        ProgressFile { format: FORMAT, curricula: BTreeMap::new(), extra: Map::new() }
    }
}
