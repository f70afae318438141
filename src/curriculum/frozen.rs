//! A validated curriculum in binary form (postcard, whose wire format is
//! fixed since 1.0): the shipped path, turned into bytes at build time, and
//! the cache's entries. Loading these skips the TOML parser, which is most
//! of the time a start spends on a path.
//!
//! Postcard is not self-describing: bytes written under another layout of
//! the model can decode into wrong values without an error. So every use
//! is tied to [`LAYOUT`], a hash the build script makes of the model's
//! source files.

use toml::Spanned;

use super::{Curriculum, Faq, Resource, Step, Topic, stored};

// `LAYOUT`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/layout.rs"));

/// `content/backend.toml`, parsed by the build script.
pub const SHIPPED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/shipped.postcard"));

/// The shipped path. Its text passes the validator and the sanitizer
/// unchanged (a test checks both), so neither runs here.
pub fn shipped() -> Curriculum {
    thaw(SHIPPED).expect("the shipped path was frozen by this build")
}

/// A validated, sanitized curriculum as bytes.
pub fn freeze(curriculum: &Curriculum) -> Vec<u8> {
    postcard::to_stdvec(curriculum).expect("a curriculum always serializes")
}

/// The curriculum `bytes` hold, or `None` if they are not exactly one
/// curriculum in this build's layout.
pub fn thaw(bytes: &[u8]) -> Option<Curriculum> {
    let (plain, rest) = postcard::take_from_bytes::<stored::Curriculum>(bytes).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let mut curriculum = Curriculum {
        format: at(plain.format),
        id: at(plain.id),
        title: at(plain.title),
        summary: plain.summary,
        weekly_hours: plain.weekly_hours,
        steps: at(plain.steps.into_iter().map(step).collect()),
        faq: plain.faq.into_iter().map(|f| Faq { question: at(f.question), answer: f.answer }).collect(),
        names: Default::default(),
    };
    curriculum.index_names();
    Some(curriculum)
}

/// A value with no place in a file: what was frozen had been validated,
/// and positions are only for the validator's messages.
fn at<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

fn all(names: Vec<String>) -> Vec<Spanned<String>> {
    names.into_iter().map(at).collect()
}

fn step(s: stored::Step) -> Step {
    Step {
        id: at(s.id),
        title: at(s.title),
        goal: s.goal,
        body: s.body,
        aliases: all(s.aliases),
        optional: s.optional,
        topics: s.topics.into_iter().map(topic).collect(),
        resources: s.resources.into_iter().map(resource).collect(),
    }
}

fn topic(t: stored::Topic) -> Topic {
    Topic {
        id: at(t.id),
        title: at(t.title),
        aliases: all(t.aliases),
        hours: t.hours,
        summary: t.summary,
        check: t.check,
        requires: all(t.requires),
        resources: t.resources.into_iter().map(resource).collect(),
    }
}

fn resource(r: stored::Resource) -> Resource {
    Resource {
        title: at(r.title),
        url: at(r.url),
        provider: r.provider,
        cost: r.cost,
        note: r.note,
        kind: r.kind,
    }
}
