//! The progress store: one JSON file in the data dir holding every tick.
//!
//! ```json
//! { "format": 1,
//!   "curricula": { "backend": { "topics": {
//!       "coding-basics/loops": { "status": "done", "at": "2026-11-24T09:30:00Z" } } } } }
//! ```
//! An untick is stored as `"status": "todo"` with its time, not by deleting
//! the entry, so a merge knows which change is newer. Keys this build does
//! not know are kept on every rewrite.

mod carry;
mod clock;
mod copies;
mod file_merge;
mod format;
mod judge;
mod merge;
mod notice;
mod salvage;
mod store;
mod undo;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use jiff::Timestamp;

pub use clock::AHEAD;
pub use copies::{Tool, tool as conflict_copy_tool};
pub use file_merge::merge_files;
pub use format::{CurriculumProgress, Graded, ProgressFile, ReviewEntry, Status, TopicEntry};
pub use judge::{
    Local, MAX_FILE_BYTES, local as judge_local, merged as merged_versions, put_back, readable, take_in,
};
pub use merge::{compare, merge_into, merged};
pub use notice::Notice;
pub use salvage::Unread;
use store::Wait;
pub use store::{Busy, LOCK_PATIENCE, Lock};
pub use undo::{Record, Saved};

/// The progress format this build writes.
pub const FORMAT: u64 = 1;

/// The file name inside the data dir.
pub const FILE_NAME: &str = "progress.json";

/// The progress file in memory, with where it came from.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    path: Option<PathBuf>,
    data: ProgressFile,
    read_only: bool,
    seen: Option<store::Stamp>,
    unread: Unread,
    /// Whether a damaged file may be moved aside (not by read-only commands).
    may_move: bool,
    /// Conflict copies merged into memory, as they were when read: the
    /// next save removes each one still like that.
    copies: Vec<(PathBuf, Option<store::Stamp>)>,
    /// This device's id, stamped on every change it records.
    device: Option<String>,
    /// Memory holds changes the file last read lacks: a sync tool put an
    /// older version in its place.
    behind: bool,
    /// Something the learner should be told about the file.
    pub notice: Option<Notice>,
}

impl Progress {
    /// Progress that lives only in memory (for tests and benchmarks).
    pub fn in_memory() -> Self {
        Progress::default()
    }

    /// Opens `DIR/progress.json`; a missing file is empty progress.
    ///
    /// A file that cannot be parsed is moved aside byte for byte, never
    /// overwritten, and `notice` says where it went. A file from a newer
    /// learnpath is opened read-only.
    pub fn open(dir: &Path) -> Result<Self> {
        let path = dir.join(FILE_NAME);
        let mut progress = Progress { path: Some(path.clone()), may_move: true, ..Progress::default() };
        store::clean(&path);
        let snapshot = store::snapshot(&path)?;
        progress.seen = snapshot.stamp();
        progress.absorb(snapshot.parse(), false)?;
        progress.absorb_copies();
        Ok(progress)
    }

    /// Takes the lock saves take on `DIR/progress.json`, waiting for
    /// another learnpath's save as [`Progress::save`] does: while it is
    /// held, no learnpath writes the file (`sync` holds it while git
    /// changes the file).
    pub fn lock(dir: &Path) -> Result<Lock> {
        store::lock(&dir.join(FILE_NAME), Wait::Bounded(LOCK_PATIENCE, &|| {}))
    }

    /// Opens `DIR/progress.json` to read only: nothing is created, cleaned,
    /// renamed or written, whatever the file holds (for `status`, `next`
    /// and the other commands that only print). A damaged file reads as no
    /// progress, and `notice` says so.
    pub fn open_to_read(dir: &Path) -> Result<Self> {
        let path = dir.join(FILE_NAME);
        let mut progress = Progress { path: Some(path.clone()), ..Progress::default() };
        let snapshot = store::snapshot(&path)?;
        progress.seen = snapshot.stamp();
        progress.absorb(snapshot.parse(), false)?;
        progress.absorb_copies();
        progress.read_only = true;
        Ok(progress)
    }

    /// Stamps every change recorded from now on with device `id`, so
    /// changes at the same instant on two machines merge the same way
    /// everywhere.
    pub fn set_device(&mut self, id: String) {
        self.device = Some(id);
    }

    /// How many entries of the file this build could not read; they are
    /// kept as they are.
    pub fn unread(&self) -> usize {
        self.unread.len()
    }

    /// Takes in what was read from disk: merges it, or deals with a newer
    /// or damaged file (`locked`: this process holds the lock). Returns
    /// whether memory changed.
    fn absorb(&mut self, read: store::Read, locked: bool) -> Result<bool> {
        let path = self.path.clone().unwrap_or_default();
        match read {
            store::Read::Missing => Ok(false),
            store::Read::Current(disk, unread) => {
                // The first read has nothing in memory to merge with: what
                // the merge would copy entry by entry is taken whole.
                let changed = if self.data == ProgressFile::default() && disk.format == self.data.format {
                    let changed = disk != self.data;
                    self.data = disk;
                    self.behind = false;
                    changed
                } else {
                    let changed = merge::merge_into(&mut self.data, &disk);
                    self.behind = self.data != disk;
                    changed
                };
                let before = self.unread.len();
                self.unread.merge(&unread);
                self.unread.drop_replaced(&self.data);
                if self.unread.len() > before {
                    self.notice = Some(Notice::Unread { path: path.clone(), count: self.unread.len() });
                }
                Ok(changed)
            }
            store::Read::Newer(format) => {
                self.read_only = true;
                self.notice = Some(Notice::Newer { path, format });
                Ok(false)
            }
            store::Read::Damaged(why) if !self.may_move => {
                self.notice = Some(Notice::DamagedLeft { path, why });
                Ok(false)
            }
            store::Read::Damaged(_) if !locked && store::lock(&path, Wait::No).is_err() => {
                // Someone holds the lock: a file half-written by `sync`'s
                // git merge looks damaged until it is done. Read it again
                // next time.
                self.seen = None;
                Ok(false)
            }
            store::Read::Damaged(why) => {
                let aside = store::keep_aside(&path)?;
                self.notice = Some(Notice::DamagedKeptAside { why, aside });
                Ok(false)
            }
        }
    }

    /// Picks up changes another process wrote since the last read or write.
    /// Returns whether anything changed.
    pub fn reload(&mut self) -> Result<bool> {
        let Some(path) = self.path.clone() else { return Ok(false) };
        if self.read_only {
            return Ok(false);
        }
        let mut changed = false;
        if let Some((now, read)) = self.look(&path)? {
            self.seen = now;
            changed = self.absorb(read, false)?;
        }
        Ok(self.absorb_copies() | changed)
    }

    /// The file at `path` and its stamp, read once, unless it holds what
    /// was last read or written here.
    fn look(&self, path: &Path) -> Result<Option<(Option<store::Stamp>, store::Read)>> {
        let snapshot = match store::snapshot(path) {
            Ok(snapshot) => snapshot,
            // Unreadable now as when last looked at: nothing new in it.
            Err(_) if self.seen.is_none() => return Ok(None),
            Err(e) => return Err(e),
        };
        let now = snapshot.stamp();
        Ok((!store::unchanged(self.seen, now)).then(|| (now, snapshot.parse())))
    }

    /// Whether a save is needed though nothing new was recorded: the file
    /// was replaced by one that lacks changes made here (a file-sync tool
    /// wrote another machine's version), or conflict copies wait to be
    /// folded in.
    pub fn needs_save(&self) -> bool {
        !self.read_only && self.path.is_some() && (self.behind || !self.copies.is_empty())
    }

    /// The file this progress is saved to, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether saving is refused because the file is from a newer version.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The status of topic `key` in curriculum `curriculum`.
    pub fn status(&self, curriculum: &str, key: &str) -> Status {
        self.entry(curriculum, key).map_or(Status::Todo, |e| e.status)
    }

    /// The recorded entry of topic `key`, if it was ever changed.
    pub fn entry(&self, curriculum: &str, key: &str) -> Option<&TopicEntry> {
        self.data.curricula.get(curriculum)?.topics.get(key)
    }

    /// Every recorded entry of curriculum `curriculum`.
    pub fn topics(&self, curriculum: &str) -> impl Iterator<Item = (&String, &TopicEntry)> {
        self.data.curricula.get(curriculum).into_iter().flat_map(|c| c.topics.iter())
    }

    /// Records a change to topic `key` made at `at`. The change is stamped
    /// at least a nanosecond after the one it replaces, so it wins every
    /// merge even if the clock went back.
    pub fn set(&mut self, curriculum: &str, key: &str, status: Status, at: Timestamp) {
        let topics = &mut self.data.curricula.entry(curriculum.to_string()).or_default().topics;
        record(topics, key, status, at, self.device.as_deref());
    }

    /// Records topic `key` as `status`, ticked in a file `learnpath import`
    /// read, if it has no entry yet: an import never overrides what the
    /// learner did here (an untick included), and never syncs over it.
    /// Returns whether it was written.
    pub fn import_tick(&mut self, curriculum: &str, key: &str, status: Status, at: Timestamp) -> bool {
        let topics = &mut self.data.curricula.entry(curriculum.to_string()).or_default().topics;
        if topics.contains_key(key) {
            return false;
        }
        let by = self.device.clone();
        topics.insert(key.to_string(), TopicEntry { by, imported: true, ..TopicEntry::new(status, at) });
        true
    }

    /// Records resource `key` as read, from a file `learnpath import` read,
    /// if it has no entry yet.
    pub fn import_read(&mut self, curriculum: &str, key: &str, at: Timestamp) -> bool {
        let resources = &mut self.data.curricula.entry(curriculum.to_string()).or_default().resources;
        if resources.contains_key(key) {
            return false;
        }
        let by = self.device.clone();
        resources
            .insert(key.to_string(), TopicEntry { by, imported: true, ..TopicEntry::new(Status::Done, at) });
        true
    }

    /// Whether resource `key` (`STEP_ID/URL`) was marked read.
    pub fn is_read(&self, curriculum: &str, key: &str) -> bool {
        self.data
            .curricula
            .get(curriculum)
            .and_then(|c| c.resources.get(key))
            .is_some_and(|e| e.status == Status::Done)
    }

    /// Records resource `key` as read or unread at `at`.
    pub fn set_read(&mut self, curriculum: &str, key: &str, read: bool, at: Timestamp) {
        let resources = &mut self.data.curricula.entry(curriculum.to_string()).or_default().resources;
        record(resources, key, if read { Status::Done } else { Status::Todo }, at, self.device.as_deref());
    }

    /// The last review of topic `key`, if any.
    pub fn review(&self, curriculum: &str, key: &str) -> Option<&ReviewEntry> {
        self.data.curricula.get(curriculum)?.reviews.get(key)
    }

    /// Records `review` of topic `key`, its time moved just past the
    /// previous review's if it is not later, so the newest always wins.
    pub fn set_review(&mut self, curriculum: &str, key: &str, mut review: ReviewEntry) {
        let reviews = &mut self.data.curricula.entry(curriculum.to_string()).or_default().reviews;
        review.at = after(reviews.get(key).map(|r| r.at), review.at);
        review.by.clone_from(&self.device);
        reviews.insert(key.to_string(), review);
    }

    /// Every resource entry of curriculum `curriculum`.
    pub fn resources(&self, curriculum: &str) -> impl Iterator<Item = (&String, &TopicEntry)> {
        self.data.curricula.get(curriculum).into_iter().flat_map(|c| c.resources.iter())
    }

    /// Saves: under the lock, re-reads the file, merges it in (newest
    /// change per topic wins) and writes the result atomically. Returns
    /// whether the merge brought in changes another process had saved, so
    /// that whatever is derived from memory can be recounted.
    ///
    /// Waits up to ten seconds for another process's save, silently; see
    /// [`Progress::save_waiting`] and [`Progress::save_within`].
    pub fn save(&mut self) -> Result<bool> {
        self.save_with(Wait::Bounded(LOCK_PATIENCE, &|| {}))
    }

    /// [`Progress::save`], calling `waiting` if another process's save
    /// holds it up for more than half a second.
    pub fn save_waiting(&mut self, waiting: &dyn Fn()) -> Result<bool> {
        self.save_with(Wait::Bounded(LOCK_PATIENCE, waiting))
    }

    /// [`Progress::save`] if no other process is saving, or is done within
    /// `patience` (zero: do not wait); `Ok(None)` if one still is, and memory
    /// keeps the change to try again later.
    pub fn save_within(&mut self, patience: std::time::Duration) -> Result<Option<bool>> {
        let wait = if patience.is_zero() { Wait::No } else { Wait::Bounded(patience, &|| {}) };
        match self.save_with(wait) {
            Ok(merged) => Ok(Some(merged)),
            Err(e) if e.is::<Busy>() => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn save_with(&mut self, wait: Wait<'_>) -> Result<bool> {
        let Some(path) = self.path.clone() else { return Ok(false) };
        if self.read_only {
            bail!("{} is from a newer learnpath; not overwriting it", path.display());
        }
        let _lock = store::lock(&path, wait)?;
        // Under the lock, an unchanged stamp (the same bytes) means no one
        // else wrote since we last read or wrote: skip the parse and merge.
        let merged = match self.look(&path)? {
            Some((_, read)) => self.absorb(read, true)?,
            None => false,
        };
        if self.read_only {
            bail!("{} was replaced by a newer learnpath's file; not overwriting it", path.display());
        }
        let merged = self.absorb_copies() | merged;
        self.unread.drop_replaced(&self.data);
        self.seen = Some(store::write(&path, &self.data, &self.unread)?);
        self.behind = false;
        self.remove_copies();
        Ok(merged)
    }

    /// The whole file as it is in memory.
    pub fn data(&self) -> &ProgressFile {
        &self.data
    }

    /// The whole file, to change directly (imports and test fixtures).
    pub fn data_mut(&mut self) -> &mut ProgressFile {
        &mut self.data
    }
}

/// Records a change in `map`, stamped at least a nanosecond after the
/// change it replaces so it wins every merge even if the clock went back.
fn record(
    map: &mut BTreeMap<String, TopicEntry>,
    key: &str,
    status: Status,
    at: Timestamp,
    by: Option<&str>,
) {
    let by = by.map(str::to_string);
    match map.get_mut(key) {
        Some(entry) => {
            entry.at = after(Some(entry.at), at);
            entry.status = status;
            entry.since = None;
            entry.by = by;
            entry.imported = false;
        }
        None => {
            map.insert(key.to_string(), TopicEntry { by, ..TopicEntry::new(status, at) });
        }
    }
}

/// `at`, or a nanosecond after `previous` if that is not earlier: a new
/// change always sorts after the one it replaces.
fn after(previous: Option<Timestamp>, at: Timestamp) -> Timestamp {
    match previous {
        Some(p) if p >= at => p.checked_add(jiff::SignedDuration::from_nanos(1)).unwrap_or(p),
        _ => at,
    }
}

/// Whole percent of `done` out of `total` (0 when there is nothing to do).
pub fn percent(done: usize, total: usize) -> usize {
    (done * 100).checked_div(total).unwrap_or(0)
}
