//! The floor for the start-up benchmark: a bare ratatui app that reads
//! the same TOML file with serde + toml and draws one bordered list of its
//! topics, then waits for `q`. learnpath's start is measured as a ratio to
//! this, on the same machine, alternating runs (`cargo bench --bench
//! startup`).

use ratatui::widgets::{Block, List};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    title: String,
    #[serde(default)]
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct Step {
    #[serde(default)]
    topics: Vec<Topic>,
}

#[derive(Deserialize)]
struct Topic {
    title: String,
}

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("usage: floor FILE.toml");
    let text = std::fs::read_to_string(&path)?;
    let file: File = toml::from_str(&text).map_err(std::io::Error::other)?;
    let titles: Vec<String> =
        file.steps.iter().flat_map(|s| s.topics.iter().map(|t| t.title.clone())).collect();
    let footer = format!(" {} topics ", titles.len());
    let mut terminal = ratatui::init();
    let drawn = terminal.draw(|frame| {
        let block = Block::bordered().title(file.title.as_str()).title_bottom(footer.as_str());
        frame.render_widget(List::new(titles.iter().map(String::as_str)).block(block), frame.area());
    });
    while drawn.is_ok() {
        match crossterm::event::read() {
            Ok(crossterm::event::Event::Key(key)) if key.code == crossterm::event::KeyCode::Char('q') => {
                break;
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    ratatui::restore();
    drawn.map(|_| ())
}
