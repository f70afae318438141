//! `learnpath reset [STEP[/TOPIC]] [--yes]`: back to todo, as recorded
//! changes. A step or the whole path asks first unless `--yes`.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, bail};
use jiff::Timestamp;
use serde::Serialize;

use super::mark::{topic_key, waiting};
use crate::curriculum::Curriculum;
use crate::progress::Progress;

/// What a reset did.
#[derive(Debug, Serialize)]
pub struct ResetReport {
    /// What was reset: a topic, a step, the whole path.
    pub what: String,
    /// Topics that went back to todo; none when the learner said no.
    pub count: Option<usize>,
}

impl std::fmt::Display for ResetReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.count {
            None => writeln!(f, "Nothing changed."),
            Some(n) => {
                writeln!(f, "Reset {}: {} back to todo", self.what, crate::text::count(n, "topic", "topics"))
            }
        }
    }
}

/// Resets `target` (none: the whole path) and saves.
pub fn run(
    c: &Curriculum,
    progress: &mut Progress,
    target: Option<&str>,
    yes: bool,
    now: Timestamp,
) -> Result<ResetReport> {
    let (what, steps, topic): (String, Vec<usize>, Option<usize>) = match target {
        None => ("the whole path".into(), (0..c.steps().len()).collect(), None),
        // A step's id first, then anything that names a topic.
        Some(s) if c.steps().iter().any(|st| st.id.get_ref() == s) => {
            let i = c.steps().iter().position(|st| st.id.get_ref() == s).unwrap_or(0);
            (format!("step {s}"), vec![i], None)
        }
        Some(t) => {
            let key = topic_key(c, t).map_err(|e| {
                let steps = c.steps().iter().map(|s| s.id.get_ref().as_str()).collect::<Vec<_>>().join(", ");
                e.context(format!("not a step either; the steps are: {steps}"))
            })?;
            let (s, i) = c.locate(&key).unwrap_or((0, 0));
            (format!("topic {key}"), vec![s], Some(i))
        }
    };
    if topic.is_none() && !yes && !confirm(&format!("Reset {what} back to todo?"))? {
        return Ok(ResetReport { what, count: None });
    }
    let count = progress.reset(c, &steps, topic, now);
    progress.save_waiting(&waiting)?;
    Ok(ResetReport { what, count: Some(count) })
}

fn confirm(question: &str) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        bail!("{question} Pass --yes to confirm when not at a terminal");
    }
    eprint!("{question} [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}
