//! What leaves the state, as effects for the host: links to open or
//! copy, saves, reloads; and the news of how they went, taken back in.

use std::time::Duration;

use super::{Action, App, Effect, Message};
use super::{Focus, Pane};

impl App {
    /// Asks the host for `effect`, after this update.
    pub(super) fn ask(&mut self, effect: Effect) {
        self.outbox.push(effect);
    }

    /// Records how an attempt to open `url` went.
    fn opened(&mut self, url: &str, error: Option<String>) {
        self.message = Some(match error {
            None => Message::Info(format!("Opened {url}")),
            Some(e) => {
                Message::Error(format!("No browser could open {url} ({e}); set $BROWSER or copy the link"))
            }
        });
    }

    /// Records how copying `url` went.
    fn copied(&mut self, url: &str, error: Option<String>) {
        let remote = if self.remote { " (over SSH: copied instead of opening)" } else { "" };
        self.message = Some(match error {
            None => Message::Info(format!("Copied{remote}: {url}")),
            Some(e) => Message::Error(format!("Couldn't copy ({e}): {url}")),
        });
    }

    /// Takes in news from the host: how an effect went.
    pub(super) fn take_news(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => self.size = (w, h),
            Action::Opened(url, error) => self.opened(&url, error),
            Action::Copied(text, error) => self.copied(&text, error),
            Action::Edited { path, step, topic, result } => self.edited(step, topic, path, result),
            Action::Saved { what, result } => self.saved(what, result),
            Action::Reloaded(result) => self.reloaded(result),
            Action::NotesLoaded(notes) => {
                self.path.notes = notes.take();
                self.path.searcher = None;
            }
            Action::NoteLoaded { step, topic, note } => {
                self.path.notes.put(step, topic, note);
                self.path.searcher = None;
            }
            Action::CatalogLoaded(loaded) => self.show_picker(loaded),
            Action::PlaceFound(Some(place)) => self.go_to(&place),
            Action::Remembered(Some(e)) => {
                self.message =
                    Some(Message::Error(format!("Opened, but couldn't remember it for next time: {e}")))
            }
            Action::Reload => self.ask_reload(),
            Action::Synced(state, error) => {
                self.sync = Some(state);
                if let Some(error) = error {
                    self.message = Some(Message::Error(format!("Not synced: {error}")));
                }
                // A pull may have brought notes; the progress comes in
                // through the file watcher, and is merged now in case
                // the watcher is slow.
                if let Some(dir) = &self.data_dir {
                    self.ask(Effect::LoadNotes(dir.clone()));
                }
                self.ask_reload();
            }
            _ => {}
        }
    }

    /// The selected resource's URL, or the topic's first listed link when
    /// the topics pane has the focus.
    pub(super) fn link(&self) -> Option<String> {
        let chosen = match self.focus {
            Pane::Resources => self.selected_resource(),
            _ => self.shown_resources().first().copied(),
        };
        chosen.map(|r| r.url.get_ref().clone())
    }

    pub(super) fn open(&mut self) {
        match self.key_focus() {
            Focus::Review => return self.open_review_link(),
            // Go to the topic's links (never a status change, so a stray
            // Enter costs nothing).
            // The full page hides the links pane: open the first link.
            Focus::Pane(Pane::Topics) if self.full_page => {}
            Focus::Pane(Pane::Topics) => {
                if self.shown_resources().is_empty() {
                    let why = match self.kind_filter {
                        Some(kind) => format!("No {} links for this topic (t: next kind)", kind.name()),
                        None => "This topic and its step have no links".into(),
                    };
                    self.message = Some(Message::Info(why));
                } else {
                    self.set_focus(Pane::Resources);
                }
                return;
            }
            Focus::Pane(Pane::Resources) => {}
            _ => return,
        }
        if let Some(url) = self.link() {
            self.open_or_copy(url);
        }
    }

    /// Opens `url`, or copies it over SSH, where a browser would open on
    /// the other machine.
    pub(super) fn open_or_copy(&mut self, url: String) {
        self.ask(if self.remote { Effect::Copy(url) } else { Effect::Open(url) });
    }

    pub(super) fn copy_id(&mut self) {
        if let Some(t) = self.selected_topic() {
            self.ask(Effect::Copy(self.step().key(&self.step().topics[t])));
        }
    }

    pub(super) fn copy(&mut self) {
        match self.link() {
            Some(url) => self.ask(Effect::Copy(url)),
            None => self.message = Some(Message::Info("This step has no links to copy".into())),
        }
    }

    /// Saves right away, unless another learnpath is saving: the screen
    /// never waits. A save held up is kept in memory and made when that
    /// one's write wakes us (a file-change event), or on the next change.
    pub(super) fn ask_save(&mut self, what: String) {
        self.ask(Effect::Save { what, patience: Duration::ZERO });
    }

    fn saved(&mut self, what: String, result: Result<Option<bool>, String>) {
        match result {
            Ok(Some(merged)) => {
                // Another process's changes came in with the merge: the
                // marks, counts and queue must show them now, since the
                // file-change event that follows finds nothing new.
                if merged {
                    self.recount();
                }
                self.unsaved = false;
                self.waiting = false;
                self.sync = self.sync.map(crate::sync::State::changed);
                self.message = Some(Message::Info(what));
            }
            Ok(None) => {
                self.waiting = true;
                self.message = Some(Message::Info(format!(
                    "{what} · waiting for another learnpath to finish saving; kept, and saved as soon as it is done"
                )));
            }
            Err(e) => {
                self.unsaved = true;
                self.message = Some(Message::Error(format!(
                    "Not saved: {e}. Kept in memory; will retry on the next change."
                )));
            }
        }
        self.take_notice();
    }

    /// Merges in what another process saved (or makes a save that was
    /// waiting for it).
    fn ask_reload(&mut self) {
        if self.waiting {
            // The other save has just written the file: it is ending.
            self.ask(Effect::Save { what: "Saved".into(), patience: Duration::from_millis(500) });
        } else {
            self.ask(Effect::Reload);
        }
    }

    fn reloaded(&mut self, result: Result<bool, String>) {
        match result {
            Ok(true) => {
                self.recount();
                self.message = Some(Message::Info("Updated with changes saved elsewhere".into()));
            }
            Ok(false) => {}
            Err(e) => self.message = Some(Message::Error(format!("Cannot read changes from disk: {e}"))),
        }
        self.take_notice();
        // A sync tool put a version without our changes in place, or left
        // conflict copies: write the whole merge back now, not at the next
        // tick, which may never come.
        if self.progress.needs_save() {
            let what = match &self.message {
                Some(Message::Info(text)) => text.clone(),
                _ => "Saved".into(),
            };
            self.ask_save(what);
        }
    }

    /// Shows (and remembers) what the store had to say about the file.
    pub(super) fn take_notice(&mut self) {
        if let Some(notice) = self.progress.notice.take() {
            self.message = Some(Message::Error(notice.to_string()));
            self.notices.push(notice.to_string());
        }
    }
}
