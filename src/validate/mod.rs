//! Stage 2: validate. Every problem in the content, in one run, sorted by file.
//!
//! Checks run in two steps so that no file's text has to stay in memory:
//! [`check_file`] does everything one file can tell on its own (`fields` walks the front
//! matter against the schema, `rules` checks what spans fields) and notes the references
//! and URLs it claims; [`finish`] then checks what spans files: references to missing
//! records, duplicate slugs and URL collisions (aliases too), missing dictionaries.

pub mod fields;
pub mod rules;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::config::Config;
use crate::diagnostics::{self, did_you_mean, Diagnostic};
use crate::load::{ContentFile, Dictionaries, FileKind};
use crate::model::date::Date;
use crate::model::paths::{normalize_path, page_slug, url_of};
use crate::schema::{self, Kind};

/// A reference to another record, located in its file, checked by [`finish`].
#[derive(Debug, Clone)]
pub struct PendingRef {
    pub kind: Kind,
    pub slug: String,
    /// Where the reference stands (file, line, column, span, field); message set later.
    pub at: Diagnostic,
}

/// A URL a file claims (its own, or an alias), located for messages.
#[derive(Debug, Clone)]
pub struct Claim {
    pub url: String,
    pub alias: bool,
    pub at: Diagnostic,
}

/// What one file tells the checks that span files.
#[derive(Debug, Clone)]
pub struct FileFacts {
    pub rel: String,
    pub kind: FileKind,
    pub record_kind: Option<Kind>,
    pub slug: String,
    /// `draft = true`: left out of builds without --drafts.
    pub draft: bool,
    pub claims: Vec<Claim>,
    /// Templates the file asks for (`template`, `page_template`), located.
    pub templates: Vec<(String, Diagnostic)>,
}

/// The result of checking one file.
#[derive(Debug)]
pub struct FileCheck {
    pub diags: Vec<Diagnostic>,
    pub refs: Vec<PendingRef>,
    pub facts: FileFacts,
}

/// What checking one edited file again against the others needs (`serve` keeps it):
/// every file's facts, the published slugs and the templates.
#[derive(Default)]
pub struct Across {
    pub facts: Vec<FileFacts>,
    pub index: SlugIndex,
    pub templates: std::collections::BTreeSet<String>,
}

/// Slugs of the records of each kind, for reference checks.
#[derive(Debug, Default)]
pub struct SlugIndex {
    by_kind: HashMap<Kind, BTreeMap<String, bool>>,
}

impl SlugIndex {
    pub fn build<'a>(facts: impl IntoIterator<Item = &'a FileFacts>) -> SlugIndex {
        let mut by_kind: HashMap<Kind, BTreeMap<String, bool>> = HashMap::new();
        for f in facts {
            if let (FileKind::Page, Some(kind)) = (f.kind, f.record_kind) {
                by_kind
                    .entry(kind)
                    .or_default()
                    .entry(f.slug.clone())
                    .or_insert(f.draft);
            }
        }
        SlugIndex { by_kind }
    }

    /// Whether the record is a draft (`None` when there is no such record).
    pub fn is_draft(&self, kind: Kind, slug: &str) -> Option<bool> {
        self.by_kind.get(&kind)?.get(slug).copied()
    }

    pub fn contains(&self, kind: Kind, slug: &str) -> bool {
        self.by_kind
            .get(&kind)
            .is_some_and(|m| m.contains_key(slug))
    }

    pub fn slugs(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.by_kind
            .get(&kind)
            .into_iter()
            .flat_map(|m| m.keys().map(String::as_str))
    }
}

/// Everything one file can tell about itself.
pub fn check_file(f: &ContentFile, dicts: &Dictionaries, today: Date) -> FileCheck {
    let mut diags = f.syntax_errors.clone();
    let mut refs = Vec::new();
    let facts = facts_of(f);
    if let Some(table) = f.front.as_ref().and_then(|n| n.as_table()) {
        let span = f.front.as_ref().map(|n| n.span.clone()).unwrap_or(0..0);
        let fields: &'static [schema::Field] = match (f.kind, f.record_kind) {
            (FileKind::Section, _) => schema::SECTION,
            (FileKind::Page, Some(kind)) => kind.schema(),
            (FileKind::Page, None) => schema::PLAIN_PAGE,
        };
        let mut check = fields::FieldCheck {
            file: f,
            dicts,
            diags: Vec::new(),
            refs: Vec::new(),
        };
        check.table(fields, table, "", span);
        let mut rules = rules::Rules {
            file: f,
            today,
            diags: check.diags,
        };
        rules.common();
        if let (FileKind::Page, Some(kind)) = (f.kind, f.record_kind) {
            rules.record(kind);
        }
        diags.append(&mut rules.diags);
        refs = check.refs;
    }
    FileCheck { diags, refs, facts }
}

fn located(f: &ContentFile, span: Option<Range<usize>>, field: Option<&str>) -> Diagnostic {
    let mut d = Diagnostic::new("url-collision", &f.rel, String::new());
    if let Some(field) = field {
        d = d.field(field);
    }
    match span {
        Some(s) => d.at(&f.text, s),
        None => d,
    }
}

fn facts_of(f: &ContentFile) -> FileFacts {
    let mut claims = Vec::new();
    let front = f.front.as_ref();
    match f.kind {
        FileKind::Section => claims.push(Claim {
            url: url_of(f),
            alias: false,
            at: located(f, None, None),
        }),
        FileKind::Page if front.is_some() => {
            let (span, field) = match (
                front.and_then(|n| n.path("path")),
                front.and_then(|n| n.path("slug")),
            ) {
                (Some(p), _) => (Some(p.span.clone()), Some("path")),
                (None, Some(s)) => (Some(s.span.clone()), Some("slug")),
                _ => (None, None),
            };
            claims.push(Claim {
                url: url_of(f),
                alias: false,
                at: located(f, span, field),
            });
        }
        FileKind::Page => {}
    }
    if let Some(aliases) = front
        .and_then(|n| n.path("aliases"))
        .and_then(|n| n.as_array())
    {
        for (i, a) in aliases.iter().enumerate() {
            if let Some(url) = a.as_str().and_then(normalize_path) {
                let at = located(f, Some(a.span.clone()), Some(&format!("aliases[{i}]")));
                claims.push(Claim {
                    url,
                    alias: true,
                    at,
                });
            }
        }
    }
    let mut templates = Vec::new();
    for key in ["template", "page_template"] {
        if let Some(n) = front.and_then(|n| n.path(key)) {
            if let Some(name) = n.as_str() {
                let at = Diagnostic::new("template", &f.rel, String::new())
                    .field(key)
                    .at(&f.text, n.span.clone());
                templates.push((name.to_string(), at));
            }
        }
    }
    FileFacts {
        rel: f.rel.clone(),
        kind: f.kind,
        record_kind: f.record_kind,
        slug: page_slug(f),
        draft: front
            .and_then(|n| n.path("draft"))
            .is_some_and(|n| matches!(n.value, crate::load::Value::Bool(true))),
        claims,
        templates,
    }
}

/// The checks that span files. `checks` are the per-file results; the returned list holds
/// every diagnostic (per-file ones included), sorted by file and position.
pub fn finish(
    checks: Vec<FileCheck>,
    mut load_diags: Vec<Diagnostic>,
    config: &Config,
    dicts: &Dictionaries,
    templates: &std::collections::BTreeSet<String>,
) -> Vec<Diagnostic> {
    let index = SlugIndex::build(checks.iter().map(|c| &c.facts));
    let mut diags = std::mem::take(&mut load_diags);
    let mut facts = Vec::with_capacity(checks.len());
    for c in checks {
        diags.extend(c.diags);
        check_across(&c.refs, &c.facts, &index, templates, &mut diags);
        facts.push(c.facts);
    }
    diags.extend(collisions(&facts, config, dicts));
    if facts.iter().any(|f| f.record_kind.is_some()) {
        diags.extend(missing_dictionaries(dicts));
    }
    diagnostics::sort(&mut diags);
    diags
}

/// The checks of one file that need the others: its references resolve to published
/// records, and the templates it names exist. (`serve` runs them again for an edited
/// file whose slug, addresses and draft state did not change.)
pub fn check_across(
    refs: &[PendingRef],
    facts: &FileFacts,
    index: &SlugIndex,
    templates: &std::collections::BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    for r in refs {
        match index.is_draft(r.kind, &r.slug) {
            Some(false) => continue,
            Some(true) if facts.draft => continue,
            Some(true) => {
                let mut d = r.at.clone();
                d.code = "draft-ref";
                d.message = format!(
                    "«{}» — черновик (draft = true): на опубликованной странице его не будет",
                    r.slug
                );
                d.help = Some("опубликуйте ту запись (уберите draft = true) или уберите ссылку, пока она черновик".into());
                diags.push(d);
                continue;
            }
            None => {}
        }
        let help = match did_you_mean(&r.slug, index.slugs(r.kind)) {
            Some(k) => format!("возможно, вы имели в виду «{k}»"),
            None => format!(
                "укажите имя файла без .md из папки content/{}/ или создайте запись: socnav new {} {}",
                r.kind.section(),
                r.kind.name(),
                r.slug
            ),
        };
        let mut d = r.at.clone();
        d.message = format!("нет записи «{}» среди {}", r.slug, r.kind.plural_genitive());
        d.help = Some(help);
        diags.push(d);
    }
    for (name, at) in &facts.templates {
        if !templates.contains(name) {
            let mut d = at.clone();
            d.message = format!("нет шаблона «{name}»");
            d.help = Some(
                match did_you_mean(name, templates.iter().map(String::as_str)) {
                    Some(t) => format!("возможно, вы имели в виду «{t}»"),
                    None => "положите шаблон в templates/ или уберите это поле".to_string(),
                },
            );
            diags.push(d);
        }
    }
}

/// Two things may not be served at one URL: pages, sections, aliases, and the URLs the
/// generator itself owns (taxonomies, feeds, the 404 page). The later claimant is blamed.
fn collisions(facts: &[FileFacts], config: &Config, dicts: &Dictionaries) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut owners: HashMap<String, (String, &'static str)> = HashMap::new();
    let mut reserve = |url: String| {
        owners.insert(file_key(&url), ("socnav".to_string(), "служебная страница"));
    };
    for reserved in [
        "/search/",
        "/404.html",
        "/sitemap.xml",
        "/robots.txt",
        "/atom.xml",
        "/_redirects",
    ] {
        reserve(reserved.to_string());
    }
    // Taxonomy pages: the list and a page for every term of the dictionary.
    for name in crate::config::KNOWN_TAXONOMIES {
        if !config.has_taxonomy(name) {
            continue;
        }
        reserve(format!("/{name}/"));
        if let Some(dict) = schema::Dict::taxonomy(name) {
            for key in dicts.get(dict).keys() {
                reserve(format!("/{name}/{key}/"));
            }
        }
    }
    // Sections first, then pages, then aliases.
    let order = |f: &FileFacts, c: &Claim| match (c.alias, f.kind) {
        (true, _) => 2,
        (false, FileKind::Section) => 0,
        (false, FileKind::Page) => 1,
    };
    let mut claims: Vec<(&FileFacts, &Claim)> = facts
        .iter()
        .flat_map(|f| f.claims.iter().map(move |c| (f, c)))
        .collect();
    claims.sort_by_key(|(f, c)| order(f, c));
    for (f, c) in claims {
        // Compare the files that would be written: `/a/index.html` and `/a/` are one file.
        let key = file_key(&c.url);
        if let Some((other, other_what)) = owners.get(&key) {
            let mut d = c.at.clone();
            d.message = format!("адрес {} уже занят: {other_what} {other}", c.url);
            d.help = Some(if c.alias {
                "уберите этот старый адрес или выберите другой".to_string()
            } else {
                "у двух записей один адрес: переименуйте файл или задайте другой slug".to_string()
            });
            diags.push(d);
        } else {
            let label = match (c.alias, f.kind) {
                (true, _) => "старый адрес (alias) в",
                (false, FileKind::Section) => "раздел",
                (false, FileKind::Page) => "запись",
            };
            owners.insert(key, (f.rel.clone(), label));
        }
    }
    diags
}

/// File types that may be published from content/ (attachments of page bundles, images).
/// No HTML, scripts, styles, XML or SVG: a pull request must not be able to ship a page
/// or a script under the site's origin.
pub const ASSET_TYPES: &[&str] = &[
    "pdf", "txt", "csv", "png", "jpg", "jpeg", "gif", "webp", "avif", "odt", "ods", "odp", "doc",
    "docx", "xls", "xlsx", "rtf", "zip",
];

/// Files beside the Markdown in content/: allowed types and safe names only.
pub fn assets(assets: &[crate::load::ContentAsset]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for a in assets {
        let file = format!("content/{}", a.rel);
        let name = a.rel.rsplit('/').next().unwrap_or(&a.rel);
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !ASSET_TYPES.contains(&ext.as_str()) {
            diags.push(
                Diagnostic::new("asset-type", &file, format!("файл «{name}» такого типа нельзя публиковать"))
                    .help(format!(
                        "в content/ можно класть только документы и картинки: {}; страницы пишите в Markdown (.md)",
                        ASSET_TYPES.join(", ")
                    )),
            );
        } else if !a.rel.split('/').all(crate::model::paths::safe_segment) {
            diags.push(
                Diagnostic::new("asset-name", &file, format!("недопустимое имя файла «{}»", a.rel))
                    .help("имя файла и папок станет частью адреса: только латинские буквы, цифры, дефис, точка и подчёркивание, без пробелов"),
            );
        } else if a.rel == "robots.txt" {
            diags.push(
                Diagnostic::new("url-collision", &file, "robots.txt создаёт сам генератор")
                    .help("уберите этот файл; настройки — в config.toml (generate_robots_txt)"),
            );
        }
    }
    diags
}

/// The output file a URL is served from, as the key of collision checks.
fn file_key(url: &str) -> String {
    crate::model::paths::output_file(url).unwrap_or_else(|| url.to_string())
}

/// The dictionaries must exist when there are records at all.
fn missing_dictionaries(dicts: &Dictionaries) -> Vec<Diagnostic> {
    [
        schema::Dict::Categories,
        schema::Dict::Audiences,
        schema::Dict::Regions,
        schema::Dict::Documents,
    ]
    .into_iter()
    .filter(|d| !dicts.get(*d).present)
    .map(|dict| {
        Diagnostic::new(
            "no-dictionary",
            dict.file(),
            format!("нет словаря {}", dict.file()),
        )
        .help("создайте файл: в нём для каждого термина таблица [ключ] с полем title")
    })
    .collect()
}
