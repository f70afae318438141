//! Requests to stop that come from outside the terminal's input: SIGTERM
//! and SIGHUP on Unix; Ctrl-Break, closing the console window, logging off
//! and shutting down on Windows. The event loop turns each into a normal
//! quit: every change is already saved, and the terminal is restored.

/// What to call on a request to stop (it may be called from any thread).
pub type Stop = Box<dyn Fn() + Send + Sync + 'static>;

/// Starts listening and calls `stop` on each request. Without a listener
/// (it could not be installed) the app still works; it only ends the way
/// the system ends any program.
pub fn listen(stop: Stop) {
    imp::listen(stop);
}

#[cfg(unix)]
mod imp {
    use signal_hook::consts::{SIGHUP, SIGTERM};

    use super::Stop;

    pub fn listen(stop: Stop) {
        // Ctrl-C is a key in raw mode (the key map quits on it), so only the
        // signals a terminal can't send as keys are listened for.
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
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

    pub fn listen(stop: Stop) {
        if STOP.set(stop).is_err() {
            return;
        }
        // SAFETY: `handler` is a plain function that lives as long as the
        // process and only touches the static channel above.
        unsafe {
            SetConsoleCtrlHandler(Some(handler), TRUE);
        }
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
            listen(Box::new(move || {
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
    pub fn listen(_stop: super::Stop) {}
}
