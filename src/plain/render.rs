//! Plain mode's renderer: the view the keys have, as lines of text. A
//! heading, the items numbered with their state in words, nothing drawn,
//! nothing coloured. It reads `&App`, as the TUI's renderer does.

use crate::app::{App, Focus, Pane, TodayItem};
use crate::curriculum::Step;
use crate::progress::Status;

/// The view where the keys are, as text ending in a newline.
pub fn view(app: &App) -> String {
    let mut out = Vec::new();
    match app.key_focus() {
        Focus::Pane(Pane::Steps) => steps(app, &mut out),
        Focus::Pane(Pane::Topics) => topics(app, &mut out),
        Focus::Pane(Pane::Resources) => topic_page(app, &mut out),
        Focus::Search => search(app, &mut out),
        Focus::Picker => picker(app, &mut out),
        Focus::Today => today(app, &mut out),
        Focus::Review => review(app, &mut out),
        Focus::Stats => stats(app, &mut out),
        Focus::Faq => faq(app, &mut out),
        Focus::Help => out.push("Help: type help for the commands; back to close.".into()),
        Focus::Prompt => out.push("Reset what? reset step, reset path, or back for nothing.".into()),
    }
    finish(out)
}

/// How many numbered items the view lists, where numbers pick items.
pub fn items(app: &App) -> Option<usize> {
    Some(match app.key_focus() {
        Focus::Pane(Pane::Steps) => app.path().curriculum.steps().len(),
        Focus::Pane(Pane::Topics) => app.visible_topics().len(),
        Focus::Pane(Pane::Resources) => app.shown_resources().len(),
        Focus::Search => app.search().map_or(0, |s| s.hits.len()),
        Focus::Picker => app.picker().map_or(0, |(choices, _)| choices.len()),
        Focus::Today => app.today_items().len(),
        Focus::Faq => app.path().curriculum.faq.len(),
        Focus::Review | Focus::Stats | Focus::Help | Focus::Prompt => return None,
    })
}

/// The page of the topic or step in view, whole: `page`.
pub fn page(app: &App) -> String {
    let step = app.step();
    let mut out = Vec::new();
    match app.selected_topic().filter(|_| app.key_focus() != Focus::Pane(Pane::Steps)) {
        Some(t) => {
            let topic = &step.topics[t];
            out.push(format!("{} ({})", topic.title.get_ref(), topic_state(app, app.step_index(), t)));
            out.extend(topic.summary.iter().cloned());
            if !topic.check.is_empty() {
                out.push("Check yourself:".into());
                out.extend(topic.check.iter().map(|q| format!("- {q}")));
            }
            if let Some(note) = app.notes().get(app.step_index(), t) {
                out.push("Your note:".into());
                out.push(note.to_string());
            }
        }
        None => {
            out.push(step.title.get_ref().clone());
            out.extend(step.goal.iter().cloned());
            out.extend(step.body.iter().cloned());
        }
    }
    finish(out)
}

/// Lines joined, with anything from the TUI's drawing characters (box
/// lines, blocks) turned into plain ones: a braille display shows them as
/// noise and a screen reader reads them out.
fn finish(lines: Vec<String>) -> String {
    let mut text: String = lines.join("\n").chars().map(plain_char).collect();
    text.push('\n');
    text
}

/// `text` with drawing characters made plain (see [`finish`]).
pub fn plain_text(text: &str) -> String {
    text.chars().map(plain_char).collect()
}

fn plain_char(c: char) -> char {
    match c {
        '\u{2500}'..='\u{257f}' => '-',
        '\u{2580}'..='\u{259f}' => '#',
        c => c,
    }
}

fn of(done: usize, total: usize) -> String {
    format!("{done} of {total} done")
}

fn steps(app: &App, out: &mut Vec<String>) {
    let c = &app.path().curriculum;
    out.push(format!(
        "{}: {} steps, {}",
        c.title.get_ref(),
        c.steps().len(),
        of(app.done_total(), c.topic_count())
    ));
    for (i, step) in c.steps().iter().enumerate() {
        let extra = if step.optional { " (optional)" } else { "" };
        out.push(format!(
            "{}. {}{extra} - {}",
            i + 1,
            step.title.get_ref(),
            of(app.done_in(i), step.topics.len())
        ));
    }
    out.push("A number opens a step; next goes to the next topic to do; help lists the commands.".into());
}

fn step_heading(app: &App, s: usize, step: &Step) -> String {
    let c = &app.path().curriculum;
    let place = if step.optional {
        "Optional step".to_string()
    } else {
        let number = c.steps()[..=s].iter().filter(|x| !x.optional).count();
        format!("Step {number} of {}", c.numbered())
    };
    format!("{place}: {} - {}", step.title.get_ref(), of(app.done_in(s), step.topics.len()))
}

fn topic_state(app: &App, s: usize, t: usize) -> String {
    let mut words = match app.status_of(s, t) {
        Status::Todo => "to do",
        Status::InProgress => "in progress",
        Status::Done => "done",
        Status::Skipped => "skipped",
    }
    .to_string();
    if app.recall_of(s, t).is_some_and(|r| r < crate::review::FADING) {
        words.push_str(", fading: review it");
    }
    if let Some(h) = app.step().topics.get(t).and_then(|topic| topic.hours) {
        words.push_str(&format!(", about {} hours", crate::text::hours(h)));
    }
    words
}

fn topics(app: &App, out: &mut Vec<String>) {
    let (s, step) = (app.step_index(), app.step());
    out.push(step_heading(app, s, step));
    let shown = app.visible_topics();
    if shown.is_empty() {
        out.push("No topics to show (hide shows done ones again).".into());
    }
    for (n, &t) in shown.iter().enumerate() {
        out.push(format!("{}. {} - {}", n + 1, step.topics[t].title.get_ref(), topic_state(app, s, t)));
    }
    out.push("A number opens a topic; done N, doing N, skip N, todo N; back for the steps.".into());
}

fn topic_page(app: &App, out: &mut Vec<String>) {
    let (s, step) = (app.step_index(), app.step());
    match app.selected_topic() {
        Some(t) => {
            let topic = &step.topics[t];
            out.push(format!("Topic: {} - {}", topic.title.get_ref(), topic_state(app, s, t)));
            out.extend(topic.summary.iter().cloned());
        }
        None => out.push(step_heading(app, s, step)),
    }
    let links = app.shown_resources();
    if let Some(kind) = app.kind_filter() {
        out.push(format!("Only {} links (kind shows the next kind).", kind.name()));
    }
    out.push(format!("{}:", crate::text::count(links.len(), "link", "links")));
    for (n, r) in links.iter().enumerate() {
        let kind = r.kind.map(|k| format!("{}, ", k.name())).unwrap_or_default();
        let read = if app.is_read(s, r) { "read" } else { "not read" };
        out.push(format!("{}. {} - {kind}{read}, {}", n + 1, r.title.get_ref(), r.url.get_ref()));
    }
    out.push(
        "open N opens a link, read N marks it; done, doing, skip or todo for the topic; page, note; back."
            .into(),
    );
}

fn search(app: &App, out: &mut Vec<String>) {
    let Some(state) = app.search() else { return };
    let entries = app.search_entries();
    out.push(format!("Search \"{}\": {} results", state.query, state.total));
    for (n, hit) in state.hits.iter().enumerate() {
        let entry = &entries[hit.entry];
        let step = entry.step.map(|s| format!(" (step {})", s + 1)).unwrap_or_default();
        out.push(format!("{}. {}{step}", n + 1, entry.text));
    }
    out.push("A number goes to that result; back closes the search.".into());
}

fn picker(app: &App, out: &mut Vec<String>) {
    let Some((choices, _)) = app.picker() else { return };
    out.push(format!("Paths: {}", crate::text::count(choices.len(), "path", "paths")));
    for (n, c) in choices.iter().enumerate() {
        let open = if Some(&c.source) == app.catalog().current.as_ref() { ", open now" } else { "" };
        let state = match &c.error {
            Some(e) => format!("does not load: {e}"),
            None => of(c.done, c.total),
        };
        out.push(format!("{}. {} - {state}{open}", n + 1, c.title));
    }
    out.push("A number opens that path; back keeps this one.".into());
}

fn title_of(app: &App, (s, t): (usize, usize)) -> String {
    let step = &app.path().curriculum.steps()[s];
    format!("{} (step {})", step.topics[t].title.get_ref(), s + 1)
}

fn today(app: &App, out: &mut Vec<String>) {
    let items = app.today_items();
    out.push(format!("Today: {}", crate::text::count(items.len(), "item", "items")));
    for (n, item) in items.iter().enumerate() {
        let what = match item {
            TodayItem::Review(..) => "review",
            TodayItem::Learn(..) => "learn",
        };
        out.push(format!("{}. {what}: {}", n + 1, title_of(app, item.place())));
    }
    out.push("A number starts that review or goes to that topic; back closes today.".into());
}

fn review(app: &App, out: &mut Vec<String>) {
    let due = app.due();
    out.push(format!("Review: {} due", due.len()));
    match app.review_pick().selected().and_then(|i| due.get(i)) {
        Some(d) => {
            out.push(format!("Recall: {}", title_of(app, (d.step, d.topic))));
            out.push(
                "How well did you remember it? 1 again, 2 hard, 3 good, 4 easy; open, note; back.".into(),
            );
        }
        None => out.push("Nothing is due. back closes the review.".into()),
    }
}

fn stats(app: &App, out: &mut Vec<String>) {
    let Some((stats, _)) = app.stats() else { return };
    out.push("Stats".into());
    let theme = crate::ui::Theme::plain();
    for line in crate::ui::stats::lines(stats, &theme, 100) {
        out.push(line.spans.iter().map(|s| s.content.as_ref()).collect::<String>().trim_end().to_string());
    }
    out.push("back closes the stats.".into());
}

fn faq(app: &App, out: &mut Vec<String>) {
    let faq = &app.path().curriculum.faq;
    out.push(format!("Questions: {}", faq.len()));
    for (n, f) in faq.iter().enumerate() {
        out.push(format!("{}. {}", n + 1, f.question.get_ref()));
    }
    if let Some(f) = app.faq().and_then(|(pick, _)| pick.selected()).and_then(|i| faq.get(i).map(|f| (i, f)))
    {
        out.push(format!("Answer to {}: {}", f.0 + 1, f.1.answer));
    }
    out.push("A number shows its answer; back closes the questions.".into());
}
