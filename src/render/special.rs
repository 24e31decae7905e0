//! Outputs besides pages and lists: the 404 page, alias redirects and `_redirects`, the
//! sitemap, robots.txt and the Atom feed.

use super::context::term_url;
use super::lists::{list_urls, paginate_path, per_page};
use super::{feeds, RenderError, Renderer};
use crate::model::paths::output_file;

impl Renderer<'_> {
    /// 404, aliases, redirects, sitemap, robots.txt and the feed.
    pub(super) fn special(&self) -> Result<(), RenderError> {
        let site = self.site;
        let base = site.config.base();
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

pub(super) fn default_alias(target: &str) -> String {
    let t = feeds::xml_escape(target);
    format!("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Страница переехала</title><link rel=\"canonical\" href=\"{t}\"><meta http-equiv=\"refresh\" content=\"0; url={t}\"></head><body><p>Страница переехала: <a href=\"{t}\">{t}</a></p></body></html>\n")
}
