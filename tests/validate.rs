//! The validator at its boundaries: numbers that make no sense, and
//! strings exactly at the limit.

mod common;

use common::refused;
use learnpath::curriculum::{Curriculum, MAX_STRING_BYTES};

/// A one-step, one-topic curriculum with `extra` in the topic and `top` at
/// the top of the file.
fn file(top: &str, extra: &str) -> String {
    format!(
        "format = 1\nid = \"x\"\ntitle = \"X\"\n{top}\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n\
         [[steps.topics]]\nid = \"t\"\ntitle = \"T\"\n{extra}\n"
    )
}

#[test]
fn hours_must_be_a_number_of_zero_or_more() {
    for bad in ["-1", "-0.5", "nan", "inf", "-inf"] {
        let err = refused(&file("", &format!("hours = {bad}")));
        assert!(err.contains("`hours` must be a positive number"), "hours = {bad}: {err}");
        let err = refused(&file(&format!("weekly_hours = {bad}"), ""));
        assert!(err.contains("`weekly_hours` must be a positive number"), "weekly_hours = {bad}: {err}");
    }
    for good in ["0", "0.0", "2.5", "10"] {
        assert!(
            Curriculum::parse(&file(&format!("weekly_hours = {good}"), &format!("hours = {good}")), "x.toml")
                .is_ok(),
            "{good}"
        );
    }
}

#[test]
fn a_string_of_exactly_64_kib_is_allowed_and_one_byte_more_is_not() {
    let at_limit = "a".repeat(MAX_STRING_BYTES);
    assert!(
        Curriculum::parse(
            &file("", &format!("[[steps.resources]]\ntitle = \"{at_limit}\"\nurl = \"https://e.x/\"")),
            "x.toml"
        )
        .is_ok()
    );
    let body = format!("body = \"{at_limit}\"");
    let text = file("", "").replace("title = \"S\"\n", &format!("title = \"S\"\n{body}\n"));
    assert!(Curriculum::parse(&text, "x.toml").is_ok(), "a long text at the limit");
    let over = "a".repeat(MAX_STRING_BYTES + 1);
    assert!(
        refused(&file("", &format!("[[steps.resources]]\ntitle = \"{over}\"\nurl = \"https://e.x/\"")))
            .contains("longer than the 64 KiB allowed")
    );
    let text = file("", "").replace("title = \"S\"\n", &format!("title = \"S\"\nbody = \"{over}\"\n"));
    assert!(refused(&text).contains("longer than the 64 KiB allowed"));
}
