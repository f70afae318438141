//! The `requires` check: every entry names a topic of the curriculum, and
//! no topic requires itself, directly or through others.

use std::collections::HashMap;

use toml::Spanned;

use super::{Curriculum, Diagnostic, requirement_key};

/// A topic as (step index, topic index).
type At = (usize, usize);

/// Reports entries that name no topic, and each cycle at the entry that
/// closes it.
pub fn check(c: &Curriculum, out: &mut Vec<Diagnostic>) {
    let steps = c.steps();
    let mut index = HashMap::new();
    for (i, step) in steps.iter().enumerate() {
        for (j, topic) in step.topics.iter().enumerate() {
            // Duplicate ids are reported elsewhere; the first one wins here.
            index.entry(step.key(topic)).or_insert((i, j));
        }
    }
    // Each topic's edges: (the entry, the topic it names).
    let mut edges: HashMap<At, Vec<(&Spanned<String>, At)>> = HashMap::new();
    for (i, step) in steps.iter().enumerate() {
        for (j, topic) in step.topics.iter().enumerate() {
            for entry in &topic.requires {
                match index.get(&requirement_key(step, entry.get_ref())) {
                    Some(&to) => edges.entry((i, j)).or_default().push((entry, to)),
                    None => out.push(Diagnostic::at(
                        entry.span(),
                        format!(
                            "`requires` names {:?}, which is not a topic here: use TOPIC_ID for this step or STEP_ID/TOPIC_ID",
                            entry.get_ref()
                        ),
                    )),
                }
            }
        }
    }
    let name = |(i, j): At| steps[i].key(&steps[i].topics[j]);
    // Depth-first search without recursion, so a long chain of
    // requirements cannot overflow the stack.
    let mut state: HashMap<At, bool> = HashMap::new(); // false: on the path; true: done
    let mut starts: Vec<_> = edges.keys().copied().collect();
    starts.sort_unstable();
    for start in starts {
        if state.contains_key(&start) {
            continue;
        }
        let mut path = vec![(start, 0usize)];
        state.insert(start, false);
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            let Some(&(entry, to)) = edges.get(&node).and_then(|e| e.get(*next)) else {
                state.insert(node, true);
                path.pop();
                continue;
            };
            *next += 1;
            match state.get(&to) {
                None => {
                    state.insert(to, false);
                    path.push((to, 0));
                }
                Some(false) => {
                    let from = path.iter().position(|&(n, _)| n == to).unwrap_or(0);
                    let cycle: Vec<String> =
                        path[from..].iter().map(|&(n, _)| name(n)).chain([name(to)]).collect();
                    out.push(Diagnostic::at(
                        entry.span(),
                        format!("`requires` makes a cycle: {}; remove one of these", cycle.join(" → ")),
                    ));
                }
                Some(true) => {}
            }
        }
    }
}
