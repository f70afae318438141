//! The key map, as data: one table says, for every key, where it works,
//! what it does and how the help describes it. Dispatch ([`from_key`]),
//! the `?` overlay, `--help`, the man page and the README's key table are
//! all made from [`KEYMAP`], so they cannot disagree; a test checks that no
//! key means two things in one place.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, Focus};

mod table;

pub use table::{EVERYWHERE, KEYMAP};

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key, with Ctrl held or not.
    Code(KeyCode, bool),
    /// Any printable character (typed into the search box).
    AnyChar,
}

/// A character key.
pub(super) const fn ch(c: char) -> Key {
    Key::Code(KeyCode::Char(c), false)
}

/// A character key with Ctrl.
pub(super) const fn ctrl(c: char) -> Key {
    Key::Code(KeyCode::Char(c), true)
}

/// Any other key.
pub(super) const fn code(code: KeyCode) -> Key {
    Key::Code(code, false)
}

/// What a key does: one action, or the character typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Does {
    /// This action.
    Act(Action),
    /// [`Action::SearchInput`] with the character typed.
    Type,
}

/// The sections of the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Moving around the main screen and lists.
    Move,
    /// Changing progress.
    Progress,
    /// Links, notes, search.
    Find,
    /// The views over the main screen.
    Views,
    /// Inside a view or the search box.
    Inside,
    /// The app itself.
    App,
}

impl Group {
    /// The section's title.
    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Moving",
            Group::Progress => "Progress",
            Group::Find => "Links, notes and search",
            Group::Views => "Views",
            Group::Inside => "Inside a view",
            Group::App => "The app",
        }
    }
}

/// One row of the key map: where it works, its keys and what each does,
/// and the help's words for it.
#[derive(Debug)]
pub struct Row {
    /// Where the keys work.
    pub scope: &'static [Focus],
    /// Keys and what they do, in the order the help names them.
    pub binds: &'static [(&'static [Key], Does)],
    /// What the help says.
    pub help: &'static str,
    /// The help's section.
    pub group: Group,
    /// Whether it works only where shells have job control (Unix).
    pub unix_only: bool,
    /// How plain mode does the same.
    pub plain: Plain,
}

/// How plain mode (`--plain`), which reads commands line by line, does
/// what a row's keys do. Every row says, so nothing the keys reach is out
/// of reach there (a test walks the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plain {
    /// Its commands, alternatives split by ` / `; `N` stands for an item's
    /// number, `WORDS` for what to search.
    Command(&'static str),
    /// Not needed in plain mode, and why.
    NotNeeded(&'static str),
}

/// Whether Ctrl-Z suspends: only where shells have job control. On
/// Windows there is no `fg` to come back with, so the key is not offered.
pub const CAN_SUSPEND: bool = cfg!(unix);

impl Row {
    /// Whether the row works on this system.
    pub fn here(&self) -> bool {
        CAN_SUSPEND || !self.unix_only
    }

    /// What the row does for `key`, if it names it.
    fn action(&self, key: &KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        self.binds.iter().find_map(|(keys, does)| {
            let named = keys.iter().any(|k| match *k {
                Key::Code(code, c) => code == key.code && c == ctrl,
                Key::AnyChar => !ctrl && matches!(key.code, KeyCode::Char(_)),
            });
            match (named, does, key.code) {
                (false, ..) => None,
                (true, Does::Act(action), _) => Some(action.clone()),
                (true, Does::Type, KeyCode::Char(c)) => Some(Action::SearchInput(c)),
                (true, Does::Type, _) => None,
            }
        })
    }

    /// The row's keys as the help shows them: each action's keys apart by
    /// `, `, the actions apart by ` / ` (`j, ↓ / k, ↑`: move down / up).
    pub fn keys(&self) -> String {
        self.binds
            .iter()
            .map(|(keys, _)| keys.iter().map(|k| label(*k)).collect::<Vec<_>>().join(", "))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// How the help writes `key`.
pub fn label(key: Key) -> String {
    let Key::Code(code, ctrl) = key else { return "a–z…".into() };
    let name = match code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) if ctrl => c.to_ascii_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if ctrl { format!("Ctrl-{name}") } else { name }
}

/// The action for `key` when `focus` has the focus, if any.
pub fn from_key(key: KeyEvent, focus: Focus) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    KEYMAP.iter().filter(|r| r.here() && r.scope.contains(&focus)).find_map(|r| r.action(&key))
}

/// What pasted `text` means when `focus` has the focus: typed into the
/// search box as one edit (line breaks and tabs become spaces, other
/// control characters are dropped); anywhere else nothing, so pasted text
/// never runs as keys.
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

/// The rows the help shows on this system.
pub fn rows() -> impl Iterator<Item = &'static Row> {
    KEYMAP.iter().filter(|r| r.here())
}

/// The key table as text, for `--help` and the man page.
pub fn help_text() -> String {
    let mut out = String::from("Keys in the TUI:\n");
    let mut group = None;
    for row in rows() {
        if group != Some(row.group) {
            out.push_str(&format!("{}:\n", row.group.title()));
            group = Some(row.group);
        }
        out.push_str(&format!("  {:<20} {}\n", row.keys(), row.help));
    }
    out.push_str("\nRun without a command to open the TUI. Press ? in it for these keys.");
    out
}

/// The key table as Markdown, for the README: every row, whatever the
/// system.
pub fn markdown() -> String {
    let mut out = String::new();
    let mut group = None;
    for row in KEYMAP {
        if group != Some(row.group) {
            if group.is_some() {
                out.push('\n');
            }
            out.push_str(&format!("**{}**\n\n| Key | What it does |\n|---|---|\n", row.group.title()));
            group = Some(row.group);
        }
        out.push_str(&format!("| {} | {} |\n", row.keys(), row.help));
    }
    out
}
