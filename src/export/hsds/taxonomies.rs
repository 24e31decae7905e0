//! socnav's three taxonomies as HSDS taxonomies and taxonomy terms: `categories`,
//! `audiences` and `regions`, with their terms from the data/ dictionaries. Only terms
//! that an exported service or organization uses are published (HSDS asks for no unused
//! terms). Attributes link the terms to services, organizations and service areas.

use std::collections::HashMap;

use super::ids::Id;
use super::objects::{Attribute, Taxonomy, TaxonomyTerm};
use super::values::uri;
use crate::model::{Record, Site};
use crate::schema::Dict;

/// (key, name, description) of each taxonomy, in the order they are published.
const TAXONOMIES: [(&str, &str, &str); 3] = [
    (
        "categories",
        "Категории",
        "Сферы жизни, к которым относятся меры поддержки и работа организаций.",
    ),
    (
        "audiences",
        "Для кого",
        "Группы людей, которым адресованы меры поддержки и помощь организаций.",
    ),
    (
        "regions",
        "Регионы",
        "Где действует мера или работает организация; «Вся Россия» — по всей стране.",
    ),
];

/// The published taxonomies and terms.
pub struct Terms<'a> {
    pub taxonomies: Vec<Taxonomy>,
    /// Taxonomy by taxonomy, each in its dictionary's order.
    pub terms: Vec<TaxonomyTerm<'a>>,
    index: HashMap<(&'static str, &'a str), usize>,
}

impl<'a> Terms<'a> {
    /// The terms the services and providers of the site use.
    pub fn of(site: &'a Site) -> Terms<'a> {
        let base = site.config.base();
        let mut taxonomies = Vec::new();
        let mut terms = Vec::new();
        let mut index = HashMap::new();
        for (key, name, description) in TAXONOMIES {
            let mut used: Vec<&'a str> = site
                .pages
                .iter()
                .filter(|p| matches!(p.record, Record::Service(_) | Record::Provider(_)))
                .flat_map(|p| match key {
                    "categories" => &p.taxonomies.categories,
                    "audiences" => &p.taxonomies.audiences,
                    _ => &p.taxonomies.regions,
                })
                .map(String::as_str)
                .collect();
            used.sort_unstable();
            used.dedup();
            if used.is_empty() {
                continue;
            }
            let dict = Dict::taxonomy(key).map(|d| site.dicts.get(d));
            // Dictionary order first, then any key the dictionary lacks (never, once the
            // site has been checked).
            let mut ordered: Vec<&'a str> = dict
                .map(|d| d.keys().filter(|k| used.binary_search(k).is_ok()).collect())
                .unwrap_or_default();
            for k in &used {
                if !ordered.contains(k) {
                    ordered.push(k);
                }
            }
            let taxonomy_id = Id::of(&format!("taxonomy/{key}"));
            let pages = site.config.has_taxonomy(key);
            for k in ordered {
                let term = dict.and_then(|d| d.get(k));
                let title = term.map_or(k, |t| t.title.as_str());
                index.insert((key, k), terms.len());
                terms.push(TaxonomyTerm {
                    id: Id::of(&format!("taxonomy/{key}/{k}")),
                    code: format!("{key}/{k}"),
                    name: title,
                    description: term.and_then(|t| t.description.as_deref()).unwrap_or(title),
                    taxonomy: name,
                    language: "ru",
                    taxonomy_id,
                    term_uri: pages.then(|| uri(&format!("{base}/{key}/{k}/")).into_owned()),
                });
            }
            taxonomies.push(Taxonomy {
                id: taxonomy_id,
                name,
                description,
                uri: pages.then(|| format!("{base}/{key}/")),
            });
        }
        Terms {
            taxonomies,
            terms,
            index,
        }
    }

    pub fn get(&self, taxonomy: &'static str, key: &str) -> Option<&TaxonomyTerm<'a>> {
        self.index.get(&(taxonomy, key)).map(|&i| &self.terms[i])
    }

    /// Attributes applying the terms of `keys` to an object. `owner` is the object's id
    /// name (`service/<slug>`), from which each attribute's id is made.
    pub fn attributes<'t>(
        &'t self,
        owner: &str,
        link_id: Id,
        link_entity: &'static str,
        taxonomy: &'static str,
        keys: &[String],
        out: &mut Vec<Attribute<'t>>,
    ) {
        for k in keys {
            if let Some(term) = self.get(taxonomy, k) {
                out.push(Attribute {
                    id: Id::of(&format!("{owner}/attribute/{taxonomy}/{k}")),
                    link_id,
                    taxonomy_term_id: term.id,
                    link_type: taxonomy,
                    link_entity,
                    taxonomy_term: term,
                });
            }
        }
    }
}
