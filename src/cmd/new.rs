//! `learnpath new FILE`: a commented starter curriculum.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

/// The starter written by `learnpath new`.
pub const STARTER: &str = include_str!("../starter.toml");

/// Where the starter was written.
#[derive(Debug, Serialize)]
pub struct Written {
    /// The new file.
    pub path: PathBuf,
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        writeln!(
            f,
            "Wrote {path}. Edit it, check it with `learnpath validate {path}`, open it with `learnpath --curriculum {path}`."
        )
    }
}

/// Writes the starter to `path`, which must not exist.
pub fn run(path: &Path) -> Result<Written> {
    let mut file = std::fs::File::create_new(path)
        .with_context(|| format!("cannot create {} (it must not exist yet)", path.display()))?;
    file.write_all(STARTER.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Written { path: path.to_path_buf() })
}
