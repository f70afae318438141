//! `learnpath mark STEP/TOPIC STATUS`, and the "did you mean" every
//! command that takes a topic gives.

use anyhow::{Result, bail};
use jiff::Timestamp;
use serde::Serialize;

use crate::curriculum::{Curriculum, Found};
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

/// Sets the topic `name` means (see [`Curriculum::find_topic`]) to
/// `status` and saves.
pub fn run(
    c: &Curriculum,
    progress: &mut Progress,
    name: &str,
    status: Status,
    now: Timestamp,
) -> Result<Marked> {
    let key = topic_key(c, name)?;
    progress.set(c.id.get_ref(), &key, status, now);
    progress.save_waiting(&waiting)?;
    Ok(Marked { key, status: status.name() })
}

/// The `STEP/TOPIC` key of the topic `name` means; an error that lists
/// the candidates when it means several, or suggests ids when none.
pub(super) fn topic_key(c: &Curriculum, name: &str) -> Result<String> {
    let key = |(s, t): (usize, usize)| c.steps()[s].key(&c.steps()[s].topics[t]);
    match c.find_topic(name) {
        Found::One(s, t) => Ok(key((s, t))),
        Found::Many(all) => {
            let listed: Vec<String> = all
                .iter()
                .take(10)
                .map(|&(s, t)| format!("  {}  {}", key((s, t)), c.steps()[s].topics[t].title.get_ref()))
                .collect();
            let more = all.len().saturating_sub(listed.len());
            bail!(
                "`{}` could be any of {}; give one of these ids:\n{}{}",
                crate::text::sanitize_line(name),
                crate::text::count(all.len(), "topic", "topics"),
                listed.join("\n"),
                if more > 0 { format!("\n  … and {more} more") } else { String::new() }
            )
        }
        Found::None => bail!("{}", unknown(c, name)),
    }
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
