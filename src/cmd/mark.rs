//! `learnpath mark STEP/TOPIC STATUS`, and the "did you mean" every
//! command that takes a topic gives.

use anyhow::{Result, bail};
use jiff::Timestamp;
use serde::Serialize;

use crate::curriculum::Curriculum;
use crate::progress::{Progress, Status};

/// A topic's new status.
#[derive(Debug, Serialize)]
pub struct Marked {
    /// `STEP/TOPIC`.
    pub key: String,
    /// The status it now has.
    pub status: &'static str,
}

impl std::fmt::Display for Marked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}: {}", self.key, self.status)
    }
}

/// Sets topic `key` to `status` and saves.
pub fn run(
    c: &Curriculum,
    progress: &mut Progress,
    key: &str,
    status: Status,
    now: Timestamp,
) -> Result<Marked> {
    if c.locate(key).is_none() {
        bail!("{}", unknown(c, key));
    }
    progress.set(c.id.get_ref(), key, status, now);
    progress.save_waiting(&waiting)?;
    Ok(Marked { key: key.to_string(), status: status.name() })
}

/// Says why a command seems to do nothing while another learnpath saves.
pub(super) fn waiting() {
    eprintln!("learnpath: waiting for another learnpath to finish saving…");
}

/// An "unknown topic" message with the closest ids as suggestions.
pub(super) fn unknown(c: &Curriculum, key: &str) -> String {
    // What was typed goes to a terminal: control characters made visible,
    // and a key no id comes near (ids are short) not compared with all.
    let shown = crate::text::sanitize_line(&key.chars().take(200).collect::<String>());
    if key.len() > 200 {
        return format!("unknown topic `{shown}…`; `learnpath export` lists every STEP/TOPIC id");
    }
    let key = shown.as_str();
    let mut keys: Vec<(usize, String)> = c
        .steps()
        .iter()
        .flat_map(|s| s.topics.iter().map(move |t| s.key(t)))
        .map(|k| (distance(&k, key), k))
        .collect();
    keys.sort();
    let close: Vec<String> =
        keys.iter().take(3).filter(|(d, _)| *d <= key.len().max(4) / 2 + 2).map(|(_, k)| k.clone()).collect();
    match close.as_slice() {
        [] => format!("unknown topic `{key}`; `learnpath export` lists every STEP/TOPIC id"),
        some => format!(
            "unknown topic `{key}`; did you mean {}?",
            some.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Levenshtein distance, for suggestions.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
