//! Where the run loop's events come from: key presses and resizes, changes
//! to the progress file made by another process, and requests to stop
//! ([`crate::signals`]). The loop blocks until one arrives; nothing wakes it on a timer.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

/// Something the run loop reacts to.
#[derive(Debug)]
pub enum Event {
    /// A key press, resize, or other terminal event.
    Input(crossterm::event::Event),
    /// The progress file was changed on disk.
    ProgressChanged,
    /// A request to stop from outside (SIGTERM, SIGHUP; on Windows
    /// Ctrl-Break or closing the console): restore the terminal and leave
    /// (every change is already saved).
    Terminate,
}

/// The live event sources, as an iterator for the run loop.
pub struct Events {
    rx: Receiver<Event>,
    permit: SyncSender<()>,
    reading: bool,
    _watcher: Option<crate::watch::Watch>,
}

impl Events {
    /// Starts the input reader, the watcher on `progress` (if it can be
    /// watched) and the signal listener.
    pub fn start(progress: Option<&Path>) -> Events {
        let (tx, rx) = mpsc::channel();
        let (permit, permits) = mpsc::sync_channel::<()>(1);
        let input = tx.clone();
        // The reader reads one event per permit, so it is never inside
        // `read` while the terminal is handed to a browser or the shell.
        thread::spawn(move || {
            while permits.recv().is_ok() {
                match crossterm::event::read() {
                    Ok(event) => {
                        if input.send(Event::Input(event)).is_err() {
                            break;
                        }
                    }
                    Err(_) => {
                        let _ = input.send(Event::Terminate);
                        break;
                    }
                }
            }
        });
        let stop = std::sync::Mutex::new(tx.clone());
        crate::signals::listen(Box::new(move || {
            if let Ok(tx) = stop.lock() {
                let _ = tx.send(Event::Terminate);
            }
        }));
        let tx = std::sync::Mutex::new(tx);
        let watcher = progress.and_then(|path| {
            crate::watch::Watch::start(path, move || {
                if let Ok(tx) = tx.lock() {
                    let _ = tx.send(Event::ProgressChanged);
                }
            })
        });
        Events { rx, permit, reading: false, _watcher: watcher }
    }
}

impl Iterator for Events {
    type Item = std::io::Result<Event>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.reading {
            // The previous input event has been handled: read the next one.
            self.permit.send(()).ok()?;
            self.reading = true;
        }
        let event = self.rx.recv().ok()?;
        if matches!(event, Event::Input(_)) {
            self.reading = false;
        }
        Some(Ok(event))
    }
}
