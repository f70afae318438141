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
    /// Undo the last change to the progress.
    Undo,
    /// Redo the last change undone.
    Redo,
}
