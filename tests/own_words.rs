//! The shipped content is written in learnpath's own words: no run of ten
//! words from the source document's prose appears in `content/`, apart from
//! the facts taken on purpose (step, topic and resource titles, the FAQ's
//! questions).
//!
//! The source is not part of this repository, so `fixtures/seed-runs.txt`
//! holds a hash of every ten-word run of it, not its text. When the source
//! is beside the repository (`../shared/seed/`), the test also checks that
//! the fixture matches it; `LEARNPATH_WRITE_SEED_RUNS=1` rewrites the fixture
//! from it.

use std::collections::BTreeSet;
use std::path::Path;

use learnpath::curriculum::Curriculum;

const RUN: usize = 10;
const SEED: &str = "../shared/seed/learn-backend-development.md";
const FIXTURE: &str = "tests/fixtures/seed-runs.txt";

/// Lowercase words: runs of letters and digits, so punctuation, quotes and
/// TOML's escapes never hide a copied phrase.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// FNV-1a, written out so the fixture never depends on a hasher's version.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn runs(text: &str) -> BTreeSet<u64> {
    words(text).windows(RUN).map(|w| fnv(&w.join(" "))).collect()
}

fn fixture() -> BTreeSet<u64> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).unwrap();
    text.lines().map(|l| u64::from_str_radix(l, 16).expect("a hex hash per line")).collect()
}

#[test]
fn the_fixture_is_the_sources_runs() {
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED));
    if let (Ok(text), Some(_)) = (&seed, std::env::var_os("LEARNPATH_WRITE_SEED_RUNS")) {
        let lines: String = runs(text).iter().map(|h| format!("{h:016x}\n")).collect();
        std::fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE), lines).unwrap();
    }
    let fixture = fixture();
    assert!(fixture.len() > 2000, "the source has thousands of words; the fixture has {}", fixture.len());
    let Ok(text) = seed else {
        return; // A clone without the source beside it: the fixture stands.
    };
    let expected = runs(&text);
    assert_eq!(fixture, expected, "the source changed: rewrite the fixture (see this file's header)");
}

/// Every piece of prose in the shipped path, named for the message.
fn prose(c: &Curriculum) -> Vec<(String, String)> {
    let mut out = vec![("summary".to_string(), c.summary.clone().unwrap_or_default())];
    for step in c.steps() {
        let id = step.id.get_ref();
        out.push((format!("{id} goal"), step.goal.clone().unwrap_or_default()));
        out.push((format!("{id} body"), step.body.clone().unwrap_or_default()));
        for topic in &step.topics {
            let key = step.key(topic);
            out.push((format!("{key} summary"), topic.summary.clone().unwrap_or_default()));
            out.extend(topic.check.iter().map(|q| (format!("{key} check"), q.clone())));
        }
        for res in step.all_resources() {
            out.push((format!("{} note", res.title.get_ref()), res.note.clone().unwrap_or_default()));
        }
    }
    for faq in &c.faq {
        out.push((format!("answer to {:?}", faq.question.get_ref()), faq.answer.clone()));
    }
    out
}

#[test]
fn no_ten_words_of_the_sources_prose_are_in_content() {
    let seed = fixture();
    let c = Curriculum::shipped();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let comments: String = learnpath::curriculum::SHIPPED
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let readme = std::fs::read_to_string(root.join("content/README.md")).unwrap();
    let mut texts = prose(&c);
    texts.push(("comments in backend.toml".into(), comments));
    texts.push(("content/README.md".into(), readme));
    let copied: Vec<String> = texts
        .iter()
        .filter_map(|(name, text)| {
            let w = words(text);
            let hit = w.windows(RUN).find(|run| seed.contains(&fnv(&run.join(" "))))?;
            Some(format!("{name}: \"{}\"", hit.join(" ")))
        })
        .collect();
    assert!(copied.is_empty(), "copied from the source; say it in your own words:\n{}", copied.join("\n"));
}

#[test]
fn the_check_finds_a_copied_run() {
    // Any ten words in a row of the source, found through the fixture alone.
    let seed = fixture();
    let text = "xx yy zz";
    assert!(words(text).windows(RUN).all(|run| !seed.contains(&fnv(&run.join(" ")))));
    let Ok(source) = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)) else {
        return;
    };
    let w = words(&source);
    assert!(seed.contains(&fnv(&w[100..100 + RUN].join(" "))));
}
