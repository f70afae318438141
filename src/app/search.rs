//! The search box: typing, editing, and jumping to a result.

use super::Pane;
use super::{App, Message};
use crate::search::{Hit, Kind, Searcher};

/// How many results the box keeps.
const LIMIT: usize = 50;

/// The longest query, in characters: longer than any title, and short
/// enough that every keystroke's search stays quick whatever is pasted.
pub const MAX_QUERY: usize = 100;

/// The open search box.
pub struct SearchState {
    /// What was typed.
    pub query: String,
    /// The results for it, best first.
    pub hits: Vec<Hit>,
    /// How many entries matched (the box keeps only the best).
    pub total: usize,
    /// Whether typing stopped at [`MAX_QUERY`] characters.
    pub full: bool,
    /// The result selected.
    pub list: super::Pick,
}

/// An edit of the query.
pub(super) enum Edit {
    Backspace,
    Word,
    Clear,
}

impl App {
    /// The search index, built on first use.
    pub fn searcher(&mut self) -> &mut Searcher {
        self.path.searcher.get_or_insert_with(|| Searcher::new(&self.path.curriculum, &self.path.notes))
    }

    /// The entries the results point into.
    pub fn search_entries(&self) -> &[crate::search::Entry] {
        self.path.searcher.as_ref().map_or(&[], |s| s.entries())
    }

    pub(super) fn open_search(&mut self) {
        self.searcher();
        self.push(super::Overlay::Search(SearchState {
            query: String::new(),
            hits: Vec::new(),
            total: 0,
            full: false,
            list: super::Pick::at(0),
        }));
    }

    pub(super) fn search_input(&mut self, c: char) {
        let Some(search) = self.search_mut() else { return };
        if search.query.chars().count() >= MAX_QUERY {
            // The rest of a paste costs nothing.
            search.full = true;
            return;
        }
        search.query.push(c);
        self.rerun_search();
    }

    pub(super) fn search_edit(&mut self, edit: Edit) {
        if let Some(search) = self.search_mut() {
            search.full = false;
            let q = &mut search.query;
            match edit {
                Edit::Backspace => {
                    q.pop();
                }
                Edit::Clear => q.clear(),
                Edit::Word => {
                    let trimmed = q.trim_end().len();
                    q.truncate(trimmed);
                    let cut = q.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                    q.truncate(cut);
                }
            }
        }
        self.rerun_search();
    }

    fn rerun_search(&mut self) {
        let query = self.search().map(|s| s.query.clone()).unwrap_or_default();
        let (hits, total) = self.searcher().search(&query, LIMIT);
        if let Some(search) = self.search_mut() {
            search.hits = hits;
            search.total = total;
            search.list = super::Pick::at(0);
        }
    }

    /// Enter: go to the chosen result and close the box.
    pub(super) fn confirm_search(&mut self) {
        let Some(super::Overlay::Search(search)) = self.overlays.pop() else { return };
        let chosen = search.list.selected().unwrap_or(0);
        let Some(hit) = search.hits.get(chosen) else {
            self.message = Some(Message::Info("No match".into()));
            return;
        };
        let entry = &self.search_entries()[hit.entry];
        let (kind, step, index) = (entry.kind, entry.step, entry.index);
        // The result is somewhere on the main screen (or in the FAQ): go
        // there, closing whatever was open under the search.
        self.overlays.clear();
        match kind {
            Kind::Step => {
                self.select(index, None);
                self.set_focus(Pane::Steps);
            }
            Kind::Topic | Kind::Note => {
                self.select(step.unwrap_or(0), Some(index));
                self.set_focus(Pane::Topics);
            }
            Kind::Resource => {
                let s = step.unwrap_or(0);
                let Some((topic, url)) = self.path.curriculum.steps()[s].resource_at(index) else { return };
                let url = url.url.get_ref().clone();
                self.select(s, topic);
                self.select_link(&url);
                self.set_focus(Pane::Resources);
            }
            Kind::Faq => {
                self.push(super::Overlay::Faq { list: super::Pick::at(index), answer_scroll: 0 });
            }
        }
    }
}
