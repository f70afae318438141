//! Every `--json` output keeps its keys and their order: scripts read them
//! (`.ci/windows-cli` reads lines). Each output's shape, the keys of every
//! object in order, is pinned, in states where the keys that appear only
//! sometimes (a review's `retrievability`, a list's `error`) are there.

mod common;

use serde_json::Value;

/// The keys of every object in `v`, in order, one path a line; an
/// array's elements are merged into one shape.
fn shape(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            out.push(format!("{path}: {}", map.keys().cloned().collect::<Vec<_>>().join(", ")));
            for (k, child) in map {
                shape(child, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            let mut lines = Vec::new();
            for item in items {
                let mut one = Vec::new();
                shape(item, &format!("{path}[]"), &mut one);
                for line in one {
                    if !lines.contains(&line) {
                        lines.push(line);
                    }
                }
            }
            out.extend(lines);
        }
        _ => {}
    }
}

fn shapes(home: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = common::learnpath(home, args, env);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut lines = Vec::new();
    shape(&value, "", &mut lines);
    format!("{}\n{}\n", args.join(" "), lines.join("\n"))
}

#[test]
fn every_json_output_keeps_its_keys_in_order() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let early = [("LEARNPATH_NOW", "2026-01-01T10:00:00Z")];
    for key in ["coding-basics/variables", "coding-basics/loops"] {
        assert!(common::learnpath(home, &["mark", key, "done"], &early).status.success());
    }
    assert!(common::learnpath(home, &["mark", "dsa/big-o", "progress"], &early).status.success());
    // A change stamped far ahead of the clock, for `status`'s `ahead`.
    let future = [("LEARNPATH_NOW", "2027-01-01T10:00:00Z")];
    assert!(common::learnpath(home, &["mark", "coding-basics/lists", "skipped"], &future).status.success());
    // A curriculum that loads and one that does not, for `list`.
    let curricula = home.join("config/curricula");
    std::fs::create_dir_all(&curricula).unwrap();
    std::fs::write(curricula.join("mine.toml"), learnpath::cmd::new::STARTER).unwrap();
    std::fs::write(curricula.join("broken.toml"), "title = 3\n").unwrap();
    let later = [("LEARNPATH_NOW", "2026-03-01T10:00:00Z")];
    let mut all = String::new();
    for args in [
        &["status", "--json"][..],
        &["next", "--json"],
        &["today", "--json"],
        &["review", "--json"],
        &["stats", "--json"],
        &["list", "--json"],
        &["export", "--format", "json"],
    ] {
        all.push_str(&shapes(home, args, &later));
        all.push('\n');
    }
    // `next` for a topic to learn, not a review: no retrievability.
    all.push_str(&shapes(home, &["next", "--json"], &early));
    insta::assert_snapshot!("json_keys", all);
}
