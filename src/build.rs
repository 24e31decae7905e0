//! `socnav build`: load → validate → model → render → write, and the summary line.

use std::path::PathBuf;
use std::time::Instant;

use crate::diagnostics::{plural, Diagnostic};
use crate::model::date::Date;
use crate::model::Site;
use crate::render;
use crate::schema::Kind;
use crate::write::Staging;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// How to remove the replaced output (the command line removes it in the background).
    pub dispose: crate::write::Disposal,
}

/// Why a build failed: content the editor must fix (exit 1), or I/O and usage (exit 2).
#[derive(Debug)]
pub enum BuildError {
    Content(Vec<Diagnostic>),
    Template(String),
    Io(String),
}

impl From<render::RenderError> for BuildError {
    fn from(e: render::RenderError) -> BuildError {
        match e {
            render::RenderError::Template(m) => BuildError::Template(m),
            render::RenderError::Io(m) => BuildError::Io(m),
        }
    }
}

impl BuildError {
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildError::Content(_) | BuildError::Template(_) => 1,
            BuildError::Io(_) => 2,
        }
    }
}

pub struct BuildReport {
    pub output: PathBuf,
    pub stats: render::Stats,
    pub records: [(Kind, usize); 4],
    pub seconds: f64,
}

impl BuildReport {
    /// The one summary line a build ends with.
    pub fn summary(&self) -> String {
        let s = &self.stats;
        let recs: Vec<String> = self
            .records
            .iter()
            .map(|(k, n)| {
                let word = match k {
                    Kind::Service => {
                        plural(*n, "мера поддержки", "меры поддержки", "мер поддержки")
                    }
                    Kind::Provider => plural(*n, "организация", "организации", "организаций"),
                    Kind::Standard => plural(*n, "стандарт", "стандарта", "стандартов"),
                    Kind::Situation => plural(
                        *n,
                        "жизненная ситуация",
                        "жизненные ситуации",
                        "жизненных ситуаций",
                    ),
                };
                format!("{n} {word}")
            })
            .collect();
        format!(
            "Собрано за {:.2} с: {} {}, {} {}, {} {} списков; записи: {} → {}",
            self.seconds,
            s.pages,
            plural(s.pages, "страница", "страницы", "страниц"),
            s.sections,
            plural(s.sections, "раздел", "раздела", "разделов"),
            s.list_pages,
            plural(s.list_pages, "страница", "страницы", "страниц"),
            recs.join(", "),
            self.output.display()
        )
    }
}

/// Prints the time of each stage to stderr when `SOCNAV_TIMINGS` is set (for benchmarks).
struct Timings {
    on: bool,
    last: Instant,
}

impl Timings {
    fn new() -> Timings {
        Timings {
            on: std::env::var_os("SOCNAV_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    fn stage(&mut self, name: &str) {
        if self.on {
            eprintln!("  {name:<10} {:>8.3} s", self.last.elapsed().as_secs_f64());
        }
        self.last = Instant::now();
    }
}

/// What a build leaves for the next one, when asked to (`serve`): the model, what was
/// prepared for rendering, and the search index's words and files.
pub struct Kept {
    pub site: Site,
    pub env: render::RenderEnv,
    pub words: crate::index::WordCache,
    /// The search index's folder (`search/<hash>/`) and its files with their hashes.
    pub index_dir: String,
    pub index_files: Vec<(String, u64)>,
    pub output: PathBuf,
    /// For checking an edited file again against the others.
    pub across: crate::validate::Across,
    /// Where each record's piece of the large open-data files lies.
    pub layouts: Vec<crate::write::Layout>,
}

pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_keeping(opts, false).map(|(report, _)| report)
}

/// `build`, also returning what the next build can reuse when `keep` is set.
pub fn build_keeping(
    opts: &BuildOptions,
    keep: bool,
) -> Result<(BuildReport, Option<Kept>), BuildError> {
    let started = Instant::now();
    let mut t = Timings::new();
    let today = Date::today();
    let mut loaded =
        crate::load::load(&opts.root).map_err(|f| BuildError::Io(format_fatal(&f.0)))?;
    if let Some(base) = &opts.base_url {
        loaded.config.base_url = base.clone();
    }
    t.stage("load");
    // Git history is read while the content is checked.
    let git = {
        let root = opts.root.clone();
        std::thread::spawn(move || crate::load::git::file_dates(&root))
    };
    let (mut outcome, site) = crate::pipeline::run_to_site(&loaded, today, opts.drafts, keep);
    t.stage("check+model");
    let across = outcome.across.take();
    let Some(mut site) = site else {
        let errors = outcome
            .diags
            .into_iter()
            .filter(|d| d.severity == crate::diagnostics::Severity::Error)
            .collect();
        return Err(BuildError::Content(errors));
    };
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    if let Ok(dates) = git.join() {
        site.set_file_dates(&dates);
    }
    // The words pages show from Rust, in the site's language, looked up once.
    site.labels = render::translations::Translations::load(&site.root, &site.config)
        .and_then(|t| render::translations::labels::Labels::of_default_language(&t))
        .map_err(BuildError::Template)?;
    t.stage("model");
    let staging = Staging::new(&output, &opts.root).map_err(|e| BuildError::Io(e.0))?;
    // Render and index side by side; the index is written as soon as it is complete.
    let mut words = keep.then(crate::index::WordCache::default);
    let (stats, indexes, env) = render::render_site(
        &site,
        &staging,
        || {
            // Open data is written beside the index, while pages render.
            let (index, export) = rayon::join(
                || {
                    // Benchmarks only: the cost of the index is the build time with it
                    // minus the build time without it.
                    if std::env::var_os("SOCNAV_BENCH_NO_SEARCH_INDEX").is_some() {
                        let none = crate::index::Indexes::empty();
                        none.write(&staging).map_err(|e| e.0)?;
                        return Ok(none);
                    }
                    let index = match words.as_mut() {
                        Some(w) => crate::index::build_filling(&site, w),
                        None => crate::index::build(&site),
                    }?;
                    // Written as soon as it is made, and its bytes let go: at 100,000
                    // services they are 200 MB that would otherwise wait for the last page.
                    index.write(&staging).map_err(|e| e.0)?;
                    Ok(index.written())
                },
                || {
                    // Benchmarks only, like the index switch above.
                    if std::env::var_os("SOCNAV_BENCH_NO_OPEN_DATA").is_some() {
                        return Ok(());
                    }
                    crate::export::write(&site, &staging)
                },
            );
            export?;
            index
        },
        crate::index::Indexes::url,
    )?;
    let (mut stats, mut env) = (stats, env);
    stats.pages += render::render_translations(&mut site, &mut env, &staging)?;
    t.stage("render+index");
    let layouts = staging.take_layouts();
    staging
        .commit(opts.dispose)
        .map_err(|e| BuildError::Io(e.0))?;
    t.stage("swap");
    let records = Kind::ALL.map(|k| (k, site.count(k)));
    let report = BuildReport {
        output: output.clone(),
        stats,
        records,
        seconds: started.elapsed().as_secs_f64(),
    };
    let kept = match words {
        Some(words) => Some(Kept {
            index_dir: indexes.shards.dir.clone(),
            index_files: indexes.shards.file_hashes(),
            site,
            env,
            words,
            output,
            across: across.unwrap_or_default(),
            layouts,
        }),
        None => {
            // Freeing the model takes a core half a second at 100,000 pages; the command
            // line prints its summary and exits meanwhile.
            std::thread::spawn(move || drop((site, env, indexes)));
            None
        }
    };
    Ok((report, kept))
}

fn format_fatal(d: &Diagnostic) -> String {
    let mut s = format!("{}: {}", d.file, d.message);
    if let Some(h) = &d.help {
        s.push_str(&format!(" ({h})"));
    }
    s
}
