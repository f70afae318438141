//! `learnpath validate FILE...`: a summary line per valid file, errors for
//! the others.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::curriculum::Curriculum;

/// Checks `files`; exit 1 if any is invalid.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        match Curriculum::load(file) {
            Ok(c) => println!("{}: ok: {}", file.display(), c.summary_line()),
            Err(e) => {
                ok = false;
                eprintln!("{e}");
            }
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
