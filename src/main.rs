//! learnpath's command line: parse, then hand over to `cmd`.

use std::process::ExitCode;

use learnpath::cli::Cli;

fn main() -> ExitCode {
    match learnpath::cmd::run(Cli::parse_with_real_dirs()) {
        Ok(code) => code,
        // `learnpath status | head -1`: the reader left; nothing is wrong.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        // Already said, with its position.
        Err(e) if e.is::<learnpath::cmd::Reported>() => ExitCode::from(1),
        Err(e) => {
            eprintln!("learnpath: {e:#}");
            ExitCode::from(1)
        }
    }
}
