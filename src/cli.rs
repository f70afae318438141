//! The command line: options and subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cmd::ExportFormat;
use crate::theme::ThemeName;

/// Walk a learning path in the terminal: browse its steps, tick off topics,
/// open resources, and keep your progress.
#[derive(Debug, Parser)]
#[command(name = "learnpath", version, after_long_help = crate::app::keymap::help_text())]
pub struct Cli {
    /// Curriculum file to open instead of the shipped backend path
    #[arg(long, global = true, value_name = "FILE")]
    pub curriculum: Option<PathBuf>,

    /// Where progress.json lives [default: the platform's data dir]
    #[arg(long, global = true, value_name = "DIR", env = "LEARNPATH_DATA_DIR", hide_env_values = true,
          value_parser = clap::value_parser!(std::ffi::OsString))]
    pub data_dir: Option<std::ffi::OsString>,

    /// Where config.toml and curricula/ live [default: the platform's config dir]
    #[arg(long, global = true, value_name = "DIR", env = "LEARNPATH_CONFIG_DIR", hide_env_values = true,
          value_parser = clap::value_parser!(std::ffi::OsString))]
    pub config_dir: Option<std::ffi::OsString>,

    /// Colours for a dark or a light terminal [default: config, else dark]
    #[arg(long, value_name = "THEME")]
    pub theme: Option<ThemeName>,

    /// Leave the mouse to the terminal (keeps its own text selection)
    #[arg(long)]
    pub no_mouse: bool,

    /// What to do (default: open the TUI)
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// `--data-dir` / `LEARNPATH_DATA_DIR`; empty means unset, as for any
    /// environment variable people clear with `VAR=`.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().filter(|d| !d.is_empty()).map(PathBuf::from)
    }

    /// `--config-dir` / `LEARNPATH_CONFIG_DIR`; empty means unset.
    pub fn config_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().filter(|d| !d.is_empty()).map(PathBuf::from)
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check curriculum files and print a summary of each
    Validate {
        /// TOML curriculum files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print your progress without opening the TUI
    Status {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print the next unfinished topic (for prompts and status bars)
    Next {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Set a topic's status: learnpath mark STEP/TOPIC done
    Mark {
        /// The topic, as STEP_ID/TOPIC_ID
        #[arg(value_name = "STEP/TOPIC")]
        topic: String,
        /// The new status
        status: StatusArg,
    },
    /// Reset a topic, a step, or (with no argument) the whole path to todo
    Reset {
        /// STEP_ID or STEP_ID/TOPIC_ID; nothing for the whole path
        #[arg(value_name = "STEP[/TOPIC]")]
        target: Option<String>,
        /// Don't ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Write the path as a Markdown checklist or as JSON
    Export {
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a JSON Schema of the curriculum format (for editors)
    Schema,
    /// What to do today: reviews due, then the next topics that are ready
    Today {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// List the done topics due for review
    Review {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print topics per week, streaks and the pace projections
    Stats {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// List the curricula you have, with your progress in each
    List {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Write a commented starter curriculum to FILE
    New {
        /// The file to create (it must not exist)
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Sync progress and notes with other machines through git
    #[command(
        after_long_help = "`learnpath sync init REMOTE` once per machine, then `learnpath sync` (or `sync = \"git\"` in config.toml)"
    )]
    Sync {
        /// `init [REMOTE]`: make the data dir a git repository (cloning REMOTE into an empty one)
        #[command(subcommand)]
        init: Option<SyncCommand>,
        /// When the other machines sent a file this learnpath cannot take in: put its last good
        /// version back (progress merged with this machine's) and send that to every machine
        #[arg(long)]
        repair: bool,
    },
    /// Git's merge driver for progress.json and notes (set up by `sync init`)
    MergeFile {
        /// Merge a note (keep both texts) instead of progress
        #[arg(long)]
        note: bool,
        /// The common ancestor's version
        base: PathBuf,
        /// This side's version; the merge is written here
        ours: PathBuf,
        /// The other side's version
        theirs: PathBuf,
    },
    /// Print a shell completion script
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}

/// What `learnpath sync` may be followed by.
#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Make the data dir a git repository and install the merge drivers
    Init {
        /// A git remote (URL or path) to clone from or sync with
        remote: Option<String>,
        /// Take over a git repository learnpath did not make: sync on a branch of learnpath's own,
        /// commit only its files, and keep your branches and other files as they are
        #[arg(long)]
        adopt: bool,
    },
}

/// A status as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Not started
    Todo,
    /// In progress
    Progress,
    /// Done
    Done,
    /// Skipped
    Skipped,
}

impl From<StatusArg> for crate::progress::Status {
    fn from(arg: StatusArg) -> Self {
        match arg {
            StatusArg::Todo => Self::Todo,
            StatusArg::Progress => Self::InProgress,
            StatusArg::Done => Self::Done,
            StatusArg::Skipped => Self::Skipped,
        }
    }
}
