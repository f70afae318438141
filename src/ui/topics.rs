//! The selected step's topics, as a checklist.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::ListItem;

use crate::action::Pane;
use crate::app::App;
use crate::ui::{pane, wrap};

/// Draws the topics checklist.
pub fn render(frame: &mut Frame, area: Rect, app: &mut App) {
    let focused = app.focus == Pane::Topics;
    let theme = app.theme;
    let width = area.width.saturating_sub(2) as usize;
    let step = app.step();
    let title = format!(" Topics {}/{} ", app.done_in(app.step_index()), step.topics.len());
    let items: Vec<ListItem<'static>> = if step.topics.is_empty() {
        vec![pane::empty("No topics in this step", &theme)]
    } else {
        (0..step.topics.len()).map(|t| item(app, t, width)).collect()
    };
    let block = pane::block(title, focused, &theme);
    pane::render_list(frame, area, block, items, &mut app.lists.topics, focused, &theme);
}

/// Rows the checklist needs at `width` columns.
pub fn line_count(app: &App, width: usize) -> usize {
    let step = app.step();
    (0..step.topics.len()).map(|t| item(app, t, width).height()).sum::<usize>().max(1)
}

fn item(app: &App, t: usize, width: usize) -> ListItem<'static> {
    let theme = &app.theme;
    let step = app.step();
    let (mark, style) = if app.is_done(step, t) { ("[x] ", theme.done) } else { ("[ ] ", theme.dim) };
    let spans =
        [Span::raw(" "), Span::styled(mark, style), Span::raw(step.topics[t].title.get_ref().clone())];
    ListItem::new(wrap::wrap(&spans, width, 5))
}
