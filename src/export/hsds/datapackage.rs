//! `datapackage.json`: the Frictionless Tabular Data Package descriptor of the CSV files,
//! describing exactly the tables the export writes, with HSDS 3.0's field definitions for
//! its tables and the profile's for its own (`tables.rs`).

use serde_json::{json, Map, Value};

use super::profile;
use super::tables::{Choices, Table};

/// The descriptor.
pub fn descriptor(tables: &[Table], base: &str, title: &str) -> Value {
    json!({
        "profile": "tabular-data-package",
        "name": "socnav-hsds",
        "title": format!("{title}: меры поддержки и организации в формате Open Referral HSDS 3.0"),
        "description": "Таблицы HSDS 3.0 (по одной на объект) и таблицы профиля socnav \
            (socnav_*.csv) со сведениями, для которых в HSDS нет полей. CSV по RFC 4180, UTF-8, \
            строки заканчиваются CRLF; в столбцах типа array — JSON-массив.",
        "homepage": base,
        "hsds_version": "3.0",
        "hsds_profile": profile::uri(base),
        "resources": tables.iter().map(resource).collect::<Vec<_>>(),
    })
}

fn resource(t: &Table) -> Value {
    let fields: Vec<Value> = t
        .fields
        .iter()
        .map(|f| {
            let mut v = Map::new();
            v.insert("name".into(), f.name.into());
            v.insert("type".into(), f.ty.into());
            if let Some(format) = f.format {
                v.insert("format".into(), format.into());
            }
            if let Some(d) = f.description {
                v.insert("description".into(), d.into());
            }
            let mut constraints = Map::new();
            constraints.insert("required".into(), f.required.into());
            constraints.insert("unique".into(), f.unique.into());
            let keys: Vec<&str> = match f.choices {
                Choices::Any => Vec::new(),
                Choices::Keys(k) => k.to_vec(),
                Choices::Of(c) => c.iter().map(|c| c.key).collect(),
            };
            if !keys.is_empty() {
                constraints.insert("enum".into(), keys.into());
            }
            v.insert("constraints".into(), constraints.into());
            Value::Object(v)
        })
        .collect();
    let mut schema = Map::new();
    schema.insert("primaryKey".into(), t.primary_key.into());
    if !t.foreign_keys.is_empty() {
        schema.insert(
            "foreignKeys".into(),
            t.foreign_keys
                .iter()
                .map(|(field, target)| {
                    json!({ "fields": field, "reference": { "resource": target, "fields": "id" } })
                })
                .collect::<Vec<_>>()
                .into(),
        );
    }
    schema.insert("fields".into(), fields.into());
    json!({
        "name": t.name,
        "path": t.path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "profile": "tabular-data-resource",
        "dialect": { "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true },
        "schema": schema,
    })
}
