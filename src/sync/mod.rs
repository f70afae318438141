//! Progress that follows the learner across machines, with git as the
//! engine: the data dir is a git repository, `learnpath sync` commits,
//! merges and pushes, and git's merge drivers run learnpath's own merges, so
//! a pull never conflicts on progress or notes.
//!
//! Why git and no server: every entry of `progress.json` carries its own
//! time and the merge keeps the newer one, which is all a VCS needs from a
//! file to merge it without asking. The learner's remote, credentials and
//! SSH keys already work.
//!
//! What a shared remote must never do, and the guard for each: wipe
//! progress (a file this build cannot read is neither committed nor taken
//! in: [`check`]), reach outside the data dir (no links are committed or
//! taken in, checkouts write plain files: [`files`]), or run anything
//! (git runs with hooks, `ext::` and fsmonitor off: [`git`]).

mod check;
mod files;
pub mod git;
mod init;
pub mod notes_merge;
mod repair;
mod report;
mod state;

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::progress::{FILE_NAME, Local, Progress};
pub use check::{Bad, Refused};
pub use files::MAX_NOTE_BYTES;
pub use git::Prompts;
use git::{Git, shell_quote};
pub use init::init;
use report::snapshot;
pub use report::{PutBack, Report};
pub use state::{Info, State, in_background, info, pending};

/// The branch a new synced data dir uses when the remote has none.
const BRANCH: &str = "main";

/// Whether `data_dir` is synced with git.
pub fn is_git(data_dir: &Path) -> bool {
    data_dir.join(".git").exists()
}

/// Whether learnpath set up this repository (it has learnpath's merge
/// driver in its own config).
fn is_learnpaths(git: &Git<'_>) -> Result<bool> {
    git.ok(&["config", "--local", "--get", "merge.learnpath.driver"])
}

/// The error for a repository learnpath did not make.
fn not_learnpaths(data_dir: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "{} is a git repository that learnpath did not set up, so sync changes nothing in it.\n\
         to sync it anyway, run `learnpath sync init --adopt REMOTE`: learnpath then commits only its own files \
         (progress.json and notes), on its own branch, and keeps your branches and other files as they are",
        data_dir.display()
    )
}

/// Writes the attributes and ignore files, and points the merge drivers at
/// this learnpath (again on every sync, so a moved binary keeps working).
fn set_up(data_dir: &Path, git: &Git<'_>) -> Result<()> {
    for (name, text) in [(".gitattributes", files::ATTRIBUTES), (".gitignore", files::IGNORE)] {
        let path = data_dir.join(name);
        // Ours whole: a remote's version must not widen what is committed.
        if crate::regular::read(&path).ok().as_deref() != Some(text.as_bytes()) {
            crate::atomic_file::write(&path, text.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    let exe =
        std::env::current_exe().context("cannot find this learnpath's own path for git's merge driver")?;
    let exe = shell_quote(&exe.to_string_lossy().replace('\\', "/"));
    let config = [
        ("merge.learnpath.name", "learnpath progress (newest change per entry)".to_string()),
        ("merge.learnpath.driver", format!("{exe} merge-file %O %A %B")),
        (
            "merge.learnpath-note.name",
            "learnpath note (three-way, both versions of lines both changed)".to_string(),
        ),
        ("merge.learnpath-note.driver", format!("{exe} merge-file --note %O %A %B")),
        // A checkout writes a link as a plain file holding its target.
        ("core.symlinks", "false".to_string()),
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

/// Commits the changes to learnpath's files, under the progress lock so
/// no save lands half-way; returns whether there were any. A damaged or
/// missing `progress.json` is never committed: the last good version git
/// holds is put back in its place (a damaged file kept aside first).
fn commit(git: &Git<'_>, report: &mut Report, message: &str) -> Result<bool> {
    let data_dir = git.dir();
    // Before the lock: the lock file goes beside a link's target.
    if let Some(link) = files::first_link(data_dir) {
        return Err(files::refuse_link(data_dir, &link));
    }
    let lock = Progress::lock(data_dir)?;
    let head = git.commit_id("HEAD")?;
    match crate::progress::judge_local(data_dir, &lock)? {
        Local::Readable => {
            if let Some(head) = &head
                && let Some((from, bytes)) = check::last_good(git, head, FILE_NAME)?
                && crate::progress::take_in(data_dir, &bytes, &lock)?
            {
                report.taken_back = Some(from);
            }
        }
        Local::Newer(format) => bail!(
            "{} has format {format}, from a newer learnpath than this one: sync with that learnpath; nothing was committed or sent",
            data_dir.join(FILE_NAME).display()
        ),
        local => {
            let good = match &head {
                Some(head) => check::last_good(git, head, FILE_NAME)?,
                None => None,
            };
            if local != Local::Missing || good.is_some() {
                let (from, bytes) = good.unwrap_or_default();
                let bytes = if bytes.is_empty() { b"{\"format\": 1}".to_vec() } else { bytes };
                let aside = crate::progress::put_back(data_dir, &bytes, &lock)?;
                let why = match local {
                    Local::Damaged(why) => why,
                    _ => "it was missing".into(),
                };
                report.put_back = Some(PutBack { why, aside, from: (!from.is_empty()).then_some(from) });
            }
        }
    }
    files::stage(git)?;
    if git.ok(&["diff", "--cached", "--quiet"])? {
        return Ok(false);
    }
    git.step(&["commit", "-q", "--no-verify", "-m", message], "cannot commit the data dir's changes")?;
    Ok(true)
}

/// `learnpath sync`: commits local changes, fetches, checks what came,
/// merges it (never rebases) and pushes. Local changes are committed
/// before anything reaches the network, so an unreachable remote loses
/// nothing: the next sync sends them. What the other machines sent is
/// refused whole if any of it is not learnpath's to take in.
pub fn sync(data_dir: &Path, prompts: Prompts) -> Result<Report> {
    exchange(data_dir, prompts, false)
}

/// `learnpath sync --repair`: a sync that, where the other machines' side
/// cannot be taken in, first commits on top of it the last good version
/// of each bad file (progress merged with this machine's), so every
/// machine can sync again.
pub fn repair(data_dir: &Path, prompts: Prompts) -> Result<Report> {
    exchange(data_dir, prompts, true)
}

fn exchange(data_dir: &Path, prompts: Prompts, repair: bool) -> Result<Report> {
    if !is_git(data_dir) {
        bail!(
            "{} is not synced yet: run `learnpath sync init REMOTE` first (REMOTE is a git URL or path)",
            data_dir.display()
        );
    }
    let git = Git::new(data_dir, prompts);
    if !is_learnpaths(&git)? {
        return Err(not_learnpaths(data_dir));
    }
    set_up(data_dir, &git)?;
    let mut report = Report { remote: has_remote(&git)?, repair, ..Report::default() };
    report.committed = commit(&git, &mut report, "learnpath: progress")?;
    (report.strays, report.tracked_strays) = files::strays(&git)?;
    if !report.remote {
        if repair {
            bail!("there is no remote to repair: `learnpath sync init REMOTE` adds one");
        }
        return Ok(report);
    }
    let before = snapshot(data_dir);
    let start = git.commit_id("HEAD")?;
    let branch = git.branch().unwrap_or_else(|| BRANCH.to_string());
    // Another machine may push between our fetch and push: then again.
    for _ in 0..5 {
        git.step(
            &["fetch", "-q", "--no-tags", "--", "origin"],
            "cannot reach the remote; your changes are committed here and the next sync sends them",
        )?;
        // One id, resolved once: a fetch running meanwhile cannot swap
        // what was checked for what is merged.
        let fetched = git.commit_id(&format!("refs/remotes/origin/{branch}"))?;
        let head = git.commit_id("HEAD")?;
        // Already in this history: nothing comes in, nothing to check.
        let known = |id: &str| {
            head.as_deref().is_some_and(|h| git.ok(&["merge-base", "--is-ancestor", id, h]).unwrap_or(false))
        };
        if let Some(id) = fetched.filter(|id| !known(id)) {
            let bad = check::check(&git, &id, head.as_deref())?;
            let theirs = if bad.is_empty() {
                id
            } else if repair {
                let fixed = repair::fix(&git, &id, &bad)?;
                report.repaired = bad;
                fixed
            } else {
                return Err(check::Refused(bad).into());
            };
            {
                let _lock = Progress::lock(data_dir)?;
                merge(&git, &theirs)?;
            }
            files::make_private(data_dir);
            // A running TUI skipped the file while git wrote it under the
            // lock; a fresh modification time tells its watcher to look
            // again now that it is whole.
            let _ = std::fs::File::options()
                .write(true)
                .open(data_dir.join(FILE_NAME))
                .and_then(|f| f.set_modified(std::time::SystemTime::now()));
            report.theirs = Some(theirs);
        }
        let pushed = git.output(&["push", "-q", "origin", &format!("HEAD:refs/heads/{branch}")])?;
        if pushed.status.success() {
            let _ = git.run(&["branch", "-q", "--set-upstream-to", &format!("origin/{branch}")]);
            let after = snapshot(data_dir);
            report.count(&before, &after);
            if let Some(start) = &start {
                report.notes(&git, start)?;
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

/// Merges commit `theirs` into the current branch. Git's own conflicts the
/// drivers cannot see (a note deleted on one side and changed on the
/// other) keep the note; anything else aborts the merge, leaving the data
/// dir as it was.
fn merge(git: &Git<'_>, theirs: &str) -> Result<()> {
    let message = "learnpath: merge the other machines' changes";
    let args = ["merge", "-q", "--no-edit", "--allow-unrelated-histories", "-m", message, theirs];
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
