//! The real terminal: mouse capture and bracketed paste, handing the
//! terminal to a text-mode browser or the shell and taking it back, and
//! the clipboard.

use std::io::Write;

use anyhow::Result;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};

use crate::open;
use crate::tui::Host;

/// The terminal the TUI draws on.
pub type Screen = ratatui::Terminal<ratatui::backend::CrosstermBackend<std::io::BufWriter<std::io::Stdout>>>;

/// Takes the terminal as `ratatui::init` does (raw mode, the alternate
/// screen, a panic hook that gives it back), but with a buffer that holds
/// a whole frame: stdout's own holds 1 KiB, so a full frame went out in
/// many writes, each waking the terminal (or sending a packet over SSH).
/// Now each frame is one write, when ratatui flushes it.
pub fn init() -> Screen {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    let taken = crossterm::terminal::enable_raw_mode()
        .and_then(|()| crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen));
    let backend = ratatui::backend::CrosstermBackend::new(std::io::BufWriter::with_capacity(
        1 << 16,
        std::io::stdout(),
    ));
    taken.and_then(|()| ratatui::Terminal::new(backend)).expect("failed to initialize the terminal")
}

/// The [`Host`] for a real terminal.
pub struct RealHost {
    mouse: bool,
    cache_dir: Option<std::path::PathBuf>,
}

impl RealHost {
    /// A host that captures the mouse if `mouse`.
    pub fn new(mouse: bool, cache_dir: Option<std::path::PathBuf>) -> Self {
        RealHost { mouse, cache_dir }
    }

    /// After `ratatui::init`: asks for pastes as one event (bracketed
    /// paste), captures the mouse, and makes a panic release both before
    /// ratatui's own hook restores the rest.
    pub fn start(&mut self) -> Result<()> {
        self.grab()?;
        let mouse = self.mouse;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            release(mouse);
            previous(info);
        }));
        Ok(())
    }

    /// Before `ratatui::restore`: releases the mouse and pastes.
    pub fn stop(&mut self) {
        release(self.mouse);
    }

    fn grab(&mut self) -> Result<()> {
        crossterm::execute!(std::io::stdout(), EnableBracketedPaste)?;
        if self.mouse {
            crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
        }
        Ok(())
    }

    fn hand_over(&mut self) {
        self.stop();
        ratatui::restore();
    }

    fn take_back(&mut self) -> Result<()> {
        crossterm::terminal::enable_raw_mode()?;
        crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
        self.grab()
    }
}

/// Gives the terminal its own mouse and paste handling back.
fn release(mouse: bool) {
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    }
    let _ = crossterm::execute!(std::io::stdout(), DisableBracketedPaste);
}

impl Host for RealHost {
    fn cache_dir(&self) -> Option<&std::path::Path> {
        self.cache_dir.as_deref()
    }

    fn open(&mut self, url: &str) -> Result<bool> {
        if open::browser_is_text_mode() {
            self.hand_over();
            let result = open::open_url(url);
            self.take_back()?;
            result.map(|()| true)
        } else {
            open::open_url(url).map(|()| false)
        }
    }

    #[cfg(unix)]
    fn suspend(&mut self) -> Result<()> {
        self.hand_over();
        // Stop like any job on Ctrl-Z; execution continues here on `fg`.
        // SAFETY: raise only sends a signal to this process.
        unsafe {
            libc::raise(libc::SIGTSTP);
        }
        self.take_back()
    }

    /// Without job control there is no shell to suspend to; the key map
    /// never asks for this there.
    #[cfg(not(unix))]
    fn suspend(&mut self) -> Result<()> {
        Ok(())
    }

    fn edit(&mut self, path: &std::path::Path) -> Result<bool> {
        self.hand_over();
        let result = crate::notes::edit(&crate::notes::editor(), path);
        self.take_back()?;
        result
    }

    fn after_event(&mut self) {
        crate::children::reap_others();
    }

    fn copy(&mut self, text: &str) -> Result<()> {
        // OSC 52 asks the terminal itself to set the clipboard, so it works
        // over SSH and in tmux (with `set-clipboard on`).
        let mut out = std::io::stdout();
        crossterm::execute!(out, crossterm::clipboard::CopyToClipboard::to_clipboard_from(text))?;
        out.flush()?;
        Ok(())
    }
}
