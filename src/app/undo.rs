//! Undo and redo of progress changes within a session: ticks, statuses,
//! read marks, resets and review grades, many levels deep.
//!
//! A change is kept as the records it touched, before and after. Undoing
//! puts the "before" records back as a new change (saved and merged like
//! any other, see [`Progress::restore`](crate::progress::Progress::restore));
//! redoing puts the "after" records back. Switching paths starts a new
//! history.

use super::{App, Message};
use crate::progress::{Record, Saved};

/// How many changes can be undone.
const DEPTH: usize = 200;

/// One change the learner made.
pub(super) struct Change {
    what: String,
    edits: Vec<Edit>,
}

/// One record the change touched.
struct Edit {
    which: Record,
    key: String,
    before: Saved,
    after: Saved,
}

/// The changes that can be undone, and those undone that can be redone.
#[derive(Default)]
pub(super) struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

/// Records about to change, as they were before.
pub(super) struct Before(Vec<(Record, String, Saved)>);

impl App {
    /// Captures `targets` before a change to them.
    pub(super) fn before(&self, targets: Vec<(Record, String)>) -> Before {
        let id = self.path.curriculum.id.get_ref();
        Before(
            targets
                .into_iter()
                .map(|(which, key)| {
                    let saved = self.progress.saved(id, which, &key);
                    (which, key, saved)
                })
                .collect(),
        )
    }

    /// Remembers the change made since `before`, described as `what`, for
    /// undo. A new change forgets what was undone.
    pub(super) fn remember(&mut self, before: Before, what: &str) {
        let id = self.path.curriculum.id.get_ref().clone();
        let edits: Vec<Edit> = before
            .0
            .into_iter()
            .filter_map(|(which, key, before)| {
                let after = self.progress.saved(&id, which, &key);
                (after != before).then_some(Edit { which, key, before, after })
            })
            .collect();
        if edits.is_empty() {
            return;
        }
        let history = &mut self.history;
        history.redo.clear();
        history.undo.push(Change { what: what.to_string(), edits });
        if history.undo.len() > DEPTH {
            history.undo.remove(0);
        }
    }

    /// Forgets every change: the records they name belong to another path.
    pub(super) fn forget_history(&mut self) {
        self.history = History::default();
    }

    /// `u`: undoes the last change.
    pub(super) fn undo(&mut self) {
        self.step_history(true);
    }

    /// `U` / Ctrl-R: redoes the last change undone.
    pub(super) fn redo(&mut self) {
        self.step_history(false);
    }

    fn step_history(&mut self, back: bool) {
        let from = if back { &mut self.history.undo } else { &mut self.history.redo };
        let Some(change) = from.pop() else {
            let what = if back { "Nothing to undo" } else { "Nothing to redo" };
            self.message = Some(Message::Info(what.into()));
            return;
        };
        if self.progress.is_read_only() {
            let from = if back { &mut self.history.undo } else { &mut self.history.redo };
            from.push(change);
            self.message = Some(Message::Error("This progress file is read-only; upgrade learnpath".into()));
            return;
        }
        let (id, now) = (self.path.curriculum.id.get_ref().clone(), self.now());
        for edit in &change.edits {
            let saved = if back { &edit.before } else { &edit.after };
            self.progress.restore(&id, edit.which, &edit.key, saved, now);
        }
        let message = if back {
            format!("Undid “{}” (U redoes)", change.what)
        } else {
            format!("Redid “{}” (u undoes)", change.what)
        };
        let to = if back { &mut self.history.redo } else { &mut self.history.undo };
        to.push(change);
        self.recount();
        self.ask_save(message);
    }
}
