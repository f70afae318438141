//! Machines that sync through git, for the end-to-end sync tests: the real
//! binary and the system's git, each machine a data dir in a temp home,
//! remotes bare repositories beside them (file remotes only, no network),
//! and git's global and system config out of the way.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs learnpath for machine `data` in `home`, at time `now` if given.
pub fn lp(home: &Path, data: &Path, args: &[&str], now: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_learnpath"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LEARNPATH_DATA_DIR", data)
        .env("LEARNPATH_CONFIG_DIR", home.join("config"))
        .env("LEARNPATH_CACHE_DIR", home.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(now) = now {
        cmd.env("LEARNPATH_NOW", now);
    }
    super::spawn(&mut cmd).wait_with_output().unwrap()
}

/// What a run that must succeed printed.
pub fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run that must fail printed on stderr.
pub fn fails(out: Output) -> String {
    assert!(!out.status.success(), "succeeded: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Git run by hand in `dir` (as a learner or another tool would).
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("GIT_AUTHOR_NAME", "Mallory")
        .env("GIT_AUTHOR_EMAIL", "mallory@example.com")
        .env("GIT_COMMITTER_NAME", "Mallory")
        .env("GIT_COMMITTER_EMAIL", "mallory@example.com")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A new bare repository `remote.git` in `home`, on branch main.
pub fn bare(home: &Path) -> String {
    let remote = home.join("remote.git");
    std::fs::create_dir_all(&remote).unwrap();
    git(&remote, &["init", "-q", "--bare", "--initial-branch=main"]);
    remote.to_string_lossy().into_owned()
}

/// `status --json` without what must differ between machines: the file's
/// path and the sync state.
pub fn status(home: &Path, data: &Path) -> Value {
    let mut v: Value = serde_json::from_str(&ok(lp(home, data, &["status", "--json"], None))).unwrap();
    v.as_object_mut().unwrap().remove("progress_file");
    v.as_object_mut().unwrap().remove("sync");
    v
}

/// How many topics machine `data` shows done.
pub fn done(home: &Path, data: &Path) -> u64 {
    status(home, data)["done"].as_u64().unwrap()
}

/// The status recorded for `key` of the shipped path in `data`'s file.
pub fn topic_status(data: &Path, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(data.join("progress.json")).ok()?;
    let v: Value = serde_json::from_str(&text).ok()?;
    v["curricula"]["backend"]["topics"][key]["status"].as_str().map(str::to_string)
}

/// Some of the shipped path's topics.
pub const TOPICS: [&str; 5] = [
    "coding-basics/variables",
    "coding-basics/loops",
    "coding-basics/lists",
    "coding-basics/functions",
    "dsa/big-o",
];

/// Machines `a` and `b` in `home`, both synced with one bare remote.
pub fn two_machines(home: &Path) -> (String, PathBuf, PathBuf) {
    let remote = bare(home);
    let (a, b) = (home.join("a"), home.join("b"));
    ok(lp(home, &a, &["sync", "init", &remote], None));
    ok(lp(home, &b, &["sync", "init", &remote], None));
    (remote, a, b)
}

/// Commits `files` (path, bytes) on top of the remote's main as Mallory
/// would from a clone of her own, and pushes: a careless or hostile
/// machine that does not run learnpath. Links are `("path", None)` with
/// the target in `link`.
pub fn push_as_mallory(home: &Path, remote: &str, files: &[(&str, &[u8])], links: &[(&str, &str)]) {
    let clone = home.join("mallory");
    let _ = std::fs::remove_dir_all(&clone);
    git(home, &["clone", "-q", remote, &clone.to_string_lossy()]);
    for (path, bytes) in files {
        let file = clone.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        // Not through a link an earlier push left in her clone.
        let _ = std::fs::remove_file(&file);
        std::fs::write(file, bytes).unwrap();
    }
    #[cfg(unix)]
    for (path, target) in links {
        let file = clone.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&file);
        std::os::unix::fs::symlink(target, file).unwrap();
    }
    #[cfg(not(unix))]
    let _ = links;
    git(&clone, &["add", "-A", "-f", "."]);
    git(&clone, &["commit", "-q", "--allow-empty", "-m", "mallory's change"]);
    git(&clone, &["push", "-q", "origin", "HEAD:main"]);
}

/// The remote's `progress.json` parses as JSON with a format number.
pub fn remote_progress_parses(remote: &str) -> bool {
    let text = git(Path::new(remote), &["show", "main:progress.json"]);
    serde_json::from_str::<Value>(&text).is_ok_and(|v| v["format"].is_u64())
}
