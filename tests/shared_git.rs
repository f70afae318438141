//! Paths shared through git (`add`, `update`), end to end: the real binary
//! and the system's git, the repositories bare ones in a temp dir (no
//! network), git's global and system config out of the way.
//!
//! Not on Windows: the Windows build is tested under wine here, where git
//! cannot run. The git path is compiled for Windows by the cross check.
#![cfg(not(windows))]

mod common;

use std::path::{Path, PathBuf};

use common::git::{bare, fails, git, lp, ok};

const GOOD: &str = "format = 1\nid = \"shared-one\"\ntitle = \"Shared one\"\n\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n\n[[steps.topics]]\nid = \"a\"\ntitle = \"A\"\n";

/// A bare repository `remote.git` and a clone of it to push from, with
/// `one.toml` committed and pushed.
fn published(home: &Path) -> (String, PathBuf) {
    let remote = bare(home);
    let work = home.join("author");
    git(home, &["clone", "-q", &remote, work.to_str().unwrap()]);
    git(&work, &["checkout", "-q", "-b", "main"]);
    push(&work, "one.toml", GOOD, "first");
    (remote, work)
}

fn push(work: &Path, file: &str, text: &str, message: &str) {
    std::fs::write(work.join(file), text).unwrap();
    git(work, &["add", "-A"]);
    git(work, &["commit", "-q", "-m", message]);
    git(work, &["push", "-q", "origin", "main"]);
}

fn shelf(home: &Path) -> PathBuf {
    home.join("config/curricula/remote")
}

/// `published`, then added as `remote`: the data dir, the author's clone
/// and the commit added.
fn added(home: &Path) -> (PathBuf, PathBuf, String) {
    let data = home.join("data");
    let (remote, work) = published(home);
    ok(lp(home, &data, &["add", &remote], None));
    (data, work, head(&shelf(home)))
}

/// `update` of every folder, refused: what it said.
fn refused_update(home: &Path, data: &Path) -> String {
    let out = lp(home, data, &["update"], None);
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn head(dir: &Path) -> String {
    git(dir, &["rev-parse", "HEAD"]).trim().to_string()
}

#[test]
fn an_added_repository_is_listed_with_its_source_and_commit_and_a_good_update_comes_in() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let data = home.join("data");
    let (remote, work) = published(home);
    let said = ok(lp(home, &data, &["add", &remote], None));
    assert!(said.contains("Added remote from"), "{said}");
    let list = ok(lp(home, &data, &["list"], None));
    assert!(
        list.contains("Shared one") && list.contains(&format!("from {remote} at {}", &head(&work)[..10])),
        "{list}"
    );
    push(&work, "one.toml", &format!("{GOOD}\n[[steps.topics]]\nid = \"b\"\ntitle = \"B\"\n"), "second");
    let said = ok(lp(home, &data, &["update"], None));
    assert!(said.contains("remote: updated"), "{said}");
    assert_eq!(head(&shelf(home)), head(&work));
    let list = ok(lp(home, &data, &["list"], None));
    assert!(list.contains("0/2"), "{list}");
    let said = ok(lp(home, &data, &["update", "remote"], None));
    assert!(said.contains("remote: up to date"), "{said}");
}

#[test]
fn an_update_that_does_not_validate_is_refused_and_the_old_version_stays() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (data, work, before) = added(home);
    push(&work, "one.toml", &GOOD.replace("id = \"a\"", "id = \"Bad Id\""), "broken");
    let said = refused_update(home, &data);
    assert!(said.contains("one.toml:10:6: bad topic id"), "{said}");
    assert!(said.contains("the version you have stays"), "{said}");
    assert_eq!(head(&shelf(home)), before);
    assert_eq!(std::fs::read_to_string(shelf(home).join("one.toml")).unwrap(), GOOD);
}

#[test]
fn a_repository_with_a_symlink_is_refused_on_add_and_on_update() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let data = home.join("data");
    let (remote, work) = published(home);
    ok(lp(home, &data, &["add", &remote, "--name", "kept"], None));
    std::os::unix::fs::symlink("/etc/passwd", work.join("link.toml")).unwrap();
    git(&work, &["add", "-A"]);
    git(&work, &["commit", "-q", "-m", "link"]);
    git(&work, &["push", "-q", "origin", "main"]);
    let said = fails(lp(home, &data, &["add", &remote], None));
    assert!(said.contains("holds a symbolic link, link.toml"), "{said}");
    assert!(!shelf(home).exists(), "nothing is added");
    let leftovers: Vec<_> =
        std::fs::read_dir(home.join("config/curricula")).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers, ["kept"], "no half-checked clone is left behind");
    let out = lp(home, &data, &["update", "kept"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("symbolic link"));
    assert!(!home.join("config/curricula/kept/link.toml").exists());
}

#[test]
fn hooks_never_run_on_add_or_update() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let data = home.join("data");
    let (remote, work) = published(home);
    // A hook git would run on checkout: in the learner's global hooks
    // folder, and in the template every clone copies.
    let marker = home.join("hook-ran");
    let hooks = home.join("hooks");
    std::fs::create_dir_all(hooks.join("hooks")).unwrap();
    let names = ["post-checkout", "reference-transaction", "post-merge", "post-rewrite"];
    for hook in [hooks.clone(), hooks.join("hooks")].iter().flat_map(|d| names.map(|n| d.join(n))) {
        std::fs::write(&hook, format!("#!/bin/sh\ntouch '{}'\n", marker.display())).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::write(
        home.join(".gitconfig"),
        format!("[core]\n\thooksPath = {}\n[init]\n\ttemplateDir = {}\n", hooks.display(), hooks.display()),
    )
    .unwrap();
    ok(lp(home, &data, &["add", &remote], None));
    push(&work, "two.toml", &GOOD.replace("shared-one", "shared-two"), "second");
    ok(lp(home, &data, &["update"], None));
    assert!(shelf(home).join("two.toml").exists());
    assert!(!marker.exists(), "a hook ran");
}

#[test]
fn a_markdown_repository_is_imported_and_updated_and_a_dash_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let data = home.join("data");
    let remote = bare(home);
    let work = home.join("author");
    git(home, &["clone", "-q", &remote, work.to_str().unwrap()]);
    git(&work, &["checkout", "-q", "-b", "main"]);
    push(&work, "plan.md", "# Plan\n\n## One\n\n- [ ] First\n", "first");
    let said = fails(lp(home, &data, &["add", &remote], None));
    assert!(said.contains("--import FILE.md"), "{said}");
    ok(lp(home, &data, &["add", &remote, "--import", "plan.md"], None));
    let list = ok(lp(home, &data, &["list"], None));
    assert!(list.contains("Plan") && list.contains("0/1"), "{list}");
    push(&work, "plan.md", "# Plan\n\n## One\n\n- [ ] First\n- [ ] Second\n", "second");
    ok(lp(home, &data, &["update"], None));
    let list = ok(lp(home, &data, &["list"], None));
    assert!(list.contains("0/2"), "{list}");
    let said = fails(lp(home, &data, &["add", "--name", "x", "--", "--upload-pack=touch x"], None));
    assert!(said.contains("starts with '-'"), "{said}");
}

#[test]
fn a_repository_whose_path_takes_an_id_in_use_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let data = home.join("data");
    let (remote, _) = published(home);
    std::fs::create_dir_all(home.join("config/curricula")).unwrap();
    std::fs::write(home.join("config/curricula/mine.toml"), GOOD).unwrap();
    let said = fails(lp(home, &data, &["add", &remote], None));
    assert!(said.contains("one.toml has the id `shared-one`, which") && said.contains("mine.toml"), "{said}");
    assert!(!shelf(home).exists(), "nothing is added");
}

#[test]
fn an_update_bringing_a_path_whose_id_is_in_use_is_refused_and_the_old_version_stays() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (data, work, before) = added(home);
    std::fs::write(home.join("config/curricula/mine.toml"), GOOD.replace("shared-one", "mine")).unwrap();
    // A second file of the repository under the learner's own path's id.
    push(&work, "two.toml", &GOOD.replace("shared-one", "mine"), "takes an id");
    let said = refused_update(home, &data);
    assert!(said.contains("two.toml has the id `mine`, which") && said.contains("mine.toml"), "{said}");
    assert!(said.contains("the version you have stays"), "{said}");
    assert_eq!(head(&shelf(home)), before);
    assert!(!shelf(home).join("two.toml").exists());
    // Its own file keeps its id through an update: that is no clash.
    push(&work, "two.toml", &GOOD.replace("shared-one", "shared-two"), "its own id");
    ok(lp(home, &data, &["update", "remote"], None));
    assert!(shelf(home).join("two.toml").exists());
}

#[test]
fn a_repository_whose_two_paths_share_an_id_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let data = home.join("data");
    let (remote, work) = published(home);
    push(&work, "two.toml", GOOD, "the same id twice");
    let said = fails(lp(home, &data, &["add", &remote], None));
    assert!(said.contains("one.toml and two.toml both have the id `shared-one`"), "{said}");
    assert!(!shelf(home).exists(), "nothing is added");
}
