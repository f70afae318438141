//! The steps pane: every step with its number and done/total count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::text::{Line, Span};

use crate::app::Pane;
use crate::app::{App, Geometry, Target};
use crate::ui::view_state::{List, ViewState};
use crate::ui::{pane, wrap};

/// Draws the steps pane.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, g: &mut Geometry) {
    let focused = app.focus() == Pane::Steps;
    let theme = app.theme();
    let width = area.width.saturating_sub(2) as usize;
    let count = app.path().curriculum.steps().len();
    let block = pane::block(" Steps ", focused, &theme);
    let state = view.list(List::Steps, app.lists().steps);
    let fit = |i: usize, rows: usize| item_within(app, i, width, rows);
    let rows = pane::render_list_fitting(
        frame,
        area,
        block,
        count,
        |i| item(app, i, width),
        Some(&fit),
        state,
        focused,
        &theme,
    );
    if app.key_focus() == crate::app::Focus::Pane(Pane::Steps) {
        g.cursor_on(&rows, app.lists().steps.selected(), area.x + 1);
    }
    g.list(Target::List(Pane::Steps), area, rows);
}

/// `1. Title` wrapped to the pane, the done/total count right-aligned on
/// the last line (or on a line of its own when the title leaves no room).
pub fn item(app: &App, i: usize, width: usize) -> Text<'static> {
    item_within(app, i, width, usize::MAX)
}

/// [`item`] in at most `rows` lines: the title is cut short with `…`, the
/// count never.
pub fn item_within(app: &App, i: usize, width: usize, rows: usize) -> Text<'static> {
    let theme = &app.theme();
    let step = &app.path().curriculum.steps()[i];
    let (done, total) = (app.done_in(i), step.topics.len());
    let finished = total > 0 && done + app.skipped_in(i) == total && done > 0;
    let count = match app.skipped_in(i) {
        0 => format!("{done}/{total}"),
        skipped => format!("{done}/{total} · {skipped} skipped"),
    };
    let count = if finished { format!("✓ {count}") } else { count };
    let count_style = if finished { theme.done } else { theme.dim };
    let count_width = count.chars().count();
    let label = app.label(i).to_string();
    let spans = [Span::styled(format!("{label} "), theme.dim), Span::raw(step.title.get_ref().clone())];
    // The title wraps short of the count, so the count always ends its last
    // line instead of sitting on a line of its own.
    let room = width.saturating_sub(count_width + 1).max(label.len() + 8).min(width.max(1));
    let mut lines = wrap::wrap(&spans, room, label.len() + 1);
    if lines.len() > rows.max(1) {
        lines.truncate(rows.max(1));
        if let Some(last) = lines.last_mut() {
            shorten(last, room.saturating_sub(1));
            last.spans.push(Span::raw(crate::ui::list::CUT));
        }
    }
    let last_width = lines.last().map_or(0, Line::width);
    if last_width + 1 + count_width > width && lines.len() < rows {
        lines.push(Line::default());
    }
    if let Some(last) = lines.last_mut() {
        let used = last.width();
        last.spans.push(Span::raw(" ".repeat(width.saturating_sub(used + count_width))));
        last.spans.push(Span::styled(count, count_style));
    }
    Text::from(lines)
}

/// Cuts `line` to at most `width` columns.
fn shorten(line: &mut Line<'static>, width: usize) {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let mut spans = Vec::new();
    for span in std::mem::take(&mut line.spans) {
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                break;
            }
            used += w;
            kept.push(c);
        }
        let full = kept.len() == span.content.len();
        spans.push(Span::styled(kept, span.style));
        if !full {
            break;
        }
    }
    line.spans = spans;
}
