//! The config file, `<config dir>/config.toml`, and the list of curricula a
//! learner has: the shipped path plus every `*.toml` in
//! `<config dir>/curricula/`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::curriculum::{Curriculum, Diagnostic, LoadError};
use crate::theme::ThemeName;

/// The settings a learner can put in `config.toml`; every key is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `"dark"` (the default) or `"light"`.
    #[serde(default)]
    pub theme: Option<ThemeName>,
    /// Mouse support; `true` by default.
    #[serde(default)]
    pub mouse: Option<bool>,
    /// `"show"`: the terminal's cursor is visible on the selected row, for
    /// braille displays, magnifiers and screen readers that follow only a
    /// visible cursor. It is always placed there; by default hidden.
    #[serde(default)]
    pub cursor: Option<CursorSetting>,
    /// `true`: plain mode (as `--plain`), lines of text and numbered
    /// choices instead of the screen.
    #[serde(default)]
    pub plain: Option<bool>,
    /// URLs as OSC 8 hyperlinks, clickable where the terminal supports
    /// them; `false` by default, since support cannot be detected.
    #[serde(default)]
    pub hyperlinks: Option<bool>,
    /// Minutes a day for `today`; else the path's `weekly_hours` / 7.
    #[serde(default)]
    pub daily_minutes: Option<f64>,
    /// The curriculum file to open when none is given and none was picked.
    #[serde(default)]
    pub curriculum: Option<PathBuf>,
    /// `"git"`: the TUI runs `learnpath sync` in the background when it
    /// starts and after it quits. Absent: only `learnpath sync` syncs.
    #[serde(default)]
    pub sync: Option<SyncEngine>,
}

/// Whether the cursor, always on the selection, is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CursorSetting {
    /// Placed but hidden (the default).
    Hide,
    /// Placed and shown.
    Show,
}

/// How progress is synced across machines automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SyncEngine {
    /// Through git (`learnpath sync`).
    Git,
}

impl Config {
    /// Reads `dir/config.toml`; a missing file is the defaults. A bad key
    /// or value is an error as `FILE:LINE:COL: message`.
    pub fn load(dir: &Path) -> Result<Config, LoadError> {
        let path = dir.join("config.toml");
        let name = path.display().to_string();
        let text = match crate::regular::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(LoadError::io(&name, &e)),
        };
        toml::from_str(&text).map_err(|e| LoadError::new(&name, &text, vec![Diagnostic::from(e)]))
    }
}

/// The config dir: `--config-dir`/`LEARNPATH_CONFIG_DIR`, else the
/// platform's (`~/.config/learnpath` on Linux).
pub fn config_dir(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "learnpath")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .context("cannot find a home directory for the config; pass --config-dir DIR")
}

/// Where a curriculum comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The path built into the binary.
    Shipped,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// How the source is written in `state.json` and shown to people.
    pub fn name(&self) -> String {
        match self {
            Source::Shipped => "shipped".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// The shipped path, then `<config dir>/curricula/*.toml` and the
/// `*.toml` one folder down (`curricula/NAME/*.toml`, where a folder of
/// paths lives), by path. Folders are not followed through links, and no
/// deeper than one.
pub fn sources(config_dir: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    toml_files(&config_dir.join("curricula"), 1, &mut files);
    files.sort();
    std::iter::once(Source::Shipped).chain(files.into_iter().map(Source::File)).collect()
}

/// Adds the `*.toml` files of `dir` to `out`, and those of its folders
/// `depth` levels down, reading each folder once.
fn toml_files(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        // A hidden folder is a clone `add` has not finished checking, or
        // git's own.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() && depth > 0 => toml_files(&path, depth - 1, out),
            Ok(t) if t.is_dir() => {}
            Ok(_) if path.extension().is_some_and(|x| x == "toml") => out.push(path),
            _ => {}
        }
    }
}

/// Loads the curriculum from `source`, through the parsed-path cache in
/// `cache_dir` if there is one.
pub fn load(source: &Source, cache_dir: Option<&Path>) -> Result<Curriculum, LoadError> {
    match source {
        Source::Shipped => Ok(Curriculum::shipped()),
        Source::File(path) => Curriculum::load_cached(path, cache_dir),
    }
}

/// Each path's id with where it is, the shipped one first: files under
/// `except` and files that do not load are left out. Two paths under one
/// id would share (and overwrite) each other's progress.
pub fn ids_in_use(
    config_dir: &Path,
    cache_dir: Option<&Path>,
    except: Option<&Path>,
) -> Vec<(String, Source)> {
    // Compared as the files they are: `except` may be written relatively.
    let except = except.and_then(|e| e.canonicalize().ok());
    let excepted = |source: &Source| match (source, &except) {
        (Source::File(path), Some(except)) => path.canonicalize().is_ok_and(|p| p.starts_with(except)),
        _ => false,
    };
    sources(config_dir)
        .into_iter()
        .filter(|source| !excepted(source))
        .filter_map(|source| load(&source, cache_dir).ok().map(|c| (c.id.into_inner(), source)))
        .collect()
}

/// The path outside `except` that has `id` already (see [`ids_in_use`]).
pub fn holder_of(
    config_dir: &Path,
    id: &str,
    cache_dir: Option<&Path>,
    except: Option<&Path>,
) -> Option<Source> {
    ids_in_use(config_dir, cache_dir, except)
        .into_iter()
        .find(|(held, _)| held == id)
        .map(|(_, source)| source)
}

/// The cache dir: `--cache-dir`/`LEARNPATH_CACHE_DIR`, else the
/// platform's; none without a home, which only means slower starts.
pub fn cache_dir(given: Option<&Path>) -> Option<PathBuf> {
    given.map(Path::to_path_buf).or_else(|| {
        directories::ProjectDirs::from("", "", "learnpath").map(|dirs| dirs.cache_dir().to_path_buf())
    })
}

/// The data dir: `--data-dir`/`LEARNPATH_DATA_DIR`, else the platform's.
pub fn data_dir(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "learnpath")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .context("cannot find a home directory for the progress file; pass --data-dir DIR")
}
