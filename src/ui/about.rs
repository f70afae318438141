//! The description of the selected step: title, goal and body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Geometry, Scroll};
use crate::ui::{pane, wrap};

/// Draws the step description.
pub fn render(frame: &mut Frame, area: Rect, app: &App, g: &mut Geometry) {
    let width = area.width.saturating_sub(2) as usize;
    let lines = lines(app, width);
    g.text(Scroll::About, area, pane::max_scroll(lines.len(), area));
    let scroll = app.about_scroll.min(pane::max_scroll(lines.len(), area));
    let block = pane::block(title(app), false, &app.theme);
    let block = if scroll < pane::max_scroll(lines.len(), area) {
        block.title_bottom(Line::from(Span::styled(" J more ", app.theme.dim)).right_aligned())
    } else {
        block
    };
    pane::render_text(frame, area, block, lines, scroll, &app.theme);
}

fn title(app: &App) -> String {
    let i = app.step_index();
    if app.step().optional {
        " Extra ".to_string()
    } else {
        let numbered = app.path.curriculum.numbered();
        format!(" Step {} of {numbered} ", app.label(i).trim_end_matches('.'))
    }
}

/// The description as wrapped lines.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let step = app.step();
    let mut out = wrap::wrap(&[Span::styled(step.title.get_ref().clone(), theme.title)], width, 0);
    // The selected topic's note comes first while the checklist has the
    // focus: it is what the learner is looking at.
    if app.focus == crate::action::Pane::Topics
        && let Some(t) = app.selected_topic()
        && let Some(note) = app.notes().get(app.step_index(), t)
    {
        let title = step.topics[t].title.get_ref();
        out.extend(wrap::wrap(&[Span::styled(format!("Note on {title} (e edits):"), theme.key)], width, 0));
        if app.notes().is_lossy(app.step_index(), t) {
            let warn = "⚠ this note is not UTF-8 text: � marks the bytes that could not be read";
            out.extend(wrap::wrap(&[Span::styled(warn, theme.error)], width, 0));
        }
        for line in note.lines().filter(|l| !l.trim().is_empty()).take(6) {
            out.extend(wrap::wrap(&[Span::styled(line.to_string(), theme.goal)], width, 0));
        }
    }
    for (text, style) in [(&step.goal, theme.goal), (&step.body, theme.text)] {
        if let Some(text) = text {
            out.push(Line::default());
            out.extend(wrap::paragraphs(text, style, width));
        }
    }
    out
}
