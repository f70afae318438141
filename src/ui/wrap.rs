//! Word wrapping of styled text to a width, aware of wide characters.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Wraps styled `spans` into lines at most `width` columns wide. Lines after
/// the first start with `indent` spaces. Words longer than a line are broken.
pub fn wrap(spans: &[Span<'_>], width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    // Most rows fit on one line: no need to walk them char by char.
    if spans.iter().map(Span::width).sum::<usize>() <= width && !spans.is_empty() {
        let owned: Vec<Span<'static>> =
            spans.iter().map(|s| Span::styled(s.content.to_string(), s.style)).collect();
        return vec![Line::from(owned)];
    }
    let indent = if indent >= width { 0 } else { indent };
    let mut lines = Vec::new();
    let mut line = LineBuilder::new(0);
    for (word, is_space) in words(spans) {
        if is_space {
            // Leading spaces of the first line are indentation; at the start
            // of a wrapped line they are just the break.
            if (line.width > line.start || lines.is_empty()) && line.width < width {
                line.push(' ', word[0].1, 1);
            }
            continue;
        }
        let word_width: usize = word.iter().map(|(c, _)| char_width(*c)).sum();
        // A word too long for any line is broken where it stands rather
        // than leaving a short line behind.
        let fits_fresh_line = word_width <= width - indent;
        if line.width + word_width > width && line.width > line.start && fits_fresh_line {
            lines.push(line.finish());
            line = LineBuilder::new(indent);
        }
        for &(c, style) in &word {
            let w = char_width(c);
            if line.width + w > width && line.width > line.start {
                lines.push(line.finish());
                line = LineBuilder::new(indent);
            }
            line.push(c, style, w);
        }
    }
    if line.width > line.start || lines.is_empty() {
        lines.push(line.finish());
    }
    lines
}

/// Splits text into paragraphs on blank lines, each wrapped to `width` and
/// styled with `style`; paragraphs are separated by an empty line.
pub fn paragraphs(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(Line::default());
        }
        let joined = para.split_whitespace().collect::<Vec<_>>().join(" ");
        out.extend(wrap(&[Span::styled(joined, style)], width, 0));
    }
    out
}

/// The display width of `c` (control characters count as zero).
fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Splits spans into words and single spaces, each char with its style.
fn words(spans: &[Span<'_>]) -> Vec<(Vec<(char, Style)>, bool)> {
    let mut out: Vec<(Vec<(char, Style)>, bool)> = Vec::new();
    for span in spans {
        for c in span.content.chars() {
            let is_space = c == ' ';
            match out.last_mut() {
                Some((word, false)) if !is_space => word.push((c, span.style)),
                _ => out.push((vec![(c, span.style)], is_space)),
            }
        }
    }
    out
}

struct LineBuilder {
    spans: Vec<Span<'static>>,
    text: String,
    style: Style,
    width: usize,
    start: usize,
}

impl LineBuilder {
    fn new(indent: usize) -> Self {
        let spans = if indent > 0 { vec![Span::raw(" ".repeat(indent))] } else { Vec::new() };
        LineBuilder { spans, text: String::new(), style: Style::new(), width: indent, start: indent }
    }

    fn push(&mut self, c: char, style: Style, w: usize) {
        if style != self.style && !self.text.is_empty() {
            self.spans.push(Span::styled(std::mem::take(&mut self.text), self.style));
        }
        self.style = style;
        self.text.push(c);
        self.width += w;
    }

    fn finish(mut self) -> Line<'static> {
        let trimmed = self.text.trim_end().to_string();
        if !trimmed.is_empty() {
            self.spans.push(Span::styled(trimmed, self.style));
        }
        Line::from(self.spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn wraps_at_word_boundaries_with_indent() {
        let lines = wrap(&[Span::raw("Learn basic coding skills")], 12, 2);
        assert_eq!(plain(&lines), ["Learn basic", "  coding", "  skills"]);
    }

    #[test]
    fn keeps_leading_indentation_of_the_first_line() {
        let lines = wrap(&[Span::raw("  a b")], 3, 0);
        assert_eq!(plain(&lines), ["  a", "b"]);
    }

    #[test]
    fn breaks_words_longer_than_the_line() {
        let lines = wrap(&[Span::raw("https://example.com/abc")], 10, 0);
        assert_eq!(plain(&lines), ["https://ex", "ample.com/", "abc"]);
        let lines = wrap(&[Span::raw("   https://example.com/abc")], 10, 3);
        assert_eq!(plain(&lines), ["   https:/", "   /exampl", "   e.com/a", "   bc"]);
    }

    #[test]
    fn never_exceeds_the_width_with_wide_characters() {
        use unicode_width::UnicodeWidthStr;
        let lines = wrap(&[Span::raw("数据库 基础 🚀🚀🚀 e\u{301}té")], 5, 1);
        for line in plain(&lines) {
            assert!(line.width() <= 5, "{line:?} is too wide");
        }
    }

    #[test]
    fn keeps_styles_per_span() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let lines = wrap(&[Span::styled("1.", bold), Span::raw(" Go")], 20, 0);
        assert_eq!(lines[0].spans[0].style, bold);
        assert_eq!(plain(&lines), ["1. Go"]);
    }

    #[test]
    fn splits_paragraphs_on_blank_lines() {
        let lines = paragraphs("one\ntwo\n\nthree", Style::new(), 20);
        assert_eq!(plain(&lines), ["one two", "", "three"]);
    }
}
