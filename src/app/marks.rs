//! Statuses: the per-topic marks and per-step counts kept in step with the
//! store, and every action that changes a status.

use super::Pane;
use super::{App, Message, Overlay, Prompt};
use crate::curriculum::Resource;
use crate::progress::{Record, Status};

impl App {
    /// The status of topic `t` of step `s`.
    pub fn status_of(&self, s: usize, t: usize) -> Status {
        self.path.marks.topics.get(s).and_then(|m| m.get(t)).copied().unwrap_or_default()
    }

    /// Whether topic `t` of step `s` is done.
    pub fn is_done(&self, s: usize, t: usize) -> bool {
        self.status_of(s, t) == Status::Done
    }

    /// Whether resource `r` of step `s` was marked read.
    pub fn is_read(&self, s: usize, r: &Resource) -> bool {
        self.path.marks.read.get(s).is_some_and(|read| read.contains(r.url.get_ref()))
    }

    /// Topics done in step `s`.
    pub fn done_in(&self, s: usize) -> usize {
        self.path.marks.done.get(s).copied().unwrap_or(0)
    }

    /// Topics skipped in step `s`.
    pub fn skipped_in(&self, s: usize) -> usize {
        self.path.marks.skipped.get(s).copied().unwrap_or(0)
    }

    /// Hours of the done topics of step `s` and of all its topics, if any
    /// topic of it has an estimate.
    pub fn hours_in(&self, s: usize) -> Option<(f64, f64)> {
        let topics = &self.path.curriculum.steps().get(s)?.topics;
        topics.iter().any(|t| t.hours.is_some()).then(|| {
            let hours = |t: &crate::curriculum::Topic| t.hours.unwrap_or(0.0);
            let done = topics.iter().enumerate().filter(|(t, _)| self.is_done(s, *t)).map(|(_, t)| hours(t));
            (done.sum(), topics.iter().map(hours).sum())
        })
    }

    /// The chance of recalling topic `t` of step `s` today, if it is done.
    pub fn recall_of(&self, s: usize, t: usize) -> Option<f32> {
        self.path.marks.recall.get(s)?.get(t).copied().flatten()
    }

    /// How much of step `s`'s done work is likely still remembered.
    pub fn retention_in(&self, s: usize) -> crate::review::Retention {
        crate::review::Retention::of(self.path.marks.recall.get(s).map_or(&[], Vec::as_slice))
    }

    /// Topics done over the whole curriculum.
    pub fn done_total(&self) -> usize {
        self.path.marks.done.iter().sum()
    }

    /// Topics skipped over the whole curriculum.
    pub fn skipped_total(&self) -> usize {
        self.path.marks.skipped.iter().sum()
    }

    /// The selected step's topics as listed: all, or all but the done ones
    /// when they are hidden.
    pub fn visible_topics(&self) -> Vec<usize> {
        let s = self.step_index();
        (0..self.step().topics.len()).filter(|&t| !(self.hide_done && self.is_done(s, t))).collect()
    }

    /// The selected topic's index in its step, if any.
    pub fn selected_topic(&self) -> Option<usize> {
        let visible = self.visible_topics();
        visible.get(self.lists.topics.selected().unwrap_or(0).min(visible.len().saturating_sub(1))).copied()
    }

    /// Recounts marks, counts and the review queue from the store: after
    /// another process's changes are merged in.
    pub(super) fn recount(&mut self) {
        let now = self.now();
        self.path.recount(&self.progress, now);
        self.clamp_topic_selection();
        self.replan_today();
    }

    /// Records topic `t` of step `s` as `status`, keeping the counts right.
    /// The caller saves.
    fn set_topic(&mut self, s: usize, t: usize, status: Status) {
        let old = self.status_of(s, t);
        if old == status {
            return;
        }
        let step = &self.path.curriculum.steps()[s];
        let key = step.key(&step.topics[t]);
        let (id, now) = (self.path.curriculum.id.get_ref().clone(), self.now());
        self.progress.set(&id, &key, status, now);
        self.path.marks.topics[s][t] = status;
        // Just done: remembered for sure; not done: nothing to remember.
        self.path.marks.recall[s][t] = (status == Status::Done).then_some(1.0);
        for (st, delta) in [(old, -1isize), (status, 1)] {
            match st {
                Status::Done => {
                    self.path.marks.done[s] = self.path.marks.done[s].saturating_add_signed(delta)
                }
                Status::Skipped => {
                    self.path.marks.skipped[s] = self.path.marks.skipped[s].saturating_add_signed(delta)
                }
                _ => {}
            }
        }
    }

    fn set_read(&mut self, s: usize, resource: &Resource, read: bool) {
        let key = self.path.curriculum.steps()[s].resource_key(resource);
        let (id, now) = (self.path.curriculum.id.get_ref().clone(), self.now());
        self.progress.set_read(&id, &key, read, now);
        let (marks, url) = (&mut self.path.marks.read[s], resource.url.get_ref());
        if read {
            marks.insert(url.clone())
        } else {
            marks.remove(url)
        };
    }

    fn refuse_if_read_only(&mut self) -> bool {
        if self.progress.is_read_only() {
            self.message = Some(Message::Error(
                "This progress file is from a newer learnpath, so ticks can't be saved. Upgrade learnpath."
                    .into(),
            ));
        }
        self.progress.is_read_only()
    }

    /// Space: done ↔ todo on a topic, read ↔ unread on a resource.
    pub(super) fn toggle(&mut self) {
        match self.key_focus() {
            super::Focus::Pane(Pane::Topics) => {
                let s = self.step_index();
                let Some(t) = self.selected_topic() else { return };
                let next = if self.is_done(s, t) { Status::Todo } else { Status::Done };
                self.change_topic(s, t, next);
            }
            super::Focus::Pane(Pane::Resources) => {
                let s = self.step_index();
                let Some(resource) = self.selected_resource().cloned() else {
                    return;
                };
                if self.refuse_if_read_only() {
                    return;
                }
                let read = !self.is_read(s, &resource);
                let before = self.before(vec![(Record::Resource, self.step().resource_key(&resource))]);
                let title = resource.title.get_ref().clone();
                self.set_read(s, &resource, read);
                let what = format!("{}: {title}", if read { "Read" } else { "Not read" });
                self.remember(before, &what);
                self.ask_save(what);
            }
            _ => {}
        }
    }

    /// Sets the selected topic (shown in the topics pane, or open in the
    /// links pane) to `status`; nothing if it is already.
    pub(super) fn set_selected(&mut self, status: Status) {
        if !matches!(self.key_focus(), super::Focus::Pane(Pane::Topics | Pane::Resources)) {
            return;
        }
        let s = self.step_index();
        let Some(t) = self.selected_topic() else { return };
        if self.status_of(s, t) != status {
            self.change_topic(s, t, status);
        }
    }

    /// `i` / `s`: mark the selected topic; the same key again sets it back
    /// to todo.
    pub(super) fn mark_selected(&mut self, status: Status) {
        if self.key_focus() != super::Focus::Pane(Pane::Topics) {
            return;
        }
        let s = self.step_index();
        let Some(t) = self.selected_topic() else { return };
        let next = if self.status_of(s, t) == status { Status::Todo } else { status };
        self.change_topic(s, t, next);
    }

    fn change_topic(&mut self, s: usize, t: usize, status: Status) {
        if self.refuse_if_read_only() {
            return;
        }
        let step = &self.path.curriculum.steps()[s];
        let before = self.before(vec![(Record::Topic, step.key(&step.topics[t]))]);
        self.set_topic(s, t, status);
        // A topic that is no longer done leaves the review queue; a newly
        // done one only comes due tomorrow.
        self.forget_due(s, t);
        self.clamp_topic_selection();
        let title = self.path.curriculum.steps()[s].topics[t].title.get_ref().clone();
        let what = match status {
            Status::Done => "Done",
            Status::Todo => "To do",
            Status::InProgress => "In progress",
            Status::Skipped => "Skipped",
        };
        let what = format!("{what}: {title}");
        self.remember(before, &what);
        self.ask_save(what);
    }

    /// `R`: reset the selected topic at once; on the steps pane, ask
    /// whether to reset the step or the whole path.
    pub(super) fn reset_key(&mut self) {
        match self.key_focus() {
            super::Focus::Pane(Pane::Topics) => {
                let s = self.step_index();
                if let Some(t) = self.selected_topic() {
                    self.change_topic(s, t, Status::Todo);
                }
            }
            super::Focus::Pane(Pane::Steps) => self.push(Overlay::Prompt(Prompt::Reset)),
            _ => {}
        }
    }

    /// The answer to the prompt on screen.
    pub(super) fn answer(&mut self, c: char) {
        let Some(Overlay::Prompt(Prompt::Reset)) = self.top() else { return };
        self.close();
        if self.refuse_if_read_only() {
            return;
        }
        let steps: Vec<usize> = match c {
            's' => vec![self.step_index()],
            'p' => (0..self.path.curriculum.steps().len()).collect(),
            _ => return,
        };
        let mut targets = Vec::new();
        for step in steps.iter().map(|&s| &self.path.curriculum.steps()[s]) {
            targets.extend(step.topics.iter().map(|t| (Record::Topic, step.key(t))));
            targets.extend(step.all_resources().map(|r| (Record::Resource, step.resource_key(r))));
        }
        let before = self.before(targets);
        let now = self.now();
        let count = self.progress.reset(&self.path.curriculum, &steps, None, now);
        self.recount();
        for &s in &steps {
            for t in 0..self.path.curriculum.steps()[s].topics.len() {
                self.forget_due(s, t);
            }
        }
        self.clamp_topic_selection();
        let what = if c == 's' {
            format!("step “{}”", self.step().title.get_ref())
        } else {
            "the whole path".into()
        };
        let what = format!("Reset {what}: {} back to todo", crate::text::count(count, "topic", "topics"));
        self.remember(before, &what);
        self.ask_save(what);
    }
}
