//! Moving around: focus, selection, pages, scrolling, the mouse.

use ratatui::widgets::ListState;

use super::{App, View};
use crate::action::Pane;
use crate::ui;

impl App {
    pub(super) fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Steps {
            self.last_right = pane;
        }
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
        if let Some(scroll) = self.help {
            self.help = Some(step_u16(scroll, delta, ui::help::max_scroll(self)));
            return;
        }
        if let Some(search) = &mut self.search {
            let len = search.hits.len();
            let sel = self.lists.results.selected().unwrap_or(0);
            self.lists.results.select(Some(sel.saturating_add_signed(delta).min(len.saturating_sub(1))));
            let _ = search;
            return;
        }
        if self.prompt.is_some() {
            return;
        }
        if let Some(choices) = &self.picker {
            move_list(&mut self.lists.picker, delta, choices.len());
            return;
        }
        let (topics, resources) = (self.visible_topics().len(), self.step().resources.len());
        let (state, len) = match (self.view, self.focus) {
            (View::Review, _) => (&mut self.lists.review, self.path.due.len()),
            (View::Stats, _) => {
                self.scroll(delta);
                return;
            }
            (View::Faq, _) => (&mut self.lists.faq, self.path.curriculum.faq.len()),
            (View::Main, Pane::Steps) => (&mut self.lists.steps, self.path.curriculum.steps().len()),
            (View::Main, Pane::Topics) => (&mut self.lists.topics, topics),
            (View::Main, Pane::Resources) => (&mut self.lists.resources, resources),
        };
        let old = state.selected().unwrap_or(0);
        let new = old.saturating_add_signed(delta).min(len.saturating_sub(1));
        if self.view == View::Main && self.focus == Pane::Steps {
            self.select(new, None);
            return;
        }
        state.select(Some(new));
        if new != old && self.view == View::Faq {
            self.answer_scroll = 0;
        }
    }

    /// Rows in a page of the list that has the focus.
    pub(super) fn page(&self) -> isize {
        ui::page_rows(self).max(1) as isize
    }

    pub(super) fn scroll(&mut self, delta: isize) {
        match self.view {
            View::Review => {}
            View::Stats => {
                self.stats_scroll = step_u16(self.stats_scroll, delta, ui::stats::max_scroll(self))
            }
            View::Main => self.about_scroll = step_u16(self.about_scroll, delta, ui::about::max_scroll(self)),
            View::Faq => self.answer_scroll = step_u16(self.answer_scroll, delta, ui::faq::max_scroll(self)),
        }
    }

    /// A click selects the row under the pointer and focuses its pane.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.help.is_some() || self.prompt.is_some() || self.search.is_some() || self.picker.is_some() {
            return;
        }
        let Some(hit) = ui::hit(self, x, y) else { return };
        match hit.target {
            ui::Target::List(pane) => {
                self.set_focus(pane);
                if let Some(row) = hit.row {
                    match pane {
                        Pane::Steps => self.select(row, None),
                        Pane::Topics => self.lists.topics.select(Some(row)),
                        Pane::Resources => self.lists.resources.select(Some(row)),
                    }
                }
            }
            ui::Target::Questions => {
                if let Some(row) = hit.row {
                    self.lists.faq.select(Some(row));
                    self.answer_scroll = 0;
                }
            }
            ui::Target::Text => {}
        }
    }

    /// The wheel scrolls the pane under the pointer, whatever has the focus.
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let delta = if down { 1 } else { -1 };
        if self.help.is_some() || self.search.is_some() || self.picker.is_some() {
            self.move_by(delta);
            return;
        }
        let Some(hit) = ui::hit(self, x, y) else { return };
        match hit.target {
            ui::Target::Text => self.scroll(delta),
            ui::Target::Questions => {
                let len = self.path.curriculum.faq.len();
                move_list(&mut self.lists.faq, delta, len);
                self.answer_scroll = 0;
            }
            ui::Target::List(Pane::Steps) => {
                let new = self
                    .step_index()
                    .saturating_add_signed(delta)
                    .min(self.path.curriculum.steps().len() - 1);
                self.select(new, None);
            }
            ui::Target::List(Pane::Topics) => {
                let len = self.visible_topics().len();
                move_list(&mut self.lists.topics, delta, len);
            }
            ui::Target::List(Pane::Resources) => {
                let len = self.step().resources.len();
                move_list(&mut self.lists.resources, delta, len);
            }
        }
    }
}

fn move_list(state: &mut ListState, delta: isize, len: usize) {
    let sel = state.selected().unwrap_or(0);
    state.select(Some(sel.saturating_add_signed(delta).min(len.saturating_sub(1))));
}

fn select_first() -> ListState {
    ListState::default().with_selected(Some(0))
}

fn step_u16(value: u16, delta: isize, max: u16) -> u16 {
    (value as isize + delta).clamp(0, max as isize) as u16
}
