//! Reading and writing `progress.json`: locked, merged, atomic.
//!
//! A save takes an exclusive lock on `progress.json.lock`, re-reads the
//! file, merges it with memory (newest change per topic wins), and replaces
//! it through [`crate::atomic_file`]: a synced temp file renamed over the
//! old one. A crash at any instant leaves the old or the new file, never a
//! mix; a temp file a crash leaves behind is removed under the lock.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use jiff::Timestamp;
use serde_json::Value;

use super::salvage::{Unread, salvage};
use super::{FORMAT, ProgressFile};

/// What the file held when last read or written: its length and a hash of
/// its bytes, to skip parsing and merging an unchanged file.
///
/// Not the inode, size and modification time: a sync tool that renames a
/// file of the same length into place within one tick of the file
/// system's clock can get a freed inode number back, and then all three
/// match while the content differs. Reading a few hundred KiB and hashing
/// them costs far less than the parse it saves, on every system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    hash: u64,
}

/// Whether the file stamped `now` holds what it held when stamped `seen`.
pub fn unchanged(seen: Option<Stamp>, now: Option<Stamp>) -> bool {
    seen == now
}

/// The real file behind `path` (see [`crate::atomic_file::resolve`]): the
/// lock, the temp files and a damaged file's copy go beside it.
pub fn real(path: &Path) -> PathBuf {
    crate::atomic_file::resolve(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The stamp of `path`, if it can be read.
pub fn stamp(path: &Path) -> Option<Stamp> {
    crate::regular::read(path).ok().map(|bytes| stamp_of(&bytes))
}

/// The stamp of `bytes`.
fn stamp_of(bytes: &[u8]) -> Stamp {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    Stamp { len: bytes.len() as u64, hash: hasher.finish() }
}

/// The file's bytes, read once: stamped, and parsed only when the stamp
/// says they are new. (Stamping and parsing what two reads returned could
/// pair one version's stamp with another's content.)
pub struct Snapshot(Option<Vec<u8>>);

impl Snapshot {
    /// The stamp of what was read; none for a missing file.
    pub fn stamp(&self) -> Option<Stamp> {
        self.0.as_deref().map(stamp_of)
    }

    /// What was read, parsed.
    pub fn parse(&self) -> Read {
        self.0.as_deref().map_or(Read::Missing, parse)
    }
}

/// What reading the file found.
pub enum Read {
    /// No file yet.
    Missing,
    /// A file this build can read, with the entries it could not.
    Current(ProgressFile, Unread),
    /// A file from a newer learnpath, with its format number.
    Newer(u64),
    /// A file that is not valid progress, and why.
    Damaged(String),
}

/// Reads and parses `path`.
pub fn read(path: &Path) -> Result<Read> {
    Ok(snapshot(path)?.parse())
}

/// Reads `path` once, for [`Snapshot::stamp`] and [`Snapshot::parse`].
pub fn snapshot(path: &Path) -> Result<Snapshot> {
    let bytes = match crate::regular::read_limited(path, super::MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        // Nothing can exist under a path through a plain file; saving will
        // report that, while the learner keeps working in memory.
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {
            return Ok(Snapshot(None));
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read progress file {}", path.display())),
    };
    if bytes.len() as u64 > super::MAX_FILE_BYTES {
        bail!(
            "progress file {} is over {} MiB, more than learnpath reads; move it out of the data dir and tell the project how it grew so large",
            path.display(),
            super::MAX_FILE_BYTES >> 20
        );
    }
    Ok(Snapshot(Some(bytes)))
}

/// What `bytes` hold, read as the store reads a file.
pub fn parse(bytes: &[u8]) -> Read {
    // Editors on Windows may start the file with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    // The common case in one pass; the slower entry-by-entry reading only
    // when the typed parse fails.
    if let Ok(file) = serde_json::from_slice::<ProgressFile>(bytes)
        && file.is_sane()
    {
        return if file.format > FORMAT {
            Read::Newer(file.format)
        } else {
            Read::Current(file, Unread::default())
        };
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return Read::Damaged(e.to_string()),
    };
    match value.get("format").and_then(Value::as_u64) {
        Some(format) if format > FORMAT => Read::Newer(format),
        Some(format) => match salvage(value, format) {
            Ok((file, unread)) => Read::Current(file, unread),
            Err(why) => Read::Damaged(why),
        },
        None => Read::Damaged("no `format` number".into()),
    }
}

/// Renames a damaged file to `progress.json.corrupt-<unix seconds>` beside
/// it, byte for byte, and returns the new path.
pub fn keep_aside(path: &Path) -> Result<PathBuf> {
    let path = &real(path);
    let stamp = Timestamp::now().as_second();
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("progress.json");
    let mut aside = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        aside = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    fs::rename(path, &aside)
        .with_context(|| format!("progress file {} is damaged and cannot be moved aside", path.display()))?;
    Ok(aside)
}

/// An exclusive lock on `<file>.lock`, released when dropped.
pub struct Lock(File);

/// How a save waits for another process's lock.
#[derive(Clone, Copy)]
pub enum Wait<'a> {
    /// Not at all: report [`Busy`] at once (the TUI retries later).
    No,
    /// Up to this long, calling the function once the wait passes half a
    /// second (so the learner knows why nothing happens).
    Bounded(Duration, &'a dyn Fn()),
}

/// How long a command waits for another learnpath's save.
pub const LOCK_PATIENCE: Duration = Duration::from_secs(10);

/// Another process holds the lock.
#[derive(Debug)]
pub struct Busy;

impl std::fmt::Display for Busy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("another learnpath is saving")
    }
}

impl std::error::Error for Busy {}

/// Creates the data dir if needed and takes the lock beside `path`,
/// waiting as `wait` says.
pub fn lock(path: &Path, wait: Wait<'_>) -> Result<Lock> {
    let path = &real(path);
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("cannot create data dir {}", dir.display()))?;
    let lock_path = path.with_file_name(format!(
        "{}.lock",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("progress.json")
    ));
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .with_context(|| format!("cannot create lock file {}", lock_path.display()))?;
    let start = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock(file)),
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", lock_path.display()));
            }
        }
        let Wait::Bounded(patience, waiting) = wait else { return Err(Busy.into()) };
        if !told && start.elapsed() >= Duration::from_millis(500) {
            waiting();
            told = true;
        }
        if start.elapsed() >= patience {
            if patience < LOCK_PATIENCE {
                return Err(Busy.into());
            }
            bail!(
                "another learnpath has been saving for over {} s (it holds {}); try again, or if no other learnpath is running, delete that file",
                patience.as_secs(),
                lock_path.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Writes `data` to `path` atomically, with the `unread` entries back in
/// their places; the caller holds the lock.
/// Returns the stamp of what it wrote.
pub fn write(path: &Path, data: &ProgressFile, unread: &Unread) -> Result<Stamp> {
    let json = encode(data, unread)?;
    crate::atomic_file::write(path, &json).with_context(|| format!("cannot save {}", path.display()))?;
    remove_stale_temp_files(path);
    Ok(stamp_of(&json))
}

/// The bytes [`write`] writes.
pub fn encode(data: &ProgressFile, unread: &Unread) -> Result<Vec<u8>> {
    if data.format > FORMAT {
        bail!("refusing to write format {} with a build that knows {FORMAT}", data.format);
    }
    let mut json = if unread.is_empty() {
        serde_json::to_vec_pretty(data).context("cannot encode progress")?
    } else {
        let mut value = serde_json::to_value(data).context("cannot encode progress")?;
        unread.write_into(&mut value);
        serde_json::to_vec_pretty(&value).context("cannot encode progress")?
    };
    json.push(b'\n');
    Ok(json)
}

/// Under the lock, removes temp files a crash during a save left behind.
/// Does nothing (and creates nothing) when the data dir does not exist.
pub fn clean(path: &Path) {
    // Only when the lock is free: cleaning can wait for the next save, and
    // the app must never wait to start.
    if path.parent().is_some_and(Path::is_dir)
        && let Ok(_lock) = lock(path, Wait::No)
    {
        remove_stale_temp_files(path);
    }
}

/// Removes temp files a crash in the middle of a rename may have left
/// (`.progress.json.XXXXXX`). Safe under the lock: no one else is writing.
fn remove_stale_temp_files(path: &Path) {
    let path = &real(path);
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else { continue };
        if let Some(suffix) = file_name.strip_prefix(&prefix)
            && suffix.len() == 6
            && suffix.chars().all(|c| c.is_ascii_alphanumeric())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}
