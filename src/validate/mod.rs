//! Stage 2: validate. Every problem in the content, in one run, sorted by file.
//!
//! `fields` walks each front matter against the schema; `rules` checks what spans fields;
//! this module adds what spans files: duplicate slugs and URL collisions (aliases too).

pub mod fields;
pub mod rules;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::diagnostics::{self, Diagnostic};
use crate::load::{ContentFile, FileKind, Loaded};
use crate::model::date::Date;
use crate::model::paths::{normalize_path, page_slug, url_of};
use crate::schema::{self, Kind};

/// Slugs of the records of each kind, for reference checks.
#[derive(Debug, Default)]
pub struct SlugIndex {
    by_kind: HashMap<Kind, BTreeMap<String, usize>>,
}

impl SlugIndex {
    pub fn build(files: &[ContentFile]) -> SlugIndex {
        let mut by_kind: HashMap<Kind, BTreeMap<String, usize>> = HashMap::new();
        for (i, f) in files.iter().enumerate() {
            if let (FileKind::Page, Some(kind)) = (f.kind, f.record_kind) {
                by_kind
                    .entry(kind)
                    .or_default()
                    .entry(page_slug(f))
                    .or_insert(i);
            }
        }
        SlugIndex { by_kind }
    }

    pub fn contains(&self, kind: Kind, slug: &str) -> bool {
        self.by_kind
            .get(&kind)
            .is_some_and(|m| m.contains_key(slug))
    }

    pub fn get(&self, kind: Kind, slug: &str) -> Option<usize> {
        self.by_kind.get(&kind)?.get(slug).copied()
    }

    pub fn slugs(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.by_kind
            .get(&kind)
            .into_iter()
            .flat_map(|m| m.keys().map(String::as_str))
    }
}

/// Validate everything that was loaded. Load-stage diagnostics are included.
pub fn validate(loaded: &Loaded, today: Date) -> Vec<Diagnostic> {
    let slugs = SlugIndex::build(&loaded.files);
    let mut diags: Vec<Diagnostic> = loaded.diags.clone();
    let per_file: Vec<Vec<Diagnostic>> = loaded
        .files
        .par_iter()
        .map(|f| check_file(f, loaded, &slugs, today))
        .collect();
    diags.extend(per_file.into_iter().flatten());
    diags.extend(collisions(loaded));
    diags.extend(missing_dictionaries(loaded));
    diagnostics::sort(&mut diags);
    diags
}

fn check_file(f: &ContentFile, loaded: &Loaded, slugs: &SlugIndex, today: Date) -> Vec<Diagnostic> {
    let Some(front) = &f.front else {
        return Vec::new();
    };
    let Some(table) = front.as_table() else {
        return Vec::new();
    };
    let fields: &'static [schema::Field] = match (f.kind, f.record_kind) {
        (FileKind::Section, _) => schema::SECTION,
        (FileKind::Page, Some(kind)) => kind.schema(),
        (FileKind::Page, None) => schema::PLAIN_PAGE,
    };
    let mut check = fields::FieldCheck {
        file: f,
        dicts: &loaded.dicts,
        slugs,
        diags: Vec::new(),
    };
    check.table(fields, table, "", front.span.clone());
    let mut rules = rules::Rules {
        file: f,
        today,
        diags: check.diags,
    };
    rules.common();
    if let (FileKind::Page, Some(kind)) = (f.kind, f.record_kind) {
        rules.record(kind);
    }
    rules.diags
}

/// Two things may not be served at one URL: pages, sections, aliases, and the URLs the
/// generator itself owns (taxonomies, feeds, assets).
fn collisions(loaded: &Loaded) -> Vec<Diagnostic> {
    let files = &loaded.files;
    let mut diags = Vec::new();
    let mut owners: HashMap<String, (String, &'static str)> = HashMap::new();
    let mut reserve = |url: String| {
        owners.insert(url, ("socnav".to_string(), "служебная страница"));
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
        if !loaded.config.has_taxonomy(name) {
            continue;
        }
        reserve(format!("/{name}/"));
        if let Some(dict) = schema::Dict::taxonomy(name) {
            for key in loaded.dicts.get(dict).keys() {
                reserve(format!("/{name}/{key}/"));
            }
        }
    }
    let mut claim = |url: String,
                     f: &ContentFile,
                     what: &'static str,
                     span: Option<std::ops::Range<usize>>,
                     field: Option<&str>| {
        if let Some((other, other_what)) = owners.get(&url) {
            let mut d = Diagnostic::new(
                "url-collision",
                &f.rel,
                format!("адрес {url} уже занят: {other_what} {other}"),
            )
            .help(if what == "alias" {
                "уберите этот старый адрес или выберите другой".to_string()
            } else {
                "у двух записей один адрес: переименуйте файл или задайте другой slug".to_string()
            });
            if let Some(fl) = field {
                d = d.field(fl);
            }
            if let Some(s) = span {
                d = d.at(&f.text, s);
            }
            diags.push(d);
        } else {
            let label = match what {
                "alias" => "старый адрес (alias) в",
                "section" => "раздел",
                _ => "запись",
            };
            owners.insert(url, (f.rel.clone(), label));
        }
    };
    // Sections first, then pages, then aliases: the message blames the later claimant.
    for f in files.iter().filter(|f| f.kind == FileKind::Section) {
        claim(url_of(f), f, "section", None, None);
    }
    for f in files
        .iter()
        .filter(|f| f.kind == FileKind::Page && f.front.is_some())
    {
        let front = f.front.as_ref();
        let (span, field) = match (
            front.and_then(|n| n.path("path")),
            front.and_then(|n| n.path("slug")),
        ) {
            (Some(p), _) => (Some(p.span.clone()), Some("path")),
            (None, Some(s)) => (Some(s.span.clone()), Some("slug")),
            _ => (None, None),
        };
        claim(url_of(f), f, "page", span, field);
    }
    for f in files.iter().filter(|f| f.front.is_some()) {
        let Some(aliases) = f
            .front
            .as_ref()
            .and_then(|n| n.path("aliases"))
            .and_then(|n| n.as_array())
        else {
            continue;
        };
        for (i, a) in aliases.iter().enumerate() {
            if let Some(url) = a.as_str().and_then(normalize_path) {
                claim(
                    url,
                    f,
                    "alias",
                    Some(a.span.clone()),
                    Some(&format!("aliases[{i}]")),
                );
            }
        }
    }
    diags
}

/// A record kind's dictionary must exist when records use taxonomies at all.
fn missing_dictionaries(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let has_records = loaded.files.iter().any(|f| f.record_kind.is_some());
    if !has_records {
        return diags;
    }
    for dict in [
        schema::Dict::Categories,
        schema::Dict::Audiences,
        schema::Dict::Regions,
        schema::Dict::Documents,
    ] {
        if !loaded.dicts.get(dict).present {
            diags.push(
                Diagnostic::new(
                    "no-dictionary",
                    dict.file(),
                    format!("нет словаря {}", dict.file()),
                )
                .help("создайте файл: в нём для каждого термина таблица [ключ] с полем title"),
            );
        }
    }
    diags
}
