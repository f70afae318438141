//! Picking up where the learner left: `<data dir>/state.json` remembers the
//! path last open and, for each path, the step, topic, pane and hide-done
//! setting it was left on.
//!
//! ```json
//! { "curriculum": "shipped",
//!   "places": { "backend": { "step": "dsa", "topic": "big-o", "pane": "topics", "hide_done": false } } }
//! ```
//! It is only a convenience: a missing or damaged file means starting on
//! the first unfinished topic, and keys this build does not know are kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::config::Source;

/// The file's name in the data dir.
pub const FILE_NAME: &str = "state.json";

/// Where the learner was in one path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The selected step's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The selected topic's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The focused pane: `steps`, `topics` or `resources`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pane: Option<String>,
    /// Whether done topics were hidden.
    #[serde(default)]
    pub hide_done: bool,
}

/// The whole file.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    curriculum: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    places: BTreeMap<String, Place>,
    /// This machine's id, stamped on the changes it makes (see
    /// [`device`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    device: Option<String>,
    /// When `learnpath sync` last finished on this machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    synced: Option<jiff::Timestamp>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

fn read(data_dir: &Path) -> State {
    crate::regular::read_to_string(&data_dir.join(FILE_NAME))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn write(data_dir: &Path, state: &State) -> Result<()> {
    std::fs::create_dir_all(data_dir).with_context(|| format!("cannot create {}", data_dir.display()))?;
    let path = data_dir.join(FILE_NAME);
    let json = serde_json::to_string_pretty(state).context("cannot encode the state")?;
    crate::atomic_file::write(&path, format!("{json}\n").as_bytes())
        .with_context(|| format!("cannot save {}", path.display()))
}

/// `state.json` as read once: start-up takes the path to open, the place
/// in it and this machine's id from one read.
pub struct Remembered {
    dir: PathBuf,
    state: State,
}

impl Remembered {
    /// Reads `state.json` in `data_dir` (nothing remembered if it is
    /// missing or unreadable).
    pub fn read(data_dir: &Path) -> Remembered {
        Remembered { dir: data_dir.to_path_buf(), state: read(data_dir) }
    }

    /// The curriculum last opened.
    pub fn last_used(&self) -> Option<Source> {
        match self.state.curriculum.as_deref()? {
            "shipped" => Some(Source::Shipped),
            path => Some(Source::File(PathBuf::from(path))),
        }
    }

    /// Where the learner was in the path with id `curriculum`, if known.
    pub fn place(&self, curriculum: &str) -> Option<Place> {
        self.state.places.get(curriculum).cloned()
    }

    /// This machine's id (see [`device`]), made and written down the first
    /// time.
    pub fn device(&self) -> String {
        if let Some(id) = self.state.device.as_ref().filter(|id| !id.is_empty()) {
            return id.clone();
        }
        device(&self.dir)
    }
}

/// The curriculum last opened.
pub fn last_used(data_dir: &Path) -> Option<Source> {
    Remembered::read(data_dir).last_used()
}

/// Remembers `source` as the curriculum last opened.
pub fn remember(data_dir: &Path, source: &Source) -> Result<()> {
    let mut state = read(data_dir);
    state.curriculum = Some(source.name());
    write(data_dir, &state)
}

/// Where the learner was in the path with id `curriculum`, if known.
pub fn place(data_dir: &Path, curriculum: &str) -> Option<Place> {
    read(data_dir).places.remove(curriculum)
}

/// Remembers where the learner is in the path with id `curriculum`.
pub fn remember_place(data_dir: &Path, curriculum: &str, place: &Place) -> Result<()> {
    let mut state = read(data_dir);
    state.places.insert(curriculum.to_string(), place.clone());
    write(data_dir, &state)
}

/// When this machine last synced, if ever.
pub fn last_sync(data_dir: &Path) -> Option<jiff::Timestamp> {
    read(data_dir).synced
}

/// Remembers that this machine synced at `at`.
pub fn remember_sync(data_dir: &Path, at: jiff::Timestamp) -> Result<()> {
    let mut state = read(data_dir);
    state.synced = Some(at);
    write(data_dir, &state)
}

/// This machine's id: made at random the first time and kept in
/// `state.json`, which is never synced. Changes made at the same instant
/// on two machines order by it, the same way on every machine.
pub fn device(data_dir: &Path) -> String {
    let mut state = read(data_dir);
    if let Some(id) = state.device.as_ref().filter(|id| !id.is_empty()) {
        return id.clone();
    }
    let id = random_id();
    state.device = Some(id.clone());
    // Unsaved, the id is only this run's: changes still order the same.
    let _ = write(data_dir, &state);
    id
}

/// 16 hex digits from the standard library's per-process random hash keys,
/// mixed with the time and the process id.
fn random_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}
