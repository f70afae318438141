//! Parsed curricula kept between runs, so reopening an unchanged file skips
//! the TOML parser: on a large path most of a start.
//!
//! An entry is named by a hash of the curriculum file's bytes, never by
//! its size or time (a file rewritten within one clock tick keeps both),
//! and holds that hash again, the build's [`LAYOUT`], and a hash of its
//! own payload. Anything that does not match all of them (a truncated
//! write, another build's entry, another file's entry copied over, a
//! flipped bit) is ignored and written again from a fresh parse. Only
//! regular files are read, without following links, and without blocking
//! on a FIFO; entries are written to a temp file and renamed into place,
//! readable by their owner only. A curriculum that fails validation is
//! never written. Nothing here is an error for the learner: a cache that
//! cannot be read or written only means a slower start.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::Curriculum;
use super::frozen::{self, LAYOUT};

/// What the entries may take in all; the oldest go first beyond it.
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"lpcache1";

/// Magic, layout, source length, source hash (two words), payload hash.
const HEADER: usize = 8 + 8 + 8 + 16 + 8;

/// Where entries live under the cache dir.
pub fn entries(cache_dir: &Path) -> PathBuf {
    cache_dir.join("curricula")
}

/// The curriculum parsed from `source` before, if the cache holds it
/// intact.
pub fn get(cache_dir: &Path, source: &[u8]) -> Option<Curriculum> {
    let key = digest(source);
    let entry = read_entry(&entries(cache_dir).join(name(key)))?;
    let payload = entry.get(HEADER..)?;
    let word = |i: usize| u64::from_le_bytes(entry[i..i + 8].try_into().expect("eight bytes"));
    let intact = &entry[..8] == MAGIC
        && word(8) == LAYOUT
        && word(16) == source.len() as u64
        && [word(24), word(32)] == key
        && word(40) == digest(payload)[0];
    if !intact {
        return None;
    }
    frozen::thaw(payload)
}

/// Keeps `curriculum`, parsed and validated from `source`, for next time.
/// Returns whether it was written.
pub fn put(cache_dir: &Path, source: &[u8], curriculum: &Curriculum) -> bool {
    let payload = frozen::freeze(curriculum);
    if (HEADER + payload.len()) as u64 > MAX_TOTAL_BYTES {
        return false;
    }
    let key = digest(source);
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    for word in [LAYOUT, source.len() as u64, key[0], key[1], digest(&payload)[0]] {
        header.extend_from_slice(&word.to_le_bytes());
    }
    let dir = entries(cache_dir);
    let written = write_entry(&dir, &name(key), &header, &payload).is_ok();
    if written {
        prune(&dir, &name(key), MAX_TOTAL_BYTES);
    }
    written
}

/// XXH3's 128 bits over `bytes`, so another file's entry is never taken
/// for this one's. (Not a defence against someone forging entries: they
/// would need to write to the cache dir, where they could as well edit
/// the curriculum.)
fn digest(bytes: &[u8]) -> [u64; 2] {
    let h = xxhash_rust::xxh3::xxh3_128(bytes);
    [h as u64, (h >> 64) as u64]
}

fn name(key: [u64; 2]) -> String {
    format!("{:016x}{:016x}", key[0], key[1])
}

/// Whether `file_name` is an entry's (so pruning never touches anything
/// else someone keeps in the folder).
fn is_entry(file_name: &str) -> bool {
    file_name.len() == 32 && file_name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The bytes of `path` if it is a regular file, not a link, and not larger
/// than the cache may hold.
fn read_entry(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() || meta.len() > MAX_TOTAL_BYTES {
        return None;
    }
    let mut options = std::fs::File::options();
    options.read(true);
    // A link or a FIFO swapped in after the look above is refused, or
    // opened without waiting for a writer, and then refused.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let file = options.open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_TOTAL_BYTES).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Writes `header` and `payload` to a temp file in `dir` and renames it to
/// `name`, which replaces whatever was there (a link is replaced, not
/// written through).
fn write_entry(dir: &Path, name: &str, header: &[u8], payload: &[u8]) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.{}", std::process::id(), nanos.subsec_nanos()));
    let mut options = std::fs::File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temp).and_then(|mut file| {
        file.write_all(header)?;
        file.write_all(payload)
    });
    let renamed = written.and_then(|()| std::fs::rename(&temp, dir.join(name)));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    renamed
}

/// Removes the oldest entries until all fit in `cap` bytes, keeping `keep`
/// (the one just written).
fn prune(dir: &Path, keep: &str, cap: u64) {
    let Ok(listing) = std::fs::read_dir(dir) else { return };
    let mut found: Vec<(std::time::SystemTime, u64, PathBuf)> = listing
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(|n| is_entry(n) && n != keep))
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(std::fs::Metadata::is_file)?;
            Some((meta.modified().ok()?, meta.len(), e.path()))
        })
        .collect();
    let kept = std::fs::metadata(dir.join(keep)).map_or(0, |m| m.len());
    let mut total = kept + found.iter().map(|(_, len, _)| len).sum::<u64>();
    found.sort();
    for (_, len, path) in found {
        if total <= cap {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total -= len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_entries_and_nothing_else_is() {
        assert!(is_entry(&name(digest(b"format = 1"))));
        assert!(!is_entry("notes.txt"));
        assert!(!is_entry(&format!(".{}.1.2", name([1, 2]))));
    }

    #[test]
    fn pruning_removes_the_oldest_entries_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let names: Vec<String> = (0..4u64).map(|i| name([i, i])).collect();
        for (i, n) in names.iter().enumerate() {
            let file = std::fs::File::create(dir.path().join(n)).unwrap();
            file.set_len(100).unwrap();
            file.set_modified(old + std::time::Duration::from_secs(i as u64)).unwrap();
        }
        std::fs::write(dir.path().join("keep-me.txt"), [0u8; 500]).unwrap();
        // The newest (index 3) was just written; 250 bytes leave room for
        // it and one more, the newest of the rest.
        prune(dir.path(), &names[3], 250);
        let left: Vec<bool> = names.iter().map(|n| dir.path().join(n).exists()).collect();
        assert_eq!(left, [false, false, true, true]);
        assert!(dir.path().join("keep-me.txt").exists(), "not an entry: left alone");
    }

    #[test]
    fn the_digest_depends_on_every_byte() {
        assert_ne!(digest(b"abc"), digest(b"abd"));
        assert_ne!(digest(b"abc")[0], digest(b"abc")[1]);
    }
}
