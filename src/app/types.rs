//! The small types around the app state: effects, messages, views, the
//! prompt, the lists' state and the clock.

use jiff::Timestamp;

/// Something `update` wants done outside the state: the run loop does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this URL in the browser.
    Open(String),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Suspend the process to the shell.
    Suspend,
    /// Edit the note at `path` (topic `topic` of step `step`).
    Edit {
        /// The note file.
        path: std::path::PathBuf,
        /// Its step.
        step: usize,
        /// Its topic.
        topic: usize,
    },
}

/// What the status line says, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Something went as asked.
    Info(String),
    /// Something failed; the text says what to do.
    Error(String),
}

/// The view that fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Steps, step detail, topics, resources.
    Main,
    /// Questions and answers.
    Faq,
    /// Done topics due for review.
    Review,
    /// Pace and progress over time.
    Stats,
    /// Today's reviews and topics.
    Today,
}

/// A question waiting for a one-key answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Reset the selected step (`s`) or the whole path (`p`)?
    Reset,
}

/// Which row of a list is selected. Only the selection: where the list
/// is scrolled to is the drawing's business (`ui::ViewState`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pick(Option<usize>);

impl Pick {
    /// Row `i` selected.
    pub fn at(i: usize) -> Pick {
        Pick(Some(i))
    }

    /// The selected row, if any.
    pub fn selected(&self) -> Option<usize> {
        self.0
    }

    /// Selects `row`.
    pub fn select(&mut self, row: Option<usize>) {
        self.0 = row;
    }
}

/// The selection of the main screen's lists (the views and popups keep
/// their own, see [`super::Overlay`]).
#[derive(Debug, Default, Clone)]
pub struct Lists {
    /// The steps pane.
    pub steps: Pick,
    /// The topics of the selected step (indexes the visible topics).
    pub topics: Pick,
    /// The resources of the selected step.
    pub resources: Pick,
}

/// A clock, injected so tests can fix the time.
pub type Clock = Box<dyn Fn() -> Timestamp>;
