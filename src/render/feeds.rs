//! Machine-readable outputs that need no theme: sitemap, robots.txt, the Atom feed of
//! updated records and the Netlify `_redirects` file.

use crate::model::{Page, Site};
use crate::schema::Kind;

pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Sitemap protocol allows 50,000 URLs per file; above that, an index of several files.
pub const SITEMAP_LIMIT: usize = 50_000;

/// `(file name, contents)` of the sitemap files. `entries` are (url, lastmod).
pub fn sitemaps(base: &str, entries: &[(String, Option<String>)]) -> Vec<(String, String)> {
    let chunk = |items: &[(String, Option<String>)]| {
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (url, lastmod) in items {
            s.push_str("  <url>\n    <loc>");
            s.push_str(&xml_escape(&format!("{base}{url}")));
            s.push_str("</loc>\n");
            if let Some(d) = lastmod {
                s.push_str("    <lastmod>");
                s.push_str(d);
                s.push_str("</lastmod>\n");
            }
            s.push_str("  </url>\n");
        }
        s.push_str("</urlset>\n");
        s
    };
    if entries.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".into(), chunk(entries))];
    }
    let mut files = Vec::new();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, part) in entries.chunks(SITEMAP_LIMIT).enumerate() {
        let name = format!("sitemap{}.xml", i + 1);
        index.push_str(&format!(
            "  <sitemap>\n    <loc>{}</loc>\n  </sitemap>\n",
            xml_escape(&format!("{base}/{name}"))
        ));
        files.push((name, chunk(part)));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index));
    files
}

pub fn robots(base: &str) -> String {
    format!("User-agent: *\nDisallow:\nAllow: /\nSitemap: {base}/sitemap.xml\n")
}

/// The date a record's file last changed: from git history when the site is in a git
/// repository, else `updated` (or `date`).
pub fn file_changed(p: &Page) -> Option<crate::model::date::Date> {
    p.file_dates.map(|d| d.changed).or(p.updated).or(p.date)
}

/// The date a record was added: its file's first commit, else `date`.
pub fn added(p: &Page) -> Option<crate::model::date::Date> {
    p.file_dates.and_then(|d| d.added).or(p.date)
}

/// The date a record last changed for readers: the later of its file's change and
/// `reviewed`.
pub fn changed(p: &Page) -> Option<crate::model::date::Date> {
    match (file_changed(p), p.reviewed) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The records most recently added, updated or reviewed, newest first (the Atom feed and
/// the «Что изменилось» page list the same ones).
pub fn recent(site: &Site, limit: usize) -> Vec<&Page> {
    let mut recs: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| p.kind.is_some() && changed(p).is_some())
        .collect();
    recs.sort_by(|a, b| changed(b).cmp(&changed(a)).then_with(|| a.url.cmp(&b.url)));
    recs.truncate(limit);
    recs
}

/// Whether a record is new: it was added on the day it last changed.
pub fn is_new(p: &Page) -> bool {
    added(p).is_some() && added(p) == changed(p)
}

/// Atom feed of the most recently added, updated or reviewed records, in the site's
/// language (`feed_title`, the kinds' labels).
/// `alternate` is the page that lists the same records (`/changes/`, or `/`).
pub fn atom(site: &Site, limit: usize, alternate: &str) -> String {
    let base = site.config.base();
    let labels = &site.labels;
    let recs = recent(site, limit);
    let updated = recs.first().and_then(|p| changed(p)).unwrap_or(site.today);
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml_escape(&site.config.default_language)
    );
    s.push_str(&format!(
        "  <title>{}</title>\n",
        xml_escape(
            &labels
                .words
                .feed_title
                .replace("{title}", &site.config.title)
        )
    ));
    s.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}/atom.xml\"/>\n",
        xml_escape(base)
    ));
    s.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}{}\"/>\n",
        xml_escape(base),
        xml_escape(alternate)
    ));
    s.push_str(&format!("  <id>{}/atom.xml</id>\n", xml_escape(base)));
    s.push_str(&format!(
        "  <updated>{updated}T00:00:00Z</updated>\n  <generator>socnav</generator>\n"
    ));
    for p in recs {
        let when = changed(p).unwrap_or(site.today);
        let link = format!("{base}{}", p.url);
        let kind = p.kind.map_or("", |k| labels.kind(Some(k)));
        s.push_str("  <entry>\n");
        s.push_str(&format!("    <title>{}</title>\n", xml_escape(&p.title)));
        s.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&link)
        ));
        s.push_str(&format!("    <id>{}</id>\n", xml_escape(&link)));
        s.push_str(&format!("    <updated>{when}T00:00:00Z</updated>\n"));
        if let Some(a) = added(p) {
            s.push_str(&format!("    <published>{a}T00:00:00Z</published>\n"));
        }
        s.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            p.kind.map(Kind::name).unwrap_or(""),
            xml_escape(kind)
        ));
        if let Some(d) = &p.description {
            s.push_str(&format!("    <summary>{}</summary>\n", xml_escape(d)));
        }
        s.push_str("  </entry>\n");
    }
    s.push_str("</feed>\n");
    s
}

/// Netlify `_redirects`: one permanent redirect per alias.
pub fn redirects(aliases: &[(String, String)]) -> String {
    let mut s = String::from("# Generated by socnav: old addresses of pages (aliases).\n");
    for (from, to) in aliases {
        s.push_str(&format!("{from} {to} 301\n"));
        if let Some(bare) = from.strip_suffix('/') {
            if !bare.is_empty() {
                s.push_str(&format!("{bare} {to} 301\n"));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_splits_above_the_limit() {
        let entries: Vec<(String, Option<String>)> = (0..SITEMAP_LIMIT + 1)
            .map(|i| (format!("/p{i}/"), None))
            .collect();
        let files = sitemaps("https://x.ru", &entries);
        assert_eq!(files.len(), 3);
        assert!(files[2].1.contains("<sitemapindex"));
        assert!(files[2].1.contains("https://x.ru/sitemap2.xml"));
    }

    #[test]
    fn escapes_xml() {
        assert_eq!(xml_escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
