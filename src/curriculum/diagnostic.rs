//! Turning byte spans into `FILE:LINE:COL: message` lines.

use std::fmt;
use std::ops::Range;

/// One problem found in a curriculum, located by a byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the text the problem is, if known.
    pub span: Option<Range<usize>>,
    /// What is wrong, for a person.
    pub message: String,
}

impl Diagnostic {
    /// A problem at `span`.
    pub fn at(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic { span: Some(span), message: message.into() }
    }
}

impl From<toml::de::Error> for Diagnostic {
    fn from(err: toml::de::Error) -> Self {
        // The message alone: toml's Display adds a source excerpt, too much
        // for a one-line report.
        let message = err.message().trim().replace('\n', " ");
        Diagnostic { span: err.span(), message }
    }
}

/// A problem located in a file, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// 1-based line, if the problem has a position.
    pub line: Option<usize>,
    /// 1-based column in characters.
    pub col: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// Why a curriculum could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file name used in messages.
    pub file: String,
    /// The problems, each with its position.
    pub problems: Vec<Located>,
}

/// The byte offset of the line that nests deepest (the most `.`, `[` and
/// `{`), or 0.
fn deepest_line(text: &str) -> usize {
    let mut best = (0, 0);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let depth = line.chars().filter(|c| matches!(c, '.' | '[' | '{')).count();
        if depth > best.0 {
            best = (depth, offset);
        }
        offset += line.len();
    }
    best.1
}

impl LoadError {
    /// Locates `diags` in `text`.
    pub fn new(file: &str, text: &str, mut diags: Vec<Diagnostic>) -> Self {
        // The parser gives no place for a few errors (nesting too deep):
        // the most deeply nested line is where to look.
        for d in &mut diags {
            if d.span.is_none() {
                let at = deepest_line(text);
                d.span = Some(at..at);
            }
        }
        diags.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        let problems = diags
            .into_iter()
            .map(|d| {
                let (line, col) = match d.span {
                    Some(span) => {
                        let (l, c) = line_col(text, span.start);
                        (Some(l), Some(c))
                    }
                    None => (None, None),
                };
                Located { line, col, message: d.message }
            })
            .collect();
        LoadError { file: file.to_string(), problems }
    }

    /// The file could not be read at all.
    pub fn io(file: &str, err: &std::io::Error) -> Self {
        let hint = match err.kind() {
            std::io::ErrorKind::NotFound => " (check the path)",
            std::io::ErrorKind::InvalidData => " (it must be UTF-8 text)",
            _ => "",
        };
        let message = format!("cannot read this file: {err}{hint}");
        LoadError { file: file.to_string(), problems: vec![Located { line: None, col: None, message }] }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            let line = match (p.line, p.col) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}: {}", self.file, p.message),
                _ => format!("{}: {}", self.file, p.message),
            };
            f.write_str(&capped(&line))?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// The longest an error line gets: four widths of a wide terminal. A
/// message that quotes a 64 KiB id stays readable, and says it was cut.
pub const MAX_LINE: usize = 4 * 120;

/// `line`, cut to [`MAX_LINE`] characters with `…` where it was cut.
fn capped(line: &str) -> String {
    if line.chars().count() <= MAX_LINE {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(MAX_LINE - 1).collect();
    cut.push('…');
    cut
}

/// 1-based line and character column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}
