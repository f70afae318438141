//! What the last frame drew, as plain data.
//!
//! The UI fills a [`Geometry`] while it draws and the loop hands it to the
//! app, which resolves clicks, the wheel, page sizes and scroll limits
//! against the screen the learner actually sees. The app never calls into
//! the view to ask.

use ratatui::layout::{Position, Rect};

use super::Pane;

/// A pane the pointer can be over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A list of the main screen.
    List(Pane),
    /// The FAQ's questions.
    Questions,
    /// A text pane: the step description or the FAQ answer.
    Text,
}

/// A text that scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// The step description.
    About,
    /// The FAQ answer.
    Answer,
    /// The stats' text.
    Stats,
    /// The help overlay.
    Help,
}

/// One item of a list as drawn: its index and its rows on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The item's index in its list.
    pub item: usize,
    /// Its first row on screen.
    pub y: u16,
    /// How many rows of it are on screen.
    pub height: u16,
}

/// The pane under the pointer and the list item there, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The pane.
    pub target: Target,
    /// The item under the pointer (for topics: among the visible ones).
    pub row: Option<usize>,
}

/// The last frame's panes, lists and scroll limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Geometry {
    lists: Vec<(Target, Rect, Vec<Row>)>,
    texts: Vec<(Scroll, Rect, u16)>,
    /// Rows in a page of the list that has the focus.
    pub page: usize,
    /// Where the terminal's cursor goes: the first cell of the selected
    /// row of whatever has the focus, or where typing goes. Screen
    /// readers, braille displays and magnifiers follow it.
    pub cursor: Option<Position>,
}

impl Geometry {
    /// Records a list drawn in `area` with these rows.
    pub fn list(&mut self, target: Target, area: Rect, rows: Vec<Row>) {
        self.lists.push((target, area, rows));
    }

    /// Records a text drawn in `area` that can scroll `max` lines.
    pub fn text(&mut self, which: Scroll, area: Rect, max: u16) {
        self.texts.push((which, area, max));
    }

    /// Puts the cursor on the row of `rows` showing item `selected`, at
    /// column `x`.
    pub fn cursor_on(&mut self, rows: &[Row], selected: Option<usize>, x: u16) {
        if let Some(row) = selected.and_then(|s| rows.iter().find(|r| r.item == s)) {
            self.cursor = Some(Position::new(x, row.y));
        }
    }

    /// Every list drawn: what it is, where, and its rows.
    pub fn lists(&self) -> impl Iterator<Item = (Target, Rect, &[Row])> {
        self.lists.iter().map(|(target, area, rows)| (*target, *area, rows.as_slice()))
    }

    /// How far `which` can scroll (0 when it was not drawn).
    pub fn max_scroll(&self, which: Scroll) -> u16 {
        self.texts.iter().find(|(w, ..)| *w == which).map_or(0, |&(_, _, max)| max)
    }

    /// What is at column `x`, row `y`.
    pub fn hit(&self, x: u16, y: u16) -> Option<Hit> {
        let at = Position::new(x, y);
        if let Some((target, _, rows)) = self.lists.iter().find(|(_, area, _)| area.contains(at)) {
            let row = rows.iter().find(|r| y >= r.y && y < r.y + r.height).map(|r| r.item);
            return Some(Hit { target: *target, row });
        }
        self.texts
            .iter()
            .find(|(which, area, _)| matches!(which, Scroll::About | Scroll::Answer) && area.contains(at))
            .map(|_| Hit { target: Target::Text, row: None })
    }
}
