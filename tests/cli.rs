//! The subcommands, run as the real binary with temporary dirs.

mod common;

use std::path::Path;
use std::process::Output;

fn learnpath(home: &Path, args: &[&str]) -> Output {
    common::learnpath(home, args, &[])
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn next_mark_and_status_work_together() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert_eq!(stdout(&learnpath(h, &["next"])), "Variables and data (1. Learn basic coding skills)\n");
    stdout(&learnpath(h, &["mark", "coding-basics/variables", "done"]));
    stdout(&learnpath(h, &["mark", "coding-basics/comparison-operators", "skipped"]));
    stdout(&learnpath(h, &["mark", "coding-basics/loops", "progress"]));
    let next: serde_json::Value = serde_json::from_str(&stdout(&learnpath(h, &["next", "--json"]))).unwrap();
    assert_eq!(next["key"], "coding-basics/loops");
    assert_eq!(next["status"], "progress");
    let status: serde_json::Value =
        serde_json::from_str(&stdout(&learnpath(h, &["status", "--json"]))).unwrap();
    assert_eq!((status["done"].as_u64(), status["skipped"].as_u64()), (Some(1), Some(1)));
    let text = stdout(&learnpath(h, &["status"]));
    assert!(
        text.starts_with("Learn Backend Development: 1/61 topics done (1%), 1 skipped, 1 retained\n"),
        "{text}"
    );
}

#[test]
fn an_unknown_topic_suggests_the_closest_ids() {
    let home = tempfile::tempdir().unwrap();
    let out = learnpath(home.path(), &["mark", "coding-basics/loop", "done"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("unknown topic `coding-basics/loop`; did you mean `coding-basics/loops`"), "{err}");
    let out = learnpath(home.path(), &["mark", "coding-basics/loops", "finished"]);
    assert_eq!(out.status.code(), Some(2), "a bad status is a usage error");
}

#[test]
fn reset_asks_unless_told_yes_and_records_the_change() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    stdout(&learnpath(h, &["mark", "dsa/big-o", "done"]));
    stdout(&learnpath(h, &["mark", "dsa/recursion", "done"]));
    let out = learnpath(h, &["reset", "dsa"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Pass --yes"), "{}", stderr(&out));
    assert_eq!(
        stdout(&learnpath(h, &["reset", "dsa/big-o"])),
        "Reset topic dsa/big-o: 1 topic back to todo\n"
    );
    assert_eq!(stdout(&learnpath(h, &["reset", "dsa", "--yes"])), "Reset step dsa: 1 topic back to todo\n");
    let file = std::fs::read_to_string(h.join("data/progress.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(json["curricula"]["backend"]["topics"]["dsa/recursion"]["status"], "todo");
    assert!(learnpath(h, &["reset", "nope", "--yes"]).status.code() == Some(1));
}

#[test]
fn export_writes_markdown_and_json() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    stdout(&learnpath(h, &["mark", "coding-basics/loops", "done"]));
    stdout(&learnpath(h, &["mark", "coding-basics/lists", "skipped"]));
    let md = stdout(&learnpath(h, &["export"]));
    assert!(md.starts_with("<!-- learnpath export of backend;"), "{md}");
    assert!(md.contains("\n# Learn Backend Development\n\n1/61 topics done (1%).\n"), "{md}");
    assert!(md.contains("\n## 1. Learn basic coding skills `coding-basics`\n"), "{md}");
    assert!(md.contains("- [x] Loops `coding-basics/loops`\n"), "{md}");
    assert!(md.contains("- [ ] ~~Lists~~ `coding-basics/lists` *(skipped)*\n"), "{md}");
    assert!(md.contains("- [ ] [Golang cafe](https://golang.cafe/) — Golang Cafe\n"), "{md}");
    let out = h.join("export.json");
    stdout(&learnpath(h, &["export", "--format", "json", "--output", out.to_str().unwrap()]));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    let loops = &json["steps"][0]["topics"][2];
    assert_eq!(
        (loops["key"].as_str(), loops["status"].as_str()),
        (Some("coding-basics/loops"), Some("done"))
    );
    assert!(loops["at"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn new_writes_a_starter_that_validates_and_list_shows_it() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let dir = h.join("config/curricula");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mine.toml");
    stdout(&learnpath(h, &["new", file.to_str().unwrap()]));
    assert!(stdout(&learnpath(h, &["validate", file.to_str().unwrap()])).contains(": ok: 2 steps, 3 topics"));
    assert_eq!(learnpath(h, &["new", file.to_str().unwrap()]).status.code(), Some(1), "never overwrites");
    std::fs::write(dir.join("broken.toml"), "format = 1\n").unwrap();
    let list = stdout(&learnpath(h, &["list"]));
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines[0].starts_with("Learn Backend Development") && lines[0].ends_with("shipped"), "{list}");
    assert!(lines[1].contains("broken.toml: invalid:"), "{list}");
    assert!(lines[2].starts_with("My learning path") && lines[2].contains("0/3"), "{list}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&learnpath(h, &["list", "--json"]))).unwrap();
    assert_eq!(json[2]["id"], "my-path");
    assert_eq!(json[0]["total"], 61);
}

#[test]
fn paths_one_folder_down_are_listed_and_deeper_ones_are_not() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let curricula = h.join("config/curricula");
    std::fs::create_dir_all(curricula.join("shared/deeper")).unwrap();
    let starter = learnpath::cmd::new::STARTER;
    std::fs::write(curricula.join("shared/team.toml"), starter.replace("my-path", "team-path")).unwrap();
    std::fs::write(curricula.join("shared/deeper/hidden.toml"), starter.replace("my-path", "too-deep"))
        .unwrap();
    std::fs::write(curricula.join("shared/notes.txt"), "not a path").unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&learnpath(h, &["list", "--json"]))).unwrap();
    let ids: Vec<&str> = json.as_array().unwrap().iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids, ["backend", "team-path"], "{json}");
}

#[test]
fn a_bad_config_is_an_error_with_its_position() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    std::fs::create_dir_all(h.join("config")).unwrap();
    std::fs::write(h.join("config/config.toml"), "theme = \"dark\"\nmouse = true\ncolour = \"red\"\n")
        .unwrap();
    let out = learnpath(h, &["status"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "{}:3:1: unknown field `colour`",
            h.join("config").join("config.toml").display()
        )),
        "{err}"
    );
    std::fs::write(h.join("config/config.toml"), "theme = \"purple\"\n").unwrap();
    let err = stderr(&learnpath(h, &["status"]));
    assert!(err.contains("config.toml:1:9: unknown variant `purple`"), "{err}");
}

#[test]
fn the_config_can_name_a_default_curriculum() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    std::fs::create_dir_all(h.join("config")).unwrap();
    std::fs::write(h.join("config/mine.toml"), learnpath::cmd::new::STARTER).unwrap();
    std::fs::write(h.join("config/config.toml"), "curriculum = \"mine.toml\"\n").unwrap();
    assert!(stdout(&learnpath(h, &["status"])).starts_with("My learning path: 0/3"));
}

#[test]
fn completions_and_man_page() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&learnpath(home.path(), &["completions", shell]));
        assert!(script.contains("export") && script.contains("learnpath"), "{shell}");
    }
    let man = stdout(&learnpath(home.path(), &["man"]));
    assert!(man.contains(".TH learnpath 1") && man.contains("completions"));
}

#[test]
fn piped_output_has_no_escape_codes() {
    let home = tempfile::tempdir().unwrap();
    for args in [&["status"][..], &["next"], &["list"], &["export"], &["status", "--json"]] {
        let text = stdout(&learnpath(home.path(), args));
        assert!(!text.contains('\x1b'), "{args:?}");
    }
}

#[test]
fn help_lists_every_key_and_the_readme_every_command() {
    let home = tempfile::tempdir().unwrap();
    let help = stdout(&learnpath(home.path(), &["--help"]));
    for row in learnpath::app::keymap::rows() {
        assert!(help.contains(&format!("  {:<20} {}", row.keys(), row.help)), "--help lacks {}", row.keys());
    }
    let guide = include_str!("../docs/guide.md");
    let cli = guide.split("## Command line").nth(1).unwrap().split("\n## ").next().unwrap();
    use clap::CommandFactory;
    for sub in learnpath::cli::Cli::command().get_subcommands() {
        assert!(
            cli.contains(&format!("learnpath {}", sub.get_name())),
            "docs/guide.md lacks `learnpath {}`",
            sub.get_name()
        );
    }
}

#[test]
fn a_remembered_curriculum_that_broke_falls_back_to_the_shipped_path() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let file = h.join("mine.toml");
    std::fs::write(&file, learnpath::cmd::new::STARTER).unwrap();
    learnpath::resume::remember(&h.join("data"), &learnpath::config::Source::File(file.clone())).unwrap();
    assert!(stdout(&learnpath(h, &["status"])).starts_with("My learning path"));
    std::fs::write(&file, "format = 1\nid = \"Bad\"\n").unwrap();
    let out = learnpath(h, &["status"]);
    assert!(stdout(&out).starts_with("Learn Backend Development"));
    assert!(stderr(&out).contains("opening the shipped path"), "{}", stderr(&out));
    let explicit = learnpath(h, &["--curriculum", file.to_str().unwrap(), "status"]);
    assert_eq!(explicit.status.code(), Some(1), "an explicit file is never replaced");
}

#[test]
fn a_bad_curriculum_is_reported_with_its_position() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bad.toml");
    std::fs::write(&file, "format = 1\nid = \"x\"\ntitle = \"X\"\n[[steps]]\nid = \"Bad\"\ntitle = \"B\"\n")
        .unwrap();
    let out = common::learnpath(home.path(), &["--curriculum", file.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with(&format!("{}:5:6: bad step id", file.display())), "{err}");
}

#[test]
fn status_reports_ticks_for_topics_the_curriculum_no_longer_has() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("progress.json"),
        r#"{"format": 1, "curricula": {"backend": {"topics": {
            "coding-basics/loops": {"status": "done", "at": "2026-01-01T00:00:00Z"},
            "old-step/removed": {"status": "done", "at": "2026-01-01T00:00:00Z"}}}}}"#,
    )
    .unwrap();
    let status = common::status_json(home.path());
    assert_eq!(status["done"], 1);
    assert_eq!(status["orphans"], 1);
    let out = common::learnpath(home.path(), &["status"], &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("1 ticked topic in the progress file is not in this curriculum (kept in the file)"),
        "{text}"
    );
    let file = std::fs::read_to_string(data.join("progress.json")).unwrap();
    assert!(file.contains("old-step/removed"), "status never drops anything");
}

#[test]
fn a_bad_learnpath_now_is_the_same_clear_error_everywhere() {
    let home = tempfile::tempdir().unwrap();
    for args in [&["status"][..], &["mark", "coding-basics/loops", "done"], &["review"], &["stats"], &[]] {
        let out = common::learnpath(home.path(), args, &[("LEARNPATH_NOW", "yesterday")]);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.starts_with("learnpath: LEARNPATH_NOW is `yesterday`, not a time"), "{args:?}: {err}");
        assert!(err.contains("2026-03-01T12:00:00Z"), "it shows what to write: {err}");
    }
    assert!(!home.path().join("data/progress.json").exists(), "nothing was marked with a made-up time");
}

#[test]
fn an_empty_variable_is_unset_and_typed_escapes_are_shown_not_sent() {
    let home = tempfile::tempdir().unwrap();
    let out = common::learnpath(
        home.path(),
        &["status"],
        &[("LEARNPATH_DATA_DIR", ""), ("LEARNPATH_CONFIG_DIR", "")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = learnpath(home.path(), &["mark", "coding-basics/\u{1b}[2Jloops", "done"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("coding-basics/\u{241b}[2Jloops"), "{err}");
    let out = learnpath(home.path(), &["reset", "\u{1b}]0;x\u{7}", "--yes"]);
    assert!(!stderr(&out).contains('\u{1b}'), "{:?}", stderr(&out));
}

#[test]
fn a_config_that_is_not_utf8_says_so_without_calling_it_a_curriculum() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(home.path().join("config/config.toml"), b"theme = \"dar\xe9\"\n").unwrap();
    let out = learnpath(home.path(), &["status"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("config.toml") && err.contains("UTF-8"), "{err}");
    assert!(!err.contains("curriculum"), "{err}");
}

#[test]
fn reset_of_one_topic_needs_no_question_and_list_counts_done_topics() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    for key in ["coding-basics/loops", "coding-basics/lists", "dsa/big-o"] {
        stdout(&learnpath(h, &["mark", key, "done"]));
    }
    let list: serde_json::Value = serde_json::from_str(&stdout(&learnpath(h, &["list", "--json"]))).unwrap();
    assert_eq!(list[0]["done"], 3);
    // No --yes, no terminal: a single topic is reset at once.
    let out = stdout(&learnpath(h, &["reset", "coding-basics/loops"]));
    assert!(out.contains("Reset topic coding-basics/loops: 1 topic back to todo"), "{out}");
    let status = common::status_json(h);
    assert_eq!(status["done"], 2);
    assert_eq!(status["steps"][0]["done"], 1, "the rest of the step is kept");
}

#[test]
fn the_readme_is_a_front_door_and_no_document_counts_tests() {
    let readme = include_str!("../README.md");
    assert!(readme.lines().count() <= 220, "the README has grown past a front door");
    for doc in ["docs/guide.md", "docs/engineering.md", "content/README.md"] {
        assert!(readme.contains(&format!("]({doc})")), "the README links {doc}");
    }
    let docs = [readme, include_str!("../docs/guide.md"), include_str!("../docs/engineering.md")];
    for text in docs {
        for (i, word) in text.split_whitespace().collect::<Vec<_>>().windows(2).enumerate() {
            let counted = word[0].trim_start_matches('(').parse::<u32>().is_ok()
                && word[1].trim_end_matches([',', ';', ')', ':']) == "tests";
            assert!(
                !counted,
                "a test count goes stale with the next commit: `{} {}` (word {i})",
                word[0], word[1]
            );
        }
    }
}

#[test]
fn new_with_a_name_writes_where_the_picker_looks_and_says_the_real_path() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let out = learnpath(h, &["new", "rust"]);
    let said = stdout(&out);
    let file = h.join("config").join("curricula").join("rust.toml");
    assert!(file.is_file(), "{said}");
    assert!(said.contains(&file.display().to_string()) && said.contains("c lists it"), "{said}");
    assert!(!said.contains("<config dir>"), "{said}");
    assert!(stdout(&learnpath(h, &["list"])).contains("My learning path"), "list shows it");
    let again = learnpath(h, &["new", "rust.toml"]);
    assert_eq!(again.status.code(), Some(1), "never overwrites: {}", stderr(&again));
    // With a path it stays where it was asked for, and says how to open it.
    let here = h.join("elsewhere.toml");
    let said = stdout(&learnpath(h, &["new", here.to_str().unwrap()]));
    assert!(here.is_file() && said.contains("--curriculum") && said.contains("curricula/"), "{said}");
    // On Windows too the paths are the system's own, one kind of separator.
}

#[test]
fn help_and_usage_name_real_folders_and_no_option_the_environment_gives() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let err = stderr(&learnpath(h, &["new"]));
    let usage = err.lines().find(|l| l.starts_with("Usage:")).unwrap_or_default();
    assert!(usage.ends_with(" new <NAME|FILE>"), "{err}");
    assert!(!err.contains("--data-dir") && !err.contains("--config-dir"), "set by the environment: {err}");
    let curricula = h.join("config").join("curricula").display().to_string();
    let help = stdout(&learnpath(h, &["new", "--help"]));
    assert!(help.contains(&curricula), "{help}");
    let help = stdout(&learnpath(h, &["--help"]));
    assert!(help.contains(&curricula), "{help}");
    assert!(!help.contains("<config dir>"), "{help}");
}

#[test]
fn a_cycle_through_90000_topics_is_one_short_line() {
    let home = tempfile::tempdir().unwrap();
    let mut text =
        String::from("format = 1\nid = \"big\"\ntitle = \"Big\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n");
    let n = 90_000;
    for i in 0..n {
        text.push_str(&format!(
            "[[steps.topics]]\nid = \"t{i}\"\ntitle = \"T\"\nrequires = [\"t{}\"]\n",
            (i + 1) % n
        ));
    }
    let file = home.path().join("big.toml");
    std::fs::write(&file, text).unwrap();
    let out = learnpath(home.path(), &["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let line = err.lines().find(|l| l.contains("makes a cycle")).expect("the cycle is named");
    assert!(line.contains("(89,995 more)") && line.contains("s/t0 → s/t1"), "{line}");
    assert!(
        err.lines().all(|l| l.chars().count() <= learnpath::curriculum::MAX_ERROR_LINE),
        "a line too long"
    );
}

#[test]
fn mark_and_reset_take_a_topic_by_id_title_or_part_of_a_title() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // A topic id, as the learner saw it on the topic page.
    assert_eq!(stdout(&learnpath(h, &["mark", "functions", "done"])), "coding-basics/functions: done\n");
    // A title, whatever the case.
    assert_eq!(stdout(&learnpath(h, &["mark", "loops", "done"])), "coding-basics/loops: done\n");
    assert_eq!(stdout(&learnpath(h, &["mark", "What is HTTP?", "progress"])), "web-basics/http: progress\n");
    // A part of one title only.
    assert_eq!(
        stdout(&learnpath(h, &["mark", "comparison", "done"])),
        "coding-basics/comparison-operators: done\n"
    );
    assert_eq!(common::status_json(h)["done"], 3);
    // A part of several titles lists them with their ids, and changes nothing.
    let out = learnpath(h, &["mark", "SQL", "done"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("could be any of") && err.lines().filter(|l| l.contains('/')).count() >= 2, "{err}");
    assert_eq!(common::status_json(h)["done"], 3);
    // Reset takes names too; a step id still means the step.
    assert_eq!(
        stdout(&learnpath(h, &["reset", "Loops"])),
        "Reset topic coding-basics/loops: 1 topic back to todo\n"
    );
    assert!(
        stdout(&learnpath(h, &["reset", "coding-basics", "--yes"])).starts_with("Reset step coding-basics")
    );
    assert_eq!(common::status_json(h)["done"], 0);
}
