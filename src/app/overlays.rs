//! The overlay stack: every view and popup above the main screen, in the
//! order it was opened.
//!
//! The top of the stack owns the keys and the mouse, Esc pops it, and the
//! screen is drawn by walking the stack from the bottom. There is no other
//! record of what is open, so the key map, closing, moving, the mouse and
//! drawing cannot disagree about what is on top.

use super::Focus;
use super::{App, Choice, Prompt, SearchState, View};

/// Something open above the main screen.
pub enum Overlay {
    /// The FAQ, filling the screen.
    Faq,
    /// The review queue, filling the screen.
    Review,
    /// The stats, filling the screen.
    Stats,
    /// Today's plan, filling the screen, as worked out when it opened
    /// (and again on each merge).
    Today(Vec<super::TodayItem>),
    /// The curriculum picker, with the paths it offers.
    Picker(Vec<Choice>),
    /// The search box.
    Search(SearchState),
    /// A question waiting for a one-key answer.
    Prompt(Prompt),
    /// The help, scrolled this far.
    Help(u16),
}

impl Overlay {
    /// What receives the keys while this is on top.
    pub fn focus(&self) -> Focus {
        match self {
            Overlay::Faq => Focus::Faq,
            Overlay::Review => Focus::Review,
            Overlay::Stats => Focus::Stats,
            Overlay::Today(_) => Focus::Today,
            Overlay::Picker(_) => Focus::Picker,
            Overlay::Search(_) => Focus::Search,
            Overlay::Prompt(_) => Focus::Prompt,
            Overlay::Help(_) => Focus::Help,
        }
    }

    /// The view this fills the screen with, if it is a view and not a popup.
    pub fn view(&self) -> Option<View> {
        match self {
            Overlay::Faq => Some(View::Faq),
            Overlay::Review => Some(View::Review),
            Overlay::Stats => Some(View::Stats),
            Overlay::Today(_) => Some(View::Today),
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

    /// The picker's choices, if it is open.
    pub fn picker(&self) -> Option<&[Choice]> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Picker(c) => Some(c.as_slice()),
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
            Overlay::Help(scroll) => Some(*scroll),
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
