//! The command line: one dispatch over typed subcommands, as ripgrep's
//! `try_main` does. Each subcommand that prints builds a report that
//! derives `Serialize` (its `--json`) and implements `Display` (its text),
//! so the two never disagree and no JSON is built by hand.

mod context;
mod demo;
pub mod export;
pub mod import;
mod info;
pub mod list;
pub mod mark;
pub mod new;
pub mod next;
pub mod reset;
pub mod review;
pub mod shared;
pub mod stats;
pub mod status;
mod sync;
pub mod today;
mod tui;
mod validate;

use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

pub use context::{Access, Context};
pub use export::ExportFormat;

use crate::cli::{Cli, Command};
use crate::curriculum::Curriculum;

/// An error already told to the learner in its own words (a config or a
/// curriculum with its position): the command ends with exit 1 and
/// nothing more is printed.
#[derive(Debug)]
pub struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("reported above")
    }
}

impl std::error::Error for Reported {}

/// An id and a title, as every report names a path, a step or a topic.
#[derive(Debug, Serialize)]
pub struct Named {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
}

impl Named {
    /// The curriculum's id and title.
    pub fn of(c: &Curriculum) -> Named {
        Named { id: c.id.get_ref().clone(), title: c.title.get_ref().clone() }
    }
}

/// A chance of recall for JSON: three decimals, not f32's noise.
pub(crate) fn rounded(p: f32) -> f64 {
    (f64::from(p) * 1000.0).round() / 1000.0
}

/// Runs what `cli` asks for.
pub fn run(cli: Cli) -> Result<ExitCode> {
    use Access::{Read, Write};
    let opened = |cx: &Context, access| cx.open(&cli, access);
    if cli.demo && cli.command.is_some() {
        anyhow::bail!("--demo opens the TUI on a copy of your data; it goes without a command");
    }
    match &cli.command {
        Some(Command::Validate { files }) => Ok(validate::run(files)),
        Some(Command::New { file }) => {
            let config_dir = crate::config::config_dir(cli.config_dir().as_deref())?;
            text(&new::run(file, &config_dir)?)
        }
        Some(Command::Schema) => print(&info::schema()),
        Some(Command::Completions { shell }) => print(&info::completions(*shell)),
        Some(Command::Man) => print(&info::man()?),
        Some(Command::MergeFile { note, base, ours, theirs }) => {
            crate::sync::merge_file(*note, base, ours, theirs)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Sync { init, repair }) => {
            let cx = Context::load(&cli)?;
            print(&format!("{}\n", sync::run(&cx.data_dir, init.as_ref(), *repair)?))
        }
        Some(Command::Status { json }) => {
            let cx = Context::load(&cli)?;
            let o = opened(&cx, Read)?;
            let sync = crate::sync::info(&cx.data_dir);
            emit(&status::report(&o.curriculum, &o.progress, cx.now(), sync), *json)
        }
        Some(Command::Next { json }) => {
            let cx = Context::load(&cli)?;
            let o = opened(&cx, Read)?;
            emit(&next::report(&o.curriculum, &o.progress, cx.now()), *json)
        }
        Some(Command::Today { json }) => {
            let cx = Context::load(&cli)?;
            let o = opened(&cx, Read)?;
            emit(&today::report(&o.curriculum, &o.progress, cx.now(), cx.config.daily_minutes), *json)
        }
        Some(Command::Review { json }) => {
            let cx = Context::load(&cli)?;
            let o = opened(&cx, Read)?;
            emit(&review::report(&o.curriculum, &o.progress, cx.now()), *json)
        }
        Some(Command::Stats { json }) => {
            let cx = Context::load(&cli)?;
            let o = opened(&cx, Read)?;
            emit(&stats::StatsReport(crate::stats::compute(&o.curriculum, &o.progress, cx.now())), *json)
        }
        Some(Command::List { json }) => {
            let cx = Context::load(&cli)?;
            let o = opened(&cx, Read)?;
            emit(&list::report(&cx.sources(), &o.progress, cx.cache_dir.as_deref()), *json)
        }
        Some(Command::Export { format, output }) => {
            let cx = Context::load(&cli)?;
            let o = opened(&cx, Read)?;
            let notes = crate::notes::Notes::load(Some(&cx.data_dir), &o.curriculum);
            if notes.lossy_count() > 0 {
                eprintln!(
                    "learnpath: {} UTF-8 text; exported with � for the bytes that could not be read",
                    crate::text::count(notes.lossy_count(), "note is not", "notes are not")
                );
            }
            let report = export::report(&o.curriculum, &o.progress, &notes);
            let text = match format {
                ExportFormat::Markdown => report.to_string(),
                ExportFormat::Json => json(&report)?,
            };
            write_out(&text, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import { file, output, id, title, steps_at, update, json }) => {
            let cx = Context::load(&cli)?;
            let request = import::Request {
                file,
                output: output.as_deref(),
                id: id.clone(),
                title: title.clone(),
                steps_at: *steps_at,
                update: *update,
            };
            emit(&import::run(&cx, &request)?, *json)
        }
        Some(Command::Add { source, name, markdown, json }) => {
            let cx = Context::load(&cli)?;
            emit(&shared::add(&cx.shelves(), source, name.as_deref(), markdown.as_deref())?, *json)
        }
        Some(Command::Update { name, json }) => {
            let cx = Context::load(&cli)?;
            let report = shared::update(&cx.shelves(), name.as_deref())?;
            emit(&report, *json)?;
            Ok(if report.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Command::Mark { topic, status }) => {
            let cx = Context::load(&cli)?;
            let mut o = opened(&cx, Write)?;
            text(&mark::run(&o.curriculum, &mut o.progress, topic, (*status).into(), cx.now())?)
        }
        Some(Command::Reset { target, yes }) => {
            let cx = Context::load(&cli)?;
            let mut o = opened(&cx, Write)?;
            text(&reset::run(&o.curriculum, &mut o.progress, target.as_deref(), *yes, cx.now())?)
        }
        None => tui::run(Context::load(&cli)?, &cli),
    }
}

/// A report as JSON: pretty, ending in a newline.
fn json(report: &impl Serialize) -> Result<String> {
    Ok(serde_json::to_string_pretty(report)? + "\n")
}

/// A report as text, or as JSON with `--json`.
fn emit<R: Serialize + std::fmt::Display>(report: &R, as_json: bool) -> Result<ExitCode> {
    if as_json { print(&json(report)?) } else { text(report) }
}

fn text(report: &impl std::fmt::Display) -> Result<ExitCode> {
    print(&report.to_string())
}

/// Writes to standard output, reporting a closed pipe as an error (which
/// `main` treats as a normal end) instead of panicking like `print!`.
fn print(text: &str) -> Result<ExitCode> {
    write_out(text, None)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to `path`, or to standard output without one.
pub fn write_out(text: &str, path: Option<&std::path::Path>) -> Result<()> {
    use anyhow::Context as _;
    use std::io::Write as _;
    match path {
        // Atomic like every file learnpath writes: a full disk or a crash
        // leaves the previous export whole.
        Some(path) => crate::atomic_file::write(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            Ok(out.flush()?)
        }
    }
}
