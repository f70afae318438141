//! The search box: the query on top, ranked results below with the matched
//! characters highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Text;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, Geometry};
use crate::search::{Entry, Hit};
use crate::ui::view_state::{List, ViewState};
use crate::ui::{Theme, layout, pane, wrap};

/// Where the box goes inside `area`.
pub fn popup_area(area: Rect) -> Rect {
    layout::centered(area, 90.min(area.width.saturating_sub(4)), 22.min(area.height.saturating_sub(2)))
}

/// Draws the search box over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, g: &mut Geometry) {
    let Some(search) = app.search() else { return };
    let theme = app.theme();
    let popup = popup_area(area);
    frame.render_widget(Clear, popup);
    let block = pane::block(" Search · ↑↓ choose · Enter go · Esc close ", true, &theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input, results] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
    // The end of a query too long for the box: where the typing is.
    let room = (input.width as usize).saturating_sub(5).max(1);
    let chars = search.query.chars().count();
    let shown: String = if chars > room {
        std::iter::once('…').chain(search.query.chars().skip(chars - room + 1)).collect()
    } else {
        search.query.clone()
    };
    // The cursor where the next character goes (on the drawn block).
    let typed = unicode_width::UnicodeWidthStr::width(crate::text::sanitize_line(&shown).as_str()) as u16;
    g.cursor = Some(ratatui::layout::Position::new(
        (input.x + 3 + typed).min(input.right().saturating_sub(1)),
        input.y,
    ));
    let prompt = Line::from(vec![
        Span::styled(" / ", theme.key),
        Span::raw(crate::text::sanitize_line(&shown)),
        Span::styled("█", theme.dim),
    ]);
    let count = if search.query.is_empty() {
        "type to search steps, topics, links and questions".to_string()
    } else {
        match (search.hits.len(), search.total) {
            (0, _) => "no match".to_string(),
            (1, _) => "1 match".to_string(),
            (shown, total) if shown < total => format!("{total} matches, the best {shown} shown"),
            (_, total) => format!("{total} matches"),
        }
    };
    let count = if search.full {
        format!("{count} · a search stops at {} characters", crate::app::MAX_QUERY)
    } else {
        count
    };
    frame.render_widget(
        Paragraph::new(vec![prompt, Line::from(Span::styled(format!("   {count}"), theme.dim))]),
        input,
    );
    let width = results.width as usize;
    let count = search.hits.len();
    // Only the rows on screen are built, as in every other list.
    let state = view.list(List::Results, search.list);
    let hits: &[Hit] = app.search().map_or(&[], |s| &s.hits);
    let entries = app.search_entries();
    let row = |i: usize| item(app, &entries[hits[i].entry], &hits[i], width, &theme);
    pane::render_list(frame, results, ratatui::widgets::Block::new(), count, row, state, true, &theme);
}

/// A result: its kind, the text with matches highlighted, and its step.
fn item(app: &App, entry: &Entry, hit: &Hit, width: usize, theme: &Theme) -> Text<'static> {
    let mut spans = vec![Span::styled(format!(" {:<5} ", entry.kind.tag()), theme.dim)];
    let mut run = String::new();
    let mut run_matched = false;
    let mut matched = hit.indices.iter().peekable();
    for (i, c) in entry.text.chars().enumerate() {
        let is_match = matched.peek().is_some_and(|&&m| m as usize == i);
        if is_match {
            matched.next();
        }
        if is_match != run_matched && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_matched { theme.matched } else { theme.text },
            ));
        }
        run_matched = is_match;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { theme.matched } else { theme.text }));
    }
    if let Some(s) = entry.step.filter(|_| entry.kind != crate::search::Kind::Step) {
        let step = &app.path().curriculum.steps()[s];
        spans.push(Span::styled(format!("  — {} {}", app.label(s), step.title.get_ref()), theme.dim));
    }
    Text::from(wrap::wrap(&spans, width, 7))
}
