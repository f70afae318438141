//! Checks that serde cannot express: ids, uniqueness, URLs, the format number.

use std::collections::HashSet;

use toml::Spanned;

use super::{Curriculum, Diagnostic, FORMAT, MAX_STRING_BYTES, MAX_TOPICS};

/// Checks the `format` key before the rest of the file is read.
pub fn format(value: Option<&Spanned<toml::Value>>) -> Result<(), Diagnostic> {
    let Some(value) = value else {
        return Err(Diagnostic::at(0..0, "missing `format`: add `format = 1` at the top of the file"));
    };
    match value.get_ref() {
        toml::Value::Integer(n) if *n == FORMAT => Ok(()),
        toml::Value::Integer(n) if *n > FORMAT => Err(Diagnostic::at(
            value.span(),
            format!(
                "this file uses format {n}, newer than this learnpath understands ({FORMAT}); upgrade learnpath to open it"
            ),
        )),
        toml::Value::Integer(n) => Err(Diagnostic::at(
            value.span(),
            format!("unknown format {n}; the format is `format = {FORMAT}`"),
        )),
        _ => Err(Diagnostic::at(value.span(), format!("`format` must be a number: `format = {FORMAT}`"))),
    }
}

/// Every problem in an already parsed curriculum, in no particular order.
pub fn all(c: &Curriculum) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let topics = c.topic_count();
    if topics > MAX_TOPICS {
        out.push(Diagnostic::at(
            c.steps.span(),
            format!("{topics} topics is more than the {MAX_TOPICS} a curriculum may have; split it"),
        ));
    }
    check_lengths(c, &mut out);
    let bad_hours = |h: Option<f64>| h.is_some_and(|h| !h.is_finite() || h < 0.0);
    if bad_hours(c.weekly_hours) {
        out.push(Diagnostic::at(c.title.span(), "`weekly_hours` must be a positive number"));
    }
    for topic in c.steps.get_ref().iter().flat_map(|s| &s.topics) {
        if bad_hours(topic.hours) {
            out.push(Diagnostic::at(topic.id.span(), "`hours` must be a positive number"));
        }
    }
    check_id(&c.id, "curriculum id", &mut out);
    check_text(&c.title, "title", &mut out);
    if c.steps.get_ref().is_empty() {
        out.push(Diagnostic::at(
            c.steps.span(),
            "`steps` is empty: a curriculum needs at least one [[steps]]",
        ));
    }
    let mut step_ids = HashSet::new();
    for step in c.steps.get_ref() {
        check_id(&step.id, "step id", &mut out);
        check_unique(&step.id, "step id", &mut step_ids, &mut out);
        check_text(&step.title, "step title", &mut out);
    }
    check_aliases(c.steps.get_ref().iter().map(|s| (&s.id, &s.aliases)), "step", &mut out);
    let mut moved = HashSet::new();
    for step in c.steps.get_ref() {
        let mut topic_ids = HashSet::new();
        for topic in &step.topics {
            check_id(&topic.id, "topic id", &mut out);
            check_unique(&topic.id, "topic id in this step", &mut topic_ids, &mut out);
            check_text(&topic.title, "topic title", &mut out);
            if topic.check.iter().any(|q| q.trim().is_empty()) {
                out.push(Diagnostic::at(topic.id.span(), "a `check` question of this topic is empty"));
            }
        }
        check_aliases(step.topics.iter().map(|t| (&t.id, &t.aliases)), "topic", &mut out);
        check_moved(c, step, &mut moved, &mut out);
        for res in step.resources.iter().chain(step.topics.iter().flat_map(|t| &t.resources)) {
            check_text(&res.title, "resource title", &mut out);
            check_url(&res.url, &mut out);
        }
    }
    super::requires::check(c, &mut out);
    for faq in &c.faq {
        check_text(&faq.question, "FAQ question", &mut out);
    }
    out
}

/// Former ids a step or a topic may list: far more than a rename history
/// reaches, few enough that resolving them stays cheap.
pub const MAX_ALIASES: usize = 32;

/// The `aliases` of `items` (a step's topics, or the steps): well-formed,
/// at most [`MAX_ALIASES`] each, and each name meaning one item, so no
/// tick can land on two topics.
fn check_aliases<'a>(
    items: impl Iterator<Item = (&'a Spanned<String>, &'a Vec<Spanned<String>>)> + Clone,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let mut names: HashSet<&str> = items.clone().map(|(id, _)| id.get_ref().as_str()).collect();
    for (id, aliases) in items {
        if aliases.len() > MAX_ALIASES {
            out.push(Diagnostic::at(
                id.span(),
                format!(
                    "{what} {:?} has {} aliases, more than {MAX_ALIASES}; keep only the ids progress was recorded under",
                    id.get_ref(),
                    aliases.len()
                ),
            ));
            continue;
        }
        // `STEP/TOPIC`, a topic's key before it moved, is checked whole
        // by `check_moved`.
        for alias in aliases.iter().filter(|a| what != "topic" || !a.get_ref().contains('/')) {
            check_id(alias, &format!("{what} alias"), out);
            if !names.insert(alias.get_ref()) {
                out.push(Diagnostic::at(
                    alias.span(),
                    format!(
                        "{what} alias {:?} is already the id or an alias of another {what}: each name may mean only one",
                        alias.get_ref()
                    ),
                ));
            }
        }
    }
}

/// A topic's former keys from other steps (`STEP/TOPIC` aliases, written
/// when a topic moves): each well-formed, naming no current topic (its
/// progress would land on two), and listed once in the whole file.
fn check_moved<'a>(
    c: &Curriculum,
    step: &'a super::Step,
    seen: &mut HashSet<&'a str>,
    out: &mut Vec<Diagnostic>,
) {
    for alias in step.topics.iter().flat_map(|t| &t.aliases).filter(|a| a.get_ref().contains('/')) {
        let (s, t) = alias.get_ref().split_once('/').unwrap_or_default();
        let problem = if !is_valid_id(s) || !is_valid_id(t) {
            Some(format!(
                "bad topic alias {:?}: a topic that moved from another step names its old key as STEP/TOPIC, each part lowercase letters, digits and '-'",
                alias.get_ref()
            ))
        } else if s == step.id.get_ref() {
            Some(format!("topic alias {:?} names this topic's own step: write just {t:?}", alias.get_ref()))
        } else if c
            .steps
            .get_ref()
            .iter()
            .any(|o| o.id.get_ref() == s && o.topics.iter().any(|x| x.id.get_ref() == t))
        {
            Some(format!(
                "topic alias {:?} is the key of a topic that exists: each name may mean only one topic",
                alias.get_ref()
            ))
        } else if !seen.insert(alias.get_ref()) {
            Some(format!(
                "topic alias {:?} is listed on two topics: each name may mean only one",
                alias.get_ref()
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            out.push(Diagnostic::at(alias.span(), message));
        }
    }
}

/// Whether `id` matches `[a-z0-9][a-z0-9-]*`.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_id(id: &Spanned<String>, what: &str, out: &mut Vec<Diagnostic>) {
    if !is_valid_id(id.get_ref()) {
        out.push(Diagnostic::at(
            id.span(),
            format!(
                "bad {what} {:?}: use lowercase letters, digits and '-', starting with a letter or digit",
                id.get_ref()
            ),
        ));
    }
}

fn check_unique<'a>(
    id: &'a Spanned<String>,
    what: &str,
    seen: &mut HashSet<&'a str>,
    out: &mut Vec<Diagnostic>,
) {
    if !seen.insert(id.get_ref()) {
        out.push(Diagnostic::at(
            id.span(),
            format!("duplicate {what} {:?}: ids must be unique", id.get_ref()),
        ));
    }
}

fn check_text(text: &Spanned<String>, what: &str, out: &mut Vec<Diagnostic>) {
    if text.get_ref().trim().is_empty() {
        out.push(Diagnostic::at(text.span(), format!("{what} is empty")));
    }
}

fn check_url(url: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    if let Err(why) = http_url(url.get_ref()) {
        out.push(Diagnostic::at(url.span(), format!("bad url {:?}: {why}", url.get_ref())));
    }
}

/// Accepts only absolute `http://` and `https://` URLs with a host and no
/// white space or control characters, read by the same parser (`url`) the
/// browser opener uses: whatever validates can be opened.
pub fn http_url(url: &str) -> Result<(), String> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || crate::text::is_bidi_control(c)) {
        return Err("a link may not contain spaces, control or direction characters".into());
    }
    let parsed = url::Url::parse(url).map_err(|e| format!("not a link a browser can open: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("only http:// and https:// links are allowed".into());
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err("the link has no host".into());
    }
    Ok(())
}

/// Strings over [`MAX_STRING_BYTES`], each reported where it is (or, for
/// the unspanned long texts, at their step's id).
fn check_lengths(c: &Curriculum, out: &mut Vec<Diagnostic>) {
    let mut spanned: Vec<(&Spanned<String>, &str)> = vec![(&c.id, "id"), (&c.title, "title")];
    let mut texts: Vec<(Option<&String>, &Spanned<String>, &str)> =
        vec![(c.summary.as_ref(), &c.title, "summary")];
    for step in c.steps.get_ref() {
        spanned.extend([(&step.id, "step id"), (&step.title, "step title")]);
        texts.extend([(step.goal.as_ref(), &step.id, "goal"), (step.body.as_ref(), &step.id, "body")]);
        for topic in &step.topics {
            spanned.extend([(&topic.id, "topic id"), (&topic.title, "topic title")]);
            spanned.extend(topic.requires.iter().map(|r| (r, "requires entry")));
            texts.push((topic.summary.as_ref(), &topic.id, "topic summary"));
            texts.extend(topic.check.iter().map(|q| (Some(q), &topic.id, "check question")));
        }
        for res in step.resources.iter().chain(step.topics.iter().flat_map(|t| &t.resources)) {
            spanned.extend([(&res.title, "resource title"), (&res.url, "url")]);
            texts.extend([
                (res.provider.as_ref(), &res.title, "provider"),
                (res.note.as_ref(), &res.title, "note"),
            ]);
        }
    }
    for faq in &c.faq {
        spanned.push((&faq.question, "FAQ question"));
        texts.push((Some(&faq.answer), &faq.question, "FAQ answer"));
    }
    let too_long = |what: &str, len: usize| format!("{what} is {len} bytes, longer than the 64 KiB allowed");
    for (s, what) in spanned {
        if s.get_ref().len() > MAX_STRING_BYTES {
            out.push(Diagnostic::at(s.span(), too_long(what, s.get_ref().len())));
        }
    }
    for (text, near, what) in texts {
        if let Some(text) = text.filter(|t| t.len() > MAX_STRING_BYTES) {
            out.push(Diagnostic::at(near.span(), too_long(what, text.len())));
        }
    }
}
