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
    #[arg(long, global = true, help_heading = "Global options", value_name = "FILE")]
    pub curriculum: Option<PathBuf>,

    // The dirs read their variables themselves, not through clap's
    // `env`: clap counts a variable as a given option and prints it in
    // every usage line as if it were required.
    /// Where progress.json lives [default: the platform's data dir] [env: LEARNPATH_DATA_DIR]
    #[arg(long, global = true, help_heading = "Global options", value_name = "DIR", value_parser = clap::value_parser!(std::ffi::OsString))]
    pub data_dir: Option<std::ffi::OsString>,

    /// Where config.toml and curricula/ live [default: the platform's config dir] [env: LEARNPATH_CONFIG_DIR]
    #[arg(long, global = true, help_heading = "Global options", value_name = "DIR", value_parser = clap::value_parser!(std::ffi::OsString))]
    pub config_dir: Option<std::ffi::OsString>,

    /// Where parsed paths are kept to open faster [default: the platform's cache dir] [env: LEARNPATH_CACHE_DIR]
    #[arg(long, global = true, help_heading = "Global options", value_name = "DIR", value_parser = clap::value_parser!(std::ffi::OsString))]
    pub cache_dir: Option<std::ffi::OsString>,

    /// Colours for a dark or a light terminal, or high contrast [default: config, else dark]
    #[arg(long, value_name = "THEME")]
    pub theme: Option<ThemeName>,

    /// Leave the mouse to the terminal (keeps its own text selection)
    #[arg(long)]
    pub no_mouse: bool,

    /// Show the cursor on the selected row, for braille displays, magnifiers and screen
    /// readers that follow only a visible cursor [default: config, else placed but hidden]
    #[arg(long)]
    pub show_cursor: bool,

    /// A line interface instead of the screen, for screen readers, braille displays and
    /// scripts: numbered items, commands read line by line [also: plain = true in the
    /// config, LEARNPATH_PLAIN=1, TERM=dumb]
    #[arg(long)]
    pub plain: bool,

    /// Try the app on a copy of your data with the clock moved ahead (see --days), to see
    /// reviews come due; nothing is written back
    #[arg(long)]
    pub demo: bool,

    /// With --demo: how many days ahead the clock is
    #[arg(long, value_name = "N", default_value_t = 30, requires = "demo")]
    pub days: u32,

    /// What to do (default: open the TUI)
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parses the command line, with help that names this machine's real
    /// folders (the config dir comes from `LEARNPATH_CONFIG_DIR` or the
    /// system's; `--config-dir` is not known until parsing is done).
    pub fn parse_with_real_dirs() -> Cli {
        use clap::{CommandFactory, FromArgMatches};
        // The usual start has no arguments, and so nothing to parse: clap's
        // builder and parser stay out of it, and their code is not paged in
        // before the first frame.
        if std::env::args_os().len() <= 1 {
            return Cli::bare();
        }
        let given = std::env::var_os("LEARNPATH_CONFIG_DIR").filter(|d| !d.is_empty()).map(PathBuf::from);
        let mut command = Cli::command();
        // The long help (the key list, the real folders) is only made when
        // help is asked for: every start would otherwise pay for it.
        let asks_help = std::env::args_os().skip(1).any(|a| a == "-h" || a == "--help" || a == "help");
        if asks_help && let Ok(dir) = crate::config::config_dir(given.as_deref()) {
            let curricula = dir.join("curricula");
            let yours = format!("Your own paths live in {} (c lists them in the TUI).", curricula.display());
            let help = format!("{}\n\n{yours}", crate::app::keymap::help_text());
            command = command.after_long_help(help).mut_subcommand("new", |new| {
                new.after_help(format!("A NAME is written to {}.", curricula.join("NAME.toml").display()))
            });
        }
        let matches = command.get_matches();
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }

    /// What the command line means with no arguments (a test checks it
    /// against clap's own parse).
    pub fn bare() -> Cli {
        Cli {
            curriculum: None,
            data_dir: None,
            config_dir: None,
            cache_dir: None,
            theme: None,
            no_mouse: false,
            show_cursor: false,
            plain: false,
            demo: false,
            days: 30,
            command: None,
        }
    }

    /// `--data-dir`, else `LEARNPATH_DATA_DIR`; empty means unset, as for
    /// any environment variable people clear with `VAR=`.
    pub fn data_dir(&self) -> Option<PathBuf> {
        given(self.data_dir.clone(), "LEARNPATH_DATA_DIR")
    }

    /// `--config-dir`, else `LEARNPATH_CONFIG_DIR`; empty means unset.
    pub fn config_dir(&self) -> Option<PathBuf> {
        given(self.config_dir.clone(), "LEARNPATH_CONFIG_DIR")
    }

    /// `--cache-dir`, else `LEARNPATH_CACHE_DIR`; empty means unset.
    pub fn cache_dir(&self) -> Option<PathBuf> {
        given(self.cache_dir.clone(), "LEARNPATH_CACHE_DIR")
    }
}

/// An id as a curriculum's: lowercase letters, digits and `-`.
fn parse_id(text: &str) -> Result<String, String> {
    if crate::curriculum::is_valid_id(text) {
        Ok(text.to_string())
    } else {
        Err("use lowercase letters, digits and '-', starting with a letter or digit".to_string())
    }
}

/// The option, else the variable; an empty one is unset. An empty
/// option falls back to the variable.
fn given(option: Option<std::ffi::OsString>, variable: &str) -> Option<PathBuf> {
    option
        .filter(|d| !d.is_empty())
        .or_else(|| std::env::var_os(variable).filter(|d| !d.is_empty()))
        .map(PathBuf::from)
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
    /// Set a topic's status: learnpath mark loops done
    Mark {
        /// The topic: STEP/TOPIC, its id, its title or a part of one title
        #[arg(value_name = "TOPIC")]
        topic: String,
        /// The new status
        status: StatusArg,
    },
    /// Reset a topic, a step, or (with no argument) the whole path to todo
    Reset {
        /// A step's id, or a topic (as for mark); nothing for the whole path
        #[arg(value_name = "STEP|TOPIC")]
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
    /// Make a path from a Markdown file: headings become steps, list items and table rows
    /// topics, ticked boxes done. Importing the same file again updates the path and keeps
    /// your progress
    Import {
        /// The Markdown file
        file: PathBuf,
        /// Write the path here [default: <config dir>/curricula/ID.toml, where c lists it]
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The path's id [default: from its title]
        #[arg(long, value_name = "ID", value_parser = parse_id)]
        id: Option<String>,
        /// The path's title [default: the file's single # heading, else its name]
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Make steps from headings of this level (1 for #, 2 for ##…) [default: the deepest
        /// level with lists or tables under it]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=6))]
        steps_at: Option<u8>,
        /// Merge into the path imported from this file before; it must exist
        #[arg(long)]
        update: bool,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Add the paths of a git repository (a URL or a folder) to curricula/NAME, where c lists
    /// them; every file is checked first
    Add {
        /// The repository: a URL git can clone, or a folder holding one
        source: String,
        /// The folder's name under curricula/ [default: the repository's name]
        #[arg(long, value_name = "NAME", value_parser = parse_id)]
        name: Option<String>,
        /// Import this Markdown file of the repository into a path
        #[arg(long = "import", value_name = "FILE.md")]
        markdown: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Pull the paths added with `add` (all, or NAME); an update that does not validate is
    /// refused and the version you have stays
    Update {
        /// The folder under curricula/ [default: every one added]
        name: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
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
    /// Write a commented starter curriculum: NAME into the config dir's curricula/ (where c lists
    /// it), or to a path such as ./FILE.toml
    New {
        /// A name (written to the config dir's curricula/ as NAME.toml), or a path; it must not exist
        #[arg(value_name = "NAME|FILE")]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_arguments_mean_what_clap_would_make_of_them() {
        use clap::Parser as _;
        let parsed = Cli::try_parse_from(["learnpath"]).unwrap();
        assert_eq!(format!("{:?}", Cli::bare()), format!("{parsed:?}"));
    }
}
