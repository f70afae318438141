//! Any bytes as a curriculum: loading must give Ok or a positioned error,
//! and whatever loads must render at any size without panicking.
#![no_main]

use learnpath::action::Action;
use learnpath::app::App;
use learnpath::curriculum::Curriculum;
use learnpath::progress::Progress;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fuzz_target!(|data: &[u8]| {
    let (size, text) = data.split_at(data.len().min(2));
    let width = size.first().copied().unwrap_or(80).max(1) as u16;
    let height = size.get(1).copied().unwrap_or(24).max(1) as u16;
    match Curriculum::parse_bytes(text, "fuzz.toml") {
        Ok(curriculum) => {
            let mut app = App::new(curriculum, Progress::in_memory());
            app.update(Action::Resize(width, height));
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            for action in [Action::Down, Action::FocusNext, Action::Last, Action::ShowFaq, Action::ShowHelp] {
                app.update(action);
                learnpath::tui::draw(&mut terminal, &mut app).unwrap();
            }
        }
        Err(e) => assert!(e.problems.iter().all(|p| p.line.is_some() && p.col.is_some())),
    }
});
