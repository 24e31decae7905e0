//! The provider directory and the standards catalogue, pre-sorted for readers without
//! JavaScript: besides the section's A–Z list, one page per ordering, with the records
//! grouped under headings (theme template `directory.html`):
//!
//! - providers: `/providers/po/sfere/` (field of activity: categories),
//!   `/providers/po/gruppam/` (target group: audiences), `/providers/po/vidu/` (kind of
//!   organisation), `/providers/po/regionam/` (region);
//! - standards: `/standards/po/statusu/` and `/standards/po/vidu/`.
//!
//! The pages sit one level below the records (`po/<order>/`), so no record's slug can
//! take their address. A provider section's map data (`map.json`, provider_map.rs) is
//! written here too.

use serde::Serialize;
use tera::Value;

use super::translations::labels::{Choices, Words};
use super::{RenderError, Renderer};
use crate::model::{collate, Record, Section};
use crate::schema::Kind;

#[derive(Serialize)]
struct Ordering<'a> {
    key: &'static str,
    title: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Group {
    title: String,
    id: String,
    items: Value,
}

/// The orderings a section of this kind offers: (key, title in the site's language,
/// group keys and titles of a record). A record with several keys is listed in each of
/// its groups.
type Grouper = fn(&crate::model::Site, &crate::model::Page) -> Vec<(String, String)>;
type Title = fn(&Words) -> &str;

fn orderings(kind: Kind) -> &'static [(&'static str, Title, Grouper)] {
    match kind {
        Kind::Provider => &[
            (
                "sfere",
                |w| &w.by_category,
                |site, p| terms(site, "categories", &p.taxonomies.categories),
            ),
            (
                "gruppam",
                |w| &w.by_audience,
                |site, p| terms(site, "audiences", &p.taxonomies.audiences),
            ),
            (
                "vidu",
                |w| &w.by_provider_type,
                |site, p| match &p.record {
                    Record::Provider(pr) => vec![choice(site, Choices::ProviderType, &pr.kind)],
                    _ => Vec::new(),
                },
            ),
            (
                "regionam",
                |w| &w.by_region,
                |site, p| terms(site, "regions", &p.taxonomies.regions),
            ),
        ],
        Kind::Standard => &[
            (
                "statusu",
                |w| &w.by_status,
                |site, p| match &p.record {
                    Record::Standard(st) => vec![choice(site, Choices::StandardStatus, &st.status)],
                    _ => Vec::new(),
                },
            ),
            (
                "vidu",
                |w| &w.by_standard_type,
                |site, p| match &p.record {
                    Record::Standard(st) => vec![choice(site, Choices::StandardType, &st.kind)],
                    _ => Vec::new(),
                },
            ),
        ],
        _ => &[],
    }
}

/// A choice's value and its label in the site's language (the value when it has none).
fn choice(site: &crate::model::Site, set: Choices, value: &str) -> (String, String) {
    let label = site.labels.choice(set, value).unwrap_or(value);
    (value.to_string(), label.to_string())
}

fn terms(site: &crate::model::Site, taxonomy: &str, keys: &[String]) -> Vec<(String, String)> {
    keys.iter()
        .map(|k| (k.clone(), site.term_title(taxonomy, k)))
        .collect()
}

/// The URL of a section's list in one ordering.
fn ordering_url(section: &Section, key: &str) -> String {
    format!("{}po/{key}/", section.url)
}

impl Renderer<'_> {
    /// The orderings of a section, for links from its list page (empty for sections
    /// that have none, or when the theme has no `directory.html`).
    pub(super) fn section_orderings(&self, section: &Section) -> Value {
        let list: Vec<Ordering> = self
            .offered(section)
            .iter()
            .map(|(key, title, _)| Ordering {
                key,
                title: title(&self.site.labels.words),
                url: ordering_url(section, key),
            })
            .collect();
        Value::from_serializable(&list)
    }

    /// The URLs of a section's pre-sorted pages (for the sitemap).
    pub(super) fn ordering_urls(&self, section: &Section) -> Vec<String> {
        self.offered(section)
            .iter()
            .map(|(key, _, _)| ordering_url(section, key))
            .collect()
    }

    /// The orderings written for a section: its kind's, when the theme can show them.
    fn offered(&self, section: &Section) -> &'static [(&'static str, Title, Grouper)] {
        match section.kind {
            Some(kind) if self.tera.contains_template("directory.html") => orderings(kind),
            _ => &[],
        }
    }

    /// Write the pre-sorted pages of every provider and standard section. Each is one
    /// large page (every record of the section); they render side by side.
    pub(super) fn directories(&self) -> Result<usize, RenderError> {
        use rayon::prelude::*;
        let site = self.site;
        let mut pages = Vec::new();
        for section in &site.sections {
            if section.front.render == Some(false) {
                continue;
            }
            self.provider_map(section)?;
            let all = self.section_orderings(section);
            for ordering in self.offered(section) {
                pages.push((section, ordering, all.clone()));
            }
        }
        pages
            .par_iter()
            .map(|(section, (key, title, group_of), all)| {
                // Groups by title (Russian order), each with the title to show.
                let mut groups: std::collections::BTreeMap<(String, String), (String, Vec<usize>)> =
                    Default::default();
                for &i in &section.pages {
                    for (k, t) in group_of(site, &site.pages[i]) {
                        groups
                            .entry((collate(&t), k))
                            .or_insert_with(|| (t, Vec::new()))
                            .1
                            .push(i);
                    }
                }
                let groups: Vec<Group> = groups
                    .into_iter()
                    .map(|((_, k), (title, mut items))| {
                        items.sort_by_cached_key(|&i| collate(&site.pages[i].title));
                        Group {
                            title,
                            id: format!("g-{}", crate::model::paths::url_segment(&k)),
                            items: self.summary_list(&items),
                        }
                    })
                    .collect();
                let url = ordering_url(section, key);
                let mut ctx = self.ctx(&url);
                ctx.insert(
                    "section",
                    &serde_json::json!({ "title": section.title, "url": section.url, "kind": section.kind.map(Kind::name), "map": self.map_url(section) }),
                );
                ctx.insert(
                    "ordering",
                    &serde_json::json!({ "key": key, "title": title(&site.labels.words) }),
                );
                ctx.insert_value("orderings", all.clone());
                ctx.insert("groups", &groups);
                ctx.insert("total", &section.pages.len());
                self.render_page("directory.html", &ctx, &url)
            })
            .collect::<Result<Vec<()>, RenderError>>()
            .map(|v| v.len())
    }
}
