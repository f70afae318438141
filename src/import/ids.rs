//! Ids for a draft's steps and topics. On a re-import they come from the
//! path as it was, so progress stays put: a step or topic whose title is
//! unchanged keeps its id; a topic found by its link under a new title, or
//! under another heading, gets a new id with its old one as an alias.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::draft::{Draft, DraftStep, DraftTopic};
use super::slug::{slug, unique};
use crate::curriculum::{Curriculum, Step};

/// What a re-import changed, by progress key.
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct Changes {
    /// Topics new in this import.
    pub added: Vec<String>,
    /// Topics no longer in the file; their progress stays, unused.
    pub removed: Vec<String>,
    /// Topics under a new id (a new title, or another step): old, new.
    pub renamed: Vec<(String, String)>,
}

/// Where a draft topic's progress was.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Match {
    /// Same step, same title: same id.
    Kept(usize, usize),
    /// Same link, new title or another step: a new id, the old as alias.
    Renamed(usize, usize),
    New,
}

/// The ids of each step, and of each topic in it, with their aliases.
pub struct Assigned {
    /// Per step: its id and aliases.
    pub steps: Vec<(String, Vec<String>)>,
    /// Per step, per topic: its id and aliases.
    pub topics: Vec<Vec<(String, Vec<String>)>>,
    /// What changed against the previous path.
    pub changes: Changes,
}

/// Ids for `draft`, keeping those of `previous` where they still apply.
pub fn assign(draft: &Draft, previous: Option<&Curriculum>) -> Assigned {
    let old: &[Step] = previous.map(|c| c.steps()).unwrap_or_default();
    let step_match = match_steps(&draft.steps, old);
    let mut taken = HashSet::new();
    let mut steps: Vec<(String, Vec<String>)> = vec![Default::default(); draft.steps.len()];
    for (i, m) in step_match.iter().enumerate() {
        if let Some(o) = m {
            steps[i] = (unique(old[*o].id.get_ref(), &mut taken), names(&old[*o].aliases));
        }
    }
    for (i, s) in draft.steps.iter().enumerate() {
        if step_match[i].is_none() {
            let wanted = s.id.clone().unwrap_or_else(|| slug(&s.title));
            steps[i].0 = unique(&wanted, &mut taken);
        }
    }
    let topic_match = match_topics(draft, old, &step_match);
    let mut topics = Vec::new();
    let mut changes = Changes::default();
    for (si, s) in draft.steps.iter().enumerate() {
        let mut taken = HashSet::new();
        let mut ids: Vec<(String, Vec<String>)> = vec![Default::default(); s.topics.len()];
        // Kept ids first, so a new topic's slug never takes one.
        for (ti, m) in topic_match[si].iter().enumerate() {
            if let Match::Kept(os, ot) = *m {
                let t = &old[os].topics[ot];
                taken.extend(names(&t.aliases).into_iter().filter(|a| !a.contains('/')));
                ids[ti] = (unique(t.id.get_ref(), &mut taken), names(&t.aliases));
            }
        }
        for (ti, t) in s.topics.iter().enumerate() {
            let m = topic_match[si][ti];
            if matches!(m, Match::Kept(..)) {
                continue;
            }
            let wanted = t.id.clone().unwrap_or_else(|| slug(&t.title));
            let id = unique(&wanted, &mut taken);
            let key = format!("{}/{id}", steps[si].0);
            ids[ti] = (id, Vec::new());
            match m {
                Match::Renamed(os, ot) => {
                    let (o_step, o_topic) = (&old[os], &old[os].topics[ot]);
                    let old_key = format!("{}/{}", o_step.id.get_ref(), o_topic.id.get_ref());
                    ids[ti].1 = moved_names(o_step, o_topic, step_match[si] == Some(os));
                    changes.renamed.push((old_key, key));
                }
                _ if previous.is_some() => changes.added.push(key),
                _ => {}
            }
        }
        topics.push(ids);
    }
    for (os, o) in old.iter().enumerate() {
        for (ot, t) in o.topics.iter().enumerate() {
            let used = topic_match
                .iter()
                .flatten()
                .any(|m| matches!(*m, Match::Kept(a, b) | Match::Renamed(a, b) if (a, b) == (os, ot)));
            if !used {
                changes.removed.push(format!("{}/{}", o.id.get_ref(), t.id.get_ref()));
            }
        }
    }
    drop_clashing_aliases(&steps, &mut topics);
    Assigned { steps, topics, changes }
}

fn names(aliases: &[toml::Spanned<String>]) -> Vec<String> {
    aliases.iter().map(|a| a.get_ref().clone()).collect()
}

/// The names a topic's progress was under, as aliases of its new place:
/// its old id (and former ids) as they are in the same step, as
/// `STEP/TOPIC` from another.
fn moved_names(step: &Step, topic: &crate::curriculum::Topic, same_step: bool) -> Vec<String> {
    let sid = step.id.get_ref();
    let mut out: Vec<String> = std::iter::once(topic.id.get_ref())
        .chain(topic.aliases.iter().map(|a| a.get_ref()))
        .map(|n| if same_step || n.contains('/') { n.clone() } else { format!("{sid}/{n}") })
        .collect();
    // The newest names matter most; the format allows 32.
    out.truncate(crate::curriculum::MAX_ALIASES);
    out
}

/// Aliases that are now some topic's id or key would give two topics one
/// name; the topic that holds the name keeps its progress.
fn drop_clashing_aliases(steps: &[(String, Vec<String>)], topics: &mut [Vec<(String, Vec<String>)>]) {
    let keys: HashSet<String> = steps
        .iter()
        .zip(topics.iter())
        .flat_map(|((s, _), ts)| ts.iter().map(move |(t, _)| format!("{s}/{t}")))
        .collect();
    let mut seen = HashSet::new();
    for ((sid, _), ts) in steps.iter().zip(topics.iter_mut()) {
        let ids: HashSet<String> = ts.iter().map(|(t, _)| t.clone()).collect();
        for (id, aliases) in ts.iter_mut() {
            aliases.retain(|a| {
                let whole = if a.contains('/') { a.clone() } else { format!("{sid}/{a}") };
                let clash = a == id || keys.contains(&whole) || (!a.contains('/') && ids.contains(a));
                let own_step = a.split_once('/').is_some_and(|(s, _)| s == sid);
                !clash && !own_step && seen.insert(whole)
            });
        }
    }
}

/// Each draft step's step in `old`: the one with its id (an export's),
/// else its title.
fn match_steps(new: &[DraftStep], old: &[Step]) -> Vec<Option<usize>> {
    let mut used = HashSet::new();
    let mut find = |pred: &dyn Fn(&Step) -> bool| {
        let found = (0..old.len()).find(|&o| !used.contains(&o) && pred(&old[o]));
        if let Some(o) = found {
            used.insert(o);
        }
        found
    };
    new.iter()
        .map(|s| match &s.id {
            Some(id) => find(&|o| o.id.get_ref() == id),
            None => find(&|o| o.title.get_ref().eq_ignore_ascii_case(&s.title)),
        })
        .collect()
}

/// Each draft topic's topic in `old`: by title in its step (or by id, in
/// an export), else by link in its step, else by title or link anywhere,
/// each old topic at most once.
fn match_topics(draft: &Draft, old: &[Step], step_match: &[Option<usize>]) -> Vec<Vec<Match>> {
    let mut out: Vec<Vec<Match>> = draft.steps.iter().map(|s| vec![Match::New; s.topics.len()]).collect();
    let mut used: HashSet<(usize, usize)> = HashSet::new();
    let title = |t: &DraftTopic, o: &crate::curriculum::Topic| match &t.id {
        Some(id) => o.id.get_ref() == id,
        None => o.title.get_ref().to_lowercase() == t.title.to_lowercase(),
    };
    let link = |t: &DraftTopic, o: &crate::curriculum::Topic| {
        t.url().is_some_and(|u| o.resources.first().is_some_and(|r| r.url.get_ref() == u))
    };
    // Every old topic by its first link, and by its title (or id), so a
    // large re-import looks each one up instead of scanning them all.
    let mut by_url: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut by_name: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (s, step) in old.iter().enumerate() {
        for (t, topic) in step.topics.iter().enumerate() {
            if let Some(r) = topic.resources.first() {
                by_url.entry(r.url.get_ref().as_str()).or_default().push((s, t));
            }
            by_name.entry(topic.title.get_ref().to_lowercase()).or_default().push((s, t));
            by_name.entry(format!("\0{}", topic.id.get_ref())).or_default().push((s, t));
        }
    }
    let name_of = |t: &DraftTopic| match &t.id {
        Some(id) => format!("\0{id}"),
        None => t.title.to_lowercase(),
    };
    // Rounds from the surest match to the loosest, so a looser one never
    // takes a topic a surer one wanted.
    for round in 0..4 {
        for (si, s) in draft.steps.iter().enumerate() {
            for (ti, t) in s.topics.iter().enumerate() {
                if out[si][ti] != Match::New {
                    continue;
                }
                let candidates: Vec<(usize, usize)> = match (round, step_match[si]) {
                    (0 | 1, Some(os)) => (0..old[os].topics.len()).map(|ot| (os, ot)).collect(),
                    (2, _) => t.url().and_then(|u| by_url.get(u)).cloned().unwrap_or_default(),
                    (3, _) => by_name.get(&name_of(t)).cloned().unwrap_or_default(),
                    _ => Vec::new(),
                };
                let fits = |&(os, ot): &(usize, usize)| {
                    let o = &old[os].topics[ot];
                    !used.contains(&(os, ot))
                        && if round == 0 || round == 3 { title(t, o) } else { link(t, o) }
                };
                if let Some(&(os, ot)) = candidates.iter().find(|c| fits(c)) {
                    used.insert((os, ot));
                    let same = round == 0
                        && (t.id.is_none() || t.id.as_deref() == Some(old[os].topics[ot].id.get_ref()));
                    out[si][ti] = if same { Match::Kept(os, ot) } else { Match::Renamed(os, ot) };
                }
            }
        }
    }
    out
}
