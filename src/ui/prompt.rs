//! A one-key question in a small box: reset the step or the whole path?

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, Prompt};
use crate::ui::{layout, pane, wrap};

/// Draws the prompt on screen, if any, over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, g: &mut crate::app::Geometry) {
    let Some(Prompt::Reset) = app.prompt() else { return };
    let theme = &app.theme();
    let step = app.step();
    let topics = step.topics.len();
    let all = app.path().curriculum.topic_count();
    let width = 60.min(area.width.saturating_sub(2));
    let inner = width.saturating_sub(2) as usize;
    let mut lines =
        wrap::wrap(&[Span::styled("Reset progress back to todo?".to_string(), theme.title)], inner, 0);
    lines.push(Line::default());
    for (key, what) in [
        ("s", format!("this step, “{}” ({topics} topics)", step.title.get_ref())),
        ("p", format!("the whole path ({all} topics)")),
        ("Esc", "keep everything as it is".to_string()),
    ] {
        lines.extend(wrap::wrap(&[Span::styled(format!(" {key:<4}"), theme.key), Span::raw(what)], inner, 5));
    }
    let popup = layout::centered(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    // On the question, where the answer is asked for.
    g.cursor = Some(ratatui::layout::Position::new(popup.x + 1, popup.y + 1));
    frame.render_widget(Paragraph::new(lines).block(pane::block(" Reset ", true, theme)), popup);
}
