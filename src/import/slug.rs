//! Ids from titles: readable where the title can be spelt in Latin
//! letters, a short stable hash where it cannot, never empty, unique among
//! their neighbours.

use std::collections::HashSet;

/// The longest slug made from a title; longer titles are cut at a word.
const MAX_LEN: usize = 48;

/// `title` as an id: transliterated to ASCII (`Основы` → `osnovy`,
/// `基础` → `ji-chu`), lowercased, words joined by `-`. A title with no
/// letters or digits to keep gets `t-` and a hash of its text, the same
/// for the same title on every import.
pub fn slug(title: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(title, " ");
    let mut out = String::new();
    for word in ascii.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() && out.len() + 1 + word.len() > MAX_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out.truncate(MAX_LEN);
    if out.is_empty() {
        let hash = xxhash_rust::xxh3::xxh3_64(title.trim().as_bytes());
        out = format!("t-{:08x}", hash >> 32);
    }
    out
}

/// `wanted`, or `wanted-2`, `wanted-3`… whichever `taken` does not hold
/// yet; the one chosen is added to `taken`.
pub fn unique(wanted: &str, taken: &mut HashSet<String>) -> String {
    let mut id = wanted.to_string();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{wanted}-{n}");
    }
    taken.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::is_valid_id;

    #[test]
    fn latin_titles_read_as_they_are_written() {
        assert_eq!(slug("Learn C++ & Rust (2nd edition)"), "learn-c-rust-2nd-edition");
        assert_eq!(slug("  Crème brûlée  "), "creme-brulee");
    }

    #[test]
    fn other_scripts_are_transliterated() {
        assert_eq!(slug("Основы"), "osnovy");
        assert_eq!(slug("基础知识"), "ji-chu-zhi-shi");
        let arabic = slug("مقدمة في البرمجة");
        assert!(is_valid_id(&arabic) && arabic.len() > 4, "{arabic}");
    }

    #[test]
    fn a_title_with_nothing_to_spell_gets_a_stable_hash() {
        // Private-use characters have no spelling anywhere.
        let a = slug("\u{E000}\u{E001}");
        assert!(a.starts_with("t-") && is_valid_id(&a), "{a}");
        assert_eq!(a, slug("\u{E000}\u{E001}"));
        assert_ne!(a, slug("\u{E002}"));
        assert_eq!(slug("🚀"), "rocket");
        assert!(slug("").starts_with("t-"));
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let s = slug(&"word ".repeat(40));
        assert!(s.len() <= MAX_LEN && !s.ends_with('-') && s.ends_with("word"), "{s}");
    }

    #[test]
    fn repeats_are_numbered() {
        let mut taken = HashSet::new();
        let ids: Vec<String> = ["a", "a", "a-2", "a"].iter().map(|w| unique(w, &mut taken)).collect();
        assert_eq!(ids, ["a", "a-2", "a-2-2", "a-3"]);
    }
}
