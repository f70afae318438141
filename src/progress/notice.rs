//! What the store tells the learner about the file, as data: each kind of
//! notice is a variant, and its words are made in one place
//! ([`std::fmt::Display`]), plurals through [`crate::text::count`]. The
//! seam a translation would use.

use std::path::PathBuf;

use crate::text::count;

/// Something the learner should be told about the progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Entries this build could not read, kept as they are.
    Unread {
        /// The file.
        path: PathBuf,
        /// How many entries.
        count: usize,
    },
    /// A file from a newer learnpath: opened read-only.
    Newer {
        /// The file.
        path: PathBuf,
        /// Its format.
        format: u64,
    },
    /// A damaged file a read-only command left where it is.
    DamagedLeft {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// A damaged file kept aside, byte for byte.
    DamagedKeptAside {
        /// What was wrong with it.
        why: String,
        /// Where it went.
        aside: PathBuf,
    },
    /// Conflict copies a sync tool made that cannot be read, with why.
    UnreadableCopies(Vec<(PathBuf, String)>),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Unread { path, count: n } => write!(
                f,
                "{} in {} {} not understood and {} kept as {} {}",
                count(*n, "entry", "entries"),
                path.display(),
                if *n == 1 { "was" } else { "were" },
                if *n == 1 { "is" } else { "are" },
                if *n == 1 { "it" } else { "they" },
                if *n == 1 { "is" } else { "are" },
            ),
            Notice::Newer { path, format } => write!(
                f,
                "{} has format {format}, newer than this learnpath ({}): read-only, ticks are not saved; upgrade learnpath",
                path.display(),
                super::FORMAT
            ),
            Notice::DamagedLeft { path, why } => write!(
                f,
                "{} is not valid progress ({why}); showing none. It is left as it is; the next save keeps it aside",
                path.display()
            ),
            Notice::DamagedKeptAside { why, aside } => {
                write!(
                    f,
                    "progress file was damaged ({why}); kept as {} and carried on without it",
                    aside.display()
                )
            }
            Notice::UnreadableCopies(copies) => {
                let named: Vec<String> =
                    copies.iter().map(|(p, why)| format!("{} ({why})", p.display())).collect();
                match named.as_slice() {
                    [one] => write!(
                        f,
                        "{one} looks like a sync tool's conflict copy of the progress file, but it cannot be read; it is left as it is"
                    ),
                    many => write!(
                        f,
                        "{} look like a sync tool's conflict copies of the progress file, but cannot be read; they are left as they are: {}",
                        count(many.len(), "file", "files"),
                        many.join("; ")
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_many_read_as_people_write_them() {
        let path = PathBuf::from("p.json");
        let one = Notice::Unread { path: path.clone(), count: 1 }.to_string();
        assert_eq!(one, "1 entry in p.json was not understood and is kept as it is");
        let two = Notice::Unread { path, count: 2 }.to_string();
        assert_eq!(two, "2 entries in p.json were not understood and are kept as they are");
        assert!(!one.contains("(s)") && !two.contains("(s)"));
    }
}
