//! The event loop, generic over the backend so tests drive it with a
//! `TestBackend` and a list of events.

use std::io;

use anyhow::Result;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::action::Action;
use crate::app::{App, Effect};
use crate::ui;

/// How to open a link; returns whether the terminal was handed over to a
/// text-mode browser (and must be redrawn from scratch).
pub type Opener<'a> = dyn FnMut(&str) -> Result<bool> + 'a;

/// Draws, reads an event, updates; until the learner quits or events end.
pub fn run<B, E>(terminal: &mut Terminal<B>, app: &mut App, events: E, opener: &mut Opener<'_>) -> Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: IntoIterator<Item = io::Result<Event>>,
{
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut events = events.into_iter();
    while app.running {
        terminal.draw(|frame| ui::render(frame, app))?;
        let Some(event) = events.next() else { break };
        let action = match event? {
            Event::Key(key) => Action::from_key(key, app.key_focus()),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(Effect::Open(url)) = action.and_then(|a| app.update(a)) {
            let result = opener(&url);
            if matches!(result, Ok(true)) {
                terminal.clear()?;
            }
            app.opened(&url, result.map(|_| ()));
        }
        crate::open::reap_children();
    }
    Ok(())
}
