//! Making curriculum text safe for a terminal cell.
//!
//! A curriculum is untrusted input: an escape sequence in a title could
//! clear the screen or retitle the window, so control characters never reach
//! the terminal raw. They become visible placeholders instead of vanishing,
//! so an author can see and fix them.

/// Cleans a single-line string: line breaks and tabs become spaces, other
/// control characters become visible pictures (ESC shows as `␛`).
pub fn sanitize_line(s: &str) -> String {
    if !needs_sanitizing(s, false) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c => picture(c),
        })
        .collect()
}

/// Cleans multi-line text: keeps line breaks (CRLF becomes LF), expands tabs
/// to four spaces and shows other control characters as pictures.
pub fn sanitize_block(s: &str) -> String {
    if !needs_sanitizing(s, true) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\r' => out.push(' '),
            c => out.push(picture(c)),
        }
    }
    out
}

/// Whether `c` changes the direction of the text around it (the Unicode
/// bidirectional controls): invisible, and able to make a title or a link
/// read as something it is not.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for a control character; other characters as they are.
/// Whether `s` has anything the sanitizers change (line breaks only when
/// it is one line). Most text has nothing: a large path is checked without
/// being copied character by character.
pub fn needs_sanitizing(s: &str, block: bool) -> bool {
    // Printable ASCII, byte by byte, is the common case and needs nothing.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b) || (block && b == b'\n')) {
        return false;
    }
    s.chars().any(|c| (c == '\n' && !block) || c == '\t' || c == '\r' || picture(c) != c)
}

fn picture(c: char) -> char {
    if is_bidi_control(c) {
        return '\u{fffd}';
    }
    match c as u32 {
        // C0 controls map onto the Unicode "Control Pictures" block.
        n @ 0x00..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        // C1 controls (including the 8-bit CSI) have no pictures.
        0x80..=0x9f => '\u{fffd}',
        _ => c,
    }
}

/// Hours as people write them: `12`, `2.5`, `0.3`.
pub fn hours(h: f64) -> String {
    // `+ 0.0` turns the -0 of an empty sum into 0.
    let tenths = (h * 10.0).round() / 10.0 + 0.0;
    if tenths.fract() == 0.0 { format!("{tenths:.0}") } else { format!("{tenths:.1}") }
}

/// `n` and the word for that many: "1 note", "3 notes", "1 FAQ entry".
/// The one place plurals are made, so no message says "1 steps" or
/// "topic(s)".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_said_to_need_cleaning_exactly_when_cleaning_changes_it() {
        let samples = [
            "plain",
            "tab\there",
            "two\nlines",
            "crlf\r\n",
            "esc\x1b[0m",
            "del\x7f",
            "c1\u{9b}",
            "bidi\u{202e}",
            "数据 é\u{301} 🚀",
            "",
            "\n",
        ];
        for s in samples {
            assert_eq!(needs_sanitizing(s, false), sanitize_line(s) != s, "line {s:?}");
            assert_eq!(needs_sanitizing(s, true), sanitize_block(s) != s, "block {s:?}");
        }
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize_line("a\x1b[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(sanitize_line("\x1b]0;pwned\x07"), "\u{241b}]0;pwned\u{2407}");
        assert_eq!(sanitize_line("\u{9b}31m"), "\u{fffd}31m");
        assert_eq!(sanitize_line("tab\there\nnext"), "tab here next");
    }

    #[test]
    fn blocks_keep_line_breaks_and_expand_tabs() {
        assert_eq!(sanitize_block("one\r\n\ttwo\x07"), "one\n    two\u{2407}");
    }

    #[test]
    fn direction_controls_become_visible() {
        assert_eq!(sanitize_line("abc\u{202e}fdp.exe"), "abc\u{fffd}fdp.exe");
        assert_eq!(sanitize_block("a\u{2066}b\u{2069}"), "a\u{fffd}b\u{fffd}");
    }

    #[test]
    fn plain_text_is_unchanged() {
        let s = "Données — 数据 🚀 e\u{301}";
        assert_eq!(sanitize_line(s), s);
        assert_eq!(sanitize_block(s), s);
    }

    #[test]
    fn hours_read_as_people_write_them() {
        assert_eq!(hours(12.0), "12");
        assert_eq!(hours(2.5), "2.5");
        assert_eq!(hours(0.25), "0.3");
        assert_eq!(hours(-0.0), "0", "an empty sum is -0.0");
        assert_eq!(hours(std::iter::empty::<f64>().sum()), "0");
    }
}
