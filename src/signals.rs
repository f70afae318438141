//! Requests to stop that come from outside the terminal's input: SIGTERM
//! and SIGHUP on Unix; Ctrl-Break, closing the console window, logging off
//! and shutting down on Windows. The event loop turns each into a normal
//! quit: every change is already saved, and the terminal is restored.

/// What to call on a request to stop (it may be called from any thread).
pub type Stop = Box<dyn Fn() + Send + Sync + 'static>;

/// Installs the handlers now, so a request made from this moment on is
/// kept, and returns the listener that calls `stop` on it once started.
/// Without handlers (they could not be installed) the app still works; it
/// only ends the way the system ends any program.
pub fn install(stop: Stop) -> Listener {
    Listener(imp::install(stop))
}

/// Handlers installed, waiting for [`Listener::start`].
pub struct Listener(imp::Pending);

impl Listener {
    /// Starts calling `stop` on each request, including one that came
    /// since [`install`]. On Unix this is a thread, which the first frame
    /// need not wait for.
    pub fn start(self) {
        imp::start(self.0);
    }
}

#[cfg(unix)]
mod imp {
    use signal_hook::consts::{SIGHUP, SIGTERM};

    use super::Stop;

    /// The signals' handlers write to a socket, which keeps what came
    /// until the thread reads it.
    pub type Pending = Option<(signal_hook::iterator::Signals, Stop)>;

    pub fn install(stop: Stop) -> Pending {
        // Ctrl-C is a key in raw mode (the key map quits on it), so only the
        // signals a terminal can't send as keys are listened for.
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).ok().map(|signals| (signals, stop))
    }

    pub fn start(pending: Pending) {
        if let Some((mut signals, stop)) = pending {
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    stop();
                }
            });
        }
    }
}

#[cfg(windows)]
mod imp {
    use std::sync::OnceLock;
    use std::time::Duration;

    use windows_sys::Win32::Foundation::{FALSE, TRUE};
    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };

    use super::Stop;

    /// What the handler, which Windows calls on a thread of its own, calls.
    static STOP: OnceLock<Stop> = OnceLock::new();

    /// How long Windows lets a closing console's process run after the
    /// handler is called (it allows 5 s): time for the loop to end.
    const GRACE: Duration = Duration::from_millis(4500);

    /// Windows calls the handler on a thread of its own: nothing waits.
    pub struct Pending;

    pub fn start(_: Pending) {}

    pub fn install(stop: Stop) -> Pending {
        if STOP.set(stop).is_err() {
            return Pending;
        }
        // SAFETY: `handler` is a plain function that lives as long as the
        // process and only touches the static channel above.
        unsafe {
            SetConsoleCtrlHandler(Some(handler), TRUE);
        }
        Pending
    }

    unsafe extern "system" fn handler(kind: u32) -> i32 {
        let stop = || {
            if let Some(stop) = STOP.get() {
                stop();
            }
        };
        match kind {
            // In raw mode Ctrl-C arrives as a key; this is Ctrl-C while the
            // terminal is handed to the editor or a browser, and Ctrl-Break.
            CTRL_C_EVENT | CTRL_BREAK_EVENT => {
                stop();
                TRUE
            }
            // Windows ends the process as soon as this returns: wait while
            // the loop quits and main returns, which ends the process.
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => {
                stop();
                std::thread::sleep(GRACE);
                TRUE
            }
            _ => FALSE,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn ctrl_break_and_ctrl_c_ask_the_loop_to_quit() {
            let (tx, rx) = std::sync::mpsc::channel();
            let tx = std::sync::Mutex::new(tx);
            install(Box::new(move || {
                let _ = tx.lock().unwrap().send(());
            }));
            for kind in [CTRL_BREAK_EVENT, CTRL_C_EVENT] {
                // SAFETY: the handler only calls the closure set above.
                assert_eq!(unsafe { handler(kind) }, TRUE, "handled, so Windows does not kill us");
                assert!(rx.try_recv().is_ok());
            }
            // Anything else is left to the next handler (the system's).
            assert_eq!(unsafe { handler(99) }, FALSE);
            assert!(rx.try_recv().is_err());
        }
    }
}

#[cfg(not(any(unix, windows)))]
mod imp {
    pub struct Pending;

    pub fn install(_stop: super::Stop) -> Pending {
        Pending
    }

    pub fn start(_: Pending) {}
}
