//! Sync against a damaged disk, a careless second device and a hostile
//! collaborator: one test for each way today's sync was broken (issue
//! 18's numbered repros), with bare repositories in a temp dir as the
//! remotes. Each asserts the fixed behaviour: no machine's count drops,
//! the remote's `progress.json` always parses, nothing outside the data
//! dir is touched, nothing but learnpath's files is committed, no hook
//! runs.
//!
//! Not on Windows: git cannot run under wine, where the Windows tests run.
#![cfg(not(windows))]

mod common;

use std::path::Path;

use common::git::{
    TOPICS, bare, done, fails, git, lp, ok, push_as_mallory, remote_progress_parses, two_machines,
};

/// Ticks `topics` on `data` and syncs.
fn tick_and_sync(home: &Path, data: &Path, topics: &[&str]) {
    for t in topics {
        ok(lp(home, data, &["mark", t, "done"], None));
    }
    ok(lp(home, data, &["sync"], None));
}

/// Every file in `dir`, by name.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The paths in the remote's main.
fn remote_files(remote: &str) -> Vec<String> {
    git(Path::new(remote), &["ls-tree", "-r", "--name-only", "main"]).lines().map(String::from).collect()
}

#[test]
fn r1_a_damaged_local_file_is_kept_aside_and_never_pushed() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    tick_and_sync(home, &b, &TOPICS[..3]);
    ok(lp(home, &a, &["sync"], None));
    assert_eq!(done(home, &a), 3);
    let garbage = b"{\"format\":1, broken\n";
    std::fs::write(a.join("progress.json"), garbage).unwrap();
    let said = ok(lp(home, &a, &["sync"], None));
    assert!(said.contains("progress.json could not be committed") && said.contains("kept as"), "{said}");
    let aside: Vec<String> = names(&a).into_iter().filter(|n| n.contains(".corrupt-")).collect();
    assert_eq!(aside.len(), 1, "{:?}", names(&a));
    assert_eq!(std::fs::read(a.join(&aside[0])).unwrap(), garbage, "kept byte for byte");
    assert!(remote_progress_parses(&remote));
    let said = ok(lp(home, &b, &["sync"], None));
    assert!(said.contains("nothing new"), "{said}");
    assert_eq!((done(home, &a), done(home, &b)), (3, 3), "no machine's count drops");
    tick_and_sync(home, &a, &TOPICS[3..4]);
    tick_and_sync(home, &b, &TOPICS[4..5]);
    ok(lp(home, &a, &["sync"], None));
    assert_eq!((done(home, &a), done(home, &b)), (5, 5));
    // Damaged, then a tick before any sync: the store keeps the damaged
    // file aside and starts afresh with that one tick; the sync takes back
    // what was committed here.
    std::fs::write(b.join("progress.json"), garbage).unwrap();
    ok(lp(home, &b, &["mark", "dsa/sorting-searching", "done"], None));
    assert_eq!(done(home, &b), 1, "the store started afresh");
    let said = ok(lp(home, &b, &["sync"], None));
    assert!(said.contains("are back"), "{said}");
    ok(lp(home, &a, &["sync"], None));
    assert_eq!((done(home, &a), done(home, &b)), (6, 6));
}

#[test]
fn r2_an_unreadable_file_from_another_machine_is_refused_and_nothing_here_changes() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    tick_and_sync(home, &b, &TOPICS[..3]);
    ok(lp(home, &a, &["sync"], None));
    for bad in [&b"{\"format\":1, broken"[..], b"{\"format\": 99, \"curricula\": {}}"] {
        push_as_mallory(home, &remote, &[("progress.json", bad)], &[]);
        let file = std::fs::read(a.join("progress.json")).unwrap();
        let head = git(&a, &["rev-parse", "HEAD"]);
        let said = fails(lp(home, &a, &["sync"], None));
        assert!(said.contains("not taken in") && said.contains("progress.json"), "{said}");
        assert!(said.contains("Mallory <mallory@example.com>"), "names the author: {said}");
        assert!(said.contains("learnpath sync --repair"), "says the way out: {said}");
        if bad.starts_with(b"{\"format\": 99") {
            assert!(said.contains("upgrade learnpath"), "{said}");
        }
        assert_eq!(std::fs::read(a.join("progress.json")).unwrap(), file, "the file is untouched");
        assert_eq!(git(&a, &["rev-parse", "HEAD"]), head, "nothing merged");
        assert_eq!(done(home, &a), 3);
        // A tick made meanwhile is saved and committed here, never lost.
        ok(lp(home, &a, &["mark", TOPICS[3], "done"], None));
        fails(lp(home, &a, &["sync"], None));
        assert_eq!(done(home, &a), 4);
        ok(lp(home, &a, &["mark", TOPICS[3], "todo"], None));
        ok(lp(home, &a, &["sync", "--repair"], None));
    }
    assert!(remote_progress_parses(&remote));
}

#[test]
fn r3_init_in_a_repository_it_did_not_make_refuses_and_adopt_commits_only_its_files_on_one_branch() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let remote = bare(home);
    let a = home.join("a");
    ok(lp(home, &a, &["mark", TOPICS[0], "done"], None));
    ok(lp(home, &a, &["mark", TOPICS[1], "done"], None));
    ok(lp(home, &a, &["sync", "init", &remote], None));
    // The learner's own repository: branch master, a committed file, an
    // uncommitted edit and a stray file.
    let c = home.join("c");
    std::fs::create_dir_all(c.join("sub")).unwrap();
    git(&c, &["init", "-q", "--initial-branch=master"]);
    std::fs::write(c.join("secrets.txt"), "committed\n").unwrap();
    git(&c, &["add", "secrets.txt"]);
    git(&c, &["commit", "-q", "-m", "mine"]);
    std::fs::write(c.join("secrets.txt"), "committed\nand edited\n").unwrap();
    std::fs::write(c.join("sub/y"), "stray\n").unwrap();
    ok(lp(home, &c, &["mark", TOPICS[2], "done"], None));
    let before = (
        git(&c, &["status", "--porcelain"]),
        git(&c, &["config", "--local", "--list"]),
        git(&c, &["branch", "-a"]),
    );
    let said = fails(lp(home, &c, &["sync", "init", &remote], None));
    assert!(said.contains("did not set up") && said.contains("--adopt"), "{said}");
    let after = (
        git(&c, &["status", "--porcelain"]),
        git(&c, &["config", "--local", "--list"]),
        git(&c, &["branch", "-a"]),
    );
    assert_eq!(before, after, "nothing changed");
    let said = fails(lp(home, &c, &["sync"], None));
    assert!(said.contains("did not set up"), "{said}");

    let said = ok(lp(home, &c, &["sync", "init", "--adopt", &remote], None));
    assert!(said.contains("took over") && said.contains("master"), "{said}");
    assert!(said.contains("not synced") && said.contains("secrets.txt"), "{said}");
    assert_eq!(
        git(Path::new(&remote), &["branch", "--format=%(refname:short)"]).trim(),
        "main",
        "one branch"
    );
    let files = remote_files(&remote);
    assert!(!files.iter().any(|f| f.contains("secrets") || f.starts_with("sub")), "{files:?}");
    assert_eq!(done(home, &c), 3);
    assert_eq!(std::fs::read_to_string(c.join("secrets.txt")).unwrap(), "committed\nand edited\n");
    assert_eq!(std::fs::read_to_string(c.join("sub/y")).unwrap(), "stray\n");
    assert_eq!(git(&c, &["log", "-1", "--format=%s", "master"]).trim(), "mine", "the old branch is kept");
    ok(lp(home, &a, &["sync"], None));
    assert_eq!(done(home, &a), 3);
    let d = home.join("d");
    ok(lp(home, &d, &["sync", "init", &remote], None));
    assert_eq!(done(home, &d), 3);
}

#[test]
fn r4_a_note_pushed_as_a_link_is_refused_and_never_followed() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, _b) = two_machines(home);
    let victim = home.join("victim.txt");
    std::fs::write(&victim, "the victim's private text\n").unwrap();
    let note = "notes/backend/coding-basics/loops.md";
    push_as_mallory(home, &remote, &[], &[(note, &victim.to_string_lossy())]);
    let said = fails(lp(home, &a, &["sync"], None));
    assert!(said.contains(note) && said.contains("symbolic link"), "{said}");
    assert!(std::fs::symlink_metadata(a.join(note)).is_err(), "nothing was checked out");
    let export = ok(lp(home, &a, &["export"], None));
    assert!(!export.contains("private text"), "{export}");
    // The repair drops the link (the note never had a good version).
    ok(lp(home, &a, &["sync", "--repair"], None));
    assert!(!remote_files(&remote).iter().any(|f| f == note));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "the victim's private text\n");
}

#[test]
fn r4_a_local_note_or_progress_link_is_never_committed_but_still_read() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, _b) = two_machines(home);
    let elsewhere = home.join("elsewhere.md");
    std::fs::write(&elsewhere, "kept elsewhere\n").unwrap();
    let note = a.join("notes/backend/coding-basics/loops.md");
    std::fs::create_dir_all(note.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &note).unwrap();
    let said = fails(lp(home, &a, &["sync"], None));
    assert!(
        said.contains("notes/backend/coding-basics/loops.md") && said.contains("Replace the link"),
        "{said}"
    );
    assert!(ok(lp(home, &a, &["export"], None)).contains("kept elsewhere"), "still read here");
    assert!(!remote_files(&remote).iter().any(|f| f.ends_with("loops.md")));
    std::fs::remove_file(&note).unwrap();
    let real = home.join("real-progress.json");
    ok(lp(home, &a, &["mark", TOPICS[0], "done"], None));
    std::fs::rename(a.join("progress.json"), &real).unwrap();
    std::os::unix::fs::symlink(&real, a.join("progress.json")).unwrap();
    let said = fails(lp(home, &a, &["sync"], None));
    assert!(said.contains("progress.json") && said.contains("symbolic link"), "{said}");
    assert_eq!(done(home, &a), 1, "commands read through the link");
    assert!(!home.join("real-progress.json.lock").exists(), "no lock beside the target");
}

#[test]
fn r5_a_progress_file_pushed_as_a_link_never_touches_its_target() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    tick_and_sync(home, &b, &TOPICS[..2]);
    ok(lp(home, &a, &["sync"], None));
    let victims = home.join("victims");
    std::fs::create_dir_all(&victims).unwrap();
    let victim = victims.join("important.conf");
    std::fs::write(&victim, "do not touch\n").unwrap();
    push_as_mallory(home, &remote, &[], &[("progress.json", &victim.to_string_lossy())]);
    let said = fails(lp(home, &a, &["sync"], None));
    assert!(said.contains("progress.json") && said.contains("symbolic link"), "{said}");
    ok(lp(home, &a, &["mark", TOPICS[2], "done"], None));
    fails(lp(home, &b, &["sync"], None));
    ok(lp(home, &b, &["mark", TOPICS[3], "done"], None));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "do not touch\n", "byte-identical");
    assert_eq!(names(&victims), ["important.conf"], "nothing created beside it");
    assert!(!std::fs::symlink_metadata(a.join("progress.json")).unwrap().file_type().is_symlink());
    ok(lp(home, &a, &["sync", "--repair"], None));
    ok(lp(home, &b, &["sync"], None));
    ok(lp(home, &a, &["sync"], None));
    assert_eq!((done(home, &a), done(home, &b)), (4, 4));
    assert!(remote_progress_parses(&remote));
    assert_eq!(names(&victims), ["important.conf"]);
}

#[test]
fn r6_sync_commits_only_learnpaths_files_and_names_the_others_once() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    std::fs::write(a.join("secrets.txt"), "password\n").unwrap();
    std::fs::create_dir_all(a.join("sub")).unwrap();
    std::fs::write(a.join("sub/y"), "y\n").unwrap();
    let deep = "notes/backend/coding-basics/extra/deeper/loops.md";
    std::fs::create_dir_all(a.join(deep).parent().unwrap()).unwrap();
    std::fs::write(a.join(deep), "a nested note\n").unwrap();
    std::fs::write(a.join("notes/backend/picture.png"), "not a note\n").unwrap();
    ok(lp(home, &a, &["mark", TOPICS[0], "done"], None));
    let said = ok(lp(home, &a, &["sync"], None));
    let line = said.lines().find(|l| l.starts_with("not synced")).unwrap_or_default().to_string();
    assert!(line.contains("secrets.txt") && line.contains("sub/") && line.contains("picture.png"), "{said}");
    assert_eq!(said.matches("secrets.txt").count(), 1, "named once: {said}");
    let files = remote_files(&remote);
    assert_eq!(files, [".gitattributes", ".gitignore", deep, "progress.json"], "only learnpath's files");
    ok(lp(home, &b, &["sync"], None));
    assert_eq!(std::fs::read_to_string(b.join(deep)).unwrap(), "a nested note\n", "nested notes sync");
}

#[test]
fn r6_files_an_older_version_committed_are_named_and_left_as_they_are() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    // As learnpath before this fix did: everything committed.
    std::fs::write(a.join("old-stray.txt"), "old\n").unwrap();
    git(&a, &["add", "-f", "old-stray.txt"]);
    git(&a, &["commit", "-q", "-m", "an old sync"]);
    ok(lp(home, &a, &["sync"], None));
    ok(lp(home, &b, &["sync"], None));
    std::fs::write(a.join("old-stray.txt"), "old, edited\n").unwrap();
    let said = ok(lp(home, &a, &["sync"], None));
    assert!(said.contains("earlier learnpath") && said.contains("old-stray.txt"), "{said}");
    assert!(remote_files(&remote).contains(&"old-stray.txt".to_string()), "not removed from git");
    assert_eq!(
        git(Path::new(&remote), &["show", "main:old-stray.txt"]),
        "old\n",
        "its edit is not committed"
    );
    assert_eq!(std::fs::read_to_string(b.join("old-stray.txt")).unwrap(), "old\n", "still there elsewhere");
}

#[test]
fn r7_a_remote_that_looks_like_an_option_never_reaches_git() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let marker = home.join("pwned");
    let data = home.join("data");
    for remote in [format!("--upload-pack=touch {}", marker.display()), "-q".to_string()] {
        let said = fails(lp(home, &data, &["sync", "init", "--", &remote], None));
        assert!(said.contains("never starts with '-'"), "{said}");
        assert!(!data.exists(), "nothing was created");
    }
    let ext = format!("ext::sh -c touch% {}", marker.display());
    fails(lp(home, &data, &["sync", "init", &ext], None));
    assert!(!marker.exists(), "no command ran");
}

#[test]
fn r8_sync_runs_no_hook_of_the_data_dirs_repository() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (_remote, a, b) = two_machines(home);
    let ran = home.join("hooks-ran");
    std::fs::create_dir_all(&ran).unwrap();
    let hooks = [
        "pre-commit",
        "post-commit",
        "pre-push",
        "reference-transaction",
        "post-merge",
        "post-checkout",
        "pre-merge-commit",
    ];
    for name in hooks {
        common::script(&a.join(".git/hooks"), name, &format!("touch '{}/{name}'", ran.display()));
    }
    tick_and_sync(home, &b, &TOPICS[..1]);
    tick_and_sync(home, &a, &TOPICS[1..2]);
    ok(lp(home, &b, &["sync"], None));
    assert_eq!((done(home, &a), done(home, &b)), (2, 2));
    assert!(names(&ran).is_empty(), "hooks ran: {:?}", names(&ran));
    // The hooks are real: git run by hand runs them.
    git(&a, &["commit", "-q", "--allow-empty", "-m", "by hand"]);
    assert!(names(&ran).contains(&"post-commit".to_string()));
}

#[test]
fn r9_a_note_changed_on_both_machines_keeps_the_common_text_once() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (_remote, a, b) = two_machines(home);
    let note = "notes/backend/coding-basics/loops.md";
    std::fs::create_dir_all(a.join(note).parent().unwrap()).unwrap();
    std::fs::write(a.join(note), "# Loops\n\nA loop repeats.\n\nfor and while.\n").unwrap();
    ok(lp(home, &a, &["sync"], None));
    ok(lp(home, &b, &["sync"], None));
    std::fs::write(a.join(note), "# Loops, on the laptop\n\nA loop repeats.\n\nfor and while.\n").unwrap();
    std::fs::write(b.join(note), "# Loops\n\nA loop repeats.\n\nfor, while, and loop.\n").unwrap();
    ok(lp(home, &a, &["sync"], None));
    let said = ok(lp(home, &b, &["sync"], None));
    assert!(said.contains(&format!("both machines changed {note}: merged")), "{said}");
    let merged = "# Loops, on the laptop\n\nA loop repeats.\n\nfor, while, and loop.\n";
    assert_eq!(std::fs::read_to_string(b.join(note)).unwrap(), merged);
    let said = ok(lp(home, &a, &["sync"], None));
    assert!(!said.contains("both machines"), "a fast-forward merged nothing: {said}");
    assert_eq!(std::fs::read_to_string(a.join(note)).unwrap(), merged);
    // The same line on both: one marked block, the rest once.
    std::fs::write(a.join(note), merged.replace("A loop repeats.", "A loop repeats (laptop).")).unwrap();
    std::fs::write(b.join(note), merged.replace("A loop repeats.", "A loop repeats (desktop).")).unwrap();
    ok(lp(home, &a, &["sync"], None));
    let said = ok(lp(home, &b, &["sync"], None));
    assert!(said.contains("same lines"), "{said}");
    let text = std::fs::read_to_string(b.join(note)).unwrap();
    assert_eq!(text.matches("# Loops, on the laptop").count(), 1, "{text}");
    assert_eq!(text.matches("for, while, and loop.").count(), 1, "{text}");
    assert!(text.contains("(laptop)") && text.contains("(desktop)") && !text.contains("<<<<<<<"), "{text}");
}

#[test]
fn r12_files_that_arrive_through_git_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    let note = "notes/backend/coding-basics/loops.md";
    std::fs::create_dir_all(b.join(note).parent().unwrap()).unwrap();
    std::fs::write(b.join(note), "a note\n").unwrap();
    tick_and_sync(home, &b, &TOPICS[..1]);
    ok(lp(home, &a, &["sync"], None));
    let c = home.join("c");
    ok(lp(home, &c, &["sync", "init", &remote], None));
    for data in [&a, &c] {
        for file in ["progress.json", note] {
            let mode = std::fs::metadata(data.join(file)).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{} is {mode:o}", data.join(file).display());
        }
    }
}

#[test]
fn a_garbage_push_is_repaired_by_one_machine_and_every_machine_syncs_again_with_nothing_lost() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    let c = home.join("c");
    ok(lp(home, &c, &["sync", "init", &remote], None));
    tick_and_sync(home, &a, &TOPICS[..1]);
    tick_and_sync(home, &b, &TOPICS[1..2]);
    push_as_mallory(home, &remote, &[("progress.json", b"garbage")], &[]);
    ok(lp(home, &c, &["mark", TOPICS[2], "done"], None));
    ok(lp(home, &b, &["mark", TOPICS[3], "done"], None));
    for data in [&a, &b, &c] {
        fails(lp(home, data, &["sync"], None));
    }
    let said = ok(lp(home, &c, &["sync", "--repair"], None));
    assert!(said.contains("repaired progress.json") && said.contains("Mallory"), "{said}");
    assert!(remote_progress_parses(&remote));
    for data in [&a, &b, &c, &a] {
        ok(lp(home, data, &["sync"], None));
    }
    for data in [&a, &b, &c] {
        assert_eq!(done(home, data), 4, "{}", data.display());
    }
    let said = ok(lp(home, &a, &["sync", "--repair"], None));
    assert!(said.contains("nothing to repair"), "{said}");
}

#[test]
fn a_clone_of_a_remote_that_fails_the_check_leaves_nothing_behind() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, _b) = two_machines(home);
    tick_and_sync(home, &a, &TOPICS[..1]);
    push_as_mallory(home, &remote, &[("progress.json", b"garbage")], &[]);
    let d = home.join("d");
    let said = fails(lp(home, &d, &["sync", "init", &remote], None));
    assert!(said.contains("not taken in") && said.contains("nothing was written"), "{said}");
    assert!(!d.join(".git").exists() && !d.join("progress.json").exists());
    ok(lp(home, &a, &["sync", "--repair"], None));
    ok(lp(home, &d, &["sync", "init", &remote], None));
    assert_eq!(done(home, &d), 1);
}

#[test]
fn a_symlinked_data_dir_keeps_syncing() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let remote = bare(home);
    let real = home.join("real-data");
    std::fs::create_dir_all(&real).unwrap();
    let link = home.join("data-link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    ok(lp(home, &link, &["mark", TOPICS[0], "done"], None));
    ok(lp(home, &link, &["sync", "init", &remote], None));
    ok(lp(home, &link, &["mark", TOPICS[1], "done"], None));
    ok(lp(home, &link, &["sync"], None));
    let other = home.join("other");
    ok(lp(home, &other, &["sync", "init", &remote], None));
    assert_eq!(done(home, &other), 2);
}

#[test]
fn r1_a_damaged_file_an_older_version_pushed_is_mended_by_the_next_sync_of_that_machine() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    tick_and_sync(home, &b, &TOPICS[..2]);
    ok(lp(home, &a, &["sync"], None));
    // What learnpath before this fix did with a damaged file: commit and push it.
    std::fs::write(a.join("progress.json"), "{\"format\":1, broken").unwrap();
    git(&a, &["commit", "-q", "-am", "an old sync"]);
    git(&a, &["push", "-q", "origin", "HEAD:main"]);
    let said = ok(lp(home, &a, &["sync"], None));
    assert!(said.contains("is back in its place"), "{said}");
    assert!(remote_progress_parses(&remote));
    ok(lp(home, &b, &["sync"], None));
    assert_eq!((done(home, &a), done(home, &b)), (2, 2));
}

#[test]
fn r11_impossible_review_numbers_from_another_machine_never_print_nan() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (remote, a, b) = two_machines(home);
    tick_and_sync(home, &b, &TOPICS[..1]);
    let text = std::fs::read_to_string(b.join("progress.json")).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let review =
        serde_json::json!({ "stage": 1, "at": "2026-01-10T10:00:00Z", "stability": -1, "difficulty": 1e308 });
    file["curricula"]["backend"]["reviews"] = serde_json::json!({ (TOPICS[0]): review });
    push_as_mallory(
        home,
        &remote,
        &[("progress.json", serde_json::to_string(&file).unwrap().as_bytes())],
        &[],
    );
    ok(lp(home, &a, &["sync"], None));
    for args in [&["today"][..], &["review"], &["status"], &["next"]] {
        let out = lp(home, &a, args, Some("2026-03-01T12:00:00Z"));
        let said =
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success() && !said.contains("NaN") && !said.contains("inf%"), "{args:?}: {said}");
    }
    assert_eq!(done(home, &a), 1);
    // Kept as it was, for a learnpath that understands it.
    ok(lp(home, &a, &["mark", TOPICS[1], "done"], None));
    ok(lp(home, &a, &["sync"], None));
    let shown = git(std::path::Path::new(&remote), &["show", "main:progress.json"]);
    let kept: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(kept["curricula"]["backend"]["reviews"][TOPICS[0]], review, "{shown}");
}
