//! Merging a note both machines changed: git's merge driver for
//! `notes/**/*.md` (`learnpath merge-file --note BASE OURS THEIRS`).
//!
//! A note is the learner's own writing, and no rule can pick one side's
//! sentences over the other's. So when both changed it, both stay: ours,
//! then a marked line, then theirs. There are never conflict markers to
//! find, and nothing is lost.

/// The line between this machine's text and the other's.
pub const MARK: &str =
    "----- learnpath sync: both machines changed this note; the other one's text follows -----";

/// The merge of note `ours` and `theirs`, both changed from `base`.
pub fn merge(base: &str, ours: &str, theirs: &str) -> String {
    if ours == theirs || theirs == base || ours.contains(theirs.trim()) {
        return ours.to_string();
    }
    if ours == base || theirs.contains(ours.trim()) {
        return theirs.to_string();
    }
    format!("{}\n\n{MARK}\n\n{}\n", ours.trim_end(), theirs.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_side_changed_takes_that_side() {
        assert_eq!(merge("a\n", "a\n", "b\n"), "b\n");
        assert_eq!(merge("a\n", "b\n", "a\n"), "b\n");
        assert_eq!(merge("a\n", "b\n", "b\n"), "b\n");
    }

    #[test]
    fn both_changed_keeps_both_below_a_mark_and_merging_again_adds_nothing() {
        let both = merge("a\n", "ours\n", "theirs\n");
        assert_eq!(both, format!("ours\n\n{MARK}\n\ntheirs\n"));
        assert_eq!(merge("a\n", &both, "theirs\n"), both, "the other side's text is in already");
        assert_eq!(merge("a\n", "theirs\n", &both), both);
        assert!(!both.contains("<<<<<<<"));
    }

    #[test]
    fn a_note_new_on_both_sides_keeps_both() {
        let both = merge("", "mine", "yours");
        assert!(both.starts_with("mine\n") && both.ends_with("yours\n"), "{both}");
    }
}
