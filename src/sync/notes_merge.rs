//! Merging a note both machines changed: git's merge driver for
//! `notes/**/*.md` (`learnpath merge-file --note BASE OURS THEIRS`).
//!
//! A three-way merge (diffy's): lines only one machine changed are taken,
//! and the text both kept appears once. A note is the learner's own
//! writing, and no rule can pick one machine's sentences over the other's
//! where both changed the same lines, so there both versions stay, one
//! after the other, in a block marked with sentences, never with git's
//! conflict markers, which read as broken Markdown and which other tools
//! would take for an unfinished merge.

/// The line that opens a block of lines both machines changed.
pub const MARK: &str =
    "----- learnpath sync: both machines changed these lines; this machine's version: -----";
/// The line between the two versions.
pub const BETWEEN: &str = "----- the other machine's version: -----";
/// The line that closes the block.
pub const END: &str = "----- end of the two versions -----";

/// The merge of note `ours` and `theirs`, both from `base`.
pub fn merge(base: &str, ours: &str, theirs: &str) -> String {
    // Markers longer than any run of marker characters in the texts, so
    // only diffy's markers are ever read as markers.
    let longest = [base, ours, theirs]
        .iter()
        .flat_map(|t| t.lines())
        .map(|l| l.chars().take_while(|c| matches!(c, '<' | '=' | '>' | '|')).count())
        .max()
        .unwrap_or(0);
    let length = longest.max(7) + 1;
    let mut options = diffy::MergeOptions::new();
    options
        .set_conflict_style(diffy::ConflictStyle::Merge)
        .set_incomplete_hunk_style(diffy::IncompleteHunkStyle::Git)
        .set_conflict_marker_length(length);
    match options.merge(base, ours, theirs) {
        Ok(merged) => merged,
        Err(marked) => {
            let (open, between, close) = (
                format!("{} ours", "<".repeat(length)),
                "=".repeat(length),
                format!("{} theirs", ">".repeat(length)),
            );
            let mut out = String::with_capacity(marked.len());
            for line in marked.split_inclusive('\n') {
                let bare = line.trim_end_matches(['\n', '\r']);
                let replaced = if bare == open {
                    MARK
                } else if bare == between {
                    BETWEEN
                } else if bare == close {
                    END
                } else {
                    out.push_str(line);
                    continue;
                };
                out.push_str(replaced);
                out.push('\n');
            }
            out
        }
    }
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
    fn changes_to_different_lines_both_come_in_and_the_common_text_appears_once() {
        let base = "intro\n\nloops repeat\n\nend\n";
        let ours = "intro, mine\n\nloops repeat\n\nend\n";
        let theirs = "intro\n\nloops repeat\n\nend, theirs\n";
        assert_eq!(merge(base, ours, theirs), "intro, mine\n\nloops repeat\n\nend, theirs\n");
    }

    #[test]
    fn the_same_lines_changed_on_both_keep_both_in_one_marked_block_and_no_git_markers() {
        let base = "common\nline\ncommon too\n";
        let both = merge(base, "common\nours\ncommon too\n", "common\ntheirs\ncommon too\n");
        assert_eq!(both, format!("common\n{MARK}\nours\n{BETWEEN}\ntheirs\n{END}\ncommon too\n"));
        assert_eq!(both.matches("common\n").count(), 1, "{both}");
        assert!(!both.contains("<<<<<<<") && !both.contains(">>>>>>>") && !both.contains("\n=======\n"));
        assert_eq!(merge("common\nours\ncommon too\n", &both, "common\nours\ncommon too\n"), both);
    }

    #[test]
    fn a_setext_heading_or_a_marker_like_line_in_the_note_is_not_taken_for_a_marker() {
        let base = "Title\n=======\n\nbody\n";
        let merged = merge(base, "Title\n=======\n\nmine\n", "Title\n=======\n\nyours\n");
        assert!(merged.starts_with("Title\n=======\n"), "{merged}");
        assert!(merged.contains(MARK) && merged.contains("mine") && merged.contains("yours"), "{merged}");
    }

    #[test]
    fn a_note_new_on_both_sides_keeps_both() {
        let both = merge("", "mine", "yours");
        assert!(both.contains("mine") && both.contains("yours") && both.contains(MARK), "{both}");
    }
}
