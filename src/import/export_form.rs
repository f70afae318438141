//! The Markdown `learnpath export` writes, read back by `import` as it was
//! written: a header comment marks it; each step heading carries its label
//! and id (`## 2. Title` then `` `step-id` ``); each topic line its key and
//! status; read marks are task items under their topic, or under a
//! "Resources:" line for a step's own links, so none of them reads as a
//! topic.

use super::markdown::Inline;
use super::shape::clean;
use crate::progress::Status;

/// How an export's first line starts.
pub const HEADER: &str = "<!-- learnpath export";

/// The line before a step's own links.
pub const RESOURCES: &str = "Resources:";

/// The label an extra step's heading starts with.
pub const EXTRA: &str = "Extra:";

/// The words after a topic's key for a status a tick cannot show.
pub fn status_words(status: Status) -> &'static str {
    match status {
        Status::InProgress => " *(in progress)*",
        Status::Skipped => " *(skipped)*",
        Status::Done | Status::Todo => "",
    }
}

/// Whether `markdown` is an export of learnpath's.
pub fn is_export(markdown: &str) -> bool {
    markdown.trim_start_matches('\u{feff}').trim_start().starts_with(HEADER)
}

/// The header comment for path `id`.
pub fn header(id: &str) -> String {
    format!("{HEADER} of {id}; `learnpath import` reads it back with its ids and ticks -->")
}

/// `text` with every character Markdown could read as a mark escaped, so
/// a title reads back as it was.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // `&` only matters where it could start an entity (`&amp;`).
        let entity = c == '&' && chars.peek().is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#');
        if entity || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|' | '!' | '$')
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An export's step heading: its title without the label, its id, and
/// whether it is an extra.
pub fn step_heading(inline: &Inline) -> (String, Option<String>, bool) {
    let (text, id, _) = split_code(inline);
    match text.split_once(' ') {
        Some((label, rest)) if label == EXTRA || is_number_label(label) => {
            (rest.to_string(), id, label == EXTRA)
        }
        _ => (text, id, false),
    }
}

fn is_number_label(label: &str) -> bool {
    label.strip_suffix('.').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// An export's topic line: its title, its id (from the key), and the
/// status the words after the key name.
pub fn topic_line(inline: &Inline) -> (String, Option<String>, Status) {
    let (title, key, after) = split_code(inline);
    let id = key.and_then(|k| k.split_once('/').map(|(_, t)| t.to_string()));
    let status = match after.as_str() {
        "(in progress)" => Status::InProgress,
        "(skipped)" => Status::Skipped,
        _ => Status::Todo,
    };
    (title, id, status)
}

/// The text before the last code span, the span, and the text after it.
fn split_code(inline: &Inline) -> (String, Option<String>, String) {
    match inline.code.last() {
        Some(&(start, end)) => (
            clean(&inline.text[..start]),
            Some(inline.text[start..end].to_string()),
            clean(&inline.text[end..]),
        ),
        None => (clean(&inline.text), None, String::new()),
    }
}
