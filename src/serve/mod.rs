//! `socnav serve`: build into a private folder, serve it on localhost, watch the site's
//! sources and rebuild on every change. Pages reload by themselves; while the content
//! has errors, the last good pages stay up and every page shows the messages `check`
//! prints.
//!
//! Edits to the text of pages (`quick::body_edits`), to the front matter of records
//! (`front::front_matter_edits`) and to templates (`quick::template_edits`) rebuild only
//! what they reach; anything else, and any edit that leaves errors, is a full build into
//! the same staging-and-swap as `build`. Either way the served output equals a clean
//! build of the same sources (the property test in tests/serve.rs holds every path to it).

mod front;
mod http;
mod quick;

use std::net::{IpAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::build::{build_keeping, BuildError, BuildOptions, Kept};
use crate::diagnostics::{self, Format};

pub use crate::model::paths::percent_decode;
pub use http::{content_type, resolve, LIVE_PATH};

pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: IpAddr,
    pub port: u16,
    pub drafts: bool,
    pub open: bool,
}

/// What the pages' script is told: a version that changes with every good build, and the
/// errors of the last build if it failed (`build` counts every build, good or not).
#[derive(Default)]
struct Status {
    generation: u64,
    version: u64,
    errors: Option<String>,
}

#[derive(Default)]
pub struct State {
    status: Mutex<Status>,
    changed: Condvar,
}

impl State {
    fn json(&self) -> String {
        let s = self.status.lock().expect("state lock");
        Self::json_of(&s)
    }

    fn json_of(s: &Status) -> String {
        serde_json::json!({ "build": s.generation, "version": s.version, "errors": s.errors })
            .to_string()
    }

    /// Wait until the state differs from generation `seen` (or the timeout passes).
    fn wait_change(&self, seen: u64, timeout: Duration) -> (u64, String) {
        let s = self.status.lock().expect("state lock");
        let (s, _) = self
            .changed
            .wait_timeout_while(s, timeout, |s| s.generation == seen)
            .expect("state lock");
        (s.generation, Self::json_of(&s))
    }

    fn set(&self, ok: bool, errors: Option<String>) {
        let mut s = self.status.lock().expect("state lock");
        s.generation += 1;
        if ok {
            s.version += 1;
        }
        s.errors = errors;
        self.changed.notify_all();
    }
}

/// Sources a change in which triggers a rebuild.
const WATCHED_DIRS: &[&str] = &["content", "data", "themes", "templates", "static"];

pub fn serve(opts: &ServeOptions) -> i32 {
    let listener = match TcpListener::bind((opts.interface, opts.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "ошибка: не удалось открыть {}:{}: {e}\nУкажите другой порт: --port",
                opts.interface, opts.port
            );
            return 2;
        }
    };
    let addr = listener.local_addr().expect("bound socket has an address");
    if !opts.interface.is_loopback() {
        eprintln!(
            "предупреждение: сервер доступен не только с этого компьютера ({}): предпросмотр показывает черновики и не предназначен для публикации",
            opts.interface
        );
    }
    let tmp = match tempfile::Builder::new()
        .prefix("socnav-serve-")
        .tempdir_in(private_base())
    {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ошибка: не удалось создать временную папку: {e}");
            return 2;
        }
    };
    // Ctrl+C (or a termination signal) removes the private output: on /dev/shm it would
    // otherwise hold memory until the machine restarts.
    {
        let dir = tmp.path().to_path_buf();
        let _ = ctrlc::set_handler(move || {
            let _ = std::fs::remove_dir_all(&dir);
            std::process::exit(130);
        });
    }
    let output = tmp.path().join("site");
    let build_opts = BuildOptions {
        root: opts.root.clone(),
        output: Some(output.clone()),
        base_url: Some(format!("http://{addr}")),
        drafts: opts.drafts,
        dispose: crate::write::Disposal::Background,
    };
    let state = Arc::new(State::default());
    let mut kept = rebuild(&build_opts, &state);

    let (tx, rx) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("ошибка: не удалось следить за файлами: {e}");
            return 2;
        }
    };
    // Watched by its full path, so that events name files by it too.
    let root = opts
        .root
        .canonicalize()
        .unwrap_or_else(|_| opts.root.clone());
    if let Err(e) = watcher.watch(&root, RecursiveMode::NonRecursive) {
        eprintln!("ошибка: не удалось следить за {}: {e}", opts.root.display());
        return 2;
    }
    for d in WATCHED_DIRS {
        let _ = watcher.watch(&root.join(d), RecursiveMode::Recursive);
    }

    {
        let state = state.clone();
        let output = output.clone();
        std::thread::spawn(move || http::run(listener, output, state));
    }
    let url = format!("http://{addr}/");
    println!("Предпросмотр: {url} (остановить: Ctrl+C)");
    if opts.open {
        let _ = std::process::Command::new("xdg-open").arg(&url).spawn();
    }

    while let Ok(first) = rx.recv() {
        let mut paths = Vec::new();
        if !relevant(&root, &first, &mut watcher, &mut paths) {
            continue;
        }
        // Debounce: an editor's save is often several events.
        while let Ok(ev) = rx.recv_timeout(Duration::from_millis(15)) {
            relevant(&root, &ev, &mut watcher, &mut paths);
        }
        // Only the text of some pages changed: render those pages and the search index
        // again. Anything else: a full build.
        let quick = kept.as_mut().and_then(|k| {
            // Templates only: render every page again, keep the index and open data.
            let mut template_dirs = vec![root.join("templates")];
            if let Some(theme) = &k.site.config.theme {
                template_dirs.push(root.join("themes").join(theme).join("templates"));
            }
            if let Some(line) = quick::template_edits(k, &template_dirs, &paths) {
                return Some(line);
            }
            let edited = quick::edited_pages(k, &root, &paths)?;
            quick::body_edits(k, opts.drafts, &edited)
                .or_else(|| front::front_matter_edits(k, opts.drafts, &edited))
        });
        match quick {
            Some(line) => {
                println!("{line}");
                state.set(true, None);
            }
            None => {
                // The kept state may be half updated: drop it (and its memory) before
                // building anew.
                drop(kept.take());
                kept = rebuild(&build_opts, &state);
            }
        }
    }
    0
}

/// Where the preview's private output goes: a memory file system when there is one
/// (rebuilds do not wait for the disk, and nothing is left on it), else the temp folder.
fn private_base() -> PathBuf {
    let shm = Path::new("/dev/shm");
    let writable = |p: &Path| {
        tempfile::Builder::new()
            .prefix("socnav-probe-")
            .tempdir_in(p)
            .is_ok()
    };
    if shm.is_dir() && writable(shm) {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

/// Whether a file event concerns the sources. A watched folder created after start is
/// watched from then on.
fn relevant(
    root: &Path,
    ev: &notify::Result<notify::Event>,
    watcher: &mut impl Watcher,
    paths: &mut Vec<PathBuf>,
) -> bool {
    let Ok(ev) = ev else { return false };
    // Reading files (the build itself does) and attribute changes such as access times
    // change nothing in the site; reacting to them would rebuild again after every build.
    if matches!(
        ev.kind,
        EventKind::Access(_)
            | EventKind::Other
            | EventKind::Modify(notify::event::ModifyKind::Metadata(_))
    ) {
        return false;
    }
    let mut any = false;
    for p in &ev.paths {
        let rel = p.strip_prefix(root).unwrap_or(p);
        let mut comps = rel.components();
        let Some(first) = comps.next() else { continue };
        let first = first.as_os_str().to_string_lossy();
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with(".#")
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".swx")
        {
            continue;
        }
        if first == "config.toml" {
            any = true;
            paths.push(p.clone());
        } else if WATCHED_DIRS.contains(&first.as_ref()) {
            if comps.next().is_none() && matches!(ev.kind, EventKind::Create(_)) {
                let _ = watcher.watch(p, RecursiveMode::Recursive);
            }
            any = true;
            paths.push(p.clone());
        }
    }
    any
}

/// A full build; returns what the next quick rebuild needs when it succeeded.
fn rebuild(opts: &BuildOptions, state: &State) -> Option<Kept> {
    let started = Instant::now();
    match build_keeping(opts, true) {
        Ok((report, kept)) => {
            println!("{}", report.summary());
            state.set(true, None);
            kept
        }
        Err(e) => {
            let text = match &e {
                BuildError::Content(diags) => {
                    diagnostics::render(diags, Format::Human, &opts.root, false)
                }
                BuildError::Template(m) | BuildError::Io(m) => format!("ошибка: {m}\n"),
            };
            eprint!("{text}");
            eprintln!(
                "Сборка за {:.2} с не удалась; показана прежняя версия.",
                started.elapsed().as_secs_f64()
            );
            state.set(false, Some(text));
            None
        }
    }
}
