//! `learnpath --demo [--days N]`: the TUI on a copy of the data dir with
//! the clock moved ahead, so a learner sees reviews come due without a
//! faked date ever touching real progress. The copy is removed on exit.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// A temporary copy of the data dir, removed when dropped.
pub struct Demo {
    dir: PathBuf,
}

impl Demo {
    /// Copies `data_dir`'s progress, state and notes (regular files only)
    /// into a new private temporary directory.
    pub fn start(data_dir: &Path) -> Result<Demo> {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("learnpath-demo-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
        }
        let demo = Demo { dir };
        for name in [crate::progress::FILE_NAME, "state.json"] {
            copy_file(&data_dir.join(name), &demo.dir.join(name))?;
        }
        copy_tree(&data_dir.join("notes"), &demo.dir.join("notes"), 8)?;
        Ok(demo)
    }

    /// Where the copy is.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Copies `from` to `to` if it is a regular file (a link is not followed).
fn copy_file(from: &Path, to: &Path) -> Result<()> {
    if std::fs::symlink_metadata(from).is_ok_and(|m| m.is_file()) {
        std::fs::copy(from, to).with_context(|| format!("cannot copy {} for the demo", from.display()))?;
    }
    Ok(())
}

/// Copies the regular files and directories under `from`, `depth` deep.
fn copy_tree(from: &Path, to: &Path, depth: usize) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(from) else { return Ok(()) };
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in entries.flatten() {
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        match entry.file_type() {
            Ok(t) if t.is_dir() && depth > 0 => copy_tree(&source, &target, depth - 1)?,
            Ok(t) if t.is_file() => copy_file(&source, &target)?,
            _ => {}
        }
    }
    Ok(())
}
