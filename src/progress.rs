//! The progress store: one JSON file in the data dir holding every tick.
//!
//! ```json
//! { "format": 1,
//!   "curricula": { "backend": { "topics": {
//!       "coding-basics/loops": { "status": "done", "at": "2026-11-24T09:30:00Z" } } } } }
//! ```
//! An untick is stored as `"status": "todo"` with its time, not by deleting
//! the entry, so a later merge knows which change is newer. Keys this build
//! does not know are kept on every rewrite.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The progress format this build writes.
pub const FORMAT: u64 = 1;

/// The file name inside the data dir.
pub const FILE_NAME: &str = "progress.json";

/// Where a topic stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not done (never ticked, or unticked).
    #[default]
    Todo,
    /// Ticked off.
    Done,
}

/// The whole file.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CurriculumProgress {
    /// Per topic, keyed `STEP_ID/TOPIC_ID`.
    #[serde(default)]
    pub topics: BTreeMap<String, TopicEntry>,
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
    /// Keys written by other versions, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for ProgressFile {
    fn default() -> Self {
        ProgressFile { format: FORMAT, curricula: BTreeMap::new(), extra: Map::new() }
    }
}

/// The progress file, in memory, with where it came from.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    path: Option<PathBuf>,
    data: ProgressFile,
    read_only: bool,
    /// Something the learner should be told about the file (shown once).
    pub notice: Option<String>,
}

impl Progress {
    /// Progress that lives only in memory (for tests and benchmarks).
    pub fn in_memory() -> Self {
        Progress::default()
    }

    /// Opens `DIR/progress.json`; a missing file is empty progress.
    ///
    /// A file that cannot be parsed is moved aside byte for byte, never
    /// overwritten, and the learner is told where it went.
    pub fn open(dir: &Path) -> Result<Self> {
        let path = dir.join(FILE_NAME);
        let mut progress = Progress { path: Some(path.clone()), ..Progress::default() };
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            // Nothing can exist under a path through a plain file; saving
            // will report that, while the learner keeps working in memory.
            Err(e)
                if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) =>
            {
                return Ok(progress);
            }
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read progress file {}", path.display()));
            }
        };
        match parse(&bytes) {
            Ok(Parsed::Current(data)) => progress.data = data,
            Ok(Parsed::Newer(format)) => {
                progress.read_only = true;
                progress.notice = Some(format!(
                    "{} has format {format}, newer than this learnpath ({FORMAT}): read-only, ticks are not saved; upgrade learnpath",
                    path.display()
                ));
            }
            Err(why) => {
                let aside = keep_aside(&path)?;
                progress.notice = Some(format!(
                    "progress file was damaged ({why}); kept as {} and started afresh",
                    aside.display()
                ));
            }
        }
        Ok(progress)
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
        self.data.curricula.get(curriculum).and_then(|c| c.topics.get(key)).map_or(Status::Todo, |e| e.status)
    }

    /// The recorded entry of topic `key`, if it was ever changed.
    pub fn entry(&self, curriculum: &str, key: &str) -> Option<&TopicEntry> {
        self.data.curricula.get(curriculum)?.topics.get(key)
    }

    /// Records a change to topic `key` made at `at`.
    pub fn set(&mut self, curriculum: &str, key: &str, status: Status, at: Timestamp) {
        let topics = &mut self.data.curricula.entry(curriculum.to_string()).or_default().topics;
        let entry =
            topics.entry(key.to_string()).or_insert_with(|| TopicEntry { status, at, extra: Map::new() });
        entry.status = status;
        entry.at = at;
    }

    /// Writes the file atomically: a temp file in the same directory,
    /// flushed, then renamed over the old one.
    pub fn save(&self) -> Result<()> {
        let Some(path) = &self.path else { return Ok(()) };
        if self.read_only {
            anyhow::bail!("{} is from a newer learnpath; not overwriting it", path.display());
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create data dir {}", dir.display()))?;
        let mut json = serde_json::to_vec_pretty(&self.data).context("cannot encode progress")?;
        json.push(b'\n');
        let mut file = atomic_write_file::AtomicWriteFile::open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        file.write_all(&json).with_context(|| format!("cannot write {}", path.display()))?;
        file.commit().with_context(|| format!("cannot save {}", path.display()))
    }

    /// The raw file contents, for `status --json` and tests.
    pub fn data(&self) -> &ProgressFile {
        &self.data
    }
}

enum Parsed {
    Current(ProgressFile),
    Newer(u64),
}

fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let format = value.get("format").and_then(Value::as_u64).ok_or("no `format` number")?;
    if format > FORMAT {
        return Ok(Parsed::Newer(format));
    }
    serde_json::from_value(value).map(Parsed::Current).map_err(|e| e.to_string())
}

/// Renames a damaged file to `NAME.corrupt-<unix seconds>` next to it.
fn keep_aside(path: &Path) -> Result<PathBuf> {
    let stamp = Timestamp::now().as_second();
    let mut aside = path.with_extension(format!("json.corrupt-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        aside = path.with_extension(format!("json.corrupt-{stamp}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &aside)
        .with_context(|| format!("progress file {} is damaged and cannot be moved aside", path.display()))?;
    Ok(aside)
}

/// Whole percent of `done` out of `total` (0 when there is nothing to do).
pub fn percent(done: usize, total: usize) -> usize {
    (done * 100).checked_div(total).unwrap_or(0)
}
