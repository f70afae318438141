//! The steps pane: every step with its number and done/total count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use crate::action::Pane;
use crate::app::App;
use crate::ui::{pane, wrap};

/// Draws the steps pane.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App) {
    let focused = app.focus == Pane::Steps;
    let theme = app.theme;
    let width = area.width.saturating_sub(2) as usize;
    let items = (0..app.curriculum.steps().len()).map(|i| item(app, i, width)).collect();
    let block = pane::block(" Steps ", focused, &theme);
    pane::render_list(frame, area, block, items, &mut app.lists.steps, focused, &theme);
}

/// The label of step `i`: `1.` for numbered steps, `+` for extras.
pub fn label(app: &App, i: usize) -> String {
    let steps = app.curriculum.steps();
    if steps[i].optional {
        "+".to_string()
    } else {
        format!("{}.", steps[..=i].iter().filter(|s| !s.optional).count())
    }
}

/// `1. Title` wrapped to the pane, the done/total count right-aligned on
/// the last line (or on a line of its own when the title leaves no room).
fn item(app: &App, i: usize, width: usize) -> ListItem<'static> {
    let theme = &app.theme;
    let step = &app.curriculum.steps()[i];
    let (done, total) = (app.done_in(i), step.topics.len());
    let count = format!("{done}/{total}");
    let count_style = if total > 0 && done == total { theme.done } else { theme.dim };
    let label = label(app, i);
    let spans = [Span::styled(format!("{label} "), theme.dim), Span::raw(step.title.get_ref().clone())];
    let mut lines = wrap::wrap(&spans, width.saturating_sub(1).max(1), label.len() + 1);
    let last_width = lines.last().map_or(0, Line::width);
    if last_width + 1 + count.len() > width {
        lines.push(Line::default());
    }
    if let Some(last) = lines.last_mut() {
        let used = last.width();
        last.spans.push(Span::raw(" ".repeat(width.saturating_sub(used + count.len()))));
        last.spans.push(Span::styled(count, count_style));
    }
    ListItem::new(lines)
}
