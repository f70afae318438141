//! learnpath's command line: parse, load, then run the TUI or a subcommand.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Parser;

use learnpath::app::App;
use learnpath::cli::{Cli, Command};
use learnpath::events::{Event, Events};
use learnpath::progress::Progress;
use learnpath::terminal::RealHost;
use learnpath::ui::Theme;
use learnpath::{commands, tui};

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
    let mut progress = Progress::open(&dir)?;
    match cli.command {
        Some(Command::Status { json }) => {
            if let Some(notice) = &progress.notice {
                eprintln!("learnpath: {notice}");
            }
            print!("{}", commands::status(&curriculum, &mut progress, json));
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
    let events = Events::start(app.progress.path());
    // A way for the end-to-end tests to check that a panic restores the
    // terminal: with LEARNPATH_TEST_PANIC set, the key `!` panics.
    let panic_key = std::env::var_os("LEARNPATH_TEST_PANIC").is_some();
    let events = events.inspect(move |event| {
        if let Ok(Event::Input(crossterm::event::Event::Key(key))) = event
            && panic_key
            && key.code == crossterm::event::KeyCode::Char('!')
        {
            panic!("test panic requested with LEARNPATH_TEST_PANIC");
        }
    });
    let mut terminal = ratatui::init();
    let result = tui::run(&mut terminal, &mut app, events, &mut RealHost);
    ratatui::restore();
    result?;
    for notice in &app.notices {
        eprintln!("learnpath: {notice}");
    }
    if app.unsaved {
        let path = app.progress.path().map(|p| p.display().to_string()).unwrap_or_default();
        eprintln!(
            "learnpath: your last changes could not be saved to {path}; they are lost unless you fix the problem and tick them again"
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
