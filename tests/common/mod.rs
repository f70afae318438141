//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pty;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use learnpath::app::App;
use learnpath::curriculum::Curriculum;
use learnpath::progress::Progress;
use learnpath::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The fixed time every test clock returns.
pub const NOW: &str = "2026-03-01T12:00:00Z";

/// The shipped path with progress in `dir`, a fixed clock and colours.
pub fn app_in(dir: &std::path::Path) -> App {
    let progress = Progress::open(dir).unwrap();
    App::new(Curriculum::shipped(), progress)
        .with_clock(Box::new(|| NOW.parse::<Timestamp>().unwrap()))
        .with_theme(Theme::dark())
}

/// The shipped path with in-memory progress.
pub fn app() -> App {
    App::new(Curriculum::shipped(), Progress::in_memory())
        .with_clock(Box::new(|| NOW.parse::<Timestamp>().unwrap()))
        .with_theme(Theme::dark())
}

/// A key press event.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Key events for each char of `s`.
pub fn typed(s: &str) -> Vec<std::io::Result<Event>> {
    s.chars().map(|c| Ok(Event::Key(key(KeyCode::Char(c))))).collect()
}

/// Runs the whole loop over `events` on a `width` x `height` test terminal
/// and returns it with every URL the opener was asked to open.
pub fn run(
    app: &mut App,
    width: u16,
    height: u16,
    events: Vec<std::io::Result<Event>>,
) -> (Terminal<TestBackend>, Vec<String>) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut opened = Vec::new();
    let mut opener = |url: &str| {
        opened.push(url.to_string());
        Ok(false)
    };
    learnpath::tui::run(&mut terminal, app, events, &mut opener).unwrap();
    (terminal, opened)
}

/// The screen as plain text lines.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
