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
        /// The repository and commit it came from, for a path `add` fetched.
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<From>,
    },
    /// One that does not.
    Invalid {
        /// Where it comes from.
        source: String,
        /// Why it does not load.
        error: String,
    },
}

/// Where a path fetched with `add` came from.
#[derive(Debug, Serialize, Clone)]
pub struct From {
    /// The repository.
    pub url: String,
    /// The commit checked out.
    pub commit: String,
}

/// The repository of the folder `path` is in, if `add` made it; asked
/// once per folder.
fn from(
    path: &std::path::Path,
    seen: &mut std::collections::HashMap<std::path::PathBuf, Option<From>>,
) -> Option<From> {
    let dir = path.parent()?;
    seen.entry(dir.to_path_buf())
        .or_insert_with(|| {
            // Only a folder that is a clone of its own: git would otherwise
            // answer for a repository further up (a dotfiles one, say).
            if !dir.join(".git").is_dir() {
                return None;
            }
            let name = dir.file_name()?.to_string_lossy().into_owned();
            let shelf = crate::shared::shelf(dir.parent()?, &name).ok()?;
            Some(From { url: shelf.url, commit: shelf.commit })
        })
        .clone()
}

/// The curricula of `sources` with their progress, parsed through the cache
/// in `cache_dir`.
pub fn report(sources: &[Source], progress: &Progress, cache_dir: Option<&std::path::Path>) -> ListReport {
    let mut seen = std::collections::HashMap::new();
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
                    from: match source {
                        Source::File(path) => from(path, &mut seen),
                        Source::Shipped => None,
                    },
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
                ListRow::Path { source, title, done, total, from, .. } => {
                    writeln!(f, "{title:<40} {done:>5}/{total:<5} {:>3}%  {source}", percent(*done, *total))?;
                    if let Some(from) = from {
                        writeln!(
                            f,
                            "{:<40} from {} at {}",
                            "",
                            from.url,
                            super::shared::short(&from.commit)
                        )?;
                    }
                }
            }
        }
        Ok(())
    }
}
