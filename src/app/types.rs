//! The small types around the app state: effects, messages, views, the
//! prompt, the lists' state and the clock.

use jiff::Timestamp;

/// Something `update` wants done outside the state: the host does it and
/// feeds the result back as an [`super::Action`] before the next frame.
/// The app itself reads no file, writes none and starts no process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this URL in the browser; answered with `Opened`.
    Open(String),
    /// Put this text on the clipboard (OSC 52); answered with `Copied`.
    Copy(String),
    /// Suspend the process to the shell.
    Suspend,
    /// Edit the note at `path` (topic `topic` of step `step`); answered
    /// with `Edited`.
    Edit {
        /// The note file.
        path: std::path::PathBuf,
        /// Its step.
        step: usize,
        /// Its topic.
        topic: usize,
    },
    /// Save the progress, waiting at most `patience` for another
    /// learnpath's save; answered with `Saved`, which says `what`.
    Save {
        /// What the status line says once it is saved.
        what: String,
        /// How long another process's save may hold this one up.
        patience: std::time::Duration,
    },
    /// Merge in what another process saved; answered with `Reloaded`.
    Reload,
    /// Read the open path's notes from `dir`; answered with `NotesLoaded`.
    LoadNotes(std::path::PathBuf),
    /// Read one note again after an edit; answered with `NoteLoaded`.
    LoadNote {
        /// The note file.
        path: std::path::PathBuf,
        /// Its step.
        step: usize,
        /// Its topic.
        topic: usize,
    },
    /// List and parse the curricula for the picker: the files in
    /// `config_dir/curricula/` (only the shipped path without one), and
    /// `current` if it lives elsewhere; answered with `CatalogLoaded`.
    LoadCatalog {
        /// The config dir.
        config_dir: Option<std::path::PathBuf>,
        /// The path open now.
        current: Option<crate::config::Source>,
    },
    /// Write down, in data dir `dir`, what to reopen next time; answered
    /// with `Remembered`.
    Remember(std::path::PathBuf, Memo),
    /// Look up, in data dir `dir`, where the learner left curriculum
    /// `id`; answered with `PlaceFound`.
    FindPlace(std::path::PathBuf, String),
}

/// What is remembered for the next start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Memo {
    /// The place in curriculum `.0`.
    Place(String, crate::resume::Place),
    /// The path picked with `c`.
    Choice(crate::config::Source),
}

/// A value the host made (notes read, a curriculum parsed), passed back in
/// an [`super::Action`]. Actions are compared in tests; two of these are
/// equal when they are the same value, never by walking a whole path.
#[derive(Debug)]
pub struct Loaded<T>(std::sync::Arc<T>);

impl<T> Loaded<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        Loaded(std::sync::Arc::new(value))
    }

    /// The value, cloned only if another copy of the action still holds it.
    pub fn take(self) -> T
    where
        T: Clone,
    {
        std::sync::Arc::try_unwrap(self.0).unwrap_or_else(|shared| (*shared).clone())
    }
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        Loaded(self.0.clone())
    }
}

impl<T> PartialEq for Loaded<T> {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Loaded<T> {}

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
