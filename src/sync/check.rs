//! Judging a commit before any of it reaches the work tree: what the
//! other machines sent must be regular files of learnpath's that this
//! build can read, or nothing of it is taken in.
//!
//! The check reads git's objects (`ls-tree`, `cat-file`), never the work
//! tree, so it covers a fast-forward, a true merge and a merge where only
//! the other side changed `progress.json` (which never reaches the merge
//! driver) alike.

use anyhow::Result;

use super::files::MAX_NOTE_BYTES;
use super::git::Git;
use crate::progress::{FILE_NAME, MAX_FILE_BYTES, readable};

/// One entry of a tree listing.
pub(super) struct Entry {
    pub mode: String,
    pub object: String,
    pub size: Option<u64>,
    pub path: String,
}

/// Every file in `commit`'s tree (`ls-tree -r -l`), or only `paths`.
pub(super) fn tree(git: &Git<'_>, commit: &str, paths: &[&str]) -> Result<Vec<Entry>> {
    let args = [&["ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--"][..], paths].concat();
    let listing = git.bytes(&args)?;
    let mut entries = Vec::new();
    for line in listing.split(|&b| b == 0).filter(|l| !l.is_empty()) {
        let line = String::from_utf8_lossy(line);
        let Some((head, path)) = line.split_once('\t') else { continue };
        let mut parts = head.split_whitespace();
        let (Some(mode), Some(_kind), Some(object), Some(size)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        entries.push(Entry {
            mode: mode.into(),
            object: object.into(),
            size: size.parse().ok(),
            path: path.into(),
        });
    }
    Ok(entries)
}

/// What is wrong with one path of a commit, and who committed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    /// The path, relative to the data dir.
    pub path: String,
    /// What is wrong with it.
    pub why: String,
    /// The commit that brought it (abbreviated), its author and subject.
    pub commit: String,
    /// `Name <email>`.
    pub author: String,
}

impl std::fmt::Display for Bad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (commit {} by {})", self.path, self.why, self.commit, self.author)
    }
}

/// What is wrong with `entry` as a file the data dir could take in.
fn judge(git: &Git<'_>, entry: &Entry) -> Result<Option<String>> {
    let why = match entry.mode.as_str() {
        "120000" => "it is a symbolic link, and sync follows none".to_string(),
        "160000" => "it is a submodule, not a file".to_string(),
        "100644" | "100755" if entry.path == FILE_NAME => {
            if entry.size.is_none_or(|s| s > MAX_FILE_BYTES) {
                format!("it is over {} MiB", MAX_FILE_BYTES >> 20)
            } else {
                match readable(&git.bytes(&["cat-file", "blob", &entry.object])?) {
                    Ok(_) => return Ok(None),
                    Err(why) => format!("this learnpath cannot read it ({why})"),
                }
            }
        }
        "100644" | "100755" if entry.path.starts_with("notes/") => {
            if entry.size.is_none_or(|s| s <= MAX_NOTE_BYTES) {
                return Ok(None);
            }
            format!("the note is over {} MiB", MAX_NOTE_BYTES >> 20)
        }
        // Ignored files are fair game for a checkout: a remote must not
        // replace a machine's own state.
        "100644" | "100755" if entry.path == "state.json" => {
            "it is one machine's own state, never synced".to_string()
        }
        "100644" | "100755" => return Ok(None),
        other => format!("it has mode {other}, not a regular file"),
    };
    Ok(Some(why))
}

/// Everything wrong with `commit` as the other machines' side of a merge
/// into `ours` (none for a first clone). Empty when it may come in.
pub(super) fn check(git: &Git<'_>, commit: &str, ours: Option<&str>) -> Result<Vec<Bad>> {
    let mut bad = Vec::new();
    let entries = tree(git, commit, &[])?;
    for entry in &entries {
        if let Some(why) = judge(git, entry)? {
            bad.push(blame(git, commit, &entry.path, why)?);
        }
    }
    // A commit that deletes the progress file would delete it everywhere.
    if !entries.iter().any(|e| e.path == FILE_NAME)
        && let Some(ours) = ours
        && let Ok(base) = git.run(&["merge-base", ours, commit])
        && !tree(git, &base, &[FILE_NAME])?.is_empty()
    {
        bad.push(blame(git, commit, FILE_NAME, "it deletes the progress file".into())?);
    }
    Ok(bad)
}

/// `why` for `path`, with the last commit up to `commit` that changed it.
fn blame(git: &Git<'_>, commit: &str, path: &str, why: String) -> Result<Bad> {
    let line = git.run(&["log", "-1", "--format=%h%x00%an <%ae>", commit, "--", path]).unwrap_or_default();
    let (short, author) = line.split_once('\0').unwrap_or((commit, "unknown"));
    let short = if short.is_empty() { commit } else { short };
    Ok(Bad { path: path.into(), why, commit: short.into(), author: author.into() })
}

/// The newest version of `path` in `commit`'s history that passes the
/// check, with the commit it is from; none if there is none.
pub(super) fn last_good(git: &Git<'_>, commit: &str, path: &str) -> Result<Option<(String, Vec<u8>)>> {
    let commits = git.run(&["rev-list", "--max-count=1000", commit, "--", path])?;
    for c in std::iter::once(commit).chain(commits.lines()) {
        let Some(entry) = tree(git, c, &[path])?.into_iter().find(|e| e.path == path) else { continue };
        if judge(git, &entry)?.is_none() {
            let short = git.run(&["rev-parse", "--short", c])?;
            return Ok(Some((short, git.bytes(&["cat-file", "blob", &entry.object])?)));
        }
    }
    Ok(None)
}

/// The other machines' side could not be taken in: the error `sync`
/// fails with, so the TUI can tell it from being offline.
#[derive(Debug)]
pub struct Refused(pub Vec<Bad>);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&refusal(&self.0))
    }
}

impl std::error::Error for Refused {}

impl Refused {
    /// One line for a status line: what and who, and where to read more.
    pub fn short(&self) -> String {
        let what = self.0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
        format!(
            "the other machines' changes were not taken in ({what}); nothing here changed. `learnpath sync` says more; `learnpath sync --repair` fixes a bad push"
        )
    }
}

/// Why a merge of `bad` is refused, and the ways out.
pub(super) fn refusal(bad: &[Bad]) -> String {
    let mut text = String::from("the other machines' changes were not taken in:\n");
    for b in bad {
        text.push_str(&format!("  {b}\n"));
    }
    text.push_str(
        "nothing was merged: this machine's progress and notes are as they were, and stay committed here.\n",
    );
    if bad.iter().any(|b| b.why.contains("newer learnpath")) {
        text.push_str("a newer learnpath wrote that file: upgrade learnpath here, then sync again.\n");
    }
    text.push_str(
        "if that commit is a mistake, `learnpath sync --repair` puts back the last good version, merged with this machine's progress, and sends it to every machine",
    );
    text
}
