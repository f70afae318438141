//! A step and its topics: the checklist, and the keys progress is stored
//! under.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Resource;

/// One step of the path.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Identifier, unique among steps; first half of a progress key.
    pub id: Spanned<String>,
    /// Name of the step.
    pub title: Spanned<String>,
    /// One or two sentences: what the learner should be able to do after it.
    #[serde(default)]
    pub goal: Option<String>,
    /// Longer text; paragraphs are split by blank lines.
    #[serde(default)]
    pub body: Option<String>,
    /// Former ids of this step; progress recorded under them carries over.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// `true` for an extra that comes after the numbered steps.
    #[serde(default)]
    pub optional: bool,
    /// The things to learn, ticked off one by one.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Links to courses, articles and sites for this step.
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// One thing to learn; its progress key is `STEP_ID/TOPIC_ID`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Identifier, unique within its step.
    pub id: Spanned<String>,
    /// What is shown in the checklist.
    pub title: Spanned<String>,
    /// Former ids of this topic; progress recorded under them carries over.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Estimated hours to learn it.
    #[serde(default)]
    pub hours: Option<f64>,
    /// One to three sentences: what the learner can do once they know it.
    #[serde(default)]
    pub summary: Option<String>,
    /// Self-check questions, one per entry.
    #[serde(default)]
    pub check: Vec<String>,
    /// Topics to know first: `TOPIC_ID` in the same step, or
    /// `STEP_ID/TOPIC_ID`. They must exist and form no cycle.
    #[serde(default)]
    pub requires: Vec<Spanned<String>>,
    /// Links for this topic alone, listed before the step's.
    #[serde(default)]
    pub resources: Vec<Resource>,
}

/// The progress key a `requires` entry of a topic in `step` names: an
/// entry without a `/` is a topic of the same step.
pub(super) fn requirement_key(step: &Step, entry: &str) -> String {
    if entry.contains('/') { entry.to_string() } else { format!("{}/{entry}", step.id.get_ref()) }
}

/// Replaces `value`'s position with `f` of it.
pub(super) fn respan<T: Default>(value: &mut Spanned<T>, f: &mut impl FnMut(Range<usize>) -> Range<usize>) {
    let span = f(value.span());
    *value = Spanned::new(span, std::mem::take(value.get_mut()));
}

impl Step {
    /// Replaces every position the step keeps with `f` of it: a step
    /// read from a part of its file (`parts`) is moved to where it is in
    /// the file.
    pub(super) fn each_span(&mut self, f: &mut impl FnMut(Range<usize>) -> Range<usize>) {
        respan(&mut self.id, f);
        respan(&mut self.title, f);
        self.aliases.iter_mut().for_each(|a| respan(a, f));
        for topic in &mut self.topics {
            respan(&mut topic.id, f);
            respan(&mut topic.title, f);
            topic.aliases.iter_mut().chain(&mut topic.requires).for_each(|a| respan(a, f));
            topic.resources.iter_mut().for_each(|r| r.each_span(f));
        }
        self.resources.iter_mut().for_each(|r| r.each_span(f));
    }

    /// The progress key of one of this step's topics.
    pub fn key(&self, topic: &Topic) -> String {
        format!("{}/{}", self.id.get_ref(), topic.id.get_ref())
    }

    /// The resources the pane lists for topic `topic` (or for the step
    /// alone): the topic's own first, then the step's, each link once.
    pub fn resources_for(&self, topic: Option<usize>) -> Vec<&Resource> {
        let own = topic.and_then(|t| self.topics.get(t)).map(|t| t.resources.as_slice()).unwrap_or_default();
        let step = self.resources.iter().filter(|r| !own.iter().any(|o| o.url.get_ref() == r.url.get_ref()));
        own.iter().chain(step).collect()
    }

    /// Every resource of the step: its own, then each topic's in order.
    pub fn all_resources(&self) -> impl Iterator<Item = &Resource> {
        self.resources.iter().chain(self.topics.iter().flat_map(|t| &t.resources))
    }

    /// Resource `i` of [`Step::all_resources`], with the topic it is on
    /// (none for the step's own).
    pub fn resource_at(&self, i: usize) -> Option<(Option<usize>, &Resource)> {
        if let Some(r) = self.resources.get(i) {
            return Some((None, r));
        }
        let mut i = i - self.resources.len();
        for (t, topic) in self.topics.iter().enumerate() {
            match topic.resources.get(i) {
                Some(r) => return Some((Some(t), r)),
                None => i -= topic.resources.len(),
            }
        }
        None
    }

    /// The progress key of one of this step's resources: `STEP_ID/URL`.
    /// A link on a topic shares its step's key space, so one link listed
    /// on a topic and on its step is read in both places at once.
    pub fn resource_key(&self, resource: &Resource) -> String {
        format!("{}/{}", self.id.get_ref(), resource.url.get_ref())
    }
}
