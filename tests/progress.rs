//! The progress store: round trip, unknown keys, atomic save, damaged and
//! newer files.

mod common;

use common::at;
use std::fs;

use learnpath::progress::{Notice, Progress, Status};

#[test]
fn a_missing_file_is_empty_progress() {
    let dir = tempfile::tempdir().unwrap();
    let p = Progress::open(dir.path()).unwrap();
    assert_eq!(p.status("backend", "a/b"), Status::Todo);
    assert!(p.notice.is_none());
    assert!(!dir.path().join("progress.json").exists(), "opening alone writes nothing");
}

#[test]
fn round_trip_keeps_status_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    p.set("backend", "coding-basics/loops", Status::Done, at("2026-01-02T03:04:05Z"));
    p.set("backend", "coding-basics/lists", Status::Done, at("2026-01-02T03:05:00Z"));
    p.set("backend", "coding-basics/lists", Status::Todo, at("2026-01-03T00:00:00Z"));
    p.save().unwrap();
    let q = Progress::open(dir.path()).unwrap();
    assert_eq!(q.status("backend", "coding-basics/loops"), Status::Done);
    assert_eq!(q.status("backend", "coding-basics/lists"), Status::Todo);
    assert_eq!(q.entry("backend", "coding-basics/loops").unwrap().at, at("2026-01-02T03:04:05Z"));
    assert_eq!(q.entry("backend", "coding-basics/lists").unwrap().at, at("2026-01-03T00:00:00Z"));
    assert_eq!(q.status("other", "coding-basics/loops"), Status::Todo);
}

#[test]
fn the_file_layout_is_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    p.set("backend", "coding-basics/loops", Status::Done, at("2026-01-02T03:04:05Z"));
    p.save().unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("progress.json")).unwrap()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "format": 1,
            "curricula": { "backend": { "topics": {
                "coding-basics/loops": { "status": "done", "at": "2026-01-02T03:04:05Z" }
            } } }
        })
    );
}

#[test]
fn unknown_keys_survive_a_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    fs::write(
        &path,
        r#"{"format":1,"theme":"x","curricula":{"backend":{"notes":{"a":1},"topics":{
            "s/t":{"status":"done","at":"2026-01-01T00:00:00Z","via":"phone"}}}}}"#,
    )
    .unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    p.set("backend", "s/u", Status::Done, at("2026-01-02T00:00:00Z"));
    p.set("backend", "s/t", Status::Todo, at("2026-01-02T00:00:00Z"));
    p.save().unwrap();
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(json["theme"], "x");
    assert_eq!(json["curricula"]["backend"]["notes"]["a"], 1);
    assert_eq!(json["curricula"]["backend"]["topics"]["s/t"]["via"], "phone");
    assert_eq!(json["curricula"]["backend"]["topics"]["s/t"]["status"], "todo");
}

#[test]
fn save_replaces_the_file_atomically_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested").join("data");
    let mut p = Progress::open(&data).unwrap();
    for i in 0..20 {
        p.set("c", &format!("s/t{i}"), Status::Done, at("2026-01-01T00:00:00Z"));
        p.save().unwrap();
        // Every intermediate file is complete, valid JSON.
        let text = fs::read_to_string(data.join("progress.json")).unwrap();
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }
    let mut names: Vec<_> = fs::read_dir(&data).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names, ["progress.json", "progress.json.lock"], "no temp files left behind");
}

#[test]
fn a_damaged_file_is_kept_aside_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let damaged = b"{\"format\":1,\"curricula\":{\"backend\":{\"topics\":{\"s/t\":{\"sta";
    fs::write(&path, damaged).unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    let notice = p.notice.clone().expect("the learner is told").to_string();
    assert!(notice.contains("damaged"), "{notice}");
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("progress.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
    assert_eq!(fs::read(&aside[0]).unwrap(), damaged);
    p.set("backend", "s/t", Status::Done, at("2026-01-01T00:00:00Z"));
    p.save().unwrap();
    assert_eq!(fs::read(&aside[0]).unwrap(), damaged, "the kept copy is never overwritten");
}

#[test]
fn a_newer_format_is_read_only_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let newer = br#"{"format": 2, "curricula": {"backend": {"topics": {}}}, "future": true}"#;
    fs::write(&path, newer).unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    assert!(p.is_read_only());
    assert!(matches!(p.notice, Some(Notice::Newer { format: 2, .. })), "{:?}", p.notice);
    p.set("backend", "s/t", Status::Done, at("2026-01-01T00:00:00Z"));
    assert!(p.save().is_err());
    assert_eq!(fs::read(&path).unwrap(), newer);
}

#[test]
fn an_unwritable_data_dir_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    fs::write(&file, "x").unwrap();
    let mut p = Progress::open(&file.join("data")).unwrap();
    p.set("c", "s/t", Status::Done, at("2026-01-01T00:00:00Z"));
    let err = format!("{:#}", p.save().unwrap_err());
    assert!(err.contains("cannot create data dir"), "{err}");
}

#[test]
fn two_writers_keep_each_others_ticks() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Progress::open(dir.path()).unwrap();
    let mut b = Progress::open(dir.path()).unwrap();
    a.set("c", "s/one", Status::Done, at("2026-01-01T00:00:01Z"));
    a.save().unwrap();
    b.set("c", "s/two", Status::Done, at("2026-01-01T00:00:02Z"));
    b.save().unwrap();
    assert_eq!(b.status("c", "s/one"), Status::Done, "b merged a's tick on save");
    let disk = Progress::open(dir.path()).unwrap();
    assert_eq!(disk.status("c", "s/one"), Status::Done);
    assert_eq!(disk.status("c", "s/two"), Status::Done);
}

#[test]
fn the_newest_change_wins_and_an_untick_is_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Progress::open(dir.path()).unwrap();
    let mut b = Progress::open(dir.path()).unwrap();
    a.set("c", "s/t", Status::Done, at("2026-01-01T00:00:00Z"));
    a.save().unwrap();
    b.set("c", "s/t", Status::Todo, at("2026-01-02T00:00:00Z"));
    b.save().unwrap();
    // A writer that read the file before the next change, and whose clock
    // is behind.
    let mut late = Progress::open(dir.path()).unwrap();
    a.set("c", "s/other", Status::Done, at("2026-01-03T00:00:00Z"));
    a.save().unwrap();
    assert_eq!(a.status("c", "s/t"), Status::Todo, "b's later untick beat a's older tick");
    // Its older change, saved late, does not undo the newer one.
    late.set("c", "s/other", Status::Todo, at("2025-12-31T00:00:00Z"));
    late.save().unwrap();
    assert_eq!(Progress::open(dir.path()).unwrap().status("c", "s/other"), Status::Done);
}

#[test]
fn reload_picks_up_another_writer_and_skips_an_unchanged_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Progress::open(dir.path()).unwrap();
    a.set("c", "s/a", Status::Done, at("2026-01-01T00:00:00Z"));
    a.save().unwrap();
    assert!(!a.reload().unwrap(), "its own save is not news");
    let mut b = Progress::open(dir.path()).unwrap();
    b.set("c", "s/b", Status::Done, at("2026-01-01T00:00:01Z"));
    b.save().unwrap();
    assert!(a.reload().unwrap());
    assert_eq!(a.status("c", "s/b"), Status::Done);
    assert!(!a.reload().unwrap());
}

#[test]
fn temp_files_left_by_a_crash_are_cleaned_up_on_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".progress.json.Ab12Cd"), "{\"format\":1,\"cur").unwrap();
    fs::write(dir.path().join(".progress.json.notes"), "unrelated").unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    p.set("c", "s/t", Status::Done, at("2026-01-01T00:00:00Z"));
    p.save().unwrap();
    assert!(!dir.path().join(".progress.json.Ab12Cd").exists());
    assert!(dir.path().join(".progress.json.notes").exists(), "only our temp files are removed");
}

#[test]
fn a_file_damaged_while_running_is_kept_aside_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    p.set("c", "s/t", Status::Done, at("2026-01-01T00:00:00Z"));
    p.save().unwrap();
    fs::write(dir.path().join("progress.json"), b"garbage").unwrap();
    p.set("c", "s/u", Status::Done, at("2026-01-01T00:00:01Z"));
    p.save().unwrap();
    assert!(p.notice.as_ref().unwrap().to_string().contains("kept as"));
    let kept: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(fs::read(&kept[0]).unwrap(), b"garbage");
    let disk = Progress::open(dir.path()).unwrap();
    assert_eq!(disk.status("c", "s/t"), Status::Done, "memory still had the earlier tick");
    assert_eq!(disk.status("c", "s/u"), Status::Done);
}

#[test]
fn aliases_carry_progress_and_orphans_are_counted_but_kept() {
    use learnpath::curriculum::Curriculum;
    let dir = tempfile::tempdir().unwrap();
    let mut old = Progress::open(dir.path()).unwrap();
    old.set("c", "basics/loops", Status::Done, at("2026-01-01T00:00:00Z"));
    old.set("c", "basics/gone", Status::Done, at("2026-01-01T00:00:00Z"));
    old.set("c", "basics/unticked", Status::Todo, at("2026-01-01T00:00:00Z"));
    old.save().unwrap();
    let text = r#"format = 1
id = "c"
title = "C"
[[steps]]
id = "fundamentals"
aliases = ["basics"]
title = "Fundamentals"
[[steps.topics]]
id = "iteration"
aliases = ["loops"]
title = "Iteration"
"#;
    let c = Curriculum::parse(text, "c.toml").unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    assert_eq!(p.carry_aliases(&c), 1);
    assert_eq!(p.status("c", "fundamentals/iteration"), Status::Done);
    assert_eq!(p.entry("c", "fundamentals/iteration").unwrap().at, at("2026-01-01T00:00:00Z"));
    assert_eq!(p.orphans(&c), 1, "basics/gone is ticked and unknown; the alias and the untick don't count");
    p.save().unwrap();
    let disk = Progress::open(dir.path()).unwrap();
    assert_eq!(disk.status("c", "basics/gone"), Status::Done, "orphans are kept in the file");
    assert_eq!(disk.status("c", "fundamentals/iteration"), Status::Done);
    assert_eq!(p.carry_aliases(&c), 0, "carrying twice changes nothing");
}

#[test]
fn a_change_is_always_newer_than_the_one_it_replaces() {
    let mut p = Progress::in_memory();
    p.set("c", "s/t", Status::Done, at("2026-01-05T00:00:00Z"));
    // The clock went back (or the entry came from a machine ahead of ours).
    p.set("c", "s/t", Status::Todo, at("2026-01-01T00:00:00Z"));
    let entry = p.entry("c", "s/t").unwrap();
    assert_eq!(entry.status, Status::Todo);
    assert!(entry.at > at("2026-01-05T00:00:00Z"), "{}", entry.at);
}
