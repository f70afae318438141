//! What leaves the state: links to open or copy, saves, reloads, and the
//! messages that report how they went.

use super::{App, Effect, Message};
use super::{Focus, Pane};

impl App {
    /// Records how an attempt to open `url` went.
    pub fn opened(&mut self, url: &str, result: anyhow::Result<()>) {
        self.message = Some(match result {
            Ok(()) => Message::Info(format!("Opened {url}")),
            Err(e) => {
                Message::Error(format!("No browser could open {url} ({e:#}); set $BROWSER or copy the link"))
            }
        });
    }

    /// Records how copying `url` went.
    pub fn copied(&mut self, url: &str, result: anyhow::Result<()>) {
        let remote = if self.remote { " (over SSH: copied instead of opening)" } else { "" };
        self.message = Some(match result {
            Ok(()) => Message::Info(format!("Copied{remote}: {url}")),
            Err(e) => Message::Error(format!("Couldn't copy ({e:#}): {url}")),
        });
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

    pub(super) fn open(&mut self) -> Option<Effect> {
        match self.key_focus() {
            Focus::Review => return self.open_review_link(),
            // Go to the topic's links (never a status change, so a stray
            // Enter costs nothing).
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
                return None;
            }
            Focus::Pane(Pane::Resources) => {}
            _ => return None,
        }
        let url = self.link()?;
        Some(if self.remote { Effect::Copy(url) } else { Effect::Open(url) })
    }

    pub(super) fn copy_id(&mut self) -> Option<Effect> {
        let t = self.selected_topic()?;
        Some(Effect::Copy(self.step().key(&self.step().topics[t])))
    }

    pub(super) fn copy(&mut self) -> Option<Effect> {
        match self.link() {
            Some(url) => Some(Effect::Copy(url)),
            None => {
                self.message = Some(Message::Info("This step has no links to copy".into()));
                None
            }
        }
    }

    pub(super) fn save(&mut self, what: String) {
        self.save_within(what, std::time::Duration::ZERO);
    }

    /// Saves, waiting at most `patience` for another learnpath's save. The
    /// screen never waits longer: a save held up is kept in memory and made
    /// when that one's write wakes us (a file-change event), or on the
    /// next change.
    fn save_within(&mut self, what: String, patience: std::time::Duration) {
        match self.progress.save_within(patience) {
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
                    "Not saved: {e:#}. Kept in memory; will retry on the next change."
                )));
            }
        }
        self.take_notice();
    }

    /// Merges in what another process saved (and makes a save that was
    /// waiting for it).
    pub(super) fn reload(&mut self) {
        if self.waiting {
            // The other save has just written the file: it is ending.
            self.save_within("Saved".into(), std::time::Duration::from_millis(500));
            return;
        }
        let updated = "Updated with changes saved elsewhere";
        match self.progress.reload() {
            Ok(true) => {
                self.recount();
                self.message = Some(Message::Info(updated.into()));
            }
            Ok(false) => {}
            Err(e) => self.message = Some(Message::Error(format!("Cannot read changes from disk: {e:#}"))),
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
            self.save_within(what, std::time::Duration::ZERO);
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
