//! The help overlay: every key, and where progress is saved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::action;
use crate::app::{App, Geometry, Scroll};
use crate::ui::{layout, pane, wrap};

const KEY_COLUMN: usize = 17;

/// Draws the help overlay over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, g: &mut Geometry) {
    let popup = popup_area(area, app);
    let lines = lines(app, popup.width.saturating_sub(2) as usize);
    g.text(Scroll::Help, popup, pane::max_scroll(lines.len(), popup));
    let scroll = app.help_scroll().unwrap_or(0).min(pane::max_scroll(lines.len(), popup));
    frame.render_widget(Clear, popup);
    let block = pane::block(" Help · Esc to close ", true, &app.theme);
    pane::render_text(frame, popup, block, lines, scroll, &app.theme);
}

/// Where the help may go: everything above the status line, which keeps
/// showing the progress and the help's own keys.
pub fn space(area: Rect, areas: &layout::Areas) -> Rect {
    Rect { height: areas.status.y.saturating_sub(area.y), ..area }
}

/// As tall as the help needs, as wide as 72 columns, within `area`.
fn popup_area(area: Rect, app: &App) -> Rect {
    let width = 96.min(area.width);
    let height = lines(app, width.saturating_sub(2) as usize).len() as u16 + 2;
    layout::centered(area, width, height)
}

fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out =
        vec![Line::from(Span::styled(format!(" {}", app.path.curriculum.title.get_ref()), theme.title))];
    out.push(Line::default());
    let desc_width = width.saturating_sub(KEY_COLUMN + 1).max(10);
    for (keys, what) in action::keys() {
        let mut rows = wrap::wrap(&[Span::raw(*what)], desc_width, 0).into_iter();
        let first = rows.next().unwrap_or_default();
        let mut line = vec![Span::styled(format!(" {keys:<KEY_COLUMN$}"), theme.key)];
        line.extend(first.spans);
        out.push(Line::from(line));
        for row in rows {
            let mut line = vec![Span::raw(" ".repeat(KEY_COLUMN + 1))];
            line.extend(row.spans);
            out.push(Line::from(line));
        }
    }
    out.push(Line::default());
    let saved = match app.progress.path() {
        Some(path) => format!("Progress is saved to {}", path.display()),
        None => "Progress is kept in memory only".to_string(),
    };
    out.extend(wrap::wrap(&[Span::raw(" "), Span::styled(saved, theme.dim)], width, 1));
    out
}
