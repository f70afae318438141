//! The description pane: the selected topic's page (summary, what to know
//! first, self-checks, note) or the selected step's title, goal and body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::Pane;
use crate::app::{App, Geometry, Scroll};
use crate::curriculum::Topic;
use crate::text::hours;
use crate::ui::{Theme, pane, wrap};

/// Draws the step description.
pub fn render(frame: &mut Frame, area: Rect, app: &App, g: &mut Geometry) {
    let width = area.width.saturating_sub(2) as usize;
    let lines = lines(app, width);
    g.text(Scroll::About, area, pane::max_scroll(lines.len(), area));
    let scroll = app.about_scroll().min(pane::max_scroll(lines.len(), area));
    // The full page stands in for the topics pane, and shows its focus
    // and holds the cursor.
    let focused = app.full_page() && app.focus() != Pane::Steps;
    if focused && app.key_focus() == crate::app::Focus::Pane(app.focus()) {
        g.cursor = Some(ratatui::layout::Position::new(area.x + 1, area.y + 1));
    }
    let mut block = pane::block(title(app), focused, &app.theme());
    if app.full_page() {
        block = block.title(Line::from(Span::styled(" z: the panes ", app.theme().dim)).right_aligned());
    }
    // The topic's id, which `learnpath mark` takes and Y copies.
    let mut id_width = 0;
    if let Some(t) = page_topic(app) {
        let key = format!(" {} ", app.step().key(&app.step().topics[t]));
        id_width = key.chars().count();
        block = block.title_bottom(Line::from(Span::styled(key, app.theme().dim)));
    }
    // "J more" only where it leaves the id whole: the id is what is copied
    // by hand, the scrollbar already says there is more.
    let room = id_width + " J more ".len() + 2 <= area.width as usize;
    let block = if room && scroll < pane::max_scroll(lines.len(), area) {
        block.title_bottom(Line::from(Span::styled(" J more ", app.theme().dim)).right_aligned())
    } else {
        block
    };
    pane::render_text(frame, area, block, lines, scroll, &app.theme());
}

/// The topic whose page the pane shows: the selected one while the topics
/// or its links have the focus; none (the step's page) otherwise.
fn page_topic(app: &App) -> Option<usize> {
    app.selected_topic().filter(|_| matches!(app.focus(), Pane::Topics | Pane::Resources))
}

fn title(app: &App) -> String {
    let i = app.step_index();
    if let Some(t) = page_topic(app) {
        return format!(" Topic {} of {} ", t + 1, app.step().topics.len());
    }
    if app.step().optional {
        " Extra ".to_string()
    } else {
        let numbered = app.path().curriculum.numbered();
        format!(" Step {} of {numbered} ", app.label(i).trim_end_matches('.'))
    }
}

/// The description as wrapped lines: the selected topic's page while the
/// topics or its links have the focus, else the step's.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out = match page_topic(app) {
        Some(t) => topic_page(app, t, width),
        None => step_page(app, width),
    };
    if app.full_page() {
        out.extend(links(app, width));
    }
    out
}

/// The full page's links, since it hides the links pane: the topic's (or,
/// on the step's page, the step's), as every link is shown.
fn links(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let shown: Vec<&crate::curriculum::Resource> = match page_topic(app) {
        Some(_) => app.shown_resources(),
        None => app.step().resources.iter().collect(),
    };
    if shown.is_empty() {
        return Vec::new();
    }
    let what =
        if page_topic(app).is_some() { "o opens the first, y copies it" } else { "y copies the first" };
    let mut out = vec![Line::default()];
    out.extend(wrap::wrap(&[Span::styled(format!("Links ({what}):"), theme.key)], width, 0));
    for r in shown {
        let mut head = vec![Span::styled(" • ", theme.dim)];
        if let Some(kind) = r.kind {
            head.push(Span::styled(format!("{} ", kind.name()), theme.key));
        }
        head.push(Span::raw(r.title.get_ref().clone()));
        out.extend(super::link::lines(&head, r.url.get_ref(), width, super::link::style(app)));
    }
    out
}

fn step_page(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let step = app.step();
    let mut out = wrap::wrap(&[Span::styled(step.title.get_ref().clone(), theme.title)], width, 0);
    for (text, style) in [(&step.goal, theme.goal), (&step.body, theme.text)] {
        if let Some(text) = text {
            out.push(Line::default());
            out.extend(wrap::paragraphs(text, style, width));
        }
    }
    out
}

/// A topic's page: your note, what it gives you, what to know first, and
/// how to check yourself.
fn topic_page(app: &App, t: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let (s, step) = (app.step_index(), app.step());
    let topic = &step.topics[t];
    let mut head = Vec::new();
    if app.full_page() {
        // The checklist is hidden under the full page: its mark is here.
        let (mark, style) = super::topics::mark(app.status_of(s, t), theme);
        head.push(Span::styled(format!("{mark} "), style));
    }
    head.push(Span::styled(topic.title.get_ref().clone(), theme.title));
    if let Some(h) = topic.hours {
        head.push(Span::styled(format!(" · about {} h", hours(h)), theme.dim));
    }
    if let Some(r) = app.recall_of(s, t) {
        let fading = if r < crate::review::FADING { ", fading: r reviews it" } else { "" };
        head.push(Span::styled(format!(" · recall today {:.0}%{fading}", r * 100.0), theme.dim));
    }
    let mut out = wrap::wrap(&head, width, 0);
    // The learner's own note first: it is what they wrote to come back to.
    if app.notes().get(s, t).is_some() {
        out.extend(note(app, s, t, width));
    }
    if let Some(summary) = &topic.summary {
        out.push(Line::default());
        out.extend(wrap::paragraphs(summary, theme.goal, width));
    }
    let requires = app.path().curriculum.requires(s, t);
    if !requires.is_empty() {
        out.push(Line::default());
        out.extend(wrap::wrap(&[Span::styled("Know first:", theme.key)], width, 0));
        for (rs, rt) in requires {
            let (mark, style) = super::topics::mark(app.status_of(rs, rt), theme);
            let other = &app.path().curriculum.steps()[rs];
            let mut name = other.topics[rt].title.get_ref().clone();
            if rs != s {
                name.push_str(&format!(" ({})", other.title.get_ref()));
            }
            let spans = [Span::styled(format!(" {mark} "), style), Span::raw(name)];
            out.extend(wrap::wrap(&spans, width, 5));
        }
    }
    if !topic.check.is_empty() {
        out.push(Line::default());
        out.extend(checks(topic, theme, width));
    }
    if app.notes().get(s, t).is_none() {
        out.push(Line::default());
        out.extend(note(app, s, t, width));
    }
    out
}

/// A topic's self-check questions under their heading (the topic page and
/// the review card).
pub fn checks(topic: &Topic, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = wrap::wrap(&[Span::styled("Check yourself:", theme.key)], width, 0);
    for q in &topic.check {
        out.extend(wrap::wrap(&[Span::styled(" • ", theme.dim), Span::raw(q.clone())], width, 3));
    }
    out
}

/// The learner's note on topic `t` of step `s` (its first lines), or an
/// invitation to write one (the topic page and the review card).
pub fn note(app: &App, s: usize, t: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme();
    let Some(note) = app.notes().get(s, t) else {
        return wrap::wrap(&[Span::styled("No note yet (e writes one).", theme.dim)], width, 0);
    };
    let mut out = wrap::wrap(&[Span::styled("Your note (e edits):", theme.key)], width, 0);
    if app.notes().is_lossy(s, t) {
        let warn = "⚠ this note is not UTF-8 text: � marks the bytes that could not be read";
        out.extend(wrap::wrap(&[Span::styled(warn, theme.error)], width, 0));
    }
    for line in note.lines().filter(|l| !l.trim().is_empty()).take(6) {
        out.extend(wrap::wrap(&[Span::styled(line.to_string(), theme.goal)], width, 0));
    }
    out
}
