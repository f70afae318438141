//! `learnpath add` and `learnpath update`: paths shared through git, as
//! reports.

use anyhow::Result;
use serde::Serialize;

use crate::shared::{self, Shelf, Shelves, Updated};

/// What `add` made.
#[derive(Debug, Serialize)]
pub struct AddReport(pub Shelf);

impl std::fmt::Display for AddReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = &self.0;
        writeln!(f, "Added {} from {} at {}.", s.name, s.url, short(&s.commit))?;
        for file in &s.files {
            writeln!(f, "  {}", file.display())?;
        }
        writeln!(f, "Press c in learnpath to open one; `learnpath update {}` pulls its changes.", s.name)
    }
}

/// What `update` did, folder by folder.
#[derive(Debug, Serialize)]
pub struct UpdateReport {
    /// The folders updated or already up to date.
    pub updated: Vec<Updated>,
    /// The folders whose update was refused, and why.
    pub refused: Vec<Refused>,
}

/// An update refused.
#[derive(Debug, Serialize)]
pub struct Refused {
    /// The folder.
    pub name: String,
    /// Why, with `FILE:LINE:COL` where a file did not validate.
    pub error: String,
}

impl std::fmt::Display for UpdateReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for u in &self.updated {
            if u.from == u.to {
                writeln!(f, "{}: up to date at {}.", u.name, short(&u.to))?;
            } else {
                writeln!(f, "{}: updated {} → {}.", u.name, short(&u.from), short(&u.to))?;
            }
        }
        for r in &self.refused {
            writeln!(f, "{}: {}", r.name, r.error)?;
        }
        if self.updated.is_empty() && self.refused.is_empty() {
            writeln!(f, "No paths were added with `learnpath add`; there is nothing to update.")?;
        }
        Ok(())
    }
}

/// A commit as people read it.
pub fn short(commit: &str) -> &str {
    commit.get(..10).unwrap_or(commit)
}

/// Runs `add`.
pub fn add(at: &Shelves, source: &str, name: Option<&str>, markdown: Option<&str>) -> Result<AddReport> {
    Ok(AddReport(shared::add(at, source, name, markdown)?))
}

/// Runs `update` on `name`, or on every folder `add` made. A refusal of
/// one folder does not stop the others; the command fails if any was
/// refused.
pub fn update(at: &Shelves, name: Option<&str>) -> Result<UpdateReport> {
    let names = match name {
        Some(n) => vec![n.to_string()],
        None => shared::shelves(&at.curricula),
    };
    let mut report = UpdateReport { updated: Vec::new(), refused: Vec::new() };
    for name in names {
        match shared::update(at, &name) {
            Ok(u) => report.updated.push(u),
            Err(e) => report.refused.push(Refused { name, error: format!("{e:#}") }),
        }
    }
    Ok(report)
}
