//! The `T` view: today's plan, as `learnpath today` prints it. Enter on a
//! review opens the review of that topic; on a topic, goes to it.

use super::{App, Overlay};
use crate::action::Pane;

/// One row of today's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayItem {
    /// Due for review: an index into [`App::due`].
    Review(usize),
    /// To learn: (step, topic).
    Learn(usize, usize),
}

impl App {
    /// Today's plan for the open path: the reviews due, then the topics.
    pub fn today_items(&self) -> Vec<TodayItem> {
        let minutes = crate::today::budget(&self.path.curriculum, self.daily_minutes);
        let plan = crate::today::plan(&self.path.curriculum, &self.progress, self.now(), minutes);
        let reviews = (0..self.path.due.len()).map(TodayItem::Review);
        reviews.chain(plan.topics.into_iter().map(|(s, t)| TodayItem::Learn(s, t))).collect()
    }

    pub(super) fn open_today(&mut self) {
        self.refresh_due();
        self.push(Overlay::Today);
        self.lists.today = ratatui::widgets::ListState::default().with_selected(Some(0));
    }

    /// Enter on a row: review that topic, or go to it on the main screen.
    pub(super) fn confirm_today(&mut self) {
        let items = self.today_items();
        let Some(&item) = items.get(self.lists.today.selected().unwrap_or(0)) else { return };
        self.overlays.clear();
        match item {
            TodayItem::Review(i) => {
                self.push(Overlay::Review);
                self.lists.review.select(Some(i));
            }
            TodayItem::Learn(s, t) => {
                self.select(s, Some(t));
                self.set_focus(Pane::Topics);
            }
        }
    }
}
