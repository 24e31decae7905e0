//! Typed front matter of each kind. Deserialised only after validation passed, from the
//! same tree; `deny_unknown_fields` plus the drift test in `tests` keep these structs and
//! `schema` saying the same thing.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomies {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
}

/// Zola's page keys, with the kind's `[extra]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Front<E> {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub in_search_index: Option<bool>,
    #[serde(default)]
    pub taxonomies: Taxonomies,
    pub extra: E,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub form: String,
    pub level: String,
    pub providers: Vec<String>,
    #[serde(default)]
    pub standards: Vec<String>,
    #[serde(default)]
    pub cost: Option<String>,
    pub reviewed: String,
    pub sources: Vec<String>,
    pub eligibility: Eligibility,
    pub documents: Vec<Document>,
    pub apply: Apply,
    pub deadlines: Deadlines,
    pub refusal: Refusal,
    pub legal_basis: Vec<LegalAct>,
    #[serde(default)]
    pub contacts: Option<Contacts>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub criteria: Vec<String>,
    #[serde(default)]
    pub age_min: Option<i64>,
    #[serde(default)]
    pub age_max: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub condition: Option<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Apply {
    pub channels: Vec<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(rename = "where")]
    pub place: String,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    #[serde(default)]
    pub apply_within: Option<String>,
    #[serde(default)]
    pub decision_days: Option<i64>,
    pub decision: String,
    #[serde(default)]
    pub delivery: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    pub reasons: Vec<String>,
    #[serde(default)]
    pub reapply: Option<String>,
    pub appeal: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LegalAct {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub inn: Option<String>,
    #[serde(default)]
    pub ogrn: Option<String>,
    #[serde(default)]
    pub in_registry: Option<bool>,
    #[serde(default)]
    pub activities: Vec<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub location: Option<Location>,
    #[serde(default)]
    pub hours: Option<String>,
    #[serde(default)]
    pub contacts: Contacts,
    pub reviewed: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub code: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    #[serde(default)]
    pub adopted: Option<String>,
    #[serde(default)]
    pub effective: Option<String>,
    #[serde(default)]
    pub superseded_by: Option<String>,
    #[serde(default)]
    pub developer: Option<String>,
    #[serde(default)]
    pub discussion_until: Option<String>,
    #[serde(default)]
    pub files: Vec<String>,
    pub reviewed: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub services: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub steps: Vec<Step>,
    pub reviewed: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Zola's section keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFront {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub sort_by: Option<String>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub in_search_index: Option<bool>,
    #[serde(default)]
    pub page_template: Option<String>,
    #[serde(default)]
    pub paginate_by: Option<i64>,
    #[serde(default)]
    pub paginate_path: Option<String>,
    #[serde(default)]
    pub paginate_reversed: bool,
    #[serde(default)]
    pub insert_anchor_links: Option<String>,
    #[serde(default)]
    pub render: Option<bool>,
    #[serde(default)]
    pub redirect_to: Option<String>,
    #[serde(default)]
    pub transparent: bool,
    #[serde(default)]
    pub generate_feeds: Option<bool>,
    #[serde(default)]
    pub sort_by_weight: Option<bool>,
    #[serde(default)]
    pub extra: Option<serde_json::Value>,
}
