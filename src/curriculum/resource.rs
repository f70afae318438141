//! A link to learn from, and the words that describe it.

use serde::{Deserialize, Serialize};
use toml::Spanned;

pub use super::kind::{Cost, Kind};

/// A link to learn from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// What the link is called.
    pub title: Spanned<String>,
    /// Where it points; `http` or `https` only.
    pub url: Spanned<String>,
    /// Who publishes it, e.g. `Boot.dev`.
    #[serde(default)]
    pub provider: Option<String>,
    /// Whether it costs money.
    #[serde(default)]
    pub cost: Option<Cost>,
    /// A few words about it, shown after the title.
    #[serde(default)]
    pub note: Option<String>,
    /// What sort of thing it is, shown as a short tag.
    #[serde(default)]
    pub kind: Option<Kind>,
}

impl Resource {
    /// Replaces its positions with `f` of them (see `Step::each_span`).
    pub(super) fn each_span(&mut self, f: &mut impl FnMut(std::ops::Range<usize>) -> std::ops::Range<usize>) {
        super::step::respan(&mut self.title, f);
        super::step::respan(&mut self.url, f);
    }
}

impl Kind {
    /// Every kind, in the order `t` cycles through them.
    pub const ALL: [Kind; 9] = [
        Kind::Article,
        Kind::Video,
        Kind::Course,
        Kind::Book,
        Kind::Docs,
        Kind::Exercise,
        Kind::Project,
        Kind::Tool,
        Kind::Podcast,
    ];

    /// The word used in the file, also the tag shown before a resource's
    /// title and the name in the filter line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Video => "video",
            Kind::Course => "course",
            Kind::Book => "book",
            Kind::Docs => "docs",
            Kind::Exercise => "exercise",
            Kind::Project => "project",
            Kind::Tool => "tool",
            Kind::Podcast => "podcast",
        }
    }
}

impl Resource {
    /// Makes its strings safe to put in a terminal cell.
    pub(super) fn sanitize(&mut self) {
        use crate::text::sanitize_line;
        *self.title.get_mut() = sanitize_line(self.title.get_ref());
        self.provider = self.provider.as_deref().map(sanitize_line);
        self.note = self.note.as_deref().map(sanitize_line);
    }
}
