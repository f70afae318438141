//! The help overlay: every key, and where progress is saved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use unicode_width::UnicodeWidthStr;

use crate::app::keymap;
use crate::app::{App, Geometry, Scroll};
use crate::ui::{layout, pane, wrap};

/// The widest key column the help gives; longer keys get a line of
/// their own, their text below.
const KEY_COLUMN: usize = 16;

/// Draws the help overlay over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, g: &mut Geometry) {
    let popup = popup_area(area, app);
    let lines = lines(app, popup.width.saturating_sub(2) as usize);
    g.text(Scroll::Help, popup, pane::max_scroll(lines.len(), popup));
    let scroll = app.help_scroll().unwrap_or(0).min(pane::max_scroll(lines.len(), popup));
    frame.render_widget(Clear, popup);
    // At the top of the text: reading starts there.
    g.cursor = Some(ratatui::layout::Position::new(popup.x + 1, popup.y + 1));
    let block = pane::block(" Help · Esc to close ", true, &app.theme());
    pane::render_text(frame, popup, block, lines, scroll, &app.theme());
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
    let theme = &app.theme();
    let mut out =
        vec![Line::from(Span::styled(format!(" {}", app.path().curriculum.title.get_ref()), theme.title))];
    out.push(Line::default());
    let column = keymap::rows().map(|r| r.keys().width()).max().unwrap_or(0).min(KEY_COLUMN);
    let desc_width = width.saturating_sub(column + 2).max(10);
    let mut group = None;
    for row in keymap::rows() {
        if group != Some(row.group) {
            if group.is_some() {
                out.push(Line::default());
            }
            out.push(Line::from(Span::styled(format!(" {}", row.group.title()), theme.title)));
            group = Some(row.group);
        }
        let mut rows = wrap::wrap(&[Span::raw(row.help)], desc_width, 0).into_iter();
        let keys = row.keys();
        if keys.width() > column {
            out.push(Line::from(Span::styled(format!(" {keys}"), theme.key)));
        } else {
            let first = rows.next().unwrap_or_default();
            let pad = column - keys.width();
            let mut line = vec![Span::styled(format!(" {keys}{} ", " ".repeat(pad)), theme.key)];
            line.extend(first.spans);
            out.push(Line::from(line));
        }
        for rest in rows {
            let mut line = vec![Span::raw(" ".repeat(column + 2))];
            line.extend(rest.spans);
            out.push(Line::from(line));
        }
    }
    out.push(Line::default());
    let saved = match app.progress().path() {
        Some(path) => format!("Progress is saved to {}", path.display()),
        None => "Progress is kept in memory only".to_string(),
    };
    out.extend(wrap::wrap(&[Span::raw(" "), Span::styled(saved, theme.dim)], width, 1));
    if let Some(dir) = &app.catalog().config_dir {
        let yours = format!(
            "Your own paths live in {} (learnpath new NAME writes one there)",
            dir.join("curricula").display()
        );
        out.extend(wrap::wrap(&[Span::raw(" "), Span::styled(yours, theme.dim)], width, 1));
    }
    out
}
