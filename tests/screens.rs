//! Whole screens through the real run loop on a `TestBackend`, as insta
//! snapshots.

mod common;

use common::{TestHost, app, keys, run, run_with, screen, typed};
use crossterm::event::{Event, KeyCode};
use insta::assert_snapshot;
use learnpath::events::Event as LoopEvent;

#[test]
fn main_screen_80x24() {
    let (terminal, _) = run(&mut app(), 80, 24, vec![]);
    assert_snapshot!(terminal.backend());
}

#[test]
fn main_screen_120x40_with_ticks() {
    let mut events = typed("jl x");
    events.extend(keys(&[KeyCode::Down, KeyCode::Down, KeyCode::Char(' ')]));
    let (terminal, _) = run(&mut app(), 120, 40, events);
    assert_snapshot!(terminal.backend());
}

#[test]
fn main_screen_200x60_resources_focused() {
    let mut events = keys(&[KeyCode::BackTab]);
    events.extend(typed("jj"));
    let (terminal, _) = run(&mut app(), 200, 60, events);
    assert_snapshot!(terminal.backend());
}

#[test]
fn help_overlay_80x24() {
    let (terminal, _) = run(&mut app(), 80, 24, typed("?"));
    // Windows has no Ctrl-Z row, so its help is a line shorter.
    let platform = if learnpath::app::keymap::CAN_SUSPEND { "unix" } else { "windows" };
    insta::with_settings!({ snapshot_suffix => platform }, {
        assert_snapshot!(terminal.backend());
    });
}

#[test]
fn faq_80x24() {
    let (terminal, _) = run(&mut app(), 80, 24, typed("fj"));
    assert_snapshot!(terminal.backend());
}

#[test]
fn tiny_terminal_asks_to_enlarge() {
    let (terminal, _) = run(&mut app(), 40, 8, vec![]);
    assert_snapshot!(terminal.backend());
}

#[test]
fn extra_step_is_marked_and_scrolled_into_view_at_80x24() {
    let (terminal, _) = run(&mut app(), 80, 24, typed("G"));
    let text = screen(&terminal);
    assert!(text.contains("+ Additional skills"), "{text}");
    assert!(text.contains("Extra"), "{text}");
}

#[test]
fn opening_a_resource_goes_through_the_opener() {
    let mut events = keys(&[KeyCode::BackTab]);
    events.extend(typed("jo"));
    let (terminal, opened) = run(&mut app(), 80, 24, events);
    assert_eq!(opened, ["https://edabit.com/challenges/javascript"]);
    assert!(screen(&terminal).contains("Opened https://edabit.com/challenges/javascript"));
}

#[test]
fn resizing_redraws_at_the_new_size() {
    let events = vec![Ok(LoopEvent::Input(Event::Resize(100, 30)))];
    let (terminal, _) = run(&mut app(), 100, 30, events);
    let text = screen(&terminal);
    assert!(text.lines().next().unwrap().contains("Learn Backend Development"));
}

#[test]
fn every_size_renders_without_panicking() {
    for width in [1, 2, 10, 59, 60, 61, 80, 133, 300] {
        for height in [1, 2, 5, 14, 15, 16, 24, 60, 100] {
            let mut app = app();
            let events = typed("jlxjx?jjjk?fjJJKq");
            let (terminal, _) = run(&mut app, width, height, events);
            assert!(!app.running(), "{width}x{height}: every key was taken, q last");
            assert_eq!(app.done_total(), 2, "{width}x{height}: both ticks counted");
            let text = screen(&terminal);
            if width >= 60 && height >= 15 {
                assert!(text.contains("Questions"), "{width}x{height}: the FAQ is open:\n{text}");
            } else {
                assert!(
                    !text.trim().is_empty() || width * height < 4,
                    "{width}x{height}: something is drawn"
                );
            }
        }
    }
}

#[test]
fn hostile_titles_reach_the_screen_as_visible_text() {
    let text = r#"format = 1
id = "evil"
title = "Evil \u001b]0;pwned\u0007"

[[steps]]
id = "one"
title = "Clear \u001b[2J\u001b[H me"
"#;
    let curriculum = learnpath::curriculum::Curriculum::parse(text, "evil.toml").unwrap();
    let mut app = learnpath::app::App::new(curriculum, learnpath::progress::Progress::in_memory());
    let (terminal, _) = run(&mut app, 80, 24, vec![]);
    let shown = screen(&terminal);
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
    assert!(shown.contains("Clear ␛[2J␛[H me"), "{shown}");
}

#[test]
fn hints_always_end_with_help_and_quit_and_are_never_cut() {
    for width in [60, 80, 120] {
        for tabs in 0..3 {
            let events = (0..tabs).flat_map(|_| keys(&[KeyCode::Tab])).collect();
            let (terminal, _) = run(&mut app(), width, 24, events);
            let text = screen(&terminal);
            let last = text.lines().last().unwrap().trim_end();
            assert!(last.ends_with("? help  q quit"), "{width} cols, {tabs} tabs: {last:?}");
        }
    }
}

#[test]
fn a_long_message_wraps_below_the_gauge_instead_of_being_cut() {
    let mut host = TestHost { fail_open: Some("no browser found anywhere".into()), ..TestHost::default() };
    let mut events = keys(&[KeyCode::BackTab, KeyCode::Char('G')]);
    events.extend(typed("o"));
    let terminal = run_with(&mut app(), 80, 24, events, &mut host);
    let text = screen(&terminal);
    let url = "https://boot.dev";
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len() - 3..].join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(tail.contains(url) && tail.contains("set $BROWSER or copy the link"), "{text}");
    assert!(text.lines().last().unwrap().contains("copy the link"), "{text}");
}

#[test]
fn statuses_and_read_marks_80x24() {
    let mut events = typed("lxjijs");
    events.extend(keys(&[KeyCode::Tab, KeyCode::Char(' ')]));
    let (terminal, _) = run(&mut app(), 80, 24, events);
    assert_snapshot!(terminal.backend());
}

#[test]
fn search_box_80x24() {
    let (terminal, _) = run(&mut app(), 80, 24, typed("/http"));
    assert_snapshot!(terminal.backend());
}

#[test]
fn reset_prompt_80x24() {
    let (terminal, _) = run(&mut app(), 80, 24, typed("R"));
    assert_snapshot!(terminal.backend());
}

#[test]
fn picker_80x24() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config/curricula")).unwrap();
    let file = dir.path().join("config/curricula/mine.toml");
    std::fs::write(&file, learnpath::cmd::new::STARTER).unwrap();
    let (config, shipped) = (dir.path().join("config"), learnpath::config::Source::Shipped);
    let mut app = app().with_catalog(config, shipped, dir.path().join("data"));
    let (terminal, _) = run(&mut app, 80, 24, typed("c"));
    let text = screen(&terminal);
    assert!(text.contains("Learn Backend Development  0/61 · 0%"), "{text}");
    assert!(text.contains("My learning path  0/3 · 0%"), "{text}");
    assert!(text.contains("Curricula · Enter open · Esc close"), "{text}");
    // Where to put your own paths, as the real folder (tempdirs are short
    // enough to fit the border at 120 columns).
    let catalog = |app: learnpath::app::App| {
        app.with_catalog(
            dir.path().join("config"),
            learnpath::config::Source::Shipped,
            dir.path().join("data"),
        )
    };
    let (terminal, _) = run(&mut catalog(common::app()), 120, 24, typed("c"));
    let text = screen(&terminal);
    let yours = format!("yours: {}", dir.path().join("config").join("curricula").display());
    assert!(text.contains(&yours), "{text}");
    let (terminal, _) = run(&mut catalog(common::app()), 120, 90, typed("?"));
    assert!(screen(&terminal).contains("Your own paths live in"), "the help says where too");
}

#[test]
fn help_overlay_lists_every_key() {
    let (terminal, _) = run(&mut app(), 120, 90, typed("?"));
    let text = screen(&terminal);
    for row in learnpath::app::keymap::rows() {
        let start: String = row.help.chars().take(30).collect();
        let lines: Vec<&str> = text.lines().collect();
        let found = lines.windows(2).any(|w| {
            let keys = format!(" {}", row.keys());
            (w[0].contains(&format!("{keys} ")) && w[0].contains(&start))
                || (w[0].contains(&keys) && w[1].contains(&start))
        });
        assert!(found, "the help lacks {}:\n{text}", row.keys());
    }
}

fn cells(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> Vec<ratatui::buffer::Cell> {
    terminal.backend().buffer().content().to_vec()
}

#[test]
fn no_color_uses_no_colours_but_keeps_focus_and_selection_visible() {
    use ratatui::style::{Color, Modifier};
    let mut app = app().with_theme(learnpath::ui::Theme::plain());
    let (terminal, _) = run(&mut app, 80, 24, typed("lx"));
    let all = cells(&terminal);
    assert!(all.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset), "a colour slipped through");
    assert!(all.iter().any(|c| c.modifier.contains(Modifier::REVERSED)), "the selection is reversed");
    let text = screen(&terminal);
    assert!(text.contains("┏ ▸ Topics"), "the focused pane has a thick border and a mark in its title");
    assert_eq!(text.matches(" ▸ ").count(), 1, "one pane is marked focused:\n{text}");
}

#[test]
fn the_light_theme_avoids_yellow_and_white_text() {
    use ratatui::style::Color;
    let mut app = app().with_theme(learnpath::ui::Theme::light());
    let (terminal, _) = run(&mut app, 80, 24, typed("lxjij"));
    for cell in cells(&terminal) {
        assert!(cell.fg != Color::Yellow && cell.fg != Color::LightYellow, "yellow is unreadable on white");
        assert!(cell.fg != Color::White || cell.bg == Color::Blue, "white text only on the selection");
    }
}

#[test]
fn empty_lists_say_so_in_full() {
    let (terminal, _) = run(&mut app(), 80, 24, typed("r"));
    // The left pane's inside, row by row, joined: the whole sentence is there.
    let text: String = screen(&terminal)
        .lines()
        .map(|l| l.chars().skip(1).take(32).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(
            "Nothing due. A done topic comes back when the chance you still recall it falls to 90%."
        ),
        "{text}"
    );
}

#[test]
fn main_screen_60x15_keeps_counts_and_four_checklist_rows() {
    let (terminal, _) = run(&mut app(), 60, 15, typed("jjjjl"));
    let text = screen(&terminal);
    let cut: Vec<&str> = text.lines().filter(|l| l.contains("…") && l.contains("6. ")).collect();
    assert!(cut.iter().all(|l| l.contains("0/4")), "a cut step keeps its count:\n{text}");
    assert_eq!(text.matches("[ ]").count(), 4, "four rows of the checklist:\n{text}");
    assert!(text.contains("https://www.codecademy.com"), "a cut link keeps its host:\n{text}");
    assert_snapshot!(terminal.backend());
}

/// `z` on the second topic: its page, full height, at each size.
#[test]
fn the_full_page_at_60x15_80x24_and_100x30() {
    for (w, h) in [(60, 15), (80, 24), (100, 30)] {
        let (terminal, _) = run(&mut app(), w, h, typed("ljz"));
        let text = screen(&terminal);
        assert!(text.contains("Comparison operators"), "{w}x{h}:\n{text}");
        assert!(!text.contains("Topics 0/7"), "{w}x{h}: the checklist is under the page:\n{text}");
        assert_snapshot!(format!("full_page_{w}x{h}"), terminal.backend());
    }
}
