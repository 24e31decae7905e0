//! The JSON Schema (draft 2020-12) of `catalogue.json`, generated from the field tables
//! in `crate::schema`: what `check` enforces is what the schema promises.

use serde_json::{json, Map, Value};

use crate::model::Site;
use crate::schema::{Dict, Field, Kind, Ty};

pub fn catalogue(site: &Site) -> Value {
    let mut defs = Map::new();
    let mut records = Map::new();
    for kind in Kind::ALL {
        defs.insert(kind.name().to_string(), record(site, kind));
        records.insert(
            kind.section().to_string(),
            json!({ "type": "array", "items": { "$ref": format!("#/$defs/{}", kind.name()) } }),
        );
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("{}/opendata/catalogue.schema.json", site.config.base()),
        "title": "socnav catalogue",
        "description": "Every record of the navigator: support measures, providers, standards and life situations.",
        "type": "object",
        "required": ["version", "site", "records"],
        "properties": {
            "version": { "type": "string", "const": super::VERSION },
            "$schema": { "type": "string" },
            "title": { "type": "string" },
            "site": { "type": "string" },
            "updated": { "type": "string", "format": "date" },
            "records": {
                "type": "object",
                "properties": records,
                "additionalProperties": false,
            },
        },
        "$defs": defs,
    })
}

fn record(site: &Site, kind: Kind) -> Value {
    let fields = kind.schema();
    let sub = |name: &str| {
        Field::find(fields, name)
            .map(|f| ty(site, &f.ty, f.en))
            .unwrap_or_else(|| json!({}))
    };
    let mut required = vec!["kind", "slug", "url", "title", "extra"];
    if Field::find(fields, "taxonomies").is_some_and(Field::required) {
        required.push("taxonomies");
    }
    json!({
        "type": "object",
        "description": kind.label(),
        "required": required,
        "properties": {
            "kind": { "const": kind.name() },
            "slug": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" },
            "url": { "type": "string", "format": "uri" },
            "title": { "type": "string" },
            "description": { "type": "string" },
            "date": { "type": "string", "format": "date" },
            "updated": { "type": "string", "format": "date" },
            "taxonomies": sub("taxonomies"),
            "extra": sub("extra"),
        },
        "additionalProperties": false,
    })
}

fn table(site: &Site, fields: &[Field]) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in fields {
        props.insert(f.name.to_string(), ty(site, &f.ty, f.en));
        if f.required() {
            required.push(f.name);
        }
    }
    // Document references are exported with their title as `name` too.
    if props.contains_key("ref") && props.contains_key("name") {
        required.retain(|n| *n != "name");
    }
    json!({ "type": "object", "properties": props, "required": required, "additionalProperties": false })
}

fn ty(site: &Site, t: &Ty, description: &str) -> Value {
    let mut v = match t {
        Ty::Str { max } if *max > 0 => json!({ "type": "string", "maxLength": max }),
        Ty::Str { .. } | Ty::Text | Ty::BundleFile => json!({ "type": "string" }),
        Ty::Int => json!({ "type": "integer" }),
        Ty::Float => json!({ "type": "number" }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Date => json!({ "type": "string", "format": "date" }),
        Ty::Url => json!({ "type": "string", "format": "uri-reference" }),
        Ty::Enum(choices) => json!({ "enum": choices.iter().map(|c| c.key).collect::<Vec<_>>() }),
        Ty::Ref(k) | Ty::RefOrText(k) => {
            json!({ "type": "string", "$comment": format!("the slug of a {}", k.name()) })
        }
        Ty::Term(d) => {
            let keys: Vec<&str> = site.dicts.get(*d).keys().collect();
            let mut v = json!({ "type": "string", "$comment": format!("a key of {}", d.file()) });
            if !keys.is_empty() && *d != Dict::Documents {
                v["enum"] = json!(keys);
            }
            v
        }
        Ty::Inn => json!({ "type": "string", "pattern": "^([0-9]{10}|[0-9]{12})$" }),
        Ty::Ogrn => json!({ "type": "string", "pattern": "^([0-9]{13}|[0-9]{15})$" }),
        Ty::List(inner) => json!({ "type": "array", "items": ty(site, inner, "") }),
        Ty::Table(fields) => table(site, fields),
        Ty::TableList(fields) => json!({ "type": "array", "items": table(site, fields) }),
        Ty::Any => json!({}),
    };
    if !description.is_empty() {
        v["description"] = description.into();
    }
    v
}
