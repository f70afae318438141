//! A learner's first hour, in the real binary in a pseudo-terminal: each
//! friction a new user met (issue 20), as they met it.

// These run the binary in a Unix pseudo-terminal; docs/engineering.md
// lists them under "Systems: what is verified where".
#![cfg(unix)]

mod common;

use common::pty::Pty;

/// `HOME` in a temp dir with the config dir inside it, for both the
/// command line and the TUI.
fn home() -> (tempfile::TempDir, Vec<(&'static str, String)>) {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config").display().to_string();
    (home, vec![("LEARNPATH_CONFIG_DIR", config)])
}

fn tui(home: &std::path::Path, env: &[(&'static str, String)], cols: u16, rows: u16) -> Pty {
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = Pty::spawn(&[], cols, rows, home, &env);
    app.wait_for("Steps");
    app
}

fn quit(mut app: Pty) {
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_path_made_with_new_is_in_c_and_opens() {
    let (home, env) = home();
    let out = common::learnpath(home.path(), &["new", "mypath"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut app = tui(home.path(), &env, 80, 24);
    app.send("c");
    app.wait_for("My learning path  0/3 · 0%");
    app.wait_for("mypath.toml");
    app.send("j\r");
    app.wait_for("Opened My learning path");
    quit(app);
}

#[test]
fn y_copies_the_id_the_page_shows_and_mark_takes_it() {
    let (home, env) = home();
    let mut app = tui(home.path(), &env, 100, 30);
    app.send("lj");
    app.wait_for("coding-basics/comparison-operators");
    app.send("Y");
    app.wait_for("Copied: coding-basics/comparison-operators");
    quit(app);
    let out = common::learnpath(home.path(), &["mark", "comparison operators", "done"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(common::status_json(home.path())["done"], 1);
}

#[test]
fn today_shows_each_topics_hours_and_the_days_budget() {
    let (home, env) = home();
    let mut app = tui(home.path(), &env, 100, 30);
    app.send("T");
    app.wait_for("Today's budget:");
    app.wait_for("min a day, from");
    app.wait_for("about");
    app.wait_for("days at");
    quit(app);
}

#[test]
fn searching_loops_finds_loops_first_and_no_noise() {
    let (home, env) = home();
    let mut app = tui(home.path(), &env, 100, 30);
    app.send("/loops");
    // One match, the topic itself: once fuzzy, 35, down to open-source
    // projects.
    app.wait_for("1 match");
    app.wait_for("topic Loops");
    let screen = app.contents();
    assert!(!screen.contains("open-source"), "weak matches are dropped:\n{screen}");
    app.send("\r");
    app.wait_for("Topic 3 of 7");
    quit(app);
}

#[test]
fn links_break_after_a_slash_and_small_terminals_keep_counts_and_hosts() {
    let (home, env) = home();
    let mut app = tui(home.path(), &env, 100, 30);
    app.send("ljzJ");
    app.wait_for("https://www.freecodecamp.org/news/learn-javascript-");
    app.wait_for("   full-course/");
    quit(app);
    // A fresh start, not where the first one was left.
    let (home, env) = self::home();
    let mut small = tui(home.path(), &env, 60, 15);
    small.send("jjjjl");
    small.wait_for("https://www.codecademy.com");
    let screen = small.contents();
    let cut = screen.lines().find(|l| l.contains("6. ")).unwrap_or_default().to_string();
    assert!(cut.contains("0/4"), "the cut step keeps its count:\n{screen}");
    assert_eq!(screen.matches("[ ]").count(), 4, "four rows of the checklist:\n{screen}");
    quit(small);
}

#[test]
fn z_gives_the_page_room_and_its_keys_keep_working() {
    let (home, env) = home();
    let mut app = tui(home.path(), &env, 100, 30);
    app.send("lz");
    app.wait_for("z: the panes");
    app.wait_for("Check yourself:");
    app.send("j ");
    app.wait_for("[x] Comparison operators");
    app.wait_for("1/61");
    app.send("z");
    app.wait_for("Topics 1/7");
    quit(app);
}

/// The README's "first five minutes", command by command as written there.
#[test]
fn the_readmes_first_five_minutes_work_as_written() {
    let readme = include_str!("../README.md");
    let section = readme.split("## The first five minutes").nth(1).unwrap().split("\n## ").next().unwrap();
    let commands: Vec<&str> =
        section.split('`').skip(1).step_by(2).filter(|c| c.starts_with("learnpath ")).collect();
    assert_eq!(
        commands,
        [
            "learnpath mark loops done",
            "learnpath status",
            "learnpath next",
            "learnpath --demo --days 30",
            "learnpath new my-path",
            "learnpath import plan.md"
        ],
        "the walk-through changed: update this test with it"
    );
    let (home, env) = home();
    for command in commands {
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        if args[0] == "--demo" {
            let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let demo = Pty::spawn(&args, 100, 30, home.path(), &env);
            demo.wait_for("DEMO · clock +30 days");
            quit(demo);
            continue;
        }
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        // The walk-through's plan.md is the learner's own: one is written
        // for it, in the home the command runs for.
        let plan = home.path().join("plan.md");
        std::fs::write(&plan, "# My plan\n\n## Week 1\n\n- [x] Read the intro\n- [ ] Build a CLI\n").unwrap();
        let args: Vec<&str> =
            args.iter().map(|a| if *a == "plan.md" { plan.to_str().unwrap() } else { a }).collect();
        let out = common::learnpath(home.path(), &args, &env);
        assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
        let said = String::from_utf8_lossy(&out.stdout);
        match args[0] {
            "mark" => assert_eq!(common::status_json(home.path())["done"], 1, "{command} ticked Loops"),
            "import" => assert!(said.contains("2 topics in 1 step, 0 links, 1 done."), "{said}"),
            "new" => {
                let file = home.path().join("config").join("curricula").join("my-path.toml");
                assert!(file.is_file() && said.contains(&file.display().to_string()), "{said}");
            }
            _ => assert!(!said.trim().is_empty(), "{command} said nothing"),
        }
    }
    assert_eq!(common::status_json(home.path())["done"], 1, "the demo wrote nothing back");
    // Then, in the app: the keys the walk-through names.
    let mut app = tui(home.path(), &env, 100, 30);
    app.send("T");
    app.wait_for("Today's budget:");
    app.send("\x1b");
    app.wait_for("Topics 1/7");
    app.send("c");
    app.wait_for("My learning path  0/3 · 0%");
    app.wait_for("My plan  1/2 · 50%");
    app.send("\x1b");
    quit(app);
}

#[test]
fn a_key_typed_while_it_starts_is_acted_on() {
    let (home, env) = home();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut app = Pty::spawn(&[], 100, 30, home.path(), &env);
    // Typed before the first frame can have been drawn.
    app.send("jj");
    app.wait_for("Step 3 of 7");
    quit(app);
}
