//! The progress store at its edges: what it reads, what it refuses, what
//! it cleans, and what it counts. Each test names a behaviour a learner
//! relies on.

mod common;

use common::at;
use std::fs;

use jiff::Timestamp;
use learnpath::curriculum::Curriculum;
use learnpath::progress::{Notice, Progress, Status};

const LOOPS: &str = "coding-basics/loops";

#[test]
fn a_progress_file_that_cannot_be_read_is_an_error_not_empty_progress() {
    // A directory where the file should be: reading fails, and taking it
    // for "no file yet" would let a save replace progress it never read.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("progress.json")).unwrap();
    let err = Progress::open(dir.path()).unwrap_err();
    assert!(format!("{err:#}").contains("cannot read progress file"), "{err:#}");
    assert!(Progress::open_to_read(dir.path()).is_err());
}

#[test]
fn a_newer_format_is_read_only_and_a_wrong_shape_is_salvaged_not_taken_for_newer() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.json");
    fs::write(&file, r#"{"format": 2, "curricula": {}}"#).unwrap();
    let p = Progress::open(dir.path()).unwrap();
    assert!(p.is_read_only(), "format 2 is newer");
    // Format 1 with a curriculum that is not an object: read, not "newer".
    fs::write(&file, r#"{"format": 1, "curricula": {"backend": 7, "other": {"topics": {}}}}"#).unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    assert!(!p.is_read_only());
    assert_eq!(p.unread(), 1);
    p.set("other", "a/b", Status::Done, at("2026-01-01T00:00:00Z"));
    p.save().unwrap();
    let saved: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["curricula"]["backend"], 7, "kept as it was");
    // JSON that is not an object at all is damaged: kept aside.
    fs::write(&file, "[1, 2, 3]").unwrap();
    let p = Progress::open(dir.path()).unwrap();
    assert!(matches!(p.notice, Some(Notice::DamagedKeptAside { .. })), "{:?}", p.notice);
    assert!(!file.exists());
}

#[test]
fn a_damaged_file_never_takes_the_name_of_an_earlier_copy() {
    let dir = tempfile::tempdir().unwrap();
    let now = Timestamp::now().as_second();
    // Copies kept aside earlier in this second and the next (the clock may
    // tick over): a third must find a name of its own.
    for second in [now, now + 1] {
        fs::write(dir.path().join(format!("progress.json.corrupt-{second}")), format!("earlier {second}"))
            .unwrap();
    }
    fs::write(dir.path().join("progress.json"), "not json").unwrap();
    let _p = Progress::open(dir.path()).unwrap();
    let copies: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("progress.json.corrupt-"))
        .collect();
    assert_eq!(copies.len(), 3, "{copies:?}");
    let newest: Vec<_> =
        copies.iter().filter(|n| fs::read_to_string(dir.path().join(n)).unwrap() == "not json").collect();
    assert_eq!(newest.len(), 1, "the damaged file is kept under a name of its own: {copies:?}");
    for second in [now, now + 1] {
        let earlier = fs::read_to_string(dir.path().join(format!("progress.json.corrupt-{second}"))).unwrap();
        assert_eq!(earlier, format!("earlier {second}"), "an earlier copy was overwritten");
    }
}

#[test]
fn opening_the_store_removes_temp_files_a_crash_left() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".progress.json.Ab12Cd"), "half a save").unwrap();
    fs::write(dir.path().join(".progress.json.keepme-too-long"), "not ours").unwrap();
    let _p = Progress::open(dir.path()).unwrap();
    assert!(!dir.path().join(".progress.json.Ab12Cd").exists(), "opening cleans, without a save");
    assert!(dir.path().join(".progress.json.keepme-too-long").exists(), "only our own temp names");
    // A command that only reads cleans nothing.
    fs::write(dir.path().join(".progress.json.Xy34Zw"), "half a save").unwrap();
    let _p = Progress::open_to_read(dir.path()).unwrap();
    assert!(dir.path().join(".progress.json.Xy34Zw").exists());
}

#[test]
fn a_build_never_writes_a_format_it_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    p.set("backend", LOOPS, Status::Done, at("2026-01-01T00:00:00Z"));
    p.data_mut().format = 2;
    let err = p.save().unwrap_err();
    assert!(format!("{err:#}").contains("refusing to write format 2"), "{err:#}");
    assert!(!dir.path().join("progress.json").exists());
}

#[test]
fn reloading_a_newer_format_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("progress.json"), r#"{"format": 9, "curricula": {}}"#).unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    fs::write(
        dir.path().join("progress.json"),
        r#"{"format": 9, "curricula": {"backend": {"topics": {"coding-basics/loops": {"status": "done", "at": "2026-01-01T00:00:00Z"}}}}}"#,
    )
    .unwrap();
    assert!(!p.reload().unwrap());
    assert_eq!(p.status("backend", LOOPS), Status::Todo);
}

#[test]
fn a_resource_marked_read_in_the_file_shows_as_read_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let c = Curriculum::shipped();
    let step = &c.steps()[0];
    let mut p = Progress::open(dir.path()).unwrap();
    p.set_read("backend", &step.resource_key(&step.resources[1]), true, at("2026-01-01T00:00:00Z"));
    p.save().unwrap();
    let app = learnpath::app::App::new(c, Progress::open(dir.path()).unwrap());
    assert!(app.is_read(0, &app.path().curriculum.steps()[0].resources[1]));
    assert!(!app.is_read(0, &app.path().curriculum.steps()[0].resources[0]));
    assert_eq!(app.read_shown(), 1);
}

#[test]
fn resetting_one_topic_leaves_the_rest_of_its_step() {
    let c = Curriculum::shipped();
    let mut p = Progress::in_memory();
    let t0 = at("2026-01-01T00:00:00Z");
    for key in [LOOPS, "coding-basics/lists", "coding-basics/functions"] {
        p.set("backend", key, Status::Done, t0);
    }
    let step = &c.steps()[0];
    p.set_read("backend", &step.resource_key(&step.resources[0]), true, t0);
    let (s, t) = c.locate(LOOPS).unwrap();
    assert_eq!(p.reset(&c, &[s], Some(t), at("2026-01-02T00:00:00Z")), 1);
    assert_eq!(p.status("backend", LOOPS), Status::Todo);
    assert_eq!(p.status("backend", "coding-basics/lists"), Status::Done);
    assert!(p.is_read("backend", &step.resource_key(&step.resources[0])), "a topic's reset keeps read marks");
    assert_eq!(p.done_count(&c), 2);
}

#[test]
fn done_counts_and_orphans_count_only_done_ticks() {
    let c = Curriculum::shipped();
    let mut p = Progress::in_memory();
    let t0 = at("2026-01-01T00:00:00Z");
    p.set("backend", LOOPS, Status::Done, t0);
    p.set("backend", "coding-basics/lists", Status::Done, t0);
    p.set("backend", "coding-basics/functions", Status::Skipped, t0);
    for key in ["gone/one", "gone/two", "gone/three"] {
        p.set("backend", key, Status::Done, t0);
    }
    p.set("backend", "gone/todo", Status::Todo, t0);
    p.set("backend", "gone/doing", Status::InProgress, t0);
    assert_eq!(p.done_count(&c), 2);
    assert_eq!(p.orphans(&c), 3, "only done ticks of missing topics count");
}

#[test]
fn the_count_of_entries_not_understood_is_the_number_kept_aside_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.json");
    fs::write(&file, r#"{"format": 1, "curricula": {"backend": {"topics": {"a/b": {"status": "done", "at": "2026-01-01T00:00:00Z"}}}}}"#).unwrap();
    assert_eq!(Progress::open_to_read(dir.path()).unwrap().unread(), 0);
    fs::write(
        &file,
        r#"{"format": 1, "curricula": {"backend": {"topics": {"a/b": {"status": "wat"}, "a/c": {"at": 5}}, "reviews": {"a/b": {"stage": "x"}}}}}"#,
    )
    .unwrap();
    assert_eq!(Progress::open_to_read(dir.path()).unwrap().unread(), 3);
}

#[test]
fn changes_to_a_newer_file_do_not_raise_its_warning_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.json");
    fs::write(&file, r#"{"format": 9, "curricula": {}}"#).unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    assert!(p.notice.take().is_some(), "said once, on opening");
    fs::write(&file, r#"{"format": 9, "curricula": {}, "more": true}"#).unwrap();
    assert!(!p.reload().unwrap());
    assert!(p.notice.is_none(), "not again on every change another version makes");
}

#[test]
fn a_link_with_a_space_or_a_tab_does_not_validate() {
    for url in ["https://example.com/a b", "https://exa\tmple.com/", "https://example.com/\n"] {
        let err = learnpath::curriculum::http_url(url).unwrap_err();
        assert!(err.contains("spaces, control"), "{url:?}: {err}");
    }
}

#[test]
fn of_several_old_keys_for_one_topic_the_newest_change_is_carried() {
    // Renamed twice: progress under both old ids, in either order of age.
    let text = "format = 1\nid = \"c\"\ntitle = \"C\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n\
                [[steps.topics]]\nid = \"t\"\ntitle = \"T\"\naliases = [\"a-old\", \"b-old\"]\n\
                [[steps.topics]]\nid = \"u\"\ntitle = \"U\"\naliases = [\"c-old\", \"d-old\"]\n";
    let c = Curriculum::parse(text, "c.toml").unwrap();
    let mut p = Progress::in_memory();
    p.set("c", "s/a-old", Status::Done, at("2026-01-01T00:00:00Z"));
    p.set("c", "s/b-old", Status::Skipped, at("2026-02-01T00:00:00Z"));
    p.set("c", "s/c-old", Status::Skipped, at("2026-02-01T00:00:00Z"));
    p.set("c", "s/d-old", Status::Done, at("2026-01-01T00:00:00Z"));
    assert_eq!(p.carry_aliases(&c), 2);
    assert_eq!(p.status("c", "s/t"), Status::Skipped, "the later of two old keys");
    assert_eq!(p.status("c", "s/u"), Status::Skipped, "whichever key sorts first");
}

#[test]
fn on_a_clash_of_unknown_keys_the_greater_json_text_wins_either_way() {
    // Two versions wrote the same unknown key with different values, at the
    // file and at the curriculum level: the documented rule keeps the
    // greater JSON text, whichever side merges into which.
    let file = |v: &str| -> learnpath::progress::ProgressFile {
        serde_json::from_str(&format!(
            r#"{{"format": 1, "x": {v}, "curricula": {{"c": {{"topics": {{}}, "y": {v}}}}}}}"#
        ))
        .unwrap()
    };
    let (small, big) = (file(r#""a""#), file(r#""b""#));
    for m in [learnpath::progress::merged(&small, &big), learnpath::progress::merged(&big, &small)] {
        assert_eq!(m.extra["x"], "b");
        assert_eq!(m.curricula["c"].extra["y"], "b");
    }
}

#[test]
fn an_entry_not_understood_gives_way_to_a_new_change_at_its_place() {
    // Bad entries in every section, and a whole curriculum that is not an
    // object; a new change at each place replaces what was kept aside.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("progress.json");
    fs::write(
        &file,
        r#"{"format": 1, "curricula": {
            "backend": {"topics": {"a/t": {"status": "wat"}}, "resources": {"a/https://x.y/": {"status": "wat"}},
                        "reviews": {"a/t": {"stage": "x"}}},
            "other": 5}}"#,
    )
    .unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    assert_eq!(p.unread(), 4);
    let now = at("2026-02-01T00:00:00Z");
    p.set("backend", "a/t", Status::Done, now);
    p.save().unwrap();
    assert_eq!(p.unread(), 3, "the topic's new status replaces its bad entry");
    p.set_read("backend", "a/https://x.y/", true, now);
    p.save().unwrap();
    assert_eq!(p.unread(), 2, "so does a resource's read mark");
    p.set_review("backend", "a/t", learnpath::progress::ReviewEntry::staged(1, now));
    p.save().unwrap();
    assert_eq!(p.unread(), 1, "and a review");
    p.set("other", "s/t", Status::Done, now);
    p.save().unwrap();
    assert_eq!(p.unread(), 0, "and a curriculum that was not an object");
    let saved: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["curricula"]["other"]["topics"]["s/t"]["status"], "done");
    assert_eq!(saved["curricula"]["backend"]["resources"]["a/https://x.y/"]["status"], "done");
    assert_eq!(saved["curricula"]["backend"]["reviews"]["a/t"]["stage"], 1);
}

#[test]
fn read_marks_are_read_from_a_file_that_has_an_entry_not_understood() {
    // One bad topic sends the file through salvage; its resources are
    // still read as resources.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("progress.json"),
        r#"{"format": 1, "curricula": {"backend": {"topics": {"a/t": {"status": "wat"}},
            "resources": {"a/https://x.y/": {"status": "done", "at": "2026-01-01T00:00:00Z"}}}}}"#,
    )
    .unwrap();
    let p = Progress::open_to_read(dir.path()).unwrap();
    assert_eq!(p.unread(), 1);
    assert!(p.is_read("backend", "a/https://x.y/"));
}

#[test]
fn copies_of_damaged_files_are_numbered_from_one_up() {
    let dir = tempfile::tempdir().unwrap();
    let now = Timestamp::now().as_second();
    // This second and the next already have a copy and a copy numbered 1.
    for second in [now, now + 1] {
        for name in [format!("corrupt-{second}"), format!("corrupt-{second}-1")] {
            fs::write(dir.path().join(format!("progress.json.{name}")), "earlier").unwrap();
        }
    }
    fs::write(dir.path().join("progress.json"), "not json").unwrap();
    let _p = Progress::open(dir.path()).unwrap();
    let newest: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| fs::read_to_string(dir.path().join(n)).is_ok_and(|t| t == "not json"))
        .collect();
    assert!(
        [now, now + 1].iter().any(|s| newest == [format!("progress.json.corrupt-{s}-2")]),
        "the next free number is 2: {newest:?}"
    );
}

#[test]
fn a_short_wait_for_a_held_lock_says_busy_so_the_caller_can_retry() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    p.set("backend", "a/t", Status::Done, at("2026-01-01T00:00:00Z"));
    let lock = fs::File::create(dir.path().join("progress.json.lock")).unwrap();
    lock.lock().unwrap();
    // Busy, not the "saving for over 10 s" error that a full wait ends in.
    assert_eq!(p.save_within(std::time::Duration::from_millis(120)).unwrap(), None);
    drop(lock);
    assert_eq!(p.save_within(std::time::Duration::from_millis(120)).unwrap(), Some(false));
    assert_eq!(Progress::open(dir.path()).unwrap().status("backend", "a/t"), Status::Done);
}

/// Holds `dir`'s progress lock from another thread for `held`.
fn held_for(dir: &std::path::Path, held: std::time::Duration) -> std::thread::JoinHandle<()> {
    let lock = fs::File::create(dir.join("progress.json.lock")).unwrap();
    lock.lock().unwrap();
    std::thread::spawn(move || {
        std::thread::sleep(held);
        drop(lock);
    })
}

#[test]
fn a_save_that_waits_says_so_once_and_only_after_half_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    let told = std::cell::Cell::new(0);
    // A lock held briefly: the save waits in silence.
    let brief = held_for(dir.path(), std::time::Duration::from_millis(150));
    p.set("backend", "a/t", Status::Done, at("2026-01-01T00:00:00Z"));
    p.save_waiting(&|| told.set(told.get() + 1)).unwrap();
    brief.join().unwrap();
    assert_eq!(told.get(), 0, "under half a second: nothing to say");
    // Held for over a second: one word, not one per retry.
    let long = held_for(dir.path(), std::time::Duration::from_millis(1300));
    p.set("backend", "a/u", Status::Done, at("2026-01-01T00:00:00Z"));
    p.save_waiting(&|| told.set(told.get() + 1)).unwrap();
    long.join().unwrap();
    assert_eq!(told.get(), 1);
    assert_eq!(Progress::open(dir.path()).unwrap().status("backend", "a/u"), Status::Done);
}

#[test]
fn busy_says_what_it_means() {
    let text = learnpath::progress::Busy.to_string();
    assert!(text.contains("another learnpath") && text.contains("saving"), "{text}");
}

#[test]
fn two_reviews_at_the_same_instant_merge_the_same_way_round() {
    // Same time, interval and extra keys; only the FSRS state and log
    // differ: the merge must still pick one, whichever side it starts from.
    let review = |stability: f32, grade: u8| {
        let mut r = learnpath::progress::ReviewEntry::staged(1, at("2026-01-02T00:00:00Z"));
        r.stability = Some(stability);
        r.difficulty = Some(5.0);
        r.log = vec![learnpath::progress::Graded { at: at("2026-01-02T00:00:00Z"), grade }];
        r
    };
    let file = |r: learnpath::progress::ReviewEntry| {
        let mut p = Progress::in_memory();
        p.set_review("backend", "a/t", r);
        p.data().clone()
    };
    let (a, b) = (file(review(3.0, 3)), file(review(9.0, 4)));
    let (ab, ba) = (learnpath::progress::merged(&a, &b), learnpath::progress::merged(&b, &a));
    assert_eq!(ab, ba);
    assert!(ab == a || ab == b);
}

#[test]
fn the_merge_driver_writes_the_newer_of_each_entry_and_keeps_what_it_cannot_read() {
    use learnpath::progress::merge_files;
    let dir = tempfile::tempdir().unwrap();
    let (ours, theirs) = (dir.path().join("ours"), dir.path().join("theirs"));
    std::fs::write(
        &ours,
        r#"{"format":1,"curricula":{"b":{"topics":{
            "s/a":{"status":"done","at":"2026-01-01T00:00:00Z"},
            "s/x":{"status":"mastered","at":"2026-01-01T00:00:00Z"}}}}}"#,
    )
    .unwrap();
    std::fs::write(
        &theirs,
        r#"{"format":1,"curricula":{"b":{"topics":{
            "s/a":{"status":"todo","at":"2026-01-02T00:00:00Z"},
            "s/b":{"status":"done","at":"2026-01-01T00:00:00Z"}}}}}"#,
    )
    .unwrap();
    merge_files(&ours, &theirs).unwrap();
    let merged: serde_json::Value = serde_json::from_slice(&std::fs::read(&ours).unwrap()).unwrap();
    let topics = &merged["curricula"]["b"]["topics"];
    assert_eq!(topics["s/a"]["status"], "todo", "their newer change");
    assert_eq!(topics["s/b"]["status"], "done", "their new entry");
    assert_eq!(topics["s/x"]["status"], "mastered", "an entry not understood is kept as it was");

    std::fs::write(&theirs, "{ not json").unwrap();
    let before = std::fs::read(&ours).unwrap();
    let err = merge_files(&ours, &theirs).unwrap_err().to_string();
    assert!(err.contains("not valid progress"), "{err}");
    assert_eq!(std::fs::read(&ours).unwrap(), before, "nothing written: git reports a conflict instead");
    std::fs::write(&theirs, r#"{"format":99}"#).unwrap();
    assert!(merge_files(&ours, &theirs).unwrap_err().to_string().contains("newer"));
    std::fs::remove_file(&theirs).unwrap();
    merge_files(&ours, &theirs).unwrap();
    assert_eq!(std::fs::read(&ours).unwrap(), before, "a missing side adds nothing");
}
