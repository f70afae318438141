//! Where the run loop's events come from: key presses and resizes, changes
//! to the progress file made by another process, and requests to stop
//! ([`crate::signals`]). The loop blocks until one arrives; nothing wakes it on a timer.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;
use std::time::Duration;

/// Something the run loop reacts to.
#[derive(Debug)]
pub enum Event {
    /// A key press, resize, or other terminal event.
    Input(crossterm::event::Event),
    /// The progress file was changed on disk.
    ProgressChanged,
    /// A background sync finished (see [`Events::sync_after_first_frame`]).
    Synced(crate::sync::State, Option<String>),
    /// A request to stop from outside (SIGTERM, SIGHUP; on Windows
    /// Ctrl-Break or closing the console): restore the terminal and leave
    /// (every change is already saved).
    Terminate,
}

/// What the reader thread is asked to do.
#[derive(Clone, Copy)]
enum Permit {
    /// Wait for the next input event and send it.
    Read,
    /// Send the next input event if one is already waiting; else say so.
    Peek,
}

/// What comes down the channel: an event, or the reader's "nothing is
/// waiting" answer to a peek.
enum Msg {
    Event(Event),
    Idle,
}

/// The live event sources, for the run loop.
pub struct Events {
    rx: Receiver<Msg>,
    permit: SyncSender<Permit>,
    /// A permit is out: the reader is (or will be) in `read`.
    reading: bool,
    /// Events that came while peeking, to hand out first.
    ready: VecDeque<Event>,
    panic_key: bool,
    _watcher: Option<crate::watch::Watch>,
    tx: mpsc::Sender<Msg>,
    /// What starts once the first frame is on screen: the watcher on
    /// this progress file and a sync of this dir.
    later: Option<Later>,
}

/// The sources the first frame does not need.
struct Later {
    progress: Option<std::path::PathBuf>,
    sync: Option<(std::path::PathBuf, Background)>,
    /// The input reader's permits.
    permits: Receiver<Permit>,
    signals: crate::signals::Listener,
}

/// The sync started with the app: whether it is still running, for the
/// sync made after quitting to wait for (two syncs at once would trip over
/// each other's git locks).
#[derive(Clone, Default)]
pub struct Background(std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>);

impl Background {
    fn set_running(&self, running: bool) {
        let (lock, changed) = &*self.0;
        if let Ok(mut now) = lock.lock() {
            *now = running;
            changed.notify_all();
        }
    }

    /// Waits at most `patience` for it to end; whether it is not running
    /// (ended, or never started).
    pub fn wait(&self, patience: Duration) -> bool {
        let (lock, changed) = &*self.0;
        let Ok(running) = lock.lock() else { return true };
        match changed.wait_timeout_while(running, patience, |running| *running) {
            Ok((running, _)) => !*running,
            Err(_) => true,
        }
    }
}

impl Events {
    /// Installs the signal handlers; the input reader, the signal
    /// listener and the watcher on `progress` (if it can be watched) start
    /// once the first frame is drawn. A key typed before waits in the
    /// terminal for the reader. With `panic_key` (a test hook), the key `!`
    /// panics, to check that a panic restores the terminal.
    pub fn start(progress: Option<&Path>, panic_key: bool) -> Events {
        let (tx, rx) = mpsc::channel();
        let (permit, permits) = mpsc::sync_channel::<Permit>(1);
        // The handlers go in now, not after the first frame: a SIGTERM or
        // SIGHUP that came before them would end the process with the
        // terminal still in raw mode and on the alternate screen. One that
        // comes before the listener starts waits for it.
        let stop = std::sync::Mutex::new(tx.clone());
        let signals = crate::signals::install(Box::new(move || {
            if let Ok(tx) = stop.lock() {
                let _ = tx.send(Msg::Event(Event::Terminate));
            }
        }));
        let later = Some(Later { progress: progress.map(Path::to_path_buf), sync: None, permits, signals });
        Events { rx, permit, reading: false, ready: VecDeque::new(), panic_key, _watcher: None, tx, later }
    }

    /// Syncs `data_dir` on another thread once the first frame is drawn;
    /// its outcome comes as [`Event::Synced`]. The handle says whether it
    /// is still running.
    pub fn sync_after_first_frame(&mut self, data_dir: std::path::PathBuf) -> Background {
        let background = Background::default();
        if let Some(later) = &mut self.later {
            later.sync = Some((data_dir, background.clone()));
        }
        background
    }

    /// Starts what waited for the first frame: the input reader, the
    /// signal listener, the watcher and the sync. A save another learnpath
    /// made before the watcher started would go unseen, so the file is
    /// looked at once now (a cheap check when it has not changed).
    fn start_the_rest(&mut self) {
        let Some(later) = self.later.take() else { return };
        read_input(later.permits, self.tx.clone());
        later.signals.start();
        if let Some(path) = later.progress {
            let tx = std::sync::Mutex::new(self.tx.clone());
            self._watcher = crate::watch::Watch::start(&path, move || {
                if let Ok(tx) = tx.lock() {
                    let _ = tx.send(Msg::Event(Event::ProgressChanged));
                }
            });
            self.ready.push_back(Event::ProgressChanged);
        }
        if let Some((dir, background)) = later.sync {
            background.set_running(true);
            let tx = self.tx.clone();
            thread::spawn(move || {
                let (state, error) = crate::sync::in_background(&dir);
                background.set_running(false);
                let _ = tx.send(Msg::Event(Event::Synced(state, error)));
            });
        }
    }

    fn checked(&self, event: Event) -> Event {
        if self.panic_key
            && let Event::Input(crossterm::event::Event::Key(key)) = &event
            && key.code == crossterm::event::KeyCode::Char('!')
        {
            panic!("test panic requested with LEARNPATH_TEST_PANIC");
        }
        event
    }
}

/// The input reader: one event per permit, so it is never inside `read`
/// while the terminal is handed to a browser or the shell.
fn read_input(permits: Receiver<Permit>, input: mpsc::Sender<Msg>) {
    thread::spawn(move || {
        while let Ok(permit) = permits.recv() {
            // A zero timeout never looks (crossterm's /dev/tty source
            // loops while time is left): one millisecond, spent only
            // right after a key, when the frame waits anyway.
            if let Permit::Peek = permit
                && !matches!(crossterm::event::poll(Duration::from_millis(1)), Ok(true))
            {
                if input.send(Msg::Idle).is_err() {
                    break;
                }
                continue;
            }
            let msg = match crossterm::event::read() {
                Ok(event) => Msg::Event(Event::Input(event)),
                Err(_) => Msg::Event(Event::Terminate),
            };
            let end = matches!(msg, Msg::Event(Event::Terminate));
            if input.send(msg).is_err() || end {
                break;
            }
        }
    });
}

impl crate::tui::Source for Events {
    fn first_frame_drawn(&mut self) {
        self.start_the_rest();
    }

    fn next_event(&mut self) -> Option<std::io::Result<Event>> {
        if let Some(event) = self.ready.pop_front() {
            return Some(Ok(self.checked(event)));
        }
        if !self.reading {
            // The previous input event has been handled: read the next one.
            self.permit.send(Permit::Read).ok()?;
            self.reading = true;
        }
        loop {
            match self.rx.recv().ok()? {
                Msg::Event(event) => {
                    if matches!(event, Event::Input(_)) {
                        self.reading = false;
                    }
                    return Some(Ok(self.checked(event)));
                }
                // A peek's answer that came after all: nothing to do.
                Msg::Idle => {}
            }
        }
    }

    fn input_ready(&mut self) -> bool {
        if self.ready.iter().any(|e| matches!(e, Event::Input(_))) {
            return true;
        }
        if self.reading {
            return false;
        }
        if self.permit.send(Permit::Peek).is_err() {
            return false;
        }
        loop {
            match self.rx.recv() {
                Ok(Msg::Event(event)) => {
                    let input = matches!(event, Event::Input(_));
                    self.ready.push_back(event);
                    if input {
                        return true;
                    }
                }
                Ok(Msg::Idle) | Err(_) => return false,
            }
        }
    }
}
