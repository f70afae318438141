//! Drawing the screen: one layout split, one small `render` per pane.

pub mod about;
pub mod faq;
pub mod help;
pub mod layout;
pub mod link;
pub mod list;
mod pane;
mod picker;
mod prompt;
pub mod resources;
pub mod review;
pub mod search;
pub mod stats;
pub mod status;
pub mod steps;
pub mod today;
pub mod topics;
pub mod view_state;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub use crate::theme::{Theme, ThemeName, no_color};
pub use view_state::ViewState;

use crate::app::Pane;
use crate::app::{App, Geometry, Overlay, View};

/// Draws the whole screen for `app`, with the lists scrolled as `view`
/// remembers; returns what went where, for the app to resolve the mouse,
/// pages and scroll limits against.
pub fn render(frame: &mut Frame, app: &App, view: &mut ViewState) -> Geometry {
    let mut g = Geometry::default();
    let area = frame.area();
    if layout::too_small(area) {
        status::render_too_small(frame, area, app);
        return g;
    }
    let areas = layout::areas(area, app);
    render_header(frame, areas.header, app);
    match app.view() {
        View::Main => {
            steps::render(frame, areas.left, app, view, &mut g);
            about::render(frame, areas.about, app, &mut g);
            if !app.full_page() {
                topics::render(frame, areas.topics, app, view, &mut g);
                resources::render(frame, areas.resources, app, view, &mut g);
            }
        }
        View::Faq => faq::render(frame, &areas, app, view, &mut g),
        View::Review => review::render(frame, &areas, app, view, &mut g),
        View::Stats => stats::render(frame, &areas, app, &mut g),
        View::Today => today::render(frame, &areas, app, view, &mut g),
    }
    status::render(frame, areas.status, app);
    // The popups, bottom first, so the one on top is drawn last.
    let space = help::space(area, &areas);
    for i in 0..app.overlays().len() {
        match &app.overlays()[i] {
            Overlay::Picker { .. } => picker::render(frame, space, app, view, &mut g),
            Overlay::Search(_) => search::render(frame, space, app, view, &mut g),
            Overlay::Prompt(_) => prompt::render(frame, space, app, &mut g),
            Overlay::Help { .. } => help::render(frame, space, app, &mut g),
            Overlay::Faq { .. } | Overlay::Review { .. } | Overlay::Stats { .. } | Overlay::Today { .. } => {}
        }
    }
    if app.hyperlinks() {
        link::hyperlink_cells(frame.buffer_mut(), area, &link::shown(app));
    }
    g.page = page_rows(app, area, &areas);
    g
}

fn render_header(frame: &mut Frame, area: Rect, app: &App) {
    let title = app.path().curriculum.title.get_ref();
    let view = match app.view() {
        View::Main => "",
        View::Faq => " · FAQ",
        View::Review => " · Review",
        View::Stats => " · Stats",
        View::Today => " · Today",
    };
    let mut spans = vec![Span::styled(" learnpath ", app.theme().key)];
    if let Some(days) = app.demo() {
        let banner = format!(" DEMO · clock +{days} days · not saved ");
        spans.push(Span::styled(banner, app.theme().error.add_modifier(ratatui::style::Modifier::REVERSED)));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(format!("{title}{view}"), app.theme().title));
    if !app.due().is_empty() {
        spans.push(Span::styled(format!("  {} due for review (r)", app.due().len()), app.theme().progress));
    }
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), area);
}

/// Visible rows of the list that has the focus: the size of a page.
fn page_rows(app: &App, area: Rect, areas: &layout::Areas) -> usize {
    if app.search().is_some() {
        return search::popup_area(help::space(area, areas)).height.saturating_sub(5) as usize;
    }
    let area = match (app.view(), app.focus()) {
        (View::Faq | View::Review | View::Stats | View::Today, _) | (View::Main, Pane::Steps) => areas.left,
        (View::Main, Pane::Topics) => areas.topics,
        (View::Main, Pane::Resources) => areas.resources,
    };
    area.height.saturating_sub(3) as usize
}
