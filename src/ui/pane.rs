//! What every pane shares: its block, and drawing a wrapped list in it.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Text;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, ListItem, ListState, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use crate::app::Row;
use crate::ui::Theme;
use crate::ui::list::WindowedList;

/// What marks the focused pane's title, so focus is not told by colour
/// and border weight alone (a braille display shows neither).
pub const FOCUS_MARK: &str = " ▸";

/// A bordered block titled `title`, styled by whether it has the focus.
pub fn block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused { theme.focused } else { theme.unfocused };
    let border_type = if focused { BorderType::Thick } else { BorderType::Rounded };
    let mut title = title.into();
    if focused {
        title.spans.insert(0, Span::raw(FOCUS_MARK));
    }
    Block::bordered().border_type(border_type).border_style(style).title(title.style(style))
}

/// A list of `count` multi-line items made by `item`, with a scrollbar
/// when it overflows (see [`WindowedList`]); `state` keeps the selection
/// and the scroll offset between frames. Returns the rows drawn.
#[allow(clippy::too_many_arguments)]
pub fn render_list(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    count: usize,
    item: impl Fn(usize) -> Text<'static>,
    state: &mut ListState,
    focused: bool,
    theme: &Theme,
) -> Vec<Row> {
    render_list_fitting(frame, area, block, count, item, None, state, focused, theme)
}

/// [`render_list`] for items that know how to fit fewer rows (see
/// [`WindowedList::fit`]).
#[allow(clippy::too_many_arguments)]
pub fn render_list_fitting(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    count: usize,
    item: impl Fn(usize) -> Text<'static>,
    fit: Option<&dyn Fn(usize, usize) -> Text<'static>>,
    state: &mut ListState,
    focused: bool,
    theme: &Theme,
) -> Vec<Row> {
    let highlight = if focused { theme.selected } else { theme.selected_idle };
    let mut rows = Vec::new();
    let mut list = WindowedList::new(count, item)
        .block(block)
        .highlight_style(highlight)
        .scrollbar_style(theme.dim)
        .record(&mut rows);
    if let Some(fit) = fit {
        list = list.fit(fit);
    }
    frame.render_stateful_widget(list, area, state);
    // The focused selection is also marked by a sign on the border beside
    // it: reverse video is lost on a braille display, in a screen reader's
    // text and in a copy of the screen.
    let selected = state.selected().and_then(|i| rows.iter().find(|r| r.item == i));
    if focused && let Some(row) = selected.filter(|r| r.y > area.y && r.y < area.bottom().saturating_sub(1)) {
        frame.buffer_mut()[(area.x, row.y)].set_symbol(SELECTED_MARK);
    }
    rows
}

/// What marks the focused list's selected row, on the border beside it.
pub const SELECTED_MARK: &str = "▸";

/// Rows needed by the items `item(0..count)`, counting no further than `cap`.
pub fn rows_needed(count: usize, item: impl Fn(usize) -> Text<'static>, cap: usize) -> usize {
    let mut rows = 0;
    for i in 0..count {
        if rows >= cap {
            break;
        }
        rows += item(i).height();
    }
    rows.max(1)
}

/// Lines scrolled in a bordered block, with a scrollbar when they overflow.
pub fn render_text(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    lines: Vec<Line<'static>>,
    scroll: u16,
    theme: &Theme,
) {
    let inner = block.inner(area);
    let total = lines.len();
    let visible: Vec<Line<'static>> = lines.into_iter().skip(scroll as usize).collect();
    frame.render_widget(ratatui::widgets::Paragraph::new(visible).block(block), area);
    if total > inner.height as usize {
        let max = total - inner.height as usize;
        let mut bar = ScrollbarState::new(max + 1).position(scroll as usize);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.dim);
        frame.render_stateful_widget(scrollbar, area.inner(Margin::new(0, 1)), &mut bar);
    }
}

/// A dim placeholder for an empty list, wrapped to the block in `area`.
pub fn empty(text: &str, theme: &Theme, area: Rect) -> ListItem<'static> {
    let width = area.width.saturating_sub(2) as usize;
    ListItem::new(crate::ui::wrap::wrap(&[Span::styled(format!(" {text}"), theme.dim)], width, 1))
}

/// How far text of `lines` lines can scroll in a bordered `area`.
pub fn max_scroll(lines: usize, area: Rect) -> u16 {
    lines.saturating_sub(area.height.saturating_sub(2) as usize) as u16
}
