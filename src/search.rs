//! Fuzzy search over a curriculum's steps, topics, resources and FAQ
//! questions, with `nucleo-matcher` (the matcher of helix and nucleo).

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::curriculum::Curriculum;

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A step (its title).
    Step,
    /// A topic (its title).
    Topic,
    /// A resource (title, provider and URL).
    Resource,
    /// A FAQ question.
    Faq,
    /// A note (its topic's title and the note's text).
    Note,
}

impl Kind {
    /// A short tag shown before each result.
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Step => "step",
            Kind::Topic => "topic",
            Kind::Resource => "link",
            Kind::Faq => "faq",
            Kind::Note => "note",
        }
    }
}

/// One searchable thing.
#[derive(Debug)]
pub struct Entry {
    /// What it is.
    pub kind: Kind,
    /// The step it belongs to (for a step, itself; none for the FAQ).
    pub step: Option<usize>,
    /// Its index within its step (topic; resource in the order of
    /// [`crate::curriculum::Step::all_resources`]) or the FAQ; for a step,
    /// the step's index.
    pub index: usize,
    /// The text searched and shown.
    pub text: String,
    haystack: Utf32String,
}

/// A match: which entry, how good, and which characters matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Searcher::entries`].
    pub entry: usize,
    /// Higher is better.
    pub score: u32,
    /// Character positions in the entry's text that matched, sorted.
    pub indices: Vec<u32>,
}

/// How well `entry` holds `needle` (lowercase): 0, as a word of its
/// title; 1, in its title; 2, elsewhere in it (a URL); 3, only fuzzily.
fn tier(entry: &Entry, needle: &str) -> u8 {
    let text = entry.text.to_lowercase();
    // A resource's title is what comes before its provider and URL.
    let title = if entry.kind == Kind::Resource { text.split(" · ").next().unwrap_or(&text) } else { &text };
    let word = title.match_indices(needle).any(|(at, _)| {
        let before = title[..at].chars().next_back();
        let after = title[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    });
    if word {
        0
    } else if title.contains(needle) {
        1
    } else if text.contains(needle) {
        2
    } else {
        3
    }
}

/// The index of everything searchable, and a reusable matcher.
pub struct Searcher {
    entries: Vec<Entry>,
    matcher: Matcher,
}

impl Searcher {
    /// Indexes `c` and its `notes`.
    pub fn new(c: &Curriculum, notes: &crate::notes::Notes) -> Self {
        let mut entries = Vec::new();
        let mut push = |kind, step, index, text: String| {
            let haystack = Utf32String::from(text.as_str());
            entries.push(Entry { kind, step, index, text, haystack });
        };
        for (s, step) in c.steps().iter().enumerate() {
            push(Kind::Step, Some(s), s, step.title.get_ref().clone());
            for (t, topic) in step.topics.iter().enumerate() {
                push(Kind::Topic, Some(s), t, topic.title.get_ref().clone());
            }
            let mut urls = std::collections::HashSet::new();
            for (r, res) in step.all_resources().enumerate() {
                // A link on a topic and on its step is found once.
                if !urls.insert(res.url.get_ref()) {
                    continue;
                }
                let mut text = res.title.get_ref().clone();
                if let Some(provider) = &res.provider {
                    text.push_str(" · ");
                    text.push_str(provider);
                }
                text.push_str(" · ");
                text.push_str(res.url.get_ref());
                push(Kind::Resource, Some(s), r, text);
            }
        }
        for (q, faq) in c.faq.iter().enumerate() {
            push(Kind::Faq, None, q, faq.question.get_ref().clone());
        }
        let mut noted: Vec<_> = notes.all().collect();
        noted.sort_by_key(|(k, _)| **k);
        for (&(s, t), text) in noted {
            let flat: String =
                text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(300).collect();
            push(Kind::Note, Some(s), t, format!("{}: {flat}", c.steps()[s].topics[t].title.get_ref()));
        }
        Searcher { entries, matcher: Matcher::new(Config::DEFAULT) }
    }

    /// The indexed entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The best `limit` matches for `query`, best first, and how many
    /// matched in all. An empty query matches nothing.
    ///
    /// Best as a person would rank them: a title with the query as a word
    /// first ("Loops" for `loops`), then anything with the query in it
    /// (`sql` in "PostgreSQL", then `http` in a URL), then the fuzzy matches,
    /// of which those far below the best score are dropped (no "Build some
    /// open-source projects" for `loops`). Within each, the fuzzy score,
    /// then steps, topics, resources, FAQ, in curriculum order.
    pub fn search(&mut self, query: &str, limit: usize) -> (Vec<Hit>, usize) {
        if query.trim().is_empty() || limit == 0 {
            return (Vec::new(), 0);
        }
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let needle = query.trim().to_lowercase();
        let mut scored: Vec<(u32, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| pattern.score(e.haystack.slice(..), &mut self.matcher).map(|s| (s, i)))
            .collect();
        let tiers: Vec<u8> = self.entries.iter().map(|e| tier(e, &needle)).collect();
        let best = scored.iter().map(|s| s.0).max().unwrap_or(0);
        // A fuzzy match under three quarters of the best is noise.
        scored.retain(|&(score, i)| tiers[i] < 3 || u64::from(score) * 4 >= u64::from(best) * 3);
        let order = |a: &(u32, usize), b: &(u32, usize)| {
            tiers[a.1]
                .cmp(&tiers[b.1])
                .then(b.0.cmp(&a.0))
                .then_with(|| self.entries[a.1].kind.cmp(&self.entries[b.1].kind))
                .then(a.1.cmp(&b.1))
        };
        let total = scored.len();
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(order);
        let hits = scored
            .into_iter()
            .map(|(score, entry)| {
                let mut indices = Vec::new();
                pattern.indices(self.entries[entry].haystack.slice(..), &mut self.matcher, &mut indices);
                indices.sort_unstable();
                indices.dedup();
                Hit { entry, score, indices }
            })
            .collect();
        (hits, total)
    }
}
