//! Plain mode's commands, read one line at a time, turned into the same
//! actions the keys give (plus the two absolute ones the keys do not need:
//! select item N, set a status). What each key-map row's plain command is
//! lives in the key map (`keymap::Plain`); this is the parser for them.

use crate::app::{Action, Focus, Pane};
use crate::progress::Status;

/// What a line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// These actions, in order.
    Act(Vec<Action>),
    /// The list of commands.
    Help,
    /// The topic's (or step's) page as text.
    Page,
    /// Nothing (an empty line): the view again.
    Again,
}

/// Reads `line` as a command where `focus` has the keys.
pub fn parse(line: &str, focus: Focus) -> Result<Command, String> {
    let line = line.trim();
    let (word, rest) = line.split_once(char::is_whitespace).map_or((line, ""), |(w, r)| (w, r.trim()));
    let word = word.to_lowercase();
    let number = |what: &str| -> Result<usize, String> {
        match rest.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n - 1),
            _ => Err(format!("{word} needs the number of {what}, as in `{word} 2`")),
        }
    };
    // `done 3` in the topics list picks topic 3; in a topic's page, the
    // topic is already chosen and a number is not needed.
    let topic = |status: Status| -> Result<Command, String> {
        match focus {
            Focus::Pane(Pane::Topics) => {
                Ok(act([Action::Select(number("a topic")?), Action::SetStatus(status)]))
            }
            Focus::Pane(Pane::Resources) if rest.is_empty() => Ok(act([Action::SetStatus(status)])),
            _ => Err(format!("{word} works on a topic: choose a step, then `{word} N` for topic N")),
        }
    };
    let link = |then: Action| -> Result<Command, String> {
        match focus {
            Focus::Pane(Pane::Resources) => Ok(act([Action::Select(number("a link")?), then])),
            Focus::Review if rest.is_empty() && then == Action::Open => Ok(act([Action::Open])),
            _ => Err(format!("{word} works on a link: open a topic (its number) to list its links")),
        }
    };
    let on_topic = |then: Action| -> Result<Command, String> {
        match focus {
            Focus::Pane(Pane::Topics) => Ok(act([Action::Select(number("a topic")?), then])),
            Focus::Pane(Pane::Resources) | Focus::Review if rest.is_empty() => Ok(act([then])),
            _ => Err(format!("{word} works on a topic: choose a step, then `{word} N` for topic N")),
        }
    };
    Ok(match word.as_str() {
        "" => Command::Again,
        n if n.chars().all(|c| c.is_ascii_digit()) => return choose(n, focus),
        "done" => return topic(Status::Done),
        "doing" => return topic(Status::InProgress),
        "skip" => return topic(Status::Skipped),
        "todo" => return topic(Status::Todo),
        "read" => return link(Action::Toggle),
        "open" => return link(Action::Open),
        "copy" => return link(Action::Copy),
        "note" => return on_topic(Action::EditNote),
        "id" => return on_topic(Action::CopyId),
        "page" => Command::Page,
        "back" => Command::Act(vec![back(focus)]),
        "next" => act([Action::NextUnfinished]),
        "prev" => act([Action::PrevUnfinished]),
        "hide" => act([Action::ToggleHideDone]),
        "kind" => act([Action::CycleKind]),
        "search" if rest.is_empty() => return Err("search needs words, as in `search http`".into()),
        "search" => {
            let mut actions = vec![Action::OpenSearch, Action::SearchClear];
            actions.extend(rest.chars().map(Action::SearchInput));
            Command::Act(actions)
        }
        "today" => act([Action::OpenToday]),
        "review" => act([Action::OpenReview]),
        "stats" => act([Action::OpenStats]),
        "faq" => act([Action::ShowFaq]),
        "paths" => act([Action::OpenPicker]),
        "undo" => act([Action::Undo]),
        "redo" => act([Action::Redo]),
        "reset" => match rest {
            "step" => act([Action::FocusLeft, Action::Reset, Action::Answer('s')]),
            "path" => act([Action::FocusLeft, Action::Reset, Action::Answer('p')]),
            _ => return Err("reset step or reset path; for one topic, todo N".into()),
        },
        "help" | "?" => Command::Help,
        "quit" | "exit" | "q" => act([Action::Quit]),
        _ => return Err(format!("no command {word:?}; type help for the list")),
    })
}

fn act<const N: usize>(actions: [Action; N]) -> Command {
    Command::Act(actions.to_vec())
}

/// A bare number: open item N of the list on screen, or grade a review.
fn choose(n: &str, focus: Focus) -> Result<Command, String> {
    let n: usize = n.parse().map_err(|_| format!("{n} is not a number here"))?;
    if n == 0 {
        return Err("items are numbered from 1".into());
    }
    let pick = Action::Select(n - 1);
    Ok(match focus {
        Focus::Pane(Pane::Steps) => act([pick, Action::FocusRight]),
        Focus::Pane(Pane::Topics) => act([pick, Action::Open]),
        Focus::Pane(Pane::Resources) => act([pick, Action::Open]),
        Focus::Search | Focus::Picker | Focus::Today => act([pick, Action::Confirm]),
        Focus::Faq => act([pick]),
        Focus::Review if (1..=4).contains(&n) => act([Action::Grade(n as u8)]),
        Focus::Review => return Err("grade with 1 (again), 2 (hard), 3 (good) or 4 (easy)".into()),
        Focus::Help | Focus::Stats | Focus::Prompt => {
            return Err("nothing here is numbered; back goes back".into());
        }
    })
}

/// `back`: close what is on top, else go back one list.
fn back(focus: Focus) -> Action {
    match focus {
        Focus::Pane(Pane::Steps) => Action::Close,
        Focus::Pane(_) => Action::FocusPrev,
        _ => Action::Close,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOPICS: Focus = Focus::Pane(Pane::Topics);

    #[test]
    fn a_number_and_a_status_are_absolute() {
        assert_eq!(parse("done 3", TOPICS), Ok(act([Action::Select(2), Action::SetStatus(Status::Done)])));
        assert_eq!(parse("  DONE   3 ", TOPICS), parse("done 3", TOPICS));
        assert_eq!(parse("2", Focus::Pane(Pane::Steps)), Ok(act([Action::Select(1), Action::FocusRight])));
        assert_eq!(parse("3", Focus::Review), Ok(act([Action::Grade(3)])));
    }

    #[test]
    fn mistakes_say_what_to_type() {
        assert!(parse("done", TOPICS).unwrap_err().contains("done 2"));
        assert!(parse("done 0", TOPICS).is_err());
        assert!(parse("frobnicate", TOPICS).unwrap_err().contains("help"));
        assert!(parse("0", TOPICS).unwrap_err().contains("from 1"));
        assert!(parse("open 1", TOPICS).unwrap_err().contains("link"));
    }

    #[test]
    fn every_plain_command_in_the_key_map_is_understood_somewhere_it_works() {
        use crate::app::keymap::{KEYMAP, Plain};
        for row in KEYMAP {
            match row.plain {
                Plain::NotNeeded(why) => assert!(!why.is_empty(), "{}: say why", row.help),
                Plain::Command(commands) => {
                    for command in commands.split(" / ") {
                        let line = command.replace('N', "1").replace("WORDS", "http");
                        let mut places =
                            row.scope.iter().copied().chain([TOPICS, Focus::Pane(Pane::Resources)]);
                        assert!(
                            places.any(|focus| parse(&line, focus).is_ok()),
                            "{:?} ({}) is understood nowhere",
                            line,
                            row.help
                        );
                    }
                }
            }
        }
    }
}
