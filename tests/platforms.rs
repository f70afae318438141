//! What must hold the same on every system. These run on Linux and, as the
//! Windows build under wine, in CI's cross stage: CRLF files, paths with
//! spaces and non-ASCII names, two processes saving at once, and saving
//! while another process has the file open.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use learnpath::curriculum::Curriculum;
use learnpath::progress::Progress;

/// The shipped path's TOML as it is in this repository (LF line ends).
const SHIPPED: &str = include_str!("../content/backend.toml");

/// A fixed clock, so two runs write the same times.
const NOW: (&str, &str) = ("LEARNPATH_NOW", "2026-03-01T12:00:00Z");

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

/// One run's exit code and output, with `home` written as `<home>` so runs
/// in two homes compare equal.
fn outcome(out: &Output, home: &Path) -> String {
    let home = home.display().to_string();
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&home, "<home>");
    // JSON doubles the backslashes of a Windows path.
    let json_home = home.replace('\\', "\\\\");
    let text = |b: &[u8]| text(b).replace(&json_home, "<home>");
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    )
}

/// Runs the commands a learner uses on `curriculum`, in a fresh home, and
/// returns what each printed.
fn walk(curriculum: &str) -> Vec<String> {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let file = h.join("path.toml");
    std::fs::write(&file, curriculum).unwrap();
    let file = file.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--curriculum", file];
        all.extend_from_slice(args);
        outcome(&common::learnpath(h, &all, &[NOW]), h)
    };
    let out = vec![
        outcome(&common::learnpath(h, &["validate", file], &[]), h),
        run(&["mark", "coding-basics/loops", "done"]),
        run(&["mark", "dsa/big-o", "skipped"]),
        run(&["mark", "coding-basics/variables", "progress"]),
        run(&["next"]),
        run(&["next", "--json"]),
        run(&["status"]),
        run(&["status", "--json"]),
        run(&["export"]),
        run(&["export", "--format", "json"]),
        run(&["reset", "--yes"]),
        run(&["status", "--json"]),
    ];
    assert!(out[7].contains("\"done\": 1,"), "{}", out[7]);
    assert!(out[11].contains("\"done\": 0,"), "{}", out[11]);
    out
}

#[test]
fn a_crlf_curriculum_behaves_exactly_like_the_lf_one() {
    assert!(!SHIPPED.contains('\r'), "the repository's copy has LF line ends");
    let lf = walk(SHIPPED);
    let crlf = walk(&crlf(SHIPPED));
    for (lf, crlf) in lf.iter().zip(&crlf) {
        assert_eq!(lf, crlf);
    }
}

#[test]
fn a_crlf_curriculum_draws_the_same_screens() {
    let screens = |text: &str| {
        let c = Curriculum::parse(text, "path.toml").unwrap();
        let mut out = Vec::new();
        // The main screen, the description scrolled, and the FAQ's answers.
        for keys in ["", "JJ", "fjjj", "lll"] {
            let mut app = learnpath::app::App::new(c.clone(), Progress::in_memory())
                .with_theme(learnpath::ui::Theme::dark());
            let (terminal, _) = common::run(&mut app, 100, 40, common::typed(keys));
            out.push(common::screen(&terminal));
        }
        out
    };
    let crlf_screens = screens(&crlf(SHIPPED));
    assert!(!crlf_screens.concat().contains('\u{240d}'), "no carriage return is drawn as ␍");
    assert_eq!(screens(SHIPPED), crlf_screens);
}

#[test]
fn crlf_progress_and_notes_are_read() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let data = h.join("data");
    std::fs::create_dir_all(data.join("notes/backend/coding-basics")).unwrap();
    let progress = r#"{
  "format": 1,
  "curricula": {
    "backend": {
      "topics": {
        "coding-basics/loops": { "status": "done", "at": "2026-01-01T00:00:00Z" }
      }
    }
  }
}
"#;
    std::fs::write(data.join("progress.json"), crlf(progress)).unwrap();
    // As Notepad may save it: a byte-order mark and CRLF line ends.
    let note = "\u{feff}for and while\r\nbreak early\r\n";
    std::fs::write(data.join("notes/backend/coding-basics/loops.md"), note).unwrap();
    let md = common::learnpath(h, &["export"], &[]);
    assert!(md.status.success(), "{}", String::from_utf8_lossy(&md.stderr));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("- [x] Loops `coding-basics/loops`\n  > for and while\n  > break early\n"), "{md}");
    assert!(!md.contains('\r') && !md.contains('\u{feff}'), "{md:?}");
    // A tick keeps the file valid and keeps the first entry.
    let out = common::learnpath(h, &["mark", "coding-basics/lists", "done"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after = Progress::open(&data).unwrap();
    assert!(after.notice.is_none(), "{:?}", after.notice);
    assert_eq!(after.topics("backend").count(), 2);
}

#[test]
fn paths_with_spaces_and_non_ascii_names_work() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path().join("Zoë Ångström").join("学习 notes");
    let data = h.join("My Progress");
    let config = h.join("Config Dir");
    std::fs::create_dir_all(config.join("curricula")).unwrap();
    let mine = config.join("curricula").join("my path — ünïcode.toml");
    std::fs::write(&mine, learnpath::cmd::new::STARTER).unwrap();
    let env =
        [("LEARNPATH_DATA_DIR", data.to_str().unwrap()), ("LEARNPATH_CONFIG_DIR", config.to_str().unwrap())];
    let run = |args: &[&str]| {
        let out = common::learnpath(home.path(), args, &env);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let mine_arg = mine.to_str().unwrap();
    let first =
        learnpath::curriculum::Curriculum::parse(learnpath::cmd::new::STARTER, "starter.toml").unwrap();
    let step = &first.steps()[0];
    let key = step.key(&step.topics[0]);
    run(&["--curriculum", mine_arg, "mark", &key, "done"]);
    run(&["mark", "coding-basics/loops", "done"]);
    let status: serde_json::Value = serde_json::from_str(&run(&["status", "--json"])).unwrap();
    // The native path: backslashes on Windows, as Explorer and cmd show it.
    assert_eq!(status["progress_file"], data.join("progress.json").display().to_string());
    assert_eq!(status["done"], 1);
    let list: serde_json::Value = serde_json::from_str(&run(&["list", "--json"])).unwrap();
    assert_eq!(list[1]["done"], 1, "{list}");
    let text = run(&["status"]);
    assert!(text.contains(&format!("Progress file: {}", data.join("progress.json").display())), "{text}");

    // A note under such a path, edited by a program under such a path.
    let note = data.join("notes").join("backend").join("coding-basics").join("loops.md");
    let editor = common::appender(&h, "my editor", "Ünïcode note\n", 0);
    assert!(learnpath::notes::edit(&[editor.display().to_string()], &note).unwrap());
    assert_eq!(std::fs::read_to_string(&note).unwrap(), "Ünïcode note\n");
}

#[test]
fn two_processes_marking_at_once_keep_both_ticks() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let c = Curriculum::shipped();
    let keys: Vec<String> = c.steps().iter().flat_map(|s| s.topics.iter().map(move |t| s.key(t))).collect();
    let mark = |key: &str| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_learnpath"));
        cmd.args(["mark", key, "done"])
            .env("HOME", h)
            .env("LEARNPATH_DATA_DIR", h.join("data"))
            .env("LEARNPATH_CONFIG_DIR", h.join("config"))
            .env("LEARNPATH_CACHE_DIR", h.join("cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        common::spawn(&mut cmd)
    };
    for round in 0..20 {
        // Two different topics each round, both started before either ends.
        let (a, b) = (&keys[2 * round], &keys[2 * round + 1]);
        let (first, second) = (mark(a), mark(b));
        for child in [first, second] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        }
        let progress = Progress::open(&h.join("data")).unwrap();
        for key in &keys[..2 * round + 2] {
            assert_eq!(
                progress.status("backend", key),
                learnpath::progress::Status::Done,
                "round {round}: the tick of {key} was lost"
            );
        }
    }
}

#[test]
fn saving_works_while_another_process_has_the_file_open() {
    use std::io::Read;
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let first = common::learnpath(h, &["mark", "coding-basics/loops", "done"], &[]);
    assert!(first.status.success());
    let file = h.join("data").join("progress.json");
    // Held open (as a reader, a watcher or a sync tool would) across the save.
    let mut held = std::fs::File::open(&file).unwrap();
    let out = common::learnpath(h, &["mark", "coding-basics/lists", "done"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(now.contains("coding-basics/lists") && now.contains("coding-basics/loops"), "{now}");
    let mut old = String::new();
    held.read_to_string(&mut old).unwrap();
    assert!(old.contains("coding-basics/loops"), "the open handle still reads a whole file: {old}");
    drop(held);
    let leftovers: Vec<_> = std::fs::read_dir(h.join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "no temp files left: {leftovers:?}");
}

#[test]
fn an_editor_in_a_folder_with_spaces_runs() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("My Editor");
    std::fs::create_dir_all(&folder).unwrap();
    let stub = common::appender(&folder, "ed", "edited\n", 0);
    // Quoted as a shell wants it on Unix; a plain program path on Windows.
    let value = if cfg!(unix) { format!("'{}'", stub.display()) } else { stub.display().to_string() };
    let editor = learnpath::notes::editor_from(Some(value), None);
    let note = dir.path().join("notes").join("n.md");
    assert!(learnpath::notes::edit(&editor, &note).unwrap());
    assert_eq!(std::fs::read_to_string(&note).unwrap(), "edited\n");
}
