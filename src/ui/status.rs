//! The bottom line: overall progress, then the message or the key hints.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use crate::action::{Focus, Pane};
use crate::app::{App, Message};

/// Draws the status line.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let (done, total) = (app.done_total(), app.curriculum.topic_count());
    let percent = crate::progress::percent(done, total);
    let label = format!("{done}/{total} · {percent}%");
    let [gauge, rest] =
        Layout::horizontal([Constraint::Length(22), Constraint::Fill(1)]).spacing(1).areas(area);
    let ratio = if total == 0 { 0.0 } else { done as f64 / total as f64 };
    frame.render_widget(Gauge::default().gauge_style(theme.gauge).ratio(ratio).label(label), gauge);
    let line = match &app.message {
        Some(Message::Info(text)) => Line::from(Span::styled(text.clone(), theme.info)),
        Some(Message::Error(text)) => Line::from(Span::styled(text.clone(), theme.error)),
        None => hints(app, rest.width as usize),
    };
    frame.render_widget(Paragraph::new(line), rest);
}

/// The key hints for the focus, as many whole hints as fit in `width`.
fn hints(app: &App, width: usize) -> Line<'static> {
    let hints: &[(&str, &str)] = match app.key_focus() {
        Focus::Help => &[("j/k", "scroll"), ("Esc", "close"), ("q", "quit")],
        Focus::Faq => &[("j/k", "question"), ("J/K", "scroll"), ("Esc", "back"), ("q", "quit")],
        Focus::Pane(Pane::Steps) => {
            &[("j/k", "move"), ("l", "topics"), ("Tab", "pane"), ("f", "FAQ"), ("?", "help"), ("q", "quit")]
        }
        Focus::Pane(Pane::Topics) => &[
            ("Space", "tick"),
            ("j/k", "move"),
            ("Tab", "pane"),
            ("h", "steps"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Focus::Pane(Pane::Resources) => &[
            ("Enter", "open"),
            ("j/k", "move"),
            ("Tab", "pane"),
            ("h", "steps"),
            ("?", "help"),
            ("q", "quit"),
        ],
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in hints {
        let w = key.chars().count() + what.len() + 3;
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::styled(key.to_string(), app.theme.key));
        spans.push(Span::styled(format!(" {what}   "), app.theme.dim));
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
    let para = Paragraph::new(Span::styled(text, app.theme.error)).wrap(Wrap { trim: true });
    frame.render_widget(para, area);
}
