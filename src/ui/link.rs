//! One way to show a link, wherever it is shown (the resources pane, the
//! review card, the full page): its title, then its URL on the lines below,
//! indented, broken only after `/`, `?`, `&` or `-` so each piece reads as
//! part of an address. With `hyperlinks = true` the URL's cells are also
//! OSC 8 hyperlinks, so a terminal that supports them opens a click.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::ui::wrap;

/// The style URLs are drawn in: dim, and underlined when they are made
/// hyperlinks (the underline is also how [`hyperlink_cells`] finds them).
pub fn style(app: &App) -> Style {
    let dim = app.theme().dim;
    if app.hyperlinks() { dim.add_modifier(Modifier::UNDERLINED) } else { dim }
}

/// The URLs the screen may show now: the step's links, and the due
/// topic's in the review.
pub fn shown(app: &App) -> Vec<&str> {
    let mut urls: Vec<&str> = app.step().all_resources().map(|r| r.url.get_ref().as_str()).collect();
    if let Some(due) = app.due().get(app.review_pick().selected().unwrap_or(0)) {
        let step = &app.path().curriculum.steps()[due.step];
        urls.extend(step.resources_for(Some(due.topic)).iter().map(|r| r.url.get_ref().as_str()));
    }
    urls
}

/// How far the URL (and a title's wrapped lines) are indented.
pub const INDENT: usize = 3;

/// The link's lines at `width` columns: `head` (the title and whatever
/// goes with it) wrapped, then the URL in `style`. Underline the style to
/// have the URL made a hyperlink by [`hyperlink_cells`].
pub fn lines(head: &[Span<'_>], url: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    lines_within(head, url, width, style, usize::MAX)
}

/// [`lines`] in at most `rows` lines, for a pane that cuts the link: the
/// title shortened first, so that from two rows up the URL's first row,
/// with its host, is still there, and as much of the rest as fits. Each
/// cut ends in `…`.
pub fn lines_within(
    head: &[Span<'_>],
    url: &str,
    width: usize,
    style: Style,
    rows: usize,
) -> Vec<Line<'static>> {
    let mut out = wrap::wrap(head, width, INDENT);
    let pad = " ".repeat(INDENT.min(width.saturating_sub(1)));
    let room = width.saturating_sub(pad.len()).max(1);
    let url: Vec<Line<'static>> = url_rows(url, room)
        .into_iter()
        .map(|piece| Line::from(vec![Span::raw(pad.clone()), Span::styled(piece, style)]))
        .collect();
    if out.len() + url.len() <= rows {
        out.extend(url);
        return out;
    }
    let title_rows = if rows >= 2 { (rows - 1).min(out.len()) } else { rows.max(1) };
    if title_rows < out.len() {
        out.truncate(title_rows);
        cut(out.last_mut(), width);
    }
    let room = rows.saturating_sub(out.len());
    if room > 0 {
        let more = url.len() > room;
        out.extend(url.into_iter().take(room));
        if more {
            cut(out.last_mut(), width);
        }
    }
    out
}

/// Ends `line` with `…`, within `width` columns.
fn cut(line: Option<&mut Line<'static>>, width: usize) {
    let Some(line) = line else { return };
    while line.width() + 1 > width {
        let Some(last) = line.spans.last_mut() else { return };
        let mut text = last.content.to_string();
        if text.pop().is_none() {
            line.spans.pop();
            continue;
        }
        last.content = text.into();
    }
    // "Title ·…" reads as a stray dot: the cut goes after the last word.
    while let Some(last) = line.spans.last_mut() {
        let kept = last.content.trim_end_matches([' ', '·']).to_string();
        if !kept.is_empty() {
            last.content = kept.into();
            break;
        }
        line.spans.pop();
    }
    let style = line.spans.last().map(|s| s.style).unwrap_or_default();
    line.spans.push(Span::styled("…", style));
}

/// `url` in rows of at most `width` columns, each ending after a `/`, `?`,
/// `&` or `-` where one falls in the row, the first holding the scheme
/// and host whole; a part too long for a row is cut at the width (the
/// link is still copied whole with `y`).
pub fn url_rows(url: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut row = String::new();
    // The scheme and host stay together: the first row says where the
    // link goes even when the pane cuts the rest.
    let host_end = url.find("://").map_or(0, |i| url[i + 3..].find('/').map_or(url.len(), |j| i + 4 + j));
    let (host, path) = url.split_at(host_end);
    let parts = std::iter::once(host).filter(|h| !h.is_empty());
    for part in parts.chain(path.split_inclusive(['/', '?', '&', '-'])) {
        if row.width() + part.width() > width && !row.is_empty() {
            rows.push(std::mem::take(&mut row));
        }
        for c in part.chars() {
            if row.width() + c.to_string().width() > width && !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            row.push(c);
        }
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    rows
}

/// Cells of one row: its `y`, and the columns from and to.
type Run = (u16, u16, u16);

/// Turns the underlined runs drawn in `area` into OSC 8 hyperlinks to the
/// one of `urls` they show: a run that starts with `http` begins a URL,
/// and runs on the rows below continue it. A URL the pane cut shows a
/// prefix or a suffix of its address; it links to the one it is part of.
pub fn hyperlink_cells(buf: &mut Buffer, area: Rect, urls: &[&str]) {
    let area = area.intersection(buf.area);
    let mut runs: Vec<(u16, u16, u16, String)> = Vec::new();
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            if !buf[(x, y)].modifier.contains(Modifier::UNDERLINED) || buf[(x, y)].symbol() == " " {
                x += 1;
                continue;
            }
            let start = x;
            let mut text = String::new();
            while x < area.right() && buf[(x, y)].modifier.contains(Modifier::UNDERLINED) {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            runs.push((y, start, x, text.trim_end().to_string()));
        }
    }
    // Runs grouped into the URLs they spell.
    let mut groups: Vec<(String, Vec<Run>)> = Vec::new();
    for (y, from, to, text) in runs {
        match groups.last_mut() {
            // A continuation sits on the next row, where the row above began.
            Some((joined, cells))
                if !text.starts_with("http")
                    && cells.last().is_some_and(|&(row, start, _)| row + 1 == y && start == from) =>
            {
                joined.push_str(&text);
                cells.push((y, from, to));
            }
            _ => groups.push((text, vec![(y, from, to)])),
        }
    }
    for (shown, cells) in groups {
        let Some(url) = urls
            .iter()
            .find(|u| **u == shown)
            .or_else(|| urls.iter().find(|u| u.starts_with(&shown) || u.ends_with(&shown)))
        else {
            continue;
        };
        for (y, from, to) in cells {
            for x in from..to {
                let cell = &mut buf[(x, y)];
                let symbol = format!("\x1b]8;;{url}\x1b\\{}\x1b]8;;\x1b\\", cell.symbol());
                cell.set_symbol(&symbol);
                cell.set_diff_option(CellDiffOption::ForcedWidth(std::num::NonZeroU16::MIN));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_break_after_separators_not_mid_word() {
        let rows = url_rows("https://www.freecodecamp.org/news/learn-javascript-full-course/", 30);
        assert_eq!(rows, ["https://www.freecodecamp.org/", "news/learn-javascript-full-", "course/"]);
        assert_eq!(rows.concat(), "https://www.freecodecamp.org/news/learn-javascript-full-course/");
    }

    #[test]
    fn the_first_row_holds_the_host_not_just_the_scheme() {
        let rows = url_rows("https://my-site.example.org/learn-go/", 28);
        assert_eq!(rows, ["https://my-site.example.org/", "learn-go/"]);
        let narrow = url_rows("https://www.freecodecamp.org/news/", 27);
        assert_eq!(narrow[0], "https://www.freecodecamp.or", "cut, but never a bare https://");
    }

    #[test]
    fn a_part_longer_than_the_row_is_cut_at_the_width() {
        let rows = url_rows("https://averyveryverylonghostname.example/", 12);
        assert!(rows.iter().all(|r| r.width() <= 12), "{rows:?}");
        assert_eq!(rows.concat(), "https://averyveryverylonghostname.example/");
    }

    #[test]
    fn the_title_then_the_url_indented_below_it() {
        let lines = lines(&[Span::raw("A course")], "https://example.com/a", 40, Style::new());
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, ["A course", "   https://example.com/a"]);
    }

    #[test]
    fn a_cut_link_keeps_a_title_row_and_the_host() {
        let head = [Span::raw("A course with a rather long title that wraps")];
        let url = "https://example.com/courses/a-long-path/";
        let full = lines(&head, url, 24, Style::new());
        assert!(full.len() > 3, "{full:?}");
        let two: Vec<String> =
            lines_within(&head, url, 24, Style::new(), 2).iter().map(|l| l.to_string()).collect();
        assert_eq!(two.len(), 2);
        assert!(two[0].ends_with('…'), "{two:?}");
        assert!(two[1].starts_with("   https://example.com/"), "{two:?}");
        assert!(two.iter().all(|l| l.width() <= 24), "{two:?}");
        let one = lines_within(&head, url, 24, Style::new(), 1);
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn underlined_runs_become_hyperlinks_to_the_url_they_spell() {
        let url = "https://example.com/some/long/path";
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 3));
        let link = Style::new().add_modifier(Modifier::UNDERLINED);
        for (y, row) in url_rows(url, 20).iter().enumerate() {
            buf.set_string(2, y as u16, row, link);
        }
        let area = buf.area;
        hyperlink_cells(&mut buf, area, &[url]);
        let first = buf[(2, 0)].symbol().to_string();
        assert_eq!(first, format!("\x1b]8;;{url}\x1b\\h\x1b]8;;\x1b\\"));
        assert!(buf[(2, 1)].symbol().contains(url), "the second row links to the whole URL");
        assert_eq!(buf[(0, 0)].symbol(), " ", "cells outside the URL are left alone");
    }
}
