//! Moving around: focus, selection, pages, scrolling, the mouse.

use super::Pane;
use super::{App, Overlay, Scroll, Target, View};

impl App {
    pub(super) fn set_focus(&mut self, pane: Pane) {
        // The description shows the step's page or the topic's: a new page
        // starts at its top.
        if (pane == Pane::Steps) != (self.focus == Pane::Steps) {
            self.about_scroll = 0;
        }
        self.focus = pane;
        if pane != Pane::Steps {
            self.last_right = pane;
        }
    }

    /// `z`: the page fills the right side, or gives the panes back. The
    /// links pane is hidden under it, so its focus goes to the topics.
    pub(super) fn toggle_page(&mut self) {
        self.full_page = !self.full_page;
        if self.full_page && self.focus == Pane::Resources {
            self.set_focus(Pane::Topics);
        }
        self.about_scroll = 0;
    }

    /// `pane`, or where `skip` goes from it when the full page hides it.
    pub(super) fn shown_pane(&self, pane: Pane, skip: impl Fn(Pane) -> Pane) -> Pane {
        if self.full_page && pane == Pane::Resources { skip(pane) } else { pane }
    }

    /// Selects step `s` (resetting its lists if it changed) and, if given,
    /// its topic `t`.
    pub(super) fn select(&mut self, s: usize, t: Option<usize>) {
        if s != self.step_index() {
            self.lists.steps.select(Some(s));
            self.lists.topics = select_first();
            self.lists.resources = select_first();
            self.about_scroll = 0;
        }
        if let Some(t) = t {
            self.select_topic(t);
        }
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        let help_max = self.drawn.max_scroll(Scroll::Help);
        match self.overlays.last_mut() {
            Some(Overlay::Help { scroll }) => *scroll = step_u16(*scroll, delta, help_max),
            Some(Overlay::Prompt(_)) => {}
            Some(Overlay::Stats { .. }) => self.scroll(delta),
            Some(_) => {
                self.move_overlay_list(delta);
            }
            None => self.move_in_pane(delta),
        }
    }

    /// Moves the selection of the focused pane of the main screen.
    fn move_in_pane(&mut self, delta: isize) {
        let resources = self.shown_resources().len();
        match self.focus {
            Pane::Steps => {
                let len = self.path.curriculum.steps().len();
                let new = self.step_index().saturating_add_signed(delta).min(len.saturating_sub(1));
                self.select(new, None);
            }
            Pane::Topics => self.move_topic_row(|rows, len| move_list(rows, delta, len)),
            Pane::Resources => move_list(&mut self.lists.resources, delta, resources),
        }
    }

    /// Rows in a page of the list that has the focus.
    pub(super) fn page(&self) -> isize {
        self.drawn.page.max(1) as isize
    }

    pub(super) fn scroll(&mut self, delta: isize) {
        if matches!(self.top(), Some(Overlay::Help { .. })) {
            self.move_by(delta);
            return;
        }
        match self.view() {
            View::Review | View::Today => {}
            View::Stats => {
                let max = self.drawn.max_scroll(Scroll::Stats);
                for o in self.overlays.iter_mut().rev() {
                    if let Overlay::Stats { scroll, .. } = o {
                        *scroll = step_u16(*scroll, delta, max);
                        break;
                    }
                }
            }
            View::Main => {
                self.about_scroll = step_u16(self.about_scroll, delta, self.drawn.max_scroll(Scroll::About))
            }
            View::Faq => {
                let now = self.faq().map_or(0, |(_, scroll)| scroll);
                self.set_answer_scroll(step_u16(now, delta, self.drawn.max_scroll(Scroll::Answer)));
            }
        }
    }

    /// A click selects the row under the pointer and focuses its pane. Only
    /// the main screen and the FAQ take clicks; over a popup they do
    /// nothing.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.top().is_some_and(|o| o.view().is_none()) {
            return;
        }
        let Some(hit) = self.drawn.hit(x, y) else { return };
        match hit.target {
            Target::List(pane) => {
                self.set_focus(pane);
                if let Some(row) = hit.row {
                    match pane {
                        Pane::Steps => self.select(row, None),
                        Pane::Topics => self.move_topic_row(|rows, _| rows.select(Some(row))),
                        Pane::Resources => self.lists.resources.select(Some(row)),
                    }
                }
            }
            Target::Questions => {
                if let Some(row) = hit.row
                    && let Some(list) = self.view_pick_mut()
                {
                    list.select(Some(row));
                    self.set_answer_scroll(0);
                }
            }
            Target::Text => {}
        }
    }

    /// The wheel scrolls the pane under the pointer, whatever has the focus;
    /// over a popup, the popup.
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let delta = if down { 1 } else { -1 };
        match self.top() {
            // A question waits for its answer: the wheel does nothing.
            Some(Overlay::Prompt(_)) => return,
            // Popups scroll themselves, wherever the pointer is.
            Some(o) if o.view().is_none() => {
                self.move_by(delta);
                return;
            }
            _ => {}
        }
        let Some(hit) = self.drawn.hit(x, y) else { return };
        match hit.target {
            Target::Text => self.scroll(delta),
            Target::Questions => {
                let len = self.path.curriculum.faq.len();
                if let Some(list) = self.view_pick_mut() {
                    move_list(list, delta, len);
                }
                self.set_answer_scroll(0);
            }
            Target::List(Pane::Steps) => {
                let new = self
                    .step_index()
                    .saturating_add_signed(delta)
                    .min(self.path.curriculum.steps().len() - 1);
                self.select(new, None);
            }
            Target::List(Pane::Topics) => self.move_topic_row(|rows, len| move_list(rows, delta, len)),
            Target::List(Pane::Resources) => {
                let len = self.shown_resources().len();
                move_list(&mut self.lists.resources, delta, len);
            }
        }
    }
}

pub(super) fn move_list(state: &mut super::Pick, delta: isize, len: usize) {
    let sel = state.selected().unwrap_or(0);
    state.select(Some(sel.saturating_add_signed(delta).min(len.saturating_sub(1))));
}

fn select_first() -> super::Pick {
    super::Pick::at(0)
}

fn step_u16(value: u16, delta: isize, max: u16) -> u16 {
    (value as isize + delta).clamp(0, max as isize) as u16
}
