//! The selected topic's links, then its step's: kind, title, provider,
//! free/paid and URL.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::text::Text;

use crate::app::Pane;
use crate::app::{App, Geometry, Target};
use crate::curriculum::{Cost, Resource};
use crate::ui::view_state::{List, ViewState};
use crate::ui::{Theme, link, pane};

/// Draws the resources list.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, g: &mut Geometry) {
    let focused = app.focus() == Pane::Resources;
    let theme = app.theme();
    let width = area.width.saturating_sub(2) as usize;
    let resources = app.shown_resources();
    let s = app.step_index();
    let filter = app.kind_filter().map(|k| format!("· {} ", k.name())).unwrap_or_default();
    let title = format!(" Resources {}/{} read {filter}", app.read_shown(), resources.len());
    let block = pane::block(title, focused, &theme);
    if resources.is_empty() {
        let why = match app.kind_filter() {
            Some(kind) => format!("No {} links here (t: next kind)", kind.name()),
            None => "No links for this topic or step".into(),
        };
        let empty = pane::empty(&why, &theme, area);
        frame.render_widget(ratatui::widgets::List::new([empty]).block(block), area);
        g.list(Target::List(Pane::Resources), area, Vec::new());
        return;
    }
    let count = resources.len();
    // The list's state is taken out while the list borrows the app.
    let state = view.list(List::Resources, app.lists().resources);
    let resources = app.shown_resources();
    let make = |r: usize, rows: usize| {
        item_within(resources[r], app.is_read(s, resources[r]), width, &theme, link::style(app), rows)
    };
    let rows = pane::render_list_fitting(
        frame,
        area,
        block,
        count,
        |r| make(r, usize::MAX),
        Some(&make),
        state,
        focused,
        &theme,
    );
    if app.key_focus() == crate::app::Focus::Pane(Pane::Resources) {
        g.cursor_on(&rows, app.lists().resources.selected(), area.x + 1);
    }
    g.list(Target::List(Pane::Resources), area, rows);
}

/// Rows the list needs at `width` columns, counting no further than `cap`.
pub fn line_count(app: &App, width: usize, cap: usize) -> usize {
    let theme = Theme::plain();
    let resources = app.shown_resources();
    pane::rows_needed(
        resources.len(),
        |r| item_within(resources[r], false, width, &theme, theme.dim, usize::MAX),
        cap,
    )
}

/// One resource in at most `rows` lines: a read mark and the title line,
/// then the URL below (see [`link::lines_within`]).
pub fn item_within(
    r: &Resource,
    read: bool,
    width: usize,
    theme: &Theme,
    url: Style,
    rows: usize,
) -> Text<'static> {
    let mark = if read { Span::styled("✓ ", theme.done) } else { Span::styled("• ", theme.dim) };
    let mut spans = vec![Span::raw(" "), mark];
    if let Some(kind) = r.kind {
        spans.push(Span::styled(format!("{} ", kind.name()), theme.key));
    }
    spans.push(Span::styled(r.title.get_ref().clone(), theme.title));
    if let Some(provider) = &r.provider {
        spans.push(Span::styled(format!(" · {provider}"), theme.dim));
    }
    if let Some(note) = &r.note {
        spans.push(Span::styled(format!(" — {note}"), theme.dim));
    }
    match r.cost {
        Some(Cost::Paid) => spans.push(Span::styled(" [paid]", theme.paid)),
        Some(Cost::Free) => spans.push(Span::styled(" [free]", theme.free)),
        None => {}
    }
    Text::from(link::lines_within(&spans, r.url.get_ref(), width, url, rows))
}
