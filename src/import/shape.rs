//! The document's blocks folded into steps and topics: steps from
//! headings at one level, topics from list items and table rows.

use super::draft::{Draft, DraftLink, DraftStep, DraftTopic, roadmap_kind};
use super::markdown::{Block, Doc, Inline, Item};
use super::{export_form, hours};
use crate::curriculum::http_url;
use crate::progress::Status;

/// What shaping found besides the path.
#[derive(Debug, Default)]
pub struct Found {
    /// Headings at the step level with nothing under them: title, line.
    pub empty: Vec<(String, usize)>,
    /// Table rows whose time columns did not make a number of hours.
    pub hours_unknown: Vec<usize>,
    /// Links that are not http(s) (relative, mailto…): their lines.
    pub not_web: Vec<usize>,
}

/// The heading level steps come from: the deepest level with a list or a
/// table right under one of its headings. 7 when no heading has one (the
/// whole document is then one step).
pub fn step_level(doc: &Doc) -> u8 {
    let mut level = None;
    let mut deepest = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading { level: l, .. } => level = Some(*l),
            Block::List(_) | Block::Table { .. } => deepest = deepest.max(level.unwrap_or(0)),
            Block::Paragraph(_) => {}
        }
    }
    if deepest == 0 { 7 } else { deepest }
}

/// Folds `doc` into a draft, with steps at heading level `at`. `export` is
/// set for a learnpath export, whose ids, labels and read marks are read
/// back as they were written.
pub fn shape(doc: &Doc, at: u8, export: bool) -> (Draft, Found) {
    let mut s = Shaper { at, export, ..Shaper::default() };
    // A single `#` heading above the steps is the path's title.
    let h1s = doc.blocks.iter().filter(|b| matches!(b, Block::Heading { level: 1, .. })).count();
    let first_is_h1 = matches!(
        doc.blocks.iter().find(|b| matches!(b, Block::Heading { .. })),
        Some(Block::Heading { level: 1, .. })
    );
    let title_heading = at > 1 && h1s == 1 && first_is_h1;
    for block in &doc.blocks {
        match block {
            Block::Heading { level: 1, inline, .. } if title_heading => {
                s.draft.title = Some(clean(&inline.text));
                s.place = Place::Top;
            }
            Block::Heading { level, inline, line } => s.heading(*level, inline, *line),
            Block::Paragraph(p) => s.paragraph(p),
            Block::List(items) => {
                let resources = std::mem::take(&mut s.step_resources);
                let step = s.open_step(0);
                if resources {
                    step.resources.extend(items.iter().filter_map(|i| link_item(i, export)));
                } else {
                    topics(items, &mut step.topics, export);
                }
            }
            Block::Table { head, rows } => {
                let mut found = std::mem::take(&mut s.found);
                let step = s.open_step(rows.first().map_or(0, |r| r.1));
                table(head, rows, &mut step.topics, &mut found);
                s.found = found;
            }
        }
    }
    s.close();
    let mut draft = s.draft;
    if !s.summary.is_empty() && !export {
        draft.summary = Some(s.summary.join("\n\n"));
    }
    let mut found = s.found;
    // Only web links can be opened from a path; a relative link or a
    // `mailto:` is said and left out.
    let web = |r: &DraftLink| http_url(&r.url).is_ok();
    for s in &mut draft.steps {
        let bad = s.resources.iter().filter(|r| !web(r)).count();
        found.not_web.extend(std::iter::repeat_n(s.line, bad));
        s.resources.retain(web);
        for t in &mut s.topics {
            found.not_web.extend(std::iter::repeat_n(t.line, t.resources.iter().filter(|r| !web(r)).count()));
            t.resources.retain(web);
        }
    }
    (draft, found)
}

/// Where paragraphs go.
#[derive(Debug, Default, PartialEq)]
enum Place {
    /// Before any heading, or under the title: the path's summary.
    #[default]
    Top,
    /// Under a heading above the step level: the next step's body.
    Above,
    /// Under the step's heading.
    Step,
    /// Under a heading below the step level: left out.
    Below,
}

#[derive(Default)]
struct Shaper {
    at: u8,
    export: bool,
    draft: Draft,
    found: Found,
    current: Option<DraftStep>,
    /// The headings above the step level, innermost last, with their text.
    above: Vec<(u8, String, usize)>,
    /// Text under them, for the next step's body.
    pending: Vec<String>,
    summary: Vec<String>,
    place: Place,
    /// The next list is the step's own links (an export's "Resources:").
    step_resources: bool,
}

impl Shaper {
    fn heading(&mut self, level: u8, inline: &Inline, line: usize) {
        if level > self.at {
            self.place = Place::Below;
            return;
        }
        self.close();
        if level < self.at {
            self.above.retain(|(l, _, _)| *l < level);
            self.above.push((level, clean(&inline.text), line));
            self.place = Place::Above;
            return;
        }
        let mut step = DraftStep { line, ..DraftStep::default() };
        if self.export {
            (step.title, step.id, step.optional) = export_form::step_heading(inline);
        } else {
            step.title = clean(&inline.text);
        }
        step.body = std::mem::take(&mut self.pending);
        self.current = Some(step);
        self.place = Place::Step;
    }

    fn paragraph(&mut self, p: &Inline) {
        let text = clean(&p.text);
        if self.export && text == export_form::RESOURCES {
            self.step_resources = true;
            return;
        }
        match self.place {
            Place::Top => self.summary.push(text),
            Place::Above => self.pending.push(text),
            Place::Step => {
                let step = self.current.as_mut().expect("a step is open under its heading");
                if step.goal.is_none() && step.body.is_empty() {
                    step.goal = Some(text);
                } else {
                    step.body.push(text);
                }
            }
            Place::Below => {}
        }
    }

    /// The open step, or a new one named after the heading above (for
    /// lists under a heading above the step level, or under none).
    fn open_step(&mut self, line: usize) -> &mut DraftStep {
        if self.current.is_none() {
            let (title, line) = match self.above.last() {
                Some((_, title, line)) => (title.clone(), *line),
                None => (self.draft.title.clone().unwrap_or_else(|| "Topics".to_string()), line),
            };
            let body = std::mem::take(&mut self.pending);
            self.current = Some(DraftStep { title, line, body, ..DraftStep::default() });
            self.place = Place::Step;
        }
        self.current.as_mut().expect("just opened")
    }

    fn close(&mut self) {
        let Some(step) = self.current.take() else { return };
        if step.topics.is_empty() && step.resources.is_empty() && !self.export {
            self.found.empty.push((step.title, step.line));
        } else {
            self.draft.steps.push(step);
        }
    }
}

/// Text as a title: spaces collapsed.
pub(super) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an item is a link and nothing below it: a resource of the item
/// above it.
fn is_link_item(item: &Item) -> bool {
    item.children.is_empty() && starts_with_link(&item.inline)
}

fn starts_with_link(inline: &Inline) -> bool {
    let lead = inline.text.len() - inline.text.trim_start().len();
    inline.links.first().is_some_and(|l| l.start == lead)
}

/// The words after a link, without the dash or colon that joins them.
fn after(inline: &Inline, end: usize) -> Option<String> {
    let rest = clean(&inline.text[end..]);
    let rest = rest.trim_start_matches(['-', '–', '—', ':', '|', ',']).trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// A link item as a resource: its words, its kind from a roadmap.sh
/// prefix, what follows it, and its tick as read.
fn link_item(item: &Item, export: bool) -> Option<DraftLink> {
    let link = item.inline.links.first()?;
    let mut out = link_of(&item.inline, link.start, link.end, &link.url);
    let rest = after(&item.inline, link.end);
    if export {
        out.provider = rest;
    } else {
        out.note = rest;
    }
    out.read = item.checked == Some(true);
    Some(out)
}

fn link_of(inline: &Inline, start: usize, end: usize, url: &str) -> DraftLink {
    let words = clean(&inline.text[start..end]);
    let (kind, title) = match roadmap_kind(&words) {
        Some((kind, title)) => (Some(kind), title.to_string()),
        None => (None, words),
    };
    let url = web_form(url);
    let title = if title.is_empty() { url.clone() } else { title };
    DraftLink { title, url, kind, ..DraftLink::default() }
}

/// A link as a path may hold it: one with a space (Markdown allows it
/// in `<…>`) percent-encoded; any other left as written, so the keys of
/// read marks stay those of the link.
fn web_form(url: &str) -> String {
    if http_url(url).is_ok() {
        return url.to_string();
    }
    match url::Url::parse(url.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => u.to_string(),
        _ => url.to_string(),
    }
}

/// List items as topics, in order: an item is a topic, a link item under
/// one is its resource, and deeper lists flatten after their parent.
fn topics(items: &[Item], out: &mut Vec<DraftTopic>, export: bool) {
    for item in items {
        if item.inline.is_empty() {
            topics(&item.children, out, export);
            continue;
        }
        let mut topic = DraftTopic { line: item.line, ..DraftTopic::default() };
        if item.checked == Some(true) {
            topic.status = Status::Done;
        }
        let inline = &item.inline;
        if export {
            let (title, id, status) = export_form::topic_line(inline);
            (topic.title, topic.id) = (title, id);
            topic.status = if topic.status == Status::Done { Status::Done } else { status };
        } else if starts_with_link(inline) {
            let first = &inline.links[0];
            let link = link_of(inline, first.start, first.end, &first.url);
            topic.title = link.title.clone();
            topic.summary.extend(after(inline, first.end));
            topic.resources.push(link);
            let more = inline.links[1..].iter().map(|l| link_of(inline, l.start, l.end, &l.url));
            topic.resources.extend(more);
        } else {
            topic.title = clean(&inline.text);
            topic.resources.extend(inline.links.iter().map(|l| link_of(inline, l.start, l.end, &l.url)));
        }
        let links_below = !item.children.is_empty() && item.children.iter().all(is_link_item);
        if links_below {
            topic.resources.extend(item.children.iter().filter_map(|c| link_item(c, export)));
        }
        out.push(topic);
        if !links_below {
            topics(&item.children, out, export);
        }
    }
}

/// Table rows as topics: the first column that is neither a time nor a
/// prerequisites column is the title, the first link in the row its
/// resource.
fn table(head: &[Inline], rows: &[super::markdown::Row], out: &mut Vec<DraftTopic>, found: &mut Found) {
    let names: Vec<String> = head.iter().map(|h| h.text.to_lowercase()).collect();
    let time: Vec<usize> = (0..names.len()).filter(|&i| hours::is_time_column(&names[i])).collect();
    let prereq = names.iter().position(|n| n.contains("prereq") || n.contains("requires"));
    let title_col = (0..names.len()).find(|i| !time.contains(i) && Some(*i) != prereq).unwrap_or(0);
    for (cells, line) in rows {
        let Some(cell) = cells.get(title_col).filter(|c| !c.is_empty()) else { continue };
        let mut topic = DraftTopic { title: clean(&cell.text), line: *line, ..DraftTopic::default() };
        if let Some((c, l)) = cells.iter().find_map(|c| c.links.first().map(|l| (c, l))) {
            let mut link = link_of(c, l.start, l.end, &l.url);
            if c == cell {
                // The title's own link: named as the row is.
                link.title = topic.title.clone();
            }
            topic.resources.push(link);
        }
        if !time.is_empty() {
            let amounts: Vec<hours::Amount> =
                time.iter().filter_map(|&i| cells.get(i).and_then(|c| hours::amount(&c.text))).collect();
            topic.hours = hours::total(&amounts);
            if topic.hours.is_none() {
                found.hours_unknown.push(*line);
            }
        }
        if let Some(text) = prereq.and_then(|i| cells.get(i)).map(|c| clean(&c.text)) {
            let none = ["", "-", "–", "—", "none", "n/a", "no"];
            if !none.contains(&text.to_lowercase().as_str()) {
                topic.requires.push(text);
            }
        }
        out.push(topic);
    }
}
