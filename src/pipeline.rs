//! One pass over the content, in parallel: each file is read, parsed, checked on its own
//! and (when valid and a model is wanted) turned into its model item; then its text and
//! syntax tree are dropped. Only small per-file facts (slugs, claimed URLs, references)
//! wait for the checks that span files. This keeps memory proportional to the model, not
//! to the content tree, at 100,000 records.

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{read_content_file, Loaded};
use crate::model::date::Date;
use crate::model::{item_from, Item, Site};
use crate::validate::{self, FileCheck};

pub struct Outcome {
    /// Every diagnostic, sorted by file and position.
    pub diags: Vec<Diagnostic>,
    /// Content files read.
    pub files: usize,
    /// Model items, when a model was asked for and the content has no errors.
    pub items: Option<Vec<Item>>,
    /// For checking edited files again (`run_to_site` with `keep`, no errors).
    pub across: Option<validate::Across>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

/// What one file yields: its checks (or why it could not be read) and its model item.
type FileResult = (
    Result<FileCheck, Vec<Diagnostic>>,
    Option<Result<Item, Diagnostic>>,
);

/// Read, check and (with `model = Some(drafts)`) model every content file.
pub fn run(loaded: &Loaded, today: Date, model: Option<bool>) -> Outcome {
    let pass = Pass::run(loaded, today, model);
    let files = pass.files;
    let (diags, items) = pass.finish(loaded);
    let clean = !diags.iter().any(|d| d.severity == Severity::Error);
    Outcome {
        diags,
        files,
        items: (model.is_some() && clean).then_some(items),
        across: None,
    }
}

/// `run` for a build: when every file is valid on its own, the site model is assembled
/// while the checks that span files run (at 100,000 records each takes a core for half
/// a second). The model is returned only when those checks find no error either. With
/// `keep`, the outcome also keeps what checking one file again needs (`serve`).
pub fn run_to_site(
    loaded: &Loaded,
    today: Date,
    drafts: bool,
    keep: bool,
) -> (Outcome, Option<Site>) {
    let mut pass = Pass::run(loaded, today, Some(drafts));
    let files = pass.files;
    if pass.has_errors() {
        let (diags, _) = pass.finish(loaded);
        return (
            Outcome {
                diags,
                files,
                items: None,
                across: None,
            },
            None,
        );
    }
    let items = std::mem::take(&mut pass.items);
    let across = keep.then(|| {
        let facts: Vec<validate::FileFacts> = pass.checks.iter().map(|c| c.facts.clone()).collect();
        validate::Across {
            index: validate::SlugIndex::build(&facts),
            facts,
            templates: pass.templates.clone(),
        }
    });
    let (diags, site) = rayon::join(
        || pass.finish(loaded).0,
        || Site::build(loaded.model_parts(), items, today),
    );
    let clean = !diags.iter().any(|d| d.severity == Severity::Error);
    (
        Outcome {
            diags,
            files,
            items: None,
            across: across.filter(|_| clean),
        },
        clean.then_some(site),
    )
}

/// The per-file pass: what each file yields, before the checks that span files.
struct Pass {
    files: usize,
    checks: Vec<FileCheck>,
    items: Vec<Item>,
    load_diags: Vec<Diagnostic>,
    templates: std::collections::BTreeSet<String>,
}

impl Pass {
    fn run(loaded: &Loaded, today: Date, model: Option<bool>) -> Pass {
        let content = loaded.content_dir();
        let one = |path: &std::path::Path, lang: Option<&str>| -> FileResult {
            let mut file = match read_content_file(&loaded.root, &content, path) {
                Err(diags) => return (Err(diags), None),
                Ok(file) => file,
            };
            if let Some(lang) = lang {
                as_translation(&mut file, lang);
            }
            let mut check = validate::check_file(&file, &loaded.dicts, today);
            if let Some(lang) = lang {
                // A translation's slug is its original's; its addresses are under /<lang>/.
                check.facts.record_kind = None;
                for c in &mut check.facts.claims {
                    c.url = format!("/{lang}{}", c.url);
                }
            }
            let item = match model {
                Some(drafts) if check.diags.is_empty() => Some(
                    match lang {
                        Some(lang) => crate::model::translation_from(&file, drafts, lang),
                        None => item_from(&file, drafts),
                    }
                    .map_err(|e| Diagnostic::new("model", &file.rel, e)),
                ),
                _ => None,
            };
            (Ok(check), item)
        };
        let mut results: Vec<FileResult> = loaded.paths.par_iter().map(|p| one(p, None)).collect();
        // Translations: checked like their originals, published under /<lang>/.
        results.par_extend(
            loaded
                .translations
                .par_iter()
                .map(|t| one(&t.path, Some(&t.lang))),
        );
        let files = results.len();
        let mut checks = Vec::with_capacity(files);
        let mut unreadable = Vec::new();
        let mut items = Vec::with_capacity(files);
        let mut model_errors = Vec::new();
        for (check, item) in results {
            match check {
                Ok(c) => checks.push(c),
                Err(mut d) => unreadable.append(&mut d),
            }
            match item {
                Some(Ok(i)) => items.push(i),
                Some(Err(d)) => model_errors.push(d),
                None => {}
            }
        }
        let mut load_diags = loaded.diags.clone();
        load_diags.extend(validate::assets(&loaded.assets));
        load_diags.append(&mut unreadable);
        load_diags.append(&mut model_errors);
        let templates =
            match crate::render::templates::collect(&loaded.root, loaded.config.theme.as_deref()) {
                Ok(t) => t.into_keys().collect(),
                Err(e) => {
                    load_diags.push(Diagnostic::new("template", "config.toml", e).field("theme"));
                    Default::default()
                }
            };
        Pass {
            files,
            checks,
            items,
            load_diags,
            templates,
        }
    }

    /// Whether a file on its own already has an error.
    fn has_errors(&self) -> bool {
        let error = |d: &Diagnostic| d.severity == Severity::Error;
        self.load_diags.iter().any(error) || self.checks.iter().any(|c| c.diags.iter().any(error))
    }

    /// Every diagnostic, sorted, and the model items.
    fn finish(self, loaded: &Loaded) -> (Vec<Diagnostic>, Vec<Item>) {
        let diags = validate::finish(
            self.checks,
            self.load_diags,
            &loaded.config,
            &loaded.dicts,
            &self.templates,
        );
        (diags, self.items)
    }
}

/// A translation read as a content file names itself `slug.<lang>` (or `index.<lang>`
/// in a bundle): give it its original's slug and bundle.
fn as_translation(file: &mut crate::load::ContentFile, lang: &str) {
    let suffix = format!(".{lang}");
    if file.file_slug == format!("_index{suffix}") {
        // A section's translation (`_index.en.md`).
        file.kind = crate::load::FileKind::Section;
        file.record_kind = None;
        file.file_slug = String::new();
    } else if file.file_slug == format!("index{suffix}") && !file.components.is_empty() {
        file.file_slug = file.components.pop().unwrap_or_default();
        let dir = std::path::Path::new(&file.rel)
            .parent()
            .map(std::path::Path::to_path_buf);
        file.bundle = dir;
    } else if let Some(stem) = file.file_slug.strip_suffix(&suffix) {
        file.file_slug = stem.to_string();
    }
}
