//! The way out of one bad push: a commit on top of the remote's that puts
//! back the last good version of every file the check refused.
//!
//! It is built in a temporary index from git's objects alone, so the work
//! tree never holds the bad files, and it descends from the bad commit, so
//! the push that sends it is an ordinary fast-forward for every machine.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::check::{Bad, last_good};
use super::git::Git;
use crate::progress::FILE_NAME;

/// A commit on top of `bad_commit` with each of `bad`'s paths replaced by
/// its last good version (`progress.json` merged with this machine's), or
/// removed when it never had one.
pub(super) fn fix(git: &Git<'_>, bad_commit: &str, bad: &[Bad]) -> Result<String> {
    let git_dir = PathBuf::from(git.run(&["rev-parse", "--absolute-git-dir"])?);
    let index = git_dir.join("learnpath-repair-index");
    let _ = std::fs::remove_file(&index);
    let env = [("GIT_INDEX_FILE", index.as_path())];
    let in_index = |args: &[&str]| -> Result<String> {
        let out = git.output_with(args, &env)?;
        if !out.status.success() {
            bail!("cannot repair: git {} failed: {}", args.join(" "), super::git::said(&out));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    in_index(&["read-tree", bad_commit])?;
    let mut paths: Vec<&str> = bad.iter().map(|b| b.path.as_str()).collect();
    paths.dedup();
    for path in paths {
        let version = if path == FILE_NAME {
            Some(progress(git, bad_commit, &git_dir)?)
        } else {
            last_good(git, bad_commit, path)?.map(|(_, bytes)| bytes)
        };
        match version {
            Some(bytes) => {
                let blob = store(git, &git_dir, &bytes)?;
                in_index(&["update-index", "--add", "--cacheinfo", &format!("100644,{blob},{path}")])?;
            }
            None => {
                in_index(&["update-index", "--force-remove", "--", path])?;
            }
        }
    }
    let tree = in_index(&["write-tree"])?;
    let _ = std::fs::remove_file(&index);
    let message = format!(
        "learnpath: repair {}\n\n{}",
        bad.iter().map(|b| b.path.as_str()).collect::<Vec<_>>().join(", "),
        bad.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    );
    git.step(&["commit-tree", &tree, "-p", bad_commit, "-m", &message], "cannot commit the repair")
}

/// The last readable progress in `bad_commit`'s history merged with this
/// machine's committed progress.
fn progress(git: &Git<'_>, bad_commit: &str, _git_dir: &Path) -> Result<Vec<u8>> {
    let mut versions = Vec::new();
    if let Some((_, bytes)) = last_good(git, bad_commit, FILE_NAME)? {
        versions.push(bytes);
    }
    if let Some(head) = git.commit_id("HEAD")?
        && let Some((_, bytes)) = last_good(git, &head, FILE_NAME)?
    {
        versions.push(bytes);
    }
    let refs: Vec<&[u8]> = versions.iter().map(Vec::as_slice).collect();
    crate::progress::merged_versions(&refs)
}

/// Writes `bytes` into git's object store; returns the blob's id.
fn store(git: &Git<'_>, git_dir: &Path, bytes: &[u8]) -> Result<String> {
    let file = git_dir.join("learnpath-repair-blob");
    std::fs::write(&file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
    let path = file.to_string_lossy().into_owned();
    let blob =
        git.step(&["hash-object", "-w", "--no-filters", "--", &path], "cannot store the repaired file");
    let _ = std::fs::remove_file(&file);
    blob
}
