//! What a key means: a pure map from a key press and the focus to an
//! [`Action`]. The help overlay and the README's key table are made from
//! [`KEYS`], and a test checks the three agree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A pane of the main screen that can hold the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The list of steps on the left.
    Steps,
    /// The selected step's topics checklist.
    Topics,
    /// The selected step's resources.
    Resources,
}

/// Whatever receives key presses right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A pane of the main screen.
    Pane(Pane),
    /// The FAQ view.
    Faq,
    /// The help overlay.
    Help,
    /// The search box.
    Search,
    /// A question waiting for a one-key answer.
    Prompt,
    /// The curriculum picker.
    Picker,
    /// The review queue.
    Review,
    /// The stats view.
    Stats,
    /// Today's plan.
    Today,
}

/// Something the learner asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// A background sync finished, leaving this state.
    Synced(crate::sync::State),
    /// Undo the last change to the progress.
    Undo,
    /// Redo the last change undone.
    Redo,
}

/// Whether Ctrl-Z suspends: only where shells have job control. On
/// Windows there is no `fg` to come back with, so the key is not offered.
pub const CAN_SUSPEND: bool = cfg!(unix);

/// The key that suspends, where [`CAN_SUSPEND`].
pub const SUSPEND_KEY: &str = "Ctrl-Z";

/// The key table: keys, what they do. The README shows all of it; the help
/// and `--help` show [`keys`], this system's part.
pub const KEYS: &[(&str, &str)] = &[
    ("Tab / Shift-Tab", "focus the next / previous pane"),
    ("h l / ← →", "focus the pane to the left / right"),
    ("j k / ↓ ↑", "move down / up"),
    ("g G / Home End", "first / last"),
    ("PgDn PgUp", "a page down / up"),
    ("Space / x", "topic done or not; resource read or not (saved at once)"),
    ("i", "mark the topic in progress (again: back to todo)"),
    ("s", "mark the topic skipped (again: back to todo)"),
    ("R", "reset the topic; on a step: reset the step or the whole path"),
    ("u", "undo your last progress change (again: the one before)"),
    ("U / Ctrl-R", "redo what was undone"),
    ("n N", "next / previous unfinished topic"),
    ("H", "hide or show done topics"),
    ("t", "show only links of one kind (again: the next kind, then all)"),
    ("/", "search steps, topics, links and questions"),
    ("Enter / o", "open the link (SSH: copy it); on a topic: go to its links"),
    ("y", "copy the link (the topic's first when on a topic)"),
    ("J K", "scroll the text: description, answer, stats or this help"),
    ("f", "frequently asked questions"),
    ("c", "choose another curriculum (yours live in <config dir>/curricula/)"),
    ("e", "edit the topic's note in $VISUAL / $EDITOR (also in review)"),
    ("r", "review due topics: 1 again, 2 hard, 3 good (Enter), 4 easy; o link, e note"),
    ("S", "stats: topics per week, streaks, your pace and the plan's"),
    ("T", "today: reviews due, then topics to learn (Enter goes there)"),
    ("?", "this help"),
    ("Esc", "close what is on top: a popup, the FAQ, review, stats or today"),
    (SUSPEND_KEY, "suspend to the shell (fg to come back); not on Windows"),
    ("q / Ctrl-C", "quit"),
];

impl Action {
    /// The action for `key` when `focus` has the focus, if any.
    pub fn from_key(key: KeyEvent, focus: Focus) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match (focus, key.code) {
            (_, KeyCode::Char('c')) if ctrl => return Some(Action::Quit),
            (_, KeyCode::Char('z')) if ctrl && CAN_SUSPEND => return Some(Action::Suspend),
            (Focus::Search, code) => return search_key(code, ctrl),
            (Focus::Prompt, KeyCode::Char(c @ ('s' | 'p'))) => return Some(Action::Answer(c)),
            (Focus::Prompt, KeyCode::Esc | KeyCode::Char('n')) => return Some(Action::Close),
            (Focus::Prompt, KeyCode::Char('q')) => return Some(Action::Quit),
            (Focus::Prompt, _) => return None,
            (Focus::Pane(_) | Focus::Review, KeyCode::Char('r')) if ctrl => return Some(Action::Redo),
            _ if ctrl => return None,
            _ => {}
        }
        if let Some(action) = movement(key.code) {
            return Some(action);
        }
        match (focus, key.code) {
            (_, KeyCode::Char('q')) => Some(Action::Quit),
            (Focus::Help, KeyCode::Char('?') | KeyCode::Esc) => Some(Action::Close),
            (Focus::Help, KeyCode::Char('J')) => Some(Action::ScrollDown),
            (Focus::Help, KeyCode::Char('K')) => Some(Action::ScrollUp),
            (_, KeyCode::Char('?')) => Some(Action::ShowHelp),
            (Focus::Help, _) => None,
            // The picker is a choice to make: it takes no search above it.
            (Focus::Picker, KeyCode::Esc | KeyCode::Char('c')) => Some(Action::Close),
            (Focus::Picker, KeyCode::Enter) => Some(Action::Confirm),
            (Focus::Picker, _) => None,
            (_, KeyCode::Char('/')) => Some(Action::OpenSearch),
            (Focus::Faq, KeyCode::Esc | KeyCode::Char('f')) => Some(Action::Close),
            (Focus::Review, KeyCode::Char(c @ '1'..='4')) => Some(Action::Grade(c as u8 - b'0')),
            (Focus::Review, KeyCode::Enter | KeyCode::Char('y')) => Some(Action::Grade(3)),
            (Focus::Review, KeyCode::Char('f')) => Some(Action::Grade(1)),
            (Focus::Review, KeyCode::Char('o')) => Some(Action::Open),
            (Focus::Review, KeyCode::Char('e')) => Some(Action::EditNote),
            (Focus::Pane(_) | Focus::Review, KeyCode::Char('u')) => Some(Action::Undo),
            (Focus::Pane(_) | Focus::Review, KeyCode::Char('U')) => Some(Action::Redo),
            (Focus::Review | Focus::Stats | Focus::Today, KeyCode::Esc) => Some(Action::Close),
            (Focus::Today, KeyCode::Char('T')) => Some(Action::Close),
            (Focus::Today, KeyCode::Enter | KeyCode::Char('o')) => Some(Action::Confirm),
            (Focus::Today, KeyCode::Char('j') | KeyCode::Down) => Some(Action::Down),
            (Focus::Today, KeyCode::Char('k') | KeyCode::Up) => Some(Action::Up),
            (Focus::Today, _) => None,
            (Focus::Review, KeyCode::Char('r')) | (Focus::Stats, KeyCode::Char('S')) => Some(Action::Close),
            (Focus::Stats, KeyCode::Char('J')) => Some(Action::ScrollDown),
            (Focus::Stats, KeyCode::Char('K')) => Some(Action::ScrollUp),
            (Focus::Review | Focus::Stats, _) => None,
            (_, KeyCode::Char('J')) => Some(Action::ScrollDown),
            (_, KeyCode::Char('K')) => Some(Action::ScrollUp),
            (Focus::Faq, _) => None,
            (Focus::Pane(pane), code) => pane_key(pane, code),
            (Focus::Search | Focus::Prompt, _) => None,
        }
    }
}

impl Action {
    /// What pasted `text` means when `focus` has the focus: typed into the
    /// search box as one edit (line breaks and tabs become spaces, other
    /// control characters are dropped); anywhere else nothing, so pasted
    /// text never runs as keys.
    pub fn from_paste(text: &str, focus: Focus) -> Vec<Action> {
        if focus != Focus::Search {
            return Vec::new();
        }
        text.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .map(Action::SearchInput)
            .collect()
    }
}

/// Keys in the search box: everything printable is typed.
fn search_key(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match code {
        KeyCode::Char('w') if ctrl => Action::SearchDeleteWord,
        KeyCode::Char('u') if ctrl => Action::SearchClear,
        KeyCode::Char('n') if ctrl => Action::Down,
        KeyCode::Char('p') if ctrl => Action::Up,
        _ if ctrl => return None,
        KeyCode::Char(c) => Action::SearchInput(c),
        KeyCode::Backspace => Action::SearchBackspace,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc => Action::Close,
        _ => return None,
    })
}

/// Keys that move a selection, the same in every list.
fn movement(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::Char('g') | KeyCode::Home => Action::First,
        KeyCode::Char('G') | KeyCode::End => Action::Last,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        _ => return None,
    })
}

fn pane_key(pane: Pane, code: KeyCode) -> Option<Action> {
    Some(match (pane, code) {
        (_, KeyCode::Tab) => Action::FocusNext,
        (_, KeyCode::BackTab) => Action::FocusPrev,
        (_, KeyCode::Char('h') | KeyCode::Left) => Action::FocusLeft,
        (_, KeyCode::Char('l') | KeyCode::Right) => Action::FocusRight,
        (_, KeyCode::Char('f')) => Action::ShowFaq,
        (_, KeyCode::Char('n')) => Action::NextUnfinished,
        (_, KeyCode::Char('N')) => Action::PrevUnfinished,
        (_, KeyCode::Char('H')) => Action::ToggleHideDone,
        (_, KeyCode::Char('t')) => Action::CycleKind,
        (_, KeyCode::Char('y')) => Action::Copy,
        (_, KeyCode::Char('c')) => Action::OpenPicker,
        (_, KeyCode::Char('r')) => Action::OpenReview,
        (_, KeyCode::Char('S')) => Action::OpenStats,
        (_, KeyCode::Char('T')) => Action::OpenToday,
        (Pane::Topics, KeyCode::Char('e')) => Action::EditNote,
        (Pane::Steps | Pane::Topics, KeyCode::Char('R')) => Action::Reset,
        (Pane::Steps, KeyCode::Enter) => Action::FocusRight,
        (Pane::Topics, KeyCode::Char(' ' | 'x')) => Action::Toggle,
        (Pane::Topics, KeyCode::Enter | KeyCode::Char('o')) => Action::Open,
        (Pane::Topics, KeyCode::Char('i')) => Action::MarkProgress,
        (Pane::Topics, KeyCode::Char('s')) => Action::MarkSkipped,
        (Pane::Resources, KeyCode::Char(' ' | 'x')) => Action::Toggle,
        (Pane::Resources, KeyCode::Enter | KeyCode::Char('o')) => Action::Open,
        _ => return None,
    })
}

impl Pane {
    /// The pane after this one in Tab order.
    pub fn next(self) -> Pane {
        match self {
            Pane::Steps => Pane::Topics,
            Pane::Topics => Pane::Resources,
            Pane::Resources => Pane::Steps,
        }
    }

    /// The pane before this one in Tab order.
    pub fn prev(self) -> Pane {
        match self {
            Pane::Steps => Pane::Resources,
            Pane::Topics => Pane::Steps,
            Pane::Resources => Pane::Topics,
        }
    }
}

/// The rows of [`KEYS`] that work on this system.
pub fn keys() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    KEYS.iter().filter(|(keys, _)| CAN_SUSPEND || *keys != SUSPEND_KEY)
}

/// The key table as text, for `--help`.
pub fn keys_help() -> String {
    let mut out = String::from("Keys in the TUI:\n");
    for (keys, what) in keys() {
        out.push_str(&format!("  {keys:<16} {what}\n"));
    }
    out.push_str("\nRun without a command to open the TUI. Press ? in it for these keys.");
    out
}
