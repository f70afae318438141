//! `learnpath import FILE.md`: a Markdown path made into a curriculum in
//! the config dir's `curricula/`, where `c` lists it; its ticked boxes
//! recorded as done (marked imported). Importing the same file again
//! merges: ids kept, renames and moves carried by aliases.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use serde::Serialize;

use super::{Context, Reported};
use crate::config::Source;
use crate::curriculum::Curriculum;
use crate::import::{self, Changes, Options, Skipped};
use crate::progress::Progress;

/// What `import` was asked.
pub struct Request<'a> {
    /// The Markdown file.
    pub file: &'a Path,
    /// `--output`.
    pub output: Option<&'a Path>,
    /// `--id`, `--title`, `--steps-at`.
    pub id: Option<String>,
    /// See `id`.
    pub title: Option<String>,
    /// See `id`.
    pub steps_at: Option<u8>,
    /// `--update`: the path must exist already.
    pub update: bool,
}

/// What an import did.
#[derive(Debug, Serialize)]
pub struct ImportReport {
    /// The path's file.
    pub written: PathBuf,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Steps made.
    pub steps: usize,
    /// Topics made.
    pub topics: usize,
    /// Links kept.
    pub links: usize,
    /// Topics whose hours a table did not make clear.
    pub hours_unknown: usize,
    /// Ticked boxes recorded as done now.
    pub done: usize,
    /// Ticked boxes not recorded: the topic has progress already.
    pub done_kept: usize,
    /// What was left out, each with its lines.
    pub skipped: Vec<Left>,
    /// Whether this merged into the path imported before.
    pub updated: bool,
    /// Whether it is in the config dir's `curricula/`, where `c` lists it.
    pub listed: bool,
    /// What changed since then.
    pub changes: Changes,
}

/// One kind of thing left out.
#[derive(Debug, Serialize)]
pub struct Left {
    /// What it is.
    pub what: String,
    /// Its lines in the Markdown.
    pub lines: Vec<usize>,
}

/// Runs `import`.
pub fn run(cx: &Context, request: &Request) -> Result<ImportReport> {
    let file = request.file;
    let bytes = crate::regular::read_limited(file, crate::curriculum::MAX_FILE_BYTES as u64)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let markdown = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: not UTF-8 text (byte {}); save it as UTF-8 and import it again",
            file.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    // The source is named absolutely, so `--update` from another folder
    // still knows it.
    let source = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf()).display().to_string();
    let name = file.file_name().map_or(source.clone(), |n| n.to_string_lossy().into_owned());
    let options = Options {
        id: request.id.clone(),
        title: request.title.clone(),
        steps_at: request.steps_at,
        name,
        source: Some(source.clone()),
    };
    let reading = import::read(&markdown, &options).map_err(|e| reported(&e))?;
    let id = reading.id().to_string();
    let output = match request.output {
        Some(p) => p.to_path_buf(),
        None => cx.config_dir.join("curricula").join(format!("{id}.toml")),
    };
    let previous = previous(cx, &output, &id, &source, request.update)?;
    let imported = reading.build(previous.as_ref()).map_err(|e| reported(&e))?;
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    crate::atomic_file::write(&output, imported.text.as_bytes())
        .with_context(|| format!("cannot write {}", output.display()))?;
    let (done, done_kept) = record_ticks(cx, &imported)?;
    let c = &imported.curriculum;
    Ok(ImportReport {
        written: output.clone(),
        id,
        title: c.title.get_ref().clone(),
        steps: c.steps().len(),
        topics: c.topic_count(),
        links: imported.links,
        hours_unknown: imported.hours_unknown.len(),
        done,
        done_kept,
        skipped: left_out(&imported),
        updated: previous.is_some(),
        listed: output.parent() == Some(cx.config_dir.join("curricula").as_path()),
        changes: imported.changes,
    })
}

fn reported(e: &crate::curriculum::LoadError) -> anyhow::Error {
    eprintln!("{e}");
    // Only a document with nothing to import is the file's doing; any
    // other refusal of what import wrote is import's.
    if !e.to_string().contains(import::NOTHING) {
        eprintln!(
            "learnpath: the path made from this file does not validate; this is a bug in import, please report it"
        );
    }
    Reported.into()
}

/// The path imported from the same source before, if `output` holds one.
/// Any other path under the same id, or in the way, is refused: an import
/// never takes over a path it did not make.
fn previous(cx: &Context, output: &Path, id: &str, source: &str, update: bool) -> Result<Option<Curriculum>> {
    let again = "choose another id with --id (or another file with --output)";
    // The file being replaced may hold the id; no other path may.
    match crate::config::holder_of(&cx.config_dir, id, cx.cache_dir.as_deref(), Some(output)) {
        Some(Source::Shipped) => bail!("`{id}` is the id of the path learnpath ships; {again}"),
        Some(Source::File(path)) => bail!("{} already has the id `{id}`; {again}", path.display()),
        None => {}
    }
    if !output.exists() {
        if update {
            bail!(
                "there is no path imported from {source} at {} to update; import it without --update first",
                output.display()
            );
        }
        return Ok(None);
    }
    let text =
        std::fs::read_to_string(output).with_context(|| format!("cannot read {}", output.display()))?;
    if import::source_of(&text) != Some(source) {
        bail!(
            "{} already exists and was not imported from {source}; {again}, or remove it first",
            output.display()
        );
    }
    let c = Curriculum::parse(&text, &output.display().to_string()).map_err(|e| {
        eprintln!("{e}");
        anyhow::anyhow!(
            "{} was edited and no longer validates; fix it, or remove it to import afresh",
            output.display()
        )
    })?;
    Ok(Some(c))
}

/// Records the document's ticks and read marks where the learner has no
/// progress yet; returns how many were written and how many were not.
fn record_ticks(cx: &Context, imported: &import::Imported) -> Result<(usize, usize)> {
    if imported.ticks.is_empty() && imported.read.is_empty() {
        return Ok((0, 0));
    }
    let c = &imported.curriculum;
    let id = c.id.get_ref();
    let mut progress = Progress::open(&cx.data_dir)?;
    progress.set_device(cx.remembered().device());
    if let Some(notice) = &progress.notice {
        eprintln!("learnpath: {notice}");
    }
    // Progress under a former id counts as the topic's own.
    progress.carry_aliases(c);
    let now = cx.now();
    let written =
        imported.ticks.iter().filter(|(key, status)| progress.import_tick(id, key, *status, now)).count();
    for key in &imported.read {
        progress.import_read(id, key, now);
    }
    progress.save().context("cannot save the imported ticks")?;
    Ok((written, imported.ticks.len() - written))
}

fn left_out(imported: &import::Imported) -> Vec<Left> {
    let mut out = Vec::new();
    let mut add = |one: &str, many: &str, lines: Vec<usize>| {
        if !lines.is_empty() {
            let what = if lines.len() == 1 { one } else { many }.to_string();
            out.push(Left { what, lines });
        }
    };
    for (kind, one, many) in [
        (Skipped::Image, "image left out", "images left out"),
        (Skipped::Badge, "badge left out", "badges left out"),
        (Skipped::Html, "piece of HTML left out", "pieces of HTML left out"),
        (Skipped::Code, "code block left out", "code blocks left out"),
    ] {
        add(one, many, imported.skipped.iter().filter(|(k, _)| *k == kind).map(|(_, l)| *l).collect());
    }
    add("link left out: not a web link", "links left out: not web links", imported.not_web.clone());
    add(
        "empty section left out",
        "empty sections left out",
        imported.empty.iter().map(|(_, l)| *l).collect(),
    );
    add(
        "row whose hours were not understood",
        "rows whose hours were not understood",
        imported.hours_unknown.clone(),
    );
    add(
        "prerequisite kept as words: it names no earlier topic",
        "prerequisites kept as words: they name no earlier topic",
        imported.prereq_as_text.clone(),
    );
    out
}

/// Lines as people read them: `3, 9, 14`, each once, at most ten.
fn lines(all: &[usize]) -> String {
    let mut lines = all.to_vec();
    lines.dedup();
    let shown: Vec<String> = lines.iter().take(10).map(usize::to_string).collect();
    let more = lines.len().saturating_sub(10);
    let word = if lines.len() == 1 { "line" } else { "lines" };
    if more > 0 {
        format!("{word} {}, and {more} more", shown.join(", "))
    } else {
        format!("{word} {}", shown.join(", "))
    }
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::text::count;
        let verb = if self.updated { "Updated" } else { "Imported" };
        writeln!(f, "{verb} \"{}\" (id {}) into {}.", self.title, self.id, self.written.display())?;
        let mut summary = vec![
            format!("{} in {}", count(self.topics, "topic", "topics"), count(self.steps, "step", "steps")),
            count(self.links, "link", "links"),
        ];
        if self.hours_unknown > 0 {
            summary.push(format!("{} unknown", count(self.hours_unknown, "hour", "hours")));
        }
        summary.push(format!("{} done", self.done));
        writeln!(f, "{}.", summary.join(", "))?;
        if self.done_kept > 0 {
            writeln!(
                f,
                "{} progress here already, left as it is.",
                count(self.done_kept, "ticked box has", "ticked boxes have")
            )?;
        }
        for left in &self.skipped {
            writeln!(f, "{} {} ({}).", left.lines.len(), left.what, lines(&left.lines))?;
        }
        let ch = &self.changes;
        if self.updated {
            writeln!(
                f,
                "Since the last import: {} added, {} removed, {} renamed or moved.",
                ch.added.len(),
                ch.removed.len(),
                ch.renamed.len()
            )?;
            for (old, new) in &ch.renamed {
                writeln!(f, "  {old} → {new} (its progress follows it)")?;
            }
            for key in &ch.removed {
                writeln!(f, "  removed {key} (its progress is kept in the file)")?;
            }
        }
        let file = self.written.display();
        if self.listed {
            writeln!(f, "Press c in learnpath to open it, or run `learnpath --curriculum {file}`.")
        } else {
            writeln!(
                f,
                "Open it with `learnpath --curriculum {file}` (c lists only the paths in the config dir's curricula/)."
            )
        }
    }
}
