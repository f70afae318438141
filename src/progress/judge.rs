//! Progress from outside the store: the versions of `progress.json` that
//! git holds. `sync` judges each one with the store's own reader before it
//! commits it or takes it in, so a file this build cannot read never
//! travels from one machine to another.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::store::{self, Read};
use super::{FILE_NAME, Lock, ProgressFile, Unread, merge};

/// The largest progress file learnpath reads, here or from a remote: far
/// beyond a 100,000-topic path with every topic reviewed, and small enough
/// that a hostile remote cannot make a machine read gigabytes.
pub const MAX_FILE_BYTES: u64 = 128 << 20;

/// `bytes` read as the store reads a file: the progress and the entries it
/// could not read, or why it cannot be read at all.
pub fn readable(bytes: &[u8]) -> std::result::Result<(ProgressFile, Unread), String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("it is over {} MiB", MAX_FILE_BYTES >> 20));
    }
    match store::parse(bytes) {
        Read::Current(file, unread) => Ok((file, unread)),
        Read::Newer(format) => Err(format!(
            "it has format {format}, from a newer learnpath than this one (format {})",
            super::FORMAT
        )),
        Read::Damaged(why) => Err(why),
        Read::Missing => Ok(Default::default()),
    }
}

/// The merge of readable versions, as the bytes the store would write.
pub fn merged(versions: &[&[u8]]) -> Result<Vec<u8>> {
    let (mut data, mut unread) = (ProgressFile::default(), Unread::default());
    for bytes in versions {
        let (file, other) = readable(bytes).map_err(anyhow::Error::msg)?;
        merge::merge_into(&mut data, &file);
        unread.merge(&other);
    }
    unread.drop_replaced(&data);
    store::encode(&data, &unread)
}

/// What `DIR/progress.json` holds, as `sync` sees it before committing.
#[derive(Debug, PartialEq, Eq)]
pub enum Local {
    /// A file this build reads (some entries may be kept unread).
    Readable,
    /// No file.
    Missing,
    /// A file from a newer learnpath, with its format.
    Newer(u64),
    /// Not progress at all, and why.
    Damaged(String),
}

/// Judges `DIR/progress.json`; the caller holds the lock.
pub fn local(dir: &Path, _lock: &Lock) -> Result<Local> {
    Ok(match store::read(&dir.join(FILE_NAME))? {
        Read::Current(..) => Local::Readable,
        Read::Missing => Local::Missing,
        Read::Newer(format) => Local::Newer(format),
        Read::Damaged(why) => Local::Damaged(why),
    })
}

/// Puts `good` (the last readable version git holds) in place of a damaged
/// or missing `DIR/progress.json`, under the lock. A damaged file is first
/// kept aside byte for byte; returns where it went.
pub fn put_back(dir: &Path, good: &[u8], _lock: &Lock) -> Result<Option<PathBuf>> {
    let path = dir.join(FILE_NAME);
    let (data, unread) = readable(good).map_err(anyhow::Error::msg)?;
    let aside = match store::read(&path)? {
        Read::Current(..) | Read::Newer(_) => bail!("{} is readable; nothing to put back", path.display()),
        Read::Missing => None,
        Read::Damaged(_) => Some(store::keep_aside(&path)?),
    };
    store::write(&path, &data, &unread).with_context(|| format!("cannot put back {}", path.display()))?;
    Ok(aside)
}

/// Merges `committed` (a version git holds) into `DIR/progress.json`,
/// under the lock; returns whether the file lacked any of it. Entries are
/// never deleted, only superseded by newer ones, so this restores what a
/// file replaced or started afresh (after a damaged one was kept aside)
/// lost, and can never bring back a change that was undone.
pub fn take_in(dir: &Path, committed: &[u8], _lock: &Lock) -> Result<bool> {
    let path = dir.join(FILE_NAME);
    let Read::Current(mut data, mut unread) = store::read(&path)? else { return Ok(false) };
    let (other, other_unread) = readable(committed).map_err(anyhow::Error::msg)?;
    let changed = merge::merge_into(&mut data, &other) | unread.merge(&other_unread);
    if changed {
        unread.drop_replaced(&data);
        store::write(&path, &data, &unread)?;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_a_newer_format_and_a_huge_file_are_not_readable_and_a_good_one_is() {
        assert!(readable(b"{\"format\":1, broken").is_err());
        assert!(readable(b"{\"format\":99}").unwrap_err().contains("newer learnpath"));
        assert!(readable(b"[1]").is_err());
        assert!(readable(b"{\"format\":1,\"curricula\":{}}").is_ok());
        let huge = vec![b' '; MAX_FILE_BYTES as usize + 1];
        assert!(readable(&huge).unwrap_err().contains("MiB"));
    }
}
