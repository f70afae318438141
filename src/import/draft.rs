//! A path as read from Markdown, before it has ids: titles, links and
//! ticks, and the line each came from.

use crate::curriculum::Kind;

/// The whole path.
#[derive(Debug, Default, Clone)]
pub struct Draft {
    /// The path's title, when the document names one.
    pub title: Option<String>,
    /// Text before the first step.
    pub summary: Option<String>,
    /// The steps, in order.
    pub steps: Vec<DraftStep>,
}

/// One step.
#[derive(Debug, Default, Clone)]
pub struct DraftStep {
    /// Its title.
    pub title: String,
    /// Its id, when the document gives it (a learnpath export does).
    pub id: Option<String>,
    /// Its first paragraph.
    pub goal: Option<String>,
    /// Its other paragraphs, and those of the headings above it.
    pub body: Vec<String>,
    /// An extra after the numbered steps.
    pub optional: bool,
    /// Its topics.
    pub topics: Vec<DraftTopic>,
    /// Its own links (only a learnpath export has them).
    pub resources: Vec<DraftLink>,
    /// Its heading's line.
    pub line: usize,
}

/// One topic.
#[derive(Debug, Default, Clone)]
pub struct DraftTopic {
    /// Its title.
    pub title: String,
    /// Its id, when the document gives it (a learnpath export does).
    pub id: Option<String>,
    /// What follows its link, and what could not become anything else.
    pub summary: Vec<String>,
    /// Estimated hours.
    pub hours: Option<f64>,
    /// Titles of the topics to know first (from a table's Prerequisites).
    pub requires: Vec<String>,
    /// Its links.
    pub resources: Vec<DraftLink>,
    /// Ticked in the document (an export also says in progress or
    /// skipped).
    pub status: crate::progress::Status,
    /// Its line.
    pub line: usize,
}

/// One link.
#[derive(Debug, Default, Clone)]
pub struct DraftLink {
    /// Its words.
    pub title: String,
    /// Where it points.
    pub url: String,
    /// From a roadmap.sh `@kind@` prefix.
    pub kind: Option<Kind>,
    /// What followed it.
    pub note: Option<String>,
    /// Who publishes it (a learnpath export writes it after a dash).
    pub provider: Option<String>,
    /// Ticked in the document: read.
    pub read: bool,
}

impl DraftTopic {
    /// The topic's first link: what a re-import matches it by when its
    /// title changed.
    pub fn url(&self) -> Option<&str> {
        self.resources.first().map(|r| r.url.as_str())
    }
}

/// A roadmap.sh link prefix (`@article@Title`) as a resource kind.
pub fn roadmap_kind(text: &str) -> Option<(Kind, &str)> {
    let rest = text.strip_prefix('@')?;
    let (word, title) = rest.split_once('@')?;
    let kind = match word.to_ascii_lowercase().as_str() {
        "article" | "feed" => Kind::Article,
        "video" => Kind::Video,
        "course" => Kind::Course,
        "book" => Kind::Book,
        "podcast" => Kind::Podcast,
        "official" => Kind::Docs,
        "opensource" => Kind::Tool,
        _ => return None,
    };
    Some((kind, title.trim()))
}
