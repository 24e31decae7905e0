//! The search page as a citizen uses it, every page type's accessibility and the service
//! pages as they print, in a real browser, and the ranking engine under node.
//!
//! - `search_page_in_a_browser`: builds the bundled catalogue with the `socnav` binary,
//!   serves it from a small static server on 127.0.0.1 (404 for missing files, the
//!   content types and Content-Security-Policy of `netlify.toml`, and its rule that a
//!   missing index file under `/search/<hash>/` answers 404 with `search/none.json`),
//!   then runs `node tests/browser/search.test.mjs <url>`: headless Chromium driven by
//!   playwright-core (`tests/browser/package.json`), typing queries, choosing filters,
//!   using the keyboard, with JavaScript off, and a relevance table of queries against the
//!   bundled catalogue (`tests/browser/relevance.mjs`).
//! - `every_page_type_passes_axe_and_the_keyboard_walk`: the same catalogue and server,
//!   then `node tests/browser/a11y.test.mjs <url>`: one page of every type, at 360×740 and
//!   1280×800, has no axe-core violation of WCAG 2.2 A/AA, `lang="ru"`, the landmarks, a
//!   skip link to `#main`, a visible focus and no sideways scrolling at 320 px; then
//!   search, a filter, a result and the record's forms are used with the keyboard only.
//! - `service_pages_print_as_two_page_checklists`: the same catalogue and server, then
//!   `node tests/browser/print.test.mjs <url>`: every `/services/<slug>/` page of the
//!   sitemap printed to an A4 PDF must take at most two pages, and with print media its
//!   documents list shows a check box before each document, the place to apply, the
//!   decision deadline, the date checked and providers' contacts are shown, and the
//!   search, menu, contents, forms and buttons are `display:none` (`print.css`).
//! - `questionnaire_lists_measures_that_may_fit`: the same catalogue and server, then
//!   `node tests/browser/podbor.test.mjs <url>`: «Какие меры мне подходят» (`/podbor/`)
//!   links every region and audience page without JavaScript; with it, answers (region,
//!   age, who you are) list the measures of `/podbor/<region>.json` and `federal.json`
//!   that fit, grouped by situation, with the keyboard only too; answers survive a
//!   reload and «Начать заново» clears them; the chosen region marks list cards and
//!   service pages, and can be remembered and forgotten on its region page (`region.js`).
//! - `provider_directory_and_standards_sort_and_filter`: the same catalogue and server,
//!   then `node tests/browser/directory.test.mjs <url>`: without JavaScript `/providers/`
//!   lists every provider by name and links the pre-sorted pages `/providers/po/<order>/`,
//!   each listing every provider; with it (`directory.js`) a form above the list sorts the
//!   cards by kind, field or group and filters providers by region (federal ones stay)
//!   and standards by kind and status, announcing «Показано N из M», keyboard only too.
//! - `pages_opened_once_read_offline`: the same catalogue and server, then
//!   `node tests/browser/offline.test.mjs <url>`: a page registers the service worker
//!   `/sw.js` (`offline.js`), which takes control; a service page and a search are used
//!   online; offline, the service page reads the same and styled, the same search shows
//!   the same results, a page never opened shows the offline page (`/offline/`) with a
//!   list of the kept pages and a working link home; online again, pages load as usual.
//! - `provider_map_loads_only_when_asked`: the fixture site (tests/fixtures/site, where a
//!   provider has a location), served the same way, then `node tests/browser/map.test.mjs
//!   <url>`: a freshly loaded `/providers/` (and a pre-sorted page) requests nothing of
//!   the map; «Показать организации на карте» (`provider-map.js`) loads Leaflet
//!   (`/vendor/leaflet/`), `/providers/map.json` and OpenStreetMap tiles (answered by the
//!   test, no network) and shows a marker per provider with the attribution, under the
//!   real CSP; a second press hides it; without JavaScript there is no button and the
//!   list gives addresses with geo: links; axe finds nothing with the map open; a failed
//!   load says so and keeps the list.
//! - `ranking_engine_unit_tests`: `node tests/js/engine.test.js`, the ranking rules on
//!   hand-made index files.
//!
//! These tests need Node.js, Chromium and `npm ci --prefix tests/browser`; `.ci/run`
//! installs all three. They fail, not skip, when something is missing. `NODE` and
//! `CHROMIUM` name other binaries than `node` and `/usr/bin/chromium`.

mod common;

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SETUP: &str = "run `.ci/run` (it installs chromium, nodejs and npm with apt-get, then \
                     the test packages), or install them yourself and run \
                     `npm ci --prefix tests/browser`";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn node() -> String {
    std::env::var("NODE").unwrap_or_else(|_| "node".to_string())
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Fails the test, with what to do, when node (and, for the browser, Chromium and the
/// test packages) is missing.
fn require_tools(browser: bool) {
    let mut missing = Vec::new();
    match Command::new(node()).arg("--version").output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => missing.push(format!(
            "`{} --version` failed: {}",
            node(),
            String::from_utf8_lossy(&out.stderr)
        )),
        Err(e) => missing.push(format!("Node.js (`{}`) cannot be run: {e}", node())),
    }
    if browser {
        if !chromium().is_file() {
            missing.push(format!("Chromium is not at {}", chromium().display()));
        }
        for package in ["playwright-core", "axe-core"] {
            let dir = manifest_dir()
                .join("tests/browser/node_modules")
                .join(package);
            if !dir.join("package.json").is_file() {
                missing.push(format!("tests/browser/node_modules has no {package}"));
            }
        }
    }
    if !missing.is_empty() {
        panic!(
            "the browser tests cannot run:\n  - {}\nTo fix: {SETUP}.",
            missing.join("\n  - ")
        );
    }
}

/// Runs a node script from the repository root with a time limit; returns its exit
/// status and everything it printed (stdout and stderr interleaved).
fn run_node(args: &[&str], limit: Duration) -> (bool, String) {
    let log = tempfile::NamedTempFile::new().expect("temp file");
    let out = log.reopen().expect("reopen log");
    let err = out.try_clone().expect("clone log");
    let mut child = Command::new(node())
        .args(args)
        .current_dir(manifest_dir())
        .env("CHROMIUM", chromium())
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run node: {e}\nTo fix: {SETUP}."));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for node") {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut text = String::new();
    File::open(log.path())
        .and_then(|mut f| f.read_to_string(&mut text))
        .expect("read node output");
    match status {
        Some(s) => (s.success(), text),
        None => (
            false,
            format!(
                "{text}\n(killed after {} s: the script hung)",
                limit.as_secs()
            ),
        ),
    }
}

/// Writes straight to the process's stderr, which the test harness does not capture, so
/// the relevance table shows in every run.
fn show(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}

// ---------------------------------------------------------------------------------------
// A static server, as a static host would answer.

/// The Content-Security-Policy of `netlify.toml`, so that an inline script or style, or a
/// request to another origin, shows up in the browser as a console error. Without
/// `upgrade-insecure-requests`: the test server speaks plain HTTP.
fn content_security_policy() -> String {
    let toml = std::fs::read_to_string(manifest_dir().join("netlify.toml")).expect("netlify.toml");
    let line = toml
        .lines()
        .find_map(|l| l.trim().strip_prefix("Content-Security-Policy = "))
        .expect("netlify.toml sets a Content-Security-Policy");
    line.trim_matches('"')
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty() && *d != "upgrade-insecure-requests")
        .collect::<Vec<_>>()
        .join("; ")
}

struct Reply {
    status: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn file(status: &'static str, path: &Path) -> Reply {
        Reply {
            status,
            headers: vec![(
                "Content-Type",
                socnav::serve::content_type(path).to_string(),
            )],
            body: std::fs::read(path).unwrap_or_default(),
        }
    }

    fn text(status: &'static str, text: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
            body: text.as_bytes().to_vec(),
        }
    }
}

/// The answer to `GET <target>` from the site in `root`.
fn answer(root: &Path, target: &str) -> Reply {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(path) = socnav::serve::percent_decode(path) else {
        return Reply::text("400 Bad Request", "bad path");
    };
    if !path.starts_with('/')
        || path
            .split('/')
            .any(|seg| seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0'))
    {
        return Reply::text("400 Bad Request", "bad path");
    }
    let rel = path.trim_start_matches('/');
    let mut file = root.join(rel);
    if file.is_dir() {
        if !path.ends_with('/') {
            let mut r = Reply::text("301 Moved Permanently", "moved");
            r.headers.push(("Location", format!("{path}/")));
            return r;
        }
        file = file.join("index.html");
    }
    if file.is_file() {
        return Reply::file("200 OK", &file);
    }
    // netlify.toml: a missing file under /search/<hash>/ answers 404 with none.json.
    let segs: Vec<&str> = rel.split('/').collect();
    if segs.len() > 2 && segs[0] == "search" && root.join("search/none.json").is_file() {
        return Reply::file("404 Not Found", &root.join("search/none.json"));
    }
    if root.join("404.html").is_file() {
        return Reply::file("404 Not Found", &root.join("404.html"));
    }
    Reply::text("404 Not Found", "not found")
}

fn serve_one(mut stream: TcpStream, root: &Path, csp: &str) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let reply = match method {
        "GET" | "HEAD" => answer(root, target),
        _ => Reply::text("405 Method Not Allowed", "GET only"),
    };
    let mut head = format!("HTTP/1.1 {}\r\n", reply.status);
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nContent-Security-Policy: {csp}\r\n\
         X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n\
         Connection: close\r\n\r\n",
        reply.body.len()
    ));
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&reply.body)?;
    }
    stream.flush()
}

/// Serves `root` on 127.0.0.1 from a background thread; returns the base URL. The
/// thread ends with the test process.
fn serve(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let addr = listener.local_addr().unwrap();
    let csp = content_security_policy();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, csp) = (root.clone(), csp.clone());
            std::thread::spawn(move || {
                let _ = serve_one(stream, &root, &csp);
            });
        }
    });
    format!("http://{addr}")
}

/// A plain HTTP GET: (status code, content type, body).
fn get(base: &str, path: &str) -> (u16, String, Vec<u8>) {
    let addr = base.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).expect("connect to the test server");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status code");
    let ctype = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Type: "))
        .unwrap_or("")
        .to_string();
    (code, ctype, raw[split + 4..].to_vec())
}

/// Builds the bundled catalogue into `<tmp>/site`.
fn build_catalogue(tmp: &Path) -> PathBuf {
    let out = tmp.join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_socnav"))
        .arg("build")
        .arg("--root")
        .arg(manifest_dir())
        .arg("--output")
        .arg(&out)
        .current_dir(manifest_dir())
        .output()
        .expect("run socnav build");
    assert!(
        run.status.success(),
        "socnav build failed:\n{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// The test server answers as a static host would: pages, 404s, content types.
fn check_server(base: &str, site: &Path) {
    let (code, ctype, body) = get(base, "/search/");
    assert_eq!(code, 200, "/search/");
    assert_eq!(ctype, "text/html; charset=utf-8");
    assert!(String::from_utf8_lossy(&body).contains("id=\"search-form\""));
    let (code, ctype, _) = get(base, "/search");
    assert_eq!((code, ctype.as_str()), (301, "text/plain; charset=utf-8"));
    let (code, ctype, body) = get(base, "/no-such-page/");
    assert_eq!((code, ctype.as_str()), (404, "text/html; charset=utf-8"));
    assert_eq!(body, std::fs::read(site.join("404.html")).unwrap());
    assert_eq!(get(base, "/../Cargo.toml").0, 400);
    let html = std::fs::read_to_string(site.join("search/index.html")).unwrap();
    let index = html
        .split("data-index=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("data-index on the search form");
    let (code, ctype, body) = get(base, &format!("{index}w/ffffffff.json"));
    assert_eq!((code, ctype.as_str()), (404, "application/json"));
    assert_eq!(body, std::fs::read(site.join("search/none.json")).unwrap());
    for (ext, want) in [
        ("css", "text/css; charset=utf-8"),
        ("js", "text/javascript; charset=utf-8"),
    ] {
        let name = std::fs::read_dir(site)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .find(|n| n.ends_with(&format!(".{ext}")))
            .unwrap_or_else(|| panic!("a .{ext} file in the site"));
        let (code, ctype, _) = get(base, &format!("/{name}"));
        assert_eq!((code, ctype.as_str()), (200, want), "/{name}");
    }
}

/// Builds the bundled catalogue, serves it, checks the server, and runs
/// `node tests/browser/<script> <base url>`; the test fails with the script's output.
fn run_browser_script(script: &str) {
    require_tools(true);
    let tmp = tempfile::tempdir().expect("temp dir");
    let site = build_catalogue(tmp.path());
    run_script_on(script, site);
}

/// The same for the fixture site (tests/fixtures/site, with the navigator theme), for
/// what the bundled catalogue has no example of.
fn run_browser_script_on_fixture(script: &str) {
    require_tools(true);
    let fixture = common::Site::new();
    fixture.build(&[]).ok();
    run_script_on(script, fixture.public());
}

/// Serves the built site in `site`, checks the server, runs the script.
fn run_script_on(script: &str, site: PathBuf) {
    let base = serve(site.clone());
    check_server(&base, &site);
    let path = format!("tests/browser/{script}");
    let (ok, output) = run_node(&[&path, &base], Duration::from_secs(300));
    assert!(ok, "browser tests failed (node {path} {base}):\n{output}");
    show(&format!("\n--- {path} ---\n{output}\n"));
}

#[test]
fn search_page_in_a_browser() {
    run_browser_script("search.test.mjs");
}

#[test]
fn every_page_type_passes_axe_and_the_keyboard_walk() {
    run_browser_script("a11y.test.mjs");
}

#[test]
fn service_pages_print_as_two_page_checklists() {
    run_browser_script("print.test.mjs");
}

#[test]
fn questionnaire_lists_measures_that_may_fit() {
    run_browser_script("podbor.test.mjs");
}

#[test]
fn provider_directory_and_standards_sort_and_filter() {
    run_browser_script("directory.test.mjs");
}

#[test]
fn provider_map_loads_only_when_asked() {
    // The bundled catalogue has no provider with a location; the fixture's
    // kcson-kurgan has one.
    run_browser_script_on_fixture("map.test.mjs");
}

#[test]
fn pages_opened_once_read_offline() {
    run_browser_script("offline.test.mjs");
}

#[test]
fn ranking_engine_unit_tests() {
    require_tools(false);
    let (ok, output) = run_node(&["tests/js/engine.test.js"], Duration::from_secs(120));
    assert!(ok, "node tests/js/engine.test.js failed:\n{output}");
}
