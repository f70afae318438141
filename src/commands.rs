//! The subcommands that print instead of opening the TUI, and the set-up
//! they share with it.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use crate::config::Source;
use crate::curriculum::Curriculum;
use crate::progress::{Progress, Status, percent};

/// `learnpath validate FILE...`: a summary line per valid file, errors for
/// the others; exit 1 if any is invalid.
pub fn validate(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        match Curriculum::load(file) {
            Ok(c) => println!("{}: ok: {}", file.display(), c.summary_line()),
            Err(e) => {
                ok = false;
                eprintln!("{e}");
            }
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// Per step: (step, done, skipped, total).
fn counts<'c>(
    c: &'c Curriculum,
    progress: &Progress,
) -> Vec<(&'c crate::curriculum::Step, usize, usize, usize)> {
    let id = c.id.get_ref();
    c.steps()
        .iter()
        .map(|s| {
            let statuses: Vec<Status> = s.topics.iter().map(|t| progress.status(id, &s.key(t))).collect();
            let done = statuses.iter().filter(|&&st| st == Status::Done).count();
            let skipped = statuses.iter().filter(|&&st| st == Status::Skipped).count();
            (s, done, skipped, s.topics.len())
        })
        .collect()
}

/// `learnpath status`: progress per step, as text or JSON.
pub fn status(
    curriculum: &Curriculum,
    progress: &Progress,
    now: jiff::Timestamp,
    sync: &crate::sync::Info,
    as_json: bool,
) -> String {
    let ahead = progress.ahead(curriculum.id.get_ref(), now);
    let due = crate::review::due(curriculum, progress, now).len();
    let orphans = progress.orphans(curriculum);
    let steps = counts(curriculum, progress);
    let done: usize = steps.iter().map(|s| s.1).sum();
    let skipped: usize = steps.iter().map(|s| s.2).sum();
    let total = curriculum.topic_count();
    let recall = crate::review::recall(curriculum, progress, now);
    let kept: Vec<_> = recall.iter().map(|r| crate::review::Retention::of(r)).collect();
    let retained: usize = kept.iter().map(|k| k.retained).sum();
    if as_json {
        let value = json!({
            "curriculum": { "id": curriculum.id.get_ref(), "title": curriculum.title.get_ref() },
            "done": done,
            "retained": retained,
            "skipped": skipped,
            "total": total,
            "steps": steps.iter().zip(&kept).map(|((s, done, skipped, total), kept)| json!({
                "id": s.id.get_ref(), "title": s.title.get_ref(), "done": done, "retained": kept.retained,
                "retention": kept.average.map(rounded), "skipped": skipped, "total": total,
            })).collect::<Vec<_>>(),
            "orphans": orphans,
            "due_for_review": due,
            "progress_file": progress.path(),
            "sync": sync,
            "ahead": ahead.iter().map(|(key, at)| json!({ "key": key, "at": at })).collect::<Vec<_>>(),
        });
        return serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    }
    let mut out = format!(
        "{}: {done}/{total} topics done ({}%){}{}\n",
        curriculum.title.get_ref(),
        percent(done, total),
        if skipped > 0 { format!(", {skipped} skipped") } else { String::new() },
        if done > 0 { format!(", {retained} retained") } else { String::new() }
    );
    for ((step, done, skipped, total), label) in steps.iter().zip(curriculum.labels()) {
        let mark = if *total > 0 && done + skipped == *total { "✓" } else { " " };
        let skip = if *skipped > 0 { format!(" ({skipped} skipped)") } else { String::new() };
        out.push_str(&format!("{mark} {label:<3}{:<52} {done:>3}/{total}{skip}\n", step.title.get_ref()));
    }
    if due > 0 {
        out.push_str(&format!("{due} topic(s) due for review: learnpath review\n"));
    }
    if orphans > 0 {
        out.push_str(&format!(
            "{orphans} ticked topic(s) in the progress file are not in this curriculum (kept in the file)\n"
        ));
    }
    for (key, at) in &ahead {
        out.push_str(&format!(
            "{key} is stamped {at}, over a day ahead of this clock: it wins every merge until then (is a machine's clock wrong?)\n"
        ));
    }
    if let Some(path) = progress.path() {
        out.push_str(&format!("Progress file: {}\n", path.display()));
    }
    if sync.engine.is_some() {
        let last = sync.last.map_or("never".to_string(), |t| t.to_string());
        let pending = sync.pending.map_or(String::new(), |n| format!(", {n} change(s) to send"));
        out.push_str(&format!("Synced with git: last {last}{pending}\n"));
    }
    out
}

/// `learnpath next`: a topic due for review, the longest overdue, if any;
/// else the first topic that is neither done nor skipped.
pub fn next(curriculum: &Curriculum, progress: &Progress, now: jiff::Timestamp, as_json: bool) -> String {
    let id = curriculum.id.get_ref();
    // (step, topic, the chance of recall when it is a review).
    let review = crate::review::due(curriculum, progress, now)
        .first()
        .map(|d| (d.step, d.topic, Some(d.retrievability)));
    let found = review.or_else(|| {
        curriculum.steps().iter().enumerate().find_map(|(i, s)| {
            let t = s.topics.iter().position(|t| !progress.status(id, &s.key(t)).is_finished())?;
            Some((i, t, None))
        })
    });
    let Some((i, t, recall)) = found else {
        return if as_json { "null\n" } else { "Nothing left: every topic is done or skipped.\n" }
            .to_string();
    };
    let (s, t) = (&curriculum.steps()[i], &curriculum.steps()[i].topics[t]);
    if as_json {
        let mut value = json!({
            "key": s.key(t), "step": { "id": s.id.get_ref(), "title": s.title.get_ref() },
            "topic": { "id": t.id.get_ref(), "title": t.title.get_ref() },
            "status": progress.status(id, &s.key(t)).name(), "review": recall.is_some(),
        });
        if let Some(r) = recall {
            value["retrievability"] = json!(rounded(r));
        }
        return format!("{value:#}\n");
    }
    match recall {
        Some(r) => format!("Review: {} ({:.0}% recall)\n", t.title.get_ref(), r * 100.0),
        None => format!("{} ({} {})\n", t.title.get_ref(), curriculum.labels()[i], s.title.get_ref()),
    }
}

/// `learnpath list`: every curriculum available, with progress.
pub fn list(sources: &[Source], progress: &Progress, as_json: bool) -> String {
    let mut rows = Vec::new();
    for source in sources {
        match crate::config::load(source) {
            Ok(c) => {
                let done = progress.done_count(&c);
                rows.push(json!({
                    "source": source.name(), "id": c.id.get_ref(), "title": c.title.get_ref(),
                    "done": done, "total": c.topic_count(),
                }));
            }
            Err(e) => rows.push(json!({ "source": source.name(), "error": e.to_string() })),
        }
    }
    if as_json {
        return format!("{:#}\n", serde_json::Value::Array(rows));
    }
    let mut out = String::new();
    for row in &rows {
        match row.get("error") {
            Some(err) => out.push_str(&format!(
                "{}: invalid: {}\n",
                row["source"].as_str().unwrap_or(""),
                err.as_str().unwrap_or("")
            )),
            None => {
                let (done, total) = (row["done"].as_u64().unwrap_or(0), row["total"].as_u64().unwrap_or(0));
                out.push_str(&format!(
                    "{:<40} {done:>5}/{total:<5} {:>3}%  {}\n",
                    row["title"].as_str().unwrap_or(""),
                    percent(done as usize, total as usize),
                    row["source"].as_str().unwrap_or("")
                ));
            }
        }
    }
    out
}

/// `learnpath review`: the done topics due for review at `now`.
pub fn review(c: &Curriculum, progress: &Progress, now: jiff::Timestamp, as_json: bool) -> String {
    let due = crate::review::due(c, progress, now);
    if as_json {
        let rows: Vec<_> = due
            .iter()
            .map(|d| {
                let step = &c.steps()[d.step];
                let topic = &step.topics[d.topic];
                json!({ "key": step.key(topic), "title": topic.title.get_ref(), "step": step.title.get_ref(),
                        "due": d.due.to_string(), "retrievability": rounded(d.retrievability) })
            })
            .collect();
        return format!("{:#}\n", serde_json::Value::Array(rows));
    }
    if due.is_empty() {
        return "Nothing due for review.\n".to_string();
    }
    let mut out = format!("{} topic(s) due for review (press r in the TUI):\n", due.len());
    for d in &due {
        let step = &c.steps()[d.step];
        out.push_str(&format!(
            "  {} ({}) due {}\n",
            step.topics[d.topic].title.get_ref(),
            step.title.get_ref(),
            d.due.strftime("%Y-%m-%d")
        ));
    }
    out
}

/// `learnpath stats`: the stats view's figures.
pub fn stats(c: &Curriculum, progress: &Progress, now: jiff::Timestamp, as_json: bool) -> String {
    let stats = crate::stats::compute(c, progress, now);
    if as_json {
        return format!("{:#}\n", serde_json::to_value(&stats).unwrap_or_default());
    }
    let mut out = String::from("Topics done per week, oldest first (the last is this week):\n  ");
    out.push_str(&stats.per_week.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "));
    out.push('\n');
    let theme = crate::ui::Theme::plain();
    for line in crate::ui::stats::lines(&stats, &theme, 100) {
        out.push_str(line.spans.iter().map(|s| s.content.as_ref()).collect::<String>().trim_end());
        out.push('\n');
    }
    out
}

/// A chance of recall for JSON: three decimals, not f32's noise.
fn rounded(p: f32) -> f64 {
    (f64::from(p) * 1000.0).round() / 1000.0
}

/// `learnpath today`: the reviews due now, then the topics to work on.
pub fn today(
    c: &Curriculum,
    progress: &Progress,
    now: jiff::Timestamp,
    daily: Option<f64>,
    as_json: bool,
) -> String {
    let plan = crate::today::plan(c, progress, now, crate::today::budget(c, daily));
    let topic = |s: usize, t: usize| (&c.steps()[s], &c.steps()[s].topics[t]);
    if as_json {
        let reviews: Vec<_> = plan
            .reviews
            .iter()
            .map(|d| {
                let (step, t) = topic(d.step, d.topic);
                json!({ "key": step.key(t), "title": t.title.get_ref(), "due": d.due.to_string(),
                        "retrievability": rounded(d.retrievability) })
            })
            .collect();
        let topics: Vec<_> = plan
            .topics
            .iter()
            .map(|&(s, t)| {
                let (step, t) = topic(s, t);
                json!({ "key": step.key(t), "title": t.title.get_ref(), "hours": t.hours,
                        "status": progress.status(c.id.get_ref(), &step.key(t)).name() })
            })
            .collect();
        return format!(
            "{:#}\n",
            json!({ "minutes": plan.minutes.round(), "reviews": reviews, "topics": topics })
        );
    }
    let mut out = String::new();
    if !plan.reviews.is_empty() {
        out.push_str(&format!("Review ({} due, press r in the TUI):\n", plan.reviews.len()));
        for d in &plan.reviews {
            let (_, t) = topic(d.step, d.topic);
            out.push_str(&format!("  {} ({:.0}% recall)\n", t.title.get_ref(), d.retrievability * 100.0));
        }
    }
    if plan.topics.is_empty() {
        out.push_str("Nothing left to start: every topic is done, skipped or waiting on another.\n");
    } else {
        out.push_str(&format!("Learn (about {:.0} minutes today):\n", plan.minutes));
        for &(s, t) in &plan.topics {
            let (step, t) = topic(s, t);
            let hours = t.hours.map(|h| format!(", about {} h", crate::text::hours(h))).unwrap_or_default();
            out.push_str(&format!("  {} ({}{hours})\n", t.title.get_ref(), step.title.get_ref()));
        }
    }
    out
}
