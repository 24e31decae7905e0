//! Stage 3: the site model. Typed records, sections, taxonomies and the reverse links
//! (provider → services, standard → services, service → situations, ...) computed once,
//! so that rendering only reads.

pub mod date;
pub mod paths;
pub mod records;
mod translations;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::load::{ContentAsset, ContentFile, Dictionaries, FileKind, Loaded};
use crate::schema::Kind;
use date::Date;
use records::*;

/// The typed data of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Service(Box<Service>),
    Provider(Box<Provider>),
    Standard(Box<Standard>),
    Situation(Box<Situation>),
    Plain,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub rel: String,
    pub kind: Option<Kind>,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub description: Option<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub reviewed: Option<Date>,
    /// When the source file was added and last changed, from git history (None outside
    /// git; see `load::git`).
    pub file_dates: Option<crate::load::git::Dates>,
    pub weight: Option<i64>,
    pub aliases: Vec<String>,
    pub template: Option<String>,
    pub in_search_index: bool,
    pub taxonomies: Taxonomies,
    pub record: Record,
    /// Byte range of the Markdown body in the source file (read again when the page is
    /// rendered, so that 100,000 bodies never sit in memory at once).
    pub body: std::ops::Range<usize>,
    /// Index of the section that holds the page.
    pub section: usize,
    /// Attachments of a page bundle: (file name, path relative to content/).
    pub attachments: Vec<(String, String)>,
    pub links: Links,
    /// A translation's language (`about.en.md`: `en`); `None` for the default language.
    pub lang: Option<String>,
    /// The other language versions of this page: (language, URL), the default language
    /// first, then by language code.
    pub translations: Vec<(String, String)>,
}

/// Reverse links, computed from the references of other records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    /// provider: services it delivers; standard: services it governs.
    pub services: Vec<usize>,
    /// provider: standards it developed.
    pub developed: Vec<usize>,
    /// standard: older standards it replaced.
    pub supersedes: Vec<usize>,
    /// service: (situation page, step index).
    pub situations: Vec<(usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub rel: String,
    pub components: Vec<String>,
    pub url: String,
    pub title: String,
    pub description: Option<String>,
    pub front: SectionFront,
    pub body: String,
    pub kind: Option<Kind>,
    /// Pages, sorted as the section asks (of a translated section: its language's
    /// translated pages, indexes into `Site::translations`).
    pub pages: Vec<usize>,
    pub subsections: Vec<usize>,
    /// The language of a translated section (`_index.en.md`); None for the default.
    pub lang: Option<String>,
    /// Every language version of the section, this one included: (language, URL); empty
    /// when it has no translation.
    pub translations: Vec<(String, String)>,
}

/// One taxonomy with its used terms.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub name: String,
    /// term key → pages (sorted by title).
    pub terms: BTreeMap<String, Vec<usize>>,
}

pub struct Site {
    pub config: Config,
    /// socnav's own settings from config.toml's `[extra]`, read once.
    pub settings: crate::config::Settings,
    pub root: PathBuf,
    pub dicts: Dictionaries,
    pub pages: Vec<Page>,
    pub sections: Vec<Section>,
    pub taxonomies: Vec<Taxonomy>,
    pub assets: Vec<ContentAsset>,
    by_slug: HashMap<(Kind, String), usize>,
    pub today: Date,
    /// Interface words of the site's language that pages show (kind and choice labels,
    /// month names…). Empty until a build resolves them from the translation tables
    /// (`build`, before rendering); `check` and `report` show none of them.
    pub labels: crate::render::translations::labels::Labels,
    /// Translated pages (`about.en.md`), by language then path; rendered at `/<lang>/…`
    /// beside their originals, and in no list, index or open-data file.
    pub translations: Vec<Page>,
    /// Translated sections (`_index.en.md`), by language then path: rendered at
    /// `/<lang>/…`, listing the translated pages of their language.
    pub section_translations: Vec<Section>,
}

/// Deserialise a validated front matter into its typed form.
fn typed<T: DeserializeOwned>(f: &ContentFile) -> Result<T, String> {
    let node = f
        .front
        .as_ref()
        .ok_or_else(|| format!("{}: нет заголовка записи", f.rel))?;
    T::deserialize(node).map_err(|e| format!("{}: {e}", f.rel))
}

/// What one valid content file becomes in the model.
#[derive(Debug)]
pub enum Item {
    Page(Box<Page>),
    Section(Box<Section>),
    /// A draft left out of this build; for a page bundle, its folder under content/, whose
    /// attachments stay unpublished too.
    Hidden {
        bundle_dir: Option<String>,
    },
}

/// Turn one validated file into its model item. Needs nothing but the file itself, so it
/// runs in the same parallel pass that read and checked the file.
/// The model item of a translated page (`about.en.md`) or section (`_index.en.md`): the
/// page or section of its language, at `/<lang>` + the URL its original would have.
/// Aliases stay with the original.
pub fn translation_from(f: &ContentFile, drafts: bool, lang: &str) -> Result<Item, String> {
    Ok(match item_from(f, drafts)? {
        Item::Page(mut p) => {
            p.lang = Some(lang.to_string());
            p.url = format!("/{lang}{}", p.url);
            p.aliases.clear();
            Item::Page(p)
        }
        Item::Section(mut s) => {
            s.lang = Some(lang.to_string());
            s.url = format!("/{lang}{}", s.url);
            Item::Section(s)
        }
        other => other,
    })
}

pub fn item_from(f: &ContentFile, drafts: bool) -> Result<Item, String> {
    let hidden = || Item::Hidden {
        bundle_dir: f.bundle.as_ref().map(|_| {
            f.rel
                .trim_start_matches("content/")
                .trim_end_matches("index.md")
                .to_string()
        }),
    };
    match f.kind {
        FileKind::Section => {
            let front: SectionFront = typed(f)?;
            if front.draft && !drafts {
                return Ok(hidden());
            }
            Ok(Item::Section(Box::new(Section {
                rel: f.rel.clone(),
                components: f.components.clone(),
                url: paths::url_of(f),
                title: front.title.clone().unwrap_or_default(),
                description: front.description.clone(),
                kind: f
                    .components
                    .first()
                    .and_then(|s| Kind::from_section(s))
                    .filter(|_| f.components.len() == 1),
                front,
                body: f.body().to_string(),
                pages: Vec::new(),
                subsections: Vec::new(),
                lang: None,
                translations: Vec::new(),
            })))
        }
        FileKind::Page => Ok(match page_from(f, drafts)? {
            Some(p) => Item::Page(Box::new(p)),
            None => hidden(),
        }),
    }
}

impl Site {
    /// Assemble the model from the items of every file. Computes sections' page lists,
    /// reverse links and taxonomies.
    pub fn build(loaded: Loaded, items: Vec<Item>, today: Date) -> Site {
        let Loaded {
            root,
            config,
            assets,
            dicts,
            translations: sources,
            ..
        } = loaded;
        // Sized up front: a Page is large, and growing the vector 100,000 pages long
        // copied it again and again.
        let mut sections: Vec<Section> = Vec::new();
        let mut pages: Vec<Page> = Vec::with_capacity(items.len());
        let mut hidden_bundles: Vec<String> = Vec::new();
        let mut translations: Vec<Page> = Vec::new();
        let mut section_translations: Vec<Section> = Vec::new();
        for item in items {
            match item {
                Item::Section(s) if s.lang.is_some() => section_translations.push(*s),
                Item::Section(s) => sections.push(*s),
                Item::Page(p) if p.lang.is_some() => translations.push(*p),
                Item::Page(p) => pages.push(*p),
                Item::Hidden {
                    bundle_dir: Some(dir),
                } => hidden_bundles.push(dir),
                Item::Hidden { bundle_dir: None } => {}
            }
        }
        let mut section_of: HashMap<Vec<String>, usize> = sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.components.clone(), i))
            .collect();
        // Zola needs a home section; make an empty one when content/_index.md is missing.
        if let std::collections::hash_map::Entry::Vacant(e) = section_of.entry(Vec::new()) {
            e.insert(sections.len());
            sections.push(Section {
                rel: "content/_index.md".into(),
                components: Vec::new(),
                url: "/".into(),
                title: config.title.clone(),
                description: Some(config.description.clone()),
                front: SectionFront::default(),
                body: String::new(),
                kind: None,
                pages: Vec::new(),
                subsections: Vec::new(),
                lang: None,
                translations: Vec::new(),
            });
        }
        for p in &mut pages {
            p.section = nearest_section(&section_of, &files_components(&p.rel));
        }
        // Attachments of unpublished bundles (drafts) stay unpublished too.
        let mut assets = assets;
        assets.retain(|a| {
            !hidden_bundles
                .iter()
                .any(|dir| a.rel.starts_with(dir.as_str()))
        });
        // Attachments of page bundles.
        let bundle_pages: HashMap<String, usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.rel.ends_with("/index.md"))
            .map(|(i, p)| {
                (
                    p.rel
                        .trim_start_matches("content/")
                        .trim_end_matches("index.md")
                        .to_string(),
                    i,
                )
            })
            .collect();
        for a in &assets {
            if let Some((dir, name)) = a.rel.rsplit_once('/') {
                if let Some(&i) = bundle_pages.get(&format!("{dir}/")) {
                    pages[i].attachments.push((name.to_string(), a.rel.clone()));
                }
            }
        }
        let by_slug: HashMap<(Kind, String), usize> = pages
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.kind.map(|k| ((k, p.slug.clone()), i)))
            .collect();
        let mut site = Site {
            settings: config.settings(),
            config,
            root,
            dicts,
            pages,
            sections,
            taxonomies: Vec::new(),
            assets,
            by_slug,
            today,
            labels: Default::default(),
            translations: Vec::new(),
            section_translations: Vec::new(),
        };
        site.link_translations(translations, &sources);
        site.link_section_translations(section_translations);
        site.relink();
        site
    }

    /// Compute what the model derives from the pages: reverse links, section lists and
    /// taxonomy terms. `serve` calls it again after putting edited pages in place.
    pub fn relink(&mut self) {
        // One Russian sort key per page, shared by every list that sorts by title.
        let keys: Vec<String> = {
            use rayon::prelude::*;
            self.pages.par_iter().map(|p| collate(&p.title)).collect()
        };
        for s in &mut self.sections {
            s.pages.clear();
            s.subsections.clear();
        }
        // Reverse links, section lists and taxonomy terms read the pages and fill
        // different parts of the model: side by side.
        let (links, taxonomies) = {
            let (pages, sections) = (&self.pages, &mut self.sections);
            let (by_slug, config) = (&self.by_slug, &self.config);
            let ((links, ()), taxonomies) = rayon::join(
                || {
                    rayon::join(
                        || links(pages, by_slug, &keys),
                        || fill_sections(pages, sections, &keys),
                    )
                },
                || taxonomies(pages, config, &keys),
            );
            (links, taxonomies)
        };
        for (p, l) in self.pages.iter_mut().zip(links) {
            p.links = l;
        }
        self.taxonomies = taxonomies;
    }

    /// Put `new`, page `i` read again from its file, in place of the old one, keeping
    /// what the model gave the old one (its section, git dates, attachments and
    /// translations). Reverse links, lists and terms are stale until `relink`.
    pub fn replace_page(&mut self, i: usize, mut new: Page) {
        let old = &mut self.pages[i];
        new.section = old.section;
        new.file_dates = old.file_dates;
        new.attachments = std::mem::take(&mut old.attachments);
        new.translations = std::mem::take(&mut old.translations);
        new.links = std::mem::take(&mut old.links);
        *old = new;
    }

    /// The pages page `i` reads when rendered, and those that read it: the records it
    /// refers to and the records that refer to it (one step either way). A page's own
    /// output depends only on itself and these.
    pub fn neighbours(&self, i: usize) -> Vec<usize> {
        let p = &self.pages[i];
        let mut out: Vec<usize> = Vec::new();
        let mut add = |kind: Kind, slug: &str| {
            if let Some(j) = self.find(kind, slug) {
                out.push(j);
            }
        };
        match &p.record {
            Record::Service(s) => {
                s.providers.iter().for_each(|x| add(Kind::Provider, x));
                s.standards.iter().for_each(|x| add(Kind::Standard, x));
            }
            Record::Standard(s) => {
                if let Some(x) = &s.superseded_by {
                    add(Kind::Standard, x);
                }
                if let Some(x) = &s.developer {
                    add(Kind::Provider, x);
                }
            }
            Record::Situation(s) => {
                for step in &s.steps {
                    step.services.iter().for_each(|x| add(Kind::Service, x));
                }
            }
            Record::Provider(_) | Record::Plain => {}
        }
        let l = &p.links;
        out.extend(&l.services);
        out.extend(&l.developed);
        out.extend(&l.supersedes);
        out.extend(l.situations.iter().map(|(s, _)| *s));
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn find(&self, kind: Kind, slug: &str) -> Option<usize> {
        self.by_slug.get(&(kind, slug.to_string())).copied()
    }

    /// The title of a taxonomy term from its data/ dictionary (the key when it has none).
    pub fn term_title(&self, taxonomy: &str, key: &str) -> String {
        crate::schema::Dict::taxonomy(taxonomy)
            .and_then(|d| self.dicts.get(d).get(key))
            .map(|t| t.title.clone())
            .unwrap_or_else(|| key.to_string())
    }

    /// Counts of published records per kind.
    /// Give each page the git dates of its source file.
    pub fn set_file_dates(&mut self, dates: &crate::load::git::FileDates) {
        if dates.is_empty() {
            return;
        }
        for p in &mut self.pages {
            p.file_dates = dates.get(&p.rel);
        }
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.pages.iter().filter(|p| p.kind == Some(kind)).count()
    }
}

/// Reverse links of every page, in page order.
fn links(pages: &[Page], by_slug: &HashMap<(Kind, String), usize>, keys: &[String]) -> Vec<Links> {
    let find = |kind: Kind, slug: &str| by_slug.get(&(kind, slug.to_string())).copied();
    let mut links: Vec<Links> = vec![Links::default(); pages.len()];
    for (i, p) in pages.iter().enumerate() {
        match &p.record {
            Record::Service(s) => {
                for slug in &s.providers {
                    if let Some(j) = find(Kind::Provider, slug) {
                        links[j].services.push(i);
                    }
                }
                for slug in &s.standards {
                    if let Some(j) = find(Kind::Standard, slug) {
                        links[j].services.push(i);
                    }
                }
            }
            Record::Standard(s) => {
                if let Some(j) = s
                    .superseded_by
                    .as_deref()
                    .and_then(|x| find(Kind::Standard, x))
                {
                    links[j].supersedes.push(i);
                }
                if let Some(j) = s.developer.as_deref().and_then(|x| find(Kind::Provider, x)) {
                    links[j].developed.push(i);
                }
            }
            Record::Situation(s) => {
                for (n, step) in s.steps.iter().enumerate() {
                    for slug in &step.services {
                        if let Some(j) = find(Kind::Service, slug) {
                            if !links[j].situations.iter().any(|(sit, _)| *sit == i) {
                                links[j].situations.push((i, n));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let by_title = |a: &usize, b: &usize| keys[*a].cmp(&keys[*b]);
    for l in &mut links {
        l.services.sort_by(by_title);
        l.developed.sort_by(by_title);
        l.supersedes.sort_by(by_title);
    }
    links
}

/// Each section's pages, sorted as its front matter asks, and its subsections.
fn fill_sections(pages: &[Page], sections: &mut [Section], keys: &[String]) {
    for (i, p) in pages.iter().enumerate() {
        sections[p.section].pages.push(i);
    }
    let section_of: HashMap<Vec<String>, usize> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.components.clone(), i))
        .collect();
    for i in 0..sections.len() {
        let comps = sections[i].components.clone();
        if comps.is_empty() {
            continue;
        }
        let parent = nearest_section(&section_of, &comps[..comps.len() - 1]);
        sections[parent].subsections.push(i);
    }
    for s in sections.iter_mut() {
        let sort_by = s.front.sort_by.clone().unwrap_or_else(|| "title".into());
        match sort_by.as_str() {
            "weight" => s.pages.sort_by(|a, b| {
                (pages[*a].weight.unwrap_or(i64::MAX), &keys[*a])
                    .cmp(&(pages[*b].weight.unwrap_or(i64::MAX), &keys[*b]))
            }),
            "date" | "update_date" => s.pages.sort_by(|a, b| {
                let key = |p: &Page| {
                    if sort_by == "date" {
                        p.date
                    } else {
                        p.updated.or(p.date)
                    }
                };
                key(&pages[*b])
                    .cmp(&key(&pages[*a]))
                    .then_with(|| keys[*a].cmp(&keys[*b]))
            }),
            "slug" => s.pages.sort_by(|a, b| pages[*a].slug.cmp(&pages[*b].slug)),
            "title_bytes" => s
                .pages
                .sort_by(|a, b| pages[*a].title.cmp(&pages[*b].title)),
            "none" => {}
            _ => s.pages.sort_by(|a, b| keys[*a].cmp(&keys[*b])),
        }
        if s.front.paginate_reversed {
            s.pages.reverse();
        }
    }
    let order: Vec<(i64, String)> = sections
        .iter()
        .map(|s| (s.front.weight.unwrap_or(i64::MAX), collate(&s.title)))
        .collect();
    for s in sections.iter_mut() {
        s.subsections.sort_by(|a, b| order[*a].cmp(&order[*b]));
    }
}

/// The terms of every taxonomy the config turns on, with their pages sorted.
fn taxonomies(pages: &[Page], config: &crate::config::Config, keys: &[String]) -> Vec<Taxonomy> {
    let mut taxonomies = Vec::new();
    for name in crate::config::KNOWN_TAXONOMIES {
        if !config.has_taxonomy(name) {
            continue;
        }
        let mut terms: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, p) in pages.iter().enumerate() {
            for t in p.taxonomies.of(name) {
                terms.entry(t.clone()).or_default().push(i);
            }
        }
        let kind_rank = |i: usize| pages[i].kind.map(|k| k as u8).unwrap_or(9);
        {
            use rayon::prelude::*;
            let mut lists: Vec<&mut Vec<usize>> = terms.values_mut().collect();
            lists.par_iter_mut().for_each(|v| {
                v.sort_by(|a, b| (kind_rank(*a), &keys[*a]).cmp(&(kind_rank(*b), &keys[*b])))
            });
        }
        taxonomies.push(Taxonomy {
            name: name.to_string(),
            terms,
        });
    }
    taxonomies
}

fn files_components(rel: &str) -> Vec<String> {
    let inner = rel.trim_start_matches("content/");
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    parts.pop();
    if inner.ends_with("/index.md") {
        parts.pop();
    }
    parts
}

fn nearest_section(section_of: &HashMap<Vec<String>, usize>, comps: &[String]) -> usize {
    let mut c = comps.to_vec();
    loop {
        if let Some(&i) = section_of.get(&c) {
            return i;
        }
        if c.pop().is_none() {
            return section_of.get(&Vec::new()).copied().unwrap_or(0);
        }
    }
}

/// A sort key for Russian titles: lower case, ё as е, «quotes» ignored.
pub fn collate(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '«' | '»' | '"' | '„' | '“'))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

fn page_from(f: &ContentFile, drafts: bool) -> Result<Option<Page>, String> {
    let (front_common, record) = match f.record_kind {
        Some(Kind::Service) => {
            let fr: Front<Service> = typed(f)?;
            split(fr, |e| Record::Service(Box::new(e)))
        }
        Some(Kind::Provider) => {
            let fr: Front<Provider> = typed(f)?;
            split(fr, |e| Record::Provider(Box::new(e)))
        }
        Some(Kind::Standard) => {
            let fr: Front<Standard> = typed(f)?;
            split(fr, |e| Record::Standard(Box::new(e)))
        }
        Some(Kind::Situation) => {
            let fr: Front<Situation> = typed(f)?;
            split(fr, |e| Record::Situation(Box::new(e)))
        }
        None => {
            let fr: Front<Option<serde_json::Value>> = typed(f)?;
            split(fr, |_| Record::Plain)
        }
    };
    if front_common.draft && !drafts {
        return Ok(None);
    }
    let reviewed = match &record {
        Record::Service(s) => Date::parse(&s.reviewed),
        Record::Provider(s) => Date::parse(&s.reviewed),
        Record::Standard(s) => Date::parse(&s.reviewed),
        Record::Situation(s) => Date::parse(&s.reviewed),
        Record::Plain => None,
    };
    Ok(Some(Page {
        rel: f.rel.clone(),
        kind: f.record_kind,
        slug: paths::page_slug(f),
        url: paths::url_of(f),
        title: front_common.title.unwrap_or_else(|| f.file_slug.clone()),
        description: front_common.description,
        date: front_common.date.as_deref().and_then(Date::parse),
        updated: front_common.updated.as_deref().and_then(Date::parse),
        reviewed,
        file_dates: None,
        weight: front_common.weight,
        aliases: front_common.aliases,
        template: front_common.template,
        in_search_index: front_common.in_search_index.unwrap_or(true),
        taxonomies: front_common.taxonomies,
        record,
        body: f.body.clone(),
        section: 0,
        attachments: Vec::new(),
        links: Links::default(),
        lang: None,
        translations: Vec::new(),
    }))
}

/// The Zola keys of a front matter, without its `[extra]`.
struct Common {
    title: Option<String>,
    description: Option<String>,
    date: Option<String>,
    updated: Option<String>,
    weight: Option<i64>,
    draft: bool,
    aliases: Vec<String>,
    template: Option<String>,
    in_search_index: Option<bool>,
    taxonomies: Taxonomies,
}

fn split<E>(fr: Front<E>, wrap: impl FnOnce(E) -> Record) -> (Common, Record) {
    (
        Common {
            title: fr.title,
            description: fr.description,
            date: fr.date,
            updated: fr.updated,
            weight: fr.weight,
            draft: fr.draft,
            aliases: fr.aliases,
            template: fr.template,
            in_search_index: fr.in_search_index,
            taxonomies: fr.taxonomies,
        },
        wrap(fr.extra),
    )
}
