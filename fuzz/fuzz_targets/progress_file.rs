//! Any bytes as `progress.json`: reading never panics, whatever is kept is
//! written back whole, and a file that reads reads the same again after a
//! save.
#![no_main]

use libfuzzer_sys::fuzz_target;
use learnpath::progress::Progress;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("progress.json"), data).unwrap();
    // Reading only: never a panic, never a change on disk.
    if let Ok(progress) = Progress::open_to_read(dir.path()) {
        assert_eq!(std::fs::read(dir.path().join("progress.json")).unwrap(), data);
        let unread = progress.unread();
        // Opening to save, then saving: what was read is read again.
        if let Ok(mut writable) = Progress::open(dir.path())
            && !writable.is_read_only()
            && writable.save().is_ok()
        {
            let again = Progress::open_to_read(dir.path()).unwrap();
            assert_eq!(again.data(), writable.data());
            assert_eq!(again.unread(), unread);
        }
    }
});
