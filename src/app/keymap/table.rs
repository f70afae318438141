//! The key map itself: one row per line of the help, in the help's order.
//! Rows are kept one to a few lines, as a table is read, rather than as
//! rustfmt would spread them.

use crossterm::event::KeyCode::*;

use super::Does::{Act, Type};
use super::Group::*;
use super::Plain::{Command, NotNeeded};
use super::{Group, Key, Plain, Row, ch, code, ctrl};
use crate::app::{Action as A, Focus, Pane};

const STEPS: Focus = Focus::Pane(Pane::Steps);
const TOPICS: Focus = Focus::Pane(Pane::Topics);
const RESOURCES: Focus = Focus::Pane(Pane::Resources);
const REVIEW: Focus = Focus::Review;
const TODAY: Focus = Focus::Today;
const PANES: &[Focus] = &[STEPS, TOPICS, RESOURCES];
const LINKS: &[Focus] = &[TOPICS, RESOURCES];
/// Everywhere a selection moves with the movement keys.
const LISTS: &[Focus] =
    &[STEPS, TOPICS, RESOURCES, Focus::Faq, Focus::Help, Focus::Picker, REVIEW, Focus::Stats, TODAY];
/// Every focus there is.
pub const EVERYWHERE: &[Focus] = &[
    STEPS,
    TOPICS,
    RESOURCES,
    Focus::Faq,
    Focus::Help,
    Focus::Search,
    Focus::Prompt,
    Focus::Picker,
    REVIEW,
    Focus::Stats,
    TODAY,
];

const fn row(
    scope: &'static [Focus],
    binds: &'static [(&'static [Key], super::Does)],
    help: &'static str,
    group: Group,
    plain: Plain,
) -> Row {
    Row { scope, binds, help, group, unix_only: false, plain }
}

/// Every key of the TUI. A key means one thing in one place (a test
/// checks), so the order is only the help's.
#[rustfmt::skip]
pub const KEYMAP: &[Row] = &[
    row(PANES, &[(&[code(Tab)], Act(A::FocusNext)), (&[code(BackTab)], Act(A::FocusPrev))],
        "focus the next / previous pane", Move, NotNeeded("plain mode has no panes: a number opens an item, back goes back")),
    row(PANES, &[(&[ch('h'), code(Left)], Act(A::FocusLeft)), (&[ch('l'), code(Right)], Act(A::FocusRight))],
        "focus the pane to the left / right", Move, NotNeeded("plain mode has no panes: a number opens an item, back goes back")),
    row(&[STEPS], &[(&[code(Enter)], Act(A::FocusRight))], "on a step: go to its topics", Move, Command("N")),
    row(LISTS, &[(&[ch('j'), code(Down)], Act(A::Down)), (&[ch('k'), code(Up)], Act(A::Up))],
        "move down / up", Move, NotNeeded("a number picks any item at once")),
    row(LISTS, &[(&[ch('g'), code(Home)], Act(A::First)), (&[ch('G'), code(End)], Act(A::Last))],
        "first / last", Move, NotNeeded("a number picks any item at once")),
    row(LISTS, &[(&[code(PageDown)], Act(A::PageDown)), (&[code(PageUp)], Act(A::PageUp))],
        "a page down / up", Move, NotNeeded("a number picks any item at once")),
    row(&[STEPS, TOPICS, RESOURCES, Focus::Faq, Focus::Help, Focus::Stats],
        &[(&[ch('J')], Act(A::ScrollDown)), (&[ch('K')], Act(A::ScrollUp))],
        "scroll the text: description, answer, stats or this help", Move, NotNeeded("text is printed whole")),
    row(PANES, &[(&[ch('n')], Act(A::NextUnfinished)), (&[ch('N')], Act(A::PrevUnfinished))],
        "next / previous unfinished topic", Move, Command("next / prev")),
    row(PANES, &[(&[ch('H')], Act(A::ToggleHideDone))], "hide or show done topics", Move, Command("hide")),
    row(PANES, &[(&[ch('z')], Act(A::TogglePage))],
        "the topic's page, full height, with its links (again: back)", Move, Command("page")),

    row(LINKS, &[(&[ch(' '), ch('x')], Act(A::Toggle))],
        "topic done or not; resource read or not (saved at once)", Progress, Command("done N / todo N / read N")),
    row(&[TOPICS], &[(&[ch('i')], Act(A::MarkProgress))],
        "mark the topic in progress (again: back to todo)", Progress, Command("doing N")),
    row(&[TOPICS], &[(&[ch('s')], Act(A::MarkSkipped))], "mark the topic skipped (again: back to todo)", Progress, Command("skip N")),
    row(&[STEPS, TOPICS], &[(&[ch('R')], Act(A::Reset))],
        "reset the topic; on a step: reset the step or the whole path", Progress, Command("todo N / reset step / reset path")),
    row(&[STEPS, TOPICS, RESOURCES, REVIEW], &[(&[ch('u')], Act(A::Undo))],
        "undo your last progress change (again: the one before)", Progress, Command("undo")),
    row(&[STEPS, TOPICS, RESOURCES, REVIEW], &[(&[ch('U'), ctrl('r')], Act(A::Redo))],
        "redo what was undone", Progress, Command("redo")),

    row(LINKS, &[(&[code(Enter), ch('o')], Act(A::Open))],
        "open the link (SSH: copy it); on a topic: go to its links", Find, Command("open N")),
    row(PANES, &[(&[ch('y')], Act(A::Copy))], "copy the link (the topic's first when on a topic)", Find, Command("copy N")),
    row(LINKS, &[(&[ch('Y')], Act(A::CopyId))], "copy the topic's id (learnpath mark takes it)", Find, Command("id N")),
    row(PANES, &[(&[ch('t')], Act(A::CycleKind))],
        "show only links of one kind (again: the next kind, then all)", Find, Command("kind")),
    row(&[TOPICS, REVIEW], &[(&[ch('e')], Act(A::EditNote))], "edit the topic's note in $VISUAL / $EDITOR", Find, Command("note N")),
    row(&[STEPS, TOPICS, RESOURCES, Focus::Faq, REVIEW, Focus::Stats, TODAY], &[(&[ch('/')], Act(A::OpenSearch))],
        "search steps, topics, links and questions", Find, Command("search WORDS")),

    row(PANES, &[(&[ch('T')], Act(A::OpenToday))], "today: reviews due, then topics to learn", Views, Command("today")),
    row(PANES, &[(&[ch('r')], Act(A::OpenReview))], "review the topics that are due", Views, Command("review")),
    row(PANES, &[(&[ch('S')], Act(A::OpenStats))], "stats: topics per week, streaks, your pace and the plan's", Views, Command("stats")),
    row(PANES, &[(&[ch('f')], Act(A::ShowFaq))], "frequently asked questions", Views, Command("faq")),
    row(PANES, &[(&[ch('c')], Act(A::OpenPicker))],
        "choose another curriculum (yours live in the config dir's curricula/)", Views, Command("paths")),
    row(&[STEPS, TOPICS, RESOURCES, Focus::Faq, Focus::Picker, REVIEW, Focus::Stats, TODAY],
        &[(&[ch('?')], Act(A::ShowHelp))], "this help", Views, Command("help")),
    row(&[Focus::Faq, Focus::Help, Focus::Search, Focus::Prompt, Focus::Picker, REVIEW, Focus::Stats, TODAY],
        &[(&[code(Esc)], Act(A::Close))], "close what is on top: a popup, the FAQ, review, stats or today", Views, Command("back")),

    row(&[REVIEW], &[(&[ch('1'), ch('f')], Act(A::Grade(1))), (&[ch('2')], Act(A::Grade(2))),
        (&[ch('3'), code(Enter), ch('y')], Act(A::Grade(3))), (&[ch('4')], Act(A::Grade(4)))],
        "in review: again / hard / good / easy", Inside, Command("1 / 2 / 3 / 4")),
    row(&[REVIEW], &[(&[ch('o')], Act(A::Open))], "in review: open the topic's first link", Inside, Command("open")),
    row(&[REVIEW], &[(&[ch('r')], Act(A::Close))], "in review: back (as Esc)", Inside, Command("back")),
    row(&[TODAY], &[(&[code(Enter), ch('o')], Act(A::Confirm))],
        "in today: start that review, or go to that topic", Inside, Command("N")),
    row(&[TODAY], &[(&[ch('T')], Act(A::Close))], "in today: back (as Esc)", Inside, Command("back")),
    row(&[Focus::Stats], &[(&[ch('S')], Act(A::Close))], "in stats: back (as Esc)", Inside, Command("back")),
    row(&[Focus::Faq], &[(&[ch('f')], Act(A::Close))], "in the FAQ: back (as Esc)", Inside, Command("back")),
    row(&[Focus::Help], &[(&[ch('?')], Act(A::Close))], "in this help: close it (as Esc)", Inside, Command("back")),
    row(&[Focus::Picker], &[(&[code(Enter)], Act(A::Confirm))], "in the picker: open that curriculum", Inside, Command("N")),
    row(&[Focus::Picker], &[(&[ch('c')], Act(A::Close))], "in the picker: back (as Esc)", Inside, Command("back")),
    row(&[Focus::Search], &[(&[Key::AnyChar], Type), (&[code(Backspace)], Act(A::SearchBackspace))],
        "in search: type / delete a character", Inside, Command("search WORDS")),
    row(&[Focus::Search], &[(&[ctrl('w')], Act(A::SearchDeleteWord)), (&[ctrl('u')], Act(A::SearchClear))],
        "in search: delete a word / everything", Inside, Command("search WORDS")),
    row(&[Focus::Search], &[(&[code(Down), ctrl('n')], Act(A::Down)), (&[code(Up), ctrl('p')], Act(A::Up))],
        "in search: next / previous result", Inside, NotNeeded("a number picks any item at once")),
    row(&[Focus::Search], &[(&[code(PageDown)], Act(A::PageDown)), (&[code(PageUp)], Act(A::PageUp))],
        "in search: a page of results down / up", Inside, NotNeeded("a number picks any item at once")),
    row(&[Focus::Search], &[(&[code(Enter)], Act(A::Confirm))], "in search: go to that result", Inside, Command("N")),
    row(&[Focus::Prompt], &[(&[ch('s')], Act(A::Answer('s'))), (&[ch('p')], Act(A::Answer('p')))],
        "asked what to reset: the step / the whole path", Inside, Command("reset step / reset path")),
    row(&[Focus::Prompt], &[(&[ch('n')], Act(A::Close))], "asked what to reset: nothing (as Esc)", Inside, Command("back")),

    Row { scope: EVERYWHERE, binds: &[(&[ctrl('z')], Act(A::Suspend))],
        help: "suspend to the shell (fg to come back); not on Windows", group: App, unix_only: true, plain: NotNeeded("a line program is suspended by the shell itself") },
    row(&[STEPS, TOPICS, RESOURCES, Focus::Faq, Focus::Help, Focus::Prompt, Focus::Picker, REVIEW, Focus::Stats,
        TODAY], &[(&[ch('q')], Act(A::Quit))], "quit", App, Command("quit")),
    row(EVERYWHERE, &[(&[ctrl('c')], Act(A::Quit))], "quit, even while typing a search", App, NotNeeded("Ctrl-C interrupts plain mode as any line program; every change is already saved")),
];
