//! Today's plan: the reviews due, then the topics to learn; the selected
//! one's summary on the right.

use ratatui::Frame;
use ratatui::text::{Line, Span, Text};

use crate::app::{App, Geometry, TodayItem};
use crate::ui::view_state::{List, ViewState};
use crate::ui::{layout, pane, wrap};

/// Draws the today view over the main panes' areas.
pub fn render(frame: &mut Frame, areas: &layout::Areas, app: &App, view: &mut ViewState, g: &mut Geometry) {
    let theme = app.theme();
    let (list, detail) = (areas.left, areas.about.union(areas.topics).union(areas.resources));
    let width = list.width.saturating_sub(2) as usize;
    let items = app.today_items();
    let reviews = items.iter().filter(|i| matches!(i, TodayItem::Review(..))).count();
    // The counts only when they fit: a cut label says nothing.
    let counts = format!(" Today · {reviews} to review, {} to learn ", items.len() - reviews);
    let fits = counts.chars().count() + pane::FOCUS_MARK.chars().count() + 2 <= list.width as usize;
    let title = if fits { counts } else { " Today ".into() };
    let block = pane::block(title, true, &theme);
    if items.is_empty() {
        let empty = pane::empty("Nothing to do: every topic is done and nothing is due.", &theme, list);
        frame.render_widget(ratatui::widgets::List::new([empty]).block(block), list);
    } else {
        let state = view.list(List::Today, app.today_pick());
        let rows = pane::render_list(
            frame,
            list,
            block,
            items.len(),
            |i| row(app, items[i], width),
            state,
            true,
            &theme,
        );
        g.cursor_on(&rows, app.today_pick().selected(), list.x + 1);
    }
    let selected = items.get(app.today_pick().selected().unwrap_or(0)).copied();
    let lines = selected.map(|item| detail_lines(app, item, detail.width.saturating_sub(2) as usize));
    let (minutes, from) = budget(app);
    let title = format!(" Today's budget: {minutes:.0} min ");
    // Where the budget comes from, then the selected row.
    let width = detail.width.saturating_sub(2) as usize;
    let mut text =
        wrap::wrap(&[Span::styled(format!("{minutes:.0} min a day, from {from}"), theme.dim)], width, 0);
    text.push(Line::default());
    text.extend(lines.unwrap_or_default());
    pane::render_text(frame, detail, pane::block(title, false, &theme), text, 0, &theme);
}

fn row(app: &App, item: TodayItem, width: usize) -> Text<'static> {
    let (s, t) = item.place();
    let topic = &app.path().curriculum.steps()[s].topics[t];
    let tag = match item {
        TodayItem::Review(..) => Span::styled("review ", app.theme().progress),
        TodayItem::Learn(..) => Span::styled("learn  ", app.theme().key),
    };
    let mut spans = vec![Span::raw(" "), tag, Span::raw(topic.title.get_ref().clone())];
    if let (TodayItem::Learn(..), Some(h)) = (item, topic.hours) {
        spans.push(Span::styled(format!(" · {} h", crate::text::hours(h)), app.theme().dim));
    }
    Text::from(wrap::wrap(&spans, width, 8))
}

/// The day's budget and where it comes from, for the detail's title.
fn budget(app: &App) -> (f64, &'static str) {
    crate::today::budget_from(&app.path().curriculum, app.daily_minutes())
}

fn detail_lines(app: &App, item: TodayItem, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let (s, t) = item.place();
    let step = &app.path().curriculum.steps()[s];
    let topic = &step.topics[t];
    let mut out = wrap::wrap(&[Span::styled(topic.title.get_ref().clone(), theme.title)], width, 0);
    out.extend(wrap::wrap(
        &[Span::styled(format!("{} {}", app.label(s), step.title.get_ref()), theme.dim)],
        width,
        0,
    ));
    if let (TodayItem::Learn(..), Some(h)) = (item, topic.hours) {
        let (minutes, _) = budget(app);
        let span = match crate::today::days_for(h, minutes) {
            Some(days) => format!("{} h: about {days} days at {minutes:.0} min a day", crate::text::hours(h)),
            None => format!("{} h: within today's {minutes:.0} min", crate::text::hours(h)),
        };
        out.extend(wrap::wrap(&[Span::styled(span, theme.progress)], width, 0));
    }
    if let Some(summary) = &topic.summary {
        out.push(Line::default());
        out.extend(wrap::paragraphs(summary, theme.goal, width));
    }
    out.push(Line::default());
    let what = match item {
        TodayItem::Review(..) => "Enter: review it now",
        TodayItem::Learn(..) => "Enter: go to it (its page and links)",
    };
    out.extend(wrap::wrap(&[Span::styled(what, theme.key)], width, 0));
    out
}
