//! The stats view: topics per week as a bar chart, streaks, the pace
//! projections, and each step's span.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup};

use crate::app::{App, Geometry, Scroll};
use crate::progress::percent;
use crate::stats::{PACE_WEEKS, Stats};
use crate::ui::{Theme, layout, pane, wrap};

/// Draws the stats view over the main panes' areas.
pub fn render(frame: &mut Frame, areas: &layout::Areas, app: &App, g: &mut Geometry) {
    let Some((stats, scroll)) = app.stats() else { return };
    let theme = &app.theme();
    let body = areas.left.union(areas.about).union(areas.resources);
    // At the top of the view: reading starts there.
    g.cursor = Some(ratatui::layout::Position::new(body.x + 1, body.y + 1));
    let [chart, text] =
        Layout::vertical([Constraint::Length(12.min(body.height / 2)), Constraint::Fill(1)]).areas(body);
    let bars: Vec<Bar> = stats
        .per_week
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let ago = stats.per_week.len() - 1 - i;
            let label = if ago == 0 { "now".to_string() } else { format!("-{ago}w") };
            Bar::default()
                .value(n as u64)
                .label(Line::from(label))
                .style(theme.done)
                .value_style(theme.selected)
        })
        .collect();
    let bar_width =
        (chart.width.saturating_sub(2) / stats.per_week.len().max(1) as u16).saturating_sub(1).clamp(1, 6);
    let widget = BarChart::default()
        .block(pane::block(" Topics done per week (last 12 weeks) ", true, theme))
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1);
    frame.render_widget(widget, chart);
    let lines = lines(stats, theme, text.width.saturating_sub(2) as usize);
    g.text(Scroll::Stats, text, pane::max_scroll(lines.len(), text));
    let scroll = scroll.min(pane::max_scroll(lines.len(), text));
    pane::render_text(frame, text, pane::block(" Pace · j/k scroll ", false, theme), lines, scroll, theme);
}

fn date(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d").to_string()
}

/// The text part of the view (shared with `learnpath stats`).
pub fn lines(stats: &Stats, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut rows: Vec<(String, ratatui::style::Style)> = vec![
        (
            format!("Done {}/{} topics ({}%)", stats.done, stats.total, percent(stats.done, stats.total)),
            theme.title,
        ),
        (
            format!(
                "Weekly streak: {} now, {} at the longest",
                plural(stats.current_streak, "week"),
                plural(stats.longest_streak, "week")
            ),
            theme.text,
        ),
        (String::new(), theme.text),
    ];
    rows.push(match stats.own_finish {
        Some(t) => (
            format!("At your pace ({:.1} topics a week over the last {PACE_WEEKS} weeks): done by {}", stats.recent_pace, date(t)),
            theme.text,
        ),
        None => (
            format!(
                "Not enough history to project your pace yet: it takes two weeks and a couple of topics in the last {PACE_WEEKS} weeks"
            ),
            theme.dim,
        ),
    });
    if let (Some(t), Some(h), Some(left)) = (stats.plan_finish, stats.weekly_hours, stats.hours_left) {
        rows.push((
            format!("At the plan's {h} hours a week ({left:.0} hours left): done by {}", date(t)),
            theme.text,
        ));
    }
    rows.push((String::new(), theme.text));
    rows.push(("Per step: first and last topic done".into(), theme.title));
    for s in &stats.steps {
        let span = match (s.first, s.last, s.days) {
            (Some(f), Some(l), Some(d)) => {
                format!("{} → {} ({})", date(f), date(l), plural(d as usize, "day"))
            }
            // Only imported ticks: done, but on no day of this machine's.
            _ if s.done > 0 => format!("{} done before learnpath (imported)", s.done),
            _ => "not started".into(),
        };
        rows.push((format!("  {}: {span}", s.title), theme.text));
    }
    rows.push((String::new(), theme.text));
    rows.push(("Per step: retention (the chance you still recall what you did)".into(), theme.title));
    for s in &stats.steps {
        let kept = match s.retention {
            Some(average) => {
                format!("{} of {} done retained, {:.0}% on average", s.retained, s.done, average * 100.0)
            }
            None => "nothing done yet".into(),
        };
        rows.push((format!("  {}: {kept}", s.title), theme.text));
    }
    rows.into_iter().flat_map(|(text, style)| wrap::wrap(&[Span::styled(text, style)], width, 4)).collect()
}

fn plural(n: usize, word: &str) -> String {
    crate::text::count(n, word, &format!("{word}s"))
}
