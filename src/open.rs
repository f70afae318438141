//! Opening links in the learner's browser.

use anyhow::{Result, bail};

use crate::curriculum::http_url;

/// Browsers that draw in the terminal and need it handed over while they run.
const TEXT_BROWSERS: &[&str] =
    &["lynx", "links", "links2", "elinks", "w3m", "eww", "netrik", "retawq", "curl"];

/// Whether links open through `$BROWSER`: on Linux and the BSDs. macOS
/// and Windows always use the system's default browser.
pub const USES_BROWSER_VAR: bool = cfg!(all(unix, not(target_os = "macos")));

/// Whether `$BROWSER` names a text-mode browser first (and is used).
pub fn browser_is_text_mode() -> bool {
    if !USES_BROWSER_VAR {
        return false;
    }
    let Ok(browser) = std::env::var("BROWSER") else { return false };
    let first = browser.split(':').next().unwrap_or("").split_whitespace().next().unwrap_or("");
    let name = std::path::Path::new(first).file_name().and_then(|n| n.to_str()).unwrap_or("");
    TEXT_BROWSERS.contains(&name)
}

/// Opens `url` with `$BROWSER` or the system's browser (`open` on macOS,
/// the default browser on Windows). No shell is involved, only http(s) is
/// accepted, and GUI browsers' output is discarded so it never lands on
/// the screen.
pub fn open_url(url: &str) -> Result<()> {
    if let Err(why) = http_url(url) {
        bail!("{why}");
    }
    webbrowser::open(url).map_err(|e| anyhow::anyhow!("{e}"))?;
    crate::children::reap_others();
    Ok(())
}
