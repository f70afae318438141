//! What drawing keeps from one frame to the next that is not the app's:
//! where each list is scrolled to. The app owns every selection; the
//! lists scroll to keep it in view, and ratatui's `ListState` remembers
//! how far, so a list does not jump when the selection moves one row.

use ratatui::widgets::ListState;

use crate::app::Pick;

/// The lists that scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// The steps pane.
    Steps,
    /// The topics pane.
    Topics,
    /// The resources pane.
    Resources,
    /// The FAQ's questions.
    Faq,
    /// Search results.
    Results,
    /// The curriculum picker.
    Picker,
    /// The review queue.
    Review,
    /// Today's plan.
    Today,
}

/// Each list's scroll offset, kept between frames by whoever draws.
#[derive(Debug, Default, Clone)]
pub struct ViewState {
    lists: [ListState; 8],
}

impl ViewState {
    /// The state to draw list `which` with, selecting what `pick` says.
    pub fn list(&mut self, which: List, pick: Pick) -> &mut ListState {
        let state = &mut self.lists[which as usize];
        state.select(pick.selected());
        state
    }

    /// How far list `which` was scrolled when last drawn.
    pub fn offset(&self, which: List) -> usize {
        self.lists[which as usize].offset()
    }
}
