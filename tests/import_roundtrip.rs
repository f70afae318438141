//! Export → import: any path, written out by `learnpath export`, reads
//! back with the same steps, topics, ids and titles, its done topics ticked
//! and its read links read.

use learnpath::curriculum::Curriculum;
use learnpath::import::{self, Options};
use learnpath::notes::Notes;
use learnpath::progress::{Progress, Status};
use proptest::prelude::*;

/// Titles with every character Markdown could take for a mark.
fn title() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[A-Za-z0-9数é*_`#&<>\\[\\]()~|!$+.:;'\"\\\\-]{1,8}( [A-Za-z0-9数*_`#&<>\\[\\]()~|!+.:-]{1,8}){0,3}",
    )
    .unwrap()
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A topic: its title, its status (0 todo, 1 done, 2 in progress, 3
/// skipped), whether it has a link.
type GenTopic = (String, u8, bool);

/// A step: its title, whether it is an extra, its topics, its own links
/// (each read or not).
type GenStep = (String, bool, Vec<GenTopic>, Vec<bool>);

#[derive(Debug, Clone)]
struct Shape {
    steps: Vec<GenStep>,
}

fn shape() -> impl Strategy<Value = Shape> {
    let topic = (title(), 0u8..4, any::<bool>());
    let step = (
        title(),
        any::<bool>(),
        proptest::collection::vec(topic, 0..5),
        proptest::collection::vec(any::<bool>(), 0..3),
    );
    proptest::collection::vec(step, 1..5).prop_map(|steps| Shape { steps })
}

/// The path `shape` describes, and progress with its ticks and reads.
fn build(shape: &Shape) -> (Curriculum, Progress) {
    let mut text = String::from("format = 1\nid = \"p\"\ntitle = \"P\"\n");
    for (si, (title, optional, topics, links)) in shape.steps.iter().enumerate() {
        text += &format!("\n[[steps]]\nid = \"s{si}\"\ntitle = {}\noptional = {optional}\n", quoted(title));
        for (ti, (title, _, link)) in topics.iter().enumerate() {
            text += &format!("\n[[steps.topics]]\nid = \"t{ti}\"\ntitle = {}\n", quoted(title));
            if *link {
                text += &format!(
                    "\n[[steps.topics.resources]]\ntitle = {}\nurl = \"https://e.org/{si}/{ti}(x)\"\n",
                    quoted(title)
                );
            }
        }
        for (li, _) in links.iter().enumerate() {
            text += &format!(
                "\n[[steps.resources]]\ntitle = \"L{li}\"\nurl = \"https://e.org/{si}/l{li}\"\nprovider = \"P & Co\"\n"
            );
        }
    }
    let c = Curriculum::parse(&text, "gen.toml").unwrap();
    let mut progress = Progress::in_memory();
    let at = "2026-03-01T10:00:00Z".parse().unwrap();
    for (si, (_, _, topics, links)) in shape.steps.iter().enumerate() {
        for (ti, (_, state, _)) in topics.iter().enumerate() {
            let status = [Status::Todo, Status::Done, Status::InProgress, Status::Skipped][*state as usize];
            progress.set("p", &format!("s{si}/t{ti}"), status, at);
        }
        for (li, read) in links.iter().enumerate() {
            progress.set_read("p", &format!("s{si}/https://e.org/{si}/l{li}"), *read, at);
        }
    }
    (c, progress)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn an_export_imports_back_as_it_was(shape in shape()) {
        let (c, progress) = build(&shape);
        let md = learnpath::cmd::export::report(&c, &progress, &Notes::load(None, &c)).to_string();
        let back = import::import(&md, &Options { name: "export.md".into(), ..Options::default() }, None)
            .unwrap_or_else(|e| panic!("{e}\n{md}"));
        let b = &back.curriculum;
        prop_assert_eq!(b.title.get_ref(), "P");
        prop_assert_eq!(b.steps().len(), c.steps().len(), "{}", md);
        for (s, t) in c.steps().iter().zip(b.steps()) {
            prop_assert_eq!(s.id.get_ref(), t.id.get_ref(), "{}", md);
            prop_assert_eq!(s.title.get_ref(), t.title.get_ref(), "{}", md);
            prop_assert_eq!(s.optional, t.optional);
            let ids = |s: &learnpath::curriculum::Step| s.topics.iter().map(|t| (t.id.get_ref().clone(), t.title.get_ref().clone())).collect::<Vec<_>>();
            prop_assert_eq!(ids(s), ids(t), "{}", md);
            let urls = |s: &learnpath::curriculum::Step| s.all_resources().map(|r| r.url.get_ref().clone()).collect::<Vec<_>>();
            prop_assert_eq!(urls(s), urls(t), "{}", md);
            prop_assert!(t.resources.iter().all(|r| r.provider.as_deref() == Some("P & Co")));
        }
        // The store's entries come in key order; the import's in the path's.
        let mut ticks: Vec<(String, &str)> = progress.topics("p").filter(|(_, e)| e.status != Status::Todo).map(|(k, e)| (k.clone(), e.status.name())).collect();
        let mut got: Vec<(String, &str)> = back.ticks.iter().map(|(k, s)| (k.clone(), s.name())).collect();
        ticks.sort();
        got.sort();
        prop_assert_eq!(got, ticks, "{}", md);
        let mut read: Vec<String> = progress.resources("p").filter(|(_, e)| e.status == Status::Done).map(|(k, _)| k.clone()).collect();
        let mut got = back.read.clone();
        read.sort();
        got.sort();
        prop_assert_eq!(got, read, "{}", md);
    }
}

/// Markdown made of the marks a path is read from, in any order.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# ".to_string()),
        Just("## ".to_string()),
        Just("### ".to_string()),
        Just("- ".to_string()),
        Just("  - ".to_string()),
        Just("- [x] ".to_string()),
        Just("- [ ] ".to_string()),
        Just("1. ".to_string()),
        Just("| a | Duration | Effort | Prerequisites |\n|---|---|---|---|\n".to_string()),
        Just("| ".to_string()),
        Just("[t](https://e.org/x)".to_string()),
        Just("[@video@v](https://e.org/v)".to_string()),
        Just("![i](i.png)".to_string()),
        Just("<b>".to_string()),
        Just("`c`".to_string()),
        Just("```\n".to_string()),
        Just("> ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        "[a-z数 ]{1,6}".prop_map(|s| s),
        "[0-9]{1,2} (weeks|hours/week)".prop_map(|s| s),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// Whatever the Markdown, an import makes a path that validates, or
    /// says there was nothing to make topics from; it never panics and
    /// never writes a path `validate` would refuse.
    #[test]
    fn any_markdown_makes_a_valid_path_or_says_why_not(md in markdownish()) {
        match import::import(&md, &Options { name: "fuzz.md".into(), ..Options::default() }, None) {
            Ok(i) => {
                prop_assert!(Curriculum::parse(&i.text, "fuzz.toml").is_ok());
                prop_assert!(i.curriculum.topic_count() + i.curriculum.resource_count() > 0);
            }
            Err(e) => prop_assert!(e.to_string().starts_with("fuzz.md:1:1: no list items or table rows"), "{e}\n{md}"),
        }
    }
}
