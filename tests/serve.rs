//! `socnav serve` as an editor uses it: a server on a free port, files edited under it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;

struct Server {
    child: Child,
    addr: String,
    /// The private output folder, from the build summary lines.
    output: PathBuf,
    /// What the server printed, line by line (reading it keeps the reader thread alive).
    lines: mpsc::Receiver<String>,
}

impl Server {
    /// The lines the server printed since the last call.
    fn printed(&self) -> Vec<String> {
        self.lines.try_iter().collect()
    }
}

impl Drop for Server {
    /// Stop the server as Ctrl+C would (SIGINT, so it removes its private output), and
    /// kill it if it does not stop.
    fn drop(&mut self) {
        let stopped = std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while stopped && std::time::Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Site) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_socnav"))
        // From the site's folder with the default root, as the README runs it.
        .args(["serve", "--port", "0"])
        .current_dir(&site.root)
        .env("SOCNAV_TODAY", "2026-11-20")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    let mut output = None;
    let mut addr = None;
    while addr.is_none() {
        let line = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("serve prints its address");
        if let Some(i) = line.find(" → ") {
            output = Some(PathBuf::from(line[i + " → ".len()..].trim()));
        }
        if let Some(i) = line.find("http://") {
            let rest = &line[i + 7..];
            addr = Some(rest[..rest.find('/').unwrap()].to_string());
        }
    }
    Server {
        child,
        addr: addr.unwrap(),
        output: output.expect("first build summary"),
        lines: rx,
    }
}

/// One raw GET: (status, headers, body).
fn get(addr: &str, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let code = head.split(' ').nth(1).unwrap_or("0").parse().unwrap_or(0);
    (code, head.to_string(), body.to_string())
}

fn status(addr: &str) -> serde_json::Value {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET /__socnav/events HTTP/1.1\r\n\r\n").unwrap();
    let mut r = BufReader::new(s);
    let mut line = String::new();
    loop {
        line.clear();
        r.read_line(&mut line).unwrap();
        if let Some(json) = line.strip_prefix("data: ") {
            return serde_json::from_str(json).unwrap();
        }
    }
}

/// Wait until a build after `build_before` has finished; returns the new state.
fn wait_rebuild(srv: &Server, build_before: u64) -> serde_json::Value {
    let start = Instant::now();
    loop {
        let s = status(&srv.addr);
        if s["build"].as_u64().unwrap() != build_before {
            return s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no rebuild after an edit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn version(srv: &Server) -> u64 {
    status(&srv.addr)["version"].as_u64().unwrap()
}

/// How many builds the server has run.
fn builds(srv: &Server) -> u64 {
    status(&srv.addr)["build"].as_u64().unwrap()
}

#[test]
fn serves_pages_with_live_reload_and_rebuilds_on_edit() {
    let site = Site::new();
    let srv = start(&site);
    let (code, head, body) = get(&srv.addr, "/services/edinoe-posobie/");
    assert_eq!(code, 200);
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.contains("<script src=\"/__socnav/live.js\"></script></body>"));
    assert!(body.contains("Единое пособие на детей"));

    // The reload script is a serve-mode thing only.
    site.build(&[]).ok();
    assert!(!site
        .out("services/edinoe-posobie/index.html")
        .contains("__socnav"));

    let b = builds(&srv);
    site.replace(
        "content/services/edinoe-posobie.md",
        "title = \"Единое пособие на детей",
        "title = \"Единое пособие для детей",
    );
    let s = wait_rebuild(&srv, b);
    assert!(s["errors"].is_null(), "{s}");
    let (_, _, body) = get(&srv.addr, "/services/edinoe-posobie/");
    assert!(body.contains("Единое пособие для детей"), "edit not served");
    // Pages that list the record follow.
    let (_, _, list) = get(&srv.addr, "/services/");
    assert!(list.contains("Единое пособие для детей"));
}

#[test]
fn invalid_content_keeps_last_good_pages_and_shows_the_errors() {
    let site = Site::new();
    let srv = start(&site);
    let v = version(&srv);
    let b = builds(&srv);
    site.replace(
        "content/services/edinoe-posobie.md",
        "form = \"payment\"",
        "form = \"paymentt\"",
    );
    let s = wait_rebuild(&srv, b);
    let errors = s["errors"].as_str().expect("errors shown");
    assert!(
        errors.contains("content/services/edinoe-posobie.md:"),
        "{errors}"
    );
    assert!(
        errors.contains("«paymentt»") && errors.contains("«payment»"),
        "{errors}"
    );
    assert_eq!(
        s["version"].as_u64().unwrap(),
        v,
        "no new version for a failed build"
    );
    let (code, _, body) = get(&srv.addr, "/services/edinoe-posobie/");
    assert_eq!(code, 200, "last good page still served");
    assert!(body.contains("Единое пособие"));
    let (_, _, script) = get(&srv.addr, "/__socnav/live.js");
    assert!(script.contains("socnav-errors"), "overlay script");

    site.replace(
        "content/services/edinoe-posobie.md",
        "form = \"paymentt\"",
        "form = \"payment\"",
    );
    let start = Instant::now();
    loop {
        let s = status(&srv.addr);
        if s["errors"].is_null() && s["version"].as_u64().unwrap() > v {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "fix did not clear the errors"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn nothing_outside_the_output_is_served() {
    let site = Site::new();
    site.write("secret.txt", "секрет");
    let srv = start(&site);
    for bad in [
        "/../config.toml",
        "/../../etc/passwd",
        "/%2e%2e/config.toml",
        "/%2E%2E%2Fconfig.toml",
        "/..%2f..%2fetc%2fpasswd",
        "/..%5cconfig.toml",
        "//etc/passwd",
        "/etc/passwd",
        "/../secret.txt",
    ] {
        let (code, head, body) = get(&srv.addr, bad);
        assert_eq!(code, 404, "{bad}: {head}");
        assert!(!body.contains("секрет") && !body.contains("root:"), "{bad}");
        assert!(body.contains("<html"), "{bad}: the site's 404 page");
    }
    let (code, _, _) = get(&srv.addr, "/net-takoy-stranicy/");
    assert_eq!(code, 404);
}

#[test]
fn content_types() {
    let site = Site::new();
    let srv = start(&site);
    let html = get(&srv.addr, "/").2;
    let css = html
        .split("href=\"")
        .find_map(|s| s.split('"').next().filter(|h| h.ends_with(".css")))
        .unwrap();
    for (path, ty) in [
        (css, "text/css"),
        ("/sitemap.xml", "application/xml"),
        ("/favicon.svg", "image/svg+xml"),
        ("/robots.txt", "text/plain"),
        ("/search/none.json", "application/json"),
        ("/__socnav/live.js", "text/javascript"),
    ] {
        let (code, head, _) = get(&srv.addr, path);
        assert_eq!(code, 200, "{path}");
        assert!(
            head.contains(&format!("Content-Type: {ty}")),
            "{path}: {head}"
        );
    }
}

/// After each edit in a sequence (body, title, reference, taxonomy term, new record,
/// renamed record, deleted record referenced elsewhere, data/, template), the served
/// output equals a clean build of the same sources, file for file.
#[test]
fn served_output_equals_a_clean_build_after_every_edit() {
    let site = Site::new();
    let srv = start(&site);
    let svc = "content/services/edinoe-posobie.md";
    type Edit = Box<dyn Fn(&Site)>;
    let steps: Vec<Edit> = vec![
        Box::new(|s| {
            let t = s.read(svc) + "\nНовый абзац о сроках.\n";
            s.write(svc, t);
        }),
        // Saved as many editors do: a temporary file renamed over the page.
        Box::new(|s| {
            let t = s.read(svc) + "\nЕщё абзац: справка о доходах.\n";
            let tmp = s.path("content/services/.edinoe-posobie.md.tmp");
            std::fs::write(&tmp, t).unwrap();
            std::fs::rename(&tmp, s.path(svc)).unwrap();
        }),
        // A body that breaks a rule (an image from another site) is an error, shown as
        // `check` shows it, until it is fixed.
        Box::new(|s| {
            let t = s.read(svc) + "\n![схема](https://example.org/schema.png)\n";
            s.write(svc, t);
        }),
        Box::new(|s| {
            let t = s
                .read(svc)
                .replace("\n![схема](https://example.org/schema.png)\n", "");
            s.write(svc, t);
        }),
        Box::new(|s| {
            s.replace(
                svc,
                "title = \"Единое пособие",
                "title = \"Единое ежемесячное пособие",
            );
        }),
        Box::new(|s| {
            s.replace(
                svc,
                "categories = [\"family\"]",
                "categories = [\"family\", \"social-services\"]",
            );
        }),
        Box::new(|s| {
            let text = s.read(svc).replace("edinoe-posobie", "x");
            s.write(
                "content/services/novaya-mera.md",
                text.replace("title = \"Единое", "title = \"Новая"),
            );
        }),
        Box::new(|s| {
            std::fs::rename(
                s.path("content/services/novaya-mera.md"),
                s.path("content/services/drugaya-mera.md"),
            )
            .unwrap();
        }),
        Box::new(|s| s.remove("content/services/drugaya-mera.md")),
        // A provider that services name disappears: an error, until it comes back.
        Box::new(|s| {
            std::fs::rename(
                s.path("content/providers/sfr.md"),
                s.tmp.path().join("sfr.md"),
            )
            .unwrap();
        }),
        Box::new(|s| {
            std::fs::rename(
                s.tmp.path().join("sfr.md"),
                s.path("content/providers/sfr.md"),
            )
            .unwrap();
        }),
        Box::new(|s| {
            let t = s
                .read("data/documents.toml")
                .replace("title = \"Паспорт", "title = \"Паспорт гражданина");
            s.write("data/documents.toml", t);
        }),
        Box::new(|s| {
            let p = "themes/navigator/templates/404.html";
            let t = s.read(p).replace("</h1>", " (ошибка 404)</h1>");
            s.write(p, t);
        }),
    ];
    for (n, step) in steps.iter().enumerate() {
        let b = builds(&srv);
        srv.printed();
        step(&site);
        let s = settle_and_compare(&site, &srv, b, &format!("step {n}"));
        // A body edit renders that page and the search index again, nothing else; a
        // front-matter edit of a record what it reaches; any other edit, and any edit
        // after which the content has errors, is a full build.
        let printed = srv.printed().join("\n");
        let quick = printed.contains("изменён только текст");
        assert_eq!(quick, n < 2, "step {n}: {printed}");
        let front = printed.contains("изменены поля");
        assert_eq!(front, n == 4 || n == 5, "step {n}: {printed}");
        // A template edit renders every page again and keeps the index and open data.
        let templates_only = printed.contains("с новыми шаблонами");
        assert_eq!(templates_only, n == steps.len() - 1, "step {n}: {printed}");
        if quick {
            assert!(printed.contains("/services/edinoe-posobie/"), "{printed}");
        }
        if n == 2 {
            let errors = s["errors"].as_str().expect("an external image is an error");
            assert!(errors.contains("example.org"), "{errors}");
        }
        if n == 9 {
            let errors = s["errors"]
                .as_str()
                .expect("a referenced record deleted is an error");
            assert!(errors.contains("sfr"), "{errors}");
        }
    }
    let (_, _, page) = get(&srv.addr, "/404.html");
    assert!(page.contains("(ошибка 404)"), "template edit served");
}

/// After an edit (`builds_before`: the server's build count before it): wait for the server's rebuild (one save can be several file events, so
/// until no further build starts), then build the same content cleanly and assert the
/// served folder equals it file for file; while the content is invalid, assert the clean
/// build fails too. Returns the server's state.
fn settle_and_compare(
    site: &Site,
    srv: &Server,
    builds_before: u64,
    label: &str,
) -> serde_json::Value {
    let mut s = wait_rebuild(srv, builds_before);
    loop {
        std::thread::sleep(Duration::from_millis(400));
        let later = status(&srv.addr);
        if later["build"] == s["build"] {
            break;
        }
        s = later;
    }
    let clean = site.tmp.path().join("clean");
    let _ = std::fs::remove_dir_all(&clean);
    let r = site.socnav(&[
        "build",
        "--output",
        clean.to_str().unwrap(),
        "--base-url",
        &format!("http://{}", srv.addr),
    ]);
    if s["errors"].is_null() {
        r.ok();
        let served = snapshot(&srv.output);
        let expected = snapshot(&clean);
        let a: Vec<&String> = served.keys().collect();
        let b: Vec<&String> = expected.keys().collect();
        assert_eq!(a, b, "{label}: file lists differ");
        for (k, v) in &expected {
            if served[k] != *v {
                let at = served[k]
                    .iter()
                    .zip(v.iter())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                let show = |b: &[u8]| {
                    String::from_utf8_lossy(&b[at.saturating_sub(80)..(at + 80).min(b.len())])
                        .to_string()
                };
                panic!(
                    "{label}: {k} differs from a clean build at byte {at}:\nserved: {}\nclean:  {}",
                    show(&served[k]),
                    show(v)
                );
            }
        }
    } else {
        assert_ne!(
            r.code, 0,
            "{label}: serve saw errors a clean build does not"
        );
    }
    s
}

/// A small deterministic random generator (xorshift64*), so a failing sequence can be
/// replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SERVICES: [&str; 3] = [
    "edinoe-posobie",
    "edv-invalidam",
    "socialnoe-obsluzhivanie-na-domu",
];
const WORDS: [&str; 8] = [
    "пособие",
    "семья",
    "заявление",
    "справка",
    "срок",
    "выплата",
    "льгота",
    "помощь",
];

/// One random edit of the kinds an editor makes; returns what it did (for the failure
/// message). Records the test adds are tracked in `added` so it can rename and delete them.
fn random_edit(site: &Site, rng: &mut Rng, added: &mut Vec<String>) -> String {
    let svc = |slug: &str| format!("content/services/{slug}.md");
    match rng.below(16) {
        0 | 1 => {
            let slug = *rng.pick(&SERVICES);
            let word = *rng.pick(&WORDS);
            let t = site.read(&svc(slug)) + &format!("\nАбзац: {word} {}.\n", rng.below(1000));
            site.write(&svc(slug), t);
            format!("body of {slug}")
        }
        2 => {
            let slug = *rng.pick(&SERVICES);
            let text = site.read(&svc(slug));
            let word = *rng.pick(&WORDS);
            let new = text.replacen("title = \"", &format!("title = \"{word}: "), 1);
            site.write(&svc(slug), new);
            format!("title of {slug}")
        }
        3 => {
            let slug = *rng.pick(&SERVICES);
            let term = *rng.pick(&["family", "disability", "social-services"]);
            let text = site.read(&svc(slug));
            let line = text
                .lines()
                .find(|l| l.starts_with("categories = "))
                .unwrap();
            let new = text.replacen(line, &format!("categories = [\"{term}\"]"), 1);
            site.write(&svc(slug), new);
            format!("category of {slug} to {term}")
        }
        4 => {
            let slug = *rng.pick(&SERVICES);
            let provider = *rng.pick(&["sfr", "kcson-kurgan", "net-takoy-organizacii"]);
            let text = site.read(&svc(slug));
            let line = text
                .lines()
                .find(|l| l.starts_with("providers = "))
                .unwrap();
            let new = text.replacen(line, &format!("providers = [\"{provider}\"]"), 1);
            site.write(&svc(slug), new);
            format!("provider of {slug} to {provider}")
        }
        10 => {
            let slug = *rng.pick(&SERVICES);
            let regions = *rng.pick(&["[\"federal\"]", "[\"kurgan\"]"]);
            let t = set_line(&site.read(&svc(slug)), "regions = ", regions);
            site.write(&svc(slug), t);
            format!("regions of {slug} to {regions}")
        }
        11 => {
            let slug = *rng.pick(&SERVICES);
            let audiences = *rng.pick(&[
                "[\"disabled\"]",
                "[\"pensioners\", \"disabled\"]",
                "[\"families-with-children\"]",
            ]);
            let t = set_line(&site.read(&svc(slug)), "audiences = ", audiences);
            site.write(&svc(slug), t);
            format!("audiences of {slug} to {audiences}")
        }
        12 => {
            // A provider's title and phone are on the pages of its services.
            let n = rng.below(100);
            let p = "content/providers/sfr.md";
            let t = set_line(
                &site.read(p),
                "title = ",
                &format!("\"Социальный фонд {n}\""),
            );
            let t = set_line(&t, "phone = ", &format!("\"8 800 100-00-{n:02}\""));
            site.write(p, t);
            format!("provider sfr: title and phone {n}")
        }
        13 => {
            // A situation's route is on the pages of its services.
            let p = "content/situations/rozhdenie-rebenka.md";
            let slug = *rng.pick(&SERVICES);
            let t =
                site.read(p)
                    .replacen("services = [\"", &format!("services = [\"{slug}\", \""), 1);
            let t = t.replacen(
                "title = \"Оформите",
                &format!("title = \"{} Оформите", rng.below(100)),
                1,
            );
            // The same service twice in a step is an error: keep the list to its first.
            let t = dedupe_services(&t);
            site.write(p, t);
            format!("situation step: {slug}")
        }
        14 => {
            let slug = *rng.pick(&SERVICES);
            let t = set_line(
                &site.read(&svc(slug)),
                "description = ",
                &format!("\"Описание {}\"", rng.below(1000)),
            );
            site.write(&svc(slug), t);
            format!("description of {slug}")
        }
        5 => {
            let from = *rng.pick(&SERVICES);
            let slug = format!("novaya-{}", rng.below(10_000));
            let text = site
                .read(&svc(from))
                .replacen("title = \"", "title = \"Новая: ", 1);
            site.write(&svc(&slug), text);
            added.push(slug.clone());
            format!("add {slug}")
        }
        6 if !added.is_empty() => {
            let i = rng.below(added.len());
            let to = format!("pereimenovana-{}", rng.below(10_000));
            std::fs::rename(site.path(&svc(&added[i])), site.path(&svc(&to))).unwrap();
            let from = std::mem::replace(&mut added[i], to.clone());
            format!("rename {from} to {to}")
        }
        7 if !added.is_empty() => {
            let slug = added.remove(rng.below(added.len()));
            site.remove(&svc(&slug));
            format!("delete {slug}")
        }
        8 => {
            let word = *rng.pick(&WORDS);
            let t = site.read("data/documents.toml").replacen(
                "title = \"",
                &format!("title = \"{word} "),
                1,
            );
            site.write("data/documents.toml", t);
            format!("document title in data/ ({word})")
        }
        _ if rng.below(2) == 0 => {
            let p = "themes/navigator/templates/404.html";
            let n = rng.below(1000);
            let t = site.read(p).replacen("</h1>", &format!(" {n}</h1>"), 1);
            site.write(p, t);
            format!("template 404.html ({n})")
        }
        _ => {
            // A partial: on the pages of services and providers, through `include`.
            let p = "themes/navigator/templates/partials/contacts.html";
            let n = rng.below(1000);
            let t = site.read(p) + &format!("<!-- правка {n} -->\n");
            site.write(p, t);
            format!("template partials/contacts.html ({n})")
        }
    }
}

/// `text` with its first line starting with `key` set to `key` + `value` (added after
/// the title when there is none).
fn set_line(text: &str, key: &str, value: &str) -> String {
    match text.lines().find(|l| l.starts_with(key)) {
        Some(line) => text.replacen(line, &format!("{key}{value}"), 1),
        None => {
            let title = text.lines().find(|l| l.starts_with("title = ")).unwrap();
            text.replacen(title, &format!("{title}\n{key}{value}"), 1)
        }
    }
}

/// A situation with each step's `services` list cut to its first entry.
fn dedupe_services(text: &str) -> String {
    text.lines()
        .map(|l| match l.strip_prefix("services = [") {
            Some(rest) if rest.contains(',') => {
                format!("services = [{}]", rest.split(',').next().unwrap())
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The property: after any sequence of edits (bodies, titles, references, taxonomy terms;
/// records added, renamed and deleted; data/ and a template), the served output equals a
/// clean build. Seeds are fixed so CI is deterministic; `SOCNAV_EDIT_SEEDS=1,2,3` and
/// `SOCNAV_EDIT_STEPS=N` run others.
#[test]
fn served_output_equals_a_clean_build_after_random_edit_sequences() {
    let seeds: Vec<u64> = std::env::var("SOCNAV_EDIT_SEEDS")
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|_| vec![1, 2, 0x5EED_0001, 0x5EED_0002]);
    let steps: usize = std::env::var("SOCNAV_EDIT_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12);
    for seed in seeds {
        let site = Site::new();
        // One record per list page: an edit that moves a record in a list, or into or
        // out of a term, changes other list pages than its own.
        site.replace(
            "config.toml",
            "{ name = \"categories\" }",
            "{ name = \"categories\", paginate_by = 1 }",
        );
        site.replace(
            "config.toml",
            "{ name = \"regions\" }",
            "{ name = \"regions\", paginate_by = 1 }",
        );
        site.replace(
            "content/services/_index.md",
            "sort_by = \"title\"",
            "sort_by = \"title\"\npaginate_by = 1",
        );
        // A translated record: its page is rendered with the English templates.
        site.write(
            "config.toml",
            site.read("config.toml") + "\n[languages.en]\n",
        );
        site.write(
            "content/services/edinoe-posobie.en.md",
            site.read("content/services/edinoe-posobie.md").replacen(
                "title = \"",
                "title = \"Unified allowance: ",
                1,
            ),
        );
        let srv = start(&site);
        let mut rng = Rng(seed);
        let mut added = Vec::new();
        let mut done = Vec::new();
        let mut front = 0;
        for _ in 0..steps {
            let b = builds(&srv);
            done.push(random_edit(&site, &mut rng, &mut added));
            settle_and_compare(&site, &srv, b, &format!("seed {seed:#x}, edits {done:?}"));
            let printed = srv.printed().join("\n");
            eprintln!("{}: {printed}", done.last().unwrap());
            front += printed.matches("изменены поля").count();
        }
        // The fixed seeds take the front-matter path several times.
        if std::env::var_os("SOCNAV_EDIT_SEEDS").is_none() {
            assert!(
                front >= 2,
                "seed {seed:#x}: {front} front-matter rebuilds in {done:?}"
            );
        }
    }
}

/// Body edits reuse the last build's pair files of the search index (titles and order
/// are unchanged) unless the word files now show enough records with both words; either
/// way the served index equals a clean build's.
#[test]
fn served_search_pairs_equal_a_clean_build_after_body_edits() {
    let site = Site::new();
    write_common_title_pairs(&site);
    let srv = start(&site);
    let index = |s: &Site| {
        let dirs: Vec<_> = std::fs::read_dir(srv.output.join("search"))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.path().join("q").is_dir())
            .collect();
        assert_eq!(dirs.len(), 1, "one index folder");
        let _ = s;
        dirs[0].path().join("q").read_dir().unwrap().count()
    };
    assert!(
        index(&site) > 0,
        "the site has pair files (the test would prove nothing)"
    );
    for (n, (file, extra)) in [
        (
            "content/services/pensiya-03.md",
            "\nПенсия и инвалидность: подробности.\n",
        ),
        (
            "content/services/yashma.md",
            "\nИнвалидности бывают разные.\n",
        ),
        (
            "content/services/invalidnost-07.md",
            "\nНомер пенсии указан в справке.\n",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let before = builds(&srv);
        let t = site.read(file) + extra;
        site.write(file, t);
        settle_and_compare(&site, &srv, before, &format!("body edit {n}: {file}"));
    }
}
