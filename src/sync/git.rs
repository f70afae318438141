//! Running the system's `git` in the data dir: the learner's own
//! credentials, SSH config and proxies apply, and nothing of git's is
//! reimplemented here.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use anyhow::{Context, Result, bail};

/// How git may talk to the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompts {
    /// It may ask for a password or a passphrase on the terminal
    /// (`learnpath sync` typed by the learner).
    Allowed,
    /// Never: a sync in the background fails instead of waiting for an
    /// answer no one sees.
    Never,
}

/// `git` run in `dir`.
pub struct Git<'a> {
    dir: &'a Path,
    prompts: Prompts,
}

impl<'a> Git<'a> {
    /// Git in `dir`.
    pub fn new(dir: &'a Path, prompts: Prompts) -> Self {
        Git { dir, prompts }
    }

    /// The directory git runs in.
    pub fn dir(&self) -> &Path {
        self.dir
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.args(args).current_dir(self.dir).stdin(Stdio::null()).env("LC_ALL", "C");
        if self.prompts == Prompts::Never {
            cmd.env("GIT_TERMINAL_PROMPT", "0");
            if std::env::var_os("GIT_SSH_COMMAND").is_none() {
                cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
            }
        }
        cmd
    }

    /// Runs git with `args`, whatever its exit status.
    pub fn output(&self, args: &[&str]) -> Result<Output> {
        let mut cmd = self.command(args);
        if self.prompts == Prompts::Allowed {
            // Its prompts go to the terminal; its output is read.
            cmd.stdin(Stdio::inherit());
        }
        crate::children::output(&mut cmd).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                anyhow::anyhow!(
                    "git is not installed (or not on PATH); syncing uses it: install it from https://git-scm.com and try again"
                )
            } else {
                anyhow::Error::new(e).context("cannot run git")
            }
        })
    }

    /// Runs git with `args` and returns what it printed, trimmed; an error
    /// with git's own message if it failed.
    pub fn run(&self, args: &[&str]) -> Result<String> {
        let out = self.output(args)?;
        if !out.status.success() {
            bail!("git {} failed: {}", args.join(" "), said(&out));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Whether git with `args` succeeds (for questions like "is there a
    /// remote branch?").
    pub fn ok(&self, args: &[&str]) -> Result<bool> {
        Ok(self.output(args)?.status.success())
    }

    /// Runs git with `args` and says which command failed, in the
    /// learner's words, if it did.
    pub fn step(&self, args: &[&str], doing: &str) -> Result<String> {
        self.run(args).with_context(|| doing.to_string())
    }
}

/// What git said on failure: its error output, else its output.
pub fn said(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if err.is_empty() { String::from_utf8_lossy(&out.stdout).trim().to_string() } else { err }
}

/// `text` quoted for the POSIX shell git runs merge drivers with (Git for
/// Windows brings one too).
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}
