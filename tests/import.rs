//! `import`: Markdown paths in. Each fixture in `tests/fixtures/import/`
//! is one kind of source, written for these tests; the TOML it makes is an
//! insta snapshot, and it validates.

use std::path::Path;

use learnpath::curriculum::Curriculum;
use learnpath::import::{self, Options, Skipped};
use learnpath::progress::Status;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
    std::fs::read_to_string(path).unwrap()
}

fn options(name: &str) -> Options {
    Options {
        name: name.to_string(),
        source: Some(format!("tests/fixtures/import/{name}")),
        ..Options::default()
    }
}

fn imported(name: &str) -> import::Imported {
    import::import(&fixture(name), &options(name), None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The fixture's TOML, checked against its snapshot and parsed back as
/// `learnpath validate` parses a file.
fn snapshot(name: &str) -> import::Imported {
    let i = imported(name);
    Curriculum::parse(&i.text, name).unwrap_or_else(|e| panic!("{name} does not validate: {e}"));
    insta::assert_snapshot!(name.trim_end_matches(".md"), i.text);
    i
}

fn titles(c: &Curriculum) -> Vec<Vec<String>> {
    c.steps().iter().map(|s| s.topics.iter().map(|t| t.title.get_ref().clone()).collect()).collect()
}

#[test]
fn nested_lists_make_one_topic_per_item_and_link_items_its_resources() {
    let i = snapshot("nested-lists.md");
    let c = &i.curriculum;
    assert_eq!(c.title.get_ref(), "Build Things to Learn Things");
    let go = &c.steps()[0].topics;
    assert_eq!(go[0].summary.as_deref(), Some("persistence, a log and compaction"));
    assert_eq!(go[2].title.get_ref(), "Command-line tools");
    assert_eq!(go[2].resources.len(), 2, "the sub-items that are links are its resources");
    // Deeper nesting flattens in order.
    assert_eq!(titles(c)[1], ["Web", "Frameworks", "A web scraper", "A Markdown to HTML converter"]);
}

#[test]
fn task_lists_become_topics_and_their_ticks_done() {
    let i = snapshot("task-list.md");
    let keys: Vec<&str> = i.ticks.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["arrays/dynamic-arrays", "linked-lists/singly-linked-lists", "sorting/heap-sort"]);
    assert!(i.ticks.iter().all(|(_, s)| *s == Status::Done));
    // A ticked link under a topic is a resource read, not a topic.
    assert_eq!(i.read, ["arrays/https://example.org/arrays/resize"]);
    assert_eq!(i.curriculum.steps().len(), 3, "steps come from the deepest headings with lists");
}

#[test]
fn tables_give_hours_and_requires() {
    let i = snapshot("table.md");
    let c = &i.curriculum;
    let hours: Vec<Option<f64>> = c.steps().iter().flat_map(|s| s.topics.iter().map(|t| t.hours)).collect();
    assert_eq!(hours, [Some(100.0), Some(72.0), None, Some(72.0), Some(120.0), None]);
    assert_eq!(i.hours_unknown.len(), 2);
    let os = &c.steps()[1].topics[1];
    let requires: Vec<&str> = os.requires.iter().map(|r| r.get_ref().as_str()).collect();
    assert_eq!(requires, ["core-systems/computer-architecture", "introduction/program-design"]);
    // Words that name no topic stay words.
    assert_eq!(c.steps()[0].topics[2].summary.as_deref(), Some("Prerequisites: high school algebra"));
    assert_eq!(i.prereq_as_text.len(), 1);
}

#[test]
fn roadmap_links_get_their_kinds() {
    let i = snapshot("roadmap.md");
    let c = &i.curriculum;
    assert_eq!(c.title.get_ref(), "HTTP Caching");
    let kinds: Vec<&str> =
        c.steps()[0].topics.iter().map(|t| t.resources[0].kind.map_or("none", |k| k.name())).collect();
    assert_eq!(kinds, ["article", "docs", "video", "tool", "article", "podcast", "course", "book"]);
    assert_eq!(c.steps()[0].topics[1].title.get_ref(), "The Cache-Control Header");
}

#[test]
fn non_latin_titles_get_readable_ids() {
    let i = snapshot("non-latin.md");
    for s in i.curriculum.steps() {
        assert!(learnpath::curriculum::is_valid_id(s.id.get_ref()) && s.id.get_ref().len() > 2);
        for t in &s.topics {
            assert!(
                learnpath::curriculum::is_valid_id(t.id.get_ref()) && t.id.get_ref().len() > 2,
                "{:?}",
                t.id
            );
        }
    }
    assert_eq!(i.curriculum.steps()[0].id.get_ref(), "ji-chu-zhi-shi");
    assert_eq!(i.curriculum.steps()[2].id.get_ref(), "osnovy-setei");
}

#[test]
fn duplicate_titles_get_distinct_ids() {
    let i = snapshot("duplicates.md");
    let ids: Vec<Vec<&str>> = i
        .curriculum
        .steps()
        .iter()
        .map(|s| s.topics.iter().map(|t| t.id.get_ref().as_str()).collect())
        .collect();
    assert_eq!(ids[0], ["exercises", "exercises-2", "review", "exercises-3"]);
    assert_eq!(i.curriculum.steps()[1].id.get_ref(), "week-1-2");
}

#[test]
fn empty_sections_are_reported_not_made_steps() {
    let i = snapshot("empty-sections.md");
    assert_eq!(i.empty, [("Coming later".to_string(), 7), ("Also empty".to_string(), 9)]);
    assert_eq!(titles(&i.curriculum), [vec!["The first chapter"], vec!["The last chapter"]]);
}

#[test]
fn html_images_and_badges_are_reported_with_lines() {
    let i = snapshot("html-images.md");
    use Skipped::{Badge, Code, Html, Image};
    assert_eq!(
        i.skipped,
        [(Badge, 3), (Badge, 3), (Html, 5), (Image, 9), (Html, 13), (Image, 14), (Code, 18)]
    );
    assert_eq!(i.not_web, [15, 16], "the relative link and the mailto: are said");
    assert!(i.text.find("img.example.com").is_none() && i.text.find("ci.example.com").is_none());
}

#[test]
fn links_with_parentheses_and_angle_brackets_keep_their_targets() {
    let i = snapshot("tricky-links.md");
    let urls: Vec<&str> =
        i.curriculum.steps()[0].topics.iter().map(|t| t.resources[0].url.get_ref().as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://en.example.org/wiki/Rust_(programming_language)",
            "https://example.org/a%20path/with%20spaces",
            "https://example.org/docs?q=a&b=c",
            "https://example.org/autolink",
            "https://example.org/nested",
            "https://example.org/paren)end",
        ]
    );
}

/// The edited study plan imported onto the first: what a re-import writes,
/// aliases included.
#[test]
fn a_reimport_writes_aliases_for_what_moved_or_was_renamed() {
    let first = imported("task-list.md");
    let name = "task-list-edited.md";
    let again = import::import(&fixture(name), &options(name), Some(&first.curriculum)).unwrap();
    Curriculum::parse(&again.text, name).unwrap();
    insta::assert_snapshot!("task-list-edited", again.text);
    let renamed: Vec<(&str, &str)> =
        again.changes.renamed.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        renamed,
        [
            ("linked-lists/doubly-linked-lists", "arrays/doubly-linked-lists"),
            ("sorting/heap-sort", "sorting/heapsort-in-place")
        ]
    );
    assert_eq!(again.changes.added, ["linked-lists/skip-lists"]);
    assert_eq!(again.changes.removed, ["linked-lists/why-linked-lists-are-slow-in-practice"]);
    let c = &again.curriculum;
    assert_eq!(c.resolve("linked-lists/doubly-linked-lists"), c.locate("arrays/doubly-linked-lists"));
    assert_eq!(c.resolve("sorting/heap-sort"), c.locate("sorting/heapsort-in-place"));
}
