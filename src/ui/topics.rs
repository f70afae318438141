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
    let block = pane::block(title, focused, &theme);
    if step.topics.is_empty() {
        let empty = pane::empty("No topics in this step", &theme);
        frame.render_widget(ratatui::widgets::List::new([empty]).block(block), area);
        return;
    }
    let count = step.topics.len();
    let mut state = std::mem::take(&mut app.lists.topics);
    pane::render_list(frame, area, block, count, |t| item(app, t, width), &mut state, focused, &theme);
    app.lists.topics = state;
}

/// Rows the checklist needs at `width` columns, counting no further than `cap`.
pub fn line_count(app: &App, width: usize, cap: usize) -> usize {
    pane::rows_needed(app.step().topics.len(), |t| item(app, t, width), cap)
}

fn item(app: &App, t: usize, width: usize) -> ListItem<'static> {
    let theme = &app.theme;
    let step = app.step();
    let (mark, style) =
        if app.is_done(app.step_index(), t) { ("[x] ", theme.done) } else { ("[ ] ", theme.dim) };
    let spans =
        [Span::raw(" "), Span::styled(mark, style), Span::raw(step.topics[t].title.get_ref().clone())];
    ListItem::new(wrap::wrap(&spans, width, 5))
}
