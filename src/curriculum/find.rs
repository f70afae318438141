//! Finding a topic by what a learner would type: its key, its id, a former
//! id, its title, or a part of its title.

use super::Curriculum;

/// What a name found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// One topic: its step and topic indexes.
    One(usize, usize),
    /// Several topics match equally well.
    Many(Vec<(usize, usize)>),
    /// None does.
    None,
}

impl Curriculum {
    /// The topic `name` means, tried in this order: the exact key
    /// (`STEP/TOPIC`, or a former one); a topic id; a former id; the title,
    /// ignoring case; a part of a title, ignoring case, when exactly one
    /// title contains it. The first rule that matches decides; when it
    /// matches several topics, they are all returned.
    pub fn find_topic(&self, name: &str) -> Found {
        if let Some((s, t)) = self.resolve(name) {
            return Found::One(s, t);
        }
        let all = || {
            self.steps().iter().enumerate().flat_map(|(s, step)| (0..step.topics.len()).map(move |t| (s, t)))
        };
        let topic = |(s, t): (usize, usize)| &self.steps()[s].topics[t];
        let lower = name.to_lowercase();
        let rules: [&dyn Fn((usize, usize)) -> bool; 4] = [
            &|at| topic(at).id.get_ref() == name,
            &|at| topic(at).aliases.iter().any(|a| a.get_ref() == name),
            &|at| topic(at).title.get_ref().to_lowercase() == lower,
            &|at| !lower.is_empty() && topic(at).title.get_ref().to_lowercase().contains(&lower),
        ];
        for rule in rules {
            let found: Vec<(usize, usize)> = all().filter(|&at| rule(at)).collect();
            match found.as_slice() {
                [] => continue,
                [(s, t)] => return Found::One(*s, *t),
                // Several: the learner picks (a part of a title decides
                // only when it is in one title).
                _ => return Found::Many(found),
            }
        }
        Found::None
    }
}
