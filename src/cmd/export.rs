//! `learnpath export`: the path with every status, as a Markdown checklist
//! (the report's text) or as JSON.

use serde::Serialize;

use super::Named;
use crate::curriculum::{Curriculum, Resource, Step};
use crate::import::export_form::{self, escape};
use crate::notes::Notes;
use crate::progress::{Progress, Status, percent};

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A Markdown checklist
    Markdown,
    /// JSON with every status and time
    Json,
}

/// The whole path with every status, note and read mark.
#[derive(Debug, Serialize)]
pub struct ExportReport {
    /// The path.
    pub curriculum: Named,
    /// Its steps.
    pub steps: Vec<ExportStep>,
    /// Topics done, for the Markdown.
    #[serde(skip)]
    done: usize,
    /// Topics in the path, for the Markdown.
    #[serde(skip)]
    total: usize,
}

/// One step.
#[derive(Debug, Serialize)]
pub struct ExportStep {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its topics.
    pub topics: Vec<ExportTopic>,
    /// The step's own links.
    pub resources: Vec<ExportResource>,
    #[serde(skip)]
    label: String,
    #[serde(skip)]
    goal: Option<String>,
}

/// One topic.
#[derive(Debug, Serialize)]
pub struct ExportTopic {
    /// Its id.
    pub id: String,
    /// `STEP/TOPIC`.
    pub key: String,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: &'static str,
    /// Since when it has that status.
    pub at: Option<String>,
    /// The learner's note.
    pub note: Option<String>,
    /// The topic's own links.
    pub resources: Vec<ExportResource>,
    #[serde(skip)]
    state: Status,
}

/// One link.
#[derive(Debug, Serialize)]
pub struct ExportResource {
    /// Its title.
    pub title: String,
    /// Where it is.
    pub url: String,
    /// Who offers it.
    pub provider: Option<String>,
    /// Article, video, course…
    pub kind: Option<&'static str>,
    /// Whether the learner read it.
    pub read: bool,
}

/// `c` with everything `progress` and `notes` hold.
pub fn report(c: &Curriculum, progress: &Progress, notes: &Notes) -> ExportReport {
    let id = c.id.get_ref();
    let link = |s: &Step, r: &Resource| ExportResource {
        title: r.title.get_ref().clone(),
        url: r.url.get_ref().clone(),
        provider: r.provider.clone(),
        kind: r.kind.map(|k| k.name()),
        read: progress.is_read(id, &s.resource_key(r)),
    };
    let steps: Vec<ExportStep> = c
        .steps()
        .iter()
        .enumerate()
        .zip(c.labels())
        .map(|((si, s), label)| ExportStep {
            id: s.id.get_ref().clone(),
            title: s.title.get_ref().clone(),
            topics: s
                .topics
                .iter()
                .enumerate()
                .map(|(ti, t)| {
                    let state = progress.status(id, &s.key(t));
                    ExportTopic {
                        id: t.id.get_ref().clone(),
                        key: s.key(t),
                        title: t.title.get_ref().clone(),
                        status: state.name(),
                        at: progress.entry(id, &s.key(t)).map(|e| e.counts_from().to_string()),
                        note: notes.get(si, ti).map(str::to_string),
                        resources: t.resources.iter().map(|r| link(s, r)).collect(),
                        state,
                    }
                })
                .collect(),
            resources: s.resources.iter().map(|r| link(s, r)).collect(),
            label: if s.optional { "Extra:".to_string() } else { label },
            goal: s.goal.clone(),
        })
        .collect();
    let done = steps.iter().flat_map(|s| &s.topics).filter(|t| t.state == Status::Done).count();
    ExportReport { curriculum: Named::of(c), steps, done, total: c.topic_count() }
}

impl std::fmt::Display for ExportReport {
    /// The Markdown `learnpath import` reads back as it was: see
    /// `import::export_form`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (done, total) = (self.done, self.total);
        writeln!(f, "{}", export_form::header(&self.curriculum.id))?;
        writeln!(
            f,
            "# {}\n\n{done}/{total} topics done ({}%).",
            escape(&self.curriculum.title),
            percent(done, total)
        )?;
        for s in &self.steps {
            write!(f, "\n## {} {} `{}`\n\n", s.label, escape(&s.title), s.id)?;
            if let Some(goal) = &s.goal {
                write!(f, "{}\n\n", paragraph(goal))?;
            }
            for t in &s.topics {
                let title = escape(&t.title);
                let (tick, title) = match t.state {
                    Status::Done => ("x", title),
                    Status::Skipped => (" ", format!("~~{title}~~")),
                    Status::Todo | Status::InProgress => (" ", title),
                };
                writeln!(f, "- [{tick}] {title} `{}`{}", t.key, export_form::status_words(t.state))?;
                for l in t.note.as_deref().unwrap_or_default().trim_end().lines() {
                    if l.is_empty() { writeln!(f, "  >")? } else { writeln!(f, "  > {l}")? }
                }
                for r in &t.resources {
                    write!(f, "  {r}")?;
                }
            }
            if !s.resources.is_empty() {
                write!(f, "\n{}\n\n", export_form::RESOURCES)?;
            }
            for r in &s.resources {
                write!(f, "{r}")?;
            }
        }
        Ok(())
    }
}

/// Text as one Markdown paragraph that reads back as the same words: one
/// line, marks escaped, and nothing at its start that would make it a list
/// item, a heading or a quote.
fn paragraph(text: &str) -> String {
    let line = escape(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 => format!("{}\\{}", &line[..digits], &line[digits..]),
        _ if line.starts_with(['-', '+', '=']) => format!("\\{line}"),
        _ => line,
    }
}

/// A link target as Markdown reads it back: in `<…>` when it holds
/// characters that would end it early.
fn target(url: &str) -> String {
    if url.contains(['(', ')', '<', '>', ' ', '\\']) {
        let mut out = String::from("<");
        for c in url.chars() {
            if matches!(c, '<' | '>' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out + ">"
    } else {
        url.to_string()
    }
}

/// A Markdown task line: `- [x] [Title](url) — provider`, ticked when
/// read. Under its topic, or under "Resources:", `import` reads it as a
/// read mark, not as a topic.
impl std::fmt::Display for ExportResource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let provider = self.provider.as_ref().map(|p| format!(" — {}", escape(p))).unwrap_or_default();
        let tick = if self.read { "x" } else { " " };
        writeln!(f, "- [{tick}] [{}]({}){provider}", escape(&self.title), target(&self.url))
    }
}
