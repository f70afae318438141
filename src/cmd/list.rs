//! `learnpath list`: every curriculum there is, with progress.

use serde::Serialize;

use crate::config::Source;
use crate::progress::{Progress, percent};

/// Each curriculum available, in the picker's order.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ListReport(pub Vec<ListRow>);

/// One curriculum, or why it cannot be opened.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ListRow {
    /// A curriculum that loads.
    Path {
        /// Where it comes from.
        source: String,
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// Topics done.
        done: usize,
        /// Topics in it.
        total: usize,
    },
    /// One that does not.
    Invalid {
        /// Where it comes from.
        source: String,
        /// Why it does not load.
        error: String,
    },
}

/// The curricula of `sources` with their progress, parsed through the cache
/// in `cache_dir`.
pub fn report(sources: &[Source], progress: &Progress, cache_dir: Option<&std::path::Path>) -> ListReport {
    ListReport(
        sources
            .iter()
            .map(|source| match crate::config::load(source, cache_dir) {
                Ok(c) => ListRow::Path {
                    source: source.name(),
                    id: c.id.get_ref().clone(),
                    title: c.title.get_ref().clone(),
                    done: progress.done_count(&c),
                    total: c.topic_count(),
                },
                Err(e) => ListRow::Invalid { source: source.name(), error: e.to_string() },
            })
            .collect(),
    )
}

impl std::fmt::Display for ListReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for row in &self.0 {
            match row {
                ListRow::Invalid { source, error } => writeln!(f, "{source}: invalid: {error}")?,
                ListRow::Path { source, title, done, total, .. } => {
                    writeln!(f, "{title:<40} {done:>5}/{total:<5} {:>3}%  {source}", percent(*done, *total))?
                }
            }
        }
        Ok(())
    }
}
