//! What the learner can ask for, whatever the key, click or paste that
//! asked: the input of [`super::App::update`].

/// Something the learner asked for, or news from outside the state (a
/// file changed, a sync ended) that it must take in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Focus the next pane (Steps → Topics → Resources → Steps).
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus the pane to the left.
    FocusLeft,
    /// Focus the pane to the right.
    FocusRight,
    /// Move the selection up one row.
    Up,
    /// Move the selection down one row.
    Down,
    /// Select the first row.
    First,
    /// Select the last row.
    Last,
    /// Move the selection up a page.
    PageUp,
    /// Move the selection down a page.
    PageDown,
    /// Select row `n` (from 0) of the list in focus: plain mode's
    /// numbers, where the keys move one row at a time.
    Select(usize),
    /// Set the selected topic to this status, whatever it is now (the
    /// keys toggle; plain mode's `done N` means done).
    SetStatus(crate::progress::Status),
    /// Done ↔ todo on the selected topic; read ↔ unread on a resource.
    Toggle,
    /// Mark the selected topic in progress (again: back to todo).
    MarkProgress,
    /// Mark the selected topic skipped (again: back to todo).
    MarkSkipped,
    /// Reset the topic, or (asking first) the step or the whole path.
    Reset,
    /// A one-key answer to the prompt on screen.
    Answer(char),
    /// Jump to the next unfinished topic, wrapping.
    NextUnfinished,
    /// Jump to the previous unfinished topic, wrapping.
    PrevUnfinished,
    /// Hide or show done topics.
    ToggleHideDone,
    /// Give the topic's (or step's) page the whole right side, or the
    /// panes back.
    TogglePage,
    /// Show only links of the next kind (article, video, …), then all.
    CycleKind,
    /// Open the search box.
    OpenSearch,
    /// A character typed into the search box.
    SearchInput(char),
    /// Delete the last character of the search.
    SearchBackspace,
    /// Delete the last word of the search.
    SearchDeleteWord,
    /// Clear the search.
    SearchClear,
    /// Go to the chosen search result.
    Confirm,
    /// Copy the selected link to the clipboard.
    Copy,
    /// Copy the selected topic's id (`STEP/TOPIC`), for the command line.
    CopyId,
    /// Open the curriculum picker.
    OpenPicker,
    /// Edit the selected topic's note.
    EditNote,
    /// Open the review queue.
    OpenReview,
    /// The due topic's answer: 1 again, 2 hard, 3 good, 4 easy.
    Grade(u8),
    /// Open the stats view.
    OpenStats,
    /// Open today's plan: reviews due, then topics to learn.
    OpenToday,
    /// A left click at this column and row.
    Click(u16, u16),
    /// The wheel turned at this column and row (down: true).
    Wheel(u16, u16, bool),
    /// Open the selected resource in the browser; on a topic, go to the
    /// step's links.
    Open,
    /// Scroll the text (step description, answer) down.
    ScrollDown,
    /// Scroll the text up.
    ScrollUp,
    /// Show the FAQ.
    ShowFaq,
    /// Show the help overlay.
    ShowHelp,
    /// Close the overlay or view on top.
    Close,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Suspend to the shell (Ctrl-Z).
    Suspend,
    /// The progress file changed on disk: merge it in.
    Reload,
    /// A background sync finished, leaving this state; why it failed, if
    /// it did.
    Synced(crate::sync::State, Option<String>),
    /// The host tried to open `url` in a browser; why it failed, if it did.
    Opened(String, Option<String>),
    /// The host tried to copy `text`; why it failed, if it did.
    Copied(String, Option<String>),
    /// The editor closed on the note at `path` of topic `topic` of step
    /// `step`: whether it changed, or why it could not be edited.
    Edited {
        /// The note file.
        path: std::path::PathBuf,
        /// Its step.
        step: usize,
        /// Its topic.
        topic: usize,
        /// Whether the note changed, or what went wrong.
        result: Result<bool, String>,
    },
    /// A save ended: `Some(merged)` if written (merged: another process's
    /// changes came in), `None` if another learnpath's save still holds
    /// the file, or why it failed. `what` is what the save was for.
    Saved {
        /// What the status line says once saved.
        what: String,
        /// How it went.
        result: Result<Option<bool>, String>,
    },
    /// Merging in the file ended: whether memory changed, or why it failed.
    Reloaded(Result<bool, String>),
    /// The open path's notes, read again.
    NotesLoaded(super::Loaded<crate::notes::Notes>),
    /// One note read again after an edit: its text and whether it was read
    /// lossily, or none.
    NoteLoaded {
        /// Its step.
        step: usize,
        /// Its topic.
        topic: usize,
        /// The note.
        note: Option<(String, bool)>,
    },
    /// The curricula for the picker: each source, parsed or why it could
    /// not be (its first line).
    CatalogLoaded(Vec<(crate::config::Source, Result<super::Loaded<crate::curriculum::Curriculum>, String>)>),
    /// Where the learner left the path just opened, if it was remembered.
    PlaceFound(Option<crate::resume::Place>),
    /// Writing down what to reopen next time ended; why it failed, if it did.
    Remembered(Option<String>),
    /// Undo the last change to the progress.
    Undo,
    /// Redo the last change undone.
    Redo,
}

impl Action {
    /// Whether this is news from outside (a result the host fed back, a
    /// resize, a file change), which leaves the status line's message as
    /// it is, rather than something the learner asked for.
    pub fn is_news(&self) -> bool {
        matches!(
            self,
            Action::Resize(..)
                | Action::Reload
                | Action::Synced(..)
                | Action::Opened(..)
                | Action::Copied(..)
                | Action::Edited { .. }
                | Action::Saved { .. }
                | Action::Reloaded(_)
                | Action::NotesLoaded(_)
                | Action::NoteLoaded { .. }
                | Action::CatalogLoaded(_)
                | Action::PlaceFound(_)
                | Action::Remembered(_)
        )
    }
}
