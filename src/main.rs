//! learnpath's command line: parse, load, then run the TUI or a subcommand.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{CommandFactory, Parser};

use learnpath::app::App;
use learnpath::cli::{Cli, Command, SyncCommand};
use learnpath::config::{self, Config, Source};
use learnpath::events::Events;
use learnpath::progress::{Progress, Status};
use learnpath::terminal::RealHost;
use learnpath::ui::{Theme, no_color};
use learnpath::{commands, script, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `learnpath status | head -1`: the reader left; nothing is wrong.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("learnpath: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Validate { files }) => return Ok(commands::validate(files)),
        Some(Command::New { file }) => {
            out(&script::new(file)?)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Schema) => {
            out(learnpath::curriculum::SCHEMA)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::MergeFile { note, base, ours, theirs }) => {
            learnpath::sync::merge_file(*note, base, ours, theirs)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "learnpath", &mut script);
            out(&String::from_utf8_lossy(&script))?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            out(&String::from_utf8_lossy(&page))?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    // Read once, so a bad value is the same error everywhere.
    let fixed_now = fixed_time()?;
    let now = || fixed_now.unwrap_or_else(jiff::Timestamp::now);
    let config_dir = config::config_dir(cli.config_dir().as_deref())?;
    let config = match Config::load(&config_dir) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    let data_dir = config::data_dir(cli.data_dir().as_deref())?;
    if let Some(Command::Sync { init, repair }) = &cli.command {
        let prompts = learnpath::sync::Prompts::Allowed;
        let said = match init {
            Some(SyncCommand::Init { .. }) if *repair => {
                anyhow::bail!(
                    "--repair goes with `learnpath sync`, not with `sync init`: run `learnpath sync --repair`"
                )
            }
            Some(SyncCommand::Init { remote, adopt }) => {
                learnpath::sync::init(&data_dir, remote.as_deref(), *adopt, prompts)?
            }
            None if *repair => learnpath::sync::repair(&data_dir, prompts)?.summary(),
            None => learnpath::sync::sync(&data_dir, prompts)?.summary(),
        };
        out(&format!("{said}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let sources = config::sources(&config_dir);
    let (mut source, remembered) = choose_source(&cli, &config, &config_dir, &data_dir);
    let curriculum = match config::load(&source) {
        Ok(c) => c,
        // A path picked last time that no longer loads is no reason to
        // refuse to start: say why and open the shipped path.
        Err(e) if remembered => {
            eprintln!("{e}");
            eprintln!("learnpath: the curriculum opened last time has errors; opening the shipped path");
            source = Source::Shipped;
            learnpath::curriculum::Curriculum::shipped()
        }
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    // Only the TUI, `mark` and `reset` write; the other commands read
    // without touching anything, whatever the file holds.
    let writes = matches!(cli.command, None | Some(Command::Mark { .. } | Command::Reset { .. }));
    let mut progress = if writes { Progress::open(&data_dir)? } else { Progress::open_to_read(&data_dir)? };
    if writes {
        progress.set_device(learnpath::resume::device(&data_dir));
    }
    if let (Some(notice), Some(_)) = (&progress.notice, &cli.command) {
        eprintln!("learnpath: {notice}");
    }
    // The TUI's `App::new` carries aliases itself; the commands need it here.
    if cli.command.is_some() {
        progress.carry_aliases(&curriculum);
    }
    let print = |text: String| out(&text).map(|()| ExitCode::SUCCESS);
    match cli.command {
        Some(Command::Status { json }) => {
            print(commands::status(&curriculum, &progress, now(), &learnpath::sync::info(&data_dir), json))
        }
        Some(Command::Export { format, output }) => {
            let notes = learnpath::notes::Notes::load(Some(&data_dir), &curriculum);
            if notes.lossy_count() > 0 {
                eprintln!(
                    "learnpath: {} note(s) are not UTF-8 text; exported with � for the bytes that could not be read",
                    notes.lossy_count()
                );
            }
            script::write_out(&script::export(&curriculum, &progress, &notes, format), output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Next { json }) => print(commands::next(&curriculum, &progress, now(), json)),
        Some(Command::List { json }) => print(commands::list(&sources, &progress, json)),
        Some(Command::Review { json }) => print(commands::review(&curriculum, &progress, now(), json)),
        Some(Command::Today { json }) => {
            print(commands::today(&curriculum, &progress, now(), config.daily_minutes, json))
        }
        Some(Command::Stats { json }) => print(commands::stats(&curriculum, &progress, now(), json)),
        Some(Command::Mark { topic, status }) => {
            let status = Status::from(status);
            print(script::mark(&curriculum, &mut progress, &topic, status, now())?)
        }
        Some(Command::Reset { target, yes }) => {
            print(script::reset(&curriculum, &mut progress, target.as_deref(), yes, now())?)
        }
        Some(_) => unreachable!("handled above"),
        None => {
            let theme = Theme::choose(cli.theme.or(config.theme).unwrap_or_default(), no_color());
            let mouse = !cli.no_mouse && config.mouse.unwrap_or(true);
            let mut app = App::new(curriculum, progress)
                .with_theme(theme)
                .with_remote(is_remote())
                .with_daily_minutes(config.daily_minutes);
            if let Some(at) = fixed_now {
                app = app.with_clock(Box::new(move || at));
            }
            let place = learnpath::resume::place(&data_dir, app.path.curriculum.id.get_ref());
            let mut app = app
                .with_catalog(config_dir, source, data_dir.clone())
                .with_data_dir(data_dir.clone())
                .with_place(place);
            let sync = config.sync.is_some().then_some(data_dir);
            if let Some(dir) = &sync
                && !learnpath::sync::is_git(dir)
            {
                app.message = Some(learnpath::app::Message::Error(format!(
                    "config.toml says sync = \"git\", but {} is not synced yet: quit and run `learnpath sync init REMOTE`",
                    dir.display()
                )));
            }
            let sync = sync.filter(|dir| learnpath::sync::is_git(dir));
            if sync.is_some() {
                app.sync = Some(learnpath::sync::State::Syncing);
            }
            run_tui(app, mouse, sync)
        }
    }
}

/// Writes to standard output, reporting a closed pipe as an error (which
/// `main` treats as a normal end) instead of panicking like `print!`.
fn out(text: &str) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// `--curriculum`, else the one last opened, else the config's default,
/// else the shipped path; and whether it is the one remembered.
fn choose_source(
    cli: &Cli,
    config: &Config,
    config_dir: &std::path::Path,
    data_dir: &std::path::Path,
) -> (Source, bool) {
    if let Some(file) = &cli.curriculum {
        return (Source::File(file.clone()), false);
    }
    if let Some(last) = learnpath::resume::last_used(data_dir)
        && (last == Source::Shipped || matches!(&last, Source::File(p) if p.is_file()))
    {
        return (last, true);
    }
    let source = match &config.curriculum {
        Some(path) => Source::File(if path.is_absolute() { path.clone() } else { config_dir.join(path) }),
        None => Source::Shipped,
    };
    (source, false)
}

/// The fixed time in `LEARNPATH_NOW` (RFC 3339), if set, so tests and
/// demos can fix the clock. Logic never reads the clock itself; it is given
/// this or the real time.
fn fixed_time() -> Result<Option<jiff::Timestamp>> {
    let Some(value) = std::env::var_os("LEARNPATH_NOW") else { return Ok(None) };
    let text = value.to_string_lossy();
    match text.parse() {
        Ok(at) => Ok(Some(at)),
        Err(e) => bail!(
            "LEARNPATH_NOW is `{text}`, not a time ({e}); write it like 2026-03-01T12:00:00Z, or unset it"
        ),
    }
}

/// Over SSH with no display, a browser would open on the remote machine.
fn is_remote() -> bool {
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    (set("SSH_CONNECTION") || set("SSH_TTY")) && !set("DISPLAY") && !set("WAYLAND_DISPLAY")
}

fn run_tui(mut app: App, mouse: bool, sync: Option<std::path::PathBuf>) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!("the TUI needs a terminal; for plain output try `learnpath status`");
    }
    // A way for the end-to-end tests to check that a panic restores the
    // terminal: with LEARNPATH_TEST_PANIC set, the key `!` panics. Only in
    // debug builds (the tests'); a release build ignores the variable.
    let panic_key = cfg!(debug_assertions) && std::env::var_os("LEARNPATH_TEST_PANIC").is_some();
    let events = Events::start(app.progress.path(), panic_key);
    if let Some(dir) = &sync {
        events.sync_in_background(dir.clone());
    }
    let mut terminal = ratatui::init();
    let mut host = RealHost::new(mouse);
    host.start()?;
    let result = tui::run(&mut terminal, &mut app, events, &mut host);
    host.stop();
    ratatui::restore();
    result?;
    if let Some(dir) = app.progress.path().and_then(std::path::Path::parent) {
        let id = app.path.curriculum.id.get_ref();
        if let Err(e) = learnpath::resume::remember_place(dir, id, &app.place()) {
            eprintln!("learnpath: couldn't remember where you were: {e:#}");
        }
    }
    for notice in &app.notices {
        eprintln!("learnpath: {notice}");
    }
    // A save still waiting for another learnpath: wait for it now (the
    // screen is restored, so saying so is possible).
    if app.waiting {
        let waiting = || eprintln!("learnpath: waiting for another learnpath to finish saving…");
        if let Err(e) = app.progress.save_waiting(&waiting) {
            eprintln!("learnpath: your last changes could not be saved: {e:#}");
            return Ok(ExitCode::from(1));
        }
    }
    if let Some(dir) = &sync {
        eprintln!("learnpath: syncing…");
        match learnpath::sync::sync(dir, learnpath::sync::Prompts::Never) {
            Ok(report) => eprintln!("learnpath: {}", report.summary()),
            Err(e) => eprintln!("learnpath: not synced, your changes wait here for the next sync: {e:#}"),
        }
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
