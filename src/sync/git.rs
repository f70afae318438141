//! Running the system's `git` in the data dir: the learner's own
//! credentials, SSH config and proxies apply, and nothing of git's is
//! reimplemented here.
//!
//! Git is used as a tool, never as a shell: a synced data dir holds what a
//! remote sent, and whatever git could be made to run from there (hooks,
//! an `ext::` transport, an fsmonitor command) or to look at instead
//! (`GIT_DIR` and its kin in the environment) is switched off for every
//! call. The learner's SSH and `GIT_CONFIG_*` set-up stays.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use anyhow::{Result, bail};

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

/// Where git looks for hooks: a path that can hold none, so no hook of the
/// data dir's repository, nor of the learner's global `core.hooksPath`,
/// ever runs.
const NO_HOOKS: &str = if cfg!(windows) { "NUL" } else { "/dev/null" };

/// The options every call gets, before its subcommand.
fn safety() -> [String; 6] {
    [
        "-c".into(),
        format!("core.hooksPath={NO_HOOKS}"),
        "-c".into(),
        "protocol.ext.allow=never".into(),
        "-c".into(),
        "core.fsmonitor=false".into(),
    ]
}

/// What `git rev-parse --local-env-vars` printed in git 2.47: used when
/// asking git fails.
const LOCAL_ENV: &[&str] = &[
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_OBJECT_DIRECTORY",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_IMPLICIT_WORK_TREE",
    "GIT_GRAFT_FILE",
    "GIT_INDEX_FILE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_REPLACE_REF_BASE",
    "GIT_PREFIX",
    "GIT_SHALLOW_FILE",
    "GIT_COMMON_DIR",
];

/// The variables that would point git at another repository than the data
/// dir's, as this git names them; `GIT_CONFIG_*` stays, as git keeps it for
/// the repositories it runs in itself (submodules).
fn local_env() -> &'static [String] {
    static VARS: OnceLock<Vec<String>> = OnceLock::new();
    VARS.get_or_init(|| {
        let mut cmd = Command::new("git");
        cmd.args(["rev-parse", "--local-env-vars"]).stdin(Stdio::null());
        for var in LOCAL_ENV {
            cmd.env_remove(var);
        }
        let asked = crate::children::output(&mut cmd)
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).split_whitespace().map(String::from).collect());
        let mut vars: Vec<String> = asked.unwrap_or_default();
        vars.extend(LOCAL_ENV.iter().map(|v| v.to_string()));
        vars.retain(|v| !v.starts_with("GIT_CONFIG_"));
        vars.sort();
        vars.dedup();
        vars
    })
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

    fn command(&self, args: &[&str], env: &[(&str, &Path)]) -> Command {
        let mut cmd = Command::new("git");
        cmd.args(safety()).args(args).current_dir(self.dir).stdin(Stdio::null()).env("LC_ALL", "C");
        for var in local_env() {
            cmd.env_remove(var);
        }
        for (key, value) in env {
            cmd.env(key, value);
        }
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
        self.output_with(args, &[])
    }

    /// [`Git::output`] with `env` set (a temporary index, say).
    pub fn output_with(&self, args: &[&str], env: &[(&str, &Path)]) -> Result<Output> {
        let mut cmd = self.command(args, env);
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
        Ok(String::from_utf8_lossy(&self.bytes(args)?).trim().to_string())
    }

    /// Runs git with `args` and returns its output as it is (a file's
    /// bytes, or `-z` lists whose names may end in spaces).
    pub fn bytes(&self, args: &[&str]) -> Result<Vec<u8>> {
        let out = self.output(args)?;
        if !out.status.success() {
            bail!("git {} failed: {}", args.join(" "), said(&out));
        }
        Ok(out.stdout)
    }

    /// Whether git with `args` succeeds (for questions like "is there a
    /// remote branch?").
    pub fn ok(&self, args: &[&str]) -> Result<bool> {
        Ok(self.output(args)?.status.success())
    }

    /// Runs git with `args` and says which command failed, in the
    /// learner's words, if it did.
    pub fn step(&self, args: &[&str], doing: &str) -> Result<String> {
        anyhow::Context::with_context(self.run(args), || doing.to_string())
    }

    /// The commit `rev` names, resolved once, if it exists.
    pub fn commit_id(&self, rev: &str) -> Result<Option<String>> {
        let out = self.output(&["rev-parse", "-q", "--verify", &format!("{rev}^{{commit}}")])?;
        Ok(out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string()))
    }

    /// The branch HEAD is on, if any.
    pub fn branch(&self) -> Option<String> {
        self.run(&["symbolic-ref", "-q", "--short", "HEAD"]).ok().filter(|b| !b.is_empty())
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

/// The names in a `-z` list.
pub fn names(bytes: &[u8]) -> Vec<String> {
    bytes
        .split(|&b| b == 0)
        .filter(|n| !n.is_empty())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_that_points_elsewhere_goes_and_config_and_ssh_stay() {
        let vars = local_env();
        for gone in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"] {
            assert!(vars.iter().any(|v| v == gone), "{gone} is removed");
        }
        assert!(!vars.iter().any(|v| v.starts_with("GIT_CONFIG_") || v.starts_with("GIT_SSH")), "{vars:?}");
    }

    #[test]
    fn every_call_turns_off_hooks_ext_and_fsmonitor_before_its_subcommand() {
        let dir = std::env::temp_dir();
        let cmd = Git::new(&dir, Prompts::Never).command(&["status"], &[]);
        let args: Vec<String> = cmd.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
        assert_eq!(args.last().map(String::as_str), Some("status"));
        for want in [
            format!("core.hooksPath={NO_HOOKS}"),
            "protocol.ext.allow=never".into(),
            "core.fsmonitor=false".into(),
        ] {
            assert!(args.contains(&want), "{args:?}");
        }
    }
}
