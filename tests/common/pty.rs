//! Running the real binary in a pseudo-terminal and reading its screen.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for the app to show something before giving up. Not a
/// speed check: only a guard so a broken build fails instead of hanging.
const PATIENCE: Duration = Duration::from_secs(20);

/// The app in a pseudo-terminal.
pub struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    drained: Arc<std::sync::atomic::AtomicBool>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Pty {
    /// Starts the binary with `args` at `cols` x `rows`, with `HOME` and the
    /// data dir inside `home` and the given extra environment.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, home: &Path, env: &[(&str, &str)]) -> Pty {
        Pty::spawn_program(env!("CARGO_BIN_EXE_learnpath"), args, cols, rows, home, env)
    }

    /// Like [`Pty::spawn`], for any program (a shell, say).
    pub fn spawn_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        home: &Path,
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("LEARNPATH_DATA_DIR", home.join("data"));
        cmd.env("LEARNPATH_CACHE_DIR", home.join("cache"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("the binary starts");
        drop(pair.slave);
        let screen =
            Arc::new(Mutex::new(vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
        let answer = writer.clone();
        let (screen2, raw2) = (screen.clone(), raw.clone());
        let drained = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let drained2 = drained.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let chunk = &buf[..n];
                // vt100 does not answer a cursor-position query; do it here
                // so a query could never hang the app.
                if chunk.windows(4).any(|w| w == b"\x1b[6n") {
                    let _ = answer.lock().unwrap().write_all(b"\x1b[1;1R");
                }
                screen2.lock().unwrap().process(chunk);
                raw2.lock().unwrap().extend_from_slice(chunk);
            }
            drained2.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        Pty { screen, raw, drained, writer, child, _master: pair.master }
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Everything the app wrote, raw.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen contains `text`; panics with the screen if it
    /// never does.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {text:?}; it shows:\n{}", self.contents());
    }

    /// Waits until the screen no longer contains `text` (a frame is written
    /// in pieces, so one part may show before another is gone); panics
    /// with the screen if it stays.
    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen still shows {text:?}:\n{}", self.contents());
    }

    /// The screen's row under the cursor, from the cursor on, and
    /// whether the cursor is hidden.
    pub fn at_cursor(&self) -> (String, bool) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let (row, col) = screen.cursor_position();
        let line = screen.contents().lines().nth(row as usize).unwrap_or_default().to_string();
        (line.chars().skip(col as usize).collect(), screen.hide_cursor())
    }

    /// Waits until the text under the cursor starts with `text` (after
    /// spaces); panics with the screen and the cursor's row if it never does.
    pub fn wait_cursor_on(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.at_cursor().0.trim_start().starts_with(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the cursor never sat on {text:?} but on {:?}; the screen:\n{}",
            self.at_cursor().0,
            self.contents()
        );
    }

    /// Waits until the app has written `bytes` after the first `from`
    /// bytes of its output; panics if it never does.
    pub fn wait_for_raw(&self, from: usize, bytes: &[u8]) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.raw().get(from..).is_some_and(|out| out.windows(bytes.len()).any(|w| w == bytes)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the app never wrote {:?}", String::from_utf8_lossy(bytes));
    }

    /// Types `keys` as raw bytes.
    pub fn send(&mut self, keys: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Sends `signal` to the app.
    pub fn signal(&self, signal: i32) {
        let pid = self.child.process_id().expect("a running child") as i32;
        // SAFETY: kill only sends a signal to the child we started.
        unsafe {
            libc::kill(pid, signal);
        }
    }

    /// Waits for the process to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Everything the app wrote before it exited is read before
                // anyone looks at it.
                while !self.drained.load(std::sync::atomic::Ordering::SeqCst) && start.elapsed() < PATIENCE {
                    std::thread::sleep(Duration::from_millis(5));
                }
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the app did not exit; the screen shows:\n{}", self.contents());
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
