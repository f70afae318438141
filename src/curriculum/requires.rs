//! The `requires` check: every entry names a topic of the curriculum, and
//! no topic requires itself, directly or through others.

use std::collections::HashMap;

use toml::Spanned;

use super::{Curriculum, Diagnostic};

/// A topic as (step index, topic index).
type At = (usize, usize);

/// Reports entries that name no topic, and each cycle at the entry that
/// closes it.
pub fn check(c: &Curriculum, out: &mut Vec<Diagnostic>) {
    let steps = c.steps();
    if steps.iter().all(|s| s.topics.iter().all(|t| t.requires.is_empty())) {
        return;
    }
    // (step id, topic id) → where; borrowed, so a large path is indexed
    // without a string made per topic.
    let mut index: HashMap<(&str, &str), At> = HashMap::with_capacity(c.topic_count());
    for (i, step) in steps.iter().enumerate() {
        for (j, topic) in step.topics.iter().enumerate() {
            // Duplicate ids are reported elsewhere; the first one wins here.
            index.entry((step.id.get_ref().as_str(), topic.id.get_ref().as_str())).or_insert((i, j));
        }
    }
    // Each topic's edges: (the entry, the topic it names).
    let mut edges: HashMap<At, Vec<(&Spanned<String>, At)>> = HashMap::new();
    for (i, step) in steps.iter().enumerate() {
        for (j, topic) in step.topics.iter().enumerate() {
            for entry in &topic.requires {
                let (to_step, to_topic) =
                    entry.get_ref().split_once('/').unwrap_or((step.id.get_ref(), entry.get_ref()));
                match index.get(&(to_step, to_topic)) {
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
                    let cycle: Vec<At> = path[from..].iter().map(|&(n, _)| n).chain([to]).collect();
                    out.push(Diagnostic::at(
                        entry.span(),
                        format!(
                            "`requires` makes a cycle: {}; remove one of these",
                            named_cycle(&cycle, &name)
                        ),
                    ));
                }
                Some(true) => {}
            }
        }
    }
}

/// A cycle as people can read it: every member when it is short; else the
/// first few, how many more, and the one that closes it. A cycle through
/// 90,000 topics is one line, not a megabyte.
fn named_cycle<T: Copy>(cycle: &[T], name: &impl Fn(T) -> String) -> String {
    const FIRST: usize = 4;
    if cycle.len() <= FIRST + 3 {
        return cycle.iter().map(|&n| name(n)).collect::<Vec<_>>().join(" → ");
    }
    let (last, closes) = (cycle[cycle.len() - 2], cycle[cycle.len() - 1]);
    let more = cycle.len() - FIRST - 2;
    let first: Vec<String> = cycle[..FIRST].iter().map(|&n| name(n)).collect();
    format!("{} → … ({} more) … → {} → {}", first.join(" → "), thousands(more), name(last), name(closes))
}

/// `89997` as `89,997`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_cycle_names_its_first_members_how_many_more_and_what_closes_it() {
        let name = |n: usize| format!("s/t{n}");
        let long: Vec<usize> = (0..90_000).chain([0]).collect();
        let said = named_cycle(&long, &name);
        assert_eq!(said, "s/t0 → s/t1 → s/t2 → s/t3 → … (89,995 more) … → s/t89999 → s/t0");
        assert_eq!(named_cycle(&[1, 2, 1], &name), "s/t1 → s/t2 → s/t1");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
