//! Where each pane goes: pure functions of the terminal size and content,
//! shared by rendering and by `App` (page sizes, scroll limits).

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::App;
use crate::ui::{resources, topics};

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
    let inner_width = right.width.saturating_sub(2) as usize;
    let cap = right.height as usize;
    let topic_need = topics::line_count(app, inner_width, cap) as u16 + 2;
    let resource_need = resources::line_count(app, inner_width, cap) as u16 + 2;
    let (topics_h, resources_h) = split(right.height, topic_need, resource_need);
    let [about, topics, resources] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(topics_h),
        Constraint::Length(resources_h),
    ])
    .areas(right);
    Areas { header, left, about, topics, resources, status }
}

/// Heights for the topics and resources panes out of `height` rows, keeping
/// room for the description: each gets what it needs when both fit, else
/// they share what is left.
fn split(height: u16, topics: u16, resources: u16) -> (u16, u16) {
    const ABOUT_MIN: u16 = 6;
    const PANE_MIN: u16 = 3;
    let room = height.saturating_sub(ABOUT_MIN);
    if topics + resources <= room {
        return (topics, resources);
    }
    let half = room / 2;
    let t = if topics <= half {
        topics
    } else if resources <= room - half {
        room - resources
    } else {
        half
    };
    let r = room.saturating_sub(t).min(resources);
    (t.max(PANE_MIN.min(topics)), r.max(PANE_MIN.min(resources)))
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
    fn both_panes_get_what_they_need_when_it_fits() {
        assert_eq!(split(40, 9, 14), (9, 14));
    }

    #[test]
    fn panes_share_the_room_left_by_the_description() {
        let (t, r) = split(22, 9, 14);
        assert_eq!(t + r, 16);
        assert_eq!(t, 8);
        let (t, r) = split(22, 4, 30);
        assert_eq!((t, r), (4, 12));
    }

    #[test]
    fn tiny_heights_do_not_underflow() {
        let (t, r) = split(3, 9, 14);
        assert!(t <= 9 && r <= 14);
    }
}
