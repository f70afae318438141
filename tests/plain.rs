//! Plain mode: a whole run scripted through stdin of the real binary, its
//! output free of escape sequences and drawing characters, and the same
//! steps through plain commands and through keys leaving the same
//! progress.

mod common;

use crossterm::event::KeyCode;
use learnpath::app::Action;
use learnpath::progress::Status;

/// Every line of `out` that lists an item (a state in words after a
/// dash) starts with its number.
fn items_are_numbered(out: &str) {
    let states = [" - to do", " - done", " - in progress", " - skipped", " not read,", " read,", " of "];
    for line in out.lines().map(|l| l.trim_start_matches("> ")) {
        let listed = states.iter().any(|s| line.contains(s)) && line.contains(" - ");
        let heading =
            ["Step ", "Optional step", "Topic: ", "Learn Backend", "My "].iter().any(|h| line.starts_with(h))
                || line.contains(" steps, ");
        if listed && !heading {
            let number = line.split_once(". ").map(|(n, _)| n).unwrap_or("");
            assert!(
                !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
                "not numbered: {line:?}"
            );
        }
    }
}

fn plain_text_only(out: &str) {
    assert!(!out.contains('\u{1b}'), "an escape byte in plain mode's output");
    let drawn: Vec<char> = out.chars().filter(|c| ('\u{2500}'..='\u{259f}').contains(c)).collect();
    assert!(drawn.is_empty(), "drawing characters in plain mode's output: {drawn:?}");
}

/// The binary fed `script` on stdin, with what finding an editor and a
/// shell needs (the `PATH`; on Windows, its system folders) on top of
/// `env`.
fn run_plain(
    home: &std::path::Path,
    args: &[&str],
    script: &str,
    env: &[(&str, &str)],
) -> std::process::Output {
    let mut names = vec!["PATH"];
    if cfg!(windows) {
        names.extend(["SYSTEMROOT", "WINDIR", "TEMP", "TMP", "USERPROFILE", "APPDATA", "LOCALAPPDATA"]);
    }
    let inherited: Vec<(&str, String)> =
        names.into_iter().filter_map(|n| std::env::var(n).ok().map(|v| (n, v))).collect();
    let mut all: Vec<(&str, &str)> = inherited.iter().map(|(n, v)| (*n, v.as_str())).collect();
    all.extend_from_slice(env);
    common::learnpath_fed(home, args, &all, Some(script))
}

#[test]
fn a_whole_run_through_stdin() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path();
    std::fs::create_dir_all(dir.join("config/curricula")).unwrap();
    std::fs::write(dir.join("config/curricula/mine.toml"), learnpath::cmd::new::STARTER).unwrap();
    // A topic ticked three weeks ago, due for review now.
    let then = [("LEARNPATH_NOW", "2026-01-01T12:00:00Z")];
    let out = common::learnpath(dir, &["mark", "coding-basics/loops", "done"], &then);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let editor = common::appender(dir, "editor", "A note from plain mode.\n", 0);
    let editor = editor.to_str().unwrap().to_string();
    #[cfg(unix)]
    let browser =
        common::script(dir, "browser", &format!("echo \"$1\" >> '{}'", dir.join("opened.txt").display()));
    #[cfg(unix)]
    let browser = browser.to_str().unwrap().to_string();
    #[cfg(not(unix))]
    let browser = String::new();
    let mut env = vec![("LEARNPATH_NOW", "2026-01-22T12:00:00Z"), ("EDITOR", editor.as_str())];
    if learnpath::open::USES_BROWSER_VAR {
        env.push(("BROWSER", browser.as_str()));
    }
    // Browse, tick, a note, a link, search, today, a review graded 3,
    // undo, and another path.
    let open = if learnpath::open::USES_BROWSER_VAR { "1\nopen 1\nback\n" } else { "" };
    let script = format!(
        "2\ndone 1\nnote 2\n{open}back\nsearch http\n1\ntoday\nback\nreview\n3\nback\ndoing 1\nundo\npaths\n2\nquit\n"
    );
    let out = run_plain(dir, &["--plain"], &script, &env);
    let text = String::from_utf8(out.stdout).unwrap();
    let errors = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{text}\n{errors}");
    plain_text_only(&text);
    items_are_numbered(&text);
    assert!(text.contains("Done: Big O notation and complexity"), "{text}");
    assert!(text.contains("Search \"http\""), "{text}");
    assert!(text.contains("Today: "), "{text}");
    assert!(text.contains("Recall: Loops"), "{text}");
    assert!(text.contains("Undid"), "{text}");
    assert!(text.contains("My "), "the other path opened: {text}");
    let note = std::fs::read_to_string(dir.join("data/notes/backend/dsa/recursion.md")).unwrap();
    assert!(note.contains("A note from plain mode."));
    if learnpath::open::USES_BROWSER_VAR {
        let opened = std::fs::read_to_string(dir.join("opened.txt")).unwrap();
        assert!(opened.contains("boot.dev"), "{opened}");
    }
    // What the run left: the tick, the review, and not the undone status.
    let out = common::learnpath(dir, &["status", "--json"], &[("LEARNPATH_NOW", "2026-01-22T12:00:00Z")]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["curriculum"]["id"], "my-path", "the path picked last is the one open: {json}");
    let shipped = dir.join("shipped.toml");
    std::fs::write(&shipped, learnpath::curriculum::SHIPPED).unwrap();
    let args = ["--curriculum", shipped.to_str().unwrap(), "status", "--json"];
    let out = common::learnpath(dir, &args, &[("LEARNPATH_NOW", "2026-01-22T12:00:00Z")]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["done"], 2, "loops and big-o: {json}");
    assert_eq!(json["due_for_review"], 0, "the review was graded: {json}");
}

#[test]
fn a_dumb_terminal_gets_plain_mode_and_the_end_of_input_quits() {
    let home = tempfile::tempdir().unwrap();
    let out = run_plain(home.path(), &[], "", &[("TERM", "dumb")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("1. Learn basic coding skills"), "{text}");
    plain_text_only(&text);
}

#[test]
fn the_same_steps_through_commands_and_keys_leave_the_same_progress() {
    use common::Drive;
    let commands =
        "2\ndone 1\ndoing 2\nskip 3\nback\nback\n3\ndone 2\ndone 3\nundo\nreset step\n1\ndone 4\nquit\n";
    let mut plain = common::started(common::app());
    let mut host = common::TestHost::default();
    let mut out = Vec::new();
    learnpath::plain::run(&mut plain, std::io::Cursor::new(commands), &mut out, &mut host).unwrap();
    let out = String::from_utf8(out).unwrap();
    plain_text_only(&out);

    let mut keys = common::started(common::app());
    let press = |app: &mut learnpath::app::App, code: KeyCode| {
        let action = learnpath::app::keymap::from_key(common::key(code), app.key_focus());
        app.act(action.expect("a key of the key map"));
    };
    use KeyCode::{Char, Enter};
    for code in [Char('j'), Enter, Char(' '), Char('j'), Char('i'), Char('j'), Char('s'), Char('h')] {
        press(&mut keys, code);
    }
    for code in
        [Char('j'), Enter, Char('j'), Char(' '), Char('j'), Char(' '), Char('u'), Char('h'), Char('R')]
    {
        press(&mut keys, code);
    }
    press(&mut keys, Char('s'));
    for code in [Char('g'), Enter, Char('j'), Char('j'), Char('j'), Char(' ')] {
        press(&mut keys, code);
    }
    keys.act(Action::Quit);

    let statuses = |app: &learnpath::app::App| -> Vec<(String, Status)> {
        let c = &app.path().curriculum;
        let id = c.id.get_ref();
        c.steps()
            .iter()
            .flat_map(|s| s.topics.iter().map(move |t| s.key(t)))
            .map(|k| (k.clone(), app.progress().status(id, &k)))
            .filter(|(_, s)| *s != Status::Todo)
            .collect()
    };
    let through_plain = statuses(&plain);
    assert_eq!(through_plain, statuses(&keys), "plain mode said:\n{out}");
    // And what `status --json` would print of each.
    let now = common::NOW.parse().unwrap();
    let status = |app: &learnpath::app::App| {
        let report =
            learnpath::cmd::status::report(&app.path().curriculum, app.progress(), now, Default::default());
        serde_json::to_value(report).unwrap()
    };
    assert_eq!(status(&plain), status(&keys));
    assert_eq!(
        through_plain.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
        ["coding-basics/lists", "dsa/big-o", "dsa/recursion", "dsa/linked-lists-stacks-queues"],
        "{out}"
    );
}

#[test]
fn a_number_past_the_list_is_said_not_taken_as_the_last() {
    let mut app = common::started(common::app());
    let mut host = common::TestHost::default();
    let mut out = Vec::new();
    let script = "99\n2\ndone 42\nquit\n";
    learnpath::plain::run(&mut app, std::io::Cursor::new(script), &mut out, &mut host).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("items here are numbered 1 to 8"), "{out}");
    assert!(out.contains("items here are numbered 1 to 7"), "{out}");
    assert_eq!(app.done_total(), 0, "nothing was ticked: {out}");
}
