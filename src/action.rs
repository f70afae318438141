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
    /// Tick or untick the selected topic.
    Toggle,
    /// Open the selected resource in the browser.
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
}

/// The key table: keys, what they do. Shown by `?` and in the README.
pub const KEYS: &[(&str, &str)] = &[
    ("Tab / Shift-Tab", "focus the next / previous pane"),
    ("h l / ← →", "focus the pane to the left / right"),
    ("j k / ↓ ↑", "move down / up"),
    ("g G / Home End", "first / last"),
    ("PgDn PgUp", "a page down / up"),
    ("Space / x", "tick or untick the topic (saved at once)"),
    ("Enter / o", "open the resource in your browser"),
    ("J K", "scroll the step's description / the answer"),
    ("f", "frequently asked questions"),
    ("?", "this help"),
    ("Esc", "close the help or the FAQ"),
    ("Ctrl-Z", "suspend to the shell (fg to come back)"),
    ("q / Ctrl-C", "quit"),
];

impl Action {
    /// The action for `key` when `focus` has the focus, if any.
    pub fn from_key(key: KeyEvent, focus: Focus) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl {
            return match key.code {
                KeyCode::Char('c') => Some(Action::Quit),
                KeyCode::Char('z') => Some(Action::Suspend),
                _ => None,
            };
        }
        if let Some(action) = movement(key.code) {
            return Some(action);
        }
        match (focus, key.code) {
            (_, KeyCode::Char('q')) => Some(Action::Quit),
            (Focus::Help, KeyCode::Char('?') | KeyCode::Esc) => Some(Action::Close),
            (_, KeyCode::Char('?')) => Some(Action::ShowHelp),
            (Focus::Faq, KeyCode::Esc | KeyCode::Char('f')) => Some(Action::Close),
            (Focus::Help, _) => None,
            (_, KeyCode::Char('J')) => Some(Action::ScrollDown),
            (_, KeyCode::Char('K')) => Some(Action::ScrollUp),
            (Focus::Faq, _) => None,
            (Focus::Pane(pane), code) => pane_key(pane, code),
        }
    }
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
        (Pane::Steps, KeyCode::Enter) => Action::FocusRight,
        (Pane::Topics, KeyCode::Char(' ' | 'x') | KeyCode::Enter) => Action::Toggle,
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
