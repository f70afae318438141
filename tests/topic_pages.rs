//! Topic pages in the format: a topic's summary, self-checks, its own
//! resources, what it requires, and each resource's kind.

mod common;

use common::refused;
use learnpath::curriculum::{Curriculum, Kind};

const PAGES: &str = r#"format = 1
id = "pages"
title = "Pages"

[[steps]]
id = "one"
title = "One"

[[steps.topics]]
id = "loops"
title = "Loops"
hours = 3
summary = "Repeat work over a list or until a condition holds."
check = ["What does `break` do?", "When would you pick `while` over `for`?"]

[[steps.topics.resources]]
title = "Loops in Python"
url = "https://example.com/loops"
kind = "docs"

[[steps.topics]]
id = "functions"
title = "Functions"
requires = ["loops"]

[[steps.resources]]
title = "A course"
url = "https://example.com/course"
kind = "course"

[[steps]]
id = "two"
title = "Two"

[[steps.topics]]
id = "servers"
title = "Servers"
requires = ["one/functions", "one/loops"]
"#;

#[test]
fn a_topic_page_loads_with_its_summary_checks_resources_and_requirements() {
    let c = Curriculum::parse(PAGES, "x.toml").unwrap();
    let loops = &c.steps()[0].topics[0];
    assert_eq!(loops.summary.as_deref(), Some("Repeat work over a list or until a condition holds."));
    assert_eq!(loops.check.len(), 2);
    assert_eq!(loops.resources[0].kind, Some(Kind::Docs));
    assert_eq!(c.steps()[0].resources[0].kind, Some(Kind::Course));
    assert_eq!(c.requires(0, 1), [(0, 0)], "an id alone is a topic of the same step");
    assert_eq!(c.requires(1, 0), [(0, 1), (0, 0)], "STEP/TOPIC reaches other steps, in the file's order");
    assert!(c.requires(0, 0).is_empty());
}

#[test]
fn every_new_field_is_optional_so_older_files_still_load() {
    let c = Curriculum::parse(&PAGES.replace("requires = [\"loops\"]\n", ""), "x.toml").unwrap();
    let functions = &c.steps()[0].topics[1];
    assert!(functions.summary.is_none() && functions.check.is_empty() && functions.resources.is_empty());
    assert!(functions.requires.is_empty());
}

#[test]
fn a_requirement_that_names_no_topic_is_reported_where_it_is() {
    let e = refused(&PAGES.replace("requires = [\"loops\"]", "requires = [\"lops\"]"));
    assert!(e.starts_with("x.toml:24:13: `requires` names \"lops\", which is not a topic here"), "{e}");
    let e = refused(&PAGES.replace("\"one/functions\"", "\"two/functions\""));
    assert!(e.contains("`requires` names \"two/functions\""), "another step's topic needs its step: {e}");
}

#[test]
fn requirements_that_go_round_in_a_circle_are_refused() {
    let cycle = PAGES.replace("summary = \"Repeat", "requires = [\"two/servers\"]\nsummary = \"Repeat");
    let e = refused(&cycle);
    assert!(e.contains("`requires` makes a cycle"), "{e}");
    // loops → servers → loops, and loops → servers → functions → loops.
    assert_eq!(e.lines().filter(|l| l.contains("cycle")).count(), 2, "{e}");
    assert!(e.contains("one/loops → two/servers → one/loops"), "the message names the cycle: {e}");
    let own = refused(&PAGES.replace("requires = [\"loops\"]", "requires = [\"functions\"]"));
    assert_eq!(own.lines().count(), 1, "a cycle is reported once: {own}");
    assert!(own.contains("makes a cycle: one/functions → one/functions"), "{own}");
}

#[test]
fn a_long_chain_of_requirements_is_checked_without_deep_recursion() {
    let mut text =
        String::from("format = 1\nid = \"c\"\ntitle = \"C\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n");
    let n = 50_000;
    for i in 0..n {
        text += &format!("[[steps.topics]]\nid = \"t{i}\"\ntitle = \"T\"\n");
        if i > 0 {
            text += &format!("requires = [\"t{}\"]\n", i - 1);
        }
    }
    let c = Curriculum::parse(&text, "x.toml").unwrap();
    assert_eq!(c.requires(0, n - 1), [(0, n - 2)]);
    let looped = text.replace(
        "id = \"t0\"\ntitle = \"T\"\n",
        &format!("id = \"t0\"\ntitle = \"T\"\nrequires = [\"t{}\"]\n", n - 1),
    );
    assert!(refused(&looped).contains("makes a cycle"));
}

#[test]
fn an_unknown_kind_lists_the_choices() {
    let e = refused(&PAGES.replace("kind = \"docs\"", "kind = \"webinar\""));
    assert!(e.starts_with("x.toml:19:8:"), "{e}");
    for kind in Kind::ALL {
        assert!(e.contains(kind.name()), "{} missing from: {e}", kind.name());
    }
}

#[test]
fn a_topics_own_links_and_checks_are_held_to_the_same_rules() {
    let e = refused(&PAGES.replace("https://example.com/loops", "javascript:alert(1)"));
    assert!(e.starts_with("x.toml:18:7: bad url"), "{e}");
    let e = refused(&PAGES.replace("\"What does `break` do?\"", "\"  \""));
    assert!(e.contains("a `check` question of this topic is empty"), "{e}");
    let long = "x".repeat(64 * 1024 + 1);
    let e = refused(&PAGES.replace("Repeat work over a list or until a condition holds.", &long));
    assert!(e.contains("topic summary is 65537 bytes"), "{e}");
}

#[test]
fn a_topics_text_reaches_the_screen_as_visible_text() {
    let c = Curriculum::parse(&PAGES.replace("`break`", "\\u001b[31m"), "x.toml").unwrap();
    assert!(c.steps()[0].topics[0].check[0].contains('␛'));
}

#[test]
fn the_starter_from_new_uses_every_field_and_loads() {
    let c = Curriculum::parse(learnpath::cmd::new::STARTER, "starter.toml").unwrap();
    let first = &c.steps()[0];
    assert!(c.weekly_hours.is_some() && !first.aliases.is_empty());
    let topic = &first.topics[0];
    assert!(topic.hours.is_some() && topic.summary.is_some() && !topic.check.is_empty());
    assert!(topic.resources.iter().all(|r| r.kind.is_some()) && !topic.resources.is_empty());
    assert_eq!(c.requires(0, 1), [(0, 0)]);
    assert_eq!(c.requires(1, 0), [(0, 1)]);
    assert!(first.topics[1].aliases.len() == 1 && first.resources.iter().all(|r| r.kind.is_some()));
}
