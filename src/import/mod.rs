//! Markdown paths made into curricula: university-style tables, task-list
//! study plans, awesome-style link lists, roadmap.sh topic files, and
//! learnpath's own export. Steps come from headings, topics from list
//! items and table rows; what could not be used is counted with its line.

mod draft;
pub mod export_form;
mod hours;
mod ids;
pub mod markdown;
mod shape;
mod slug;

use std::collections::HashMap;

use crate::curriculum::{Curriculum, Diagnostic, LoadError, Resource, Step, Topic};
use crate::progress::Status;
pub use ids::Changes;
pub use markdown::Skipped;
pub use slug::slug;
use toml::Spanned;

/// How to import.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// The path's id; else a slug of its title.
    pub id: Option<String>,
    /// Its title; else the document's single `#` heading, else `name`.
    pub title: Option<String>,
    /// The heading level steps come from; else the deepest with lists.
    pub steps_at: Option<u8>,
    /// The file's name, for the title and the messages.
    pub name: String,
    /// The line saying where the file came from, written at the top.
    pub source: Option<String>,
}

/// A path made from Markdown, with what the import found on the way.
#[derive(Debug)]
pub struct Imported {
    /// The path, validated.
    pub curriculum: Curriculum,
    /// Its file's text.
    pub text: String,
    /// Progress keys of the topics the document ticks, with their status.
    pub ticks: Vec<(String, Status)>,
    /// Resource keys (`STEP/URL`) the document marks read.
    pub read: Vec<String>,
    /// Links in all.
    pub links: usize,
    /// Left out, with lines: images, badges, HTML, code.
    pub skipped: Vec<(Skipped, usize)>,
    /// Headings with nothing under them: title, line.
    pub empty: Vec<(String, usize)>,
    /// Rows whose hours could not be read: lines.
    pub hours_unknown: Vec<usize>,
    /// Links that are not web links: lines.
    pub not_web: Vec<usize>,
    /// Prerequisites that name no earlier topic, kept as words: lines.
    pub prereq_as_text: Vec<usize>,
    /// Against the path imported before (`--update`).
    pub changes: Changes,
}

/// What an import of a document with no lists and no tables says.
pub const NOTHING: &str = "no list items or table rows to make topics from: a path is made of headings with lists (`- item`, `- [ ] task`) or tables under them";

/// The first line of an imported file names its source after this.
pub const SOURCE_MARK: &str = "# learnpath import of: ";

/// The source an imported file names in its first line, if it has one.
pub fn source_of(toml_text: &str) -> Option<&str> {
    toml_text.lines().next()?.strip_prefix(SOURCE_MARK).map(str::trim)
}

/// Makes a path from `markdown`. With `previous` (the same source
/// imported before), ids are kept as described in [`ids`].
pub fn import(
    markdown: &str,
    options: &Options,
    previous: Option<&Curriculum>,
) -> Result<Imported, LoadError> {
    read(markdown, options)?.build(previous)
}

/// A document read and shaped into steps, its title and id known: what
/// is needed to find the path it was imported as before.
pub struct Reading {
    draft: draft::Draft,
    found: shape::Found,
    skipped: Vec<(Skipped, usize)>,
    title: String,
    id: String,
    name: String,
    source: Option<String>,
}

/// Reads `markdown` as far as its path's id; [`Reading::build`] makes the
/// path. Refuses a document with nothing to make topics from.
pub fn read(markdown: &str, options: &Options) -> Result<Reading, LoadError> {
    let doc = markdown::read(markdown);
    let export = export_form::is_export(markdown);
    let level = options.steps_at.unwrap_or(if export { 2 } else { shape::step_level(&doc) });
    let (mut draft, found) = shape::shape(&doc, level, export);
    if draft.steps.is_empty() {
        let nothing = Diagnostic::at(0..0, NOTHING);
        return Err(LoadError::new(&options.name, markdown, vec![nothing]));
    }
    // A heading with no words still makes a step; it needs a name.
    for (i, s) in draft.steps.iter_mut().enumerate().filter(|(_, s)| s.title.is_empty()) {
        s.title = format!("Step {}", i + 1);
    }
    let title = options
        .title
        .clone()
        .or_else(|| draft.title.clone().filter(|t| !t.is_empty()))
        // One section in all (a roadmap.sh topic file): its heading.
        .or_else(|| (draft.steps.len() == 1).then(|| draft.steps[0].title.clone()))
        .unwrap_or_else(|| options.name.trim_end_matches(".md").to_string());
    let id = options.id.clone().unwrap_or_else(|| slug(&title));
    Ok(Reading {
        draft,
        found,
        skipped: doc.skipped,
        title,
        id,
        name: options.name.clone(),
        source: options.source.clone(),
    })
}

impl Reading {
    /// The id the path will have.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Makes the path, keeping the ids of `previous` (the same source
    /// imported before) as described in [`ids`].
    pub fn build(self, previous: Option<&Curriculum>) -> Result<Imported, LoadError> {
        let Reading { draft, found, skipped, title, id, name, source } = self;
        let assigned = ids::assign(&draft, previous);
        let mut prereq_as_text = Vec::new();
        let steps = build_steps(&draft, &assigned, &mut prereq_as_text);
        let mut ticks = Vec::new();
        let mut read = Vec::new();
        for (si, s) in draft.steps.iter().enumerate() {
            let sid = &assigned.steps[si].0;
            for (ti, t) in s.topics.iter().enumerate() {
                if t.status != Status::Todo {
                    ticks.push((format!("{sid}/{}", assigned.topics[si][ti].0), t.status));
                }
            }
            let links = s.resources.iter().chain(s.topics.iter().flat_map(|t| &t.resources));
            read.extend(links.filter(|r| r.read).map(|r| format!("{sid}/{}", r.url)));
        }
        let links = draft
            .steps
            .iter()
            .map(|s| s.resources.len() + s.topics.iter().map(|t| t.resources.len()).sum::<usize>())
            .sum();
        let curriculum = Curriculum::assemble(id, title, draft.summary.clone(), steps);
        let mut text = String::new();
        if let Some(source) = &source {
            text.push_str(&format!("{SOURCE_MARK}{source}\n"));
            text.push_str(
                "# Made from Markdown: edit the source and import it again rather than this file.\n\n",
            );
        }
        text.push_str(&curriculum.to_toml());
        let curriculum = Curriculum::parse(&text, &name)?;
        Ok(Imported {
            curriculum,
            text,
            ticks,
            read,
            links,
            skipped,
            empty: found.empty,
            hours_unknown: found.hours_unknown,
            not_web: found.not_web,
            prereq_as_text,
            changes: assigned.changes,
        })
    }
}

fn at<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

fn text(parts: &[String]) -> Option<String> {
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// The model's steps from the draft and its ids. A table's prerequisites
/// become `requires` when each names an earlier topic by its title, and
/// stay words in the summary otherwise (a later one could form a cycle).
fn build_steps(draft: &draft::Draft, assigned: &ids::Assigned, prereq_as_text: &mut Vec<usize>) -> Vec<Step> {
    let mut earlier: HashMap<String, String> = HashMap::new();
    let mut steps = Vec::new();
    for (si, s) in draft.steps.iter().enumerate() {
        let (sid, saliases) = &assigned.steps[si];
        let mut topics = Vec::new();
        for (ti, t) in s.topics.iter().enumerate() {
            let (tid, taliases) = &assigned.topics[si][ti];
            let mut summary = t.summary.clone();
            let mut requires = Vec::new();
            for words in &t.requires {
                let named: Option<Vec<String>> = words
                    .split([',', ';'])
                    .flat_map(|p| p.split(" and "))
                    .map(|p| earlier.get(&p.trim().to_lowercase()).cloned())
                    .collect();
                match named {
                    Some(keys) if !keys.is_empty() => requires.extend(keys),
                    _ => {
                        summary.push(format!("Prerequisites: {words}"));
                        prereq_as_text.push(t.line);
                    }
                }
            }
            requires.dedup();
            topics.push(Topic {
                id: at(tid.clone()),
                title: at(t.title.clone()),
                aliases: taliases.iter().cloned().map(at).collect(),
                hours: t.hours,
                summary: text(&summary),
                check: Vec::new(),
                requires: requires.into_iter().map(at).collect(),
                resources: t.resources.iter().map(resource).collect(),
            });
            earlier.entry(t.title.to_lowercase()).or_insert_with(|| format!("{sid}/{tid}"));
        }
        steps.push(Step {
            id: at(sid.clone()),
            title: at(s.title.clone()),
            goal: s.goal.clone(),
            body: text(&s.body),
            aliases: saliases.iter().cloned().map(at).collect(),
            optional: s.optional,
            topics,
            resources: s.resources.iter().map(resource).collect(),
        });
    }
    steps
}

fn resource(r: &draft::DraftLink) -> Resource {
    Resource {
        title: at(r.title.clone()),
        url: at(r.url.clone()),
        provider: r.provider.clone(),
        cost: None,
        note: r.note.clone(),
        kind: r.kind,
    }
}
