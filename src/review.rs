//! Spaced review with FSRS-6 (the `fsrs` crate, Anki's scheduler): every
//! done topic has a memory state (stability and difficulty); a review
//! graded 1–4 moves it on, and the topic comes due when the chance of
//! recalling it has fallen to 90%. Pure: the time is always passed in.
//!
//! Ticking a topic done counts as its first "good" answer. Reviews kept
//! in the fixed-interval form of earlier versions (`stage`, `at`) are read
//! as the memory state that interval implies, the way Anki converts SM-2.

use std::sync::OnceLock;

use fsrs::{FSRS, MemoryState};
use jiff::{SignedDuration, Timestamp};

use crate::curriculum::Curriculum;
use crate::progress::{Graded, Progress, ReviewEntry, Status};

/// The chance of recall a review is scheduled at.
pub const RETENTION: f32 = 0.9;

/// Below this chance of recall a done topic shows as fading.
pub const FADING: f32 = 0.8;

/// The fixed intervals of versions before FSRS, in days: read from old
/// files, and still written (the nearest one) for those versions.
pub const INTERVALS: [i64; 4] = [1, 7, 30, 90];

/// An answer to "do you still know it?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    /// Forgot it.
    Again = 1,
    /// Recalled it with effort.
    Hard = 2,
    /// Recalled it.
    Good = 3,
    /// Recalled it at once.
    Easy = 4,
}

impl Grade {
    /// Grade `n`, 1 to 4, as keys and the review log number them.
    pub fn from_number(n: u8) -> Option<Grade> {
        Some(match n {
            1 => Grade::Again,
            2 => Grade::Hard,
            3 => Grade::Good,
            4 => Grade::Easy,
            _ => return None,
        })
    }

    /// The word for it, as messages start with it.
    pub fn name(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }
}

/// A topic due for review.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    /// Step index.
    pub step: usize,
    /// Topic index within the step.
    pub topic: usize,
    /// When it came due.
    pub due: Timestamp,
    /// The chance of recalling it now.
    pub retrievability: f32,
}

/// What FSRS knows of one done topic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Stability and difficulty after the last answer.
    pub state: MemoryState,
    /// When that answer was given (the tick, or the last review).
    pub at: Timestamp,
    /// Whether that answer was "again": the topic comes back the next day
    /// to be learnt again, as Anki's relearning step does, whatever the
    /// stability.
    pub lapsed: bool,
}

fn scheduler() -> &'static FSRS {
    static FSRS6: OnceLock<FSRS> = OnceLock::new();
    FSRS6.get_or_init(FSRS::default)
}

fn days(from: Timestamp, to: Timestamp) -> f32 {
    (to.as_second() - from.as_second()).max(0) as f32 / 86_400.0
}

/// The memory state the old fixed interval `stage` implies.
fn from_stage(stage: u8) -> MemoryState {
    let interval = INTERVALS[(stage as usize).min(INTERVALS.len() - 1)] as f32;
    scheduler()
        .memory_state_from_sm2(2.5, interval, RETENTION)
        .unwrap_or(MemoryState { stability: interval, difficulty: 5.0 })
}

/// The first answer: ticking the topic done. Worked out once: a path has
/// thousands of done topics, and the scheduler's step is not free.
fn ticked() -> MemoryState {
    static TICKED: OnceLock<MemoryState> = OnceLock::new();
    *TICKED.get_or_init(|| {
        scheduler()
            .next_states(None, RETENTION, 0)
            .map(|n| n.good.memory)
            .unwrap_or(MemoryState { stability: 2.3, difficulty: 2.1 })
    })
}

/// The memory of topic `key`, done since `done_at`: from its last review
/// when that belongs to this round, else from the tick.
pub fn memory(progress: &Progress, curriculum: &str, key: &str, done_at: Timestamp) -> Memory {
    match progress.review(curriculum, key) {
        // A review older than the completion belongs to an earlier round;
        // one that only puts back "no review yet" (an undo of the first,
        // counting from the completion) means the tick.
        Some(r) if r.at >= done_at && !undone_to_the_tick(r, done_at) => {
            let state = match (r.stability, r.difficulty) {
                (Some(stability), Some(difficulty)) => MemoryState { stability, difficulty },
                _ => from_stage(r.stage),
            };
            let lapsed = r.log.last().is_some_and(|g| g.grade == Grade::Again as u8);
            Memory { state, at: r.counts_from(), lapsed }
        }
        _ => Memory { state: ticked(), at: done_at, lapsed: false },
    }
}

fn undone_to_the_tick(r: &ReviewEntry, done_at: Timestamp) -> bool {
    r.stability.is_none() && r.log.is_empty() && r.since == Some(done_at)
}

/// Whole days until a memory of `state` falls to [`RETENTION`], at least one.
pub fn interval_days(state: MemoryState) -> i64 {
    let days = scheduler().next_interval(Some(state.stability), RETENTION, 3);
    (days.round() as i64).clamp(1, 36_500)
}

/// Whole days until `memory` comes due: one after "again", else until
/// recall falls to [`RETENTION`].
pub fn wait_days(memory: Memory) -> i64 {
    if memory.lapsed { 1 } else { interval_days(memory.state) }
}

/// When `memory` comes due.
pub fn due_at(memory: Memory) -> Timestamp {
    let hours = 24 * wait_days(memory);
    memory.at.saturating_add(SignedDuration::from_hours(hours)).unwrap_or(memory.at)
}

/// The chance of recalling `memory` at `now`.
pub fn retrievability(memory: Memory, now: Timestamp) -> f32 {
    let r = fsrs::current_retrievability(memory.state, days(memory.at, now), fsrs::FSRS6_DEFAULT_DECAY);
    // The reader lets no impossible state through (ReviewEntry::is_sane);
    // this bound keeps any other slip from printing `NaN%`.
    if r.is_finite() { r.clamp(0.0, 1.0) } else { 0.0 }
}

/// The memory of every done topic of `c`, by step and topic index, in
/// order. The store's entries are walked, not the topics: a large path
/// with few ticks costs little, and no key is made per topic.
pub fn memories(c: &Curriculum, progress: &Progress) -> Vec<(usize, usize, Memory)> {
    let id = c.id.get_ref();
    let mut out: Vec<(usize, usize, Memory)> = progress
        .topics(id)
        .filter(|(_, entry)| entry.status == Status::Done)
        // A box ticked in an imported file is not a memory to schedule
        // until the learner reviews it once here.
        .filter(|(key, entry)| {
            !entry.imported || progress.review(id, key).is_some_and(|r| r.at >= entry.counts_from())
        })
        .filter_map(|(key, entry)| {
            let (s, t) = c.locate(key)?;
            Some((s, t, memory(progress, id, key, entry.counts_from())))
        })
        .collect();
    out.sort_unstable_by_key(|&(s, t, _)| (s, t));
    out
}

/// Every done topic due at `now`, the longest overdue first.
pub fn due(c: &Curriculum, progress: &Progress, now: Timestamp) -> Vec<Due> {
    due_of(&memories(c, progress), now)
}

/// [`due`], from memories already gathered.
pub fn due_of(memories: &[(usize, usize, Memory)], now: Timestamp) -> Vec<Due> {
    let mut out: Vec<Due> = memories
        .iter()
        .map(|&(step, topic, m)| Due { step, topic, due: due_at(m), retrievability: retrievability(m, now) })
        .filter(|d| d.due <= now)
        .collect();
    out.sort_by_key(|d| (d.due, d.step, d.topic));
    out
}

/// Records a review of `key` graded `grade` at `now`, and returns the
/// memory it leaves.
pub fn record(progress: &mut Progress, curriculum: &str, key: &str, grade: Grade, now: Timestamp) -> Memory {
    let done_at = progress.entry(curriculum, key).map_or(now, |e| e.counts_from());
    let before = memory(progress, curriculum, key, done_at);
    let elapsed = days(before.at, now) as u32;
    let next = scheduler().next_states(Some(before.state), RETENTION, elapsed).map(|n| match grade {
        Grade::Again => n.again.memory,
        Grade::Hard => n.hard.memory,
        Grade::Good => n.good.memory,
        Grade::Easy => n.easy.memory,
    });
    let state = next.unwrap_or(before.state);
    // The log of this round, with this grade.
    let mut log: Vec<Graded> = progress
        .review(curriculum, key)
        .filter(|r| r.at >= done_at)
        .map(|r| r.log.clone())
        .unwrap_or_default();
    log.push(Graded { at: now, grade: grade as u8 });
    let interval = interval_days(state);
    let stage = INTERVALS.iter().rposition(|&d| d <= interval).unwrap_or(0) as u8;
    let mut entry = ReviewEntry::staged(stage, now);
    entry.stability = Some(state.stability);
    entry.difficulty = Some(state.difficulty);
    entry.log = log;
    progress.set_review(curriculum, key, entry);
    Memory { state, at: now, lapsed: grade == Grade::Again }
}

/// The chance of recalling each done topic of `c` at `now`, by step and
/// topic index (`None` for topics not done).
pub fn recall(c: &Curriculum, progress: &Progress, now: Timestamp) -> Vec<Vec<Option<f32>>> {
    recall_of(c, &memories(c, progress), now)
}

/// [`recall`], from memories already gathered.
pub fn recall_of(
    c: &Curriculum,
    memories: &[(usize, usize, Memory)],
    now: Timestamp,
) -> Vec<Vec<Option<f32>>> {
    let mut out: Vec<Vec<Option<f32>>> = c.steps().iter().map(|s| vec![None; s.topics.len()]).collect();
    for &(s, t, m) in memories {
        out[s][t] = Some(retrievability(m, now));
    }
    out
}

/// How much of one step's done work is likely still remembered.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Retention {
    /// Done topics you would recall with at least [`FADING`] chance.
    pub retained: usize,
    /// The average chance of recall over the done topics, if any.
    pub average: Option<f32>,
}

impl Retention {
    /// The retention of one step's topics, given their chances of recall.
    pub fn of(recall: &[Option<f32>]) -> Retention {
        let done: Vec<f32> = recall.iter().flatten().copied().collect();
        Retention {
            retained: done.iter().filter(|&&r| r >= FADING).count(),
            average: (!done.is_empty()).then(|| done.iter().sum::<f32>() / done.len() as f32),
        }
    }
}
