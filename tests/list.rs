//! The windowed list widget, cell by cell, in the manner of ratatui's own
//! list tests.

use learnpath::ui::list::WindowedList;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, ListState, StatefulWidget};

/// Items `0`..`count`, each one line `Item N`, except those in `tall`,
/// which have `lines` lines.
fn items(tall: &'static [usize], lines: usize) -> impl Fn(usize) -> Text<'static> {
    move |i| {
        if tall.contains(&i) {
            Text::from((0..lines).map(|l| Line::from(format!("Tall {i}.{l}"))).collect::<Vec<_>>())
        } else {
            Text::from(format!("Item {i}"))
        }
    }
}

fn render(
    list: WindowedList<'_, impl Fn(usize) -> Text<'static>>,
    w: u16,
    h: u16,
    state: &mut ListState,
) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    list.render(buf.area, &mut buf, state);
    buf
}

#[test]
fn a_resize_that_makes_room_shows_the_rows_above_again() {
    // Scrolled down in a small pane, then the pane grows.
    let mut state = ListState::default().with_selected(Some(5)).with_offset(3);
    let buf = render(WindowedList::new(7, items(&[], 0)), 8, 8, &mut state);
    let expected = Buffer::with_lines([
        "Item 0  ", "Item 1  ", "Item 2  ", "Item 3  ", "Item 4  ", "Item 5  ", "Item 6  ", "        ",
    ]);
    assert_eq!(buf, expected);
    assert_eq!(state.offset(), 0);
}

#[test]
fn the_selection_is_always_on_screen() {
    let mut state = ListState::default().with_selected(Some(7));
    let buf = render(WindowedList::new(10, items(&[], 0)), 8, 3, &mut state);
    // The scrollbar: three of ten items, the window near the end.
    assert_eq!(buf, Buffer::with_lines(["Item 5 ║", "Item 6 ║", "Item 7 █"]));
    assert_eq!(state.offset(), 5);
    // Moving up inside the window does not scroll.
    state.select(Some(6));
    let buf = render(WindowedList::new(10, items(&[], 0)), 8, 3, &mut state);
    assert_eq!(buf, Buffer::with_lines(["Item 5 ║", "Item 6 ║", "Item 7 █"]));
}

#[test]
fn an_item_taller_than_the_list_shows_its_first_rows_and_an_ellipsis() {
    let mut state = ListState::default().with_selected(Some(1));
    let buf = render(WindowedList::new(3, items(&[1], 5)), 10, 3, &mut state);
    // The scrollbar's thumb is the middle third: item 1 of 3.
    assert_eq!(buf, Buffer::with_lines(["Tall 1.0 ║", "Tall 1.1 █", "Tall 1.2…║"]));
}

#[test]
fn an_item_cut_by_the_bottom_ends_in_an_ellipsis() {
    let mut state = ListState::default().with_selected(Some(0));
    let buf = render(WindowedList::new(3, items(&[1], 3)), 10, 3, &mut state);
    assert_eq!(buf, Buffer::with_lines(["Item 0   █", "Tall 1.0 █", "Tall 1.1…║"]));
}

#[test]
fn the_selected_item_is_highlighted_on_every_row() {
    let mut state = ListState::default().with_selected(Some(1));
    let list = WindowedList::new(3, items(&[1], 2)).highlight_style(Style::new().reversed());
    let buf = render(list, 8, 4, &mut state);
    let mut expected = Buffer::with_lines(["Item 0  ", "Tall 1.0", "Tall 1.1", "Item 2  "]);
    expected.set_style(Rect::new(0, 1, 8, 2), Style::new().reversed());
    assert_eq!(buf, expected);
}

#[test]
fn the_scrollbar_shows_the_view_not_the_selection() {
    let list = || WindowedList::new(9, items(&[], 0)).block(Block::bordered());
    // At the top: the thumb is at the top.
    let mut state = ListState::default().with_selected(Some(0));
    let top = render(list(), 10, 5, &mut state);
    assert_eq!(
        top,
        Buffer::with_lines(["┌────────┐", "│Item 0  █", "│Item 1  ║", "│Item 2  ║", "└────────┘"])
    );
    // The selection moves inside the view: the thumb stays.
    state.select(Some(2));
    assert_eq!(render(list(), 10, 5, &mut state), top);
    // At the end: the thumb is at the bottom.
    state.select(Some(8));
    let end = render(list(), 10, 5, &mut state);
    assert_eq!(
        end,
        Buffer::with_lines(["┌────────┐", "│Item 6  ║", "│Item 7  ║", "│Item 8  █", "└────────┘"])
    );
}

#[test]
fn an_empty_list_draws_only_its_block() {
    let mut state = ListState::default().with_selected(Some(3)).with_offset(2);
    let buf = render(WindowedList::new(0, items(&[], 0)).block(Block::bordered()), 4, 3, &mut state);
    assert_eq!(buf, Buffer::with_lines(["┌──┐", "│  │", "└──┘"]));
    assert_eq!(state.offset(), 0);
}
