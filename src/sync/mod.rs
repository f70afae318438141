//! Progress that follows the learner across machines, with git as the
//! engine: the data dir is a git repository, `learnpath sync` commits,
//! merges and pushes, and git's merge drivers run learnpath's own merges, so
//! a pull never conflicts on progress or notes.
//!
//! Why git and no server: every entry of `progress.json` carries its own
//! time and the merge keeps the newer one, which is all a VCS needs from a
//! file to merge it without asking. The learner's remote, credentials and
//! SSH keys already work.

mod git;
pub mod notes_merge;
mod report;
mod state;

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::progress::Progress;
pub use git::Prompts;
use git::{Git, shell_quote};
pub use report::Report;
use report::snapshot;
pub use state::{Info, State, in_background, info, pending};

/// The branch a new synced data dir uses.
const BRANCH: &str = "main";

/// What `.gitattributes` says: which merge driver each file gets.
const ATTRIBUTES: &str = "\
# learnpath's own merges: the newer change per entry, and both texts of a
# note changed on two machines. Set up by `learnpath sync init`.
progress.json merge=learnpath
notes/**/*.md merge=learnpath-note
";

/// What `.gitignore` says: the files that belong to one machine.
const IGNORE: &str = "\
# This machine's own: where it was in each path, its device id, and
# learnpath's lock, temp and kept-aside files.
state.json
.*.json.*
*.lock
*.corrupt-*
*~
*.swp
";

/// Whether `data_dir` is synced with git.
pub fn is_git(data_dir: &Path) -> bool {
    data_dir.join(".git").exists()
}

/// `learnpath sync init [REMOTE]`: makes the data dir a git repository
/// (cloning REMOTE into an empty or missing data dir), installs the merge
/// drivers, commits what is there, and syncs with REMOTE if given.
pub fn init(data_dir: &Path, remote: Option<&str>, prompts: Prompts) -> Result<String> {
    let empty = std::fs::read_dir(data_dir).map_or(true, |mut it| it.next().is_none());
    let mut said = Vec::new();
    if let (Some(remote), true) = (remote, empty && !is_git(data_dir)) {
        let parent = data_dir.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        let target = data_dir.to_string_lossy();
        Git::new(parent, prompts)
            .step(&["clone", "-q", remote, &target], &format!("cannot clone {remote}"))?;
        said.push(format!("cloned {remote} into {}", data_dir.display()));
    } else {
        std::fs::create_dir_all(data_dir).with_context(|| format!("cannot create {}", data_dir.display()))?;
        if !is_git(data_dir) {
            Git::new(data_dir, prompts).step(&["init", "-q"], "cannot make the data dir a git repository")?;
            said.push(format!("{} is now a git repository", data_dir.display()));
        }
    }
    let git = Git::new(data_dir, prompts);
    // An empty repository has no branch yet: name the one it will have.
    if !git.ok(&["rev-parse", "-q", "--verify", "HEAD"])? {
        git.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{BRANCH}")])?;
    }
    if let Some(remote) = remote {
        if git.ok(&["remote", "get-url", "origin"])? {
            git.run(&["remote", "set-url", "origin", remote])?;
        } else {
            git.run(&["remote", "add", "origin", remote])?;
        }
    }
    set_up(data_dir, &git)?;
    said.push("merge drivers installed: progress.json and notes merge without conflicts".into());
    if remote.is_some() || has_remote(&git)? {
        said.push(sync(data_dir, prompts)?.summary());
    } else {
        commit(&git, "learnpath: start syncing")?;
        said.push("add a remote with `learnpath sync init REMOTE` to sync with other machines".into());
    }
    Ok(said.join("\n"))
}

/// Writes the attributes and ignore files, and points the merge drivers at
/// this learnpath (again on every sync, so a moved binary keeps working).
fn set_up(data_dir: &Path, git: &Git<'_>) -> Result<()> {
    for (name, text) in [(".gitattributes", ATTRIBUTES), (".gitignore", IGNORE)] {
        let path = data_dir.join(name);
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if !old.contains(text.lines().nth(2).unwrap_or(text)) {
            let joined =
                if old.is_empty() { text.to_string() } else { format!("{}\n{text}", old.trim_end()) };
            crate::atomic_file::write(&path, joined.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    let exe =
        std::env::current_exe().context("cannot find this learnpath's own path for git's merge driver")?;
    let exe = shell_quote(&exe.to_string_lossy().replace('\\', "/"));
    let config = [
        ("merge.learnpath.name", "learnpath progress (newest change per entry)".to_string()),
        ("merge.learnpath.driver", format!("{exe} merge-file %O %A %B")),
        ("merge.learnpath-note.name", "learnpath note (keeps both texts)".to_string()),
        ("merge.learnpath-note.driver", format!("{exe} merge-file --note %O %A %B")),
    ];
    for (key, value) in config {
        git.run(&["config", key, &value])?;
    }
    // Commits need a name; a learner who never set one still syncs.
    if git.run(&["config", "user.email"]).unwrap_or_default().is_empty() {
        git.run(&["config", "user.email", "learnpath@localhost"])?;
        git.run(&["config", "user.name", "learnpath"])?;
    }
    Ok(())
}

fn has_remote(git: &Git<'_>) -> Result<bool> {
    git.ok(&["remote", "get-url", "origin"])
}

/// Commits everything changed in the data dir; returns whether there was
/// anything. Holds the progress lock, so no save lands half-way.
fn commit(git: &Git<'_>, message: &str) -> Result<bool> {
    git.step(&["add", "-A"], "cannot stage the data dir's changes")?;
    if git.ok(&["diff", "--cached", "--quiet"])? {
        return Ok(false);
    }
    git.step(&["commit", "-q", "--no-verify", "-m", message], "cannot commit the data dir's changes")?;
    Ok(true)
}

/// `learnpath sync`: commits local changes, fetches, merges (never
/// rebases) and pushes. Local changes are committed before anything
/// reaches the network, so an unreachable remote loses nothing: the next
/// sync sends them.
pub fn sync(data_dir: &Path, prompts: Prompts) -> Result<Report> {
    if !is_git(data_dir) {
        bail!(
            "{} is not synced yet: run `learnpath sync init REMOTE` first (REMOTE is a git URL or path)",
            data_dir.display()
        );
    }
    let git = Git::new(data_dir, prompts);
    set_up(data_dir, &git)?;
    let mut report = Report { remote: has_remote(&git)?, ..Report::default() };
    {
        let _lock = Progress::lock(data_dir)?;
        report.committed = commit(&git, "learnpath: progress")?;
    }
    if !report.remote {
        return Ok(report);
    }
    let before = snapshot(data_dir);
    let start = git.run(&["rev-parse", "-q", "--verify", "HEAD"]).unwrap_or_default();
    let branch = git.run(&["symbolic-ref", "--short", "HEAD"]).unwrap_or_else(|_| BRANCH.to_string());
    // Another machine may push between our fetch and push: then again.
    for _ in 0..5 {
        git.step(
            &["fetch", "-q", "origin"],
            "cannot reach the remote; your changes are committed here and the next sync sends them",
        )?;
        let theirs = format!("refs/remotes/origin/{branch}");
        if git.ok(&["rev-parse", "-q", "--verify", &theirs])? {
            {
                let _lock = Progress::lock(data_dir)?;
                merge(&git, &theirs)?;
            }
            // A running TUI skipped the file while git wrote it under the
            // lock; a fresh modification time tells its watcher to look
            // again now that it is whole.
            let _ = std::fs::File::options()
                .write(true)
                .open(data_dir.join(crate::progress::FILE_NAME))
                .and_then(|f| f.set_modified(std::time::SystemTime::now()));
        }
        let pushed = git.output(&["push", "-q", "origin", &format!("HEAD:refs/heads/{branch}")])?;
        if pushed.status.success() {
            let _ = git.run(&["branch", "-q", "--set-upstream-to", &format!("origin/{branch}")]);
            let after = snapshot(data_dir);
            report.count(&before, &after);
            if !start.is_empty() {
                report.notes(&git, &start)?;
            }
            crate::resume::remember_sync(data_dir, jiff::Timestamp::now())?;
            return Ok(report);
        }
        let said = git::said(&pushed);
        if !said.contains("rejected") && !said.contains("fetch first") && !said.contains("non-fast-forward") {
            bail!(
                "cannot push to the remote: {said}\nyour changes are committed here; the next sync sends them"
            );
        }
    }
    bail!("the remote kept changing while syncing; try again")
}

/// Merges `theirs` into the current branch. Git's own conflicts the
/// drivers cannot see (a note deleted on one side and changed on the
/// other) keep the note; anything else aborts the merge, leaving the data
/// dir as it was.
fn merge(git: &Git<'_>, theirs: &str) -> Result<()> {
    let args = ["merge", "-q", "--no-edit", "--allow-unrelated-histories", theirs];
    let out = git.output(&args)?;
    if out.status.success() {
        return Ok(());
    }
    let unmerged = git.run(&["diff", "--name-only", "--diff-filter=U"])?;
    let notes: Vec<&str> = unmerged.lines().filter(|p| p.starts_with("notes/")).collect();
    if !unmerged.is_empty() && notes.len() == unmerged.lines().count() {
        for note in notes {
            // Deleted on one side, changed on the other: the changed text
            // is in the work tree, and kept.
            git.run(&["add", "--", note])?;
        }
        if git.ok(&["commit", "-q", "--no-verify", "--no-edit"])? {
            return Ok(());
        }
    }
    let _ = git.run(&["merge", "--abort"]);
    bail!(
        "cannot merge the other machines' changes: {}\nnothing was lost; the data dir is as it was before this sync",
        git::said(&out)
    )
}

/// `learnpath merge-file [--note] BASE OURS THEIRS`: git's merge driver.
/// Writes the merge to OURS.
pub fn merge_file(note: bool, base: &Path, ours: &Path, theirs: &Path) -> Result<()> {
    if !note {
        return crate::progress::merge_files(ours, theirs);
    }
    let read = |p: &Path| std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned());
    let base = read(base).unwrap_or_default();
    let mine = read(ours).with_context(|| format!("cannot read {}", ours.display()))?;
    let other = read(theirs).with_context(|| format!("cannot read {}", theirs.display()))?;
    let merged = notes_merge::merge(&base, &mine, &other);
    crate::atomic_file::write(ours, merged.as_bytes())
        .with_context(|| format!("cannot write {}", ours.display()))
}
