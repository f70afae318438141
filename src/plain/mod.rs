//! Plain mode (`--plain`, `plain = true`, `LEARNPATH_PLAIN=1`, `TERM=dumb`):
//! learnpath as a line program, for screen readers, braille displays and
//! scripts. The same `App`, `update` and effects as the TUI; commands
//! read line by line from stdin become the same actions the keys give;
//! a second renderer prints each view once as plain lines. No escape
//! sequence, no box drawing, no colour: only text and a prompt.

mod commands;
mod render;

use std::io::{BufRead, Write};

use anyhow::Result;

pub use commands::{Command, parse};
pub use render::{page, view};

use crate::app::{Action, App, Message};
use crate::tui::{Host, apply};

/// Runs `app` on commands from `input` until `quit` or the end of the
/// input, printing to `out`.
pub fn run(app: &mut App, input: impl BufRead, out: &mut impl Write, host: &mut dyn Host) -> Result<()> {
    // Wide enough that lists are never paged; plain mode prints them whole.
    apply(app, Action::Resize(200, 1000), host)?;
    let mut shown = String::new();
    let mut said = None;
    show(app, out, &mut shown, &mut said)?;
    let mut lines = input.lines();
    while app.running() {
        write!(out, "> ")?;
        out.flush()?;
        let Some(line) = lines.next() else {
            writeln!(out)?;
            apply(app, Action::Quit, host)?;
            break;
        };
        match parse(&line?, app.key_focus()) {
            Ok(Command::Act(actions)) => match out_of_range(app, &actions) {
                Some(why) => writeln!(out, "{why}")?,
                None => {
                    for action in actions {
                        apply(app, action, host)?;
                    }
                }
            },
            Ok(Command::Help) => write!(out, "{}", help())?,
            Ok(Command::Page) => write!(out, "{}", page(app))?,
            Ok(Command::Again) => shown.clear(),
            Err(why) => writeln!(out, "{why}")?,
        }
        show(app, out, &mut shown, &mut said)?;
    }
    Ok(())
}

/// Why `actions` cannot be done, if they pick an item the view does not
/// list (the keys' selection would stop at the last; a number past it is
/// a mistake to say).
fn out_of_range(app: &App, actions: &[Action]) -> Option<String> {
    let Some(Action::Select(n)) = actions.first() else { return None };
    let count = render::items(app)?;
    (*n >= count).then(|| match count {
        0 => "nothing is listed here to pick; back goes back".to_string(),
        1 => "only item 1 is listed here".to_string(),
        _ => format!("items here are numbered 1 to {count}"),
    })
}

/// Prints the app's message if it is new, then the view if it changed.
fn show(app: &App, out: &mut impl Write, shown: &mut String, said: &mut Option<Message>) -> Result<()> {
    if app.message() != said {
        if let Some(message) = app.message() {
            let text = match message {
                Message::Info(text) => text.clone(),
                Message::Error(text) => format!("Error: {text}"),
            };
            writeln!(out, "{}", render::plain_text(&text))?;
        }
        said.clone_from(app.message());
    }
    let now = view(app);
    if now != *shown {
        write!(out, "{now}")?;
        *shown = now;
    }
    Ok(())
}

/// The commands, from the key map's plain column and its help words.
pub fn help() -> String {
    use crate::app::keymap::{KEYMAP, Plain};
    let mut out = String::from("Commands (N is an item's number):\n");
    let mut seen = Vec::new();
    for row in KEYMAP.iter().filter(|r| r.here()) {
        if let Plain::Command(command) = row.plain
            && !seen.contains(&command)
        {
            seen.push(command);
            out.push_str(&format!("  {command:<32} {}\n", row.help));
        }
    }
    out.push_str("The end of the input quits too. An empty line shows the view again.\n");
    out
}

/// The host for plain mode: links open in the browser, notes in the
/// editor with the terminal as it is; there is no clipboard to reach
/// without an escape sequence, so a copy gives the text back to read.
pub struct PlainHost {
    cache_dir: Option<std::path::PathBuf>,
}

impl PlainHost {
    /// A host that keeps parsed paths in `cache_dir`.
    pub fn new(cache_dir: Option<std::path::PathBuf>) -> Self {
        PlainHost { cache_dir }
    }
}

impl Host for PlainHost {
    fn open(&mut self, url: &str) -> Result<bool> {
        crate::open::open_url(url).map(|()| false)
    }

    fn suspend(&mut self) -> Result<()> {
        Ok(())
    }

    fn copy(&mut self, text: &str) -> Result<()> {
        anyhow::bail!("plain mode reaches no clipboard; here it is to copy: {text}")
    }

    fn edit(&mut self, path: &std::path::Path) -> Result<bool> {
        crate::notes::edit(&crate::notes::editor(), path)
    }

    fn cache_dir(&self) -> Option<&std::path::Path> {
        self.cache_dir.as_deref()
    }

    fn after_event(&mut self) {
        crate::children::reap_others();
    }
}
