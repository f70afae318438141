//! Child processes and the zombie reaper living side by side.
//!
//! `webbrowser` starts GUI browsers without waiting for them, so the real
//! terminal's host collects exited children after every event. A child
//! someone does wait for (git, run by a background sync) must not be
//! collected by that reaper, or its waiter gets "no child processes".
//! Such children are started through [`output`], which registers them;
//! [`reap_others`] looks at an exited child before collecting it and
//! leaves registered ones to their waiter.

use std::collections::BTreeSet;
use std::io;
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;

/// The children someone waits for.
static WAITED: Mutex<BTreeSet<u32>> = Mutex::new(BTreeSet::new());

/// Runs `cmd` to its end like [`Command::output`] (its stdin as set on
/// `cmd`), safe from [`reap_others`].
pub fn output(cmd: &mut Command) -> io::Result<Output> {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    // Registered under the lock the reaper takes, so it never sees the
    // child exited but not yet registered.
    let child = {
        let mut waited = WAITED.lock().unwrap_or_else(|e| e.into_inner());
        let child = cmd.spawn()?;
        waited.insert(child.id());
        child
    };
    let pid = child.id();
    let out = child.wait_with_output();
    WAITED.lock().unwrap_or_else(|e| e.into_inner()).remove(&pid);
    out
}

/// Collects exited children nobody waits for (browser launchers), so
/// they do not linger as zombies. Windows has no zombies: nothing to do.
pub fn reap_others() {
    #[cfg(unix)]
    loop {
        let waited = WAITED.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: a zeroed siginfo_t is a valid value to be written into.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: waitid with WNOWAIT only looks at our own children,
        // writing into the local `info`; nothing is collected.
        let found =
            unsafe { libc::waitid(libc::P_ALL, 0, &mut info, libc::WEXITED | libc::WNOHANG | libc::WNOWAIT) };
        // SAFETY: after a successful waitid, si_pid is the child's pid (0
        // when no child has exited).
        let pid = unsafe { info.si_pid() };
        if found != 0 || pid <= 0 || waited.contains(&(pid as u32)) {
            // Nothing exited, or the first one found has a waiter: the
            // others wait for the next event.
            break;
        }
        let mut status = 0;
        // SAFETY: collects exactly that exited child, which nobody waits for.
        unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_reaper_leaves_a_waited_for_child_to_its_waiter() {
        let waiter = std::thread::spawn(|| output(Command::new("sh").args(["-c", "sleep 0.3; echo done"])));
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_secs(1) {
            reap_others();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let out = waiter.join().unwrap().expect("the waiter gets its child's output");
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stdout), "done\n");
    }
}
