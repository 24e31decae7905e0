//! Stage 4: render. Every output of the site, rendered in parallel from the site model
//! and written into the staging folder as it is made (nothing is held in memory longer
//! than one page).

pub mod context;
pub mod feeds;
pub mod templates;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera, Value};

use crate::model::paths::output_file;
use crate::model::{Page, Record, Site};
use crate::schema::{self, Kind};
use crate::write::{content_hash, Staging};
use context::*;

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
}

pub struct Renderer<'a> {
    site: &'a Site,
    tera: Tera,
    out: &'a Staging,
    summaries: Vec<Summary>,
    /// The same summaries as Tera values (cheap to clone: maps are reference-counted).
    summary_values: Vec<Value>,
    shared: Shared,
}

/// Template values that many pages share (a provider appears on every service it
/// delivers), converted once: cloning one is a reference-count increment.
struct Shared {
    providers: HashMap<String, Value>,
    standards: HashMap<String, Value>,
    /// (taxonomy, term key) → term.
    terms: HashMap<(&'static str, String), Value>,
}

impl Shared {
    fn build(site: &Site) -> Shared {
        let slugs = |kind: Kind| -> Vec<String> {
            site.pages
                .iter()
                .filter(|p| p.kind == Some(kind))
                .map(|p| p.slug.clone())
                .collect()
        };
        let providers = slugs(Kind::Provider)
            .into_par_iter()
            .map(|s| {
                let v = Value::from_serializable(&provider_ref(site, &s));
                (s, v)
            })
            .collect();
        let standards = slugs(Kind::Standard)
            .into_par_iter()
            .map(|s| {
                let v = Value::from_serializable(&standard_ref(site, &s));
                (s, v)
            })
            .collect();
        let mut terms_map = HashMap::new();
        for (tax, dict) in [
            ("categories", schema::Dict::Categories),
            ("audiences", schema::Dict::Audiences),
            ("regions", schema::Dict::Regions),
        ] {
            let keys: Vec<String> = site.dicts.get(dict).keys().map(str::to_string).collect();
            for t in terms(site, tax, &keys) {
                let key = t.key.clone();
                terms_map.insert((tax, key), Value::from_serializable(&t));
            }
        }
        Shared {
            providers,
            standards,
            terms: terms_map,
        }
    }

    /// Cached values for `slugs`. Validation makes every reference point at a published
    /// record; `fallback` builds the same shape for one that does not, just in case.
    fn list(
        &self,
        cache: &HashMap<String, Value>,
        slugs: &[String],
        fallback: impl Fn(&str) -> Value,
    ) -> Value {
        Value::from(
            slugs
                .iter()
                .map(|s| cache.get(s).cloned().unwrap_or_else(|| fallback(s)))
                .collect::<Vec<Value>>(),
        )
    }

    fn terms(&self, tax: &'static str, keys: &[String]) -> Value {
        Value::from(
            keys.iter()
                .filter_map(|k| self.terms.get(&(tax, k.clone())).cloned())
                .collect::<Vec<Value>>(),
        )
    }
}

/// Up to this many services, the search page lists them all inline.
pub const SEARCH_INLINE_LIMIT: usize = 300;

/// How many neighbouring list pages the paginator links on each side of the current one.
pub const PAGER_WINDOW: usize = 3;

/// Records per list page when a record section does not set `paginate_by`.
pub const DEFAULT_PAGINATE: usize = 100;

pub fn render_site(site: &Site, out: &Staging) -> Result<Stats, RenderError> {
    let assets = copy_static(site, out)?;
    let mut tera =
        templates::load(&site.root, site.config.theme.as_deref()).map_err(RenderError::Template)?;
    for required in ["index.html", "section.html", "page.html", "404.html"] {
        if !tera.contains_template(required) {
            return Err(RenderError::Template(format!("нет шаблона {required}: добавьте его в templates/ или задайте тему (theme) в config.toml")));
        }
    }
    {
        let g = tera.global_context();
        g.insert(
            "config",
            &serde_json::json!({
                "title": site.config.title,
                "description": site.config.description,
                "base_url": site.config.base(),
                "language": site.config.default_language,
            }),
        );
        g.insert("assets", &assets);
        g.insert("nav", &nav(site));
        g.insert(
            "site",
            &serde_json::json!({ "generator": "socnav", "build_date": site.today.to_string() }),
        );
    }
    let summaries: Vec<Summary> = site.pages.par_iter().map(|p| summary(site, p)).collect();
    let summary_values: Vec<Value> = summaries.par_iter().map(Value::from_serializable).collect();
    let shared = Shared::build(site);
    let r = Renderer {
        site,
        tera,
        out,
        summaries,
        summary_values,
        shared,
    };
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
    stats.list_pages = list_pages + r.taxonomies()?;
    r.special()?;
    copy_content_assets(site, out)?;
    Ok(stats)
}

impl Renderer<'_> {
    /// Render straight into a per-thread buffer and write it out (no intermediate String).
    fn render_page(&self, template: &str, ctx: &Context, url: &str) -> Result<(), RenderError> {
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
        // Record bodies sit under the theme's h2 «Подробнее»: their headings start at h3.
        let body = read_body(&site.root.join(&p.rel), p.body.clone())
            .map_err(|e| RenderError::Io(format!("{}: {e}", p.rel)))?;
        let body = body.as_str();
        let content = if p.kind.is_some() {
            crate::markdown::render_nested(body)
        } else {
            crate::markdown::render(body)
        };
        let mut ctx = self.ctx(&p.url);
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
                    type_label: schema::label_of(schema::PROVIDER_TYPES, &pr.kind),
                    inn: pr.inn.as_deref(),
                    ogrn: pr.ogrn.as_deref(),
                    in_registry: pr.in_registry,
                    activities: &pr.activities,
                    address: pr.address.as_deref(),
                    location: pr.location.as_ref().map(|l| LocationCtx {
                        lat: l.lat,
                        lon: l.lon,
                        geo_href: format!("geo:{},{}", l.lat, l.lon),
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
                        type_label: schema::label_of(schema::STANDARD_TYPES, &st.kind),
                        status: &st.status,
                        status_label: schema::label_of(schema::STANDARD_STATUSES, &st.status),
                        adopted: iso(parse(&st.adopted)),
                        adopted_human: human(parse(&st.adopted)),
                        effective: iso(parse(&st.effective)),
                        effective_human: human(parse(&st.effective)),
                        superseded_by: st.superseded_by.as_deref().map(|s| standard_ref(site, s)),
                        developer,
                        discussion_until: iso(parse(&st.discussion_until)),
                        discussion_until_human: human(parse(&st.discussion_until)),
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
                                .map(|i| &self.summaries[i])
                                .collect(),
                        })
                        .collect(),
                    audiences: terms(site, "audiences", &p.taxonomies.audiences),
                    sources: &si.sources,
                },
            ),
            Record::Plain => ctx.insert("page", &base(site, p, content)),
        }
        let template = self.template_for(p)?;
        self.render_page(&template, &ctx, &p.url)
    }

    /// Render a section's list pages; returns how many were written.
    fn section(&self, i: usize) -> Result<usize, RenderError> {
        let s = &self.site.sections[i];
        if s.front.render == Some(false) {
            return Ok(0);
        }
        let section_ctx = serde_json::json!({
            "title": s.title,
            "description": s.description,
            "content": crate::markdown::render(&s.body),
            "url": s.url,
            "kind": s.kind.map(Kind::name).unwrap_or("section"),
        });
        if s.components.is_empty() {
            return self.home(section_ctx).map(|_| 1);
        }
        let per = per_page(s);
        let subsections: Vec<Link> = s
            .subsections
            .iter()
            .map(|&j| Link {
                title: self.site.sections[j].title.clone(),
                url: Some(self.site.sections[j].url.clone()),
            })
            .collect();
        let template = s
            .front
            .template
            .clone()
            .unwrap_or_else(|| "section.html".into());
        let path = paginate_path(s);
        self.paginate(&s.url, &path, &s.pages, per, |ctx| {
            ctx.insert("section", &section_ctx);
            ctx.insert("subsections", &subsections);
            template.clone()
        })
    }

    /// Write the pages of a paginated list at `base_url`, `base_url/page/2/`, ...
    fn paginate(
        &self,
        base_url: &str,
        path: &str,
        items: &[usize],
        per: usize,
        fill: impl Fn(&mut Context) -> String + Sync,
    ) -> Result<usize, RenderError> {
        let per = per.max(1);
        let total = items.len().div_ceil(per).max(1);
        let url_of = |n: usize| list_page_url(base_url, path, n);
        (1..=total)
            .into_par_iter()
            .map(|n| {
                let chunk = &items[((n - 1) * per).min(items.len())..(n * per).min(items.len())];
                let url = url_of(n);
                let mut ctx = self.ctx(&url);
                // A window of pages around the current one: a term with 2,000 list pages
                // must not put 2,000 links on each of them.
                let from = n.saturating_sub(PAGER_WINDOW).max(1);
                let to = (n + PAGER_WINDOW).min(total);
                let pagers: Vec<Value> = (from..=to)
                    .map(|k| {
                        let mut m: BTreeMap<&'static str, Value> = BTreeMap::new();
                        m.insert("index", k.into());
                        m.insert("url", url_of(k).into());
                        m.insert("current", (k == n).into());
                        Value::from(m)
                    })
                    .collect();
                // Built as Tera values directly: summaries were converted once, up front.
                let mut pg: BTreeMap<&'static str, Value> = BTreeMap::new();
                pg.insert("pages", self.summary_list(chunk));
                pg.insert("current_index", n.into());
                pg.insert("number_pagers", total.into());
                pg.insert("total_pages", items.len().into());
                pg.insert("previous", (n > 1).then(|| url_of(n - 1)).into());
                pg.insert("next", (n < total).then(|| url_of(n + 1)).into());
                pg.insert("first", url_of(1).into());
                pg.insert("last", url_of(total).into());
                pg.insert("pagers", pagers.into());
                ctx.insert_value("paginator", Value::from(pg));
                let template = fill(&mut ctx);
                self.render_page(&template, &ctx, &url)
            })
            .collect::<Result<Vec<()>, RenderError>>()
            .map(|v| v.len())
    }

    fn home(&self, section_ctx: serde_json::Value) -> Result<(), RenderError> {
        let site = self.site;
        let mut ctx = self.ctx("/");
        ctx.insert("section", &section_ctx);
        let mut situations: Vec<usize> = (0..site.pages.len())
            .filter(|&i| site.pages[i].kind == Some(Kind::Situation))
            .collect();
        situations.sort_by_key(|&i| {
            (
                site.pages[i].weight.unwrap_or(i64::MAX),
                crate::model::collate(&site.pages[i].title),
            )
        });
        ctx.insert_value("situations", self.summary_list(&situations));
        for tax in ["categories", "audiences", "regions"] {
            ctx.insert(tax, &self.used_terms(tax));
        }
        let mut recent: Vec<usize> = (0..site.pages.len())
            .filter(|&i| site.pages[i].kind.is_some())
            .collect();
        recent.sort_by(|&a, &b| {
            feeds::changed(&site.pages[b])
                .cmp(&feeds::changed(&site.pages[a]))
                .then(a.cmp(&b))
        });
        recent.truncate(10);
        ctx.insert_value("recent", self.summary_list(&recent));
        let counts: BTreeMap<&str, usize> = Kind::ALL
            .iter()
            .map(|k| (k.name(), site.count(*k)))
            .collect();
        ctx.insert("counts", &counts);
        self.render_page("index.html", &ctx, "/")
    }

    fn taxonomies(&self) -> Result<usize, RenderError> {
        let site = self.site;
        let mut written = 0;
        for tax in &site.taxonomies {
            let title = match tax.name.as_str() {
                "categories" => "Категории",
                "audiences" => "Для кого",
                "regions" => "Регионы",
                other => other,
            };
            let tax_url = format!("/{}/", tax.name);
            let tax_ctx = serde_json::json!({ "name": tax.name, "title": title, "url": tax_url });
            let term_list = self.used_terms(&tax.name);
            if self.tera.contains_template("taxonomy_list.html") {
                let mut ctx = self.ctx(&tax_url);
                ctx.insert("taxonomy", &tax_ctx);
                ctx.insert("terms", &term_list);
                self.render_page("taxonomy_list.html", &ctx, &tax_url)?;
                written += 1;
            }
            if self.tera.contains_template("taxonomy_single.html") {
                let per = site.config.paginate_for_taxonomy(&tax.name);
                let n: usize = term_list
                    .par_iter()
                    .map(|term| {
                        let items = &tax.terms[&term.key];
                        self.paginate(&term.url, "page", items, per, |ctx| {
                            ctx.insert("taxonomy", &tax_ctx);
                            ctx.insert("term", term);
                            "taxonomy_single.html".into()
                        })
                    })
                    .collect::<Result<Vec<usize>, RenderError>>()?
                    .into_iter()
                    .sum();
                written += n;
            }
        }
        Ok(written)
    }

    /// The search page. Until the search index exists it is the no-script way in: measures
    /// A to Z (inline when there are few), situations, categories and audiences.
    fn search_page(&self) -> Result<(), RenderError> {
        let site = self.site;
        if !self.tera.contains_template("search.html") {
            return Ok(());
        }
        let mut ctx = self.ctx("/search/");
        let mut services: Vec<usize> = (0..site.pages.len())
            .filter(|&i| site.pages[i].kind == Some(Kind::Service))
            .collect();
        services.sort_by_cached_key(|&i| crate::model::collate(&site.pages[i].title));
        let inline = services.len() <= SEARCH_INLINE_LIMIT;
        ctx.insert_value(
            "services",
            if inline {
                self.summary_list(&services)
            } else {
                Value::from(Vec::<Value>::new())
            },
        );
        ctx.insert("services_count", &services.len());
        ctx.insert(
            "services_url",
            &site
                .sections
                .iter()
                .find(|s| s.kind == Some(Kind::Service))
                .map(|s| s.url.clone()),
        );
        let mut situations: Vec<usize> = (0..site.pages.len())
            .filter(|&i| site.pages[i].kind == Some(Kind::Situation))
            .collect();
        situations.sort_by_key(|&i| {
            (
                site.pages[i].weight.unwrap_or(i64::MAX),
                crate::model::collate(&site.pages[i].title),
            )
        });
        ctx.insert_value("situations", self.summary_list(&situations));
        for tax in ["categories", "audiences"] {
            ctx.insert(tax, &self.used_terms(tax));
        }
        self.render_page("search.html", &ctx, "/search/")
    }

    /// The used terms of a taxonomy, in dictionary order.
    fn used_terms(&self, tax: &str) -> Vec<TermCtx> {
        let site = self.site;
        let keys: Vec<String> = site
            .taxonomies
            .iter()
            .find(|t| t.name == tax)
            .map(|t| t.terms.keys().cloned().collect())
            .unwrap_or_default();
        let mut list = terms(site, tax, &keys);
        if let Some(d) = schema::Dict::taxonomy(tax) {
            let order: HashMap<&str, usize> = site
                .dicts
                .get(d)
                .keys()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            list.sort_by_key(|t| order.get(t.key.as_str()).copied().unwrap_or(usize::MAX));
        }
        list
    }

    /// 404, aliases, redirects, sitemap, robots.txt and the feed.
    fn special(&self) -> Result<(), RenderError> {
        let site = self.site;
        let base = site.config.base();
        self.search_page()?;
        let ctx = self.ctx("/404.html");
        self.render_page("404.html", &ctx, "/404.html")?;

        let mut aliases: Vec<(String, String)> = Vec::new();
        for p in &site.pages {
            for a in &p.aliases {
                if let Some(norm) = crate::model::paths::normalize_path(a) {
                    aliases.push((norm, p.url.clone()));
                }
            }
        }
        for s in &site.sections {
            for a in &s.front.aliases {
                if let Some(norm) = crate::model::paths::normalize_path(a) {
                    aliases.push((norm, s.url.clone()));
                }
            }
        }
        aliases.sort();
        let alias_template = if self.tera.contains_template("alias.html") {
            Some("alias.html")
        } else {
            None
        };
        for (from, to) in &aliases {
            let target = format!("{base}{to}");
            match alias_template {
                Some(t) => {
                    let mut ctx = self.ctx(from);
                    ctx.insert("target", &target);
                    self.render_page(t, &ctx, from)?;
                }
                None => {
                    let file = output_file(from)
                        .ok_or_else(|| RenderError::Io(format!("недопустимый адрес: {from}")))?;
                    self.out.write(&file, default_alias(&target).as_bytes())?;
                }
            }
        }
        self.out
            .write("_redirects", feeds::redirects(&aliases).as_bytes())?;

        if site.config.generate_sitemap {
            let mut entries: Vec<(String, Option<String>)> = Vec::new();
            for s in &site.sections {
                if s.front.render == Some(false) {
                    continue;
                }
                if s.components.is_empty() {
                    entries.push((s.url.clone(), None));
                } else {
                    let path = paginate_path(s);
                    entries.extend(
                        list_urls(&s.url, &path, s.pages.len(), per_page(s)).map(|u| (u, None)),
                    );
                }
            }
            for p in &site.pages {
                entries.push((p.url.clone(), feeds::changed(p).map(|d| d.to_string())));
            }
            if self.tera.contains_template("search.html") {
                entries.push(("/search/".to_string(), None));
            }
            for t in &site.taxonomies {
                entries.push((format!("/{}/", t.name), None));
                let per = site.config.paginate_for_taxonomy(&t.name);
                for (k, pages) in &t.terms {
                    let url = term_url(&t.name, k);
                    entries.extend(list_urls(&url, "page", pages.len(), per).map(|u| (u, None)));
                }
            }
            entries.sort();
            for (name, xml) in feeds::sitemaps(base, &entries) {
                self.out.write(&name, xml.as_bytes())?;
            }
        }
        if site.config.generate_robots_txt {
            self.out
                .write("robots.txt", feeds::robots(base).as_bytes())?;
        }
        self.out
            .write("atom.xml", feeds::atom(site, 50).as_bytes())?;
        Ok(())
    }
}

/// Records per list page of a section.
fn per_page(s: &crate::model::Section) -> usize {
    match s.front.paginate_by {
        Some(n) if n > 0 => n as usize,
        _ if s.kind.is_some() => DEFAULT_PAGINATE,
        _ => usize::MAX,
    }
}

fn paginate_path(s: &crate::model::Section) -> String {
    s.front
        .paginate_path
        .clone()
        .unwrap_or_else(|| "page".into())
}

/// URL of list page `n` (1-based) of a list at `base_url`.
fn list_page_url(base_url: &str, path: &str, n: usize) -> String {
    if n == 1 {
        base_url.to_string()
    } else {
        format!("{base_url}{path}/{n}/")
    }
}

/// URLs of every list page of `count` items, `per` to a page.
fn list_urls<'a>(
    base_url: &'a str,
    path: &'a str,
    count: usize,
    per: usize,
) -> impl Iterator<Item = String> + 'a {
    let total = count.div_ceil(per.max(1)).max(1);
    (1..=total).map(move |n| list_page_url(base_url, path, n))
}

/// Read just the Markdown body of a page (its byte range was found when it was loaded).
fn read_body(path: &Path, range: std::ops::Range<usize>) -> Result<String, String> {
    use std::io::{Read, Seek, SeekFrom};
    let changed = || "файл изменился во время сборки; запустите сборку снова".to_string();
    let mut f = std::fs::File::open(path).map_err(|e| format!("не удалось прочитать файл: {e}"))?;
    f.seek(SeekFrom::Start(range.start as u64))
        .map_err(|e| e.to_string())?;
    let mut buf = Vec::with_capacity(range.len());
    f.take(range.len() as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| e.to_string())?;
    if buf.len() != range.len() {
        return Err(changed());
    }
    String::from_utf8(buf).map_err(|_| changed())
}

fn render_error(url: &str, template: &str, e: &tera::Error) -> String {
    format!(
        "ошибка при отрисовке {url} шаблоном {template}:\n{}",
        templates::error_chain(e)
    )
}

fn default_alias(target: &str) -> String {
    let t = feeds::xml_escape(target);
    format!("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Страница переехала</title><link rel=\"canonical\" href=\"{t}\"><meta http-equiv=\"refresh\" content=\"0; url={t}\"></head><body><p>Страница переехала: <a href=\"{t}\">{t}</a></p></body></html>\n")
}

fn nav(site: &Site) -> Vec<NavItem> {
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
            });
        }
    }
    if site.config.has_taxonomy("categories") {
        items.push(NavItem {
            title: "Категории".into(),
            url: "/categories/".into(),
        });
    }
    if let Some(p) = site.pages.iter().find(|p| p.url == "/about/") {
        items.push(NavItem {
            title: p.title.clone(),
            url: p.url.clone(),
        });
    }
    items
}

/// Copy theme and site static files; `.css` and `.js` get a content hash in their name.
/// Returns the map from original name to served URL.
fn copy_static(site: &Site, out: &Staging) -> Result<BTreeMap<String, String>, RenderError> {
    let mut files: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    if let Some(theme) = &site.config.theme {
        collect_files(
            &site.root.join("themes").join(theme).join("static"),
            "",
            &mut files,
        );
    }
    collect_files(&site.root.join("static"), "", &mut files);
    let mut assets = BTreeMap::new();
    for (rel, path) in files {
        let hashed = rel.ends_with(".css") || rel.ends_with(".js");
        let target = if hashed {
            let bytes = std::fs::read(&path).map_err(|e| {
                RenderError::Io(format!("не удалось прочитать {}: {e}", path.display()))
            })?;
            let (stem, ext) = rel.rsplit_once('.').expect("has extension");
            let name = format!("{stem}.{}.{ext}", content_hash(&bytes));
            out.write(&name, &bytes)?;
            assets.insert(rel.clone(), format!("/{name}"));
            continue;
        } else {
            rel.clone()
        };
        out.copy(&path, &target)?;
    }
    Ok(assets)
}

fn collect_files(dir: &Path, prefix: &str, out: &mut BTreeMap<String, std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(ft) = e.file_type() else { continue };
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if ft.is_dir() {
            collect_files(&e.path(), &rel, out);
        } else if ft.is_file() {
            out.insert(rel, e.path());
        }
    }
}

/// Files beside content (page-bundle attachments, images) are served next to their page.
fn copy_content_assets(site: &Site, out: &Staging) -> Result<(), RenderError> {
    let mut bundle_targets: BTreeMap<&str, String> = BTreeMap::new();
    for p in &site.pages {
        for (name, rel) in &p.attachments {
            let dir = p.url.trim_start_matches('/');
            bundle_targets.insert(rel.as_str(), format!("{dir}{name}"));
        }
    }
    for a in &site.assets {
        let target = bundle_targets
            .get(a.rel.as_str())
            .cloned()
            .unwrap_or_else(|| a.rel.clone());
        out.copy(&a.abs, &target)?;
    }
    Ok(())
}
