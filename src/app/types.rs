//! The small types around the app state: effects, messages, views, the
//! prompt, the lists' state and the clock.

use jiff::Timestamp;
use ratatui::widgets::ListState;

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

/// Selection and scroll of every list; the widgets keep their offsets here.
#[derive(Debug, Default, Clone)]
pub struct Lists {
    /// The steps pane.
    pub steps: ListState,
    /// The topics of the selected step (indexes the visible topics).
    pub topics: ListState,
    /// The resources of the selected step.
    pub resources: ListState,
    /// The FAQ questions.
    pub faq: ListState,
    /// Search results.
    pub results: ListState,
    /// The curriculum picker.
    pub picker: ListState,
    /// The review queue.
    pub review: ListState,
    /// Today's plan.
    pub today: ListState,
}

/// A clock, injected so tests can fix the time.
pub type Clock = Box<dyn Fn() -> Timestamp>;
