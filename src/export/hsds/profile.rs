//! The socnav profile of HSDS 3.0: what a support measure needs that HSDS has no field
//! for (deadlines, grounds for refusal, re-applying, appeal, legal basis, eligibility as a
//! list, cost, the application channels...), kept rather than dropped.
//!
//! HSDS 3.0 lets a profile add properties to its objects. This one adds one object,
//! `socnav`, to `service`, `organization` and `required_document`; the tabular package
//! carries the same fields in three tables of its own (`socnav_services.csv`,
//! `socnav_organizations.csv`, `socnav_required_documents.csv`), one row per object,
//! keyed by its id. The field lists below are the single source of the three JSON Merge
//! Patches published under `/opendata/hsds/profile/` (RFC 7386, as HSDS profiles are
//! written), of the extension tables' columns and of their `datapackage.json` schemas.
//! `docs/hsds.md` documents every field.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::ids::Id;
use crate::schema::{Choice, CHANNELS, COSTS, FORMS, LEVELS, PROVIDER_TYPES};

/// The profile's own version (semantic versioning, independent of HSDS's).
pub const VERSION: &str = "1.0.0";

/// The type of an extension field.
#[derive(Debug, Clone, Copy)]
pub enum ExtTy {
    Text,
    Int,
    Bool,
    Date,
    Uri,
    /// One of the keys of socnav's choices.
    Key(&'static [Choice]),
    /// A list of texts.
    Texts,
    /// A list of keys of socnav's choices.
    Keys(&'static [Choice]),
    Uris,
    Ids,
    /// `[{ title, url? }]`: legal acts.
    Acts,
    /// `[{ code, title, url }]`: standards, with their pages on the navigator.
    Standards,
}

#[derive(Debug, Clone, Copy)]
pub struct ExtField {
    pub name: &'static str,
    pub ty: ExtTy,
    pub required: bool,
    pub description: &'static str,
}

const fn req(name: &'static str, ty: ExtTy, description: &'static str) -> ExtField {
    ExtField {
        name,
        ty,
        required: true,
        description,
    }
}

const fn opt(name: &'static str, ty: ExtTy, description: &'static str) -> ExtField {
    ExtField {
        name,
        ty,
        required: false,
        description,
    }
}

/// `service.socnav`.
pub const SERVICE: &[ExtField] = &[
    req(
        "slug",
        ExtTy::Text,
        "The measure's socnav slug: its page is /services/<slug>/.",
    ),
    req(
        "form",
        ExtTy::Key(FORMS),
        "The form of support (extra.form).",
    ),
    req(
        "level",
        ExtTy::Key(LEVELS),
        "Who funds and runs it (extra.level).",
    ),
    req(
        "cost",
        ExtTy::Key(COSTS),
        "free, partial or paid (extra.cost; free when not given).",
    ),
    req(
        "organization_ids",
        ExtTy::Ids,
        "Every provider, in the editors' order (extra.providers); the first is organization_id.",
    ),
    req(
        "standards",
        ExtTy::Standards,
        "Standards that govern the measure (extra.standards).",
    ),
    req(
        "sources",
        ExtTy::Uris,
        "Where the facts come from (extra.sources).",
    ),
    req(
        "eligibility_criteria",
        ExtTy::Texts,
        "Who can get it, one condition per item (extra.eligibility.criteria).",
    ),
    req(
        "apply_channels",
        ExtTy::Keys(CHANNELS),
        "How one can apply (extra.apply.channels).",
    ),
    opt(
        "apply_url",
        ExtTy::Uri,
        "The online application page (extra.apply.url).",
    ),
    req(
        "apply_where",
        ExtTy::Text,
        "The place to apply (extra.apply.where).",
    ),
    req(
        "apply_steps",
        ExtTy::Texts,
        "The procedure, step by step (extra.apply.steps).",
    ),
    opt(
        "deadlines_apply_within",
        ExtTy::Text,
        "By when one must apply (extra.deadlines.apply_within).",
    ),
    opt(
        "deadlines_decision_days",
        ExtTy::Int,
        "Days to a decision (extra.deadlines.decision_days).",
    ),
    req(
        "deadlines_decision",
        ExtTy::Text,
        "The decision period in words (extra.deadlines.decision).",
    ),
    opt(
        "deadlines_delivery",
        ExtTy::Text,
        "When and how often it is paid or delivered (extra.deadlines.delivery).",
    ),
    req(
        "refusal_reasons",
        ExtTy::Texts,
        "Grounds for refusal (extra.refusal.reasons).",
    ),
    opt(
        "refusal_reapply",
        ExtTy::Text,
        "How to apply again after a refusal (extra.refusal.reapply).",
    ),
    req(
        "refusal_appeal",
        ExtTy::Texts,
        "How to appeal, step by step (extra.refusal.appeal).",
    ),
    req(
        "legal_basis",
        ExtTy::Acts,
        "The acts that establish the measure (extra.legal_basis).",
    ),
    opt(
        "contacts_phone",
        ExtTy::Text,
        "Hotline phone as editors wrote it (extra.contacts.phone).",
    ),
    opt(
        "contacts_email",
        ExtTy::Text,
        "E-mail for questions as editors wrote it (extra.contacts.email).",
    ),
    opt(
        "contacts_url",
        ExtTy::Uri,
        "A page for questions (extra.contacts.url).",
    ),
];

/// `organization.socnav`.
pub const ORGANIZATION: &[ExtField] = &[
    req(
        "slug",
        ExtTy::Text,
        "The provider's socnav slug: its page is /providers/<slug>/.",
    ),
    req(
        "type",
        ExtTy::Key(PROVIDER_TYPES),
        "The kind of organisation (extra.type).",
    ),
    opt(
        "in_registry",
        ExtTy::Bool,
        "Listed in the regional register of social-service providers (extra.in_registry).",
    ),
    req(
        "activities",
        ExtTy::Texts,
        "Kinds of activity and events (extra.activities).",
    ),
    opt(
        "address",
        ExtTy::Text,
        "The postal address as editors wrote it (extra.address).",
    ),
    opt(
        "hours",
        ExtTy::Text,
        "Opening hours as editors wrote them (extra.hours).",
    ),
    req(
        "reviewed",
        ExtTy::Date,
        "When an editor last checked the facts (extra.reviewed).",
    ),
    req(
        "sources",
        ExtTy::Uris,
        "Where the facts come from (extra.sources).",
    ),
    opt(
        "contacts_phone",
        ExtTy::Text,
        "Phone as editors wrote it (extra.contacts.phone).",
    ),
    opt(
        "contacts_email",
        ExtTy::Text,
        "E-mail as editors wrote it (extra.contacts.email).",
    ),
    opt("contacts_url", ExtTy::Uri, "Web site (extra.contacts.url)."),
];

/// `required_document.socnav`.
pub const DOCUMENT: &[ExtField] = &[
    opt(
        "ref",
        ExtTy::Text,
        "The document's key in the navigator's dictionary of documents (ref).",
    ),
    opt("note", ExtTy::Text, "A note on the document (note)."),
    opt("condition", ExtTy::Text, "When it is needed (condition)."),
    req(
        "optional",
        ExtTy::Bool,
        "Needed only in some cases, or may be replaced by data the office gets itself (optional).",
    ),
    opt(
        "how_to_get",
        ExtTy::Text,
        "Where to get the document, from the dictionary (how_to_get).",
    ),
];

/// A standard as a service's `socnav.standards` lists it.
#[derive(Debug, Serialize)]
pub struct StandardRef<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub url: String,
}

/// A legal act as `socnav.legal_basis` lists it.
#[derive(Debug, Serialize)]
pub struct Act<'a> {
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Cow<'a, str>>,
}

#[derive(Debug, Serialize)]
pub struct ServiceExt<'a> {
    pub slug: &'a str,
    pub form: &'a str,
    pub level: &'a str,
    pub cost: &'a str,
    pub organization_ids: Vec<Id>,
    pub standards: Vec<StandardRef<'a>>,
    pub sources: Vec<Cow<'a, str>>,
    pub eligibility_criteria: &'a [String],
    pub apply_channels: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_url: Option<Cow<'a, str>>,
    pub apply_where: &'a str,
    pub apply_steps: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadlines_apply_within: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadlines_decision_days: Option<i64>,
    pub deadlines_decision: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadlines_delivery: Option<&'a str>,
    pub refusal_reasons: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal_reapply: Option<&'a str>,
    pub refusal_appeal: &'a [String],
    pub legal_basis: Vec<Act<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts_phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts_email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts_url: Option<Cow<'a, str>>,
}

#[derive(Debug, Serialize)]
pub struct OrganizationExt<'a> {
    pub slug: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_registry: Option<bool>,
    pub activities: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<&'a str>,
    pub reviewed: &'a str,
    pub sources: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts_phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts_email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts_url: Option<Cow<'a, str>>,
}

#[derive(Debug, Serialize)]
pub struct DocumentExt<'a> {
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<&'a str>,
    pub optional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub how_to_get: Option<&'a str>,
}

/// The JSON Schema (draft 2020-12) of one extension field.
fn field_schema(f: &ExtField) -> Value {
    let keys = |c: &[Choice]| Value::from(c.iter().map(|c| c.key).collect::<Vec<_>>());
    let uri = json!({ "type": "string", "format": "uri" });
    let mut s = match f.ty {
        ExtTy::Text => json!({ "type": "string" }),
        ExtTy::Int => json!({ "type": "integer" }),
        ExtTy::Bool => json!({ "type": "boolean" }),
        ExtTy::Date => json!({ "type": "string", "format": "date" }),
        ExtTy::Uri => uri.clone(),
        ExtTy::Key(c) => json!({ "type": "string", "enum": keys(c) }),
        ExtTy::Texts => json!({ "type": "array", "items": { "type": "string" } }),
        ExtTy::Keys(c) => {
            json!({ "type": "array", "items": { "type": "string", "enum": keys(c) } })
        }
        ExtTy::Uris => json!({ "type": "array", "items": uri }),
        ExtTy::Ids => json!({ "type": "array", "items": { "type": "string", "format": "uuid" } }),
        ExtTy::Acts => json!({ "type": "array", "items": {
            "type": "object",
            "properties": { "title": { "type": "string" }, "url": uri },
            "required": ["title"],
            "additionalProperties": false,
        } }),
        ExtTy::Standards => json!({ "type": "array", "items": {
            "type": "object",
            "properties": {
                "code": { "type": "string" },
                "title": { "type": "string" },
                "url": uri,
            },
            "required": ["code", "title", "url"],
            "additionalProperties": false,
        } }),
    };
    s["name"] = f.name.into();
    s["description"] = f.description.into();
    s
}

/// The `socnav` object's schema for one HSDS object.
fn object_schema(fields: &[ExtField], description: &str) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| (f.name.to_string(), field_schema(f)))
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    json!({
        "name": "socnav",
        "title": "socnav profile extension",
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// The profile's modifications: (HSDS schema file name, JSON Merge Patch adding the
/// `socnav` property to it).
pub fn patches() -> Vec<(&'static str, Value)> {
    let patch = |fields, description| json!({ "properties": { "socnav": object_schema(fields, description) } });
    vec![
        (
            "service.json",
            patch(SERVICE, "What the navigator knows of a support measure that HSDS 3.0 has no property for."),
        ),
        (
            "organization.json",
            patch(ORGANIZATION, "What the navigator knows of a provider that HSDS 3.0 has no property for. Left out where a service nests its organization."),
        ),
        (
            "required_document.json",
            patch(DOCUMENT, "What the navigator knows of a required document that HSDS 3.0 has no property for."),
        ),
    ]
}

/// `profile.json`: the resource the profile URI names.
pub fn description(base: &str, title: &str) -> Value {
    json!({
        "name": "socnav",
        "title": format!("Профиль HSDS 3.0 для каталога «{title}»"),
        "description": "Меры поддержки, организации и документы в формате Open Referral HSDS 3.0. \
            Сведения, для которых в HSDS нет полей (сроки, основания для отказа, повторная подача, \
            обжалование, правовые основания, условия получения списком, стоимость, способы подачи), \
            лежат в объекте socnav у услуг, организаций и документов, а в табличном пакете — \
            в таблицах socnav_services, socnav_organizations и socnav_required_documents.",
        "version": VERSION,
        "hsds_version": "3.0",
        "base_specification": "https://github.com/openreferral/specification/tree/3.0/schema",
        "modifications": patches()
            .iter()
            .map(|(name, _)| format!("{base}/opendata/hsds/profile/{name}"))
            .collect::<Vec<_>>(),
        "datapackage": format!("{base}/opendata/hsds/datapackage.json"),
    })
}

/// The profile URI.
pub fn uri(base: &str) -> String {
    format!("{base}/opendata/hsds/profile.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_named_once_and_described() {
        for fields in [SERVICE, ORGANIZATION, DOCUMENT] {
            let mut names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), fields.len());
            assert!(fields.iter().all(|f| f.description.ends_with('.')));
        }
    }

    #[test]
    fn patches_add_one_closed_object() {
        let patches = patches();
        assert_eq!(patches.len(), 3);
        let service = &patches[0].1["properties"]["socnav"];
        assert_eq!(service["additionalProperties"], false);
        assert_eq!(service["properties"]["refusal_reasons"]["type"], "array");
        assert!(service["required"]
            .as_array()
            .unwrap()
            .contains(&"legal_basis".into()));
    }
}
