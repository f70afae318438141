//! The curriculum picker: each path's title, progress and source.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::text::Text;
use ratatui::widgets::Clear;

use crate::app::{App, Geometry};
use crate::progress::percent;
use crate::ui::view_state::{List, ViewState};
use crate::ui::{layout, pane, wrap};

/// Draws the picker over `area`, if it is open.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, g: &mut Geometry) {
    let Some((choices, pick)) = app.picker() else { return };
    let theme = app.theme();
    let rows = choices.len() as u16 * 2 + 2;
    let popup =
        layout::centered(area, 76.min(area.width.saturating_sub(4)), rows.min(area.height.saturating_sub(2)));
    let width = popup.width.saturating_sub(2) as usize;
    let items: Vec<Text<'static>> = choices
        .iter()
        .map(|c| {
            let mut spans = vec![Span::raw(" "), Span::styled(c.title.clone(), theme.title)];
            match &c.error {
                Some(err) => spans.push(Span::styled(format!("  invalid: {err}"), theme.error)),
                None => spans.push(Span::styled(
                    format!("  {}/{} · {}%", c.done, c.total, percent(c.done, c.total)),
                    theme.done,
                )),
            }
            let mut lines = wrap::wrap(&spans, width, 3);
            lines.extend(wrap::wrap(&[Span::raw("   "), Span::styled(c.source.name(), theme.dim)], width, 3));
            Text::from(lines)
        })
        .collect();
    frame.render_widget(Clear, popup);
    let mut block = pane::block(" Curricula · Enter open · Esc close ", true, &theme);
    if let Some(dir) = &app.catalog().config_dir {
        let yours = format!(" yours: {} ", dir.join("curricula").display());
        block = block.title_bottom(Span::styled(yours, theme.dim));
    }
    let state = view.list(List::Picker, pick);
    let rows = pane::render_list(frame, popup, block, items.len(), |i| items[i].clone(), state, true, &theme);
    g.cursor_on(&rows, pick.selected(), popup.x + 1);
}
