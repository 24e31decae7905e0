//! Stage 4: render. Every output of the site, rendered in parallel from the site model
//! and written into the staging folder as it is made (nothing is held in memory longer
//! than one page).

pub mod admin;
mod changes;
mod charts;
pub mod context;
mod directory;
pub mod feeds;
mod files;
mod jsonld;
mod podbor;
mod provider_map;
mod quality;
mod translated_sections;
pub(crate) use files::{read_body, read_body_prefix};
mod lists;
pub mod partial;
mod shared;
mod special;
pub mod templates;
pub mod translations;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera, Value};

use crate::model::paths::output_file;
use crate::model::{Page, Record, Site};
use crate::schema::Kind;
use crate::write::Staging;
use context::*;
use files::{copy_content_assets, copy_static};
use shared::Shared;
use translations::labels::Choices;

/// Why rendering stopped: a template problem the site's authors must fix (exit 1), or a
/// file that could not be read or written (exit 2).
#[derive(Debug)]
pub enum RenderError {
    Template(String),
    Io(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template(m) | RenderError::Io(m) => f.write_str(m),
        }
    }
}

impl From<crate::write::WriteError> for RenderError {
    fn from(e: crate::write::WriteError) -> Self {
        RenderError::Io(e.0)
    }
}

/// What a build produced, for the summary line.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub pages: usize,
    pub sections: usize,
    pub list_pages: usize,
}

#[derive(Serialize)]
struct NavItem {
    title: String,
    url: String,
    /// The title is content (a section's or page's title), in the default language
    /// whatever the page's language; else it comes from the translation table.
    content: bool,
}

/// What rendering needs besides the model, prepared once per build: the templates, the
/// served names of static files, and template values many pages share. `serve` keeps it
/// between builds, so that a page whose body changed renders again on its own.
pub struct RenderEnv {
    tera: Tera,
    /// Every page's summary (`context::Summary`) as a Tera value, converted once (cheap
    /// to clone: maps are reference-counted). The summaries themselves are not kept.
    summary_values: Vec<Value>,
    shared: Shared,
    /// Templates and labels of each language with translated pages.
    languages: Vec<Language>,
    /// Where site-absolute image paths (`/img/x.png`) are found: static/ and the theme's.
    static_roots: Vec<std::path::PathBuf>,
    /// Static file name → served (hashed) URL, sorted by name.
    assets: std::collections::BTreeMap<String, String>,
    /// Whether the templates of record pages may show term counts (`term.count`): then
    /// a change of terms reaches every page with that term.
    pub term_counts_on_records: bool,
    /// Every scored record's quality score, in page order (for `/quality/`), when the
    /// theme has that page.
    scores: Vec<crate::quality::Score>,
    /// The names of the templates.
    template_names: std::collections::BTreeSet<String>,
    /// When set (the preview, after template edits), only pages made with these templates
    /// are rendered: the others are those of the last build.
    only: Option<std::collections::BTreeSet<String>>,
}

pub struct Renderer<'a> {
    site: &'a Site,
    out: &'a Staging,
    env: &'a RenderEnv,
}

impl std::ops::Deref for Renderer<'_> {
    type Target = RenderEnv;
    fn deref(&self) -> &RenderEnv {
        self.env
    }
}

/// Render every page into `out`. The search index is built by `index` alongside the
/// pages (on the other core), and the search page, which hands the index folder
/// (`index_url`) to the script, right after it. Returns the index too, and what was
/// prepared for rendering (`serve` keeps it).
pub fn render_site<T: Send>(
    site: &Site,
    out: &Staging,
    index: impl FnOnce() -> Result<T, String> + Send,
    index_url: impl Fn(&T) -> String + Sync,
) -> Result<(Stats, T, RenderEnv), RenderError> {
    let env = RenderEnv::new(site, out)?;
    let r = Renderer {
        site,
        out,
        env: &env,
    };
    let (index, stats) = rayon::join(
        || -> Result<T, RenderError> {
            // The search page names the index folder: it is rendered as soon as the
            // index is made, beside the other pages.
            let index = index().map_err(RenderError::Io)?;
            r.search_page(&index_url(&index))?;
            Ok(index)
        },
        || -> Result<Stats, RenderError> {
            let (stats, assets) = rayon::join(|| r.everything(), || copy_content_assets(site, out));
            assets?;
            stats
        },
    );
    let stats = stats?;
    let index = index?;
    Ok((stats, index, env))
}

/// Render the pages `pages` (indexes into `site.pages`) again, with what an earlier
/// build prepared: for a preview whose only change is the bodies of these pages.
pub fn render_pages(
    site: &Site,
    env: &RenderEnv,
    out: &Staging,
    pages: &[usize],
) -> Result<(), RenderError> {
    let r = Renderer { site, out, env };
    pages.par_iter().try_for_each(|&i| r.page(&site.pages[i]))
}

/// Render the search page again, for a search index in a new folder.
pub fn render_search_page(
    site: &Site,
    env: &RenderEnv,
    out: &Staging,
    index_url: &str,
) -> Result<(), RenderError> {
    Renderer { site, out, env }.search_page(index_url)
}

/// Render the translated pages (`about.en.md` → `/en/about/`) and sections
/// (`_index.en.md` → `/en/…/`), language by language, with that language's templates and
/// labels; returns how many pages were written. Taxonomies, the search index and open
/// data hold the default language only.
pub fn render_translations(
    site: &mut Site,
    env: &mut RenderEnv,
    out: &Staging,
) -> Result<usize, RenderError> {
    let mut rendered = 0;
    for n in 0..env.languages.len() {
        // The language's templates and labels stand in for the default ones meanwhile.
        std::mem::swap(&mut env.tera, &mut env.languages[n].tera);
        std::mem::swap(&mut site.labels, &mut env.languages[n].labels);
        let lang = env.languages[n].lang.clone();
        let result = {
            let r = Renderer { site, out, env };
            let pages = site
                .translations
                .par_iter()
                .filter(|p| p.lang.as_deref() == Some(lang.as_str()))
                .map(|p| r.page(p).map(|()| 1))
                .sum::<Result<usize, RenderError>>();
            let sections = site
                .section_translations
                .par_iter()
                .filter(|s| s.lang.as_deref() == Some(lang.as_str()))
                .map(|s| r.translated_section(s))
                .sum::<Result<usize, RenderError>>();
            pages.and_then(|p| Ok(p + sections?))
        };
        std::mem::swap(&mut env.tera, &mut env.languages[n].tera);
        std::mem::swap(&mut site.labels, &mut env.languages[n].labels);
        rendered += result?;
    }
    Ok(rendered)
}

impl RenderEnv {
    /// Copy the static files into `out`, load the templates and translations, and convert
    /// the values that many pages share.
    fn new(site: &Site, out: &Staging) -> Result<RenderEnv, RenderError> {
        let assets = copy_static(site, out)?;
        let Templates {
            tera,
            languages,
            term_counts_on_records,
            sources,
        } = Templates::load(site, &assets)?;
        let summary_values: Vec<Value> = site
            .pages
            .par_iter()
            .map(|p| Value::from_serializable(&summary(site, p)))
            .collect();
        let shared = Shared::build(site);
        let scores = if tera.contains_template("quality.html") {
            crate::quality::score_site(site)
        } else {
            Vec::new()
        };
        Ok(RenderEnv {
            term_counts_on_records,
            scores,
            template_names: sources.into_keys().collect(),
            only: None,
            tera,
            summary_values,
            shared,
            languages,
            assets,
            static_roots: {
                let mut roots = vec![site.root.join("static")];
                if let Some(theme) = &site.config.theme {
                    roots.push(site.root.join("themes").join(theme).join("static"));
                }
                roots
            },
        })
    }
}

impl RenderEnv {
    /// After edits to the templates named `changed`: load the templates again, and return
    /// the templates whose output may have changed (those named, and those that extend,
    /// include or import them, at any depth), or None when templates were added or
    /// removed (anything may have changed).
    pub fn reload_templates(
        &mut self,
        site: &Site,
        changed: &[String],
    ) -> Result<Option<std::collections::BTreeSet<String>>, RenderError> {
        let t = Templates::load(site, &self.assets)?;
        let same_names = t.sources.keys().eq(self.template_names.iter());
        let reached = same_names.then(|| templates::reaching(&t.sources, changed));
        self.tera = t.tera;
        self.languages = t.languages;
        self.term_counts_on_records = t.term_counts_on_records;
        self.template_names = t.sources.into_keys().collect();
        Ok(reached)
    }

    /// Render only pages made with the templates `only` (None: all).
    pub fn render_only(&mut self, only: Option<std::collections::BTreeSet<String>>) {
        self.only = only;
    }
}

/// Render every page again into `out` (the templates changed; static files, the search
/// index, open data and content assets are those of the last build): the pages made
/// with the templates `env` limits rendering to, or all. The search page names the
/// index at `index_url`.
pub fn render_again(
    site: &Site,
    env: &RenderEnv,
    out: &Staging,
    index_url: &str,
) -> Result<Stats, RenderError> {
    let r = Renderer { site, out, env };
    let (search, stats) = rayon::join(|| r.search_page(index_url), || r.everything());
    search?;
    stats
}

/// The templates of a build: the default language's, each other language's, and what
/// they show.
struct Templates {
    tera: Tera,
    languages: Vec<Language>,
    term_counts_on_records: bool,
    /// Every template's source by name.
    sources: std::collections::BTreeMap<String, (std::path::PathBuf, String)>,
}

impl Templates {
    /// Load the templates and translations, for the default language and each language
    /// with translated pages.
    fn load(
        site: &Site,
        assets: &std::collections::BTreeMap<String, String>,
    ) -> Result<Templates, RenderError> {
        let translations = std::sync::Arc::new(
            translations::Translations::load(&site.root, &site.config)
                .map_err(RenderError::Template)?,
        );
        let mut tera = templates::load(&site.root, site.config.theme.as_deref(), &translations)
            .map_err(RenderError::Template)?;
        for required in ["index.html", "section.html", "page.html", "404.html"] {
            if !tera.contains_template(required) {
                return Err(RenderError::Template(format!("нет шаблона {required}: добавьте его в templates/ или задайте тему (theme) в config.toml")));
            }
        }
        set_globals(
            &mut tera,
            site,
            assets,
            &site.config.default_language,
            &site.labels,
        );
        // A Tera and labels per language that has translated pages.
        let mut langs: Vec<&str> = site
            .translations
            .iter()
            .filter_map(|p| p.lang.as_deref())
            .collect();
        langs.dedup();
        let mut languages = Vec::new();
        for lang in langs {
            let mut t = templates::load_for(
                &site.root,
                site.config.theme.as_deref(),
                &translations,
                lang,
            )
            .map_err(RenderError::Template)?;
            let labels = translations::labels::Labels::of(&translations, lang)
                .map_err(RenderError::Template)?;
            set_globals(&mut t, site, assets, lang, &labels);
            languages.push(Language {
                lang: lang.to_string(),
                tera: t,
                labels,
            });
        }
        let sources = templates::collect(&site.root, site.config.theme.as_deref())
            .map_err(RenderError::Template)?;
        let term_counts_on_records = {
            let mut roots: std::collections::BTreeSet<String> = [
                "page.html",
                "service.html",
                "provider.html",
                "standard.html",
                "situation.html",
            ]
            .map(String::from)
            .into();
            roots.extend(site.pages.iter().filter_map(|p| p.template.clone()));
            roots.extend(
                site.sections
                    .iter()
                    .filter_map(|s| s.front.page_template.clone()),
            );
            templates::reach_mentions(&sources, roots.iter().map(String::as_str), "count")
        };
        Ok(Templates {
            tera,
            languages,
            term_counts_on_records,
            sources,
        })
    }
}

/// The values every template of a language sees: the site's config, the page language,
/// the hashed asset names, the menu and the generator.
fn set_globals(
    tera: &mut Tera,
    site: &Site,
    assets: &std::collections::BTreeMap<String, String>,
    lang: &str,
    labels: &translations::labels::Labels,
) {
    let settings = &site.settings;
    let g = tera.global_context();

    g.insert(
        "config",
        &serde_json::json!({
            "title": site.config.title,
            "description": site.config.description,
            "base_url": site.config.base(),
            "language": site.config.default_language,
            "offline": settings.offline,
            "feedback": {
                "netlify": settings.feedback_endpoint.is_none(),
                "action": settings.feedback_endpoint.clone().unwrap_or_else(|| "/spasibo/".into()),
            },
            "repository": settings.repository,
        }),
    );
    // The page's language, for `trans(key=…, lang=lang)` and `<html lang>`: the
    // default language, or that of the translated pages this Tera renders.
    g.insert("lang", lang);
    g.insert("assets", &assets);
    g.insert("nav", &nav(site, labels));
    g.insert(
        "site",
        &serde_json::json!({ "generator": "socnav", "build_date": site.today.to_string() }),
    );
}

/// The templates and labels of a language with translated pages.
pub struct Language {
    lang: String,
    tera: Tera,
    labels: translations::labels::Labels,
}

impl Renderer<'_> {
    /// Render every page: records, lists, terms, directories and the single pages (all
    /// but the search page, which names the index).
    fn everything(&self) -> Result<Stats, RenderError> {
        let (r, site) = (self, self.site);
        let mut stats = Stats::default();
        r.site.pages.par_iter().try_for_each(|p| r.page(p))?;
        stats.pages = site.pages.len();
        let list_pages: usize = site
            .sections
            .par_iter()
            .enumerate()
            .map(|(i, _)| r.section(i))
            .collect::<Result<Vec<usize>, RenderError>>()?
            .into_iter()
            .sum();
        stats.sections = site.sections.len();
        stats.list_pages = list_pages + r.taxonomies()? + r.directories()?;
        // The single pages, side by side: each is one thread's work, and at 100,000
        // services one after another they left a core idle for two seconds.
        let ((special, podbor), (quality, (changes, admin))) = rayon::join(
            || rayon::join(|| r.special(), || r.podbor()),
            || rayon::join(|| r.quality(), || rayon::join(|| r.changes(), || r.admin())),
        );
        special?;
        podbor?;
        quality?;
        changes?;
        admin?;
        Ok(stats)
    }

    /// Whether pages made with `template` are rendered (`RenderEnv::render_only`).
    fn wants(&self, template: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.contains(template))
    }

    /// Render straight into a per-thread buffer and write it out (no intermediate String).
    fn render_page(&self, template: &str, ctx: &Context, url: &str) -> Result<(), RenderError> {
        if !self.wants(template) {
            return Ok(());
        }
        thread_local! {
            static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        BUF.with(|buf| {
            let mut buf = buf.borrow_mut();
            buf.clear();
            self.tera
                .render_to(template, ctx, &mut *buf)
                .map_err(|e| RenderError::Template(render_error(url, template, &e)))?;
            let file = output_file(url)
                .ok_or_else(|| RenderError::Io(format!("недопустимый адрес страницы: {url}")))?;
            Ok(self.out.write(&file, &buf)?)
        })
    }

    fn ctx(&self, url: &str) -> Context {
        let mut ctx = Context::new();
        ctx.insert("current_url", url);
        ctx.insert("current_path", url);
        ctx
    }

    /// Put a page context into `ctx`, with lists of summaries (reverse links) added from
    /// the values converted once.
    fn insert_page<const N: usize>(
        &self,
        ctx: &mut Context,
        page: &impl Serialize,
        lists: [(&'static str, &Vec<usize>); N],
    ) {
        let mut map = Value::from_serializable(page)
            .into_map()
            .expect("a struct serialises to a map");
        for (key, idx) in lists {
            map.insert(key.into(), self.summary_list(idx));
        }
        ctx.insert_value("page", Value::from(map));
    }

    /// A list of summaries as a Tera value: clones of values converted once.
    fn summary_list(&self, idx: &[usize]) -> Value {
        Value::from(
            idx.iter()
                .map(|&i| self.summary_values[i].clone())
                .collect::<Vec<Value>>(),
        )
    }

    fn template_for(&self, p: &Page) -> Result<String, RenderError> {
        let section = &self.site.sections[p.section];
        let name = p
            .template
            .clone()
            .or_else(|| section.front.page_template.clone())
            .unwrap_or_else(|| match p.kind {
                Some(k) => format!("{}.html", k.name()),
                None => "page.html".into(),
            });
        if self.tera.contains_template(&name) {
            Ok(name)
        } else if p.template.is_none() && self.tera.contains_template("page.html") {
            Ok("page.html".into())
        } else {
            Err(RenderError::Template(format!(
                "{}: нет шаблона «{name}»",
                p.rel
            )))
        }
    }

    fn page(&self, p: &Page) -> Result<(), RenderError> {
        let site = self.site;
        let template = self.template_for(p)?;
        if !self.wants(&template) {
            return Ok(());
        }
        // Record bodies sit under the theme's h2 «Подробнее»: their headings start at h3.
        let body = read_body(&site.root.join(&p.rel), p.body.clone())
            .map_err(|e| RenderError::Io(format!("{}: {e}", p.rel)))?;
        let body = body.as_str();
        let content = if p.kind.is_some() {
            crate::markdown::render_nested(body)
        } else {
            crate::markdown::render(body)
        };
        let content = crate::markdown::lazy_images(content, |src| {
            let dir = site.root.join(&p.rel);
            let dir = dir.parent().unwrap_or(&site.root);
            crate::markdown::image_size(src, dir, &self.static_roots)
        });
        let mut ctx = self.ctx(&p.url);
        insert_translations(&mut ctx, &p.translations);
        match &p.record {
            Record::Service(s) => {
                // Page-specific fields, plus parts shared with other pages from the cache.
                let mut page = Value::from_serializable(&service(site, p, s, content))
                    .into_map()
                    .expect("a struct serialises to a map");
                let sh = &self.shared;
                page.insert(
                    "providers".into(),
                    sh.list(&sh.providers, &s.providers, |x| {
                        Value::from_serializable(&provider_ref(site, x))
                    }),
                );
                page.insert(
                    "standards".into(),
                    sh.list(&sh.standards, &s.standards, |x| {
                        Value::from_serializable(&standard_ref(site, x))
                    }),
                );
                page.insert(
                    "categories".into(),
                    self.shared.terms("categories", &p.taxonomies.categories),
                );
                page.insert(
                    "audiences".into(),
                    self.shared.terms("audiences", &p.taxonomies.audiences),
                );
                page.insert(
                    "regions".into(),
                    self.shared.terms("regions", &p.taxonomies.regions),
                );
                ctx.insert_value("page", Value::from(page));
            }
            Record::Provider(pr) => self.insert_page(
                &mut ctx,
                &ProviderCtx {
                    base: base(site, p, content),
                    kind_key: &pr.kind,
                    type_label: site.labels.choice(Choices::ProviderType, &pr.kind),
                    inn: pr.inn.as_deref(),
                    ogrn: pr.ogrn.as_deref(),
                    in_registry: pr.in_registry,
                    activities: &pr.activities,
                    address: pr.address.as_deref(),
                    location: pr.location.as_ref().map(|l| LocationCtx {
                        lat: l.lat,
                        lon: l.lon,
                        geo_href: geo_href(l),
                    }),
                    hours: pr.hours.as_deref(),
                    contacts: contacts(&pr.contacts),
                    categories: terms(site, "categories", &p.taxonomies.categories),
                    audiences: terms(site, "audiences", &p.taxonomies.audiences),
                    regions: terms(site, "regions", &p.taxonomies.regions),
                    sources: &pr.sources,
                },
                [
                    ("services", &p.links.services),
                    ("standards", &p.links.developed),
                ],
            ),
            Record::Standard(st) => {
                let parse =
                    |s: &Option<String>| s.as_deref().and_then(crate::model::date::Date::parse);
                let developer = st
                    .developer
                    .as_ref()
                    .map(|d| match site.find(Kind::Provider, d) {
                        Some(i) => Link {
                            title: site.pages[i].title.clone(),
                            url: Some(site.pages[i].url.clone()),
                        },
                        None => Link {
                            title: d.clone(),
                            url: None,
                        },
                    });
                let files = st
                    .files
                    .iter()
                    .map(|f| Attachment {
                        name: f.clone(),
                        url: format!("{}{}", p.url, f),
                    })
                    .collect();
                self.insert_page(
                    &mut ctx,
                    &StandardCtx {
                        base: base(site, p, content),
                        code: &st.code,
                        kind_key: &st.kind,
                        type_label: site.labels.choice(Choices::StandardType, &st.kind),
                        status: &st.status,
                        status_label: site.labels.choice(Choices::StandardStatus, &st.status),
                        adopted: iso(parse(&st.adopted)),
                        adopted_human: parse(&st.adopted).map(|d| site.labels.date(d)),
                        effective: iso(parse(&st.effective)),
                        effective_human: parse(&st.effective).map(|d| site.labels.date(d)),
                        superseded_by: st.superseded_by.as_deref().map(|s| standard_ref(site, s)),
                        developer,
                        discussion_until: iso(parse(&st.discussion_until)),
                        discussion_until_human: parse(&st.discussion_until)
                            .map(|d| site.labels.date(d)),
                        discussion_open: st.status == "public-discussion"
                            && parse(&st.discussion_until).is_some_and(|d| d >= site.today),
                        files,
                        categories: terms(site, "categories", &p.taxonomies.categories),
                        sources: &st.sources,
                    },
                    [
                        ("services", &p.links.services),
                        ("supersedes", &p.links.supersedes),
                    ],
                )
            }
            Record::Situation(si) => ctx.insert(
                "page",
                &SituationCtx {
                    base: base(site, p, content),
                    steps: si
                        .steps
                        .iter()
                        .enumerate()
                        .map(|(n, step)| StepCtx {
                            number: n + 1,
                            title: step.title.clone(),
                            text: step.text.clone(),
                            services: step
                                .services
                                .iter()
                                .filter_map(|s| site.find(Kind::Service, s))
                                .map(|i| &self.summary_values[i])
                                .collect(),
                        })
                        .collect(),
                    audiences: terms(site, "audiences", &p.taxonomies.audiences),
                    sources: &si.sources,
                },
            ),
            Record::Plain => ctx.insert("page", &base(site, p, content)),
        }
        self.render_page(&template, &ctx, &p.url)
    }
}

/// The language versions of a page or section (`translations`: language, URL) for the
/// templates' language links, when it has any.
pub(super) fn insert_translations(ctx: &mut Context, translations: &[(String, String)]) {
    if translations.is_empty() {
        return;
    }
    let versions: Vec<Value> = translations
        .iter()
        .map(|(lang, url)| {
            Value::from_serializable(&serde_json::json!({ "lang": lang, "url": url }))
        })
        .collect();
    ctx.insert_value("translations", Value::from(versions));
}

pub(super) fn render_error(url: &str, template: &str, e: &tera::Error) -> String {
    format!(
        "ошибка при отрисовке {url} шаблоном {template}:\n{}",
        templates::error_chain(e)
    )
}

fn nav(site: &Site, labels: &translations::labels::Labels) -> Vec<NavItem> {
    let mut items = Vec::new();
    for kind in [
        Kind::Service,
        Kind::Situation,
        Kind::Provider,
        Kind::Standard,
    ] {
        if let Some(s) = site.sections.iter().find(|s| s.kind == Some(kind)) {
            items.push(NavItem {
                title: s.title.clone(),
                url: s.url.clone(),
                content: true,
            });
        }
    }
    if site.config.has_taxonomy("categories") {
        items.push(NavItem {
            title: labels.words.menu_categories.clone(),
            url: "/categories/".into(),
            content: false,
        });
    }
    if let Some(p) = site.pages.iter().find(|p| p.url == "/about/") {
        items.push(NavItem {
            title: p.title.clone(),
            url: p.url.clone(),
            content: true,
        });
    }
    items
}
