//! Where each pane goes: pure functions of the terminal size and content,
//! shared by rendering and by `App` (page sizes, scroll limits).

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::App;
use crate::ui::{about, resources, topics};

/// The smallest terminal the layout works in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height the layout works in.
pub const MIN_HEIGHT: u16 = 15;

/// The areas of the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The top line: the curriculum's title.
    pub header: Rect,
    /// The steps pane (or the FAQ questions).
    pub left: Rect,
    /// The step description (or the FAQ answer: it then spans the right side).
    pub about: Rect,
    /// The topics checklist.
    pub topics: Rect,
    /// The resources list.
    pub resources: Rect,
    /// The bottom line: progress gauge and hints or message.
    pub status: Rect,
}

/// Whether `area` is too small for the layout.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The areas for a terminal of `area` showing `app`.
pub fn areas(area: Rect, app: &App) -> Areas {
    let status_rows = crate::ui::status::rows(app, area.width);
    let [header, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(status_rows)])
            .areas(area);
    let left_width = (body.width * 43 / 100).clamp(28, 64);
    let [left, right] = Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
    if app.full_page() {
        // The page takes the right side; the lists under it are empty.
        let none = Rect::new(right.x, right.bottom(), right.width, 0);
        return Areas { header, left, about: right, topics: none, resources: none, status };
    }
    let inner_width = right.width.saturating_sub(2) as usize;
    let cap = right.height as usize;
    let about_need = about::lines(app, inner_width).len() as u16 + 2;
    let topic_need = topics::line_count(app, inner_width, cap) as u16 + 2;
    let resource_need = resources::line_count(app, inner_width, cap) as u16 + 2;
    let (about_h, topics_h, resources_h) = split(right.height, about_need, topic_need, resource_need);
    let [about, topics, resources] = Layout::vertical([
        Constraint::Length(about_h),
        Constraint::Length(topics_h),
        Constraint::Length(resources_h),
    ])
    .areas(right);
    Areas { header, left, about, topics, resources, status }
}

/// Heights for the description, topics and resources panes out of
/// `height` rows, given what each needs. The description gets what its
/// text needs up to three tenths of the height (it scrolls beyond that);
/// topics and resources get what they need when it fits, else share what
/// is left. Rows to spare go first to the rest of the description, then to
/// the topics, the checklist being the point: it keeps four rows whenever
/// the terminal has room for the layout at all.
fn split(height: u16, about: u16, topics: u16, resources: u16) -> (u16, u16, u16) {
    // A short terminal gives the description one line (it scrolls).
    let about_min: u16 = if height < 16 { 3 } else { 4 };
    const PANE_MIN: u16 = 3;
    const TOPICS_MIN: u16 = 6;
    let cap = (height * 3 / 10).max(about_min).min(height);
    let first = about.clamp(about_min.min(cap), cap);
    let room = height - first;
    if topics + resources <= room {
        let spare = room - topics - resources;
        let more = spare.min(about.saturating_sub(first));
        return (first + more, topics + spare - more, resources);
    }
    let half = room / 2;
    let t = if topics <= half {
        topics
    } else if resources <= room - half {
        room - resources
    } else {
        half
    };
    let t = t.max(TOPICS_MIN.min(topics)).min(room.saturating_sub(PANE_MIN.min(resources)));
    let r = room.saturating_sub(t).min(resources);
    let (t, r) = (t.max(PANE_MIN.min(topics)), r.max(PANE_MIN.min(resources)));
    // What the lists leave is the description's.
    (height.saturating_sub(t + r), t, r)
}

/// A centered rectangle at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn the_description_gets_what_it_needs_and_spare_rows_go_to_the_topics() {
        assert_eq!(split(40, 8, 9, 14), (8, 18, 14));
    }

    #[test]
    fn a_long_description_is_capped_unless_rows_are_to_spare() {
        assert_eq!(split(40, 30, 9, 14), (17, 9, 14));
        assert_eq!(split(30, 30, 9, 14), (9, 9, 12));
    }

    #[test]
    fn the_lists_share_what_the_description_leaves() {
        assert_eq!(split(22, 10, 9, 14), (6, 8, 8));
        assert_eq!(split(22, 10, 4, 30), (6, 4, 12));
    }

    #[test]
    fn at_the_smallest_layout_the_checklist_keeps_four_rows() {
        // 60x15: 13 rows under the header, above the status line.
        let (a, t, r) = split(13, 8, 10, 14);
        assert_eq!((a, t, r), (3, 6, 4));
    }

    #[test]
    fn tiny_heights_do_not_underflow() {
        let (a, t, r) = split(3, 5, 9, 14);
        assert!(a <= 3 && t <= 9 && r <= 14);
    }
}
