//! Finding your way: the first and next unfinished topics, the topics list
//! with done topics hidden or shown, and the place to reopen at.

use super::Pane;
use super::{App, Message};
use crate::resume::Place;

impl App {
    /// The first topic, in path order, that is neither done nor skipped.
    pub(super) fn first_unfinished(&self) -> Option<(usize, usize)> {
        self.find_unfinished((0, 0), true, true)
    }

    /// From position `from`, the next (or previous) unfinished topic,
    /// wrapping around; `inclusive` counts `from` itself.
    pub(super) fn find_unfinished(
        &self,
        from: (usize, usize),
        forward: bool,
        inclusive: bool,
    ) -> Option<(usize, usize)> {
        let all: Vec<(usize, usize)> = self
            .path
            .curriculum
            .steps()
            .iter()
            .enumerate()
            .flat_map(|(s, step)| (0..step.topics.len()).map(move |t| (s, t)))
            .collect();
        if all.is_empty() {
            return None;
        }
        let start = all.iter().position(|&p| p >= from).unwrap_or(0);
        let n = all.len();
        (0..n)
            .map(|k| {
                let k = if inclusive { k } else { k + 1 };
                if forward { (start + k) % n } else { (start + n * 2 - k) % n }
            })
            .map(|i| all[i])
            .find(|&(s, t)| !self.status_of(s, t).is_finished())
    }

    /// `n` / `N`: the next or previous unfinished topic, wrapping.
    pub(super) fn jump_unfinished(&mut self, forward: bool) {
        let here = (self.step_index(), self.selected_topic().unwrap_or(0));
        let on_topic = self.focus == Pane::Topics;
        match self.find_unfinished(here, forward, !on_topic) {
            Some((s, t)) => {
                self.select(s, Some(t));
                self.set_focus(Pane::Topics);
            }
            None => {
                self.message =
                    Some(Message::Info("Nothing left to do: every topic is done or skipped".into()))
            }
        }
    }

    /// `H`: hide or show done topics.
    pub(super) fn toggle_hide_done(&mut self) {
        let keep = self.selected_topic();
        self.hide_done = !self.hide_done;
        if let Some(t) = keep {
            self.select_listed(t);
        }
        self.message = Some(Message::Info(
            if self.hide_done { "Done topics hidden (H shows them)" } else { "Done topics shown" }.into(),
        ));
    }

    /// Selects topic `t` of the selected step, showing done topics if it
    /// is hidden; else the nearest visible one.
    pub(super) fn select_topic(&mut self, t: usize) {
        if self.hide_done && self.is_done(self.step_index(), t) {
            self.hide_done = false;
        }
        self.select_listed(t);
    }

    /// Selects topic `t` if it is listed, else the next one listed.
    fn select_listed(&mut self, t: usize) {
        let visible = self.visible_topics();
        let pos = visible.iter().position(|&v| v >= t).unwrap_or(visible.len().saturating_sub(1));
        self.move_topic_row(|rows, _| rows.select(Some(pos)));
    }

    pub(super) fn clamp_topic_selection(&mut self) {
        self.move_topic_row(|rows, len| {
            let sel = rows.selected().unwrap_or(0);
            rows.select(Some(sel.min(len.saturating_sub(1))));
        });
    }
}

impl App {
    /// Where the learner is now: the step, topic, pane and hide-done, to
    /// reopen there next time.
    pub fn place(&self) -> Place {
        let step = self.step();
        let pane = match self.focus {
            Pane::Steps => "steps",
            Pane::Topics => "topics",
            Pane::Resources => "resources",
        };
        Place {
            step: Some(step.id.get_ref().clone()),
            topic: self.selected_topic().map(|t| step.topics[t].id.get_ref().clone()),
            pane: Some(pane.to_string()),
            hide_done: self.hide_done,
        }
    }

    /// Opens at `place` (see [`App::go_to`]).
    pub fn with_place(mut self, place: Option<Place>) -> Self {
        if let Some(place) = place {
            self.go_to(&place);
        }
        self
    }

    /// Goes to `place` if its step and topic are still in the path; else
    /// stays where it is (on start: the first unfinished topic).
    pub fn go_to(&mut self, place: &Place) {
        let steps = self.path.curriculum.steps();
        let Some(s) = place.step.as_ref().and_then(|id| steps.iter().position(|st| st.id.get_ref() == id))
        else {
            return;
        };
        let t = match &place.topic {
            Some(id) => match steps[s].topics.iter().position(|t| t.id.get_ref() == id) {
                Some(t) => Some(t),
                None => return,
            },
            None => None,
        };
        self.hide_done = place.hide_done;
        self.select(s, t);
        self.clamp_topic_selection();
        match place.pane.as_deref() {
            Some("topics") => self.set_focus(Pane::Topics),
            Some("resources") => self.set_focus(Pane::Resources),
            _ => self.set_focus(Pane::Steps),
        }
    }
}
