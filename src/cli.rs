//! The command line: options and subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Walk a learning path in the terminal: browse its steps, tick off topics,
/// open resources, and keep your progress.
#[derive(Debug, Parser)]
#[command(
    name = "learnpath",
    version,
    after_help = "Run without a command to open the TUI. Press ? in it for the keys."
)]
pub struct Cli {
    /// Curriculum file to open instead of the shipped backend path
    #[arg(long, global = true, value_name = "FILE")]
    pub curriculum: Option<PathBuf>,

    /// Where progress.json lives [default: the platform's data dir]
    #[arg(long, global = true, value_name = "DIR", env = "LEARNPATH_DATA_DIR", hide_env_values = true)]
    pub data_dir: Option<PathBuf>,

    /// What to do (default: open the TUI)
    #[command(subcommand)]
    pub command: Option<Command>,
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
}
