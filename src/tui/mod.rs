//! The event loop, generic over the backend so tests drive it with a
//! `TestBackend`, a list of events and a stand-in [`Host`].

use std::io;

use anyhow::Result;
use ratatui::Terminal;
use ratatui::backend::Backend;

mod perform;

use crate::app::Action;
use crate::app::App;
use crate::events::Event;
use crate::ui;

pub use perform::apply;

/// What the loop asks of the world outside the app state.
pub trait Host {
    /// Opens `url`; returns whether the terminal was handed over (to a
    /// text-mode browser) and so must be redrawn from scratch.
    fn open(&mut self, url: &str) -> Result<bool>;
    /// Suspends the process like Ctrl-Z in a shell; returns on resume.
    fn suspend(&mut self) -> Result<()>;
    /// Puts `text` on the clipboard.
    fn copy(&mut self, text: &str) -> Result<()>;
    /// Edits the file at `path` in the learner's editor, with the terminal
    /// handed over; returns whether it changed.
    fn edit(&mut self, path: &std::path::Path) -> Result<bool>;
    /// Where parsed curricula are kept between runs, if anywhere.
    fn cache_dir(&self) -> Option<&std::path::Path> {
        None
    }
    /// Called after every event: a chance to tidy up after what was
    /// started (the real terminal collects exited browser launchers).
    fn after_event(&mut self) {}
}

/// Where the loop's events come from: the terminal, the watcher and the
/// signals in the app; a list in tests.
pub trait Source {
    /// The next event, waiting for it; `None` when there are no more.
    fn next_event(&mut self) -> Option<io::Result<Event>>;

    /// Whether another input event is already waiting. The loop draws only
    /// when none is, so a burst of keys costs one frame, not one each.
    fn input_ready(&mut self) -> bool {
        false
    }

    /// Called once the first frame is on screen: the time to start what
    /// it did not need.
    fn first_frame_drawn(&mut self) {}
}

impl<I: Iterator<Item = io::Result<Event>>> Source for I {
    fn next_event(&mut self) -> Option<io::Result<Event>> {
        self.next()
    }
}

/// Draws, waits for an event, updates; until the learner quits or the
/// events end.
pub fn run<B, S>(terminal: &mut Terminal<B>, app: &mut App, mut events: S, host: &mut dyn Host) -> Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    S: Source,
{
    let size = terminal.size()?;
    // The first update also hands over what the app asked for as it was
    // built (its notes), before the first frame.
    apply(app, Action::Resize(size.width, size.height), host)?;
    let mut view = ui::ViewState::default();
    // The first frame goes out at once, without asking whether a key is
    // waiting: whatever was typed is read right after it.
    draw(terminal, app, &mut view)?;
    events.first_frame_drawn();
    let mut first = true;
    while app.running() {
        if !std::mem::take(&mut first) && !events.input_ready() {
            draw(terminal, app, &mut view)?;
        }
        let Some(event) = events.next_event() else { break };
        let actions = match event? {
            // A paste (with bracketed paste) is one event and one frame.
            Event::Input(crossterm::event::Event::Paste(text)) => {
                crate::app::keymap::from_paste(&text, app.key_focus())
            }
            Event::Input(crossterm::event::Event::Key(key)) => {
                crate::app::keymap::from_key(key, app.key_focus()).into_iter().collect()
            }
            Event::Input(crossterm::event::Event::Resize(w, h)) => vec![Action::Resize(w, h)],
            Event::Input(crossterm::event::Event::Mouse(mouse)) => mouse_action(mouse).into_iter().collect(),
            Event::Input(_) => Vec::new(),
            Event::ProgressChanged => vec![Action::Reload],
            Event::Synced(state, error) => vec![Action::Synced(state, error)],
            Event::Terminate => vec![Action::Quit],
        };
        // Every effect is performed, and so every change saved, before
        // the next frame and the next key.
        for action in actions {
            if apply(app, action, host)? {
                terminal.clear()?;
            }
        }
        host.after_event();
    }
    Ok(())
}

/// Draws a frame, the lists scrolled as `view` keeps them, and hands the
/// app what it drew (television's render-then-resolve: the model never
/// asks the view where things are).
pub fn draw<B>(terminal: &mut Terminal<B>, app: &mut App, view: &mut ui::ViewState) -> Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut drawn = crate::app::Geometry::default();
    let show = app.show_cursor();
    terminal.draw(|frame| {
        drawn = ui::render(frame, app, view);
        // ratatui shows the cursor wherever a frame places it.
        if show && let Some(at) = drawn.cursor {
            frame.set_cursor_position(at);
        }
    })?;
    // A frame that places no cursor hides it; then it is moved, still
    // hidden, onto the selection, where screen readers and magnifiers look
    // (placing it in the frame would show it for a moment first).
    if !show && let Some(at) = drawn.cursor {
        terminal.set_cursor_position(at)?;
    }
    app.drawn(drawn);
    Ok(())
}

/// Left clicks and the wheel; other mouse events mean nothing here.
fn mouse_action(mouse: crossterm::event::MouseEvent) -> Option<Action> {
    use crossterm::event::{MouseButton, MouseEventKind};
    let (x, y) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(x, y)),
        MouseEventKind::ScrollDown => Some(Action::Wheel(x, y, true)),
        MouseEventKind::ScrollUp => Some(Action::Wheel(x, y, false)),
        _ => None,
    }
}
