//! A data dir in a file-sync folder: each tool's conflict copies of
//! `progress.json` are read as part of the progress, by every command, and
//! the first save folds them into the file and removes them. Also what
//! every way of syncing relies on: each change names its device, and a
//! clock far ahead is named.

mod common;
use common::Drive;

use std::path::Path;

use common::learnpath;
use learnpath::progress::{Progress, Status};
use serde_json::{Value, json};

const TOPIC_A: &str = "coding-basics/variables";
const TOPIC_B: &str = "coding-basics/loops";
const TOPIC_C: &str = "coding-basics/functions";

fn entry(status: &str, at: &str) -> Value {
    json!({ "status": status, "at": at })
}

fn file(topics: Value) -> String {
    json!({ "format": 1, "curricula": { "backend": { "topics": topics } } }).to_string()
}

fn status_of(data: &Path, key: &str) -> Status {
    Progress::open_to_read(data).unwrap().status("backend", key)
}

/// This machine ticked A; the other machine, while apart, ticked B and
/// later unticked A. The tool kept the other side's file as `copy`.
fn conflicted(home: &Path, copy: &str) -> std::path::PathBuf {
    let data = home.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("progress.json"),
        file(json!({ TOPIC_A: entry("done", "2026-02-01T10:00:00Z") })),
    )
    .unwrap();
    let other = json!({
        TOPIC_A: entry("todo", "2026-02-02T10:00:00Z"),
        TOPIC_B: entry("done", "2026-02-01T09:00:00Z"),
    });
    std::fs::write(data.join(copy), file(other)).unwrap();
    data.join(copy)
}

/// Reading merges the copy and changes nothing on disk; the first save
/// takes it into `progress.json` and removes it.
fn a_copy_is_merged_then_folded_in(copy: &str) {
    let home = tempfile::tempdir().unwrap();
    let copy = conflicted(home.path(), copy);
    let data = home.path().join("data");
    let before = std::fs::read(data.join("progress.json")).unwrap();

    let out = learnpath(home.path(), &["status", "--json"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["done"], 1, "B is done and A's untick is newer: {status}");
    assert!(copy.exists(), "a command that only prints removes nothing");
    assert_eq!(std::fs::read(data.join("progress.json")).unwrap(), before, "and writes nothing");

    let out = learnpath(home.path(), &["mark", TOPIC_C, "done"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!copy.exists(), "the save folded the copy in and removed it");
    let saved: Value = serde_json::from_slice(&std::fs::read(data.join("progress.json")).unwrap()).unwrap();
    let topics = &saved["curricula"]["backend"]["topics"];
    assert_eq!(topics[TOPIC_A]["status"], "todo");
    assert_eq!(topics[TOPIC_B]["status"], "done");
    assert_eq!(topics[TOPIC_C]["status"], "done");
}

#[test]
fn syncthing_conflict_copies_are_merged() {
    a_copy_is_merged_then_folded_in("progress.sync-conflict-20260202-101500-7XQK2PA.json");
}

#[test]
fn dropbox_conflicted_copies_are_merged() {
    a_copy_is_merged_then_folded_in("progress (Ana's conflicted copy 2026-02-02).json");
}

#[test]
fn nextcloud_and_owncloud_conflicted_copies_are_merged() {
    a_copy_is_merged_then_folded_in("progress (conflicted copy 2026-02-02 101500).json");
    a_copy_is_merged_then_folded_in("progress_conflict-20260202-101500.json");
}

#[test]
fn onedrive_copies_named_for_the_machine_are_merged() {
    a_copy_is_merged_then_folded_in("progress-LAPTOP-ANA.json");
}

#[test]
fn resilio_conflict_copies_are_merged() {
    a_copy_is_merged_then_folded_in("progress.Conflict.json");
    a_copy_is_merged_then_folded_in("progress.Conflict2.json");
}

#[test]
fn several_copies_at_once_all_count_and_all_go() {
    let home = tempfile::tempdir().unwrap();
    let first = conflicted(home.path(), "progress.sync-conflict-20260202-101500-7XQK2PA.json");
    let second = home.path().join("data/progress (conflicted copy 2026-02-03).json");
    std::fs::write(&second, file(json!({ TOPIC_C: entry("skipped", "2026-02-03T08:00:00Z") }))).unwrap();
    let data = home.path().join("data");
    assert_eq!(status_of(&data, TOPIC_B), Status::Done);
    assert_eq!(status_of(&data, TOPIC_C), Status::Skipped);

    let mut progress = Progress::open(&data).unwrap();
    progress.set("backend", "coding-basics/lists", Status::Done, "2026-02-04T08:00:00Z".parse().unwrap());
    progress.save().unwrap();
    assert!(!first.exists() && !second.exists());
    assert_eq!(status_of(&data, TOPIC_A), Status::Todo);
    assert_eq!(status_of(&data, TOPIC_C), Status::Skipped);
}

#[test]
fn a_copy_that_is_not_progress_is_left_alone_and_named() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let copy = data.join("progress.sync-conflict-20260202-101500-7XQK2PA.json");
    std::fs::write(&copy, "{ half a file").unwrap();
    let out = learnpath(home.path(), &["mark", TOPIC_A, "done"], &[]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("conflict copy") && stderr.contains("left as it is"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), "{ half a file", "kept byte for byte");
    assert_eq!(status_of(&data, TOPIC_A), Status::Done);
}

#[test]
fn every_unreadable_copy_is_named_not_only_the_first() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let copies = [
        ("progress.sync-conflict-20260202-101500-7XQK2PA.json", "{ half a file"),
        ("progress (conflicted copy 2026-02-02).json", "not json at all"),
        ("progress.Conflict.json", r#"{ "format": 99, "curricula": {} }"#),
    ];
    for (name, text) in copies {
        std::fs::write(data.join(name), text).unwrap();
    }
    let out = learnpath(home.path(), &["mark", TOPIC_A, "done"], &[]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("3 files look like"), "{stderr}");
    for (name, text) in copies {
        assert!(stderr.contains(name), "{name} is named: {stderr}");
        assert_eq!(std::fs::read_to_string(data.join(name)).unwrap(), text, "kept byte for byte");
    }
    assert!(stderr.contains("newer than this learnpath"), "the newer one says why: {stderr}");
}

#[test]
fn a_copy_that_arrives_while_the_app_runs_is_picked_up_by_reload() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut progress = Progress::open(&data).unwrap();
    progress.set("backend", TOPIC_A, Status::Done, "2026-02-01T10:00:00Z".parse().unwrap());
    progress.save().unwrap();
    assert!(!progress.reload().unwrap(), "nothing new yet");

    let copy = data.join("progress (conflicted copy 2026-02-02).json");
    std::fs::write(&copy, file(json!({ TOPIC_B: entry("done", "2026-02-02T09:00:00Z") }))).unwrap();
    assert!(progress.reload().unwrap(), "the copy's tick came in");
    assert_eq!(progress.status("backend", TOPIC_B), Status::Done);
    assert!(!progress.reload().unwrap(), "the same copy counts once");
    assert!(copy.exists(), "reading removes nothing");

    progress.set("backend", TOPIC_C, Status::Done, "2026-02-03T09:00:00Z".parse().unwrap());
    progress.save().unwrap();
    assert!(!copy.exists());
    assert_eq!(status_of(&data, TOPIC_B), Status::Done);
}

#[test]
fn a_copy_rewritten_after_it_was_read_is_read_again_before_it_goes() {
    let home = tempfile::tempdir().unwrap();
    let copy = conflicted(home.path(), "progress.Conflict.json");
    let data = home.path().join("data");
    let mut progress = Progress::open(&data).unwrap();
    // The tool writes the copy again, with a longer file, after it was read.
    let newer = json!({
        TOPIC_B: entry("done", "2026-02-01T09:00:00Z"),
        TOPIC_C: entry("done", "2026-02-05T09:00:00Z"),
    });
    std::fs::write(&copy, file(newer)).unwrap();
    // Saving reads it again under the lock, so nothing is lost either way.
    progress.save().unwrap();
    assert_eq!(status_of(&data, TOPIC_C), Status::Done);
}

#[test]
fn a_file_replaced_by_a_version_without_our_ticks_is_written_back_at_once() {
    use learnpath::app::Action;
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut app = common::app_in(&data);
    app.act(Action::FocusRight);
    app.act(Action::Toggle);
    let ours = app.path().curriculum.steps()[0].key(&app.path().curriculum.steps()[0].topics[0]);
    assert_eq!(status_of(&data, &ours), Status::Done);
    // A sync tool puts the other machine's file in place: it has B, not ours.
    let other = data.join("incoming.json");
    std::fs::write(&other, file(json!({ TOPIC_B: entry("done", "2026-02-02T09:00:00Z") }))).unwrap();
    std::fs::rename(&other, data.join("progress.json")).unwrap();
    app.act(Action::Reload);
    assert_eq!(status_of(&data, &ours), Status::Done, "our tick is back in the file without another change");
    assert_eq!(status_of(&data, TOPIC_B), Status::Done);
}

#[test]
fn a_conflict_copy_seen_by_the_app_is_folded_in_at_once() {
    use learnpath::app::Action;
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut app = common::app_in(&data);
    let copy = data.join("progress.Conflict.json");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(&copy, file(json!({ TOPIC_B: entry("done", "2026-02-02T09:00:00Z") }))).unwrap();
    app.act(Action::Reload);
    assert_eq!(app.done_total(), 1, "the copy's tick counts on screen");
    assert!(!copy.exists(), "and is in progress.json, the copy gone");
    assert_eq!(status_of(&data, TOPIC_B), Status::Done);
}

#[test]
fn a_file_half_written_under_the_lock_is_read_again_not_moved_aside() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let lock = Progress::lock(&data).unwrap();
    // `sync`'s git merge is writing the file, holding the lock.
    std::fs::write(data.join("progress.json"), "{\"format\": 1, \"curr").unwrap();
    let mut progress = Progress::open(&data).unwrap();
    assert!(progress.notice.is_none(), "{:?}", progress.notice);
    assert!(!progress.reload().unwrap());
    let names: Vec<_> = std::fs::read_dir(&data).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(!names.iter().any(|n| n.to_string_lossy().contains("corrupt")), "{names:?}");
    std::fs::write(
        data.join("progress.json"),
        file(json!({ TOPIC_B: entry("done", "2026-02-02T09:00:00Z") })),
    )
    .unwrap();
    drop(lock);
    assert!(progress.reload().unwrap(), "the whole file is read once written");
    assert_eq!(progress.status("backend", TOPIC_B), Status::Done);
}

#[test]
fn each_change_names_this_machines_device_and_a_clock_far_ahead_is_named() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let then = [("LEARNPATH_NOW", "2026-03-01T11:00:00Z")];
    let out = learnpath(home.path(), &["mark", TOPIC_A, "done"], &then);
    assert!(out.status.success());
    let state: Value = serde_json::from_slice(&std::fs::read(data.join("state.json")).unwrap()).unwrap();
    let device = state["device"].as_str().expect("a device id in state.json");
    assert_eq!(device.len(), 16);
    let saved: Value = serde_json::from_slice(&std::fs::read(data.join("progress.json")).unwrap()).unwrap();
    assert_eq!(saved["curricula"]["backend"]["topics"][TOPIC_A]["by"], device);
    let again = learnpath(home.path(), &["mark", TOPIC_B, "done"], &then);
    assert!(again.status.success());
    let saved: Value = serde_json::from_slice(&std::fs::read(data.join("progress.json")).unwrap()).unwrap();
    assert_eq!(saved["curricula"]["backend"]["topics"][TOPIC_B]["by"], device, "the same id every time");

    // Another machine's clock was a year ahead when it ticked C.
    let copy = data.join("progress.sync-conflict-20260202-101500-7XQK2PA.json");
    std::fs::write(&copy, file(json!({ TOPIC_C: entry("done", "2027-03-01T12:00:00Z") }))).unwrap();
    let now = [("LEARNPATH_NOW", "2026-03-01T12:00:00Z")];
    let text = String::from_utf8(learnpath(home.path(), &["status"], &now).stdout).unwrap();
    assert!(
        text.contains(&format!("The topic {TOPIC_C} is stamped 2027-03-01T12:00:00Z, over a day ahead")),
        "{text}"
    );
    let json: Value =
        serde_json::from_slice(&learnpath(home.path(), &["status", "--json"], &now).stdout).unwrap();
    assert_eq!(json["ahead"], json!([{ "key": TOPIC_C, "at": "2027-03-01T12:00:00Z", "kind": "topic" }]));
    assert_eq!(json["done"], 3, "it still counts: the change is real");
    let fine = [("LEARNPATH_NOW", "2027-02-28T13:00:00Z")];
    let json: Value =
        serde_json::from_slice(&learnpath(home.path(), &["status", "--json"], &fine).stdout).unwrap();
    assert_eq!(json["ahead"], json!([]), "less than a day ahead is a clock's ordinary drift");
}

#[test]
fn two_changes_at_the_same_instant_on_two_machines_merge_the_same_way_everywhere() {
    let at = "2026-02-02T10:00:00Z";
    let mut a = Progress::in_memory();
    a.set_device("aaaa".into());
    a.set("backend", TOPIC_A, Status::Done, at.parse().unwrap());
    let mut b = Progress::in_memory();
    b.set_device("bbbb".into());
    b.set("backend", TOPIC_A, Status::Skipped, at.parse().unwrap());
    let ab = learnpath::progress::merged(a.data(), b.data());
    let ba = learnpath::progress::merged(b.data(), a.data());
    assert_eq!(ab, ba);
    let kept = &ab.curricula["backend"].topics[TOPIC_A];
    assert_eq!(
        (kept.status, kept.by.as_deref()),
        (Status::Skipped, Some("bbbb")),
        "the greater device id wins a tie"
    );
}

#[test]
fn a_file_replaced_by_one_of_the_same_size_and_time_is_still_read() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let path = data.join("progress.json");
    std::fs::write(&path, file(json!({ TOPIC_A: entry("done", "2026-02-01T10:00:00Z") }))).unwrap();
    let mut progress = Progress::open(&data).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    // What a sync tool may leave: other bytes of the same length, in the
    // same file, with the same modification time.
    let other = file(json!({ TOPIC_A: entry("todo", "2026-02-02T10:00:00Z") }));
    assert_eq!(other.len(), std::fs::metadata(&path).unwrap().len() as usize);
    std::fs::write(&path, &other).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
    assert!(progress.reload().unwrap(), "the change is seen");
    assert_eq!(progress.status("backend", TOPIC_A), Status::Todo);
}

#[test]
fn exactly_a_day_ahead_is_not_named_a_moment_more_is() {
    let mut progress = Progress::in_memory();
    let now: jiff::Timestamp = "2026-03-01T12:00:00Z".parse().unwrap();
    progress.set("backend", TOPIC_A, Status::Done, "2026-03-02T12:00:00Z".parse().unwrap());
    progress.set("backend", TOPIC_B, Status::Done, "2026-03-02T12:00:00.000000001Z".parse().unwrap());
    let ahead: Vec<String> = progress.ahead("backend", now).into_iter().map(|(_, k, _)| k).collect();
    assert_eq!(ahead, [TOPIC_B]);
}

#[test]
fn each_entry_ahead_is_named_once_with_its_kind() {
    let mut progress = Progress::in_memory();
    let now: jiff::Timestamp = "2026-03-01T12:00:00Z".parse().unwrap();
    let later: jiff::Timestamp = "2026-04-01T12:00:00Z".parse().unwrap();
    progress.set("backend", TOPIC_A, Status::Done, later);
    progress.set("backend", TOPIC_A, Status::Done, later);
    progress.set_review("backend", TOPIC_A, learnpath::progress::ReviewEntry::staged(1, later));
    progress.set_read("backend", "coding-basics/https://e.x", true, later);
    let kinds: Vec<(&str, String)> =
        progress.ahead("backend", now).into_iter().map(|(kind, k, _)| (kind, k)).collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    for kind in ["topic", "review", "resource"] {
        assert_eq!(kinds.iter().filter(|(k, _)| *k == kind).count(), 1, "{kinds:?}");
    }
}

#[test]
fn a_change_to_the_file_and_a_new_copy_at_once_both_count() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut progress = Progress::open(&data).unwrap();
    progress.set("backend", TOPIC_A, Status::Done, "2026-02-01T10:00:00Z".parse().unwrap());
    progress.save().unwrap();
    let both = json!({
        TOPIC_A: entry("done", "2026-02-01T10:00:00Z"),
        TOPIC_B: entry("done", "2026-02-02T09:00:00Z"),
    });
    std::fs::write(data.join("progress.json"), file(both)).unwrap();
    std::fs::write(
        data.join("progress.Conflict.json"),
        file(json!({ TOPIC_C: entry("done", "2026-02-02T09:00:00Z") })),
    )
    .unwrap();
    assert!(progress.reload().unwrap(), "both brought changes");
    assert_eq!(
        (progress.status("backend", TOPIC_B), progress.status("backend", TOPIC_C)),
        (Status::Done, Status::Done)
    );
}

#[test]
fn a_reload_that_brings_nothing_new_writes_nothing() {
    use learnpath::app::Action;
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut app = common::app_in(&data);
    app.act(Action::FocusRight);
    app.act(Action::Toggle);
    // While another process holds the lock, a save would have to wait,
    // and the app would say so.
    let _lock = Progress::lock(&data).unwrap();
    app.act(Action::Reload);
    assert!(!app.waiting(), "no save was attempted");
    assert!(!matches!(app.message(), Some(learnpath::app::Message::Error(_))), "{:?}", app.message());
}

#[test]
fn a_newer_file_is_never_written_back_even_with_copies_beside_it() {
    use learnpath::app::Action;
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let newer = r#"{"format": 99, "curricula": {}}"#;
    std::fs::write(data.join("progress.json"), newer).unwrap();
    let copy = data.join("progress.Conflict.json");
    std::fs::write(&copy, file(json!({ TOPIC_B: entry("done", "2026-02-02T09:00:00Z") }))).unwrap();
    let mut app = common::app_in(&data);
    app.act(Action::Reload);
    assert!(!app.waiting());
    assert!(copy.exists(), "the copy waits for a learnpath that can write the file");
    assert_eq!(std::fs::read_to_string(data.join("progress.json")).unwrap(), newer);
    assert!(
        !matches!(&app.message(), Some(learnpath::app::Message::Error(m)) if m.contains("Not saved")),
        "{:?}",
        app.message()
    );
}

#[test]
fn identical_copies_from_two_tools_are_both_folded_in_and_removed() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let same = file(json!({ TOPIC_B: entry("done", "2026-02-02T09:00:00Z") }));
    let copies =
        [data.join("progress.Conflict.json"), data.join("progress (conflicted copy 2026-02-02).json")];
    for copy in &copies {
        std::fs::write(copy, &same).unwrap();
    }
    let mut progress = Progress::open(&data).unwrap();
    progress.set("backend", TOPIC_A, Status::Done, "2026-02-03T09:00:00Z".parse().unwrap());
    progress.save().unwrap();
    for copy in &copies {
        assert!(!copy.exists(), "{} is folded in and gone", copy.display());
    }
}

#[test]
fn a_save_that_takes_in_both_another_writers_file_and_a_copy_says_it_merged() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut progress = Progress::open(&data).unwrap();
    progress.set("backend", TOPIC_A, Status::Done, "2026-02-01T10:00:00Z".parse().unwrap());
    progress.save().unwrap();
    let theirs = json!({
        TOPIC_A: entry("done", "2026-02-01T10:00:00Z"),
        TOPIC_B: entry("done", "2026-02-02T09:00:00Z"),
    });
    std::fs::write(data.join("progress.json"), file(theirs)).unwrap();
    std::fs::write(
        data.join("progress.Conflict.json"),
        file(json!({ TOPIC_C: entry("done", "2026-02-02T09:00:00Z") })),
    )
    .unwrap();
    progress.set("backend", "coding-basics/lists", Status::Done, "2026-02-03T09:00:00Z".parse().unwrap());
    assert!(progress.save().unwrap(), "changes came in from both: whatever counts them must recount");
    assert_eq!(
        (progress.status("backend", TOPIC_B), progress.status("backend", TOPIC_C)),
        (Status::Done, Status::Done)
    );
}
