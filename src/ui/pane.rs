//! What every pane shares: its block, and drawing a wrapped list in it.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, List, ListItem, ListState, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use crate::ui::Theme;

/// A bordered block titled `title`, styled by whether it has the focus.
pub fn block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused { theme.focused } else { theme.unfocused };
    let border_type = if focused { BorderType::Thick } else { BorderType::Rounded };
    Block::bordered().border_type(border_type).border_style(style).title(title.into().style(style))
}

/// A list of multi-line items with a scrollbar when it overflows.
pub fn render_list(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    items: Vec<ListItem<'static>>,
    state: &mut ListState,
    focused: bool,
    theme: &Theme,
) {
    let inner = block.inner(area);
    let count = items.len();
    let lines: usize = items.iter().map(ListItem::height).sum();
    let highlight = if focused { theme.selected } else { theme.selected_idle };
    let list = List::new(items).block(block).highlight_style(highlight);
    frame.render_stateful_widget(list, area, state);
    if lines > inner.height as usize {
        let mut bar = ScrollbarState::new(count).position(state.selected().unwrap_or(0));
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.dim);
        frame.render_stateful_widget(scrollbar, area.inner(Margin::new(0, 1)), &mut bar);
    }
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

/// A dim placeholder line for an empty list.
pub fn empty(text: &str, theme: &Theme) -> ListItem<'static> {
    ListItem::new(Line::from(Span::styled(text.to_string(), theme.dim)))
}

/// How far text of `lines` lines can scroll in a bordered `area`.
pub fn max_scroll(lines: usize, area: Rect) -> u16 {
    lines.saturating_sub(area.height.saturating_sub(2) as usize) as u16
}
