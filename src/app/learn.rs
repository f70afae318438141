//! Learning beyond ticks: notes, the review queue and the stats view.

use std::path::PathBuf;

use super::{App, Effect, Message};
use super::{Focus, Pane};
use crate::notes::Notes;
use crate::review::{self, Due};

impl App {
    /// Keeps notes under `data_dir`; the host reads this path's notes
    /// before the first frame.
    pub fn with_data_dir(mut self, data_dir: PathBuf) -> Self {
        self.ask(Effect::LoadNotes(data_dir.clone()));
        self.data_dir = Some(data_dir);
        self
    }

    /// The notes of this curriculum.
    pub fn notes(&self) -> &Notes {
        &self.path.notes
    }

    /// Topics due for review now, the longest overdue first.
    pub fn due(&self) -> &[Due] {
        &self.path.due
    }

    /// Drops topic `t` of step `s` from the review queue.
    pub(super) fn forget_due(&mut self, s: usize, t: usize) {
        self.path.due.retain(|d| (d.step, d.topic) != (s, t));
    }

    pub(super) fn refresh_due(&mut self) {
        self.path.due = review::due(&self.path.curriculum, &self.progress, self.now());
    }

    /// `e`: edit the note of the selected topic, or of the due topic in
    /// review, in the learner's editor.
    pub(super) fn edit_note(&mut self) {
        let picked = match self.key_focus() {
            Focus::Pane(Pane::Topics) => self.selected_topic().map(|t| (self.step_index(), t)),
            Focus::Review => {
                self.path.due.get(self.review_pick().selected().unwrap_or(0)).map(|due| (due.step, due.topic))
            }
            _ => None,
        };
        let Some((s, t)) = picked else { return };
        let step = &self.path.curriculum.steps()[s];
        match self.path.notes.path(step.id.get_ref(), step.topics[t].id.get_ref()) {
            Some(path) => self.ask(Effect::Edit { path, step: s, topic: t }),
            None => {
                self.message = Some(Message::Error("Notes need a data dir; start learnpath normally".into()));
            }
        }
    }

    /// Records how an edit of the note at `path` went.
    pub(super) fn edited(&mut self, step: usize, topic: usize, path: PathBuf, result: Result<bool, String>) {
        self.message = Some(match result {
            Ok(true) => {
                let saved = Message::Info(format!("Note saved: {}", path.display()));
                self.ask(Effect::LoadNote { path, step, topic });
                saved
            }
            Ok(false) => Message::Info("Note unchanged".into()),
            Err(e) => Message::Error(e),
        });
    }

    pub(super) fn open_review(&mut self) {
        self.refresh_due();
        self.push(super::Overlay::Review { list: super::Pick::at(0) });
    }

    /// `1`–`4` (Enter/y good, f again) on the selected due topic.
    pub(super) fn answer_review(&mut self, grade: u8) {
        let Some(grade) = review::Grade::from_number(grade) else { return };
        let i = self.review_pick().selected().unwrap_or(0);
        let Some(due) = self.path.due.get(i).cloned() else { return };
        if self.progress.is_read_only() {
            self.message = Some(Message::Error("This progress file is read-only; upgrade learnpath".into()));
            return;
        }
        let step = &self.path.curriculum.steps()[due.step];
        let key = step.key(&step.topics[due.topic]);
        let title = step.topics[due.topic].title.get_ref().clone();
        let id = self.path.curriculum.id.get_ref().clone();
        let now = self.now();
        let before = self.before(vec![(crate::progress::Record::Review, key.clone())]);
        let memory = review::record(&mut self.progress, &id, &key, grade, now);
        self.refresh_due();
        let len = self.path.due.len();
        if let Some(list) = self.view_pick_mut() {
            list.select(Some(i.min(len.saturating_sub(1))));
        }
        let next = match review::wait_days(memory) {
            1 => "next review tomorrow".to_string(),
            days => format!("next review in {days} days"),
        };
        let what = format!("{}: {title}; {next}", grade.name());
        self.remember(before, &what);
        self.ask_save(what);
    }

    /// `o` in the review queue: the due topic's first link (its own, else
    /// its step's).
    pub(super) fn open_review_link(&mut self) {
        let Some(due) = self.path.due.get(self.review_pick().selected().unwrap_or(0)) else { return };
        let step = &self.path.curriculum.steps()[due.step];
        if let Some(link) = step.resources_for(Some(due.topic)).first() {
            self.open_or_copy(link.url.get_ref().clone());
        }
    }

    pub(super) fn open_stats(&mut self) {
        let stats = Box::new(crate::stats::compute(&self.path.curriculum, &self.progress, self.now()));
        self.push(super::Overlay::Stats { stats, scroll: 0 });
    }
}
