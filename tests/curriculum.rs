//! The curriculum loader: what loads, and every error with its position.

mod common;

use common::refused;
use learnpath::curriculum::{Cost, Curriculum};

const MINIMAL: &str = r#"format = 1
id = "mini"
title = "Mini"

[[steps]]
id = "one"
title = "One"
"#;

#[test]
fn a_file_with_only_the_documented_keys_loads() {
    let text = r#"format = 1
id = "backend"
title = "Learn Backend Development"
summary = "..."

[[steps]]
id = "coding-basics"
title = "Learn basic coding skills"
goal = "..."
body = "..."
optional = false

[[steps.topics]]
id = "loops"
title = "Loops"

[[steps.resources]]
title = "Learn Python"
url = "https://boot.dev/courses/learn-python/"
provider = "Boot.dev"
cost = "paid"

[[faq]]
question = "..."
answer = "..."
"#;
    let c = Curriculum::parse(text, "x.toml").unwrap();
    assert_eq!(c.id.get_ref(), "backend");
    assert_eq!(c.steps()[0].key(&c.steps()[0].topics[0]), "coding-basics/loops");
    assert_eq!(c.steps()[0].resources[0].cost, Some(Cost::Paid));
    assert_eq!(c.summary_line(), "1 step, 1 topic, 1 resource, 1 FAQ entry");
}

#[test]
fn minimal_file_loads() {
    let c = Curriculum::parse(MINIMAL, "x.toml").unwrap();
    assert_eq!(c.steps().len(), 1);
    assert!(c.faq.is_empty());
}

#[test]
fn syntax_error_has_line_and_column() {
    let text = MINIMAL.replace("title = \"One\"", "title = \"One");
    let err = refused(&text);
    assert!(err.starts_with("x.toml:7:"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line, not a wall of text: {err}");
}

#[test]
fn wrong_type_is_reported_at_the_value() {
    let err = refused(&MINIMAL.replace("title = \"One\"", "title = 3"));
    assert!(err.starts_with("x.toml:7:9: "), "{err}");
    assert!(err.contains("string"), "{err}");
}

#[test]
fn missing_required_key_names_the_key() {
    let err = refused(&MINIMAL.replace("title = \"One\"\n", ""));
    assert!(err.contains("missing field `title`"), "{err}");
    assert!(err.starts_with("x.toml:5:"), "{err}");
}

#[test]
fn unknown_key_is_an_error() {
    let err = refused(&MINIMAL.replace("title = \"One\"", "title = \"One\"\ntitel = \"typo\""));
    assert!(err.starts_with("x.toml:8:1: "), "{err}");
    assert!(err.contains("titel"), "{err}");
}

#[test]
fn bad_ids_are_reported() {
    let err = refused(&MINIMAL.replace("id = \"one\"", "id = \"One Step\""));
    assert!(err.starts_with("x.toml:6:6: bad step id \"One Step\""), "{err}");
    let err = refused(&MINIMAL.replace("id = \"mini\"", "id = \"-mini\""));
    assert!(err.starts_with("x.toml:2:6: bad curriculum id"), "{err}");
}

#[test]
fn duplicate_ids_are_reported() {
    let text = format!("{MINIMAL}\n[[steps]]\nid = \"one\"\ntitle = \"Again\"\n");
    assert_eq!(refused(&text), "x.toml:10:6: duplicate step id \"one\": ids must be unique");
    let text = format!(
        "{MINIMAL}\n[[steps.topics]]\nid = \"t\"\ntitle = \"T\"\n\n[[steps.topics]]\nid = \"t\"\ntitle = \"T2\"\n"
    );
    assert_eq!(refused(&text), "x.toml:14:6: duplicate topic id in this step \"t\": ids must be unique");
}

#[test]
fn same_topic_id_in_two_steps_is_fine() {
    let text = format!(
        "{MINIMAL}[[steps.topics]]\nid = \"t\"\ntitle = \"T\"\n\n[[steps]]\nid = \"two\"\ntitle = \"Two\"\n[[steps.topics]]\nid = \"t\"\ntitle = \"T\"\n"
    );
    assert!(Curriculum::parse(&text, "x.toml").is_ok());
}

#[test]
fn only_http_links_are_allowed() {
    for url in ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.com", "https://", "https://a b"] {
        let text = format!("{MINIMAL}[[steps.resources]]\ntitle = \"R\"\nurl = \"{url}\"\n");
        let err = refused(&text);
        assert!(err.starts_with("x.toml:10:7: bad url"), "{url}: {err}");
    }
    let text = format!("{MINIMAL}[[steps.resources]]\ntitle = \"R\"\nurl = \"HTTP://Example.com/x\"\n");
    assert!(Curriculum::parse(&text, "x.toml").is_ok());
}

#[test]
fn empty_steps_is_an_error() {
    let err = refused("format = 1\nid = \"x\"\ntitle = \"X\"\nsteps = []\n");
    assert_eq!(err, "x.toml:4:9: `steps` is empty: a curriculum needs at least one [[steps]]");
}

#[test]
fn format_must_be_one() {
    let newer = refused(&MINIMAL.replace("format = 1", "format = 2\nshiny = true"));
    assert!(newer.starts_with("x.toml:1:10: this file uses format 2, newer"), "{newer}");
    assert!(newer.contains("upgrade learnpath"), "{newer}");
    let zero = refused(&MINIMAL.replace("format = 1", "format = 0"));
    assert!(zero.starts_with("x.toml:1:10: unknown format 0"), "{zero}");
    let text = refused(&MINIMAL.replace("format = 1", "format = \"1\""));
    assert!(text.contains("`format` must be a number"), "{text}");
    let missing = refused(&MINIMAL.replace("format = 1\n", ""));
    assert!(missing.starts_with("x.toml:1:1: missing `format`"), "{missing}");
}

#[test]
fn bad_cost_lists_the_choices() {
    let text =
        format!("{MINIMAL}[[steps.resources]]\ntitle = \"R\"\nurl = \"https://a.b\"\ncost = \"cheap\"\n");
    let err = refused(&text);
    assert!(err.starts_with("x.toml:11:8: "), "{err}");
    assert!(err.contains("free") && err.contains("paid"), "{err}");
}

#[test]
fn all_validation_errors_are_reported_at_once_in_file_order() {
    let text = format!(
        "{MINIMAL}[[steps.topics]]\nid = \"Bad\"\ntitle = \"\"\n[[steps.resources]]\ntitle = \"R\"\nurl = \"file:///x\"\n"
    );
    let err = refused(&text);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("x.toml:9:6: bad topic id"), "{err}");
    assert!(lines[1].starts_with("x.toml:10:9: topic title is empty"), "{err}");
    assert!(lines[2].starts_with("x.toml:13:7: bad url"), "{err}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = MINIMAL.replace("title = \"One\"", "title = \"Données\"\nid2 = 1");
    let err = refused(&text);
    assert!(err.starts_with("x.toml:8:1: "), "{err}");
}

#[test]
fn a_missing_file_says_what_to_check() {
    let err = Curriculum::load(std::path::Path::new("/nonexistent/c.toml")).unwrap_err().to_string();
    assert!(err.starts_with("/nonexistent/c.toml: cannot read this file"), "{err}");
    assert!(err.contains("check the path"), "{err}");
}

#[test]
fn random_garbage_never_panics() {
    let inputs =
        ["", "\0\0", "[[steps]]", "format = 1\nsteps = 3", "format = 1\n[[faq]]\nquestion = 1", "ﬀ=\u{1}"];
    for input in inputs {
        assert!(Curriculum::parse(input, "x.toml").is_err(), "{input:?}");
    }
}

#[test]
fn control_characters_in_titles_are_made_visible() {
    let text = MINIMAL.replace("title = \"One\"", "title = \"\\u001b[2JOne\\u0007\"");
    let c = Curriculum::parse(&text, "x.toml").unwrap();
    let title = c.steps()[0].title.get_ref();
    assert!(!title.chars().any(char::is_control), "{title:?}");
    assert_eq!(title, "\u{241b}[2JOne\u{2407}");
}

#[test]
fn a_string_over_64_kib_is_refused_where_it_is() {
    let long = "a".repeat(64 * 1024 + 1);
    let err = refused(&MINIMAL.replace("title = \"One\"", &format!("title = \"{long}\"")));
    assert!(
        err.starts_with("x.toml:7:9: step title is 65537 bytes, longer than the 64 KiB allowed"),
        "{err:.200}"
    );
    let err = refused(&MINIMAL.replace("title = \"One\"", &format!("title = \"One\"\nbody = \"{long}\"")));
    assert!(err.starts_with("x.toml:6:6: body is 65537 bytes"), "{err:.200}");
}

fn many_topics(n: usize) -> String {
    let mut text = String::from("format = 1\nid = \"big\"\ntitle = \"Big\"\n");
    for s in 0..n.div_ceil(1000) {
        text.push_str(&format!("\n[[steps]]\nid = \"s{s}\"\ntitle = \"Step {s}\"\n"));
        for t in 0..1000.min(n - s * 1000) {
            text.push_str(&format!("[[steps.topics]]\nid = \"t{t}\"\ntitle = \"Topic {t}\"\n"));
        }
    }
    text
}

#[test]
fn more_than_100000_topics_is_refused_and_100000_load() {
    let err = refused(&many_topics(100_001));
    assert!(err.contains("100001 topics is more than the 100000"), "{err}");
    let c = Curriculum::parse(&many_topics(100_000), "x.toml").unwrap();
    assert_eq!(c.topic_count(), 100_000);
}

#[test]
fn a_file_over_16_mib_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let mut text = MINIMAL.to_string();
    text.push_str(&"# padding padding padding padding padding padding padding\n".repeat(300_000));
    assert!(text.len() > 16 * 1024 * 1024);
    std::fs::write(&path, text).unwrap();
    let err = Curriculum::load(&path).unwrap_err().to_string();
    assert!(
        err.ends_with("huge.toml:1:1: the file is larger than 16 MiB; split it into smaller paths"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_reported_at_its_position() {
    let mut bytes = MINIMAL.as_bytes().to_vec();
    bytes.splice(20..20, [0xff, 0xfe]);
    let err = Curriculum::parse_bytes(&bytes, "x.toml").unwrap_err().to_string();
    assert!(err.starts_with("x.toml:2:10: not UTF-8 text"), "{err}");
}

/// A step `s` with topics `a` and `b`, `a` listing `aliases`.
fn with_topic_aliases(aliases: &[String]) -> String {
    let list = aliases.iter().map(|a| format!("{a:?}")).collect::<Vec<_>>().join(", ");
    format!(
        "format = 1\nid = \"x\"\ntitle = \"X\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n\
         [[steps.topics]]\nid = \"a\"\ntitle = \"A\"\naliases = [{list}]\n\
         [[steps.topics]]\nid = \"b\"\ntitle = \"B\"\n"
    )
}

#[test]
fn an_alias_may_mean_only_one_topic() {
    let err = refused(&with_topic_aliases(&["b".into()]));
    assert!(
        err.starts_with("x.toml:10:12: topic alias \"b\" is already the id or an alias of another topic"),
        "{err}"
    );
    let ok = Curriculum::parse(&with_topic_aliases(&["old-a".into()]), "x.toml").unwrap();
    assert_eq!(ok.resolve("s/old-a"), Some((0, 0)));
    assert_eq!(ok.resolve("s/b"), Some((0, 1)));
}

#[test]
fn more_than_32_aliases_are_refused() {
    let many: Vec<String> = (0..33).map(|i| format!("old-{i}")).collect();
    let err = refused(&with_topic_aliases(&many));
    assert!(err.contains("topic \"a\" has 33 aliases, more than 32"), "{err}");
    assert!(Curriculum::parse(&with_topic_aliases(&many[..32]), "x.toml").is_ok());
}

#[test]
fn links_the_opener_would_refuse_do_not_validate() {
    for (url, why) in [
        ("https://exa\u{200d}mple.com/", "not a link a browser can open"),
        ("https://example.com:99999999/", "not a link a browser can open"),
        ("https://exa%mple.com/", "not a link a browser can open"),
        ("https://example.com/\u{202e}fdp.exe", "direction characters"),
        ("ftp://example.com/", "only http:// and https://"),
    ] {
        let text = MINIMAL.replace(
            "title = \"One\"\n",
            &format!("title = \"One\"\n[[steps.resources]]\ntitle = \"R\"\nurl = \"{url}\"\n"),
        );
        let err = refused(&text);
        assert!(err.contains(why), "{url:?}: {err}");
        // And the opener gives the same reason.
        assert!(learnpath::open::open_url(url).unwrap_err().to_string().contains(why), "{url:?}");
    }
}

#[test]
fn direction_controls_in_titles_are_made_visible() {
    let c =
        Curriculum::parse(&MINIMAL.replace("title = \"One\"", "title = \"On\u{202e}e\""), "x.toml").unwrap();
    assert_eq!(c.steps()[0].title.get_ref(), "On\u{fffd}e");
}

#[test]
fn nesting_too_deep_is_reported_where_it_is() {
    let dotted = format!("format = 1\nid = \"x\"\ntitle = \"X\"\na{} = 1\n", ".a".repeat(5000));
    assert!(refused(&dotted).starts_with("x.toml:4:1: "), "{}", refused(&dotted));
    let nested =
        format!("format = 1\nid = \"x\"\ntitle = \"X\"\nk = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    assert!(refused(&nested).starts_with("x.toml:4:"), "{}", refused(&nested));
}

const MOVED: &str = r#"
format = 1
id = "p"
title = "P"

[[steps]]
id = "one"
title = "One"

[[steps.topics]]
id = "kept"
title = "Kept"

[[steps]]
id = "two"
title = "Two"

[[steps.topics]]
id = "moved"
title = "Moved"
aliases = ["old-name", "one/was-here"]
"#;

#[test]
fn a_topic_that_moved_finds_its_old_key_from_another_step() {
    let c = Curriculum::parse(MOVED, "x.toml").unwrap();
    assert_eq!(c.resolve("one/was-here"), Some((1, 0)));
    assert_eq!(c.resolve("two/old-name"), Some((1, 0)));
    assert_eq!(c.resolve("one/kept"), Some((0, 0)));
    assert_eq!(c.locate("one/was-here"), None, "a former key is not the topic's key");
    assert_eq!(c.resolve("two/was-here"), None);
}

#[test]
fn a_moved_alias_must_be_well_formed_and_name_no_topic() {
    let e = refused(&MOVED.replace("one/was-here", "one/Bad"));
    assert!(e.contains("bad topic alias \"one/Bad\""), "{e}");
    let e = refused(&MOVED.replace("one/was-here", "one/kept"));
    assert!(e.contains("is the key of a topic that exists"), "{e}");
    let e = refused(&MOVED.replace("one/was-here", "two/x"));
    assert!(e.contains("names this topic's own step"), "{e}");
    let twice = format!(
        "{MOVED}\n[[steps]]\nid = \"three\"\ntitle = \"Three\"\n\n[[steps.topics]]\nid = \"t\"\ntitle = \"T\"\naliases = [\"one/was-here\"]\n"
    );
    let e = refused(&twice);
    assert!(e.contains("is listed on two topics"), "{e}");
}
