//! Shared helpers of the integration tests: a fresh copy of the fixture site in a temp
//! folder, running the `socnav` binary with a fixed "today", reading its diagnostics.
//!
//! Each test file includes this with `mod common;`. Cargo also compiles it as a test
//! target of its own, with no tests in it.
#![allow(dead_code, clippy::new_without_default)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The date every test runs at (the validator reads it from `SOCNAV_TODAY`).
pub const TODAY: &str = "2026-11-24";

/// Base URL of the fixture's config.toml.
pub const BASE: &str = "https://fixture.example";

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture_dir() -> PathBuf {
    manifest_dir().join("tests").join("fixtures").join("site")
}

/// Copy a folder recursively (files and folders only).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let ft = e.file_type().unwrap();
        let target = to.join(e.file_name());
        if ft.is_dir() {
            copy_dir(&e.path(), &target);
        } else if ft.is_file() {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A copy of the fixture site in a fresh temp folder: `<tmp>/site`, with the real
/// `navigator` theme copied from the repository.
pub struct Site {
    pub tmp: tempfile::TempDir,
    pub root: PathBuf,
}

impl Site {
    pub fn new() -> Site {
        Site::at_depth(&[])
    }

    /// The site at `<tmp>/<dirs...>/site`, for tests that look at the folders around it.
    pub fn at_depth(dirs: &[&str]) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let mut root = tmp.path().to_path_buf();
        for d in dirs {
            root.push(d);
        }
        root.push("site");
        copy_dir(&fixture_dir(), &root);
        copy_dir(
            &manifest_dir().join("themes").join("navigator"),
            &root.join("themes").join("navigator"),
        );
        Site { tmp, root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path(rel)).unwrap();
    }

    /// Replace the first occurrence of `from` in a file; the text must be there, so that a
    /// changed fixture cannot make a test silently test nothing. Returns the new text.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> String {
        let text = self.read(rel);
        assert!(
            text.contains(from),
            "fixture {rel} no longer contains {from:?}"
        );
        let new = text.replacen(from, to, 1);
        self.write(rel, &new);
        new
    }

    /// Insert lines right after the `description = ...` line of a record (a top-level key
    /// position, before any table).
    pub fn add_top_level(&self, rel: &str, lines: &str) -> String {
        let text = self.read(rel);
        let start = text
            .find("\ndescription = ")
            .expect("record has a description")
            + 1;
        let end = start + text[start..].find('\n').unwrap() + 1;
        let new = format!("{}{lines}\n{}", &text[..end], &text[end..]);
        self.write(rel, &new);
        new
    }

    /// Add lines to config.toml: top-level keys before the first table, tables at the end.
    pub fn add_config(&self, lines: &str) {
        let text = self.read("config.toml");
        let new = if lines.starts_with('[') {
            format!("{text}\n{lines}")
        } else {
            let at = text.find("\n[").expect("config has a table") + 1;
            format!("{}{lines}{}", &text[..at], &text[at..])
        };
        self.write("config.toml", new);
    }

    /// Run socnav in the site folder with `--root` pointing at it.
    pub fn socnav(&self, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        let root = self.root.to_str().unwrap().to_string();
        if !args.contains(&"--root") && args.first() != Some(&"--help") {
            all.push("--root");
            all.push(&root);
        }
        run_in(&self.root, &all)
    }

    pub fn build(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        self.socnav(&args)
    }

    /// `socnav check --format json`, parsed.
    pub fn check_json(&self) -> (i32, Vec<Diag>) {
        let r = self.socnav(&["check", "--format", "json"]);
        let diags: Vec<Diag> = serde_json::from_str(&r.stdout).unwrap_or_else(|e| {
            panic!(
                "check --format json printed no JSON ({e}):\n{}\n{}",
                r.stdout, r.stderr
            )
        });
        (r.code, diags)
    }

    /// `check --format json` must fail with exactly one diagnostic; returns it.
    pub fn single_error(&self) -> Diag {
        let (code, diags) = self.check_json();
        assert_eq!(code, 1, "check must exit 1; diagnostics: {diags:#?}");
        assert_eq!(
            diags.len(),
            1,
            "expected exactly one diagnostic: {diags:#?}"
        );
        diags.into_iter().next().unwrap()
    }

    /// The default output folder.
    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn out(&self, rel: &str) -> String {
        let p = self.public().join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("no output {}: {e}", p.display()))
    }
}

/// Run the socnav binary in `cwd` with a fixed date and no colours.
pub fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_socnav"))
        .args(args)
        .current_dir(cwd)
        .env("SOCNAV_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run socnav");
    Run {
        code: out.status.code().expect("socnav exited normally"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "socnav failed:\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code, expected,
            "unexpected exit code:\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// One diagnostic of `check --format json`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Diag {
    pub severity: String,
    pub code: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub field: Option<String>,
    pub message: String,
    pub help: Option<String>,
}

/// 1-based line and column (in characters) of the first occurrence of `needle`.
pub fn loc(text: &str, needle: &str) -> (usize, usize) {
    let off = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let before = &text[..off];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, text[line_start..off].chars().count() + 1)
}

/// Every file under `dir`, as relative `/` paths → bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// Every path (files and folders) under `dir`, relative.
pub fn all_paths(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            out.push(
                p.strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
            if e.file_type().unwrap().is_dir() {
                walk(base, &p, out);
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The text of every `<h2>` of an HTML page, in order, without tags.
pub fn h2s(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<h2") {
        rest = &rest[i..];
        let open_end = rest.find('>').unwrap() + 1;
        let close = rest.find("</h2>").unwrap();
        out.push(strip_tags(&rest[open_end..close]).trim().to_string());
        rest = &rest[close..];
    }
    out
}

pub fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Services whose titles share two words, each in more titles (14 + 1) than a search
/// index word file keeps: «Пенсия номер N» and «Инвалидность номер N», N = 0..13, and one
/// «Пенсия по инвалидности» (`/services/yashma/`), copies of the fixture's single
/// allowance otherwise.
pub fn write_common_title_pairs(site: &Site) {
    let text = site
        .read("content/services/edinoe-posobie.md")
        .replace("aliases = [\"/old/edinoe-posobie/\"]\n", "");
    let with_title = |title: &str| {
        text.replacen(
            "title = \"Единое пособие на детей и беременных женщин\"",
            &format!("title = \"{title}\""),
            1,
        )
    };
    for n in 0..14 {
        site.write(
            &format!("content/services/pensiya-{n:02}.md"),
            with_title(&format!("Пенсия номер {n}")),
        );
        site.write(
            &format!("content/services/invalidnost-{n:02}.md"),
            with_title(&format!("Инвалидность номер {n}")),
        );
    }
    site.write(
        "content/services/yashma.md",
        with_title("Пенсия по инвалидности"),
    );
}
