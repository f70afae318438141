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

/// A list of `count` multi-line items made by `item`, with a scrollbar
/// when it overflows. Only the rows on screen are built, so a frame costs
/// the same however long the list is; `state` keeps the selection and the
/// scroll offset between frames.
#[allow(clippy::too_many_arguments)]
pub fn render_list(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    count: usize,
    item: impl Fn(usize) -> ListItem<'static>,
    state: &mut ListState,
    focused: bool,
    theme: &Theme,
) {
    let inner = block.inner(area);
    let height = inner.height as usize;
    let selected = state.selected().unwrap_or(0).min(count.saturating_sub(1));
    let mut built: Vec<(usize, ListItem<'static>)> = Vec::new();
    // Walk up from the selection while the rows still fit, never above the
    // old offset: that is the new offset, scrolled only as far as needed.
    let mut first = selected;
    let mut used = 0;
    if count > 0 {
        let it = item(selected);
        used = it.height();
        built.push((selected, it));
        let old = state.offset().min(selected);
        while first > old {
            let it = item(first - 1);
            if used + it.height() > height {
                break;
            }
            used += it.height();
            first -= 1;
            built.push((first, it));
        }
    }
    built.reverse();
    let mut next = selected + 1;
    while used < height && next < count {
        let it = item(next);
        used += it.height();
        built.push((next, it));
        next += 1;
    }
    let rows: Vec<ListItem<'static>> = built.into_iter().map(|(_, it)| it).collect();
    let highlight = if focused { theme.selected } else { theme.selected_idle };
    let list = List::new(rows).block(block).highlight_style(highlight);
    let mut window = ListState::default().with_selected((count > 0).then_some(selected - first));
    frame.render_stateful_widget(list, area, &mut window);
    *state.offset_mut() = first;
    if first > 0 || next < count || used > height {
        let mut bar = ScrollbarState::new(count).position(selected);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.dim);
        frame.render_stateful_widget(scrollbar, area.inner(Margin::new(0, 1)), &mut bar);
    }
}

/// Rows needed by the items `item(0..count)`, counting no further than `cap`.
pub fn rows_needed(count: usize, item: impl Fn(usize) -> ListItem<'static>, cap: usize) -> usize {
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
