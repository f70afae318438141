//! Private notes on topics: one Markdown file per topic under the data dir,
//! `notes/<curriculum>/<step>/<topic>.md`, edited in the learner's editor.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::curriculum::Curriculum;

/// The notes of one curriculum, cached in memory.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    dir: Option<PathBuf>,
    text: HashMap<(usize, usize), String>,
    /// Notes whose files are not UTF-8: shown with `�` for the bad bytes.
    lossy: HashSet<(usize, usize)>,
}

/// A note's text, if the file holds one, and whether it had to be read
/// lossily (it is not UTF-8: written in another encoding, say).
pub fn read_note(path: &Path) -> Option<(String, bool)> {
    let bytes = crate::regular::read(path).ok()?;
    let (text, lossy) = match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    (!text.trim().is_empty()).then(|| (clean(&text), lossy))
}

impl Notes {
    /// Reads every note of `c` under `data_dir` (none without a data dir).
    pub fn load(data_dir: Option<&Path>, c: &Curriculum) -> Notes {
        let Some(dir) = data_dir.map(|d| d.join("notes").join(c.id.get_ref())) else {
            return Notes::default();
        };
        let mut text = HashMap::new();
        let mut lossy = HashSet::new();
        if dir.is_dir() {
            for (s, step) in c.steps().iter().enumerate() {
                let step_dir = dir.join(step.id.get_ref());
                if !step_dir.is_dir() {
                    continue;
                }
                for (t, topic) in step.topics.iter().enumerate() {
                    if let Some((note, bad)) = read_note(&step_dir.join(format!("{}.md", topic.id.get_ref())))
                    {
                        text.insert((s, t), note);
                        if bad {
                            lossy.insert((s, t));
                        }
                    }
                }
            }
        }
        Notes { dir: Some(dir), text, lossy }
    }

    /// The note of topic `t` of step `s`, if it has one.
    pub fn get(&self, s: usize, t: usize) -> Option<&str> {
        self.text.get(&(s, t)).map(String::as_str)
    }

    /// Whether the note of topic `t` of step `s` is not UTF-8 and shows
    /// `�` where its bytes could not be read.
    pub fn is_lossy(&self, s: usize, t: usize) -> bool {
        self.lossy.contains(&(s, t))
    }

    /// How many notes are not UTF-8.
    pub fn lossy_count(&self) -> usize {
        self.lossy.len()
    }

    /// Every note, by (step, topic).
    pub fn all(&self) -> impl Iterator<Item = (&(usize, usize), &String)> {
        self.text.iter()
    }

    /// Where the note of `step_id`/`topic_id` lives.
    pub fn path(&self, step_id: &str, topic_id: &str) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join(step_id).join(format!("{topic_id}.md")))
    }

    /// Puts in the note of topic `t` of step `s` as read again after an
    /// edit (see [`read_note`]): its text and whether it was read lossily,
    /// or none.
    pub fn put(&mut self, s: usize, t: usize, note: Option<(String, bool)>) {
        self.lossy.remove(&(s, t));
        match note {
            Some((note, bad)) => {
                self.text.insert((s, t), note);
                if bad {
                    self.lossy.insert((s, t));
                }
            }
            None => {
                self.text.remove(&(s, t));
            }
        }
    }
}

/// A note as shown: without the byte-order mark Notepad may start it with,
/// and with CRLF line ends and control characters cleaned.
fn clean(note: &str) -> String {
    crate::text::sanitize_block(note.strip_prefix('\u{feff}').unwrap_or(note))
}

/// The editor used when neither `$VISUAL` nor `$EDITOR` is set: the one
/// every system of its kind has.
pub const DEFAULT_EDITOR: &str = if cfg!(windows) { "notepad" } else { "vi" };

/// The editor to run: `$VISUAL`, else `$EDITOR`, else [`DEFAULT_EDITOR`],
/// as a program and its arguments, the note's path to follow. The value is
/// read with the shell's word rules, as git reads it: on Unix through
/// `sh -c '$EDITOR "$@"'`, so quotes and escapes work (`"/opt/My
/// Editor/bin/ed" --wait`); on Windows a value that names a program file is
/// that program, spaces and all, and anything else is split at spaces
/// outside double quotes.
pub fn editor() -> Vec<String> {
    editor_from(std::env::var("VISUAL").ok(), std::env::var("EDITOR").ok())
}

/// [`editor`] given the values of `$VISUAL` and `$EDITOR`.
pub fn editor_from(visual: Option<String>, editor: Option<String>) -> Vec<String> {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_EDITOR.to_string());
    if cfg!(unix) {
        // $0 is the editor's own text, so messages can name it.
        return vec!["sh".into(), "-c".into(), format!("{chosen} \"$@\""), chosen];
    }
    if Path::new(chosen.trim()).is_file() {
        return vec![chosen.trim().to_string()];
    }
    let mut words = vec![String::new()];
    let mut quoted = false;
    for c in chosen.trim().chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !words.last().is_some_and(String::is_empty) {
                    words.push(String::new());
                }
            }
            c => words.last_mut().expect("never empty").push(c),
        }
    }
    words.retain(|w| !w.is_empty());
    words
}

/// What to call `editor` in messages: the learner's own text for it.
fn name(editor: &[String]) -> &str {
    match editor {
        [sh, c, _, own] if sh == "sh" && c == "-c" => own,
        [program, ..] => program,
        [] => "",
    }
}

/// Edits `path` with `editor` on a copy, so a failed edit never touches the
/// note: the copy replaces it only when the editor exits successfully.
/// Returns whether the note changed.
pub fn edit(editor: &[String], path: &Path) -> Result<bool> {
    let dir = path.parent().context("a note has a directory")?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let before = match crate::regular::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => bail!("cannot edit {}: {e}", path.display()),
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("note");
    // Ids have no dots, so this name never clashes with another topic's note.
    let copy = dir.join(format!("{stem}.edit.md"));
    std::fs::write(&copy, &before).with_context(|| format!("cannot write {}", copy.display()))?;
    let (program, args) = editor.split_first().context("no editor set")?;
    let shown = crate::text::sanitize_line(name(editor));
    let status = Command::new(program).args(args).arg(&copy).status();
    let result = match status {
        Err(e) => Err(anyhow::anyhow!("cannot start the editor `{shown}`: {e}; set $VISUAL or $EDITOR")),
        // The shell's "command not found" / "cannot execute".
        Ok(s) if program == "sh" && matches!(s.code(), Some(126 | 127)) => {
            Err(anyhow::anyhow!("cannot start the editor `{shown}`; set $VISUAL or $EDITOR to one that runs"))
        }
        Ok(s) if !s.success() => {
            Err(anyhow::anyhow!("the editor `{shown}` exited with {s}; the note is unchanged"))
        }
        Ok(_) => Ok(()),
    };
    if let Err(e) = result {
        let _ = std::fs::remove_file(&copy);
        bail!(e);
    }
    let after = std::fs::read(&copy).with_context(|| format!("cannot read {}", copy.display()))?;
    if after == before {
        std::fs::remove_file(&copy)?;
        return Ok(false);
    }
    if after.iter().all(u8::is_ascii_whitespace) && before.is_empty() {
        std::fs::remove_file(&copy)?;
        return Ok(false);
    }
    crate::atomic_file::replace(&copy, path).with_context(|| format!("cannot save {}", path.display()))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_then_editor_then_the_systems_editor() {
        let some = |s: &str| Some(s.to_string());
        let run = |e: Vec<String>| name(&e).to_string();
        // Messages name the program: on Unix the learner's own text, which
        // the shell reads; on Windows the first word, split here.
        let code = editor_from(some("code --wait"), some("nano"));
        assert_eq!(run(code.clone()), if cfg!(windows) { "code" } else { "code --wait" });
        if cfg!(windows) {
            assert_eq!(code, ["code", "--wait"]);
        }
        assert_eq!(run(editor_from(some("  "), some("nano"))), "nano");
        assert_eq!(run(editor_from(None, some(""))), DEFAULT_EDITOR);
        assert_eq!(run(editor_from(None, None)), if cfg!(windows) { "notepad" } else { "vi" });
    }

    #[cfg(unix)]
    #[test]
    fn the_editor_is_read_with_the_shells_word_rules() {
        let editor = editor_from(None, Some("'/opt/My Editor/ed' --wait".into()));
        assert_eq!(editor, ["sh", "-c", "'/opt/My Editor/ed' --wait \"$@\"", "'/opt/My Editor/ed' --wait"]);
    }

    #[cfg(windows)]
    #[test]
    fn a_windows_editor_keeps_quoted_spaces() {
        let editor = editor_from(None, Some("\"C:\\Program Files\\Ed\\ed.exe\" -w".into()));
        assert_eq!(editor, ["C:\\Program Files\\Ed\\ed.exe", "-w"]);
    }
}
