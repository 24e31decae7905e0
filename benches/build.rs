//! `cargo bench --bench build`: how fast `socnav build` turns a synthetic catalogue into a site.
//!
//! For each size N (default 1000, 10000, 100000; override with
//! `SOCNAV_BENCH_SIZES=1000,10000`), generate N services, N/10 providers and N/100
//! standards with `socnav::synth` under target/bench-sites/ (or `SOCNAV_BENCH_DIR`, e.g.
//! /dev/shm to take the disk out of the figures), not timed. Then run the release binary
//! `socnav build --root <site> --output <site>/public-runK` as a child process: 3 runs
//! (1 at 100,000 and above), each into a fresh output folder, so that no run pays for
//! deleting the previous one (on ext4 without a journal, creating files right after
//! deleting many is several times slower). One `socnav check` run gives the share of
//! load + validate. Prints N, pages written (.html files), median wall time, pages per
//! second and the child's peak RSS (via `/usr/bin/time -f %M`), beside the targets.
//! Generated folders are deleted afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TIME: &str = "/usr/bin/time";

struct Row {
    services: usize,
    providers: usize,
    pages: usize,
    html_bytes: u64,
    runs: Vec<Duration>,
    rss_kb: Option<u64>,
    gen: Duration,
    check: Duration,
    summary: String,
}

fn main() {
    let sizes: Vec<usize> = match std::env::var("SOCNAV_BENCH_SIZES") {
        Ok(s) if !s.trim().is_empty() => s
            .split(',')
            .map(|x| {
                x.trim()
                    .replace('_', "")
                    .parse()
                    .expect("SOCNAV_BENCH_SIZES: numbers separated by commas")
            })
            .collect(),
        _ => vec![1_000, 10_000, 100_000],
    };
    let bin = binary();
    let work = match std::env::var("SOCNAV_BENCH_DIR") {
        Ok(d) if !d.is_empty() => PathBuf::from(d).join("socnav-bench-sites"),
        _ => bin
            .parent()
            .and_then(Path::parent)
            .map(|t| t.join("bench-sites"))
            .unwrap_or_else(|| PathBuf::from("target/bench-sites")),
    };
    let have_time = Path::new(TIME).exists();

    print_machine(&bin, &work);
    if !have_time {
        println!("note: {TIME} is missing, so peak RSS is reported as n/a");
    }
    println!();

    let mut rows = Vec::new();
    for &n in &sizes {
        match run_size(&bin, &work, n, have_time) {
            Ok(row) => {
                eprintln!("  {}", row.summary);
                rows.push(row);
            }
            Err(e) => {
                eprintln!("N = {n}: {e}");
                let _ = std::fs::remove_dir_all(work.join(format!("n{n}")));
            }
        }
    }
    let _ = std::fs::remove_dir(&work);

    println!();
    println!(
        "| services | providers | pages (.html) | HTML size | runs | median wall | min..max | pages/s | peak RSS | check (load+validate) | target | verdict |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---|");
    for r in &rows {
        let mut sorted = r.runs.clone();
        sorted.sort();
        let median = sorted[sorted.len() / 2];
        let secs = median.as_secs_f64();
        let rss = r
            .rss_kb
            .map(|kb| format!("{:.0} MiB", kb as f64 / 1024.0))
            .unwrap_or_else(|| "n/a".into());
        let (target, verdict) = target_for(r.services, secs, r.rss_kb);
        println!(
            "| {} | {} | {} | {:.0} MiB | {} | {:.2} s | {:.2}..{:.2} s | {:.0} | {} | {:.2} s | {} | {} |",
            r.services,
            r.providers,
            r.pages,
            r.html_bytes as f64 / 1_048_576.0,
            r.runs.len(),
            secs,
            sorted[0].as_secs_f64(),
            sorted[sorted.len() - 1].as_secs_f64(),
            r.pages as f64 / secs,
            rss,
            r.check.as_secs_f64(),
            target,
            verdict
        );
    }
    println!();
    for r in &rows {
        println!(
            "N = {}: catalogue generated in {:.1} s (not timed); last build said: {}",
            r.services,
            r.gen.as_secs_f64(),
            r.summary
        );
    }
    println!();
    println!("Targets: 10,000 services + 1,000 providers < 2 s; 100,000 services < 20 s and < 2 GiB peak RSS.");
}

/// The target that applies to a size, and whether the figure meets it.
fn target_for(services: usize, secs: f64, rss_kb: Option<u64>) -> (String, String) {
    let gib = 1024 * 1024;
    if services >= 100_000 {
        let time_ok = secs < 20.0;
        let mem_ok = rss_kb.map(|k| k < 2 * gib);
        let verdict = match (time_ok, mem_ok) {
            (true, Some(true)) => "met".to_string(),
            (true, None) => "time met, RSS unknown".to_string(),
            (t, m) => format!(
                "MISSED ({}{})",
                if t { "" } else { "time" },
                if m == Some(false) {
                    if t {
                        "memory"
                    } else {
                        ", memory"
                    }
                } else {
                    ""
                }
            ),
        };
        ("< 20 s, < 2 GiB".into(), verdict)
    } else if services >= 10_000 {
        (
            "< 2 s".into(),
            if secs < 2.0 {
                "met".into()
            } else {
                "MISSED".into()
            },
        )
    } else {
        ("-".into(), "-".into())
    }
}

fn run_size(bin: &Path, work: &Path, n: usize, have_time: bool) -> Result<Row, String> {
    let site = work.join(format!("n{n}"));
    if site.exists() {
        std::fs::remove_dir_all(&site).map_err(|e| format!("{}: {e}", site.display()))?;
    }
    let spec = socnav::synth::Spec {
        services: n,
        providers: (n / 10).max(5),
        standards: (n / 100).max(3),
        seed: 1,
    };
    eprintln!(
        "N = {n}: generating {} services, {} providers, {} standards in {} ...",
        spec.services,
        spec.providers,
        spec.standards,
        site.display()
    );
    let t = Instant::now();
    socnav::synth::generate(&site, &spec)?;
    let gen = t.elapsed();
    let t = Instant::now();
    let check = Command::new(bin)
        .arg("check")
        .arg("--root")
        .arg(&site)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let check_time = t.elapsed();
    if !check.status.success() {
        return Err(format!(
            "socnav check found problems in the synthetic catalogue:\n{}",
            String::from_utf8_lossy(&check.stdout)
                .chars()
                .take(4000)
                .collect::<String>()
        ));
    }
    eprintln!("  check: {:.2} s", check_time.as_secs_f64());
    let mut output = site.join("public");
    let runs_wanted = if n >= 100_000 { 1 } else { 3 };
    let mut runs = Vec::new();
    let mut rss_kb: Option<u64> = None;
    let mut summary = String::new();
    for run in 1..=runs_wanted {
        output = site.join(format!("public-run{run}"));
        let mut cmd = if have_time {
            let mut c = Command::new(TIME);
            c.arg("-f").arg("%M").arg(bin);
            c
        } else {
            Command::new(bin)
        };
        cmd.arg("build")
            .arg("--root")
            .arg(&site)
            .arg("--output")
            .arg(&output);
        let t = Instant::now();
        let out = cmd
            .output()
            .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
        let took = t.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            return Err(format!(
                "socnav build failed ({}):\n{}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                stderr.chars().take(4000).collect::<String>()
            ));
        }
        if have_time {
            let kb = stderr
                .lines()
                .rev()
                .find_map(|l| l.trim().parse::<u64>().ok());
            rss_kb = match (rss_kb, kb) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
        }
        summary = String::from_utf8_lossy(&out.stdout).trim().to_string();
        eprintln!("  run {run}/{runs_wanted}: {:.2} s", took.as_secs_f64());
        runs.push(took);
    }
    let (pages, html_bytes) = count_html(&output);
    std::fs::remove_dir_all(&site).map_err(|e| format!("{}: {e}", site.display()))?;
    Ok(Row {
        services: n,
        providers: spec.providers,
        pages,
        html_bytes,
        runs,
        rss_kb,
        gen,
        check: check_time,
        summary,
    })
}

fn count_html(dir: &Path) -> (usize, u64) {
    let mut count = 0;
    let mut bytes = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(ty) = e.file_type() else { continue };
            if ty.is_dir() {
                stack.push(e.path());
            } else if e.path().extension().is_some_and(|x| x == "html") {
                count += 1;
                bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
    }
    (count, bytes)
}

/// The release binary: cargo builds it for benches and says where.
fn binary() -> PathBuf {
    let from_cargo = PathBuf::from(env!("CARGO_BIN_EXE_socnav"));
    if from_cargo.exists() {
        return from_cargo;
    }
    let fallback = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/socnav");
    if !fallback.exists() {
        eprintln!("building the release binary ...");
        let ok = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--release", "--bin", "socnav"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "cargo build --release failed");
    }
    fallback
}

fn print_machine(bin: &Path, work: &Path) {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map(|kb| format!("{:.1} GiB", kb as f64 / 1_048_576.0))
        .unwrap_or_else(|| "unknown".into());
    println!("socnav build benchmark");
    println!("machine: {cores} cores (nproc), CPU: {model}, RAM: {mem}");
    println!("binary: {}", bin.display());
    let _ = std::fs::create_dir_all(work);
    let fs = Command::new("stat")
        .args(["-f", "--format=%T"])
        .arg(work)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    println!("sites in: {} (file system: {fs})", work.display());
}
