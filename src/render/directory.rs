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

use super::{RenderError, Renderer};
use crate::model::{collate, Record, Section};
use crate::schema::{self, Kind};

#[derive(Serialize)]
struct Ordering {
    key: &'static str,
    title: &'static str,
    url: String,
}

#[derive(Serialize)]
struct Group {
    title: String,
    id: String,
    items: Value,
}

/// The orderings a section of this kind offers: (key, title, group keys and titles of a
/// record). A record with several keys is listed in each of its groups.
type Grouper = fn(&crate::model::Site, &crate::model::Page) -> Vec<(String, String)>;

fn orderings(kind: Kind) -> &'static [(&'static str, &'static str, Grouper)] {
    match kind {
        Kind::Provider => &[
            (
                "sfere",
                "по сфере деятельности",
                |site, p| terms(site, "categories", &p.taxonomies.categories),
            ),
            (
                "gruppam",
                "по группам, которым помогают",
                |site, p| terms(site, "audiences", &p.taxonomies.audiences),
            ),
            ("vidu", "по виду организации", |_, p| match &p.record {
                Record::Provider(pr) => vec![(
                    pr.kind.clone(),
                    schema::label_of(schema::PROVIDER_TYPES, &pr.kind)
                        .unwrap_or(&pr.kind)
                        .to_string(),
                )],
                _ => Vec::new(),
            }),
            ("regionam", "по регионам", |site, p| {
                terms(site, "regions", &p.taxonomies.regions)
            }),
        ],
        Kind::Standard => &[
            ("statusu", "по статусу", |_, p| match &p.record {
                Record::Standard(st) => vec![(
                    st.status.clone(),
                    schema::label_of(schema::STANDARD_STATUSES, &st.status)
                        .unwrap_or(&st.status)
                        .to_string(),
                )],
                _ => Vec::new(),
            }),
            ("vidu", "по виду стандарта", |_, p| match &p.record {
                Record::Standard(st) => vec![(
                    st.kind.clone(),
                    schema::label_of(schema::STANDARD_TYPES, &st.kind)
                        .unwrap_or(&st.kind)
                        .to_string(),
                )],
                _ => Vec::new(),
            }),
        ],
        _ => &[],
    }
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
                title,
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
    fn offered(&self, section: &Section) -> &'static [(&'static str, &'static str, Grouper)] {
        match section.kind {
            Some(kind) if self.tera.contains_template("directory.html") => orderings(kind),
            _ => &[],
        }
    }

    /// Write the pre-sorted pages of every provider and standard section.
    pub(super) fn directories(&self) -> Result<usize, RenderError> {
        let site = self.site;
        let mut written = 0;
        for section in &site.sections {
            if section.front.render == Some(false) {
                continue;
            }
            self.provider_map(section)?;
            let all = self.section_orderings(section);
            for (key, title, group_of) in self.offered(section) {
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
                    &serde_json::json!({ "key": key, "title": title }),
                );
                ctx.insert_value("orderings", all.clone());
                ctx.insert("groups", &groups);
                ctx.insert("total", &section.pages.len());
                self.render_page("directory.html", &ctx, &url)?;
                written += 1;
            }
        }
        Ok(written)
    }
}
