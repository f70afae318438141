//! Opening the TUI: the app built from the context, the terminal taken and
//! always given back, and what is left to say or sync after quitting.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::context::{Access, Context};
use crate::app::{App, Message};
use crate::cli::Cli;
use crate::events::Events;
use crate::terminal::RealHost;
use crate::ui::{Theme, no_color};

/// Builds the app and runs it until the learner quits.
pub fn run(mut cx: Context, cli: &Cli) -> Result<ExitCode> {
    // The demo: a copy of the data, the clock ahead, no sync; the copy
    // goes when this returns.
    let demo = if cli.demo { Some(super::demo::Demo::start(&cx.data_dir)?) } else { None };
    if let Some(demo) = &demo {
        cx.use_data_dir(demo.dir().to_path_buf());
        let ahead = jiff::SignedDuration::from_hours(24 * i64::from(cli.days));
        cx.fixed_now = Some(cx.now().checked_add(ahead).unwrap_or_else(|_| cx.now()));
        cx.config.sync = None;
    }
    let opened = cx.open(cli, Access::Write)?;
    let theme = Theme::choose(cli.theme.or(cx.config.theme).unwrap_or_default(), no_color());
    let mouse = !cli.no_mouse && cx.config.mouse.unwrap_or(true);
    let mut app = App::new(opened.curriculum, opened.progress)
        .with_theme(theme)
        .with_remote(is_remote())
        .with_hyperlinks(cx.config.hyperlinks.unwrap_or(false))
        .with_show_cursor(cli.show_cursor || cx.config.cursor == Some(crate::config::CursorSetting::Show))
        .with_daily_minutes(cx.config.daily_minutes);
    if let Some(at) = cx.fixed_now {
        app = app.with_clock(Box::new(move || at));
    }
    let place = cx.remembered().place(app.path().curriculum.id.get_ref());
    let app = app
        .with_catalog(cx.config_dir.clone(), opened.source, cx.data_dir.clone())
        .with_data_dir(cx.data_dir.clone())
        .with_place(place);
    let app = if demo.is_some() { app.with_demo(cli.days) } else { app };
    let app = match opened.problem {
        Some(problem) => app.with_problem(problem),
        None => app,
    };
    let sync = cx.config.sync.is_some().then_some(cx.data_dir.clone());
    let app = match &sync {
        Some(dir) if !crate::sync::is_git(dir) => app.with_message(Message::Error(format!(
            "config.toml says sync = \"git\", but {} is not synced yet: quit and run `learnpath sync init REMOTE`",
            dir.display()
        ))),
        Some(_) => app.with_sync(),
        None => app,
    };
    let sync = sync.filter(|dir| crate::sync::is_git(dir));
    if wants_plain(cli, &cx) {
        return run_plain(app.with_show_cursor(false), cx.cache_dir.clone(), sync);
    }
    run_tui(app, RealHost::new(mouse, cx.cache_dir.clone()), sync)
}

/// Over SSH with no display, a browser would open on the remote machine.
fn is_remote() -> bool {
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    (set("SSH_CONNECTION") || set("SSH_TTY")) && !set("DISPLAY") && !set("WAYLAND_DISPLAY")
}

/// Whether to run as a line program: asked for, or a terminal that
/// cannot place a cursor (`TERM=dumb`: Emacs' shell, some screen-reader
/// setups).
fn wants_plain(cli: &Cli, cx: &Context) -> bool {
    let env = |name: &str| std::env::var_os(name);
    cli.plain
        || cx.config.plain == Some(true)
        || env("LEARNPATH_PLAIN").is_some_and(|v| !v.is_empty() && v != "0")
        || env("TERM").is_some_and(|t| t == "dumb")
}

/// Plain mode over stdin and stdout, then what quitting the TUI does.
fn run_plain(mut app: App, cache_dir: Option<PathBuf>, sync: Option<PathBuf>) -> Result<ExitCode> {
    let mut host = crate::plain::PlainHost::new(cache_dir);
    let mut out = std::io::stdout().lock();
    crate::plain::run(&mut app, std::io::stdin().lock(), &mut out, &mut host)?;
    drop(out);
    after_quitting(app, sync, None)
}

fn run_tui(mut app: App, mut host: RealHost, sync: Option<PathBuf>) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the TUI needs a terminal; for a line interface try `learnpath --plain`, for a report `learnpath status`"
        );
    }
    // A way for the end-to-end tests to check that a panic restores the
    // terminal: with LEARNPATH_TEST_PANIC set, the key `!` panics. Only in
    // debug builds (the tests'); a release build ignores the variable.
    let panic_key = cfg!(debug_assertions) && std::env::var_os("LEARNPATH_TEST_PANIC").is_some();
    let mut events = Events::start(app.progress().path(), panic_key);
    let background = sync.as_ref().map(|dir| events.sync_after_first_frame(dir.clone()));
    let mut terminal = crate::terminal::init();
    host.start()?;
    let result = crate::tui::run(&mut terminal, &mut app, events, &mut host);
    host.stop();
    ratatui::restore();
    result?;
    after_quitting(app, sync, background)
}

/// Remembers the place, says what is left to say, waits for a save held
/// up by another learnpath, and syncs.
fn after_quitting(
    mut app: App,
    sync: Option<PathBuf>,
    background: Option<crate::events::Background>,
) -> Result<ExitCode> {
    if let Some(dir) = app.progress().path().and_then(std::path::Path::parent) {
        let id = app.path().curriculum.id.get_ref();
        if let Err(e) = crate::resume::remember_place(dir, id, &app.place()) {
            eprintln!("learnpath: couldn't remember where you were: {e:#}");
        }
    }
    for notice in app.notices() {
        eprintln!("learnpath: {notice}");
    }
    // A save still waiting for another learnpath: wait for it now (the
    // screen is restored, so saying so is possible).
    let waiting = || eprintln!("learnpath: waiting for another learnpath to finish saving…");
    if app.waiting()
        && let Err(e) = app.store().save_waiting(&waiting)
    {
        eprintln!("learnpath: your last changes could not be saved: {e:#}");
        return Ok(ExitCode::from(1));
    }
    if let Some(dir) = &sync {
        // The sync started with the app may still be running: two at once
        // trip over git's locks. A remote that hangs is not waited for long.
        if let Some(background) = &background
            && !background.wait(std::time::Duration::ZERO)
        {
            eprintln!("learnpath: waiting for the sync started with the app…");
            background.wait(std::time::Duration::from_secs(5));
        }
        eprintln!("learnpath: syncing…");
        match crate::sync::sync(dir, crate::sync::Prompts::Never) {
            Ok(report) => eprintln!("learnpath: {report}"),
            Err(e) => eprintln!("learnpath: not synced, your changes wait here for the next sync: {e:#}"),
        }
    }
    if app.unsaved() {
        let path = app.progress().path().map(|p| p.display().to_string()).unwrap_or_default();
        eprintln!(
            "learnpath: your last changes could not be saved to {path}; they are lost unless you fix the problem and tick them again"
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
