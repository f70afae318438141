//! What is under the mouse pointer: which pane, and which row of a list.

use ratatui::layout::{Margin, Position, Rect};

use crate::action::Pane;
use crate::app::{App, View};
use crate::ui::{faq, layout, resources, steps, topics};

/// A pane the pointer can be over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A list of the main view.
    List(Pane),
    /// The FAQ's questions.
    Questions,
    /// A text pane: the step description or the FAQ answer.
    Text,
}

/// The pane under the pointer and the list row there, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The pane.
    pub target: Target,
    /// The row's index in the list (for topics: among the visible ones).
    pub row: Option<usize>,
}

/// What is at column `x`, row `y` of the screen as last laid out.
pub fn hit(app: &App, x: u16, y: u16) -> Option<Hit> {
    let area = app.area();
    if layout::too_small(area) {
        return None;
    }
    let areas = layout::areas(area, app);
    let at = Position::new(x, y);
    let width = |r: Rect| r.width.saturating_sub(2) as usize;
    let found = |target, row| Some(Hit { target, row });
    match app.view() {
        View::Main if areas.left.contains(at) => {
            let count = app.path.curriculum.steps().len();
            let row = row_at(areas.left, y, app.lists.steps.offset(), count, |i| {
                steps::item(app, i, width(areas.left)).height()
            });
            found(Target::List(Pane::Steps), row)
        }
        View::Main if areas.topics.contains(at) => {
            let visible = app.visible_topics();
            let row = row_at(areas.topics, y, app.lists.topics.offset(), visible.len(), |i| {
                topics::item(app, visible[i], width(areas.topics)).height()
            });
            found(Target::List(Pane::Topics), row)
        }
        View::Main if areas.resources.contains(at) => {
            let list = &app.step().resources;
            let theme = app.theme;
            let row = row_at(areas.resources, y, app.lists.resources.offset(), list.len(), |i| {
                resources::item(&list[i], false, width(areas.resources), &theme).height()
            });
            found(Target::List(Pane::Resources), row)
        }
        View::Main if areas.about.contains(at) => found(Target::Text, None),
        View::Faq if areas.left.contains(at) => {
            let count = app.path.curriculum.faq.len();
            let row = row_at(areas.left, y, app.lists.faq.offset(), count, |i| {
                faq::question_item(app, i, width(areas.left)).height()
            });
            found(Target::Questions, row)
        }
        View::Faq if areas.about.union(areas.resources).contains(at) => found(Target::Text, None),
        _ => None,
    }
}

/// The item at screen row `y` of a bordered list in `area` scrolled to
/// `offset`, given each item's height.
fn row_at(area: Rect, y: u16, offset: usize, count: usize, height: impl Fn(usize) -> usize) -> Option<usize> {
    let inner = area.inner(Margin::new(1, 1));
    if y < inner.y || y >= inner.bottom() {
        return None;
    }
    let mut top = inner.y as usize;
    for i in offset..count {
        top += height(i);
        if (y as usize) < top {
            return Some(i);
        }
        if top >= inner.bottom() as usize {
            break;
        }
    }
    None
}
