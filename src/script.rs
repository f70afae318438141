//! Commands that change or export progress from the shell: `mark`,
//! `reset`, `export`, and `new`'s starter file.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};
use jiff::Timestamp;
use serde_json::json;

use crate::curriculum::Curriculum;
use crate::progress::{Progress, Status, percent};

/// `learnpath mark STEP/TOPIC STATUS`.
pub fn mark(
    c: &Curriculum,
    progress: &mut Progress,
    key: &str,
    status: Status,
    now: Timestamp,
) -> Result<String> {
    if c.locate(key).is_none() {
        bail!("{}", unknown(c, key));
    }
    progress.set(c.id.get_ref(), key, status, now);
    progress.save_waiting(&waiting)?;
    Ok(format!("{key}: {}\n", status.name()))
}

/// Says why a command seems to do nothing while another learnpath saves.
fn waiting() {
    eprintln!("learnpath: waiting for another learnpath to finish saving…");
}

/// An "unknown topic" message with the closest ids as suggestions.
fn unknown(c: &Curriculum, key: &str) -> String {
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

/// `learnpath reset [STEP[/TOPIC]] [--yes]`: back to todo, as recorded
/// changes. A step or the whole path asks first unless `yes`.
pub fn reset(
    c: &Curriculum,
    progress: &mut Progress,
    target: Option<&str>,
    yes: bool,
    now: Timestamp,
) -> Result<String> {
    let (what, steps, topic): (String, Vec<usize>, Option<usize>) = match target {
        None => ("the whole path".into(), (0..c.steps().len()).collect(), None),
        Some(t) if t.contains('/') => match c.locate(t) {
            Some((s, i)) => (format!("topic {t}"), vec![s], Some(i)),
            None => bail!("{}", unknown(c, t)),
        },
        Some(s) => match c.steps().iter().position(|st| st.id.get_ref() == s) {
            Some(i) => (format!("step {s}"), vec![i], None),
            None => bail!(
                "unknown step `{}`; the steps are: {}",
                crate::text::sanitize_line(s),
                c.steps().iter().map(|s| s.id.get_ref().as_str()).collect::<Vec<_>>().join(", ")
            ),
        },
    };
    if topic.is_none() && !yes && !confirm(&format!("Reset {what} back to todo?"))? {
        return Ok("Nothing changed.\n".into());
    }
    let count = progress.reset(c, &steps, topic, now);
    progress.save_waiting(&waiting)?;
    Ok(format!("Reset {what}: {count} topic(s) back to todo\n"))
}

fn confirm(question: &str) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        bail!("{question} Pass --yes to confirm when not at a terminal");
    }
    eprint!("{question} [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A Markdown checklist
    Markdown,
    /// JSON with every status and time
    Json,
}

/// `learnpath export`: the path with every status, as Markdown or JSON.
pub fn export(
    c: &Curriculum,
    progress: &Progress,
    notes: &crate::notes::Notes,
    format: ExportFormat,
) -> String {
    let id = c.id.get_ref();
    let status_of = |s: &crate::curriculum::Step, t| progress.status(id, &s.key(t));
    match format {
        ExportFormat::Json => {
            let resource_json = |s: &crate::curriculum::Step, r: &crate::curriculum::Resource| {
                json!({
                    "title": r.title.get_ref(), "url": r.url.get_ref(), "provider": r.provider,
                    "kind": r.kind.map(|k| k.name()), "read": progress.is_read(id, &s.resource_key(r)),
                })
            };
            let steps: Vec<_> = c
                .steps()
                .iter()
                .enumerate()
                .map(|(si, s)| {
                    json!({
                        "id": s.id.get_ref(), "title": s.title.get_ref(),
                        "topics": s.topics.iter().enumerate().map(|(ti, t)| {
                            let entry = progress.entry(id, &s.key(t));
                            json!({ "id": t.id.get_ref(), "key": s.key(t), "title": t.title.get_ref(),
                                "status": status_of(s, t).name(), "at": entry.map(|e| e.counts_from().to_string()),
                                "note": notes.get(si, ti),
                                "resources": t.resources.iter().map(|r| resource_json(s, r)).collect::<Vec<_>>() })
                        }).collect::<Vec<_>>(),
                        "resources": s.resources.iter().map(|r| resource_json(s, r)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            format!(
                "{:#}\n",
                json!({ "curriculum": { "id": id, "title": c.title.get_ref() }, "steps": steps })
            )
        }
        ExportFormat::Markdown => {
            let done = c
                .steps()
                .iter()
                .flat_map(|s| s.topics.iter().map(move |t| (s, t)))
                .filter(|(s, t)| status_of(s, t) == Status::Done)
                .count();
            let mut out = format!(
                "# {}\n\n{done}/{} topics done ({}%).\n",
                c.title.get_ref(),
                c.topic_count(),
                percent(done, c.topic_count())
            );
            for ((si, s), label) in c.steps().iter().enumerate().zip(c.labels()) {
                let label = if s.optional { "Extra:".to_string() } else { label };
                out.push_str(&format!("\n## {label} {}\n\n", s.title.get_ref()));
                if let Some(goal) = &s.goal {
                    out.push_str(&format!("{}\n\n", goal.split_whitespace().collect::<Vec<_>>().join(" ")));
                }
                for (ti, t) in s.topics.iter().enumerate() {
                    let line = match status_of(s, t) {
                        Status::Done => format!("- [x] {}", t.title.get_ref()),
                        Status::Todo => format!("- [ ] {}", t.title.get_ref()),
                        Status::InProgress => format!("- [ ] {} *(in progress)*", t.title.get_ref()),
                        Status::Skipped => format!("- [ ] ~~{}~~ *(skipped)*", t.title.get_ref()),
                    };
                    out.push_str(&format!("{line} `{}`\n", s.key(t)));
                    if let Some(note) = notes.get(si, ti) {
                        for l in note.trim_end().lines() {
                            out.push_str(&format!("  > {l}\n").replace("  > \n", "  >\n"));
                        }
                    }
                    for r in &t.resources {
                        out.push_str(&format!(
                            "  {}",
                            markdown_link(r, progress.is_read(id, &s.resource_key(r)))
                        ));
                    }
                }
                if !s.resources.is_empty() {
                    out.push_str("\nResources:\n\n");
                }
                for r in &s.resources {
                    out.push_str(&markdown_link(r, progress.is_read(id, &s.resource_key(r))));
                }
            }
            out
        }
    }
}

/// One resource as a Markdown task line: `- [x] [Title](url) — provider`.
fn markdown_link(r: &crate::curriculum::Resource, read: bool) -> String {
    let provider = r.provider.as_ref().map(|p| format!(" — {p}")).unwrap_or_default();
    format!("- [{}] [{}]({}){provider}\n", if read { "x" } else { " " }, r.title.get_ref(), r.url.get_ref())
}

/// Writes `text` to `path`, or to standard output without one.
pub fn write_out(text: &str, path: Option<&Path>) -> Result<()> {
    match path {
        // Atomic like every file learnpath writes: a full disk or a crash
        // leaves the previous export whole.
        Some(path) => crate::atomic_file::write(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            Ok(out.flush()?)
        }
    }
}

/// `learnpath new FILE`: a commented starter curriculum that validates.
pub fn new(path: &Path) -> Result<String> {
    let mut file = std::fs::File::create_new(path)
        .with_context(|| format!("cannot create {} (it must not exist yet)", path.display()))?;
    file.write_all(STARTER.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(format!(
        "Wrote {}. Edit it, check it with `learnpath validate {0}`, open it with `learnpath --curriculum {0}`.\n",
        path.display()
    ))
}

/// The starter written by `learnpath new`.
pub const STARTER: &str = include_str!("starter.toml");
