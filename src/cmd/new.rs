//! `learnpath new NAME|FILE`: a commented starter curriculum, where the
//! picker finds it when given a bare name.

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
    /// Whether it is in the config dir's `curricula/`, where `c` lists it.
    pub listed: bool,
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        writeln!(f, "Wrote {path}.")?;
        writeln!(f, "Edit it, then check it with `learnpath validate {path}`.")?;
        if self.listed {
            writeln!(f, "In the TUI, c lists it with the other paths; pick it there to open it.")
        } else {
            let dir = self.path.parent().map_or(String::new(), |d| d.display().to_string());
            writeln!(
                f,
                "Open it with `learnpath --curriculum {path}`, or move it into the config dir's curricula/ folder for c to list it (`learnpath new NAME` writes it there{})",
                if dir.is_empty() { String::new() } else { format!("; {dir} is not that folder") }
            )
        }
    }
}

/// Where `learnpath new TARGET` writes: a bare name (`rust`, `rust.toml`)
/// goes to `<config dir>/curricula/NAME.toml`; anything with a path
/// separator is a path.
pub fn target(given: &Path, config_dir: &Path) -> (PathBuf, bool) {
    let text = given.to_string_lossy();
    let bare = given.components().count() == 1 && !text.contains(['/', '\\']) && !text.starts_with('.');
    if !bare {
        return (given.to_path_buf(), false);
    }
    let name = text.strip_suffix(".toml").unwrap_or(&text);
    (config_dir.join("curricula").join(format!("{name}.toml")), true)
}

/// Writes the starter for `given`, which must not exist yet.
pub fn run(given: &Path, config_dir: &Path) -> Result<Written> {
    let (path, listed) = target(given, config_dir);
    if let Some(dir) = path.parent().filter(|d| listed && !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut file = std::fs::File::create_new(&path)
        .with_context(|| format!("cannot create {} (it must not exist yet)", path.display()))?;
    file.write_all(STARTER.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Written { path, listed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_goes_where_the_picker_looks_and_a_path_stays_a_path() {
        let config = Path::new("/c");
        assert_eq!(target(Path::new("rust"), config), (PathBuf::from("/c/curricula/rust.toml"), true));
        assert_eq!(target(Path::new("rust.toml"), config), (PathBuf::from("/c/curricula/rust.toml"), true));
        assert_eq!(target(Path::new("./rust.toml"), config), (PathBuf::from("./rust.toml"), false));
        assert_eq!(target(Path::new("dir/rust.toml"), config), (PathBuf::from("dir/rust.toml"), false));
    }
}
