//! «Какие меры мне подходят»: the questionnaire page `/podbor/` (theme template
//! `podbor.html`) and its data, one small JSON file per region, so the browser fetches
//! only the visitor's region and the federal measures:
//!
//! ```json
//! { "region": "kurgan",
//!   "situations": { "<slug>": ["<title>", "<url>"] },
//!   "measures": [["<url>", "<title>", "<description>", ["<audience>"], age_min, age_max,
//!                 ["<situation slug>"], age_of]] }
//! ```
//!
//! `age_min`/`age_max` are null when the record sets none; `age_of` is `"child"` when
//! they bound the age of the child the measure is for (the questionnaire asks only the
//! visitor's own age, so such bounds are not compared with it), else null. A measure that names several
//! regions is in each of their files.

use rayon::prelude::*;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};

use super::{RenderError, Renderer};
use crate::model::{Page, Record};

/// The questionnaire's address; its data files sit beside it.
pub(super) const URL: &str = "/podbor/";

#[derive(Serialize)]
struct Choice {
    key: String,
    title: String,
    count: usize,
}

impl Renderer<'_> {
    pub(super) fn podbor(&self) -> Result<(), RenderError> {
        self.podbor_where(&|_| true)
    }

    /// The questionnaire page, and the data of the regions `wanted` accepts.
    pub(super) fn podbor_where(
        &self,
        wanted: &(dyn Fn(&str) -> bool + Sync),
    ) -> Result<(), RenderError> {
        if !self.tera.contains_template("podbor.html") {
            return Ok(());
        }
        let site = self.site;
        let mut by_region: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
        for p in &site.pages {
            if let Record::Service(_) = p.record {
                for r in &p.taxonomies.regions {
                    by_region.entry(r.as_str()).or_default().push(p);
                }
            }
        }
        let regions: Vec<(&&str, &Vec<&Page>)> =
            by_region.iter().filter(|(r, _)| wanted(r)).collect();
        regions.par_iter().try_for_each(|(region, pages)| {
            let mut situations = serde_json::Map::new();
            let measures: Vec<Value> = pages
                .iter()
                .map(|p| {
                    let Record::Service(s) = &p.record else {
                        unreachable!("only services are grouped")
                    };
                    let sits: Vec<&str> = p
                        .links
                        .situations
                        .iter()
                        .map(|&(i, _)| {
                            let sp = &site.pages[i];
                            situations
                                .entry(sp.slug.clone())
                                .or_insert_with(|| json!([sp.title, sp.url]));
                            sp.slug.as_str()
                        })
                        .collect();
                    json!([
                        p.url,
                        p.title,
                        p.description,
                        p.taxonomies.audiences,
                        s.eligibility.age_min,
                        s.eligibility.age_max,
                        sits,
                        s.eligibility.age_of.as_deref().filter(|w| *w == "child")
                    ])
                })
                .collect();
            let data = json!({ "region": region, "situations": situations, "measures": measures });
            let name = format!("podbor/{}.json", crate::model::paths::url_segment(region));
            self.out.write(&name, data.to_string().as_bytes())
        })?;
        let options = |taxonomy: &str, skip: &str| -> Vec<Choice> {
            let Some(t) = site.taxonomies.iter().find(|t| t.name == taxonomy) else {
                return Vec::new();
            };
            let mut v: Vec<Choice> = t
                .terms
                .iter()
                .filter(|(k, _)| k.as_str() != skip)
                .map(|(k, pages)| Choice {
                    key: k.clone(),
                    title: site.term_title(taxonomy, k),
                    count: pages.len(),
                })
                .collect();
            v.sort_by(|a, b| a.title.cmp(&b.title));
            v
        };
        let mut ctx = self.ctx(URL);
        ctx.insert("regions", &options("regions", "federal"));
        ctx.insert("audiences", &options("audiences", ""));
        ctx.insert("data_url", URL);
        ctx.insert("has_federal", &by_region.contains_key("federal"));
        self.render_page("podbor.html", &ctx, URL)
    }
}
