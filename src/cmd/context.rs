//! What every command starts from, built once: the dirs, the config, the
//! clock, and for those that need them the curriculum and the progress.

use std::path::PathBuf;

use anyhow::{Result, bail};
use jiff::Timestamp;

use super::Reported;
use crate::cli::Cli;
use crate::config::{self, Config, Source};
use crate::curriculum::Curriculum;
use crate::progress::Progress;

/// The dirs, the config and the clock.
pub struct Context {
    /// Where config.toml and curricula/ live.
    pub config_dir: PathBuf,
    /// config.toml.
    pub config: Config,
    /// Where progress and notes live.
    pub data_dir: PathBuf,
    /// Where parsed paths are kept, if anywhere.
    pub cache_dir: Option<PathBuf>,
    /// `LEARNPATH_NOW`, if set.
    pub fixed_now: Option<Timestamp>,
    /// `state.json`, read once when first asked for.
    remembered: std::cell::OnceCell<crate::resume::Remembered>,
}

/// The curriculum to work on and its progress.
pub struct Opened {
    /// Where the curriculum came from.
    pub source: Source,
    /// The curriculum.
    pub curriculum: Curriculum,
    /// Its progress.
    pub progress: Progress,
    /// Why the curriculum opened last time could not be opened, when the
    /// shipped path stands in for it: the TUI shows it on screen.
    pub problem: Option<String>,
}

/// How a command uses the progress file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// It only prints: nothing is created, cleaned, renamed or written.
    Read,
    /// It records changes (`mark`, `reset`, the TUI).
    Write,
}

impl Context {
    /// What `state.json` in the data dir remembers, read once.
    pub fn remembered(&self) -> &crate::resume::Remembered {
        self.remembered.get_or_init(|| crate::resume::Remembered::read(&self.data_dir))
    }

    /// Works on `dir` instead of the data dir (`--demo`'s copy).
    pub fn use_data_dir(&mut self, dir: PathBuf) {
        self.data_dir = dir;
        self.remembered = std::cell::OnceCell::new();
    }

    /// Reads the clock override, the dirs and the config. A bad config is
    /// said with its position, and the command ends.
    pub fn load(cli: &Cli) -> Result<Context> {
        // Read once, so a bad value is the same error everywhere.
        let fixed_now = fixed_time()?;
        let config_dir = config::config_dir(cli.config_dir().as_deref())?;
        let config = match Config::load(&config_dir) {
            Ok(config) => config,
            Err(e) => {
                eprintln!("{e}");
                return Err(Reported.into());
            }
        };
        let data_dir = config::data_dir(cli.data_dir().as_deref())?;
        let cache_dir = config::cache_dir(cli.cache_dir().as_deref());
        Ok(Context {
            config_dir,
            config,
            data_dir,
            cache_dir,
            fixed_now,
            remembered: std::cell::OnceCell::new(),
        })
    }

    /// Now, or the fixed time.
    pub fn now(&self) -> Timestamp {
        self.fixed_now.unwrap_or_else(Timestamp::now)
    }

    /// Where `add` and `update` keep the paths they fetch.
    pub fn shelves(&self) -> crate::shared::Shelves {
        crate::shared::Shelves {
            curricula: self.config_dir.join("curricula"),
            cache_dir: self.cache_dir.clone(),
        }
    }

    /// Every curriculum there is: the shipped one and the config dir's.
    pub fn sources(&self) -> Vec<Source> {
        config::sources(&self.config_dir)
    }

    /// Opens the curriculum (`--curriculum`, else the one last picked,
    /// else the config's, else the shipped one) and its progress. A
    /// command is told of anything wrong with the progress file; the TUI
    /// says it on screen.
    pub fn open(&self, cli: &Cli, access: Access) -> Result<Opened> {
        let (mut source, remembered) = self.choose_source(cli);
        let mut problem = None;
        let curriculum = match config::load(&source, self.cache_dir.as_deref()) {
            Ok(c) => c,
            // A path picked last time that no longer loads is no reason to
            // refuse to start: say why and open the shipped path. A
            // command says it now; the TUI on screen, where it is seen.
            Err(e) if remembered => {
                // One line: the status line has no line breaks.
                let why = format!(
                    "{} · the curriculum opened last time has errors, so the shipped path is open; fix the file, or press c to pick another",
                    e.to_string().trim_end().replace('\n', " · ")
                );
                if cli.command.is_some() {
                    eprintln!("{e}");
                    eprintln!(
                        "learnpath: the curriculum opened last time has errors; opening the shipped path"
                    );
                }
                problem = Some(why);
                source = Source::Shipped;
                Curriculum::shipped()
            }
            Err(e) => {
                eprintln!("{e}");
                return Err(Reported.into());
            }
        };
        let mut progress = match access {
            Access::Write => Progress::open(&self.data_dir)?,
            Access::Read => Progress::open_to_read(&self.data_dir)?,
        };
        if access == Access::Write {
            progress.set_device(self.remembered().device());
        }
        if cli.command.is_some() {
            if let Some(notice) = &progress.notice {
                eprintln!("learnpath: {notice}");
            }
            // The TUI's `App::new` carries aliases itself.
            progress.carry_aliases(&curriculum);
        }
        Ok(Opened { source, curriculum, progress, problem })
    }

    /// `--curriculum`, else the one last opened, else the config's
    /// default, else the shipped path; and whether it is the one
    /// remembered.
    fn choose_source(&self, cli: &Cli) -> (Source, bool) {
        if let Some(file) = &cli.curriculum {
            return (Source::File(file.clone()), false);
        }
        if let Some(last) = self.remembered().last_used()
            && (last == Source::Shipped || matches!(&last, Source::File(p) if p.is_file()))
        {
            return (last, true);
        }
        let source = match &self.config.curriculum {
            Some(path) => {
                Source::File(if path.is_absolute() { path.clone() } else { self.config_dir.join(path) })
            }
            None => Source::Shipped,
        };
        (source, false)
    }
}

/// The fixed time in `LEARNPATH_NOW` (RFC 3339), if set, so tests can fix
/// the clock. Logic never reads the clock itself; it is given this or the
/// real time.
fn fixed_time() -> Result<Option<Timestamp>> {
    clock_override(std::env::var_os("LEARNPATH_NOW"), cfg!(debug_assertions))
}

/// `LEARNPATH_NOW`'s time. Only a test build reads it: in the learner's
/// build a faked clock would stamp real progress with a fake date, so it
/// refuses to start and names `--demo`, which fakes the clock on a copy.
fn clock_override(value: Option<std::ffi::OsString>, test_build: bool) -> Result<Option<Timestamp>> {
    let Some(value) = value else { return Ok(None) };
    if !test_build {
        bail!(
            "LEARNPATH_NOW is set, but only test builds read it: a faked clock would stamp your real progress with a fake date.\n\
             To see review in action, run `learnpath --demo --days 30` (a copy of your data, nothing written back); otherwise unset LEARNPATH_NOW"
        );
    }
    let text = value.to_string_lossy();
    match text.parse() {
        Ok(at) => Ok(Some(at)),
        Err(e) => bail!(
            "LEARNPATH_NOW is `{text}`, not a time ({e}); write it like 2026-03-01T12:00:00Z, or unset it"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_learners_build_refuses_a_faked_clock_and_names_the_demo() {
        let at = Some(std::ffi::OsString::from("2026-03-01T12:00:00Z"));
        let err = clock_override(at.clone(), false).unwrap_err().to_string();
        assert!(err.contains("--demo") && err.contains("unset LEARNPATH_NOW"), "{err}");
        assert_eq!(clock_override(at, true).unwrap(), Some("2026-03-01T12:00:00Z".parse().unwrap()));
        assert_eq!(clock_override(None, false).unwrap(), None);
    }
}
