//! The map of providers: one small JSON file per provider section, `<section>/map.json`
//! (`/providers/map.json`), which the theme's `provider-map.js` fetches only when a
//! visitor asks for the map:
//!
//! ```json
//! [["<url>", "<title>", lat, lon, "<address>"], ...]
//! ```
//!
//! One entry per provider of the section that has `extra.location`, by title (Russian
//! order), then by URL; `address` is null when the record has none. A section none of
//! whose providers has a location gets no file, and its pages no map (`section.map` is
//! null in their context).

use serde_json::{json, Value};

use super::{RenderError, Renderer};
use crate::model::records::Location;
use crate::model::{collate, Page, Record, Section};
use crate::schema::Kind;

/// The file's name inside the section's folder.
const FILE: &str = "map.json";

impl Renderer<'_> {
    /// The providers of a section that have a location (none for other sections, or a
    /// section that is not rendered).
    fn located<'s>(
        &'s self,
        section: &'s Section,
    ) -> impl Iterator<Item = (&'s Page, &'s Location, Option<&'s str>)> + 's {
        let on = section.kind == Some(Kind::Provider) && section.front.render != Some(false);
        section.pages.iter().filter(move |_| on).filter_map(|&i| {
            let p = &self.site.pages[i];
            match &p.record {
                Record::Provider(pr) => pr.location.as_ref().map(|l| (p, l, pr.address.as_deref())),
                _ => None,
            }
        })
    }

    /// The URL of a section's map data, for its list pages; None when it has no map.
    pub(super) fn map_url(&self, section: &Section) -> Option<String> {
        let has_map = self.located(section).next().is_some();
        has_map.then(|| format!("{}{FILE}", section.url))
    }

    /// Write a provider section's `map.json` (nothing when no provider has a location).
    pub(super) fn provider_map(&self, section: &Section) -> Result<(), RenderError> {
        let mut points: Vec<(String, &str, Value)> = self
            .located(section)
            .map(|(p, l, address)| {
                let entry = json!([p.url, p.title, l.lat, l.lon, address]);
                (collate(&p.title), p.url.as_str(), entry)
            })
            .collect();
        if points.is_empty() {
            return Ok(());
        }
        points.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let data = Value::from(points.into_iter().map(|(_, _, e)| e).collect::<Vec<_>>());
        let name = format!("{}{FILE}", section.url.trim_start_matches('/'));
        self.out.write(&name, data.to_string().as_bytes())?;
        Ok(())
    }
}
