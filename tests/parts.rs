//! A large file read in parts (`curriculum::parts`) makes exactly what the
//! whole file makes, positions included, or steps aside for the whole
//! parse.

mod common;

use learnpath::curriculum::{Curriculum, SHIPPED, parts};
use proptest::prelude::*;

/// The raw model of the whole file, as `{:?}` (which shows positions).
fn whole(text: &str) -> Option<String> {
    toml::from_str::<Curriculum>(text).ok().map(|c| format!("{c:?}"))
}

/// Read in parts, whatever its size.
fn in_parts(text: &str) -> Option<String> {
    parts::parse(text, 0).map(|c| format!("{c:?}"))
}

/// Whether the parts make what the whole makes; said without printing
/// either, which are long.
fn same(text: &str) -> bool {
    in_parts(text) == whole(text)
}

/// `steps` steps of three topics, with questions after them and text that
/// looks like a cut where none may be made: in multi-line strings and in
/// a comment.
fn generated(steps: usize, newline: &str) -> String {
    let mut text = String::from("format = 1\nid = \"big\"\ntitle = \"Big\"\n# [[steps]] in a comment\n");
    for s in 0..steps {
        text.push_str(&format!(
            "\n[[steps]]\nid = \"s{s}\"\ntitle = \"Step {s}\"\nbody = \"\"\"\nA body.\n[[steps]]\nid = \"fake\"\n\"\"\"\n\
             goal = '''\n[[steps]]'''\naliases = [\n\"old-{s}\",\n]\n"
        ));
        for t in 0..3 {
            let requires = if t > 0 { format!("\"t{}\"", t - 1) } else { String::new() };
            text.push_str(&format!(
                "[[steps.topics]]\nid = \"t{t}\"\ntitle = \"Topic {t}\"\nrequires = [{requires}]\n\n\
                 [[steps.topics.resources]]\ntitle = \"R\"\nurl = \"https://example.com/{s}/{t}\"\n"
            ));
        }
        text.push_str(&format!(
            "[[steps.resources]]\ntitle = \"Step link\"\nurl = \"https://example.com/{s}\"\n"
        ));
    }
    text.push_str("\n[[faq]]\nquestion = \"Why?\"\nanswer = \"Because.\"\n");
    text.replace('\n', newline)
}

/// `generated` without the lines that look like cuts.
fn plain(steps: usize, newline: &str) -> String {
    generated(steps, "\n")
        .replace("A body.\n[[steps]]\nid = \"fake\"\n", "A body.\n")
        .replace("'''\n[[steps]]'''", "'''[[steps]]'''")
        .replace('\n', newline)
}

#[test]
fn the_shipped_path_in_parts_is_the_whole_path() {
    assert!(in_parts(SHIPPED).is_some(), "the shipped path reads in parts");
    assert!(same(SHIPPED), "the parts differ from the whole");
}

#[test]
fn cuts_that_look_like_steps_inside_strings_never_change_what_is_read() {
    for newline in ["\n", "\r\n"] {
        // A `[[steps]]` line inside a body cuts a string open: that part
        // fails and the whole parse reads the file.
        let text = generated(40, newline);
        assert!(whole(&text).is_some(), "the generated path parses");
        assert!(in_parts(&text).is_none());
        let text = plain(40, newline);
        assert!(in_parts(&text).is_some(), "no false cuts left: read in parts");
        assert!(same(&text), "the parts differ from the whole");
    }
}

#[test]
fn a_problem_in_a_late_step_of_a_large_file_is_reported_at_its_line() {
    let mut text = plain(600, "\n");
    assert!(text.len() > parts::WHOLE_BELOW, "large enough to be read in parts");
    let at = text.find("id = \"s555\"").expect("step 555");
    let at = at + text[at..].find("id = \"t1\"").expect("its second topic");
    text.replace_range(at..at + 9, "id = \"T1\"");
    let line = text[..at].lines().count() + 1;
    let said = Curriculum::parse(&text, "big.toml").expect_err("a bad id").to_string();
    assert!(said.contains(&format!("big.toml:{line}:6")), "{said}");
}

#[test]
fn a_file_whose_parts_are_not_steps_alone_is_read_whole() {
    // A table after the steps that is neither a step nor a question: the
    // part it is in is refused, and the whole parse decides.
    let text = format!("{}\n[[other]]\nquestion = \"Q?\"\n", plain(3, "\n"));
    assert!(in_parts(&text).is_none() && whole(&text).is_none());
    // Questions listed in the head, and more in `[[faq]]` after: both
    // refuse it.
    let listed = "title = \"Big\"\nfaq = [{ question = \"Q?\", answer = \"A.\" }]\n";
    let text = plain(3, "\n").replacen("title = \"Big\"\n", listed, 1);
    assert!(in_parts(&text).is_none() && whole(&text).is_none());
    let text = text.replace("\n[[faq]]\nquestion = \"Why?\"\nanswer = \"Because.\"\n", "");
    assert!(in_parts(&text).is_some() && same(&text));
    // A steps list in the head cannot be added to by `[[steps]]`.
    let text = format!(
        "format = 1\nid = \"x\"\ntitle = \"X\"\nsteps = []\n{}",
        "[[steps]]\nid = \"a\"\ntitle = \"A\"\n".repeat(3)
    );
    assert!(in_parts(&text).is_none() && whole(&text).is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_damaged_file_in_parts_is_the_whole_file_or_steps_aside(
        edits in proptest::collection::vec((0usize..SHIPPED.len(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let bytes = common::damaged_shipped(&edits);
        let Ok(text) = String::from_utf8(bytes) else { return Ok(()) };
        prop_assert!(in_parts(&text).is_none() || same(&text), "the parts differ from the whole");
    }
}
