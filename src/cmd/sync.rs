//! `learnpath sync [init [--adopt] [REMOTE]] [--repair]` and git's merge
//! driver, `learnpath merge-file`.

use std::path::Path;

use anyhow::{Result, bail};

use crate::cli::SyncCommand;
use crate::sync::{self, Prompts};

/// What the learner asked of sync, said in a few lines.
pub fn run(data_dir: &Path, init: Option<&SyncCommand>, repair: bool) -> Result<String> {
    let prompts = Prompts::Allowed;
    Ok(match init {
        Some(SyncCommand::Init { .. }) if repair => {
            bail!("--repair goes with `learnpath sync`, not with `sync init`: run `learnpath sync --repair`")
        }
        Some(SyncCommand::Init { remote, adopt }) => {
            sync::init(data_dir, remote.as_deref(), *adopt, prompts)?
        }
        None if repair => sync::repair(data_dir, prompts)?.to_string(),
        None => sync::sync(data_dir, prompts)?.to_string(),
    })
}
