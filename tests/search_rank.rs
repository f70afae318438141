//! Search ranks as a person would: a table of queries on the shipped path
//! and what must come first, and how many results at most.

use learnpath::curriculum::Curriculum;
use learnpath::notes::Notes;
use learnpath::search::{Kind, Searcher};

/// (query, the first result's text starts with, its kind, at most this many results)
const TABLE: &[(&str, &str, Kind, usize)] = &[
    ("loops", "Loops", Kind::Topic, 5),
    ("http", "What is HTTP?", Kind::Topic, 60),
    ("sql", "SQLite", Kind::Topic, 5),
    ("big o", "Big O notation", Kind::Topic, 5),
    ("docker", "Docker", Kind::Topic, 5),
    ("json", "Build a small API", Kind::Topic, 5),
    ("functions", "Functions", Kind::Topic, 3),
    ("git", "Version control with Git", Kind::Topic, 12),
];

#[test]
fn queries_find_what_a_person_means_first_and_little_noise() {
    let c = Curriculum::shipped();
    let mut searcher = Searcher::new(&c, &Notes::default());
    for &(query, first, kind, most) in TABLE {
        let (hits, total) = searcher.search(query, 50);
        let texts: Vec<&str> = hits.iter().map(|h| searcher.entries()[h.entry].text.as_str()).collect();
        let top = &searcher.entries()[hits[0].entry];
        assert!(
            top.text.starts_with(first) && top.kind == kind,
            "{query}: first is {:?}: {texts:#?}",
            top.text
        );
        assert!(total <= most, "{query}: {total} results, at most {most} wanted: {texts:#?}");
    }
    // Every SQL topic comes before anything else that matches.
    let (hits, _) = searcher.search("sql", 50);
    let kinds: Vec<Kind> = hits.iter().take(3).map(|h| searcher.entries()[h.entry].kind).collect();
    assert_eq!(kinds, [Kind::Topic; 3], "the SQL topics first");
    // Typos still find things: fuzzy matching is kept.
    let (hits, _) = searcher.search("lops", 50);
    assert!(hits.iter().any(|h| searcher.entries()[h.entry].text == "Loops"), "a typo still finds Loops");
}
