//! Notes, spaced review and pace, all with a fixed clock.

mod common;
use common::Drive;

use jiff::{SignedDuration, Timestamp};
use learnpath::app::Action;
use learnpath::app::{App, Effect, View};
use learnpath::curriculum::Curriculum;
use learnpath::notes::{self, Notes};
use learnpath::progress::{Progress, Status, merged};
use learnpath::review;
use learnpath::stats;

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

const LOOPS: &str = "coding-basics/loops";

#[test]
fn a_done_topic_is_scheduled_by_fsrs_and_each_grade_moves_it() {
    let c = Curriculum::shipped();
    let mut p = Progress::in_memory();
    let done = t("2026-01-01T10:00:00Z");
    p.set("backend", LOOPS, Status::Done, done);
    // The tick is the first "good" answer: due when recall falls to 90%.
    let first = review::memory(&p, "backend", LOOPS, done);
    let wait = review::interval_days(first.state);
    assert_eq!(wait, 2, "FSRS-6's first good answer holds about 2.3 days");
    assert!(review::due(&c, &p, done + days(wait) - SignedDuration::from_secs(1)).is_empty());
    let due = review::due(&c, &p, done + days(wait));
    assert_eq!((due.len(), due[0].due), (1, done + days(wait)));
    let r = due[0].retrievability;
    assert!((0.88..0.93).contains(&r), "about 90% when it comes due: {r}");
    assert!(review::retrievability(first, done + days(30)) < review::retrievability(first, done + days(3)));
    // Each grade from the same state: again < hard < good < easy.
    let now = done + days(wait);
    let intervals: Vec<i64> =
        [review::Grade::Again, review::Grade::Hard, review::Grade::Good, review::Grade::Easy]
            .into_iter()
            .map(|g| review::wait_days(review::record(&mut p.clone(), "backend", LOOPS, g, now)))
            .collect();
    assert!(intervals.windows(2).all(|w| w[0] < w[1]), "{intervals:?}");
    assert_eq!(intervals[0], 1, "forgot: back tomorrow");
    // Good answers on time make the wait grow.
    let mut now = now;
    let mut last = wait;
    for _ in 0..3 {
        let m = review::record(&mut p, "backend", LOOPS, review::Grade::Good, now);
        let next = review::interval_days(m.state);
        assert!(next > last, "{next} after {last}");
        assert_eq!(review::due(&c, &p, now + days(next)).len(), 1);
        assert!(review::due(&c, &p, now + days(next) - SignedDuration::from_secs(1)).is_empty());
        (now, last) = (now + days(next), next);
    }
    let entry = p.review("backend", LOOPS).unwrap();
    assert_eq!(entry.log.iter().map(|g| g.grade).collect::<Vec<_>>(), [3, 3, 3], "the log of this round");
    assert_eq!(
        entry.stage as usize,
        review::INTERVALS.iter().rposition(|&d| d <= last).unwrap(),
        "for older versions"
    );
    // Done again after an untick: a fresh round from the new completion.
    p.set("backend", LOOPS, Status::Todo, now + days(2));
    p.set("backend", LOOPS, Status::Done, now + days(3));
    let fresh = review::memory(&p, "backend", LOOPS, p.entry("backend", LOOPS).unwrap().at);
    assert_eq!((fresh.at, fresh.state), (now + days(3), first.state));
    let m = review::record(&mut p, "backend", LOOPS, review::Grade::Again, now + days(5));
    assert_eq!(p.review("backend", LOOPS).unwrap().log.len(), 1, "the old round's grades are not this one's");
    assert_eq!(review::wait_days(m), 1);
    assert_eq!(review::memory(&p, "backend", LOOPS, now + days(3)), m, "read back the same, lapse and all");
    assert_eq!(review::due(&c, &p, now + days(6)).len(), 1, "again: due the next day");
}

#[test]
fn reviews_from_before_fsrs_load_as_the_memory_their_interval_implies() {
    // A file as the fixed-interval version wrote it: stage 2 is 30 days.
    let dir = tempfile::tempdir().unwrap();
    let reviewed = "2026-01-10T00:00:00Z";
    let old = format!(
        r#"{{"format": 1, "curricula": {{"backend": {{
            "topics": {{"{LOOPS}": {{"status": "done", "at": "2026-01-01T00:00:00Z"}},
                        "coding-basics/lists": {{"status": "done", "at": "2026-01-01T00:00:00Z"}}}},
            "reviews": {{"{LOOPS}": {{"stage": 2, "at": "{reviewed}", "kept": true}},
                         "coding-basics/lists": {{"stage": 0, "at": "{reviewed}"}}}}}}}}}}"#
    );
    std::fs::write(dir.path().join("progress.json"), &old).unwrap();
    let mut p = Progress::open(dir.path()).unwrap();
    let c = Curriculum::shipped();
    let loops = review::memory(&p, "backend", LOOPS, t("2026-01-01T00:00:00Z"));
    assert_eq!(loops.at, t(reviewed));
    assert!((25.0..35.0).contains(&loops.state.stability), "about 30 days: {:?}", loops.state);
    let wait = review::interval_days(loops.state);
    assert!(review::due(&c, &p, t(reviewed) + days(wait) - days(1)).iter().all(|d| d.topic != 2));
    assert!(review::due(&c, &p, t(reviewed) + days(wait)).iter().any(|d| d.topic == 2));
    let lists = review::memory(&p, "backend", "coding-basics/lists", t("2026-01-01T00:00:00Z"));
    assert!(lists.state.stability < loops.state.stability, "stage 0 is the shortest");
    // Reviewing converts: the FSRS state is written, nothing else is lost.
    review::record(&mut p, "backend", LOOPS, review::Grade::Good, t(reviewed) + days(wait));
    p.save().unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("progress.json")).unwrap()).unwrap();
    let entry = &saved["curricula"]["backend"]["reviews"][LOOPS];
    assert!(entry["stability"].as_f64().unwrap() > f64::from(loops.state.stability));
    assert!(entry["stage"].as_u64().unwrap() >= 2, "still readable by the version that wrote it");
    assert_eq!(entry["log"][0]["grade"], 3);
    assert_eq!(saved["curricula"]["backend"]["reviews"]["coding-basics/lists"]["stage"], 0);
    assert_eq!(p.review("backend", "coding-basics/lists").unwrap().at, t(reviewed), "untouched");
    let _ = Progress::open(dir.path()).unwrap();
}

#[test]
fn due_topics_come_oldest_first_and_reviews_merge_by_time() {
    let c = Curriculum::shipped();
    let mut a = Progress::in_memory();
    a.set("backend", "dsa/graphs", Status::Done, t("2026-01-05T00:00:00Z"));
    a.set("backend", LOOPS, Status::Done, t("2026-01-01T00:00:00Z"));
    let due = review::due(&c, &a, t("2026-02-01T00:00:00Z"));
    assert_eq!((due[0].step, due[0].topic), (0, 2), "the longest overdue first");
    let mut b = a.clone();
    review::record(&mut a, "backend", LOOPS, review::Grade::Easy, t("2026-01-02T00:00:00Z"));
    review::record(&mut b, "backend", LOOPS, review::Grade::Again, t("2026-01-03T00:00:00Z"));
    let m = merged(a.data(), b.data());
    assert_eq!(m, merged(b.data(), a.data()));
    assert_eq!(m.curricula["backend"].reviews[LOOPS].log[0].grade, 1, "the later review wins");
}

/// Topics done on fixed dates over several months.
fn history() -> (Curriculum, Progress, Timestamp) {
    let c = Curriculum::shipped();
    let mut p = Progress::in_memory();
    let now = t("2026-06-01T12:00:00Z");
    let keys: Vec<String> = c.steps().iter().flat_map(|s| s.topics.iter().map(move |t| s.key(t))).collect();
    // Week offsets (0 = the week ending now) of each completion, in path order.
    let weeks = [30, 29, 29, 20, 11, 10, 10, 9, 5, 3, 3, 2, 1, 0, 0];
    for (key, w) in keys.iter().zip(weeks) {
        p.set("backend", key, Status::Done, now - days(7 * w + 2));
    }
    p.set("backend", &keys[20], Status::Skipped, now - days(3));
    (c, p, now)
}

#[test]
fn stats_count_weeks_streaks_and_spans() {
    let (c, p, now) = history();
    let s = stats::compute(&c, &p, now);
    assert_eq!(s.per_week, vec![0, 1, 2, 1, 0, 0, 0, 1, 0, 2, 1, 1, 2][1..].to_vec());
    assert_eq!(s.done, 15);
    assert_eq!(s.current_streak, 4, "weeks 0 to 3 each have a completion");
    assert_eq!(s.longest_streak, 4);
    let first = &s.steps[0];
    assert_eq!(first.days, Some(7 * (30 - 10)), "step 1 from week 30 to week 10");
    assert_eq!(s.steps[7].first, None);
}

#[test]
fn projections_from_the_learners_pace_and_the_plan() {
    let (c, p, now) = history();
    let s = stats::compute(&c, &p, now);
    // 6 topics in the last 4 weeks: 1.5 a week; 61 - 15 done - 1 skipped = 45 left: 30 weeks.
    assert_eq!(s.recent_pace, 1.5);
    assert_eq!(s.own_finish, Some(now + days(7 * 30)));
    assert_eq!(s.weekly_hours, Some(10.0));
    let hours_left = s.hours_left.unwrap();
    assert!(hours_left > 0.0 && hours_left < 628.0);
    let weeks = hours_left / 10.0;
    assert_eq!(s.plan_finish, now.checked_add(SignedDuration::from_secs_f64(weeks * 7.0 * 86400.0)).ok());
}

#[test]
fn too_little_history_gives_no_date() {
    let c = Curriculum::shipped();
    let mut p = Progress::in_memory();
    let now = t("2026-06-01T12:00:00Z");
    p.set("backend", LOOPS, Status::Done, now - days(2));
    let s = stats::compute(&c, &p, now);
    assert_eq!(s.own_finish, None);
    let text = learnpath::cmd::stats::StatsReport(stats::compute(&c, &p, now)).to_string();
    assert!(text.contains("Not enough history to project your pace"), "{text}");
    // Three topics, all this week: a pace, but no history to trust it with.
    p.set("backend", "coding-basics/lists", Status::Done, now - days(1));
    p.set("backend", "coding-basics/functions", Status::Done, now - days(1));
    assert_eq!(stats::compute(&c, &p, now).own_finish, None);
    assert!(s.plan_finish.is_some(), "the plan needs no history");
}

/// An editor that appends `text` to the note, then exits with `code`.
fn stub_editor(dir: &std::path::Path, name: &str, text: &str, code: i32) -> Vec<String> {
    vec![common::appender(dir, name, text, code).display().to_string()]
}

#[test]
fn notes_round_trip_and_failed_edits_leave_them_alone() {
    let dir = tempfile::tempdir().unwrap();
    let note = dir.path().join("notes/backend/coding-basics/loops.md");
    let writes = stub_editor(dir.path(), "writes", "for and while\n", 0);
    assert!(notes::edit(&writes, &note).unwrap());
    assert_eq!(std::fs::read_to_string(&note).unwrap(), "for and while\n");
    let fails = stub_editor(dir.path(), "fails", "half", 3);
    let err = notes::edit(&fails, &note).unwrap_err().to_string();
    assert!(err.contains("exited with") && err.contains("unchanged"), "{err}");
    assert_eq!(std::fs::read_to_string(&note).unwrap(), "for and while\n", "never truncated");
    let missing = vec![dir.path().join("no-editor").display().to_string()];
    assert!(notes::edit(&missing, &note).unwrap_err().to_string().contains("cannot start the editor"));
    assert_eq!(std::fs::read_to_string(&note).unwrap(), "for and while\n");
    let nothing = stub_editor(dir.path(), "nothing", "", 0);
    assert!(!notes::edit(&nothing, &note).unwrap());
    let leftovers: Vec<_> =
        std::fs::read_dir(note.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["loops.md"], "no edit copies left behind");

    let c = Curriculum::shipped();
    let loaded = Notes::load(Some(dir.path()), &c);
    assert_eq!(loaded.get(0, 2), Some("for and while\n"));
    let report = learnpath::cmd::export::report(&c, &Progress::in_memory(), &loaded);
    let md = report.to_string();
    assert!(md.contains("- [ ] Loops `coding-basics/loops`\n  > for and while\n"), "{md}");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["steps"][0]["topics"][2]["note"], "for and while\n");
}

fn app_with_history(dir: &std::path::Path) -> App {
    let (c, p, now) = history();
    let mut progress = Progress::open(dir).unwrap();
    learnpath::progress::merge_into(progress.data_mut(), p.data());
    App::new(c, progress).with_clock(Box::new(move || now)).with_data_dir(dir.to_path_buf())
}

#[test]
fn the_app_edits_notes_reviews_and_shows_stats() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    assert_eq!(app.due().len(), 15, "every done topic is due two days after its tick");
    app.act(Action::FocusRight);
    let effect = app.update(Action::EditNote);
    let [Effect::Edit { path, step, topic }] = &effect[..] else { panic!("{effect:?}") };
    let (step, topic) = (*step, *topic);
    let expected =
        format!("notes/backend/{}/{}.md", app.step().id.get_ref(), app.step().topics[topic].id.get_ref());
    assert!(path.ends_with(&expected), "{}", path.display());
    assert_eq!(app.notes().get(step, topic), None, "nothing is written until the editor runs");
    app.act(Action::EditNote);
    assert!(
        matches!(app.message(), Some(learnpath::app::Message::Info(m)) if m.starts_with("Note saved")),
        "{:?}",
        app.message()
    );
    assert_eq!(app.notes().get(step, topic), Some("A note written in the test editor.\n"));
    app.act(Action::OpenSearch);
    for ch in "test editor".chars() {
        app.act(Action::SearchInput(ch));
    }
    assert_eq!(app.search_entries()[app.search().unwrap().hits[0].entry].kind, learnpath::search::Kind::Note);
    app.act(Action::Close);
    app.act(Action::OpenReview);
    assert_eq!(app.view(), View::Review);
    let first = app.due()[0].clone();
    app.act(Action::Grade(3));
    assert_eq!(app.due().len(), 14);
    let key = app.path().curriculum.steps()[first.step]
        .key(&app.path().curriculum.steps()[first.step].topics[first.topic]);
    assert_eq!(app.progress().review("backend", &key).unwrap().log[0].grade, 3);
    app.act(Action::Grade(1));
    assert_eq!(app.due().len(), 13);
    assert!(matches!(&app.update(Action::Open)[..], [Effect::Open(_)]));
    app.act(Action::Close);
    app.act(Action::OpenStats);
    assert_eq!(app.view(), View::Stats);
    assert_eq!(app.stats().unwrap().0.done, 15);
}

#[test]
fn stats_and_review_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    let (terminal, _) = common::run(&mut app, 100, 32, common::typed("S"));
    insta::assert_snapshot!("stats_view_100x32", terminal.backend());
    let mut events = common::keys(&[crossterm::event::KeyCode::Esc]);
    events.extend(common::typed("r"));
    let (terminal, _) = common::run(&mut app, 100, 32, events);
    let text = common::screen(&terminal);
    assert!(text.contains("Review · 15 due"), "{text}");
    assert!(text.contains("How well do you know it? 1 again"), "{text}");
    assert!(text.contains("Check yourself:"), "the card shows the topic's checks: {text}");
    insta::assert_snapshot!("review_view_100x32", terminal.backend());
}

#[test]
fn unticking_a_due_topic_takes_it_out_of_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    let first = app.due()[0].clone();
    app.act(Action::FocusLeft);
    while app.step_index() != first.step {
        app.act(if app.step_index() < first.step { Action::Down } else { Action::Up });
    }
    app.act(Action::FocusRight);
    app.act(Action::First);
    for _ in 0..first.topic {
        app.act(Action::Down);
    }
    app.act(Action::Toggle);
    assert_eq!(app.due().len(), 14);
    assert!(!app.due().iter().any(|d| (d.step, d.topic) == (first.step, first.topic)));
}

#[test]
fn status_and_stats_say_how_much_is_retained_next_to_what_is_done() {
    let (c, p, now) = history();
    let status: serde_json::Value =
        serde_json::to_value(learnpath::cmd::status::report(&c, &p, now, Default::default())).unwrap();
    let retained = status["retained"].as_u64().unwrap();
    assert_eq!(status["done"], 15);
    assert!(retained < 15, "months-old ticks never reviewed have faded: {retained}");
    let steps = status["steps"].as_array().unwrap();
    assert_eq!(steps.iter().map(|s| s["retained"].as_u64().unwrap()).sum::<u64>(), retained);
    let first = steps[0]["retention"].as_f64().unwrap();
    assert!((0.0..0.8).contains(&first), "step 1 was done 30 weeks ago: {first}");
    assert!(steps[4]["retention"].is_null(), "nothing done in step 5");
    let text = learnpath::cmd::stats::StatsReport(stats::compute(&c, &p, now)).to_string();
    assert!(text.contains("Per step: retention"), "{text}");
    assert!(text.contains("Learn basic coding skills: 0 of 7 done retained"), "{text}");
    assert!(text.contains("Learn database fundamentals: nothing done yet"), "{text}");
}

#[test]
fn today_lists_due_reviews_then_ready_topics_up_to_the_days_budget() {
    let c = Curriculum::shipped();
    let mut p = Progress::in_memory();
    let now = t("2026-03-10T12:00:00Z");
    p.set("backend", "coding-basics/variables", Status::Done, now - days(3));
    p.set("backend", "coding-basics/comparison-operators", Status::InProgress, now - days(1));
    // The shipped path plans 10 hours a week: about 86 minutes a day.
    assert_eq!(learnpath::today::budget(&c, None).round(), 86.0);
    assert_eq!(learnpath::today::budget(&c, Some(30.0)), 30.0, "the config's daily_minutes wins");
    let plan = learnpath::today::plan(&c, &p, now, 2000.0);
    assert_eq!(plan.reviews.len(), 1, "the topic ticked 3 days ago is due");
    let keys: Vec<String> =
        plan.topics.iter().map(|&(s, t)| c.steps()[s].key(&c.steps()[s].topics[t])).collect();
    // In progress first; then in path order the topics whose requirements
    // are done (loops waits for comparison-operators, lists for loops), up
    // to 2000 minutes of 12-hour topics.
    assert_eq!(
        keys,
        ["coding-basics/comparison-operators", "coding-basics/functions", "coding-basics/errors"]
    );
    let small = learnpath::today::plan(&c, &p, now, 5.0);
    assert_eq!(small.topics.len(), 1, "always one topic, however small the budget");
    // `next` prefers the review; `today --json` says both.
    let next = learnpath::cmd::next::report(&c, &p, now).to_string();
    assert!(next.starts_with("Review: Variables and data ("), "{next}");
    let json: serde_json::Value =
        serde_json::to_value(learnpath::cmd::today::report(&c, &p, now, Some(2000.0))).unwrap();
    assert_eq!(json["reviews"][0]["key"], "coding-basics/variables");
    assert_eq!(json["topics"].as_array().unwrap().len(), 3);
    assert_eq!(json["minutes"], 2000.0);
    p.set("backend", "coding-basics/variables", Status::Todo, now);
    let next = serde_json::to_value(learnpath::cmd::next::report(&c, &p, now)).unwrap();
    assert_eq!(next["review"], false);
}

#[test]
fn t_lists_todays_reviews_then_topics_and_enter_goes_there() {
    use learnpath::app::TodayItem;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path()).with_daily_minutes(Some(30.0));
    app.act(Action::OpenToday);
    assert_eq!(app.view(), View::Today);
    let items = app.today_items();
    assert_eq!(items.iter().filter(|i| matches!(i, TodayItem::Review(..))).count(), 15);
    let first = &app.due()[0];
    assert_eq!(items[0], TodayItem::Review(first.step, first.topic), "reviews first");
    assert_eq!(items.len(), 16, "then one topic: 30 minutes is less than any topic");
    let (terminal, _) = common::run(&mut app, 100, 32, Vec::new());
    let screen = common::screen(&terminal);
    assert!(screen.contains("Today · 15 to review, 1 to learn"), "{screen}");
    // Enter on the last row: the topic to learn, on the main screen.
    app.act(Action::Last);
    app.act(Action::Confirm);
    let TodayItem::Learn(s, t) = items[15] else { panic!("{items:?}") };
    assert_eq!((app.view(), app.step_index(), app.selected_topic()), (View::Main, s, Some(t)));
    // Enter on the second row: that review.
    app.act(Action::OpenToday);
    app.act(Action::Down);
    app.act(Action::Confirm);
    assert_eq!((app.view(), app.review_pick().selected()), (View::Review, Some(1)));
}

#[test]
fn the_today_view_never_shows_a_cut_title() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    app.act(Action::OpenToday);
    let (terminal, _) = common::run(&mut app, 60, 15, Vec::new());
    let screen = common::screen(&terminal);
    assert!(screen.contains("┏ ▸ Today ━"), "too narrow for the counts: the plain title\n{screen}");
    let (terminal, _) = common::run(&mut app, 120, 30, Vec::new());
    assert!(common::screen(&terminal).contains("Today · 15 to review, 1 to learn"));
}

#[test]
fn impossible_review_numbers_are_kept_verbatim_and_never_print_nan() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let review =
        serde_json::json!({ "stage": 1, "at": "2026-01-10T10:00:00Z", "stability": -1, "difficulty": 1e308 });
    let file = serde_json::json!({ "format": 1, "curricula": { "backend": {
        "topics": { LOOPS: { "status": "done", "at": "2026-01-01T10:00:00Z" } },
        "reviews": { LOOPS: review } } } });
    std::fs::write(data.join("progress.json"), serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    let now = "2026-03-01T12:00:00Z";
    let env = [("LEARNPATH_NOW", now)];
    for args in
        [&["today"][..], &["today", "--json"], &["status"], &["status", "--json"], &["next"], &["stats"]]
    {
        let out = common::learnpath(dir.path(), args, &env);
        let text =
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{args:?}: {text}");
        assert!(!text.contains("NaN") && !text.contains("inf"), "{args:?}: {text}");
    }
    let status: serde_json::Value =
        serde_json::from_slice(&common::learnpath(dir.path(), &["status", "--json"], &env).stdout).unwrap();
    assert_eq!(status["done"], 1);
    // The review is due by its stage (7 days after 2026-01-10), so it is in the review list.
    let mut app = common::app_in(&data);
    assert_eq!(app.due().len(), 1, "scheduled by its stage");
    let (terminal, _) = common::run(&mut app, 100, 32, common::typed("r"));
    let screen = common::screen(&terminal);
    assert!(screen.contains("Review · 1 due"), "{screen}");
    assert!(!screen.contains("NaN") && !screen.contains("inf%"), "{screen}");
    // A save writes the entry back as it was.
    common::learnpath(dir.path(), &["mark", "coding-basics/lists", "done"], &env);
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("progress.json")).unwrap()).unwrap();
    assert_eq!(saved["curricula"]["backend"]["reviews"][LOOPS], review, "kept verbatim");
}

#[test]
fn today_explains_its_budget_and_a_topic_that_spans_days() {
    let mut app = common::app();
    let (terminal, _) = common::run(&mut app, 100, 30, common::typed("T"));
    let screen = common::screen(&terminal);
    assert!(screen.contains("learn  Variables and data · 12 h"), "each row shows its hours:\n{screen}");
    assert!(screen.contains("Today's budget: 86 min"), "{screen}");
    assert!(screen.contains("86 min a day, from the path's weekly_hours / 7"), "{screen}");
    assert!(screen.contains("12 h: about 9 days at 86 min a day"), "a big topic spans days:\n{screen}");
    let daily = common::app().with_daily_minutes(Some(1000.0));
    let (terminal, _) = common::run(&mut { daily }, 100, 30, common::typed("T"));
    let screen = common::screen(&terminal);
    assert!(
        screen.contains("from daily_minutes in config.toml") && screen.contains("within today's"),
        "{screen}"
    );
    let text = learnpath::cmd::today::report(
        &Curriculum::shipped(),
        &Progress::in_memory(),
        t("2026-03-01T12:00:00Z"),
        None,
    )
    .to_string();
    assert!(
        text.contains("from the path's weekly_hours / 7") && text.contains("about 9 days at this pace"),
        "{text}"
    );
}
