//! Merging two whole progress files on disk: what git's merge driver for
//! `progress.json` runs (`learnpath merge-file BASE OURS THEIRS`).
//!
//! The base is not needed: every entry carries its own time, so the newer
//! of ours and theirs is right whatever both sides started from.

use std::path::Path;

use anyhow::{Result, bail};

use super::{Unread, merge, store};

/// Merges the progress file `theirs` into `ours`, writing the result to
/// `ours`. A side that is not valid progress is an error and nothing is
/// written, so git reports a conflict instead of losing either side.
pub fn merge_files(ours: &Path, theirs: &Path) -> Result<()> {
    let (mut data, mut unread) = current(ours)?;
    let (other, other_unread) = current(theirs)?;
    merge::merge_into(&mut data, &other);
    unread.merge(&other_unread);
    unread.drop_replaced(&data);
    store::write(ours, &data, &unread).map(drop)
}

fn current(path: &Path) -> Result<(super::ProgressFile, Unread)> {
    match store::read(path)? {
        store::Read::Current(file, unread) => Ok((file, unread)),
        store::Read::Missing => Ok((super::ProgressFile::default(), Unread::default())),
        store::Read::Newer(format) => {
            bail!("{} has format {format}, newer than this learnpath; upgrade learnpath", path.display())
        }
        store::Read::Damaged(why) => bail!("{} is not valid progress ({why})", path.display()),
    }
}
