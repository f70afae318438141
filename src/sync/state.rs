//! Where syncing stands: for the TUI's status line and `status --json`.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Result;

use super::git::{Git, Prompts};
use super::{BRANCH, is_git, report::snapshot, sync};
use crate::progress::ProgressFile;

/// Where a background sync stands, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// A sync is running.
    Syncing,
    /// Everything is sent and everything there was came in.
    Synced,
    /// This many changes were made since the last sync.
    ToSend(usize),
    /// The last sync could not reach the remote; this many changes wait.
    Offline(usize),
    /// The other machines sent something this learnpath cannot take in;
    /// nothing of it came in (see [`super::Refused`]).
    Refused,
}

impl State {
    /// The state after one more local change.
    pub fn changed(self) -> State {
        match self {
            State::Syncing => State::Syncing,
            State::Synced => State::ToSend(1),
            State::ToSend(n) => State::ToSend(n + 1),
            State::Offline(n) => State::Offline(n + 1),
            State::Refused => State::Refused,
        }
    }

    /// How the status line says it.
    pub fn label(self) -> String {
        match self {
            State::Syncing => "⇅ syncing…".into(),
            State::Synced => "⇅ synced".into(),
            State::ToSend(n) => format!("⇅ {n} to send"),
            State::Offline(0) => "⇅ offline".into(),
            State::Offline(n) => format!("⇅ offline · {n} to send"),
            State::Refused => "⇅ refused · run learnpath sync".into(),
        }
    }
}

/// Syncs without ever asking the learner anything (for the TUI's
/// background sync) and says where that leaves things, and why not when it
/// failed.
pub fn in_background(data_dir: &Path) -> (State, Option<String>) {
    match sync(data_dir, Prompts::Never) {
        Ok(_) => (State::Synced, None),
        Err(e) => match e.downcast_ref::<super::Refused>() {
            Some(refused) => (State::Refused, Some(refused.short())),
            // A status line has one line.
            None => {
                (State::Offline(pending(data_dir).unwrap_or(0)), Some(format!("{e:#}").replace('\n', "; ")))
            }
        },
    }
}

/// How many changes this machine has that the remote has not: entries of
/// `progress.json` that differ from the remote's, and notes changed or
/// new. Everything counts when nothing was ever synced.
pub fn pending(data_dir: &Path) -> Result<usize> {
    let git = Git::new(data_dir, Prompts::Never);
    let branch = git.run(&["symbolic-ref", "--short", "HEAD"]).unwrap_or_else(|_| BRANCH.to_string());
    let theirs = format!("refs/remotes/origin/{branch}");
    let base = git.ok(&["rev-parse", "-q", "--verify", &theirs])?.then_some(theirs);
    let remote: ProgressFile = base
        .as_ref()
        .and_then(|b| git.run(&["show", &format!("{b}:{}", crate::progress::FILE_NAME)]).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let mine = snapshot(data_dir).0;
    let mut count = 0;
    for (id, c) in &mine.curricula {
        let r = remote.curricula.get(id);
        count += c.topics.iter().filter(|(k, e)| r.and_then(|r| r.topics.get(*k)) != Some(*e)).count();
        count += c.resources.iter().filter(|(k, e)| r.and_then(|r| r.resources.get(*k)) != Some(*e)).count();
        count += c.reviews.iter().filter(|(k, e)| r.and_then(|r| r.reviews.get(*k)) != Some(*e)).count();
    }
    let mut notes: BTreeSet<String> = git
        .run(&["ls-files", "--others", "--exclude-standard", "--", "notes"])?
        .lines()
        .map(String::from)
        .collect();
    let changed = match &base {
        Some(base) => git.run(&["diff", "--name-only", base, "--", "notes"])?,
        None => git.run(&["ls-files", "--", "notes"])?,
    };
    notes.extend(changed.lines().map(String::from));
    Ok(count + notes.len())
}

/// What `status --json` says about syncing.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Info {
    /// `"git"` when the data dir is a git repository, else none.
    pub engine: Option<&'static str>,
    /// When this machine last synced.
    pub last: Option<jiff::Timestamp>,
    /// Changes not yet sent (see [`pending`]); none without git.
    pub pending: Option<usize>,
}

/// [`Info`] for `data_dir`. Reads only: nothing is fetched or written.
pub fn info(data_dir: &Path) -> Info {
    if !is_git(data_dir) {
        return Info::default();
    }
    Info { engine: Some("git"), last: crate::resume::last_sync(data_dir), pending: pending(data_dir).ok() }
}
