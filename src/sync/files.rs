//! Which files in the data dir are learnpath's to sync, and the checks on
//! them before a commit: only `progress.json`, the notes and the two git
//! files ever travel, and never as links.

use std::path::Path;

use anyhow::{Result, bail};

use super::git::{Git, names};
use crate::progress::FILE_NAME;

/// What `.gitattributes` says: which merge driver each file gets.
pub(super) const ATTRIBUTES: &str = "\
# learnpath's own merges: the newer change per entry, and a three-way merge
# of a note changed on two machines. Written by `learnpath sync`.
progress.json merge=learnpath
notes/**/*.md merge=learnpath-note
";

/// What `.gitignore` says: an allow-list. Git cannot take back a file
/// under a directory it ignores, so the note directories have lines of
/// their own.
pub(super) const IGNORE: &str = "\
# learnpath syncs only its own files; everything else in the data dir stays
# on this machine. Written by `learnpath sync`.
*
!/progress.json
!/notes/
!/notes/**/
!/notes/**/*.md
!/.gitattributes
!/.gitignore
";

/// The largest note that syncs: a book's worth of Markdown.
pub const MAX_NOTE_BYTES: u64 = 4 << 20;

/// Whether `path` (relative, with `/`) is one of the files sync carries.
pub(super) fn is_synced(path: &str) -> bool {
    matches!(path, FILE_NAME | ".gitattributes" | ".gitignore")
        || (path.starts_with("notes/") && path.ends_with(".md"))
}

/// Files that belong to this machine or to an editor, which are neither
/// synced nor worth naming: the state, locks, temp and kept-aside files,
/// conflict copies, swap files.
fn is_expected_local(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "state.json"
        || name.ends_with(".lock")
        || name.starts_with(".progress.json.")
        || name.starts_with(".state.json.")
        || name.contains(".corrupt-")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.starts_with(".#")
        || crate::progress::conflict_copy_tool(FILE_NAME, name).is_some()
}

/// The first symbolic link where sync would look for learnpath's files
/// (`progress.json`, and anything under `notes/`), found with `lstat`
/// relative to the data dir: git would commit the link, not the file.
pub(super) fn first_link(data_dir: &Path) -> Option<String> {
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    if is_link(&data_dir.join(FILE_NAME)) {
        return Some(FILE_NAME.into());
    }
    let mut dirs = vec![(data_dir.join("notes"), "notes".to_string())];
    if is_link(&dirs[0].0) {
        return Some("notes".into());
    }
    while let Some((dir, name)) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let child = format!("{name}/{}", entry.file_name().to_string_lossy());
            match entry.file_type() {
                Ok(t) if t.is_symlink() => return Some(child),
                Ok(t) if t.is_dir() => dirs.push((entry.path(), child)),
                _ => {}
            }
        }
    }
    None
}

/// The error for a link sync will not commit.
pub(super) fn refuse_link(data_dir: &Path, link: &str) -> anyhow::Error {
    let target = std::fs::read_link(data_dir.join(link)).map(|t| t.display().to_string()).unwrap_or_default();
    anyhow::anyhow!(
        "{link} in {} is a symbolic link (to {target}); sync never commits links, as another machine would get the link, not your text.\n\
         nothing was committed or sent. Replace the link with a copy of the file it points to, then sync again",
        data_dir.display()
    )
}

/// Notes over [`MAX_NOTE_BYTES`]: other machines would refuse them.
fn first_huge_note(data_dir: &Path, staged: &[String]) -> Option<String> {
    staged
        .iter()
        .find(|p| {
            p.starts_with("notes/")
                && std::fs::symlink_metadata(data_dir.join(p)).is_ok_and(|m| m.len() > MAX_NOTE_BYTES)
        })
        .cloned()
}

/// Stages the changes to learnpath's own files, and nothing else: the
/// paths are named to `git add`, and anything else staged (by hand, or by
/// a `.gitignore` a remote sent) is unstaged again. Refuses a link or an
/// oversized note.
pub(super) fn stage(git: &Git<'_>) -> Result<()> {
    let data_dir = git.dir();
    let tracked = names(&git.bytes(&["ls-files", "-z"])?);
    let specs: Vec<&str> = [FILE_NAME, "notes", ".gitattributes", ".gitignore"]
        .into_iter()
        .filter(|top| {
            std::fs::symlink_metadata(data_dir.join(top)).is_ok()
                || tracked.iter().any(|t| t == top || t.strip_prefix(top).is_some_and(|r| r.starts_with('/')))
        })
        .collect();
    if specs.is_empty() {
        return Ok(());
    }
    git.step(&[&["add", "-A", "--"][..], &specs].concat(), "cannot stage the data dir's changes")?;
    let raw = git.bytes(&["diff", "--cached", "--raw", "-z", "--no-renames"])?;
    let mut staged = Vec::new();
    let mut fields = raw.split(|&b| b == 0).filter(|f| !f.is_empty());
    while let (Some(head), Some(path)) = (fields.next(), fields.next()) {
        let head = String::from_utf8_lossy(head);
        let path = String::from_utf8_lossy(path).into_owned();
        let new_mode = head.split(' ').nth(1).unwrap_or("");
        if !is_synced(&path) {
            git.run(&["reset", "-q", "--", &path])?;
        } else if matches!(new_mode, "120000" | "160000") {
            git.run(&["reset", "-q", "--", &path])?;
            return Err(refuse_link(data_dir, &path));
        } else {
            staged.push(path);
        }
    }
    if let Some(note) = first_huge_note(data_dir, &staged) {
        git.run(&["reset", "-q", "--", &note])?;
        bail!(
            "{note} is over {} MiB, more than a note may be to sync; nothing was committed or sent. Shorten it, then sync again",
            MAX_NOTE_BYTES >> 20
        );
    }
    Ok(())
}

/// Files in the data dir that sync leaves alone, to be named: those never
/// committed, and those an earlier version committed that are not
/// learnpath's (named, not removed from git, which would delete them on
/// every other machine).
pub(super) fn strays(git: &Git<'_>) -> Result<(Vec<String>, Vec<String>)> {
    let untracked = names(&git.bytes(&[
        "ls-files",
        "-z",
        "--others",
        "--ignored",
        "--exclude-standard",
        "--directory",
        "--no-empty-directory",
    ])?);
    let tracked = names(&git.bytes(&["ls-files", "-z"])?);
    let keep =
        |p: &String| !is_synced(p.trim_end_matches('/')) && !is_expected_local(p.trim_end_matches('/'));
    Ok((untracked.into_iter().filter(keep).collect(), tracked.into_iter().filter(keep).collect()))
}

/// Makes learnpath's files that git wrote readable by their owner only, as
/// the files learnpath writes itself are.
pub(super) fn make_private(data_dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private = |path: &Path| {
            if let Ok(meta) = std::fs::symlink_metadata(path)
                && meta.is_file()
                && meta.permissions().mode() & 0o077 != 0
            {
                let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
            }
        };
        private(&data_dir.join(FILE_NAME));
        let mut dirs = vec![data_dir.join("notes")];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                match entry.file_type() {
                    Ok(t) if t.is_dir() => dirs.push(entry.path()),
                    Ok(t) if t.is_file() => private(&entry.path()),
                    _ => {}
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = data_dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_progress_notes_and_the_git_files_sync() {
        for yes in [
            "progress.json",
            "notes/backend/dsa/big-o.md",
            "notes/a/b/c/d.md",
            ".gitignore",
            ".gitattributes",
        ] {
            assert!(is_synced(yes), "{yes}");
        }
        for no in ["state.json", "secrets.txt", "sub/y", "notes/x.png", "progress.json.lock", "notes.md"] {
            assert!(!is_synced(no), "{no}");
        }
    }

    #[test]
    fn learnpaths_own_local_files_are_not_named_as_strays() {
        for own in [
            "state.json",
            "progress.json.lock",
            "progress.json.corrupt-17",
            ".progress.json.a1b2c3",
            "notes/x/.t.md.swp",
        ] {
            assert!(is_expected_local(own), "{own}");
        }
        assert!(!is_expected_local("secrets.txt"));
    }
}
