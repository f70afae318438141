//! The FAQ view: questions on the left, the selected answer on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::text::{Line, Span};

use crate::app::{App, Geometry, Scroll, Target};
use crate::ui::view_state::{List, ViewState};
use crate::ui::{layout, pane, wrap};

/// Draws the FAQ over the main panes' areas.
pub fn render(frame: &mut Frame, areas: &layout::Areas, app: &App, view: &mut ViewState, g: &mut Geometry) {
    let theme = app.theme();
    let (questions, answer) = (areas.left, answer_area(areas));
    let width = questions.width.saturating_sub(2) as usize;
    let block = pane::block(" Questions ", true, &theme);
    if app.path().curriculum.faq.is_empty() {
        let empty = pane::empty("This curriculum has no FAQ", &theme, questions);
        frame.render_widget(ratatui::widgets::List::new([empty]).block(block), questions);
        g.list(Target::Questions, questions, Vec::new());
    } else {
        let count = app.path().curriculum.faq.len();
        let (pick, _) = app.faq().unwrap_or_default();
        let state = view.list(List::Faq, pick);
        let rows = pane::render_list(
            frame,
            questions,
            block,
            count,
            |i| question_item(app, i, width),
            state,
            true,
            &theme,
        );
        if app.key_focus() == crate::app::Focus::Faq {
            g.cursor_on(&rows, pick.selected(), questions.x + 1);
        }
        g.list(Target::Questions, questions, rows);
    }
    let lines = lines(app, answer.width.saturating_sub(2) as usize);
    g.text(Scroll::Answer, answer, pane::max_scroll(lines.len(), answer));
    let answer_scroll = app.faq().map_or(0, |(_, scroll)| scroll);
    let scroll = answer_scroll.min(pane::max_scroll(lines.len(), answer));
    let block = pane::block(" Answer ", false, &theme);
    pane::render_text(frame, answer, block, lines, scroll, &theme);
}

/// Question `i` as a list row.
pub fn question_item(app: &App, i: usize, width: usize) -> Text<'static> {
    let spans = [Span::raw(" "), Span::raw(app.path().curriculum.faq[i].question.get_ref().clone())];
    Text::from(wrap::wrap(&spans, width, 1))
}

/// The answer spans the whole right side.
fn answer_area(areas: &layout::Areas) -> Rect {
    areas.about.union(areas.topics).union(areas.resources)
}

fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let i = app.faq().and_then(|(pick, _)| pick.selected()).unwrap_or(0);
    let Some(faq) = app.path().curriculum.faq.get(i) else { return Vec::new() };
    let mut out = wrap::wrap(&[Span::styled(faq.question.get_ref().clone(), app.theme().title)], width, 0);
    out.push(Line::default());
    out.extend(wrap::paragraphs(&faq.answer, app.theme().text, width));
    out
}
