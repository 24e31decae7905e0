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
        // The page a feedback form leads to (Netlify Forms shows the form's `action`).
        if self.tera.contains_template("thanks.html") {
            self.render_page("thanks.html", &self.ctx("/spasibo/"), "/spasibo/")?;
        }
        self.offline()?;

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
                    let words = &site.labels.words;
                    let page = default_alias(
                        &target,
                        &site.config.default_language,
                        &words.alias_title,
                        &words.alias_text,
                    );
                    self.out.write(&file, page.as_bytes())?;
                }
            }
        }
        self.out
            .write("_redirects", feeds::redirects(&aliases).as_bytes())?;

        if site.config.generate_sitemap {
            let mut entries: Vec<(String, Option<String>)> = Vec::new();
            // Translated sections have no pre-sorted lists.
            let translated = site.section_translations.iter().map(|s| (s, false));
            for (s, orderings) in site.sections.iter().map(|s| (s, true)).chain(translated) {
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
                    if orderings {
                        entries.extend(self.ordering_urls(s).into_iter().map(|u| (u, None)));
                    }
                }
            }
            for p in site.pages.iter().chain(&site.translations) {
                entries.push((p.url.clone(), feeds::changed(p).map(|d| d.to_string())));
            }
            if self.tera.contains_template("search.html") {
                entries.push(("/search/".to_string(), None));
            }
            if self.tera.contains_template("podbor.html") {
                entries.push((super::podbor::URL.to_string(), None));
            }
            if self.tera.contains_template("changes.html") {
                entries.push((super::changes::URL.to_string(), None));
            }
            if self.tera.contains_template("quality.html") {
                entries.push((super::quality::URL.to_string(), None));
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
        self.out.write(
            "atom.xml",
            feeds::atom(
                site,
                super::changes::LIMIT,
                if self.tera.contains_template("changes.html") {
                    super::changes::URL
                } else {
                    "/"
                },
            )
            .as_bytes(),
        )?;
        Ok(())
    }
}

impl Renderer<'_> {
    /// The service worker `/sw.js` and the page it shows for what was never opened,
    /// `/offline/`, both from the theme's templates (`sw.js`, `offline.html`), unless
    /// `offline = false` in config.toml [extra]. The worker's cache is named after a hash
    /// of the build's assets, so a new build replaces the old cache.
    fn offline(&self) -> Result<(), RenderError> {
        if !self.tera.contains_template("sw.js") || !self.tera.contains_template("offline.html") {
            return Ok(());
        }
        if !self.site.settings.offline {
            // Visitors of earlier builds still run the worker: this one removes itself
            // and its caches the next time their browser checks for an update.
            self.out.write("sw.js", RETIRED_WORKER.as_bytes())?;
            return Ok(());
        }
        self.render_page("offline.html", &self.ctx("/offline/"), "/offline/")?;
        if !self.wants("sw.js") {
            return Ok(());
        }
        let mut ctx = self.ctx("/sw.js");
        ctx.insert("offline_url", "/offline/");
        // The assets as a list sorted by name: a map's order in Tera is not fixed, and the
        // worker (and its version hash) must be the same for the same site.
        let list: Vec<serde_json::Value> = self
            .assets
            .iter()
            .map(|(name, url)| serde_json::json!({ "name": name, "url": url }))
            .collect();
        ctx.insert("asset_list", &list);
        let buf = self
            .tera
            .render("sw.js", &ctx)
            .map_err(|e| RenderError::Template(super::render_error("/sw.js", "sw.js", &e)))?;
        let version = crate::write::content_hash(buf.as_bytes());
        let buf = buf.replace("__SOCNAV_VERSION__", &version);
        self.out.write("sw.js", buf.as_bytes())?;
        Ok(())
    }
}

/// The service worker written when offline reading is switched off.
const RETIRED_WORKER: &str = "// Offline reading is switched off: remove this worker and its caches.\n\
self.addEventListener('install', () => self.skipWaiting());\n\
self.addEventListener('activate', (e) => e.waitUntil(\n\
  caches.keys()\n\
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('socnav-')).map((k) => caches.delete(k))))\n\
    .then(() => self.registration.unregister())\n\
));\n";

/// The redirect page of a moved address when the theme has no `alias.html`, with the
/// words of the theme's `alias_title` and `alias_text` in the site's language.
pub(super) fn default_alias(target: &str, lang: &str, title: &str, text: &str) -> String {
    let t = feeds::xml_escape(target);
    let (lang, title, text) = (
        feeds::xml_escape(lang),
        feeds::xml_escape(title),
        feeds::xml_escape(text),
    );
    format!("<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title><link rel=\"canonical\" href=\"{t}\"><meta http-equiv=\"refresh\" content=\"0; url={t}\"></head><body><p>{text} <a href=\"{t}\">{t}</a></p></body></html>\n")
}
