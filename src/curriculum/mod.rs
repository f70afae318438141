//! The curriculum file format (TOML): the serde structs that define it, and
//! loading a file into them with every problem reported as `FILE:LINE:COL`.
//!
//! `content/README.md` documents the same format for people.

pub mod cache;
mod diagnostic;
mod find;
pub mod frozen;
mod kind;
pub mod parts;
mod requires;
mod resource;
mod step;
mod stored;
mod validate;

use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

pub use diagnostic::{Diagnostic, LoadError, MAX_LINE as MAX_ERROR_LINE};
pub use find::Found;
pub use resource::{Cost, Kind, Resource};
use step::requirement_key;
pub use step::{Step, Topic};
pub use validate::{MAX_ALIASES, http_url, is_valid_id};

/// The only format number this build understands.
pub const FORMAT: i64 = 1;

/// The shipped "Learn Backend Development" path, embedded so the binary
/// works from any directory.
pub const SHIPPED: &str = include_str!("../../content/backend.toml");

/// A JSON Schema (draft 2020-12) of the format, for editors: taplo and Even
/// Better TOML complete and check a curriculum with it.
pub const SCHEMA: &str = include_str!("../../content/schema.json");

/// The largest curriculum file accepted.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The longest string accepted in a curriculum.
pub const MAX_STRING_BYTES: usize = 64 * 1024;

/// The most topics a curriculum may have.
pub const MAX_TOPICS: usize = 100_000;

/// The name the shipped path is reported under in messages.
pub const SHIPPED_NAME: &str = "content/backend.toml";

/// A whole curriculum file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curriculum {
    /// Format number; must be 1. Checked before anything else.
    pub format: Spanned<i64>,
    /// Identifier keying the progress file: `[a-z0-9][a-z0-9-]*`.
    pub id: Spanned<String>,
    /// Name of the path, shown in the header and by `status`.
    pub title: Spanned<String>,
    /// Optional one-paragraph description of the whole path.
    #[serde(default)]
    pub summary: Option<String>,
    /// Hours a week the path is planned for (for the pace projection).
    #[serde(default)]
    pub weekly_hours: Option<f64>,
    /// The steps, in order; at least one.
    pub steps: Spanned<Vec<Step>>,
    /// Questions and answers about the path.
    #[serde(default)]
    pub faq: Vec<Faq>,
    /// Each step's id and former ids → the step; for each step, each
    /// topic's id and former ids → the topic. A progress key
    /// `STEP_ID/TOPIC_ID` is found in two lookups, under current or former
    /// ids alike, however many aliases there are.
    #[serde(skip)]
    names: (Names, Vec<Names>, Moved),
}

/// Names → (index, whether the name is a former id).
type Names = std::collections::HashMap<String, (usize, bool)>;

/// Former keys `STEP/TOPIC` of topics that moved to another step → the
/// step and topic they are now.
type Moved = std::collections::HashMap<String, (usize, usize)>;

/// A frequently asked question.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// The question.
    pub question: Spanned<String>,
    /// Its answer; paragraphs are split by blank lines.
    pub answer: String,
}

/// Just the format number, read first so a newer file gets a clear
/// "upgrade learnpath" message instead of complaints about unknown keys.
#[derive(Deserialize)]
struct FormatOnly {
    format: Option<Spanned<toml::Value>>,
}

impl Curriculum {
    /// Parses and validates a file's bytes, which must be UTF-8.
    pub fn parse_bytes(bytes: &[u8], name: &str) -> Result<Curriculum, LoadError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Curriculum::parse(text, name),
            Err(e) => {
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                let at =
                    Diagnostic::at(valid.len()..valid.len(), "not UTF-8 text: a curriculum must be UTF-8");
                Err(LoadError::new(name, valid, vec![at]))
            }
        }
    }

    /// Parses and validates TOML text; `name` is used in error messages.
    pub fn parse(text: &str, name: &str) -> Result<Curriculum, LoadError> {
        let fail = |diags: Vec<Diagnostic>| LoadError::new(name, text, diags);
        if text.len() > MAX_FILE_BYTES {
            return Err(fail(vec![Diagnostic::at(
                0..0,
                "the file is larger than 16 MiB; split it into smaller paths",
            )]));
        }
        // One parse for a good file. Only a file that fails gets a second,
        // looser one for its format number, so a newer file says "upgrade
        // learnpath" instead of listing keys this build does not know.
        let read = parts::parse(text, parts::WHOLE_BELOW).map(Ok).unwrap_or_else(|| toml::from_str(text));
        let mut curriculum: Curriculum = match read {
            Ok(c) => c,
            Err(e) => {
                let head: FormatOnly = toml::from_str(text).map_err(|e| fail(vec![e.into()]))?;
                validate::format(head.format.as_ref()).map_err(|d| fail(vec![d]))?;
                return Err(fail(vec![e.into()]));
            }
        };
        let format =
            Spanned::new(curriculum.format.span(), toml::Value::Integer(*curriculum.format.get_ref()));
        validate::format(Some(&format)).map_err(|d| fail(vec![d]))?;
        let problems = validate::all(&curriculum);
        if !problems.is_empty() {
            return Err(fail(problems));
        }
        curriculum.sanitize();
        curriculum.index_names();
        Ok(curriculum)
    }

    /// A curriculum made in memory (by `import`), with no positions; it is
    /// checked when its text is parsed back.
    pub fn assemble(id: String, title: String, summary: Option<String>, steps: Vec<Step>) -> Curriculum {
        let mut c = Curriculum {
            format: Spanned::new(0..0, FORMAT),
            id: Spanned::new(0..0, id),
            title: Spanned::new(0..0, title),
            summary,
            weekly_hours: None,
            steps: Spanned::new(0..0, steps),
            faq: Vec::new(),
            names: Default::default(),
        };
        c.index_names();
        c
    }

    /// The curriculum as a file's text, keys in the format's order and
    /// the keys left at their defaults left out.
    pub fn to_toml(&self) -> String {
        // The model's own serde form is also its binary one (`frozen`),
        // which needs every field; the text leaves out what is at its
        // default instead.
        fn prune(value: &mut toml::Value) {
            match value {
                toml::Value::Table(t) => {
                    t.retain(|_, v| {
                        !matches!(v, toml::Value::Boolean(false))
                            && !matches!(v, toml::Value::Array(a) if a.is_empty())
                    });
                    t.iter_mut().for_each(|(_, v)| prune(v));
                }
                toml::Value::Array(a) => a.iter_mut().for_each(prune),
                _ => {}
            }
        }
        // Every field is a string, a number, a bool or a list of tables:
        // nothing the TOML serializer refuses.
        let mut value = toml::Value::try_from(self).unwrap_or(toml::Value::Table(Default::default()));
        prune(&mut value);
        toml::to_string(&value).unwrap_or_default()
    }

    /// Builds the lookups from progress keys and former ids.
    fn index_names(&mut self) {
        // Sized up front: on a large path, growing these is most of the work.
        fn names<'a>(
            items: impl ExactSizeIterator<Item = (&'a Spanned<String>, &'a [Spanned<String>])>,
        ) -> Names {
            let mut out = Names::with_capacity(items.len());
            for (i, (id, aliases)) in items.enumerate() {
                out.insert(id.get_ref().clone(), (i, false));
                // A former key of a topic that moved is looked up whole.
                for alias in aliases.iter().filter(|a| !a.get_ref().contains('/')) {
                    out.insert(alias.get_ref().clone(), (i, true));
                }
            }
            out
        }
        let steps = self.steps();
        let step_names = names(steps.iter().map(|s| (&s.id, s.aliases.as_slice())));
        let topic_names =
            steps.iter().map(|s| names(s.topics.iter().map(|t| (&t.id, t.aliases.as_slice())))).collect();
        let mut moved = Moved::new();
        for (si, s) in steps.iter().enumerate() {
            for (ti, t) in s.topics.iter().enumerate() {
                for alias in t.aliases.iter().filter(|a| a.get_ref().contains('/')) {
                    moved.insert(alias.get_ref().clone(), (si, ti));
                }
            }
        }
        self.names = (step_names, topic_names, moved);
    }

    /// Reads and validates a curriculum file.
    pub fn load(path: &Path) -> Result<Curriculum, LoadError> {
        Curriculum::load_cached(path, None)
    }

    /// Reads a curriculum file; takes its parsed form from the cache in
    /// `cache_dir` if that holds the same bytes, else parses and validates
    /// it and keeps a valid one there.
    pub fn load_cached(path: &Path, cache_dir: Option<&Path>) -> Result<Curriculum, LoadError> {
        let name = path.display().to_string();
        // Read one byte past the limit rather than trusting the file size,
        // which a growing file does not give.
        let bytes = crate::regular::read_limited(path, MAX_FILE_BYTES as u64)
            .map_err(|e| LoadError::io(&name, &e))?;
        if bytes.len() > MAX_FILE_BYTES {
            let too_big = Diagnostic::at(0..0, "the file is larger than 16 MiB; split it into smaller paths");
            return Err(LoadError::new(&name, "", vec![too_big]));
        }
        if let Some(found) = cache_dir.and_then(|dir| cache::get(dir, &bytes)) {
            return Ok(found);
        }
        let curriculum = Curriculum::parse_bytes(&bytes, &name)?;
        if let Some(dir) = cache_dir {
            cache::put(dir, &bytes, &curriculum);
        }
        Ok(curriculum)
    }

    /// The shipped backend path.
    pub fn shipped() -> Curriculum {
        frozen::shipped()
    }

    /// Total number of topics over all steps.
    pub fn topic_count(&self) -> usize {
        self.steps.get_ref().iter().map(|s| s.topics.len()).sum()
    }

    /// The step and topic indexes of progress key `key`, if it is a topic
    /// of this curriculum.
    pub fn locate(&self, key: &str) -> Option<(usize, usize)> {
        match self.lookup(key)? {
            (s, false, t, false) => Some((s, t)),
            _ => None,
        }
    }

    /// Step and topic of `key`, each with whether it was named by a former
    /// id. Ids hold no `/`, so the key splits in one place.
    fn lookup(&self, key: &str) -> Option<(usize, bool, usize, bool)> {
        let (step, topic) = key.split_once('/')?;
        let found = self.names.0.get(step).and_then(|&(s, step_alias)| {
            let &(t, topic_alias) = self.names.1.get(s)?.get(topic)?;
            Some((s, step_alias, t, topic_alias))
        });
        found.or_else(|| self.names.2.get(key).map(|&(s, t)| (s, true, t, true)))
    }

    /// The step and topic indexes of progress key `key`, under current or
    /// former ids (`aliases`).
    pub fn resolve(&self, key: &str) -> Option<(usize, usize)> {
        self.lookup(key).map(|(s, _, t, _)| (s, t))
    }

    /// How many names [`Curriculum::resolve`] knows: every id and alias
    /// once, so the work of resolving grows with the file, not with the
    /// product of step and topic aliases.
    pub fn name_count(&self) -> usize {
        self.names.0.len() + self.names.1.iter().map(|m| m.len()).sum::<usize>() + self.names.2.len()
    }

    /// The step and topic indexes of what topic `topic` of step `step`
    /// requires, in the file's order.
    pub fn requires(&self, step: usize, topic: usize) -> Vec<(usize, usize)> {
        let s = &self.steps()[step];
        s.topics[topic]
            .requires
            .iter()
            .filter_map(|r| self.locate(&requirement_key(s, r.get_ref())))
            .collect()
    }

    /// Whether any step or topic lists former ids.
    pub fn has_aliases(&self) -> bool {
        self.steps().iter().any(|s| !s.aliases.is_empty() || s.topics.iter().any(|t| !t.aliases.is_empty()))
    }

    /// Each step's label in lists: `1.`, `2.` … for the numbered steps in
    /// order, `+` for the optional extras.
    pub fn labels(&self) -> Vec<String> {
        let mut number = 0;
        self.steps()
            .iter()
            .map(|s| {
                if s.optional {
                    "+".to_string()
                } else {
                    number += 1;
                    format!("{number}.")
                }
            })
            .collect()
    }

    /// How many steps are numbered (not optional).
    pub fn numbered(&self) -> usize {
        self.steps().iter().filter(|s| !s.optional).count()
    }

    /// Total number of resources over all steps and their topics.
    pub fn resource_count(&self) -> usize {
        self.steps().iter().map(|s| s.all_resources().count()).sum()
    }

    /// The steps, in order.
    pub fn steps(&self) -> &[Step] {
        self.steps.get_ref()
    }

    /// One-line summary used by `validate`.
    pub fn summary_line(&self) -> String {
        use crate::text::count;
        [
            count(self.steps().len(), "step", "steps"),
            count(self.topic_count(), "topic", "topics"),
            count(self.resource_count(), "resource", "resources"),
            count(self.faq.len(), "FAQ entry", "FAQ entries"),
        ]
        .join(", ")
    }

    /// Makes every string safe to put in a terminal cell.
    fn sanitize(&mut self) {
        use crate::text::{needs_sanitizing, sanitize_block, sanitize_line};
        // Each string is replaced only if it has something to clean.
        let line = |s: &mut String| {
            if needs_sanitizing(s, false) {
                *s = sanitize_line(s);
            }
        };
        let block = |s: &mut Option<String>| {
            if let Some(s) = s.as_mut().filter(|s| needs_sanitizing(s, true)) {
                *s = sanitize_block(s);
            }
        };
        line(self.title.get_mut());
        block(&mut self.summary);
        for step in self.steps.get_mut() {
            line(step.title.get_mut());
            block(&mut step.goal);
            block(&mut step.body);
            for topic in &mut step.topics {
                line(topic.title.get_mut());
                block(&mut topic.summary);
                topic.check.iter_mut().for_each(line);
                topic.resources.iter_mut().for_each(Resource::sanitize);
            }
            step.resources.iter_mut().for_each(Resource::sanitize);
        }
        for faq in &mut self.faq {
            line(faq.question.get_mut());
            faq.answer = sanitize_block(&faq.answer);
        }
    }
}
