//! Rendering again only what an edit to the front matter of some records changes (the
//! preview's quick path; `serve/front.rs` decides when it applies). Page indexes,
//! slugs, URLs and sections are those of the last build; reverse links, lists and terms
//! have been computed again (`Site::relink`).
//!
//! What a record's front matter reaches:
//! - its own page, and the pages of the records it refers to or that refer to it,
//!   before and after the edit (`Site::neighbours`): they show its title, summary,
//!   contacts or route;
//! - the list pages of its section, and of every term it had or has (their totals and
//!   order change); on a region's page the federal measures are listed too, so a
//!   federal measure reaches every region's page;
//! - the pre-sorted directories of provider and standard sections;
//! - pages made from every record: home, search, questionnaire (the data of the regions
//!   it had or has), quality, changes, the sitemap, the feed and the translated pages.
//!
//! Term counts reach every page that shows the term; record templates that show them
//! (`term.count`) make the caller fall back to a full build (`RenderEnv::term_counts_on_records`).

use std::collections::{BTreeMap, BTreeSet};

use super::lists::list_urls;
use super::{RenderEnv, RenderError, Renderer};
use crate::model::paths::output_file;
use crate::model::{Record, Site};
use crate::schema::Kind;
use crate::write::Staging;

/// What an edit reaches, collected from the old versions of the edited pages and then
/// from the new ones.
#[derive(Debug, Default)]
pub struct Affected {
    /// Pages to render again.
    pub pages: BTreeSet<usize>,
    sections: BTreeSet<usize>,
    /// (taxonomy, term) → how many records it had before the edit.
    terms: BTreeMap<(String, String), usize>,
    /// Regions whose questionnaire data to write again (None: every region).
    regions: Option<BTreeSet<String>>,
    directories: bool,
}

impl Affected {
    /// What the edited pages `changed` reach in `site` as it is: call once before the
    /// new versions are put in (`before`), once after (`relink`).
    pub fn add(&mut self, site: &Site, changed: &[usize], before: bool) {
        for &i in changed {
            let p = &site.pages[i];
            self.pages.insert(i);
            self.pages.extend(site.neighbours(i));
            self.sections.insert(p.section);
            for tax in &site.taxonomies {
                for key in p.taxonomies.of(&tax.name) {
                    let had = match before {
                        true => tax.terms.get(key).map_or(0, Vec::len),
                        false => 0,
                    };
                    self.terms
                        .entry((tax.name.clone(), key.clone()))
                        .or_insert(had);
                }
            }
            match &p.record {
                Record::Service(_) => {
                    if let Some(r) = &mut self.regions {
                        r.extend(p.taxonomies.regions.iter().cloned());
                    }
                }
                // A situation's title and address are in the data of its services' regions.
                Record::Situation(_) => self.regions = None,
                Record::Provider(_) | Record::Standard(_) => self.directories = true,
                Record::Plain => {}
            }
        }
    }

    pub fn new() -> Affected {
        Affected {
            regions: Some(BTreeSet::new()),
            ..Default::default()
        }
    }
}

/// Render what `a` reaches into `out`, with the search page naming `index_url`.
/// Returns the output files that no longer exist in a clean build (list pages of terms
/// that shrank or went unused, questionnaire data of regions left without measures).
pub fn render_after_front_edits(
    site: &mut Site,
    env: &mut RenderEnv,
    out: &Staging,
    a: &Affected,
    index_url: &str,
) -> Result<Vec<String>, RenderError> {
    let stale = {
        let r = Renderer {
            site,
            out,
            env: &*env,
        };
        r.affected(a, index_url)?
    };
    super::render_translations(site, env, out)?;
    Ok(stale)
}

impl Renderer<'_> {
    fn affected(&self, a: &Affected, index_url: &str) -> Result<Vec<String>, RenderError> {
        use rayon::prelude::*;
        let site = self.site;
        let pages: Vec<usize> = a.pages.iter().copied().collect();
        let root = site.sections.iter().position(|s| s.components.is_empty());
        let sections: Vec<usize> = a.sections.iter().copied().chain(root).collect();
        let federal = a.terms.contains_key(&("regions".into(), "federal".into()));
        let wanted = |tax: &str, key: &str| {
            (federal && tax == "regions") || a.terms.contains_key(&(tax.into(), key.into()))
        };
        let in_regions = |region: &str| a.regions.as_ref().is_none_or(|r| r.contains(region));
        let ((pages, lists), (singles, (podbor, quality))) = rayon::join(
            || {
                rayon::join(
                    || {
                        pages
                            .par_iter()
                            .try_for_each(|&i| self.page(&site.pages[i]))
                    },
                    || -> Result<(), RenderError> {
                        sections
                            .par_iter()
                            .try_for_each(|&i| self.section(i).map(drop))?;
                        self.taxonomies_where(&wanted)?;
                        if a.directories {
                            self.directories()?;
                        }
                        Ok(())
                    },
                )
            },
            || {
                rayon::join(
                    || -> Result<(), RenderError> {
                        self.special()?;
                        self.changes()?;
                        self.admin()?;
                        self.search_page(index_url)
                    },
                    || rayon::join(|| self.podbor_where(&in_regions), || self.quality()),
                )
            },
        );
        pages?;
        lists?;
        singles?;
        podbor?;
        quality?;
        Ok(self.stale(a))
    }

    /// Output files of the last build that this edit made obsolete.
    fn stale(&self, a: &Affected) -> Vec<String> {
        let site = self.site;
        let mut gone = Vec::new();
        if self.tera.contains_template("taxonomy_single.html") {
            for ((tax, key), &had) in &a.terms {
                let now = site
                    .taxonomies
                    .iter()
                    .find(|t| &t.name == tax)
                    .and_then(|t| t.terms.get(key))
                    .map_or(0, Vec::len);
                if now >= had {
                    continue;
                }
                let url = super::context::term_url(tax, key);
                let per = site.config.paginate_for_taxonomy(tax);
                // A term no record uses any more has no pages at all.
                let kept = if now == 0 {
                    0
                } else {
                    list_urls(&url, "page", now, per).count()
                };
                gone.extend(
                    list_urls(&url, "page", had, per)
                        .skip(kept)
                        .filter_map(|u| output_file(&u)),
                );
            }
        }
        if self.tera.contains_template("podbor.html") {
            if let Some(regions) = &a.regions {
                for r in regions {
                    let used = site
                        .pages
                        .iter()
                        .any(|p| p.kind == Some(Kind::Service) && p.taxonomies.regions.contains(r));
                    if !used {
                        gone.push(format!(
                            "podbor/{}.json",
                            crate::model::paths::url_segment(r)
                        ));
                    }
                }
            }
        }
        gone
    }
}

impl RenderEnv {
    /// After the front matter of the pages `changed` was edited (and the model relinked):
    /// their summaries, and the values shared between pages, converted again.
    pub fn refresh(&mut self, site: &Site, changed: &[usize]) {
        for &i in changed {
            self.summary_values[i] =
                tera::Value::from_serializable(&super::context::summary(site, &site.pages[i]));
        }
        self.shared = super::shared::Shared::build(site);
    }
}
