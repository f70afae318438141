//! Whole-process figures: start to first frame, peak resident memory and
//! CPU at rest, for the shipped path and the 10k path, measured on the
//! release binary in a pseudo-terminal. Then a table of every budget of
//! the performance issue against the medians `perf` just measured.

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
fn run_once(args: &[String], home: &Path, last_row: &str, idle: Duration) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_learnpath"));
    cmd.args(args);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("LEARNPATH_DATA_DIR", home.join("data"));
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

fn measure(name: &str, args: &[String], home: &Path, last_row: &str) {
    let mut runs: Vec<Run> = (0..RUNS)
        .map(|i| run_once(args, home, last_row, if i == 0 { Duration::from_secs(2) } else { Duration::ZERO }))
        .collect();
    let idle = runs[0].idle_ticks;
    runs.sort_by_key(|r| r.first_frame);
    let median = runs[RUNS / 2].first_frame;
    let rss = runs.iter().map(|r| r.peak_rss_kib).max().unwrap_or(0);
    println!(
        "startup/{name:<8} start to first frame: median {:>6.2} ms (min {:.2}, max {:.2}); peak RSS {:.1} MB; CPU over 2 s idle: {idle} ticks",
        median.as_secs_f64() * 1000.0,
        runs[0].first_frame.as_secs_f64() * 1000.0,
        runs[RUNS - 1].first_frame.as_secs_f64() * 1000.0,
        rss as f64 / 1024.0,
    );
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
    if !filter.is_empty() && !filter.iter().any(|f| "startup".contains(f.as_str())) {
        return;
    }
    let shipped_home = tempfile::tempdir().unwrap();
    measure("shipped", &[], shipped_home.path(), "0/61");

    let big_home = tempfile::tempdir().unwrap();
    let file = big_home.path().join("big.toml");
    let text = common::ten_k();
    std::fs::write(&file, &text).unwrap();
    let curriculum = Curriculum::parse(&text, "big.toml").unwrap();
    common::half_ticked(&curriculum, &big_home.path().join("data"));
    let args = vec!["--curriculum".to_string(), file.display().to_string()];
    measure("10k", &args, big_home.path(), "5000/10000");

    budget_table();
}
