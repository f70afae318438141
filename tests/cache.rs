//! The parsed-path cache: a second open of an unchanged file comes from
//! it, and every entry that is not exactly right is ignored and rebuilt.
//! A parse from the text keeps file positions; one from the cache has
//! none (it was validated when written), which is how these tests tell
//! the two apart.

use std::path::{Path, PathBuf};

use learnpath::curriculum::{Curriculum, cache, frozen};
use proptest::prelude::*;

const PATH: &str = r#"format = 1
id = "mine"
title = "My path"

[[steps]]
id = "one"
title = "Step one"

[[steps.topics]]
id = "a"
title = "Topic A"
hours = 2.5

[[steps.topics]]
id = "b"
title = "Topic B"
requires = ["a"]
"#;

fn from_cache(c: &Curriculum) -> bool {
    c.id.span() == (0..0)
}

struct Setup {
    _home: tempfile::TempDir,
    file: PathBuf,
    cache: PathBuf,
}

fn setup(text: &str) -> Setup {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("mine.toml");
    std::fs::write(&file, text).unwrap();
    let cache = home.path().join("cache");
    Setup { file, cache, _home: home }
}

fn open(s: &Setup) -> Curriculum {
    Curriculum::load_cached(&s.file, Some(&s.cache)).expect("the path loads")
}

/// The one entry in the cache.
fn entry(cache: &Path) -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir(cache::entries(cache))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found.pop().unwrap()
}

/// Opens the path with the entry damaged by `damage`; the open must parse
/// the text (the entry ignored), and leave a good entry that the next
/// open takes.
fn ignored_and_rebuilt(damage: impl FnOnce(&Path)) {
    let s = setup(PATH);
    open(&s);
    damage(&entry(&s.cache));
    let second = open(&s);
    assert!(!from_cache(&second), "a damaged entry is not trusted");
    assert_eq!(second.title.get_ref(), "My path");
    let third = open(&s);
    assert!(from_cache(&third), "the entry was written again");
    assert_eq!(frozen::freeze(&third), frozen::freeze(&second));
}

#[test]
fn the_second_open_of_an_unchanged_file_comes_from_the_cache() {
    let s = setup(PATH);
    let first = open(&s);
    assert!(!from_cache(&first));
    let second = open(&s);
    assert!(from_cache(&second));
    assert_eq!(frozen::freeze(&first), frozen::freeze(&second));
    assert_eq!(second.resolve("one/b"), Some((0, 1)), "the lookups are rebuilt");
    assert_eq!(second.requires(0, 1), vec![(0, 0)]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(entry(&s.cache)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "readable by the owner only");
    }
}

#[test]
fn a_truncated_entry_is_ignored_and_rebuilt() {
    ignored_and_rebuilt(|entry| {
        let bytes = std::fs::read(entry).unwrap();
        std::fs::write(entry, &bytes[..bytes.len() / 2]).unwrap();
    });
}

#[test]
fn an_entry_from_another_layout_is_ignored_and_rebuilt() {
    // Bytes 8..16 hold the layout of the build that wrote the entry.
    ignored_and_rebuilt(|entry| {
        let mut bytes = std::fs::read(entry).unwrap();
        bytes[8] ^= 0xff;
        std::fs::write(entry, bytes).unwrap();
    });
}

#[test]
fn an_entry_with_a_flipped_bit_in_its_payload_is_ignored_and_rebuilt() {
    ignored_and_rebuilt(|entry| {
        let mut bytes = std::fs::read(entry).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0x01;
        std::fs::write(entry, bytes).unwrap();
    });
}

#[test]
fn another_files_entry_under_this_files_name_is_ignored() {
    let s = setup(PATH);
    let other = s.file.with_file_name("other.toml");
    std::fs::write(&other, PATH.replace("My path", "Not mine")).unwrap();
    Curriculum::load_cached(&other, Some(&s.cache)).unwrap();
    let theirs = entry(&s.cache);
    let mut name = theirs.file_name().unwrap().to_string_lossy().into_owned();
    // This file's entry name, with the other file's entry in it.
    open(&s);
    for e in std::fs::read_dir(cache::entries(&s.cache)).unwrap().flatten() {
        if e.path() != theirs {
            name = e.file_name().to_string_lossy().into_owned();
        }
    }
    std::fs::copy(&theirs, cache::entries(&s.cache).join(&name)).unwrap();
    let again = open(&s);
    assert_eq!(again.title.get_ref(), "My path", "not the other file's path");
    assert!(!from_cache(&again));
}

#[test]
fn the_same_size_and_time_with_other_content_is_parsed_again() {
    let s = setup(PATH);
    open(&s);
    let when = std::fs::metadata(&s.file).unwrap().modified().unwrap();
    let changed = PATH.replace("My path", "My hike");
    assert_eq!(changed.len(), PATH.len());
    std::fs::write(&s.file, &changed).unwrap();
    std::fs::File::options().write(true).open(&s.file).unwrap().set_modified(when).unwrap();
    let again = open(&s);
    assert_eq!(again.title.get_ref(), "My hike");
    assert!(!from_cache(&again));
}

#[cfg(unix)]
#[test]
fn a_link_in_place_of_an_entry_is_not_followed_and_is_replaced() {
    let s = setup(PATH);
    open(&s);
    let entry = entry(&s.cache);
    let elsewhere = s.cache.join("elsewhere");
    std::fs::rename(&entry, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &entry).unwrap();
    let kept = std::fs::read(&elsewhere).unwrap();
    let again = open(&s);
    assert!(!from_cache(&again), "the link was not followed");
    assert!(std::fs::symlink_metadata(&entry).unwrap().file_type().is_file(), "a file replaced the link");
    assert_eq!(std::fs::read(&elsewhere).unwrap(), kept, "nothing was written through the link");
    assert!(from_cache(&open(&s)));
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_an_entry_does_not_hang_the_open() {
    ignored_and_rebuilt(|entry| {
        std::fs::remove_file(entry).unwrap();
        let path = std::ffi::CString::new(entry.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path and a mode.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    });
}

#[test]
fn an_unwritable_cache_dir_only_means_parsing_every_time() {
    let s = setup(PATH);
    // A cache dir that cannot be made: its parent is a file (a read-only
    // dir would not stop root, who runs these tests in CI containers).
    let blocker = s.cache.with_file_name("a-file");
    std::fs::write(&blocker, "").unwrap();
    let cache = blocker.join("cache");
    for _ in 0..2 {
        let c = Curriculum::load_cached(&s.file, Some(&cache)).unwrap();
        assert!(!from_cache(&c));
        assert_eq!(c.title.get_ref(), "My path");
    }
}

#[test]
fn a_path_that_fails_validation_is_never_cached() {
    let s = setup(&PATH.replace("requires = [\"a\"]", "requires = [\"nowhere\"]"));
    let err = Curriculum::load_cached(&s.file, Some(&s.cache)).unwrap_err().to_string();
    assert!(err.contains("nowhere"), "{err}");
    let entries = std::fs::read_dir(cache::entries(&s.cache)).map_or(0, |it| it.count());
    assert_eq!(entries, 0);
}

#[test]
fn the_built_in_shipped_path_is_its_text_parsed_validated_and_sanitized() {
    use learnpath::curriculum::{SHIPPED, SHIPPED_NAME};
    let parsed = Curriculum::parse(SHIPPED, SHIPPED_NAME).expect("the shipped path validates");
    // The model's own field order writes the same bytes as the build
    // script's span-free twin, and the sanitizer changed nothing.
    assert!(frozen::freeze(&parsed) == frozen::SHIPPED, "the built-in bytes are out of date or misordered");
    assert_eq!(Curriculum::shipped().topic_count(), parsed.topic_count());
}

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z数][a-z 数据🚀é\"\\\\\n]{0,19}").unwrap()
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

prop_compose! {
    fn topic()(title in text(), hours in proptest::option::of(0.0f64..100.0), summary in proptest::option::of(text()),
               check in proptest::collection::vec(text(), 0..3), kind in 0usize..10, paid in any::<bool>()) -> String {
        let mut t = format!("title = {}\n", quoted(&title));
        if let Some(h) = hours { t += &format!("hours = {h}\n"); }
        if let Some(s) = summary { t += &format!("summary = {}\n", quoted(&s)); }
        t += &format!("check = [{}]\n", check.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", "));
        let kinds = ["article", "video", "course", "book", "docs", "exercise", "project", "tool", "podcast"];
        t += "[[steps.topics.resources]]\ntitle = \"R\"\nurl = \"https://example.com/r\"\n";
        if let Some(k) = kinds.get(kind) { t += &format!("kind = \"{k}\"\n"); }
        t += if paid { "cost = \"paid\"\n" } else { "" };
        t
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_path_comes_back_from_the_cache_as_it_was_parsed(
        steps in proptest::collection::vec((text(), any::<bool>(), proptest::collection::vec(topic(), 0..4)), 1..4),
    ) {
        let mut toml = String::from("format = 1\nid = \"gen\"\ntitle = \"Generated\"\nweekly_hours = 6.5\n");
        for (i, (title, optional, topics)) in steps.iter().enumerate() {
            toml += &format!("[[steps]]\nid = \"s{i}\"\ntitle = {}\noptional = {optional}\n", quoted(title));
            for (j, topic) in topics.iter().enumerate() {
                toml += &format!("[[steps.topics]]\nid = \"t{j}\"\n{topic}");
            }
        }
        toml += "[[faq]]\nquestion = \"Why?\"\nanswer = \"Because.\"\n";
        let s = setup(&toml);
        let parsed = open(&s);
        let cached = open(&s);
        prop_assert!(from_cache(&cached));
        prop_assert_eq!(frozen::freeze(&parsed), frozen::freeze(&cached));
        prop_assert_eq!(cached.topic_count(), parsed.topic_count());
    }
}
