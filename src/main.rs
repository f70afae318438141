//! learnpath's command line: parse, load, then run the TUI or a subcommand.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Parser;

use learnpath::app::App;
use learnpath::cli::{Cli, Command};
use learnpath::progress::Progress;
use learnpath::ui::Theme;
use learnpath::{commands, open, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("learnpath: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if let Some(Command::Validate { files }) = &cli.command {
        return Ok(commands::validate(files));
    }
    let curriculum = match commands::curriculum(cli.curriculum.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    let dir = commands::data_dir(cli.data_dir.as_deref())?;
    let progress = Progress::open(&dir)?;
    match cli.command {
        Some(Command::Status { json }) => {
            if let Some(notice) = &progress.notice {
                eprintln!("learnpath: {notice}");
            }
            print!("{}", commands::status(&curriculum, &progress, json));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Validate { .. }) => unreachable!("handled above"),
        None => run_tui(App::new(curriculum, progress).with_theme(Theme::from_env())),
    }
}

fn run_tui(mut app: App) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!("the TUI needs a terminal; for plain output try `learnpath status`");
    }
    let notice = app.progress.notice.clone();
    let mut terminal = ratatui::init();
    let mut opener = |url: &str| -> Result<bool> {
        if open::browser_is_text_mode() {
            ratatui::restore();
            let result = open::open_url(url);
            terminal_back()?;
            result.map(|()| true)
        } else {
            open::open_url(url).map(|()| false)
        }
    };
    let events = std::iter::repeat_with(crossterm::event::read);
    let result = tui::run(&mut terminal, &mut app, events, &mut opener);
    ratatui::restore();
    result?;
    if let Some(notice) = notice {
        eprintln!("learnpath: {notice}");
    }
    if app.unsaved {
        let path = app.progress.path().map(|p| p.display().to_string()).unwrap_or_default();
        eprintln!(
            "learnpath: your last changes could not be saved to {path}; check that the directory is writable"
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Takes the terminal back after a text-mode browser used it.
fn terminal_back() -> Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    Ok(())
}
