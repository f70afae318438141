//! Whole-process figures: start to first frame, peak resident memory and
//! CPU at rest, for the shipped path and the 10k path, measured on the
//! release binary in a pseudo-terminal, each run alternating with the
//! floor (`examples/floor.rs`: a bare ratatui app reading the same TOML)
//! and reported as a ratio to it, beside its budget. The 10k path is
//! measured twice: its first open (learnpath's parsed-path cache emptied
//! before each run) and the opens after (the cache filled). Then a table of the
//! in-process budgets against the medians `perf` just measured.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use learnpath::curriculum::Curriculum;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const RUNS: usize = 15;

struct Run {
    first_frame: Duration,
    peak_rss_kib: u64,
    idle_ticks: u64,
}

/// Starts the binary at 120x40, waits for its first full frame, samples
/// memory and idle CPU, and quits it.
fn run_once(program: &Path, args: &[String], home: &Path, last_row: &str, idle: Duration) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 })
        .unwrap();
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("LEARNPATH_DATA_DIR", home.join("data"));
    cmd.env("LEARNPATH_CACHE_DIR", home.join("cache"));
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let (tx, rx) = mpsc::channel();
    let wanted = last_row.to_string();
    std::thread::spawn(move || {
        let mut screen = vt100::Parser::new(40.try_into().unwrap(), 120.try_into().unwrap(), 0);
        let mut buf = [0u8; 65536];
        let mut sent = false;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            screen.process(&buf[..n]);
            if !sent && screen.screen().contents().lines().nth(39).is_some_and(|l| l.contains(&wanted)) {
                let _ = tx.send(Instant::now());
                sent = true;
            }
        }
    });
    let shown = rx.recv_timeout(Duration::from_secs(30)).expect("the first frame appears");
    let pid = child.process_id().unwrap();
    // At rest means after start-up: what waits for the first frame (the
    // watcher and one look at the progress file) is
    // start-up work, done within a few milliseconds of it.
    if !idle.is_zero() {
        std::thread::sleep(Duration::from_millis(250));
    }
    let before = cpu_ticks(pid);
    std::thread::sleep(idle);
    let idle_ticks = cpu_ticks(pid) - before;
    let peak_rss_kib = peak_rss(pid);
    writer.write_all(b"q").unwrap();
    child.wait().unwrap();
    Run { first_frame: shown - start, peak_rss_kib, idle_ticks }
}

/// utime + stime of `pid`, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    fields.get(11).and_then(|u| u.parse::<u64>().ok()).unwrap_or(0)
        + fields.get(12).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0)
}

/// VmHWM (peak resident set) of `pid`, in KiB.
fn peak_rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The floor's release binary, built now.
fn floor() -> PathBuf {
    release(&["--example", "floor"]).join("examples").join(format!("floor{}", std::env::consts::EXE_SUFFIX))
}

/// learnpath's release binary, built now: what learners run (`cargo run
/// --release`, `cargo install`), laid out by `link/startup.order`.
fn learnpath_release() -> PathBuf {
    release(&["--bin", "learnpath"]).join(format!("learnpath{}", std::env::consts::EXE_SUFFIX))
}

/// Builds `what` with the release profile, as learners build it, and
/// returns the release folder.
fn release(what: &[&str]) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args(["build", "--quiet", "--release"])
        .args(what)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(status.success(), "{what:?} builds");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("release")
}

/// `cargo bench --bench startup -- order`: runs the release binary under
/// callgrind to its first frame on the shipped path, twice (the first
/// start and one after it), and writes the functions they ran, in the
/// order callgrind met them, to `link/startup.order`, which `build.rs`
/// hands to the linker. Run it after a change of Rust, of dependencies
/// (their names change) or of the start-up code, then this bench again to
/// see the layout pay.
fn write_order() {
    let binary = learnpath_release();
    let home = tempfile::tempdir().unwrap();
    // Two starts: the very first (no data yet) and one after it, as every
    // other start is (its state and progress files read and locked).
    let mut seen = std::collections::HashSet::new();
    let mut names = String::new();
    for run in ["first", "after"] {
        let text = callgrind_start(&binary, home.path(), run);
        let mut object = "";
        for line in text.lines() {
            if let Some(o) = line.strip_prefix("ob=") {
                object = o;
            } else if let Some(f) = line.strip_prefix("fn=")
                && object == binary.display().to_string()
                // A symbol name the linker can be given: callgrind also names
                // code it has no symbol for.
                && f.bytes().all(|b| b.is_ascii_alphanumeric() || b"_$.".contains(&b))
                && seen.insert(f.to_string())
            {
                names.push_str(f);
                names.push('\n');
            }
        }
    }
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("link/startup.order");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, &names).unwrap();
    println!("wrote {} functions to {}; build again for them to take effect", seen.len(), file.display());
}

/// One start of `binary` in `home` under callgrind, to its first frame
/// and some seconds at rest; callgrind's profile.
fn callgrind_start(binary: &Path, home: &Path, run: &str) -> String {
    let out = home.join(format!("callgrind.{run}.out"));
    let args: Vec<String> = [
        "--tool=callgrind",
        "--demangle=no",
        "--compress-strings=no",
        "--compress-pos=no",
        &format!("--callgrind-out-file={}", out.display()),
        &binary.display().to_string(),
    ]
    .map(String::from)
    .to_vec();
    // The pseudo-terminal's child starts with an empty environment: find
    // valgrind on this one's PATH.
    let valgrind = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join("valgrind"))
        .find(|p| p.is_file())
        .expect("valgrind is installed (it records which functions a start runs)");
    // Some seconds at rest too: what starts after the first frame (the
    // watcher, the signal listener) is part of every start.
    run_once(&valgrind, &args, home, "0/61", Duration::from_secs(3));
    std::fs::read_to_string(&out).expect("valgrind wrote its profile (is valgrind installed?)")
}

/// One side's figures over its runs: the median first frame, its spread,
/// the peak RSS and the idle CPU of the first run (which waits 2 s).
struct Figures {
    median: Duration,
    min: Duration,
    max: Duration,
    rss_kib: u64,
    idle: u64,
}

fn figures(mut runs: Vec<Run>) -> Figures {
    let idle = runs[0].idle_ticks;
    runs.sort_by_key(|r| r.first_frame);
    Figures {
        median: runs[runs.len() / 2].first_frame,
        min: runs[0].first_frame,
        max: runs[runs.len() - 1].first_frame,
        rss_kib: runs.iter().map(|r| r.peak_rss_kib).max().unwrap_or(0),
        idle,
    }
}

/// Whether learnpath's parsed-path cache is emptied before each run (a
/// path's first open) or filled by one run first (every open after).
#[derive(Clone, Copy, PartialEq)]
enum Cache {
    Cold,
    Warm,
}

/// learnpath against the floor, `RUNS` alternating pairs; prints both and
/// the ratios beside their budgets (`frame` and `rss`, as multiples).
fn measure(
    name: &str,
    learnpath: (&[String], &str),
    floor: (&Path, &[String], &str),
    home: &Path,
    cache: Cache,
    budgets: (f64, f64),
) {
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    // Another build may stand in, to measure before and after a change.
    let own = std::env::var_os("LEARNPATH_BENCH_BIN").map_or_else(learnpath_release, PathBuf::from);
    let own = own.as_path();
    if cache == Cache::Warm {
        run_once(own, learnpath.0, home, learnpath.1, Duration::ZERO);
    }
    for i in 0..RUNS {
        let idle = if i == 0 { Duration::from_secs(2) } else { Duration::ZERO };
        if cache == Cache::Cold {
            let _ = std::fs::remove_dir_all(home.join("cache"));
        }
        ours.push(run_once(own, learnpath.0, home, learnpath.1, idle));
        theirs.push(run_once(floor.0, floor.1, home, floor.2, Duration::ZERO));
    }
    let (ours, theirs) = (figures(ours), figures(theirs));
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for (who, f) in [("learnpath", &ours), ("floor", &theirs)] {
        println!(
            "startup/{name:<9} {who:<9} first frame: median {:>6.2} ms (min {:.2}, max {:.2}); peak RSS {:.1} MB",
            ms(f.median),
            ms(f.min),
            ms(f.max),
            f.rss_kib as f64 / 1024.0,
        );
    }
    let frame = ms(ours.median) / ms(theirs.median);
    let rss = ours.rss_kib as f64 / theirs.rss_kib.max(1) as f64;
    let verdict = |ratio: f64, budget: f64| if ratio <= budget { "within" } else { "OVER" };
    println!(
        "startup/{name:<9} first frame {frame:.2}x the floor (budget {:.1}x): {}",
        budgets.0,
        verdict(frame, budgets.0)
    );
    println!(
        "startup/{name:<9} peak RSS    {rss:.2}x the floor (budget {:.1}x): {}",
        budgets.1,
        verdict(rss, budgets.1)
    );
    println!("startup/{name:<9} CPU over 2 s idle: {} ticks (budget 0)", ours.idle);
}

/// The medians criterion recorded, by benchmark id.
fn criterion_medians() -> Vec<(String, f64)> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let mut out = Vec::new();
    let mut stack = vec![target.join("criterion")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && path.file_name().is_some_and(|n| n != "base" && n != "change") {
                stack.push(path);
            } else if path.ends_with("new/estimates.json") {
                let bench: serde_json::Value = std::fs::read_to_string(path.with_file_name("benchmark.json"))
                    .ok()
                    .and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or_default();
                let est: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
                        .unwrap_or_default();
                if let (Some(id), Some(ns)) =
                    (bench["full_id"].as_str(), est["median"]["point_estimate"].as_f64())
                {
                    out.push((id.to_string(), ns / 1e6));
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn budget_table() {
    let medians = criterion_medians();
    if medians.is_empty() {
        println!("(run `cargo bench` in full for the budget table)");
        return;
    }
    let get = |id: &str| medians.iter().find(|(k, _)| k == id).map(|(_, v)| *v);
    let rows: [(&str, f64); 10] = [
        ("load+validate/shipped", 2.0),
        ("load+validate/10k", 40.0),
        ("first-frame-120x40/shipped", 1.0),
        ("first-frame-120x40/10k", 2.0),
        ("keystroke-topics-down/shipped", 0.3),
        ("keystroke-topics-down/10k", 0.3),
        ("tick+save/10k/tmpfs", 5.0),
        ("tick+save/10k/disk", f64::NAN),
        ("progress-load/10k", f64::NAN),
        ("search-keystroke/10k", 2.0),
    ];
    println!("\n{:<32} {:>12} {:>10}  verdict", "benchmark (median)", "measured", "budget");
    for (id, budget) in rows {
        let Some(ms) = get(id) else { continue };
        let (b, verdict) = if budget.is_nan() {
            ("-".to_string(), "")
        } else {
            (format!("{budget} ms"), if ms <= budget { "within" } else { "OVER" })
        };
        println!("{id:<32} {:>9.3} ms {b:>10}  {verdict}", ms);
    }
    if let (Some(big), Some(small)) = (get("keystroke-topics-down/10k"), get("keystroke-topics-down/shipped"))
    {
        let ratio = big / small;
        let verdict = if ratio <= 1.5 { "within" } else { "OVER" };
        println!("{:<32} {:>11.2}x {:>10}  {verdict}", "keystroke 10k / shipped", ratio, "1.5x");
    }
}

fn main() {
    // `cargo bench -- <filter>` passes arguments; only run when unfiltered
    // or asked for by name.
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    if filter.iter().any(|f| f == "order") {
        return write_order();
    }
    if !filter.is_empty() && !filter.iter().any(|f| "startup".contains(f.as_str())) {
        return;
    }
    let floor = floor();
    let shipped_home = tempfile::tempdir().unwrap();
    let shipped = vec![
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content").join("backend.toml").display().to_string(),
    ];
    measure(
        "shipped",
        (&[], "0/61"),
        (&floor, &shipped, "61 topics"),
        shipped_home.path(),
        Cache::Cold,
        (1.2, 1.5),
    );

    let big_home = tempfile::tempdir().unwrap();
    let file = big_home.path().join("big.toml");
    let text = common::ten_k();
    std::fs::write(&file, &text).unwrap();
    let curriculum = Curriculum::parse(&text, "big.toml").unwrap();
    common::half_ticked(&curriculum, &big_home.path().join("data"));
    let args = vec!["--curriculum".to_string(), file.display().to_string()];
    let floor_args = vec![file.display().to_string()];
    let topics = format!("{} topics", curriculum.topic_count());
    let (ours, theirs) =
        ((args.as_slice(), "5000/10000"), (floor.as_path(), floor_args.as_slice(), topics.as_str()));
    measure("10k-cold", ours, theirs, big_home.path(), Cache::Cold, (1.5, 1.0));
    measure("10k-warm", ours, theirs, big_home.path(), Cache::Warm, (1.0, 1.0));

    budget_table();
}
