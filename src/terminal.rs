//! The real terminal: handing it to a text-mode browser or the shell and
//! taking it back.

use anyhow::Result;

use crate::open;
use crate::tui::Host;

/// The [`Host`] for a real terminal.
pub struct RealHost;

impl Host for RealHost {
    fn open(&mut self, url: &str) -> Result<bool> {
        if open::browser_is_text_mode() {
            ratatui::restore();
            let result = open::open_url(url);
            take_back()?;
            result.map(|()| true)
        } else {
            open::open_url(url).map(|()| false)
        }
    }

    fn suspend(&mut self) -> Result<()> {
        ratatui::restore();
        // Stop like any job on Ctrl-Z; execution continues here on `fg`.
        #[cfg(unix)]
        // SAFETY: raise only sends a signal to this process.
        unsafe {
            libc::raise(libc::SIGTSTP);
        }
        take_back()
    }
}

/// Raw mode and the alternate screen again, as `ratatui::init` set them.
pub fn take_back() -> Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    Ok(())
}
