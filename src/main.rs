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

/// The three `f32` functions spaced review takes from the C maths
/// library, defined here so the binary needs none of it. Loading it cost
/// a start about 0.3 MB of memory before any review was shown: the
/// library picks each function's variant for the processor when the
/// program is loaded, and each pick reads pages of its code. The `libm`
/// crate is the same algorithms (musl's) in Rust.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod maths {
    #[unsafe(no_mangle)]
    extern "C" fn powf(x: f32, y: f32) -> f32 {
        libm::powf(x, y)
    }

    #[unsafe(no_mangle)]
    extern "C" fn expf(x: f32) -> f32 {
        libm::expf(x)
    }

    #[unsafe(no_mangle)]
    extern "C" fn expm1f(x: f32) -> f32 {
        libm::expm1f(x)
    }
}
