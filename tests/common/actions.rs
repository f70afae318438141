//! One generator of actions for the model-based and the property tests:
//! every action the key map dispatches (so a new key is tried the day it
//! is added), typed characters, the mouse and a reload.

use learnpath::app::Action;
use learnpath::app::keymap::{Does, KEYMAP};
use proptest::prelude::*;

/// Every action a test may send, once each. Quitting and suspending are
/// left out: they end or stop the run rather than change the state.
pub fn all() -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    for row in KEYMAP {
        for (_, does) in row.binds {
            if let Does::Act(action) = does
                && !matches!(action, Action::Quit | Action::Suspend)
                && !out.contains(action)
            {
                out.push(action.clone());
            }
        }
    }
    out.extend(['n', 'o', 't', 'e', 'a', '数'].map(Action::SearchInput));
    out.extend([
        Action::Click(3, 3),
        Action::Click(60, 12),
        Action::Wheel(60, 20, true),
        Action::Wheel(10, 5, false),
        Action::Reload,
    ]);
    out
}

/// Any one of [`all`].
pub fn action() -> impl Strategy<Value = Action> {
    proptest::sample::select(all())
}
