//! The `T` view: today's plan, as `learnpath today` prints it. Enter on a
//! review opens the review of that topic; on a topic, goes to it.

use super::Pane;
use super::{App, Overlay};

/// One row of today's plan, as (step, topic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayItem {
    /// Due for review.
    Review(usize, usize),
    /// To learn.
    Learn(usize, usize),
}

impl TodayItem {
    /// The topic the row is about, as (step, topic).
    pub fn place(self) -> (usize, usize) {
        match self {
            TodayItem::Review(s, t) | TodayItem::Learn(s, t) => (s, t),
        }
    }
}

impl App {
    /// The row selected in today's plan.
    pub fn today_pick(&self) -> super::Pick {
        self.overlays
            .iter()
            .rev()
            .find_map(|o| match o {
                Overlay::Today { list, .. } => Some(*list),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Today's plan on screen, if the view is open.
    pub fn today_items(&self) -> Vec<TodayItem> {
        self.overlays
            .iter()
            .rev()
            .find_map(|o| match o {
                Overlay::Today { items, .. } => Some(items.clone()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Works out today's plan: the reviews due, then the topics to learn.
    /// Once when the view opens, and again when the progress changes.
    fn plan_today(&self) -> Vec<TodayItem> {
        let c = &self.path.curriculum;
        let minutes = crate::today::budget(c, self.daily_minutes);
        let reviews = self.path.due.iter().map(|d| TodayItem::Review(d.step, d.topic));
        let topics = crate::today::topics(c, &self.progress, minutes).into_iter();
        reviews.chain(topics.map(|(s, t)| TodayItem::Learn(s, t))).collect()
    }

    pub(super) fn open_today(&mut self) {
        self.refresh_due();
        self.push(Overlay::Today { items: self.plan_today(), list: super::Pick::at(0) });
    }

    /// Plans today again if the view is open: another instance's ticks or
    /// reviews were merged in.
    pub(super) fn replan_today(&mut self) {
        let plan = self.plan_today();
        for overlay in &mut self.overlays {
            if let Overlay::Today { items, list } = overlay {
                items.clone_from(&plan);
                list.select(Some(list.selected().unwrap_or(0).min(plan.len().saturating_sub(1))));
            }
        }
    }

    /// Enter on a row: review that topic, or go to it on the main screen.
    pub(super) fn confirm_today(&mut self) {
        let items = self.today_items();
        let chosen = self.today_pick().selected().unwrap_or(0);
        let Some(&item) = items.get(chosen) else { return };
        self.overlays.clear();
        match item {
            TodayItem::Review(s, t) => {
                let i = self.path.due.iter().position(|d| (d.step, d.topic) == (s, t)).unwrap_or(0);
                self.push(Overlay::Review { list: super::Pick::at(i) });
            }
            TodayItem::Learn(s, t) => {
                self.select(s, Some(t));
                self.set_focus(Pane::Topics);
            }
        }
    }
}
