//! Reading only regular files.
//!
//! Every file learnpath reads (curricula, the config, notes, the progress
//! and state files) may be something else by accident or on purpose: a
//! FIFO blocks a plain `open` until a writer comes, which would hang the
//! TUI beyond the reach of q and SIGTERM; a directory or a device is no
//! better. So each is checked first, and opened without blocking so a
//! FIFO swapped in after the check cannot hang us either.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The error for a path that is not a regular file.
fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "is not a regular file")
}

/// Opens `path` for reading if it is a regular file (following links).
pub fn open(path: &Path) -> io::Result<File> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

/// Reads the regular file at `path`, at most `limit` bytes and one more
/// (so the caller can tell a file that is too long).
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open(path)?.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads the regular file at `path`.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads the regular file at `path` as UTF-8 text.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read(path)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path()).unwrap_err();
        assert_eq!(err.to_string(), "is not a regular file");
    }
}
