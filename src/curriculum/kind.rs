//! The two closed lists a resource is tagged from. The build script reads
//! this file too (with `stored.rs`), so it depends on nothing but serde.

use serde::{Deserialize, Serialize};

/// What sort of thing a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Something to read once: a post or a guide.
    Article,
    /// Something to watch.
    Video,
    /// A structured series of lessons.
    Course,
    /// A book, printed or online.
    Book,
    /// Reference documentation or an official tutorial.
    Docs,
    /// Small problems to solve.
    Exercise,
    /// Something bigger to build.
    Project,
    /// A program or service to use.
    Tool,
    /// Something to listen to.
    Podcast,
}

/// Whether a resource is free or paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cost {
    /// Free to use.
    Free,
    /// A paid course or product.
    Paid,
}
