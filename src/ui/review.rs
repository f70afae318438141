//! The review queue: due topics on the left; the selected one's step, note
//! and resources on the right.

use ratatui::Frame;
use ratatui::text::Text;
use ratatui::text::{Line, Span};

use crate::app::{App, Geometry};
use crate::ui::view_state::{List, ViewState};
use crate::ui::{layout, pane, wrap};

/// Draws the review view over the main panes' areas.
pub fn render(frame: &mut Frame, areas: &layout::Areas, app: &App, view: &mut ViewState, g: &mut Geometry) {
    let theme = app.theme();
    let (list, detail) = (areas.left, areas.about.union(areas.topics).union(areas.resources));
    let width = list.width.saturating_sub(2) as usize;
    let title = format!(" Review · {} due ", app.due().len());
    let block = pane::block(title, true, &theme);
    if app.due().is_empty() {
        let empty = pane::empty(
            "Nothing due. A done topic comes back when the chance you still recall it falls to 90%.",
            &theme,
            list,
        );
        frame.render_widget(ratatui::widgets::List::new([empty]).block(block), list);
    } else {
        let count = app.due().len();
        let state = view.list(List::Review, app.review_pick());
        let rows = pane::render_list(frame, list, block, count, |i| item(app, i, width), state, true, &theme);
        g.cursor_on(&rows, app.review_pick().selected(), list.x + 1);
    }
    let lines = detail_lines(app, detail.width.saturating_sub(2) as usize);
    pane::render_text(frame, detail, pane::block(" Topic ", false, &theme), lines, 0, &theme);
}

fn item(app: &App, i: usize, width: usize) -> Text<'static> {
    let due = &app.due()[i];
    let topic = &app.path().curriculum.steps()[due.step].topics[due.topic];
    let spans = [
        Span::raw(" "),
        Span::raw(topic.title.get_ref().clone()),
        Span::styled(
            format!(
                "  (step {}, {:.0}% now)",
                app.label(due.step).trim_end_matches('.'),
                due.retrievability * 100.0
            ),
            app.theme().dim,
        ),
    ];
    Text::from(wrap::wrap(&spans, width, 1))
}

fn detail_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let Some(due) = app.due().get(app.review_pick().selected().unwrap_or(0)) else { return Vec::new() };
    let step = &app.path().curriculum.steps()[due.step];
    let topic = &step.topics[due.topic];
    let mut out = wrap::wrap(&[Span::styled(topic.title.get_ref().clone(), theme.title)], width, 0);
    out.extend(wrap::wrap(
        &[Span::styled(format!("{} {}", app.label(due.step), step.title.get_ref()), theme.dim)],
        width,
        0,
    ));
    out.push(Line::default());
    if !topic.check.is_empty() {
        out.extend(super::about::checks(topic, theme, width));
        out.push(Line::default());
    }
    out.extend(super::about::note(app, due.step, due.topic, width));
    out.push(Line::default());
    out.extend(wrap::wrap(
        &[Span::styled(
            "How well do you know it? 1 again · 2 hard · 3 good (Enter) · 4 easy · o first link · e note",
            theme.key,
        )],
        width,
        0,
    ));
    out.push(Line::default());
    for (i, r) in step.resources_for(Some(due.topic)).into_iter().enumerate() {
        let tag = if i == 0 { "o " } else { "  " };
        let head = [Span::styled(tag, theme.key), Span::raw(r.title.get_ref().clone())];
        out.extend(super::link::lines(&head, r.url.get_ref(), width, super::link::style(app)));
    }
    out
}
