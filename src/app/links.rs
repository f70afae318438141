//! The resources pane's list: the selected topic's own links, then its
//! step's, narrowed to one kind with `t`.

use super::{App, Message};
use crate::curriculum::{Kind, Resource};

impl App {
    /// The links the resources pane lists, in order.
    pub fn shown_resources(&self) -> Vec<&Resource> {
        let mut shown = self.step().resources_for(self.selected_topic());
        if let Some(kind) = self.kind_filter {
            shown.retain(|r| r.kind == Some(kind));
        }
        shown
    }

    /// The link selected in the resources pane, if the list has any.
    pub fn selected_resource(&self) -> Option<&Resource> {
        let shown = self.shown_resources();
        let r = self.lists.resources.selected().unwrap_or(0).min(shown.len().saturating_sub(1));
        shown.get(r).copied()
    }

    /// How many of the listed links are read.
    pub fn read_shown(&self) -> usize {
        let s = self.step_index();
        self.shown_resources().iter().filter(|r| self.is_read(s, r)).count()
    }

    /// `t`: the next kind the selected topic's links have, and after the
    /// last one all kinds again.
    pub(super) fn cycle_kind(&mut self) {
        let all = self.step().resources_for(self.selected_topic());
        let present: Vec<Kind> =
            Kind::ALL.into_iter().filter(|k| all.iter().any(|r| r.kind == Some(*k))).collect();
        let next = match self.kind_filter {
            None => present.first().copied(),
            Some(now) => {
                Kind::ALL.into_iter().skip_while(|k| *k != now).skip(1).find(|k| present.contains(k))
            }
        };
        self.kind_filter = next;
        self.lists.resources.select(Some(0));
        self.message = Some(Message::Info(match next {
            Some(kind) => format!("Showing {} links only (t: next kind)", kind.name()),
            None if present.is_empty() => "These links have no kinds to filter by".into(),
            None => "Showing links of every kind".into(),
        }));
    }

    /// Changes the topics list's selection with `change` (given the list's
    /// length); a different topic lists different links, so their
    /// selection starts again at the first.
    pub(super) fn move_topic_row(&mut self, change: impl FnOnce(&mut super::Pick, usize)) {
        let before = self.selected_topic();
        let len = self.visible_topics().len();
        change(&mut self.lists.topics, len);
        if self.selected_topic() != before {
            self.lists.resources = super::Pick::at(0);
            self.about_scroll = 0;
        }
    }

    /// Selects the listed link to `url`, showing every kind if the filter
    /// hides it.
    pub(super) fn select_link(&mut self, url: &str) {
        let find = |app: &App| app.shown_resources().iter().position(|r| r.url.get_ref() == url);
        if find(self).is_none() {
            self.kind_filter = None;
        }
        self.lists.resources.select(Some(find(self).unwrap_or(0)));
    }
}
