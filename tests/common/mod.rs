//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod actions;
#[cfg(not(windows))]
pub mod git;
#[cfg(unix)]
pub mod pty;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use learnpath::app::App;
use learnpath::curriculum::Curriculum;
use learnpath::events::Event as LoopEvent;
use learnpath::progress::Progress;
use learnpath::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The fixed time every test clock returns.
pub const NOW: &str = "2026-03-01T12:00:00Z";

/// The shipped path with progress in `dir`, a fixed clock and colours.
pub fn app_in(dir: &std::path::Path) -> App {
    let progress = Progress::open(dir).unwrap();
    App::new(Curriculum::shipped(), progress)
        .with_clock(Box::new(|| NOW.parse::<Timestamp>().unwrap()))
        .with_theme(Theme::dark())
}

/// The shipped path with in-memory progress.
pub fn app() -> App {
    App::new(Curriculum::shipped(), Progress::in_memory())
        .with_clock(Box::new(|| NOW.parse::<Timestamp>().unwrap()))
        .with_theme(Theme::dark())
}

/// Drives the app as the run loop does: each action applied and every
/// effect it asks for performed (saves, reloads, notes, links), the
/// results fed back. Tests never call `update` and drop what it asks.
pub trait Drive {
    /// Applies `action` with a fresh [`TestHost`].
    fn act(&mut self, action: learnpath::app::Action);
    /// Applies `action` with `host`, which records what it was asked.
    fn act_with(&mut self, action: learnpath::app::Action, host: &mut TestHost);
}

impl Drive for App {
    fn act(&mut self, action: learnpath::app::Action) {
        self.act_with(action, &mut TestHost::default());
    }

    fn act_with(&mut self, action: learnpath::app::Action, host: &mut TestHost) {
        learnpath::tui::apply(self, action, host).unwrap();
    }
}

/// `app` as the loop starts it: its first update performs what was asked
/// while it was built (its notes read).
pub fn started(mut app: App) -> App {
    app.act(learnpath::app::Action::Resize(80, 24));
    app
}

/// A key press event.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Key events for each char of `s`.
pub fn typed(s: &str) -> Vec<std::io::Result<LoopEvent>> {
    s.chars().map(|c| Ok(LoopEvent::Input(Event::Key(key(KeyCode::Char(c)))))).collect()
}

/// Key events for `codes`.
pub fn keys(codes: &[KeyCode]) -> Vec<std::io::Result<LoopEvent>> {
    codes.iter().map(|c| Ok(LoopEvent::Input(Event::Key(key(*c))))).collect()
}

/// A stand-in for the real terminal: records what it was asked to do.
#[derive(Default)]
pub struct TestHost {
    /// Every URL it was asked to open.
    pub opened: Vec<String>,
    /// How many times the app asked to suspend.
    pub suspended: usize,
    /// The error to give instead of opening, if any.
    pub fail_open: Option<String>,
    /// Everything put on the clipboard.
    pub copied: Vec<String>,
}

impl learnpath::tui::Host for TestHost {
    fn open(&mut self, url: &str) -> anyhow::Result<bool> {
        if let Some(why) = &self.fail_open {
            anyhow::bail!("{why}");
        }
        self.opened.push(url.to_string());
        Ok(false)
    }

    fn suspend(&mut self) -> anyhow::Result<()> {
        self.suspended += 1;
        Ok(())
    }

    fn copy(&mut self, text: &str) -> anyhow::Result<()> {
        self.copied.push(text.to_string());
        Ok(())
    }

    fn edit(&mut self, path: &std::path::Path) -> anyhow::Result<bool> {
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(path, "A note written in the test editor.\n")?;
        Ok(true)
    }
}

/// Draws one frame of `app` at `width` x `height` and hands the app what
/// was drawn, as the loop does before each key.
pub fn draw(app: &mut App, width: u16, height: u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    app.act(learnpath::app::Action::Resize(width, height));
    learnpath::tui::draw(&mut terminal, app, &mut learnpath::ui::ViewState::default()).unwrap();
}

/// Runs the whole loop over `events` on a `width` x `height` test terminal
/// and returns it with every URL the opener was asked to open.
pub fn run(
    app: &mut App,
    width: u16,
    height: u16,
    events: Vec<std::io::Result<LoopEvent>>,
) -> (Terminal<TestBackend>, Vec<String>) {
    let mut host = TestHost::default();
    let terminal = run_with(app, width, height, events, &mut host);
    (terminal, host.opened)
}

/// Like [`run`] with a given host.
pub fn run_with(
    app: &mut App,
    width: u16,
    height: u16,
    events: Vec<std::io::Result<LoopEvent>>,
    host: &mut TestHost,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    learnpath::tui::run(&mut terminal, app, events.into_iter(), host).unwrap();
    terminal
}

/// The screen as plain text lines.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Runs the real binary with `args` (no terminal, nothing on stdin), with
/// `HOME`, the data dir and the config dir inside `home`, and `env` on top.
pub fn learnpath(home: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    learnpath_fed(home, args, env, None)
}

/// [`learnpath`], with `input` on its stdin if given.
pub fn learnpath_fed(
    home: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
    input: Option<&str>,
) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_learnpath"));
    cmd.args(args)
        .env_clear()
        .env("HOME", home)
        .env("LEARNPATH_DATA_DIR", home.join("data"))
        .env("LEARNPATH_CONFIG_DIR", home.join("config"))
        .env("LEARNPATH_CACHE_DIR", home.join("cache"))
        .envs(env.iter().copied())
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = spawn(&mut cmd);
    if let Some(input) = input {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// How many of the open path's topics the store has at `status`: what
/// the app's counts must agree with.
pub fn stored(app: &App, status: learnpath::progress::Status) -> usize {
    let c = &app.path().curriculum;
    let id = c.id.get_ref();
    c.steps()
        .iter()
        .flat_map(|s| s.topics.iter().map(move |t| s.key(t)))
        .filter(|k| app.progress().status(id, k) == status)
        .count()
}

/// `learnpath status --json` for `home`, which must succeed.
pub fn status_json(home: &std::path::Path) -> serde_json::Value {
    let out = learnpath(home, &["status", "--json"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A time written in RFC 3339.
pub fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// The error a curriculum that must be refused is refused with.
pub fn refused(text: &str) -> String {
    Curriculum::parse(text, "x.toml").expect_err("should be refused").to_string()
}

/// Starts `cmd`. On Windows a failure to create the process is tried
/// again: wine, which runs the Windows tests, now and then fails a
/// `CreateProcess` under load ("Internal error", 1359). Only the start is
/// retried, never a program that ran.
pub fn spawn(cmd: &mut std::process::Command) -> std::process::Child {
    let mut tries = 0;
    loop {
        match cmd.spawn() {
            Ok(child) => return child,
            Err(e) if cfg!(windows) && tries < 5 => {
                tries += 1;
                eprintln!("could not start {cmd:?} ({e}); trying again");
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            Err(e) => panic!("could not start {cmd:?}: {e}"),
        }
    }
}

#[cfg(unix)]
/// Writes an executable `#!/bin/sh` script `name` with `body` into `dir`.
pub fn script(dir: &std::path::Path, name: &str, body: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    // Written by a `sh` of its own, never through a file this process
    // holds open: a test thread that forks meanwhile would carry that
    // descriptor into its child, and running the script would then fail
    // with "Text file busy" (ETXTBSY).
    let status = std::process::Command::new("sh")
        .args(["-c", "printf '%s\\n' \"$1\" > \"$2\" && chmod 755 \"$2\"", "sh"])
        .arg(format!("#!/bin/sh\n{body}"))
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success(), "could not write {}", path.display());
    path
}

/// A stub program `name` in `dir` that appends `text` to the file it is
/// given and exits with `code`: a shell script on Unix, a batch file on
/// Windows. It stands in for `$EDITOR` where a test runs on every system.
pub fn appender(dir: &std::path::Path, name: &str, text: &str, code: i32) -> std::path::PathBuf {
    // The text sits beside the stub, named in ASCII: a batch file reads
    // its own lines in the console's code page, not in UTF-8.
    let input = format!("{}.txt", name.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
    std::fs::write(dir.join(&input), text).unwrap();
    #[cfg(unix)]
    return script(dir, name, &format!("cat \"$(dirname \"$0\")/{input}\" >> \"$1\"; exit {code}"));
    #[cfg(windows)]
    {
        // `type` copies the bytes as they are, so both stubs write the same.
        let path = dir.join(format!("{name}.cmd"));
        let body = format!("@echo off\r\ntype \"%~dp0{input}\" >> \"%~1\"\r\nexit /b {code}\r\n");
        std::fs::write(&path, body).unwrap();
        path
    }
}

/// The shipped path's bytes with `edits` made: (where, byte, how), where
/// how is 0 to replace, 1 to insert, else to remove.
pub fn damaged_shipped(edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = learnpath::curriculum::SHIPPED.as_bytes().to_vec();
    for &(at, byte, kind) in edits {
        let at = at.min(bytes.len().saturating_sub(1));
        match kind {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ => {
                bytes.remove(at);
            }
        }
    }
    bytes
}
