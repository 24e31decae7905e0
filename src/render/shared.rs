//! Template values that many pages share (providers, standards, terms), converted once.

use std::collections::HashMap;

use rayon::prelude::*;
use tera::Value;

use super::context::{provider_ref, standard_ref, terms};
use crate::model::Site;
use crate::schema::{self, Kind};

/// Template values that many pages share (a provider appears on every service it
/// delivers), converted once: cloning one is a reference-count increment.
pub(super) struct Shared {
    pub(super) providers: HashMap<String, Value>,
    pub(super) standards: HashMap<String, Value>,
    /// (taxonomy, term key) → term.
    terms: HashMap<(&'static str, String), Value>,
}

impl Shared {
    pub(super) fn build(site: &Site) -> Shared {
        let slugs = |kind: Kind| -> Vec<String> {
            site.pages
                .iter()
                .filter(|p| p.kind == Some(kind))
                .map(|p| p.slug.clone())
                .collect()
        };
        let providers = slugs(Kind::Provider)
            .into_par_iter()
            .map(|s| {
                let v = Value::from_serializable(&provider_ref(site, &s));
                (s, v)
            })
            .collect();
        let standards = slugs(Kind::Standard)
            .into_par_iter()
            .map(|s| {
                let v = Value::from_serializable(&standard_ref(site, &s));
                (s, v)
            })
            .collect();
        let mut terms_map = HashMap::new();
        for (tax, dict) in [
            ("categories", schema::Dict::Categories),
            ("audiences", schema::Dict::Audiences),
            ("regions", schema::Dict::Regions),
        ] {
            let keys: Vec<String> = site.dicts.get(dict).keys().map(str::to_string).collect();
            for t in terms(site, tax, &keys) {
                let key = t.key.clone();
                terms_map.insert((tax, key), Value::from_serializable(&t));
            }
        }
        Shared {
            providers,
            standards,
            terms: terms_map,
        }
    }

    /// Cached values for `slugs`. Validation makes every reference point at a published
    /// record; `fallback` builds the same shape for one that does not, just in case.
    pub(super) fn list(
        &self,
        cache: &HashMap<String, Value>,
        slugs: &[String],
        fallback: impl Fn(&str) -> Value,
    ) -> Value {
        Value::from(
            slugs
                .iter()
                .map(|s| cache.get(s).cloned().unwrap_or_else(|| fallback(s)))
                .collect::<Vec<Value>>(),
        )
    }

    pub(super) fn terms(&self, tax: &'static str, keys: &[String]) -> Value {
        Value::from(
            keys.iter()
                .filter_map(|k| self.terms.get(&(tax, k.clone())).cloned())
                .collect::<Vec<Value>>(),
        )
    }
}
