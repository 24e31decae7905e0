//! The `socnav` command line. Exit codes: 0 success, 1 content errors, 2 usage or I/O.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use socnav::build::{build, BuildError, BuildOptions};
use socnav::diagnostics::{self, Format};
use socnav::schema::Kind;

// Rendering 100,000 pages allocates heavily (template values, strings); mimalloc cuts the
// allocator's share of the build time (measured with `cargo bench --bench build`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "socnav",
    version,
    about = "Static site generator for a navigator of social support measures",
    long_about = "socnav turns a content tree (Zola conventions: content/, data/, themes/) of \
                  support measures, providers, standards and life situations into a static \
                  navigator site.\n\nExamples:\n  socnav build\n  socnav check --format github\n  \
                  socnav new service edinoe-posobie"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    Human,
    Json,
    Csv,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced only when the build succeeds)
    Build {
        /// Site folder (with config.toml, content/, data/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder [default: <root>/public]
        #[arg(long)]
        output: Option<PathBuf>,
        /// Override config.toml's base_url, e.g. https://navigator.example.ru
        #[arg(long)]
        base_url: Option<String>,
        /// Include records marked draft = true
        #[arg(long)]
        drafts: bool,
    },
    /// Build, serve on localhost and rebuild on every change, with live reload
    Serve {
        /// Site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Address to listen on (other than 127.0.0.1 makes the preview reachable from the network)
        #[arg(long, default_value = "127.0.0.1")]
        interface: std::net::IpAddr,
        /// Port (0: any free port)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Include records marked draft = true
        #[arg(long)]
        drafts: bool,
        /// Open the site in the browser
        #[arg(long)]
        open: bool,
    },
    /// Report every problem in the content; exit 1 if there are errors
    Check {
        /// Site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format: human (with source lines), json, or github (Actions annotations)
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also fail on stale records and quality scores under the threshold set in
        /// config.toml ([extra.quality] stale_months, min_score)
        #[arg(long)]
        strict: bool,
    },
    /// Score every service and provider for completeness and freshness, summed per
    /// provider, category and region, with the most common gaps
    Report {
        /// Site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },
    /// Create a new record with every field of its kind, commented in Russian
    New {
        /// Kind of record: service, provider, standard or situation
        #[arg(value_parser = ["service", "provider", "standard", "situation"])]
        kind: String,
        /// File name (slug): lowercase Latin letters, digits and hyphens
        slug: String,
        /// Site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Generate a synthetic catalogue for benchmarks
    #[command(hide = true)]
    Synth {
        /// Output site folder (created; must not exist or be empty)
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1000)]
        services: usize,
        #[arg(long)]
        providers: Option<usize>,
        #[arg(long)]
        standards: Option<usize>,
        /// Random seed
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print the content reference (every field of every kind) as Markdown
    #[command(hide = true)]
    Schema {
        /// Language: en (the README) or ru (the editors' guide)
        #[arg(long, default_value = "en", value_parser = ["en", "ru"])]
        lang: String,
    },
    /// Remove a replaced output folder (started by `build` in the background)
    #[command(hide = true)]
    RemoveOldOutput { dir: PathBuf },
    /// Print every distinct word under content/ and data/ with its search stem, as
    /// "word<TAB>stem" lines (for the stemmer agreement test)
    #[command(hide = true)]
    Stems {
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn main() -> ExitCode {
    socnav::alloc::tune();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = run(cli.command);
    ExitCode::from(code as u8)
}

fn run(command: Command) -> i32 {
    match command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let opts = BuildOptions {
                root: root.clone(),
                output,
                base_url,
                drafts,
                dispose: socnav::write::Disposal::Background,
            };
            match build(&opts) {
                Ok(report) => {
                    println!("{}", report.summary());
                    0
                }
                Err(e) => {
                    match &e {
                        BuildError::Content(diags) => {
                            eprint!(
                                "{}",
                                diagnostics::render(
                                    diags,
                                    Format::Human,
                                    &root,
                                    std::io::stderr().is_terminal()
                                )
                            );
                            eprintln!(
                                "Сборка остановлена: {} {} в содержимом. Прежняя версия сайта не тронута. Подробнее: socnav check",
                                diags.len(),
                                diagnostics::plural(diags.len(), "ошибка", "ошибки", "ошибок")
                            );
                        }
                        BuildError::Template(msg) => eprintln!(
                            "ошибка: {msg}\nСборка остановлена. Прежняя версия сайта не тронута."
                        ),
                        BuildError::Io(msg) => eprintln!(
                            "ошибка: {msg}\nСборка остановлена. Прежняя версия сайта не тронута."
                        ),
                    }
                    e.exit_code()
                }
            }
        }
        Command::Serve {
            root,
            interface,
            port,
            drafts,
            open,
        } => socnav::serve::serve(&socnav::serve::ServeOptions {
            root,
            interface,
            port,
            drafts,
            open,
        }),
        Command::Report { root, format } => match socnav::quality::load_site(&root) {
            Ok(site) => {
                use socnav::quality::{report, score_site, summary};
                let scores = score_site(&site);
                let summary = summary::summarise(&site, &scores);
                print!(
                    "{}",
                    match format {
                        ReportFormat::Human => report::human(&summary, &scores),
                        ReportFormat::Json => report::json(&summary, &scores),
                        ReportFormat::Csv => report::csv(&summary, &scores),
                    }
                );
                0
            }
            Err((diags, code)) => {
                eprint!(
                    "{}",
                    diagnostics::render(
                        &diags,
                        Format::Human,
                        &root,
                        std::io::stderr().is_terminal()
                    )
                );
                if code == 1 {
                    eprintln!("Оценить качество можно, когда в содержимом нет ошибок: исправьте их (socnav check) и запустите отчёт снова.");
                }
                code
            }
        },
        Command::Check {
            root,
            format,
            strict,
        } => match socnav::check::check(&root, strict) {
            Ok(outcome) => {
                let color = format == Format::Human && std::io::stdout().is_terminal();
                print!("{}", socnav::check::report(&outcome, format, &root, color));
                if outcome.errors() > 0 {
                    1
                } else {
                    0
                }
            }
            Err(d) => {
                eprint!(
                    "{}",
                    diagnostics::render(
                        &[*d],
                        Format::Human,
                        &root,
                        std::io::stderr().is_terminal()
                    )
                );
                2
            }
        },
        Command::New { kind, slug, root } => {
            let kind = Kind::from_name(&kind).expect("clap checked the kind");
            match socnav::new::create(&root, kind, &slug) {
                Ok(path) => {
                    println!(
                        "Создан файл {}. Заполните поля и запустите socnav check.",
                        diagnostics::rel_path(&root, &path)
                    );
                    0
                }
                Err(e) => {
                    eprintln!("ошибка: {}", e.0);
                    2
                }
            }
        }
        Command::Synth {
            out,
            services,
            providers,
            standards,
            seed,
        } => {
            let spec = socnav::synth::Spec {
                services,
                providers: providers.unwrap_or((services / 10).max(5)),
                standards: standards.unwrap_or((services / 100).max(3)),
                seed,
            };
            match socnav::synth::generate(&out, &spec) {
                Ok(()) => {
                    println!(
                        "Синтетический каталог: {} мер, {} организаций, {} стандартов → {}",
                        spec.services,
                        spec.providers,
                        spec.standards,
                        out.display()
                    );
                    0
                }
                Err(e) => {
                    eprintln!("ошибка: {e}");
                    2
                }
            }
        }
        Command::RemoveOldOutput { dir } => match socnav::write::remove_old_output(&dir) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("ошибка: {e}");
                2
            }
        },
        Command::Stems { root } => match socnav::index::vocabulary(&root) {
            Ok(lines) => {
                let mut out = String::new();
                for (w, s) in lines {
                    out.push_str(&w);
                    out.push('\t');
                    out.push_str(&s);
                    out.push('\n');
                }
                print!("{out}");
                0
            }
            Err(e) => {
                eprintln!("ошибка: {e}");
                2
            }
        },
        Command::Schema { lang } => {
            print!(
                "{}",
                if lang == "ru" {
                    socnav::schema_doc::markdown_ru()
                } else {
                    socnav::schema_doc::markdown()
                }
            );
            0
        }
    }
}
