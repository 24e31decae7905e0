//! List pages: sections, the home page, taxonomy lists and terms, the search page, and
//! the pagination they share.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use tera::{Context, Value};

use super::context::{terms, Link, TermCtx};
use super::{feeds, RenderError, Renderer};
use crate::schema::{self, Kind};

/// Up to this many services, the search page lists them all inline.
pub const SEARCH_INLINE_LIMIT: usize = 300;
/// Federal measures listed on a region's page (the rest are a link away).
pub const FEDERAL_ON_REGION_PAGE: usize = 100;
/// How many neighbouring list pages the paginator links on each side of the current one.
pub const PAGER_WINDOW: usize = 3;
/// Records per list page when a record section does not set `paginate_by`.
pub const DEFAULT_PAGINATE: usize = 100;

/// The `section` value of a section's pages, with the URL of its map of providers.
pub(super) fn section_ctx(s: &crate::model::Section, map: Option<String>) -> serde_json::Value {
    serde_json::json!({
        "title": s.title,
        "description": s.description,
        "content": crate::markdown::render(&s.body),
        "url": s.url,
        "kind": s.kind.map(Kind::name).unwrap_or("section"),
        "map": map,
    })
}

impl Renderer<'_> {
    /// Render a section's list pages; returns how many were written.
    pub(super) fn section(&self, i: usize) -> Result<usize, RenderError> {
        self.section_where(i, &|_| true)
    }

    /// Render the list pages of section `i` whose number (from 1) `wanted` accepts.
    pub(super) fn section_where(
        &self,
        i: usize,
        wanted: &(dyn Fn(usize) -> bool + Sync),
    ) -> Result<usize, RenderError> {
        let s = &self.site.sections[i];
        if s.front.render == Some(false) {
            return Ok(0);
        }
        let section_ctx = section_ctx(s, self.map_url(s));
        if s.components.is_empty() {
            return self.home_at("/", section_ctx, &s.translations).map(|_| 1);
        }
        let subsections: Vec<Link> = s
            .subsections
            .iter()
            .map(|&j| Link {
                title: self.site.sections[j].title.clone(),
                url: Some(self.site.sections[j].url.clone()),
            })
            .collect();
        let orderings = self.section_orderings(s);
        let list = |chunk: &[usize]| self.summary_list(chunk);
        self.section_pages(s, &section_ctx, &subsections, orderings, wanted, &list)
    }

    /// Write the list pages of section `s` (or of a translated section, whose items
    /// `list` summarises) whose number `wanted` accepts, with the section's template.
    pub(super) fn section_pages(
        &self,
        s: &crate::model::Section,
        section_ctx: &serde_json::Value,
        subsections: &[Link],
        orderings: Value,
        wanted: &(dyn Fn(usize) -> bool + Sync),
        list: &(dyn Fn(&[usize]) -> Value + Sync),
    ) -> Result<usize, RenderError> {
        let template = s
            .front
            .template
            .clone()
            .unwrap_or_else(|| "section.html".into());
        let (path, per) = (paginate_path(s), per_page(s));
        self.paginate_list(&s.url, &path, &s.pages, per, wanted, list, |ctx| {
            super::insert_translations(ctx, &s.translations);
            ctx.insert("section", section_ctx);
            ctx.insert("subsections", subsections);
            ctx.insert_value("orderings", orderings.clone());
            template.clone()
        })
    }
    /// Write the pages of a paginated list of pages (`items`, indexes into `site.pages`)
    /// at `base_url`, `base_url/page/2/`, ...
    pub(super) fn paginate(
        &self,
        base_url: &str,
        path: &str,
        items: &[usize],
        per: usize,
        wanted: &(dyn Fn(usize) -> bool + Sync),
        fill: impl Fn(&mut Context) -> String + Sync,
    ) -> Result<usize, RenderError> {
        let list = |chunk: &[usize]| self.summary_list(chunk);
        self.paginate_list(base_url, path, items, per, wanted, &list, fill)
    }

    /// `paginate` for any list of items, whose summaries `list` gives.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paginate_list(
        &self,
        base_url: &str,
        path: &str,
        items: &[usize],
        per: usize,
        wanted: &(dyn Fn(usize) -> bool + Sync),
        list: &(dyn Fn(&[usize]) -> Value + Sync),
        fill: impl Fn(&mut Context) -> String + Sync,
    ) -> Result<usize, RenderError> {
        let per = per.max(1);
        let total = items.len().div_ceil(per).max(1);
        let url_of = |n: usize| list_page_url(base_url, path, n);
        (1..=total)
            .into_par_iter()
            .filter(|&n| wanted(n))
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
                pg.insert("pages", list(chunk));
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
    /// The home page at `url` (`/`, or `/<lang>/` for a translation of the home section,
    /// whose lists are those of the default language).
    pub(super) fn home_at(
        &self,
        url: &str,
        section_ctx: serde_json::Value,
        translations: &[(String, String)],
    ) -> Result<(), RenderError> {
        let site = self.site;
        let mut ctx = self.ctx(url);
        super::insert_translations(&mut ctx, translations);
        ctx.insert("section", &section_ctx);
        let situations = self.situations_in_order();
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
        self.render_page("index.html", &ctx, url)
    }
    pub(super) fn taxonomies(&self) -> Result<usize, RenderError> {
        self.taxonomies_where(&|_, _, _| true)
    }

    /// The taxonomies' list pages, and the list pages of terms that `wanted` (taxonomy,
    /// term, page number from 1) accepts.
    pub(super) fn taxonomies_where(
        &self,
        wanted: &(dyn Fn(&str, &str, usize) -> bool + Sync),
    ) -> Result<usize, RenderError> {
        let site = self.site;
        let mut written = 0;
        for tax in &site.taxonomies {
            let words = &site.labels.words;
            let title = match tax.name.as_str() {
                "categories" => &words.taxonomy_categories,
                "audiences" => &words.taxonomy_audiences,
                "regions" => &words.taxonomy_regions,
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
                // A region's page lists the federal measures too: they apply there as well.
                let federal = (tax.name == "regions")
                    .then(|| tax.terms.get("federal"))
                    .flatten()
                    .map(|pages| {
                        let services: Vec<usize> = pages
                            .iter()
                            .copied()
                            .filter(|&i| site.pages[i].kind == Some(Kind::Service))
                            .collect();
                        let shown = &services[..services.len().min(FEDERAL_ON_REGION_PAGE)];
                        let info = serde_json::json!({
                            "count": services.len(),
                            "url": super::context::term_url("regions", "federal"),
                            "title": site.term_title("regions", "federal"),
                        });
                        (Value::from_serializable(&info), self.summary_list(shown))
                    });
                let n: usize = term_list
                    .par_iter()
                    .map(|term| {
                        let items = &tax.terms[&term.key];
                        let wanted = |n: usize| wanted(&tax.name, &term.key, n);
                        self.paginate(&term.url, "page", items, per, &wanted, |ctx| {
                            ctx.insert("taxonomy", &tax_ctx);
                            ctx.insert("term", term);
                            if let Some((info, pages)) = &federal {
                                if term.key != "federal" {
                                    ctx.insert_value("federal", info.clone());
                                    ctx.insert_value("federal_pages", pages.clone());
                                }
                            }
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
    pub(super) fn search_page(&self, index_url: &str) -> Result<(), RenderError> {
        let site = self.site;
        if !self.tera.contains_template("search.html") {
            return Ok(());
        }
        let mut ctx = self.ctx("/search/");
        ctx.insert("search_index", index_url);
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
        let situations = self.situations_in_order();
        ctx.insert_value("situations", self.summary_list(&situations));
        for tax in ["categories", "audiences", "regions"] {
            ctx.insert(tax, &self.used_terms(tax));
        }
        self.render_page("search.html", &ctx, "/search/")
    }
    /// The used terms of a taxonomy, in dictionary order.
    pub(super) fn used_terms(&self, tax: &str) -> Vec<TermCtx> {
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

    /// Situations in their route order (weight, then title).
    fn situations_in_order(&self) -> Vec<usize> {
        let site = self.site;
        let mut situations: Vec<usize> = (0..site.pages.len())
            .filter(|&i| site.pages[i].kind == Some(Kind::Situation))
            .collect();
        situations.sort_by_key(|&i| {
            (
                site.pages[i].weight.unwrap_or(i64::MAX),
                crate::model::collate(&site.pages[i].title),
            )
        });
        situations
    }
}

/// Records per list page of a section.
pub(super) fn per_page(s: &crate::model::Section) -> usize {
    match s.front.paginate_by {
        Some(n) if n > 0 => n as usize,
        _ if s.kind.is_some() => DEFAULT_PAGINATE,
        _ => usize::MAX,
    }
}
pub(super) fn paginate_path(s: &crate::model::Section) -> String {
    s.front
        .paginate_path
        .clone()
        .unwrap_or_else(|| "page".into())
}
/// URL of list page `n` (1-based) of a list at `base_url`.
pub(super) fn list_page_url(base_url: &str, path: &str, n: usize) -> String {
    if n == 1 {
        base_url.to_string()
    } else {
        format!("{base_url}{path}/{n}/")
    }
}
/// URLs of every list page of `count` items, `per` to a page.
pub(super) fn list_urls<'a>(
    base_url: &'a str,
    path: &'a str,
    count: usize,
    per: usize,
) -> impl Iterator<Item = String> + 'a {
    let total = count.div_ceil(per.max(1)).max(1);
    (1..=total).map(move |n| list_page_url(base_url, path, n))
}
