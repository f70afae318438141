//! A list of multi-line items that builds only the rows on screen.
//!
//! [`WindowedList`] asks for one item at a time, from the scroll offset
//! down to the bottom of its area, so a frame costs the same for a list of
//! ten items or ten thousand. At render time it fixes its window to the
//! area it is given: the selection is always on screen, a resize that makes
//! room shows the rows above again instead of leaving blank rows below, an
//! item taller than the area shows its first rows ending in `…`, and the
//! scrollbar shows where the window is, not where the selection is.

use std::collections::BTreeMap;

use crate::app::Row;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{
    Block, ListState, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

/// The mark at the end of an item cut short by the bottom of the list.
pub const CUT: &str = "…";

/// A windowed list of `count` items made by `item`.
pub struct WindowedList<'a, F> {
    count: usize,
    item: F,
    block: Option<Block<'a>>,
    highlight: Style,
    scrollbar: Style,
    drawn: Option<&'a mut Vec<Row>>,
    /// Item `i` made to fit `rows` rows, for the one the bottom cuts.
    fit: Option<&'a dyn Fn(usize, usize) -> Text<'static>>,
}

impl<'a, F: Fn(usize) -> Text<'static>> WindowedList<'a, F> {
    /// A list of `count` items; `item(i)` makes item `i`.
    pub fn new(count: usize, item: F) -> Self {
        WindowedList {
            count,
            item,
            block: None,
            highlight: Style::new(),
            scrollbar: Style::new(),
            drawn: None,
            fit: None,
        }
    }

    /// How to make an item fit fewer rows than it needs, when the bottom of
    /// the list would cut it (a step keeps its count; only its title is
    /// shortened).
    pub fn fit(mut self, fit: &'a dyn Fn(usize, usize) -> Text<'static>) -> Self {
        self.fit = Some(fit);
        self
    }

    /// Draws the list inside `block`.
    pub fn block(mut self, block: Block<'a>) -> Self {
        self.block = Some(block);
        self
    }

    /// The style laid over the selected item's rows.
    pub fn highlight_style(mut self, style: Style) -> Self {
        self.highlight = style;
        self
    }

    /// Where to write which item went on which rows (for the mouse).
    pub fn record(mut self, drawn: &'a mut Vec<Row>) -> Self {
        self.drawn = Some(drawn);
        self
    }

    /// The style of the scrollbar, drawn on the right border when the
    /// items do not all fit.
    pub fn scrollbar_style(mut self, style: Style) -> Self {
        self.scrollbar = style;
        self
    }
}

impl<F: Fn(usize) -> Text<'static>> StatefulWidget for WindowedList<'_, F> {
    type State = ListState;

    fn render(mut self, area: Rect, buf: &mut Buffer, state: &mut ListState) {
        let inner = match &self.block {
            Some(block) => {
                block.render(area, buf);
                block.inner(area)
            }
            None => area,
        };
        if self.count == 0 || inner.is_empty() {
            *state.offset_mut() = 0;
            return;
        }
        let height = inner.height as usize;
        let selected = state.selected().unwrap_or(0).min(self.count - 1);
        state.select(Some(selected));
        let mut items = Items { make: &self.item, built: BTreeMap::new() };
        let first = items.first(selected, state.offset(), height, self.count);
        *state.offset_mut() = first;
        let (mut y, bottom) = (inner.y, inner.bottom());
        let (mut i, mut cut) = (first, false);
        while y < bottom && i < self.count {
            let fitted = match self.fit {
                Some(fit) if items.height(i) > (bottom - y) as usize => Some(fit(i, (bottom - y) as usize)),
                _ => None,
            };
            let text = match &fitted {
                Some(text) => text,
                None => items.get(i),
            };
            let rows = (text.height() as u16).min(bottom - y);
            for (k, line) in text.lines.iter().take(rows as usize).enumerate() {
                buf.set_line(inner.x, y + k as u16, line, inner.width);
            }
            if (rows as usize) < text.height() && rows > 0 {
                cut = true;
                let last = &text.lines[rows as usize - 1];
                let x = inner.x + (last.width() as u16).min(inner.width - 1);
                buf.set_string(x, y + rows - 1, CUT, last.style);
            }
            if i == selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, rows), self.highlight);
            }
            if let Some(drawn) = self.drawn.as_deref_mut() {
                drawn.push(Row { item: i, y, height: rows });
            }
            y += rows;
            i += 1;
        }
        if first > 0 || i < self.count || cut {
            // Positions are items: the thumb is as long as the share of the
            // items on screen and ends at the bottom with the last item.
            let shown = i - first;
            let positions = self.count - shown + 1;
            let mut bar = ScrollbarState::new(positions).viewport_content_length(shown).position(first);
            let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(self.scrollbar);
            // On the right border, beside the rows of items.
            let column = Rect::new(area.right().saturating_sub(1), inner.y, 1, inner.height);
            scrollbar.render(column, buf, &mut bar);
        }
    }
}

/// Items built once per frame, on demand.
struct Items<'f, F> {
    make: &'f F,
    built: BTreeMap<usize, Text<'static>>,
}

impl<F: Fn(usize) -> Text<'static>> Items<'_, F> {
    fn get(&mut self, i: usize) -> &Text<'static> {
        self.built.entry(i).or_insert_with(|| (self.make)(i))
    }

    fn height(&mut self, i: usize) -> usize {
        self.get(i).height()
    }

    /// The first item of the window: the selection on screen, scrolled no
    /// further than needed from the old `offset`, and no lower than needed
    /// to fill `height` rows.
    fn first(&mut self, selected: usize, offset: usize, height: usize, count: usize) -> usize {
        // Up from the selection while it still fits, not above the old offset.
        let mut first = selected;
        let mut used = self.height(selected);
        while first > offset.min(selected) && used + self.height(first - 1) <= height {
            first -= 1;
            used += self.height(first);
        }
        // Down to the end of the list or of the area...
        let mut next = selected + 1;
        while used < height && next < count {
            used += self.height(next);
            next += 1;
        }
        // ...and if the end of the list left room, show the rows above.
        while used < height && first > 0 && used + self.height(first - 1) <= height {
            first -= 1;
            used += self.height(first);
        }
        first
    }
}
