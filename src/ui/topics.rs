//! The selected step's topics, as a checklist with a mark per status.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::text::Text;

use crate::app::Pane;
use crate::app::{App, Geometry, Target};
use crate::progress::Status;
use crate::text::hours;
use crate::ui::view_state::{List, ViewState};
use crate::ui::{Theme, pane, wrap};

/// The mark and style of each status (the README's legend).
pub fn mark(status: Status, theme: &Theme) -> (&'static str, Style) {
    match status {
        Status::Todo => ("[ ]", theme.dim),
        Status::InProgress => ("[~]", theme.progress),
        Status::Done => ("[x]", theme.done),
        Status::Skipped => ("[-]", theme.skipped),
    }
}

/// Draws the topics checklist.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, g: &mut Geometry) {
    let focused = app.focus() == Pane::Topics;
    let theme = app.theme();
    let width = area.width.saturating_sub(2) as usize;
    let s = app.step_index();
    let total = app.step().topics.len();
    let mut title = format!(" Topics {}/{total}", app.done_in(s));
    if app.skipped_in(s) > 0 {
        title.push_str(&format!(" · {} skipped", app.skipped_in(s)));
    }
    if app.hide_done() {
        title.push_str(" · done hidden");
    }
    // Then what fits, most telling first: how much is still remembered,
    // and the hours.
    let mut extras = Vec::new();
    if app.done_in(s) > 0 {
        extras.push(format!(" · {} retained", app.retention_in(s).retained));
    }
    if let Some((done, all)) = app.hours_in(s) {
        extras.push(format!(" · {}/{} h", hours(done), hours(all)));
    }
    let mark = if focused { pane::FOCUS_MARK.chars().count() } else { 0 };
    for extra in extras {
        if title.chars().count() + extra.chars().count() + mark + 3 <= width {
            title.push_str(&extra);
        }
    }
    title.push(' ');
    let block = pane::block(title, focused, &theme);
    let visible = app.visible_topics();
    if visible.is_empty() {
        let text =
            if total == 0 { "No topics in this step" } else { "Every topic here is done (H shows them)" };
        frame
            .render_widget(ratatui::widgets::List::new([pane::empty(text, &theme, area)]).block(block), area);
        g.list(Target::List(Pane::Topics), area, Vec::new());
        return;
    }
    let state = view.list(List::Topics, app.lists().topics);
    let rows = pane::render_list(
        frame,
        area,
        block,
        visible.len(),
        |i| item(app, visible[i], width),
        state,
        focused,
        &theme,
    );
    if app.key_focus() == crate::app::Focus::Pane(Pane::Topics) {
        g.cursor_on(&rows, app.lists().topics.selected(), area.x + 1);
    }
    g.list(Target::List(Pane::Topics), area, rows);
}

/// Rows the checklist needs at `width` columns, counting no further than `cap`.
pub fn line_count(app: &App, width: usize, cap: usize) -> usize {
    let visible = app.visible_topics();
    pane::rows_needed(visible.len(), |i| item(app, visible[i], width), cap)
}

/// Row `t` (an index into the step's topics).
pub fn item(app: &App, t: usize, width: usize) -> Text<'static> {
    let (mark, mut style) = mark(app.status_of(app.step_index(), t), &app.theme());
    // A done topic you are likely to have forgotten: its tick fades, and
    // a sign says so where dim text does not show (no colour, braille).
    let fading = app.recall_of(app.step_index(), t).is_some_and(|r| r < crate::review::FADING);
    if fading {
        style = app.theme().dim;
    }
    let title = app.step().topics[t].title.get_ref().clone();
    let title_style = if app.status_of(app.step_index(), t) == Status::Skipped {
        app.theme().skipped
    } else {
        app.theme().text
    };
    let note = if app.notes().get(app.step_index(), t).is_some() { " ✎" } else { "" };
    let note = if fading { format!("{note} ↻") } else { note.to_string() };
    let estimate = app.step().topics[t].hours.map(|h| format!(" {}h", hours(h))).unwrap_or_default();
    let spans = [
        Span::raw(" "),
        Span::styled(mark, style),
        Span::raw(" "),
        Span::styled(title, title_style),
        Span::styled(note, app.theme().goal),
        Span::styled(estimate, app.theme().dim),
    ];
    Text::from(wrap::wrap(&spans, width, 5))
}
