//! A large file read a step at a time. The TOML parser holds a whole
//! document's tokens, events and tables at once, many times the file's
//! size: on its first open a 10,000-topic path peaked above a bare app
//! that reads the same file, for that alone. Read in parts cut at each
//! `[[steps]]` line, no more than one step is held that way at a time,
//! and the parts make exactly what the whole would (`tests/parts.rs`
//! checks it, positions included).
//!
//! The cuts are made by lines, not by tokens, which is safe: a cut inside
//! a multi-line string, array or table leaves the part before it open,
//! and any part that does not parse, for whatever reason, sends the file
//! to the whole-file parse, which says what is wrong and where.

use std::ops::Range;

use serde::Deserialize;

use super::{Curriculum, Faq, Step, step::respan};

/// Files smaller than this are read whole: their parse is small anyway.
pub const WHOLE_BELOW: usize = 256 * 1024;

/// A part after the first: a step, and the questions that may follow the
/// last step (nothing else can be a table after the steps).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rest {
    steps: Vec<Step>,
    #[serde(default)]
    faq: Vec<Faq>,
}

/// The curriculum in `text` read in parts, before validation; `None` when
/// the file is under `whole_below` bytes, has fewer than two steps, or a
/// part does not parse.
pub fn parse(text: &str, whole_below: usize) -> Option<Curriculum> {
    if text.len() < whole_below {
        return None;
    }
    let at_start = text.starts_with("[[steps]]").then_some(0);
    let cuts: Vec<usize> =
        at_start.into_iter().chain(text.match_indices("\n[[steps]]").map(|(i, _)| i + 1)).collect();
    if cuts.len() < 2 {
        return None;
    }
    // The head and the first step together are a curriculum of their own;
    // the steps' own position, their first `[[steps]]`, is in it.
    let mut c: Curriculum = toml::from_str(&text[..cuts[1]]).ok()?;
    // Questions written as a list in the head cannot be added to by a
    // `[[faq]]` later: the whole parse refuses that, so must this.
    let listed_faq = !c.faq.is_empty();
    for (i, &start) in cuts.iter().enumerate().skip(1) {
        let end = cuts.get(i + 1).copied().unwrap_or(text.len());
        let part: Rest = toml::from_str(&text[start..end]).ok()?;
        if listed_faq && !part.faq.is_empty() {
            return None;
        }
        let mut moved = |span: Range<usize>| span.start + start..span.end + start;
        for mut step in part.steps {
            step.each_span(&mut moved);
            c.steps.get_mut().push(step);
        }
        for mut faq in part.faq {
            respan(&mut faq.question, &mut moved);
            c.faq.push(faq);
        }
    }
    Some(c)
}
