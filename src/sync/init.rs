//! `learnpath sync init [--adopt] [REMOTE]`: making the data dir a git
//! repository of learnpath's, by cloning, by starting one, or by taking
//! over one the learner made.

use std::path::Path;

use anyhow::{Context, Result, bail};

use super::git::{Git, Prompts};
use super::{BRANCH, check, files, has_remote, is_git, is_learnpaths, not_learnpaths, set_up, sync};

/// Makes the data dir a git repository (cloning REMOTE into an empty or
/// missing data dir), installs the merge drivers, commits learnpath's
/// files, and syncs with REMOTE if given. A repository learnpath did not
/// make is refused, unchanged, unless `adopt`.
pub fn init(data_dir: &Path, remote: Option<&str>, adopt: bool, prompts: Prompts) -> Result<String> {
    if let Some(remote) = remote {
        if remote.starts_with('-') {
            bail!("{remote:?} is not a git remote (a remote never starts with '-'); nothing was changed");
        }
        if remote.trim().is_empty() {
            bail!("the remote is empty: give a git URL or the path of a repository");
        }
    }
    let git = Git::new(data_dir, prompts);
    let foreign = is_git(data_dir) && !is_learnpaths(&git)?;
    if foreign && !adopt {
        return Err(not_learnpaths(data_dir));
    }
    let empty = std::fs::read_dir(data_dir).map_or(true, |mut it| it.next().is_none());
    let mut said = Vec::new();
    if let (Some(remote), true) = (remote, empty && !is_git(data_dir)) {
        said.push(clone(data_dir, remote, prompts)?);
    } else {
        std::fs::create_dir_all(data_dir).with_context(|| format!("cannot create {}", data_dir.display()))?;
        if foreign {
            said.push(take_over(&git, remote)?);
        } else if !is_git(data_dir) {
            git.step(&["init", "-q"], "cannot make the data dir a git repository")?;
            said.push(format!("{} is now a git repository", data_dir.display()));
        }
        // An empty repository has no branch yet: the remote's, else main.
        if git.commit_id("HEAD")?.is_none() && !foreign {
            let branch = remote.map_or_else(|| BRANCH.to_string(), |r| default_branch(&git, r));
            git.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{branch}")])?;
        }
        if let Some(remote) = remote {
            if has_remote(&git)? {
                git.run(&["remote", "set-url", "origin", "--", remote])?;
            } else {
                git.run(&["remote", "add", "origin", "--", remote])?;
            }
        }
    }
    set_up(data_dir, &git)?;
    said.push("merge drivers installed: progress.json and notes merge without conflicts".into());
    if remote.is_some() || has_remote(&git)? {
        said.push(sync(data_dir, prompts)?.to_string());
    } else {
        let mut report = super::Report::default();
        super::commit(&git, &mut report, "learnpath: start syncing")?;
        (report.strays, report.tracked_strays) = files::strays(&git)?;
        said.push(report.to_string());
    }
    Ok(said.join("\n"))
}

/// Clones `remote` into the empty `data_dir` without checking anything
/// out, checks what it holds as a sync checks what comes in, and only then
/// writes the files. A remote that fails the check leaves nothing behind.
fn clone(data_dir: &Path, remote: &str, prompts: Prompts) -> Result<String> {
    let parent = data_dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let target = data_dir.to_string_lossy();
    let args = ["clone", "-q", "--no-checkout", "--config", "core.symlinks=false", "--", remote, &target];
    Git::new(parent, prompts).step(&args, &format!("cannot clone {remote}"))?;
    let git = Git::new(data_dir, prompts);
    match git.commit_id("HEAD")? {
        // An empty remote: name the branch the first push makes.
        None => git.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{BRANCH}")]).map(drop)?,
        Some(head) => {
            let bad = check::check(&git, &head, None)?;
            if !bad.is_empty() {
                let _ = std::fs::remove_dir_all(data_dir.join(".git"));
                let _ = std::fs::remove_dir(data_dir);
                bail!(
                    "{}\nnothing was written to {}; once a machine that syncs with {remote} has run `learnpath sync --repair`, run this again",
                    check::refusal(&bad),
                    data_dir.display()
                );
            }
            git.step(&["reset", "-q", "--hard", &head], "cannot write the cloned files")?;
            files::make_private(data_dir);
        }
    }
    Ok(format!("cloned {remote} into {}", data_dir.display()))
}

/// The remote's default branch, or [`BRANCH`] for an empty or unreachable
/// one.
fn default_branch(git: &Git<'_>, remote: &str) -> String {
    git.run(&["ls-remote", "--symref", "--", remote, "HEAD"])
        .ok()
        .and_then(|out| {
            out.lines()
                .find_map(|l| l.strip_prefix("ref: refs/heads/")?.strip_suffix("\tHEAD").map(str::to_string))
        })
        // A name a remote chose must not read as an option later.
        .filter(|b| {
            !b.starts_with('-')
                && !b.is_empty()
                && git.ok(&["check-ref-format", "--branch", b]).unwrap_or(false)
        })
        .unwrap_or_else(|| BRANCH.to_string())
}

/// `--adopt`: takes over a repository learnpath did not make. learnpath
/// syncs on a branch of its own, named like the remote's default branch,
/// that starts empty and only ever holds learnpath's files; the learner's
/// branches, remote and files stay as they were (renamed where a name is
/// needed). Nothing of the old history is pushed.
fn take_over(git: &Git<'_>, remote: Option<&str>) -> Result<String> {
    let origin = git.run(&["remote", "get-url", "origin"]).ok();
    match (remote, &origin) {
        (None, Some(origin)) => bail!(
            "{} has a remote, origin ({origin}), that learnpath did not set up; nothing was changed.\n\
             name the remote to sync with: `learnpath sync init --adopt REMOTE` (it may be {origin} itself)",
            git.dir().display()
        ),
        (Some(remote), Some(origin)) if remote != origin => {
            let kept = free_name(git, "remote", "origin-before-learnpath")?;
            git.run(&["remote", "rename", "origin", &kept])?;
        }
        _ => {}
    }
    let branch = remote.map_or_else(|| BRANCH.to_string(), |r| default_branch(git, r));
    take_over_as(git, &branch)
}

fn take_over_as(git: &Git<'_>, branch: &str) -> Result<String> {
    let old = git.branch();
    let mut said = format!(
        "took over the git repository in {}: learnpath syncs on its own branch {branch}",
        git.dir().display()
    );
    if git.commit_id(&format!("refs/heads/{branch}"))?.is_some() {
        let kept = free_name(git, "branch", &format!("{branch}-before-learnpath"))?;
        git.run(&["branch", "-m", branch, &kept])?;
        said.push_str(&format!("; your branch {branch} is kept as {kept}"));
    } else if let Some(old) = old {
        said.push_str(&format!("; your branch {old} is kept as it was"));
    }
    git.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{branch}")])?;
    // The new branch starts empty; the files stay on disk, untracked.
    git.run(&["read-tree", "--empty"])?;
    said.push_str("; files that are not learnpath's stay here and are never committed");
    Ok(said)
}

/// `base`, or `base-2`, `base-3`… whichever no branch or remote has.
fn free_name(git: &Git<'_>, kind: &str, base: &str) -> Result<String> {
    for n in 1..1000 {
        let name = if n == 1 { base.to_string() } else { format!("{base}-{n}") };
        let taken = match kind {
            "branch" => git.commit_id(&format!("refs/heads/{name}"))?.is_some(),
            _ => git.ok(&["remote", "get-url", &name])?,
        };
        if !taken {
            return Ok(name);
        }
    }
    bail!("no free name for the {kind} {base}")
}
