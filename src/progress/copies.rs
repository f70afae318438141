//! Conflict copies: what file-sync tools make of `progress.json` when two
//! machines change it while apart.
//!
//! Each tool keeps both versions by renaming one of them. learnpath reads
//! every such copy as part of the progress (the merge keeps the newest
//! change per entry, so order does not matter), and the first save folds
//! them into `progress.json` and removes them. The names, for a file
//! `progress.json`:
//!
//! | Tool | Conflict copy |
//! |---|---|
//! | Syncthing | `progress.sync-conflict-20261125-093000-ABCDEFG.json` |
//! | Dropbox | `progress (Ana's conflicted copy 2026-11-25).json` |
//! | Nextcloud, ownCloud | `progress (conflicted copy 2026-11-25 093000).json` |
//! | ownCloud before 2.5 | `progress_conflict-20261125-093000.json` |
//! | OneDrive | `progress-LAPTOP-ANA.json` (the machine's name) |
//! | Resilio Sync | `progress.Conflict.json`, `progress.Conflict1.json` |

use std::path::{Path, PathBuf};

use super::Progress;

/// The tools whose conflict copies are recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// `NAME.sync-conflict-DATE-TIME[-DEVICE].EXT`
    Syncthing,
    /// `NAME (… conflicted copy …).EXT`: Dropbox, and Nextcloud and
    /// ownCloud since 2.5, which took up Dropbox's form.
    ConflictedCopy,
    /// `NAME_conflict-DATE-TIME.EXT`: ownCloud's clients before 2.5.
    OwnCloud,
    /// `NAME-MACHINE.EXT`: OneDrive's "keep both".
    OneDrive,
    /// `NAME.Conflict[N].EXT`: Resilio Sync.
    Resilio,
}

/// Which tool made `candidate` as a conflict copy of the file named `name`
/// (`progress.json`), if it is one.
pub fn tool(name: &str, candidate: &str) -> Option<Tool> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let middle = candidate.strip_prefix(stem)?.strip_suffix(ext)?.strip_suffix('.')?;
    if middle.is_empty() {
        return None;
    }
    if middle.strip_prefix(".sync-conflict-").is_some_and(|rest| !rest.is_empty()) {
        return Some(Tool::Syncthing);
    }
    if middle.starts_with(" (") && middle.ends_with(')') && middle.contains("conflicted copy") {
        return Some(Tool::ConflictedCopy);
    }
    if middle
        .strip_prefix("_conflict-")
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit() || c == '-'))
    {
        return Some(Tool::OwnCloud);
    }
    if let Some(rest) = middle.strip_prefix(".Conflict") {
        let rest = rest.trim_start_matches(' ').trim_start_matches('(').trim_end_matches(')');
        return rest.chars().all(|c| c.is_ascii_digit()).then_some(Tool::Resilio);
    }
    // A Windows machine name: letters, digits and hyphens, at most 15,
    // optionally with OneDrive's own `-2`, `-3` after it.
    if let Some(machine) = middle.strip_prefix('-')
        && !machine.is_empty()
        && machine.len() <= 20
        && machine.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && machine.chars().any(|c| c.is_ascii_uppercase())
        && !machine.chars().any(|c| c.is_ascii_lowercase())
    {
        return Some(Tool::OneDrive);
    }
    None
}

/// The conflict copies of `file` in its directory, by name.
pub fn find(file: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name().and_then(|n| n.to_str())) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut copies: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(|n| tool(name, n).is_some()))
        .map(|e| e.path())
        .collect();
    copies.sort();
    copies
}

impl Progress {
    /// Merges in the conflict copies a file-sync tool left beside the file
    /// (see [`Tool`]), each one once per version; returns whether memory
    /// changed. A copy that is not valid progress is left where it is.
    pub(super) fn absorb_copies(&mut self) -> bool {
        let Some(path) = &self.path else { return false };
        let mut changed = false;
        let mut unreadable = Vec::new();
        for copy in find(&super::store::real(path)) {
            let stamp = super::store::stamp(&copy);
            if self.copies.iter().any(|(seen, at)| *seen == copy && super::store::unchanged(*at, stamp)) {
                continue;
            }
            let why = match super::store::read(&copy) {
                Ok(super::store::Read::Current(file, unread)) => {
                    changed |= super::merge::merge_into(&mut self.data, &file);
                    self.unread.merge(&unread);
                    self.copies.retain(|(seen, _)| *seen != copy);
                    self.copies.push((copy, stamp));
                    continue;
                }
                Ok(super::store::Read::Missing) => continue,
                Ok(super::store::Read::Newer(format)) => {
                    format!("format {format}, newer than this learnpath")
                }
                Ok(super::store::Read::Damaged(why)) => why,
                Err(e) => format!("{e:#}"),
            };
            unreadable.push((copy, why));
        }
        if !unreadable.is_empty() {
            self.notice = Some(super::Notice::UnreadableCopies(unreadable));
        }
        changed
    }

    /// After a save: removes the copies merged, which the file now holds.
    /// One changed since it was read (the sync tool wrote it again) stays
    /// for the next save.
    pub(super) fn remove_copies(&mut self) {
        for (copy, stamp) in std::mem::take(&mut self.copies) {
            if super::store::stamp(&copy) == stamp {
                let _ = std::fs::remove_file(&copy);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tools_names_are_copies_and_our_own_files_are_not() {
        let copies = [
            ("progress.sync-conflict-20261125-093000-ABCDEFG.json", Tool::Syncthing),
            ("progress.sync-conflict-20261125-093000.json", Tool::Syncthing),
            ("progress (Ana's conflicted copy 2026-11-25).json", Tool::ConflictedCopy),
            ("progress (conflicted copy 2026-11-25).json", Tool::ConflictedCopy),
            ("progress (Ana's conflicted copy 2026-11-25 (1)).json", Tool::ConflictedCopy),
            ("progress (conflicted copy 2026-11-25 093000).json", Tool::ConflictedCopy),
            ("progress_conflict-20261125-093000.json", Tool::OwnCloud),
            ("progress-LAPTOP-ANA.json", Tool::OneDrive),
            ("progress-DESKTOP-7F3K2Q-2.json", Tool::OneDrive),
            ("progress.Conflict.json", Tool::Resilio),
            ("progress.Conflict2.json", Tool::Resilio),
            ("progress.Conflict (1).json", Tool::Resilio),
        ];
        for (name, want) in copies {
            assert_eq!(tool("progress.json", name), Some(want), "{name}");
        }
        for name in [
            "progress.json",
            "progress.json.lock",
            ".progress.json.a1B2c3",
            "progress.json.corrupt-1764063000",
            "progress.json.corrupt-1764063000-1",
            "progress-backup.json",
            "progress (1).json",
            "progress-conflicted copy).json",
            "progress (conflicted copy 2026-11-25.json",
            "progress.sync-conflict-.json",
            "progress.Conflict.json.tmp",
            "state.json",
            "state.sync-conflict-20261125-093000-ABCDEFG.json",
            "progress.sync-conflict-20261125-093000-ABCDEFG.txt",
        ] {
            assert_eq!(tool("progress.json", name), None, "{name}");
        }
    }
}
