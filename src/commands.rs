//! The subcommands that print instead of opening the TUI, and the set-up
//! they share with it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::json;

use crate::curriculum::{Curriculum, LoadError};
use crate::progress::{Progress, Status};

/// The curriculum to open: `file`, or the shipped path.
pub fn curriculum(file: Option<&Path>) -> Result<Curriculum, LoadError> {
    match file {
        Some(path) => Curriculum::load(path),
        None => Ok(Curriculum::shipped()),
    }
}

/// The data dir: `--data-dir`/`LEARNPATH_DATA_DIR`, else the platform's.
pub fn data_dir(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "learnpath")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .context("cannot find a home directory for the progress file; pass --data-dir DIR")
}

/// `learnpath validate FILE...`: a summary line per valid file, errors for
/// the others; exit 1 if any is invalid.
pub fn validate(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        match Curriculum::load(file) {
            Ok(c) => println!("{}: ok: {}", file.display(), c.summary_line()),
            Err(e) => {
                ok = false;
                eprintln!("{e}");
            }
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// `learnpath status`: progress per step, as text or JSON.
pub fn status(curriculum: &Curriculum, progress: &mut Progress, as_json: bool) -> String {
    progress.carry_aliases(curriculum);
    let orphans = progress.orphans(curriculum);
    let id = curriculum.id.get_ref();
    let steps: Vec<(String, &str, usize, usize)> = curriculum
        .steps()
        .iter()
        .map(|s| {
            let done = s.topics.iter().filter(|t| progress.status(id, &s.key(t)) == Status::Done).count();
            (s.id.get_ref().clone(), s.title.get_ref().as_str(), done, s.topics.len())
        })
        .collect();
    let done: usize = steps.iter().map(|s| s.2).sum();
    let total = curriculum.topic_count();
    if as_json {
        let value = json!({
            "curriculum": { "id": id, "title": curriculum.title.get_ref() },
            "done": done,
            "total": total,
            "steps": steps.iter().map(|(id, title, done, total)| json!({
                "id": id, "title": title, "done": done, "total": total,
            })).collect::<Vec<_>>(),
            "orphans": orphans,
            "progress_file": progress.path(),
        });
        return serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    }
    let percent = crate::progress::percent(done, total);
    let mut out = format!("{}: {done}/{total} topics done ({percent}%)\n", curriculum.title.get_ref());
    let mut number = 0;
    for ((_, title, done, total), step) in steps.iter().zip(curriculum.steps()) {
        let label = if step.optional {
            "+ ".to_string()
        } else {
            number += 1;
            format!("{number}.")
        };
        let mark = if *total > 0 && done == total { "✓" } else { " " };
        out.push_str(&format!("{mark} {label:<3}{title:<52} {done:>3}/{total}\n"));
    }
    if orphans > 0 {
        out.push_str(&format!(
            "{orphans} ticked topic(s) in the progress file are not in this curriculum (kept in the file)\n"
        ));
    }
    if let Some(path) = progress.path() {
        out.push_str(&format!("Progress file: {}\n", path.display()));
    }
    out
}
