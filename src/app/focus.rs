//! What holds the focus: a pane of the main screen, or the overlay on
//! top. The key map reads it to know what a key means there.

/// A pane of the main screen that can hold the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The list of steps on the left.
    Steps,
    /// The selected step's topics checklist.
    Topics,
    /// The selected step's resources.
    Resources,
}

/// Whatever receives key presses right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A pane of the main screen.
    Pane(Pane),
    /// The FAQ view.
    Faq,
    /// The help overlay.
    Help,
    /// The search box.
    Search,
    /// A question waiting for a one-key answer.
    Prompt,
    /// The curriculum picker.
    Picker,
    /// The review queue.
    Review,
    /// The stats view.
    Stats,
    /// Today's plan.
    Today,
}

impl Pane {
    /// The pane after this one in Tab order.
    pub fn next(self) -> Pane {
        match self {
            Pane::Steps => Pane::Topics,
            Pane::Topics => Pane::Resources,
            Pane::Resources => Pane::Steps,
        }
    }

    /// The pane before this one in Tab order.
    pub fn prev(self) -> Pane {
        match self {
            Pane::Steps => Pane::Resources,
            Pane::Topics => Pane::Steps,
            Pane::Resources => Pane::Topics,
        }
    }
}
