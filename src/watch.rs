//! Watching the progress file (and a sync tool's conflict copies of it)
//! for changes made by another process, with
//! the system's own notifications (inotify, FSEvents,
//! ReadDirectoryChangesW): nothing polls.
//!
//! The file is replaced on every save, so the watch is on its directory
//! (the target's, when `progress.json` is a symbolic link).
//! A directory that is removed takes its watch with it; the parent is
//! watched too, and when the data dir appears again it is watched again.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// A live watch on a progress file; it ends when dropped.
pub struct Watch {
    _watcher: Arc<Mutex<Option<RecommendedWatcher>>>,
}

impl Watch {
    /// Watches `progress` (a file in the data dir, which is created if
    /// missing) and calls `changed` each time it may have changed. `None`
    /// when the system refuses a watch: the app then only sees its own
    /// changes.
    pub fn start(progress: &Path, changed: impl Fn() + Send + Sync + 'static) -> Option<Watch> {
        // A linked progress file changes where its target is.
        let progress = crate::atomic_file::resolve(progress).unwrap_or_else(|_| progress.to_path_buf());
        let dir = std::path::absolute(progress.parent()?).ok()?;
        let name = progress.file_name()?.to_os_string();
        std::fs::create_dir_all(&dir).ok()?;
        let shared: Arc<Mutex<Option<RecommendedWatcher>>> = Arc::new(Mutex::new(None));
        let on_event = handler(Arc::downgrade(&shared), dir.clone(), name, changed);
        let mut watcher = notify::recommended_watcher(on_event).ok()?;
        watcher.watch(&dir, RecursiveMode::NonRecursive).ok()?;
        if let Some(parent) = dir.parent() {
            // Without it a removed data dir is never watched again; the
            // app works on either way.
            let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
        }
        *shared.lock().ok()? = Some(watcher);
        Some(Watch { _watcher: shared })
    }
}

/// What the watcher does with each event: report the progress file's
/// changes, and watch the data dir again when it is created anew.
fn handler(
    watcher: std::sync::Weak<Mutex<Option<RecommendedWatcher>>>,
    dir: PathBuf,
    name: OsString,
    changed: impl Fn() + Send + Sync + 'static,
) -> impl Fn(notify::Result<notify::Event>) + Send + 'static {
    let changed = Arc::new(changed);
    let dir_name = dir.file_name().map(OsString::from);
    move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        if event.kind.is_access() {
            return;
        }
        // A sync tool's conflict copy is part of the progress too.
        let ours = |file: &std::ffi::OsStr| {
            file == name
                || matches!((name.to_str(), file.to_str()), (Some(n), Some(f)) if crate::progress::conflict_copy_tool(n, f).is_some())
        };
        if event.paths.iter().any(|p| p.file_name().is_some_and(ours)) {
            changed();
        }
        let recreated =
            event.kind.is_create() && event.paths.iter().any(|p| p.file_name() == dir_name.as_deref());
        if recreated && let Some(watcher) = watcher.upgrade() {
            // Adding a watch from inside the watcher's own callback would
            // wait on the thread running this callback: do it on another.
            let (dir, changed) = (dir.clone(), changed.clone());
            std::thread::spawn(move || {
                if let Ok(mut guard) = watcher.lock()
                    && let Some(w) = guard.as_mut()
                {
                    let _ = w.watch(&dir, RecursiveMode::NonRecursive);
                }
                // The file may have been written before the watch began.
                changed();
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    /// How long to wait for an event before failing: not a speed check,
    /// only a guard so a lost event fails instead of hanging.
    const PATIENCE: Duration = Duration::from_secs(20);

    #[cfg(unix)]
    fn drain(rx: &mpsc::Receiver<()>) {
        while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
    }

    // Windows refuses to remove a directory that is being watched, so the
    // case this tests cannot happen there.
    #[cfg(unix)]
    #[test]
    fn a_data_dir_removed_and_made_again_is_still_watched() {
        let home = tempfile::tempdir().unwrap();
        let data = home.path().join("data");
        let file = data.join("progress.json");
        let (tx, rx) = mpsc::channel();
        let tx = Mutex::new(tx);
        let _watch = Watch::start(&file, move || {
            let _ = tx.lock().unwrap().send(());
        })
        .expect("a watch");
        std::fs::write(&file, "1").unwrap();
        rx.recv_timeout(PATIENCE).expect("a change to the file is seen");
        std::fs::remove_dir_all(&data).unwrap();
        drain(&rx);
        std::fs::create_dir_all(&data).unwrap();
        drain(&rx);
        std::fs::write(&file, "2").unwrap();
        rx.recv_timeout(PATIENCE).expect("a change in the new data dir is seen");
    }

    #[test]
    fn a_sync_tools_conflict_copy_is_a_change_and_other_files_are_not() {
        let home = tempfile::tempdir().unwrap();
        let file = home.path().join("progress.json");
        let (tx, rx) = mpsc::channel();
        let tx = Mutex::new(tx);
        let _watch = Watch::start(&file, move || {
            let _ = tx.lock().unwrap().send(());
        })
        .expect("a watch");
        std::fs::write(home.path().join("notes.txt"), "x").unwrap();
        assert!(rx.recv_timeout(Duration::from_millis(500)).is_err(), "not the progress");
        std::fs::write(home.path().join("progress.sync-conflict-20260202-101500-7XQK2PA.json"), "{}")
            .unwrap();
        rx.recv_timeout(PATIENCE).expect("a conflict copy is seen");
    }
}
