//! Rendering again only what an edit to the front matter of some records changes (the
//! preview's quick path; `serve/front.rs` decides when it applies). Page indexes,
//! slugs, URLs and sections are those of the last build; reverse links, lists and terms
//! have been computed again (`Site::relink`).
//!
//! What a record's front matter reaches:
//! - its own page, and the pages of the records it refers to or that refer to it,
//!   before and after the edit (`Site::neighbours`): they show its title, summary,
//!   contacts or route;
//! - the list pages of its section, and of every term it had or has: the one it is on
//!   when its place and the list's length stayed, every page of the list otherwise;
//!   region pages list the first federal measures too, so a federal measure among them
//!   (before or after) reaches every region's pages;
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
    /// Section → its list pages to render again.
    sections: BTreeMap<usize, ListPages>,
    /// (taxonomy, term) → how many records it had before the edit, and its list pages
    /// to render again (None: all).
    terms: BTreeMap<(String, String), (usize, ListPages)>,
    /// Whether the federal measures every region's page lists changed.
    federal: bool,
    /// Regions whose questionnaire data to write again (None: every region).
    regions: Option<BTreeSet<String>>,
    directories: bool,
    /// Where each edited page stood in each list before the edit, and how long the list was.
    before: BTreeMap<(List, usize), (usize, usize)>,
}

/// The list pages of a list (numbered from 1) to render again; None: all of them.
type ListPages = Option<BTreeSet<usize>>;

/// A list of records on list pages.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum List {
    Section(usize),
    Term(String, String),
    /// The federal measures, as region pages list them.
    Federal,
}

impl Affected {
    pub fn new() -> Affected {
        Affected {
            regions: Some(BTreeSet::new()),
            ..Default::default()
        }
    }

    /// What the edited pages `changed` reach in `site` as it is: call once before the
    /// new versions are put in (`before`), once after (`relink`).
    pub fn add(&mut self, site: &Site, changed: &[usize], before: bool) {
        for &i in changed {
            let p = &site.pages[i];
            self.pages.insert(i);
            self.pages.extend(site.neighbours(i));
            let section = &site.sections[p.section];
            self.place(
                List::Section(p.section),
                i,
                &section.pages,
                super::lists::per_page(section),
                before,
            );
            for tax in &site.taxonomies {
                let per = site.config.paginate_for_taxonomy(&tax.name);
                for key in p.taxonomies.of(&tax.name) {
                    let list = &tax.terms[key];
                    let list_key = List::Term(tax.name.clone(), key.clone());
                    self.place(list_key, i, list, per, before);
                }
                if tax.name == "regions" {
                    let federal: Vec<usize> = tax
                        .terms
                        .get("federal")
                        .into_iter()
                        .flatten()
                        .copied()
                        .filter(|&j| site.pages[j].kind == Some(Kind::Service))
                        .collect();
                    if federal.contains(&i) {
                        self.place(List::Federal, i, &federal, usize::MAX, before);
                    } else if !before && self.before.contains_key(&(List::Federal, i)) {
                        self.federal = true;
                    }
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
        if !before {
            // Lists the pages were in before and are not now.
            let gone: Vec<(List, usize)> = self
                .before
                .keys()
                .filter(|(list, i)| {
                    let p = &site.pages[*i];
                    match list {
                        List::Section(_) => false,
                        List::Term(tax, key) => !p.taxonomies.of(tax).contains(key),
                        List::Federal => false,
                    }
                })
                .cloned()
                .collect();
            for (list, _) in gone {
                self.mark(&list, None);
            }
        }
    }

    /// Page `i` is in `list` (`per` records to a list page): before the edit, remember
    /// where; after, mark the list pages to render again: the one it is on when its place
    /// and the list's length did not change, else all.
    fn place(&mut self, list: List, i: usize, items: &[usize], per: usize, before: bool) {
        let at = items.iter().position(|&j| j == i).unwrap_or(0);
        if let List::Term(tax, key) = &list {
            let had = if before { items.len() } else { 0 };
            self.terms
                .entry((tax.clone(), key.clone()))
                .or_insert((had, Some(BTreeSet::new())));
        }
        if before {
            self.before.insert((list, i), (at, items.len()));
            return;
        }
        let same = self.before.get(&(list.clone(), i)) == Some(&(at, items.len()));
        if let List::Federal = list {
            // Region pages show the first federal measures, and how many there are.
            let was = self.before.get(&(List::Federal, i)).map(|b| b.0);
            if !same
                || at < super::lists::FEDERAL_ON_REGION_PAGE
                || was.is_some_and(|w| w < super::lists::FEDERAL_ON_REGION_PAGE)
            {
                self.federal = true;
            }
            return;
        }
        let page = at / per.max(1) + 1;
        self.mark(&list, same.then_some(page));
    }

    /// Render list page `page` of `list` again (None: every page of it).
    fn mark(&mut self, list: &List, page: Option<usize>) {
        let slot = match list {
            List::Section(s) => self.sections.entry(*s).or_insert(Some(BTreeSet::new())),
            List::Term(tax, key) => {
                &mut self
                    .terms
                    .entry((tax.clone(), key.clone()))
                    .or_insert((0, Some(BTreeSet::new())))
                    .1
            }
            List::Federal => return,
        };
        match (slot.as_mut(), page) {
            (Some(set), Some(n)) => {
                set.insert(n);
            }
            (_, None) => *slot = None,
            (None, Some(_)) => {}
        }
    }

    /// Whether list page `n` of a list marked `pages` is to be rendered again.
    fn wants(pages: &ListPages, n: usize) -> bool {
        pages.as_ref().is_none_or(|set| set.contains(&n))
    }
}

/// Render what `a` reaches into `out`, but for the search page (it names the new index)
/// and the translated pages (`render_search_page`, `render_translations`). Returns the
/// output files that no longer exist in a clean build (list pages of terms that shrank
/// or went unused, questionnaire data of regions left without measures).
pub fn render_reached(
    site: &Site,
    env: &RenderEnv,
    out: &Staging,
    a: &Affected,
) -> Result<Vec<String>, RenderError> {
    Renderer { site, out, env }.affected(a)
}

impl Renderer<'_> {
    fn affected(&self, a: &Affected) -> Result<Vec<String>, RenderError> {
        use rayon::prelude::*;
        let site = self.site;
        let pages: Vec<usize> = a.pages.iter().copied().collect();
        let root = site.sections.iter().position(|s| s.components.is_empty());
        let mut sections: Vec<(usize, &ListPages)> =
            a.sections.iter().map(|(s, p)| (*s, p)).collect();
        const ALL: ListPages = None;
        if let Some(root) = root.filter(|r| !a.sections.contains_key(r)) {
            // The home page (the root section's) lists recent changes and term counts.
            sections.push((root, &ALL));
        }
        let wanted = |tax: &str, key: &str, n: usize| {
            (a.federal && tax == "regions")
                || a.terms
                    .get(&(tax.into(), key.into()))
                    .is_some_and(|(_, pages)| Affected::wants(pages, n))
        };
        let in_regions = |region: &str| a.regions.as_ref().is_none_or(|r| r.contains(region));
        let timings = std::env::var_os("SOCNAV_TIMINGS").is_some();
        let timed = |what: &str, f: &dyn Fn() -> Result<(), RenderError>| {
            let t = std::time::Instant::now();
            let r = f();
            if timings {
                eprintln!("    pages: {what} {:.3} s", t.elapsed().as_secs_f64());
            }
            r
        };
        let ((pages, lists), (singles, (podbor, quality))) = rayon::join(
            || {
                rayon::join(
                    || {
                        timed("records", &|| {
                            pages
                                .par_iter()
                                .try_for_each(|&i| self.page(&site.pages[i]))
                        })
                    },
                    || {
                        timed("lists", &|| {
                            sections.par_iter().try_for_each(|(i, pages)| {
                                self.section_where(*i, &|n| Affected::wants(pages, n))
                                    .map(drop)
                            })?;
                            self.taxonomies_where(&wanted)?;
                            if a.directories {
                                self.directories()?;
                            }
                            Ok(())
                        })
                    },
                )
            },
            || {
                rayon::join(
                    || {
                        timed("special, changes, admin", &|| {
                            self.special()?;
                            self.changes()?;
                            self.admin()
                        })
                    },
                    || {
                        rayon::join(
                            || timed("podbor", &|| self.podbor_where(&in_regions)),
                            || timed("quality", &|| self.quality()),
                        )
                    },
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
            for ((tax, key), &(had, _)) in &a.terms {
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
    /// their summaries, the values shared between pages and the quality scores of the
    /// pages the edit reaches (a score reads the record and those it refers to),
    /// made again.
    pub fn refresh(&mut self, site: &Site, changed: &[usize], a: &Affected) {
        for &i in changed {
            self.summary_values[i] =
                tera::Value::from_serializable(&super::context::summary(site, &site.pages[i]));
        }
        self.shared = super::shared::Shared::build(site);
        if !self.scores.is_empty() {
            let t = site.settings.quality;
            for &i in &a.pages {
                let at = self.scores.binary_search_by_key(&i, |s| s.page);
                match (at, crate::quality::score(site, i, &t)) {
                    (Ok(at), Some(score)) => self.scores[at] = score,
                    (Ok(at), None) => {
                        self.scores.remove(at);
                    }
                    (Err(at), Some(score)) => self.scores.insert(at, score),
                    (Err(_), None) => {}
                }
            }
        }
    }
}
