//! Typed front matter of each kind. Deserialised only after validation passed, from the
//! same tree; `deny_unknown_fields` plus the drift test in `tests` keep these structs and
//! `schema` saying the same thing.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomies {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
}

impl Taxonomies {
    /// The terms of the taxonomy `name` (none for a taxonomy socnav does not know).
    pub fn of(&self, name: &str) -> &[String] {
        match name {
            "categories" => &self.categories,
            "audiences" => &self.audiences,
            "regions" => &self.regions,
            _ => &[],
        }
    }
}

/// Zola's page keys, with the kind's `[extra]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub criteria: Vec<String>,
    #[serde(default)]
    pub age_min: Option<i64>,
    #[serde(default)]
    pub age_max: Option<i64>,
    /// Whose age the bounds are: `applicant` (when absent) or `child`.
    #[serde(default)]
    pub age_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Apply {
    pub channels: Vec<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(rename = "where")]
    pub place: String,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    pub reasons: Vec<String>,
    #[serde(default)]
    pub reapply: Option<String>,
    pub appeal: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LegalAct {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub services: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub steps: Vec<Step>,
    pub reviewed: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Zola's section keys.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
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

#[cfg(test)]
mod tests {
    //! The schema in `schema.rs` and these structs must describe the same fields.

    use super::*;
    use crate::schema::{Field, Kind, Ty};
    use serde_json::{json, Map, Value};

    fn sample(ty: &Ty) -> Value {
        match ty {
            Ty::Str { .. }
            | Ty::Text
            | Ty::Ref(_)
            | Ty::RefOrText(_)
            | Ty::Term(_)
            | Ty::BundleFile => json!("x"),
            Ty::Int => json!(1),
            Ty::Float => json!(1.5),
            Ty::Bool => json!(true),
            Ty::Date => json!("2026-01-01"),
            Ty::Url => json!("https://example.ru/"),
            Ty::Enum(c) => json!(c[0].key),
            Ty::Inn => json!("7707083893"),
            Ty::Ogrn => json!("1027700132195"),
            Ty::List(inner) => json!([sample(inner)]),
            Ty::Table(sub) => Value::Object(table(sub)),
            Ty::TableList(sub) => json!([Value::Object(table(sub))]),
            Ty::Any => json!({}),
        }
    }

    fn table(fields: &[Field]) -> Map<String, Value> {
        fields
            .iter()
            .map(|f| (f.name.to_string(), sample(&f.ty)))
            .collect()
    }

    /// Every key the serialised struct has must be a schema key, recursively.
    fn assert_subset(value: &Value, fields: &[Field], path: &str) {
        let Value::Object(map) = value else { return };
        for (k, v) in map {
            let f = Field::find(fields, k)
                .unwrap_or_else(|| panic!("{path}.{k} is in the struct but not in the schema"));
            match (&f.ty, v) {
                (Ty::Table(sub), _) => assert_subset(v, sub, &format!("{path}.{k}")),
                (Ty::TableList(sub), Value::Array(items)) => {
                    for item in items {
                        assert_subset(item, sub, &format!("{path}.{k}"));
                    }
                }
                _ => {}
            }
        }
    }

    fn check<E: serde::de::DeserializeOwned + Serialize>(kind: Kind) {
        let full = Value::Object(table(kind.schema()));
        let front: Front<E> = serde_json::from_value(full).unwrap_or_else(|e| {
            panic!(
                "{}: a schema field is missing from the struct: {e}",
                kind.name()
            )
        });
        let extra = serde_json::to_value(&front.extra).unwrap();
        let extra_fields = match &Field::find(kind.schema(), "extra").unwrap().ty {
            Ty::Table(sub) => *sub,
            _ => unreachable!(),
        };
        assert_subset(&extra, extra_fields, "extra");
    }

    #[test]
    fn schema_and_structs_agree() {
        check::<Service>(Kind::Service);
        check::<Provider>(Kind::Provider);
        check::<Standard>(Kind::Standard);
        check::<Situation>(Kind::Situation);
    }

    #[test]
    fn section_schema_and_struct_agree() {
        let full = Value::Object(table(crate::schema::SECTION));
        let _: SectionFront =
            serde_json::from_value(full).expect("section schema fields exist in SectionFront");
    }
}
