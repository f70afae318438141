//! Replacing a file so that a crash leaves the old or the new one, never a
//! mix, on every system.
//!
//! The bytes go to a temp file beside the target, `.<name>.XXXXXX`, which
//! is synced and then renamed over the target. On Unix the temp file is
//! anonymous until the rename (`O_TMPFILE`) and the directory is synced
//! after it. On Windows a plain rename fails while another program has the
//! target open (a second learnpath reading it, a sync tool, an indexer)
//! unless the file system offers POSIX rename semantics; there the target
//! is swapped with `ReplaceFileW`, which works in that case, and a rename
//! still refused is retried for a moment, as antivirus scanners hold new
//! files briefly.

use std::io;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a synced temp file and a rename. A
/// symbolic link is written through: its target is replaced (in the
/// target's directory) and the link stays a link. An existing file keeps
/// its permissions; a new one is readable by its owner only.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    imp::write(&resolve(path)?, bytes)
}

/// The file `path` stands for: `path` itself, or what it links to,
/// through any chain of symbolic links (the last one may not exist yet).
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many links as Linux follows before ELOOP.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!("{}: too many levels of symbolic links", path.display())))
}

/// Moves `from` over `to`, replacing it even where `to` is open elsewhere.
pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
    imp::replace(from, to)
}

#[cfg(unix)]
mod imp {
    use std::io::{self, Write};
    use std::path::Path;

    pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut options = atomic_write_file::OpenOptions::new();
        // The mode of a new file; an existing one's is copied over it.
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path)?;
        file.write_all(bytes)?;
        file.commit()
    }

    pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
}

#[cfg(windows)]
mod imp {
    use std::fs::{self, File};
    use std::io::{self, Write};
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    /// How often a refused replace is tried, and the pause between tries:
    /// half a second in all, then the error is reported.
    const TRIES: u32 = 20;
    const PAUSE: Duration = Duration::from_millis(25);

    pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let (temp, mut file) = create_temp(path)?;
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        drop(file);
        let result = written.and_then(|()| replace(&temp, path));
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }

    /// A new file `.<name>.XXXXXX` beside `path`: the name pattern the
    /// progress store cleans up after a crash.
    fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
        let name = path.file_name().ok_or(io::ErrorKind::InvalidInput)?.to_string_lossy();
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
            ^ u64::from(std::process::id()).rotate_left(32);
        for attempt in 0..1000u64 {
            let temp = path.with_file_name(format!(".{name}.{}", suffix(seed.wrapping_add(attempt))));
            match File::options().write(true).create_new(true).open(&temp) {
                Ok(file) => return Ok((temp, file)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free temp file name"))
    }

    /// Six letters and digits from `n` (a mixed value, not a secret).
    fn suffix(mut n: u64) -> String {
        const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        n = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (0..6).map(|i| ALPHABET[((n >> (i * 10)) % ALPHABET.len() as u64) as usize] as char).collect()
    }

    pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
        let mut tries = 0;
        loop {
            let refused = match fs::rename(from, to) {
                Ok(()) => return Ok(()),
                Err(e) if busy(&e) => e,
                Err(e) => return Err(e),
            };
            if swap(from, to).is_ok() {
                return Ok(());
            }
            tries += 1;
            if tries == TRIES {
                return Err(refused);
            }
            std::thread::sleep(PAUSE);
        }
    }

    /// Access denied, a sharing or a lock violation: another program has
    /// the file open.
    fn busy(e: &io::Error) -> bool {
        e.kind() == io::ErrorKind::PermissionDenied || matches!(e.raw_os_error(), Some(32 | 33))
    }

    fn swap(from: &Path, to: &Path) -> io::Result<()> {
        use std::os::windows::ffi::OsStrExt;
        use windows_sys::Win32::Storage::FileSystem::{REPLACEFILE_IGNORE_MERGE_ERRORS, ReplaceFileW};
        let wide = |p: &Path| p.as_os_str().encode_wide().chain(Some(0)).collect::<Vec<u16>>();
        let (from, to) = (wide(from), wide(to));
        // SAFETY: both names are NUL-terminated UTF-16 that outlive the
        // call; the optional arguments are null, as the API allows.
        let ok = unsafe {
            ReplaceFileW(
                to.as_ptr(),
                from.as_ptr(),
                std::ptr::null(),
                REPLACEFILE_IGNORE_MERGE_ERRORS,
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        if ok == 0 { Err(io::Error::last_os_error()) } else { Ok(()) }
    }
}
