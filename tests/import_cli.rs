//! `learnpath import` run as a learner runs it: the path lands where `c`
//! finds it, ticked boxes are done but neither due for review nor counted
//! as a week's work, and importing an edited file again keeps progress.

mod common;

use std::path::{Path, PathBuf};

use common::learnpath;
use serde_json::Value;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name))
        .unwrap()
}

/// Runs learnpath in `home` at a fixed time; it must succeed.
fn ok(home: &Path, args: &[&str], now: &str) -> String {
    let out = learnpath(home, args, &[("LEARNPATH_NOW", now)]);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn refused(home: &Path, args: &[&str]) -> String {
    let out = learnpath(home, args, &[]);
    assert_eq!(out.status.code(), Some(1), "{args:?} was not refused");
    String::from_utf8(out.stderr).unwrap()
}

fn progress(home: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(home.join("data/progress.json")).unwrap()).unwrap()
}

fn status_of(home: &Path, key: &str) -> Option<String> {
    progress(home)["curricula"]["my-interview-study-plan"]["topics"][key]["status"]
        .as_str()
        .map(str::to_string)
}

fn plan(home: &Path) -> PathBuf {
    home.join("config/curricula/my-interview-study-plan.toml")
}

const DAY_ONE: &str = "2026-03-01T10:00:00Z";

fn imported_plan() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let md = home.path().join("plan.md");
    std::fs::write(&md, fixture("task-list.md")).unwrap();
    let out = ok(home.path(), &["import", md.to_str().unwrap()], DAY_ONE);
    assert!(out.contains("8 topics in 3 steps, 3 links, 3 done."), "{out}");
    (home, md)
}

#[test]
fn an_import_is_listed_and_its_ticks_are_done_but_not_due_or_counted_as_work() {
    let (home, _) = imported_plan();
    let home = home.path();
    let list = ok(home, &["list"], DAY_ONE);
    assert!(list.contains("My Interview Study Plan") && list.contains("3/8"), "{list}");
    let entry = &progress(home)["curricula"]["my-interview-study-plan"]["topics"]["arrays/dynamic-arrays"];
    assert_eq!(entry["imported"], true);
    let file = plan(home);
    let path = file.to_str().unwrap();
    // A month on, nothing imported is due: 3 boxes are not 3 reviews.
    let review: Value =
        serde_json::from_str(&ok(home, &["--curriculum", path, "review", "--json"], "2026-04-01T10:00:00Z"))
            .unwrap();
    assert_eq!(review.as_array().map(Vec::len), Some(0), "{review}");
    let stats: Value =
        serde_json::from_str(&ok(home, &["--curriculum", path, "stats", "--json"], DAY_ONE)).unwrap();
    assert_eq!(stats["done"], 3, "{stats}");
    assert!(stats["per_week"].as_array().unwrap().iter().all(|n| n == 0), "no week's work: {stats}");
    assert_eq!(stats["longest_streak"], 0, "{stats}");
    // A topic the learner ticks here is a memory like any other.
    ok(home, &["--curriculum", path, "mark", "sorting/merge-sort", "done"], DAY_ONE);
    let review: Value =
        serde_json::from_str(&ok(home, &["--curriculum", path, "review", "--json"], "2026-04-01T10:00:00Z"))
            .unwrap();
    assert_eq!(review.as_array().map(Vec::len), Some(1), "{review}");
}

#[test]
fn importing_an_edited_file_again_keeps_every_kept_renamed_and_moved_topics_progress() {
    let (home, md) = imported_plan();
    let home = home.path();
    let path = plan(home);
    let path = path.to_str().unwrap();
    // The learner works: unticks an imported box, ticks two topics here.
    ok(home, &["--curriculum", path, "mark", "arrays/dynamic-arrays", "todo"], DAY_ONE);
    ok(home, &["--curriculum", path, "mark", "linked-lists/doubly-linked-lists", "done"], DAY_ONE);
    ok(home, &["--curriculum", path, "mark", "sorting/merge-sort", "progress"], DAY_ONE);
    ok(
        home,
        &["--curriculum", path, "mark", "linked-lists/why-linked-lists-are-slow-in-practice", "done"],
        DAY_ONE,
    );
    // The Markdown changes: a topic moved to another heading, one renamed
    // (same link), one removed, one added.
    std::fs::write(&md, fixture("task-list-edited.md")).unwrap();
    let out = ok(home, &["import", md.to_str().unwrap()], "2026-03-02T10:00:00Z");
    assert!(out.contains("Since the last import: 1 added, 1 removed, 2 renamed or moved."), "{out}");
    assert!(out.contains("linked-lists/doubly-linked-lists → arrays/doubly-linked-lists"), "{out}");
    assert!(out.contains("sorting/heap-sort → sorting/heapsort-in-place"), "{out}");
    let status: Value =
        serde_json::from_str(&ok(home, &["--curriculum", path, "export", "--format", "json"], DAY_ONE))
            .unwrap();
    let topics: Vec<(String, String)> = status["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["topics"].as_array().unwrap().iter())
        .map(|t| (t["key"].as_str().unwrap().to_string(), t["status"].as_str().unwrap().to_string()))
        .collect();
    let of = |key: &str| topics.iter().find(|(k, _)| k == key).map(|(_, s)| s.as_str());
    assert_eq!(of("arrays/dynamic-arrays"), Some("todo"), "an untick is never overridden by a re-import");
    assert_eq!(of("arrays/doubly-linked-lists"), Some("done"), "moved: its progress followed it");
    assert_eq!(of("sorting/heapsort-in-place"), Some("done"), "renamed: its progress followed it");
    assert_eq!(of("sorting/merge-sort"), Some("progress"), "kept");
    assert_eq!(of("linked-lists/singly-linked-lists"), Some("done"), "kept");
    assert_eq!(of("linked-lists/skip-lists"), Some("todo"), "added");
    // The removed topic's progress stays in the file, unused.
    assert_eq!(
        status_of(home, "linked-lists/why-linked-lists-are-slow-in-practice").as_deref(),
        Some("done")
    );
    assert_eq!(of("linked-lists/why-linked-lists-are-slow-in-practice"), None);
    assert!(
        std::fs::read_to_string(plan(home))
            .unwrap()
            .contains("aliases = [\"linked-lists/doubly-linked-lists\"]")
    );
}

#[test]
fn an_import_never_takes_over_a_path_it_did_not_make() {
    let (home, md) = imported_plan();
    let home = home.path();
    let other = home.join("other.md");
    std::fs::write(&other, fixture("nested-lists.md")).unwrap();
    let other = other.to_str().unwrap();
    let e = refused(home, &["import", other, "--id", "backend"]);
    assert!(e.contains("`backend` is the id of the path learnpath ships"), "{e}");
    let e = refused(home, &["import", other, "--id", "my-interview-study-plan"]);
    assert!(e.contains("already exists and was not imported from"), "{e}");
    let e = refused(home, &["import", other, "--update"]);
    assert!(e.contains("import it without --update first"), "{e}");
    // Another file holding the id elsewhere in curricula/.
    let plan_text = std::fs::read_to_string(plan(home)).unwrap();
    std::fs::create_dir_all(home.join("config/curricula/mine")).unwrap();
    std::fs::write(
        home.join("config/curricula/mine/kept.toml"),
        plan_text.replace("id = \"my-interview-study-plan\"", "id = \"taken\""),
    )
    .unwrap();
    let e = refused(home, &["import", other, "--id", "taken"]);
    assert!(e.contains("kept.toml already has the id `taken`"), "{e}");
    // The same file again is an update, not a refusal.
    let out = ok(home, &["import", md.to_str().unwrap()], DAY_ONE);
    assert!(out.starts_with("Updated"), "{out}");
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let md = home.path().join("bad.md");
    std::fs::write(&md, b"# T\n\n- caf\xe9\n").unwrap();
    let e = refused(home.path(), &["import", md.to_str().unwrap()]);
    assert!(e.contains("not UTF-8 text") && e.contains("save it as UTF-8"), "{e}");
    assert!(!home.path().join("config/curricula").exists());
}

#[test]
fn a_file_with_nothing_to_make_topics_from_says_what_a_path_needs() {
    let home = tempfile::tempdir().unwrap();
    let md = home.path().join("notes.md");
    std::fs::write(&md, "# Notes\n\nOnly words here.\n").unwrap();
    let e = refused(home.path(), &["import", md.to_str().unwrap()]);
    assert!(e.contains("notes.md:1:1: no list items or table rows"), "{e}");
    assert!(!e.contains("bug"), "{e}");
}
