//! The rooms keep their doors: dependencies go one way, `main` → `cmd`
//! (with `cli`, its arguments) → `tui` → `app` → the model → `text`, and
//! `ui` reads `app`.
//! Checked on the source, so a stray `use` fails here and not in review.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out
}

/// The module a source file belongs to: `app` for `src/app/marks.rs`.
fn module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::NAME` a file uses.
fn uses(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .match_indices("crate::")
        .map(|(i, _)| text[i + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn dependencies_go_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // What each room may not use: the rooms above it.
    let above: &[(&[&str], &[&str])] = &[
        (&["app"], &["ui", "tui", "terminal", "events", "cli", "cmd"]),
        (&["ui"], &["tui", "terminal", "events", "cli", "cmd"]),
        (
            &[
                "curriculum",
                "progress",
                "notes",
                "review",
                "search",
                "stats",
                "sync",
                "today",
                "text",
                "theme",
                "resume",
                "config",
                "import",
                "shared",
            ],
            &["app", "ui", "tui", "terminal", "events", "cli", "cmd"],
        ),
        (&["text"], &["curriculum", "progress", "notes", "review", "search", "today"]),
    ];
    let mut wrong = Vec::new();
    for file in sources(&src) {
        let room = module(&src, &file);
        let text = std::fs::read_to_string(&file).unwrap();
        for used in uses(&text) {
            if used == room {
                continue;
            }
            let top_level_only =
                matches!(used.as_str(), "cli" | "cmd") && !matches!(room.as_str(), "main" | "cmd" | "cli");
            let from_above = above
                .iter()
                .any(|(rooms, banned)| rooms.contains(&room.as_str()) && banned.contains(&used.as_str()));
            if top_level_only || from_above {
                wrong.push(format!("{} uses crate::{used}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the grain:\n{}", wrong.join("\n"));
}

#[test]
fn no_json_is_built_by_hand_outside_tests() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for file in sources(&src) {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        if code.contains("json!(") {
            wrong.push(file.display().to_string());
        }
    }
    assert!(wrong.is_empty(), "reports derive Serialize instead of json!: {wrong:?}");
}

#[test]
fn app_has_no_pub_field_and_drawing_never_changes_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let app = std::fs::read_to_string(src.join("app/mod.rs")).unwrap();
    let body = app.split("pub struct App {").nth(1).unwrap().split("\n}\n").next().unwrap();
    let public: Vec<&str> = body.lines().filter(|l| l.trim_start().starts_with("pub ")).collect();
    assert!(public.is_empty(), "App's state changes only through update: {public:?}");
    for file in sources(&src.join("ui")) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("&mut App"), "{} draws from &App only", file.display());
    }
}

/// What only the host may do: read or write files, start processes or
/// threads, save or reload the store, read notes, curricula or the resume
/// state. Each is named as the source would call it.
const IO: &[&str] = &[
    "std::fs",
    "fs::",
    "File::",
    "std::process",
    "Command::new",
    "std::net",
    "std::env",
    "thread::spawn",
    "crate::regular",
    "crate::atomic_file",
    "Progress::open",
    "Progress::lock",
    ".save(",
    ".save_within(",
    ".save_waiting(",
    ".reload(",
    "Notes::load",
    "read_note(",
    "notes::edit",
    "config::load",
    "config::sources",
    "resume::remember",
    "resume::place",
    "resume::last",
    "sync::sync",
];

/// The IO calls in `code`, a source file's text.
fn io_in(code: &str) -> Vec<&'static str> {
    IO.iter().copied().filter(|call| code.contains(call)).collect()
}

#[test]
fn the_app_does_no_io_and_asks_the_host_instead() {
    // The scan finds what it looks for.
    assert_eq!(io_in("let x = std::fs::read(p);"), ["std::fs", "fs::"]);
    assert_eq!(io_in("self.progress.save_within(d)"), [".save_within("]);
    assert!(io_in("self.ask(Effect::Save { what, patience })").is_empty());
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for file in sources(&src.join("app")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for call in io_in(code) {
            wrong.push(format!("{} calls {call}", file.display()));
        }
    }
    assert!(wrong.is_empty(), "src/app asks for effects; the host performs them: {wrong:?}");
}
