//! The overlay stack: every view and popup above the main screen, in the
//! order it was opened.
//!
//! The top of the stack owns the keys and the mouse, Esc pops it, and the
//! screen is drawn by walking the stack from the bottom. There is no other
//! record of what is open, so the key map, closing, moving, the mouse and
//! drawing cannot disagree about what is on top.

use super::Focus;
use super::{App, Choice, Pick, Prompt, SearchState, View};

/// Something open above the main screen, with its own state: what it
/// shows, its selection and its scroll. Closing it drops them.
pub enum Overlay {
    /// The FAQ, filling the screen: the question selected and how far its
    /// answer is scrolled.
    Faq {
        /// The question selected.
        list: Pick,
        /// How far the answer is scrolled.
        answer_scroll: u16,
    },
    /// The review queue, filling the screen.
    Review {
        /// The due topic selected.
        list: Pick,
    },
    /// The stats, filling the screen, as computed when the view opened.
    Stats {
        /// The figures.
        stats: Box<crate::stats::Stats>,
        /// How far the text is scrolled.
        scroll: u16,
    },
    /// Today's plan, filling the screen, as worked out when it opened
    /// (and again on each merge).
    Today {
        /// Reviews, then topics to learn.
        items: Vec<super::TodayItem>,
        /// The row selected.
        list: Pick,
    },
    /// The curriculum picker, with the paths it offers.
    Picker {
        /// The paths.
        choices: Vec<Choice>,
        /// The path selected.
        list: Pick,
    },
    /// The search box.
    Search(SearchState),
    /// A question waiting for a one-key answer.
    Prompt(Prompt),
    /// The help.
    Help {
        /// How far it is scrolled.
        scroll: u16,
    },
}

impl Overlay {
    /// What receives the keys while this is on top.
    pub fn focus(&self) -> Focus {
        match self {
            Overlay::Faq { .. } => Focus::Faq,
            Overlay::Review { .. } => Focus::Review,
            Overlay::Stats { .. } => Focus::Stats,
            Overlay::Today { .. } => Focus::Today,
            Overlay::Picker { .. } => Focus::Picker,
            Overlay::Search(_) => Focus::Search,
            Overlay::Prompt(_) => Focus::Prompt,
            Overlay::Help { .. } => Focus::Help,
        }
    }

    /// The view this fills the screen with, if it is a view and not a popup.
    pub fn view(&self) -> Option<View> {
        match self {
            Overlay::Faq { .. } => Some(View::Faq),
            Overlay::Review { .. } => Some(View::Review),
            Overlay::Stats { .. } => Some(View::Stats),
            Overlay::Today { .. } => Some(View::Today),
            _ => None,
        }
    }

    /// A list that moves with the movement keys, and its length.
    fn list_mut(&mut self, due: usize, faq: usize) -> Option<(&mut Pick, usize)> {
        match self {
            Overlay::Faq { list, .. } => Some((list, faq)),
            Overlay::Review { list } => Some((list, due)),
            Overlay::Today { items, list } => Some((list, items.len())),
            Overlay::Picker { choices, list } => Some((list, choices.len())),
            Overlay::Search(search) => Some((&mut search.list, search.hits.len())),
            _ => None,
        }
    }
}

impl App {
    /// Everything open above the main screen, bottom first.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// The overlay on top, which owns the keys and the mouse.
    pub fn top(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// The view filling the screen: the topmost view on the stack, else
    /// the main screen.
    pub fn view(&self) -> View {
        self.overlays.iter().rev().find_map(Overlay::view).unwrap_or(View::Main)
    }

    /// The search box, if it is open.
    pub fn search(&self) -> Option<&SearchState> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Search(s) => Some(s),
            _ => None,
        })
    }

    /// The picker's choices and the one selected, if it is open.
    pub fn picker(&self) -> Option<(&[Choice], Pick)> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Picker { choices, list } => Some((choices.as_slice(), *list)),
            _ => None,
        })
    }

    /// The FAQ's question selected and its answer's scroll, if it is open.
    pub fn faq(&self) -> Option<(Pick, u16)> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Faq { list, answer_scroll } => Some((*list, *answer_scroll)),
            _ => None,
        })
    }

    /// The due topic selected in the review queue (the first when it is
    /// not open).
    pub fn review_pick(&self) -> Pick {
        self.overlays
            .iter()
            .rev()
            .find_map(|o| match o {
                Overlay::Review { list } => Some(*list),
                _ => None,
            })
            .unwrap_or(Pick::at(0))
    }

    /// The stats on screen and their scroll, if the view is open.
    pub fn stats(&self) -> Option<(&crate::stats::Stats, u16)> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Stats { stats, scroll } => Some((stats.as_ref(), *scroll)),
            _ => None,
        })
    }

    /// The question on screen, if any.
    pub fn prompt(&self) -> Option<Prompt> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Prompt(p) => Some(*p),
            _ => None,
        })
    }

    /// The help's scroll, if it is open.
    pub fn help_scroll(&self) -> Option<u16> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Help { scroll } => Some(*scroll),
            _ => None,
        })
    }

    /// Moves the selection of the list on top by `delta`; whether there was
    /// one.
    pub(super) fn move_overlay_list(&mut self, delta: isize) -> bool {
        let (due, faq) = (self.path.due.len(), self.path.curriculum.faq.len());
        let Some(top) = self.overlays.last_mut() else { return false };
        let moved_question = matches!(top, Overlay::Faq { .. });
        let Some((list, len)) = top.list_mut(due, faq) else { return false };
        let old = list.selected();
        super::navigate::move_list(list, delta, len);
        if moved_question && list.selected() != old {
            self.set_answer_scroll(0);
        }
        true
    }

    /// Sets the FAQ answer's scroll, if the FAQ is open.
    pub(super) fn set_answer_scroll(&mut self, to: u16) {
        for o in self.overlays.iter_mut().rev() {
            if let Overlay::Faq { answer_scroll, .. } = o {
                *answer_scroll = to;
                return;
            }
        }
    }

    /// The selection of the open view's list, to change.
    pub(super) fn view_pick_mut(&mut self) -> Option<&mut Pick> {
        self.overlays.iter_mut().rev().find_map(|o| match o {
            Overlay::Faq { list, .. } | Overlay::Review { list } | Overlay::Today { list, .. } => Some(list),
            _ => None,
        })
    }

    /// Opens `overlay` on top. A view replaces the views and popups under
    /// it, so the stack never holds two screens' worth of state.
    pub(super) fn push(&mut self, overlay: Overlay) {
        if overlay.view().is_some() {
            self.overlays.clear();
        }
        self.overlays.push(overlay);
    }

    /// Esc: closes what is on top.
    pub(super) fn close(&mut self) {
        self.overlays.pop();
    }

    /// The search box when it is on top, to type into.
    pub(super) fn search_mut(&mut self) -> Option<&mut SearchState> {
        match self.overlays.last_mut() {
            Some(Overlay::Search(s)) => Some(s),
            _ => None,
        }
    }
}
