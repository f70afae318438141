//! The bottom line: overall progress, then the message or the key hints.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use crate::app::{App, Message};
use crate::app::{Focus, Pane};
use crate::sync::State as SyncState;
use crate::ui::wrap;

/// Width of the progress gauge at the left of the status line.
const GAUGE: u16 = 20;

/// Most rows a long message may take.
const MAX_MESSAGE_ROWS: usize = 3;

/// Draws the status line: the gauge, then the message if it fits beside
/// it, else the hints with the message wrapped on the rows below.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme();
    let (done, total) = (app.done_total(), app.path().curriculum.topic_count());
    let label = format!("{done}/{total} · {}%", crate::progress::percent(done, total));
    let [first, below] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let [gauge, mut rest] =
        Layout::horizontal([Constraint::Length(GAUGE), Constraint::Fill(1)]).spacing(1).areas(first);
    if let Some(state) = app.sync() {
        let [left, sync] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(sync_width(app))])
            .spacing(1)
            .areas(rest);
        let style =
            if matches!(state, SyncState::Offline(_) | SyncState::Refused) { theme.error } else { theme.dim };
        frame.render_widget(Paragraph::new(Span::styled(state.label(), style)), sync);
        rest = left;
    }
    let ratio = if total == 0 { 0.0 } else { done as f64 / total as f64 };
    frame.render_widget(Gauge::default().gauge_style(theme.gauge).ratio(ratio).label(label), gauge);
    let message = message_lines(app, rest.width as usize, area.width as usize);
    match message {
        Some(lines) if lines.len() == 1 && below.height == 0 => {
            frame.render_widget(Paragraph::new(lines), rest)
        }
        Some(lines) => {
            frame.render_widget(Paragraph::new(hints(app, rest.width as usize)), rest);
            frame.render_widget(Paragraph::new(lines), below);
        }
        None => frame.render_widget(Paragraph::new(hints(app, rest.width as usize)), rest),
    }
}

/// Columns the sync state takes at the right, when syncing is on.
fn sync_width(app: &App) -> u16 {
    app.sync().map_or(0, |s| Span::raw(s.label()).width() as u16)
}

/// Rows the status line needs at `width` columns.
pub fn rows(app: &App, width: u16) -> u16 {
    let sync = if app.sync().is_some() { sync_width(app) + 1 } else { 0 };
    let beside = width.saturating_sub(GAUGE + 1 + sync) as usize;
    match message_lines(app, beside, width as usize) {
        Some(lines) if lines.len() > 1 || lines[0].width() > beside => 1 + lines.len() as u16,
        _ => 1,
    }
}

/// The message as one line if it fits in `beside` columns, else wrapped to
/// `full` columns (at most a few rows).
fn message_lines(app: &App, beside: usize, full: usize) -> Option<Vec<Line<'static>>> {
    let (text, style) = match &app.message() {
        Some(Message::Info(text)) => (text, app.theme().info),
        Some(Message::Error(text)) => (text, app.theme().error),
        None => return None,
    };
    let span = Span::styled(text.clone(), style);
    if span.width() <= beside {
        return Some(vec![Line::from(span)]);
    }
    let mut lines = wrap::wrap(&[span], full.saturating_sub(1), 0);
    lines.truncate(MAX_MESSAGE_ROWS);
    Some(lines)
}

/// The key hints for the focus, as many whole hints as fit in `width`.
fn hints(app: &App, width: usize) -> Line<'static> {
    let hints: &[(&str, &str)] = match app.key_focus() {
        Focus::Help => &[("j/k J/K", "scroll"), ("Esc", "close"), ("q", "quit")],
        Focus::Search => {
            &[("↑↓", "choose"), ("Enter", "go"), ("^W", "word"), ("^U", "clear"), ("Esc", "close")]
        }
        Focus::Prompt => &[("s", "step"), ("p", "path"), ("Esc", "cancel")],
        Focus::Picker => &[("j/k", "move"), ("Enter", "open"), ("Esc", "close"), ("q", "quit")],
        Focus::Review => {
            &[("1-4", "again/hard/good/easy"), ("o", "open"), ("e", "note"), ("Esc", "back"), ("q", "quit")]
        }
        Focus::Stats => &[("j/k J/K", "scroll"), ("Esc", "back"), ("?", "help"), ("q", "quit")],
        Focus::Today => &[("j/k", "move"), ("Enter", "go"), ("Esc", "back"), ("q", "quit")],
        Focus::Faq => &[("j/k", "question"), ("J/K", "scroll"), ("Esc", "back"), ("q", "quit")],
        Focus::Pane(Pane::Steps) => &[
            ("j/k", "move"),
            ("l", "topics"),
            ("n", "next todo"),
            ("/", "search"),
            ("f", "FAQ"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Focus::Pane(Pane::Topics) if app.full_page() => &[
            ("Space", "done"),
            ("j/k", "topic"),
            ("J/K", "scroll"),
            ("o", "open link"),
            ("e", "note"),
            ("z", "panes"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Focus::Pane(Pane::Topics) => &[
            ("Space", "done"),
            ("i", "doing"),
            ("s", "skip"),
            ("e", "note"),
            ("Enter", "links"),
            ("n", "next todo"),
            ("/", "search"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Focus::Pane(Pane::Resources) if app.remote() => {
            &[("Enter", "copy"), ("Space", "read"), ("/", "search"), ("?", "help"), ("q", "quit")]
        }
        Focus::Pane(Pane::Resources) => &[
            ("Enter", "open"),
            ("Space", "read"),
            ("y", "copy"),
            ("/", "search"),
            ("?", "help"),
            ("q", "quit"),
        ],
    };
    // Drop hints from the middle until the rest fits: the pane's own keys
    // come first and "? help" and "q quit" last, and those matter most.
    let mut shown: Vec<(&str, &str)> = hints.to_vec();
    let width_of = |h: &[(&str, &str)]| -> usize {
        h.iter().map(|(k, w)| k.chars().count() + 1 + w.chars().count()).sum::<usize>()
            + 2 * h.len().saturating_sub(1)
    };
    while width_of(&shown) > width && shown.len() > 2 {
        shown.remove(shown.len() - 3);
    }
    while width_of(&shown) > width && !shown.is_empty() {
        shown.remove(0);
    }
    let mut spans = Vec::new();
    for (i, (key, what)) in shown.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key.to_string(), app.theme().key));
        spans.push(Span::styled(format!(" {what}"), app.theme().dim));
    }
    Line::from(spans)
}

/// Shown instead of the layout when the terminal is too small.
pub fn render_too_small(frame: &mut Frame, area: Rect, app: &App) {
    let text = format!(
        "Terminal too small ({}x{}). Enlarge it to at least {}x{}, or press q to quit.",
        area.width,
        area.height,
        crate::ui::layout::MIN_WIDTH,
        crate::ui::layout::MIN_HEIGHT
    );
    let para = Paragraph::new(Span::styled(text, app.theme().error)).wrap(Wrap { trim: true });
    frame.render_widget(para, area);
}
