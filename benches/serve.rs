//! `cargo bench --bench serve`: how long an editor waits, from saving a file to the rebuilt
//! page being served by `socnav serve`, on a synthetic catalogue.
//!
//! Generates N services (default 10,000; `SOCNAV_BENCH_SIZES=1000`), starts the release
//! binary's `serve --port 0` on it, then for each kind of edit makes 20 edits, one at a
//! time: a service body, a service taxonomy term, the template of every service page,
//! the template of one page (404.html). Each edit is timed from the
//! write to the moment the server's event stream reports the new version (the page is
//! served from then on). Prints median and worst per kind, beside the targets (100 ms
//! body, 300 ms term, template no slower than `build`). `SOCNAV_BENCH_DIR` chooses where
//! the catalogue is generated (e.g. /dev/shm).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let n: usize = std::env::var("SOCNAV_BENCH_SIZES")
        .ok()
        .and_then(|s| s.split(',').next().and_then(|x| x.trim().parse().ok()))
        .unwrap_or(10_000);
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/socnav");
    let status = Command::new("cargo")
        .args(["build", "--release", "--quiet"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo build");
    assert!(status.success(), "release build failed");
    let base = std::env::var("SOCNAV_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    let work = tempfile::Builder::new()
        .prefix("socnav-bench-serve-")
        .tempdir_in(&base)
        .expect("temp dir");
    let site = work.path().join("site");
    let ok = Command::new(&bin)
        .args(["synth", "--services", &n.to_string(), "--out"])
        .arg(&site)
        .stdout(Stdio::null())
        .status()
        .expect("synth");
    assert!(ok.success());
    let theme = site.join("themes/navigator");
    if !theme.exists() {
        copy_dir(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("themes/navigator"),
            &theme,
        );
    }

    // `build` for the template target.
    let t = Instant::now();
    let ok = Command::new(&bin)
        .args(["build", "--root"])
        .arg(&site)
        .args(["--output"])
        .arg(work.path().join("out"))
        .stdout(Stdio::null())
        .status()
        .expect("build");
    assert!(ok.success());
    let build_time = t.elapsed();

    let mut child = Command::new(&bin)
        .args(["serve", "--port", "0", "--root"])
        .arg(&site)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("serve output").unwrap();
        if let Some(i) = line.find("http://") {
            let rest = &line[i + 7..];
            break rest[..rest.find('/').unwrap()].to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let mut events = Events::connect(&addr);
    let mut version = events.next_version();

    let service = site.join("content/services/usluga-000001.md");
    let template = theme.join("templates/service.html");
    let template_404 = theme.join("templates/404.html");
    println!(
        "socnav serve, {n} services; `build` takes {:.2} s",
        build_time.as_secs_f64()
    );
    println!("| edit | edits | median | worst | target |");
    println!("| --- | ---: | ---: | ---: | --- |");
    type Edit<'a> = (&'a str, &'a Path, fn(&str, usize) -> String, String);
    let kinds: [Edit; 4] = [
        (
            "service body",
            &service,
            |t, i| format!("{t}\nПравка номер {i}.\n"),
            "≤ 100 ms".into(),
        ),
        (
            "service taxonomy term",
            &service,
            |t, i| {
                let (a, b) = if i % 2 == 0 {
                    ("\"employment\"", "\"employment\", \"family\"")
                } else {
                    ("\"employment\", \"family\"", "\"employment\"")
                };
                t.replacen(a, b, 1)
            },
            "≤ 300 ms".into(),
        ),
        (
            "template of every service page (service.html)",
            &template,
            |t, i| format!("{t}{{# правка {i} #}}\n"),
            format!("≤ build ({:.2} s)", build_time.as_secs_f64()),
        ),
        (
            "template of one page (404.html)",
            &template_404,
            |t, i| format!("{t}{{# правка {i} #}}\n"),
            format!("≤ build ({:.2} s)", build_time.as_secs_f64()),
        ),
    ];
    for (name, file, edit, target) in kinds {
        let original = std::fs::read_to_string(file).unwrap();
        let mut times = Vec::new();
        for i in 0..20 {
            let text = std::fs::read_to_string(file).unwrap();
            let t = Instant::now();
            std::fs::write(file, edit(&text, i)).unwrap();
            let v = events.next_version();
            times.push(t.elapsed());
            assert_ne!(v, version, "{name}: no new version");
            version = v;
            std::thread::sleep(Duration::from_millis(100));
        }
        std::fs::write(file, original).unwrap();
        version = events.next_version();
        times.sort();
        println!(
            "| {name} | 20 | {:.0} ms | {:.0} ms | {target} |",
            times[10].as_secs_f64() * 1000.0,
            times[19].as_secs_f64() * 1000.0
        );
    }
    let _ = child.kill();
    let _ = child.wait();
}

struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn connect(addr: &str) -> Events {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(s, "GET /__socnav/events HTTP/1.1\r\n\r\n").unwrap();
        Events {
            reader: BufReader::new(s),
        }
    }

    /// Block until the next state message; return its version (panics on build errors).
    fn next_version(&mut self) -> u64 {
        let mut line = String::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line).unwrap();
            if let Some(json) = line.strip_prefix("data: ") {
                let v: serde_json::Value = serde_json::from_str(json).unwrap();
                assert!(v["errors"].is_null(), "build failed: {}", v["errors"]);
                return v["version"].as_u64().unwrap();
            }
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}
