//! The subcommands that print what learnpath knows of itself: the format's
//! schema, shell completions, the man page.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;

/// `learnpath schema`.
pub fn schema() -> String {
    crate::curriculum::SCHEMA.to_string()
}

/// `learnpath completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "learnpath", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}

/// `learnpath man`.
pub fn man() -> Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Ok(String::from_utf8_lossy(&page).into_owned())
}
