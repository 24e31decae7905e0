//! Stage 5b: open data. Every build publishes the catalogue for reuse under `/opendata/`:
//!
//! - `catalogue.json`: every record of every kind, with the format `version`;
//! - `catalogue.schema.json`: its JSON Schema, generated from the same field tables that
//!   drive validation (`crate::schema`), so the two cannot drift;
//! - `<kind>.csv`: one table per kind (RFC 4180, UTF-8, CRLF; see `csv.rs` for how list
//!   fields are joined);
//! - `<kind>/<slug>.json`: one record, linked from its page.
//!
//! The format is described in `docs/opendata.md`.

mod csv;
mod json_schema;

use serde_json::{json, Map, Value};

use crate::model::{Page, Record, Site};
use crate::schema::Kind;
use crate::write::Staging;

/// The version of the open-data format. Bump the major number when a field is removed
/// or changes meaning; the minor number when fields are added.
pub const VERSION: &str = "1.0";

/// The URL of a record's own JSON file.
pub fn record_url(kind: Kind, slug: &str) -> String {
    format!(
        "/opendata/{}/{}.json",
        kind.section(),
        crate::render::context::url_segment(slug)
    )
}

/// One record as exported: its identity, front matter and `[extra]` fields, with
/// document references resolved to their titles (the `ref` key is kept).
pub fn record(site: &Site, p: &Page) -> Option<Value> {
    let kind = p.kind?;
    let extra = match &p.record {
        Record::Service(s) => {
            let mut v = serde_json::to_value(s).ok()?;
            if let Some(docs) = v.get_mut("documents").and_then(Value::as_array_mut) {
                for d in docs {
                    let title = d
                        .get("ref")
                        .and_then(Value::as_str)
                        .and_then(|r| site.dicts.documents.get(r))
                        .map(|t| t.title.clone());
                    if let (Some(t), Some(obj)) = (title, d.as_object_mut()) {
                        if obj.get("name").is_none_or(Value::is_null) {
                            obj.insert("name".into(), Value::String(t));
                        }
                    }
                }
            }
            v
        }
        Record::Provider(pr) => serde_json::to_value(pr).ok()?,
        Record::Standard(st) => serde_json::to_value(st).ok()?,
        Record::Situation(si) => serde_json::to_value(si).ok()?,
        Record::Plain => return None,
    };
    let mut v = json!({
        "kind": kind.name(),
        "slug": p.slug,
        "url": format!("{}{}", site.config.base(), p.url),
        "title": p.title,
        "description": p.description,
        "date": p.date.map(|d| d.to_string()),
        "updated": p.updated.map(|d| d.to_string()),
        "taxonomies": p.taxonomies,
        "extra": extra,
    });
    strip_nulls(&mut v);
    Some(v)
}

/// Write every open-data file into the staging folder.
pub fn write(site: &Site, out: &Staging) -> Result<(), String> {
    use rayon::prelude::*;
    let records: Vec<(Kind, &Page, Value)> = site
        .pages
        .par_iter()
        .filter_map(|p| Some((p.kind?, p, record(site, p)?)))
        .collect();
    records.par_iter().try_for_each(|(kind, p, v)| {
        let path = record_url(*kind, &p.slug);
        out.write(path.trim_start_matches('/'), v.to_string().as_bytes())
            .map_err(|e| e.0)
    })?;
    let mut by_kind = Map::new();
    for kind in Kind::ALL {
        let list: Vec<&Value> = records
            .iter()
            .filter(|(k, _, _)| *k == kind)
            .map(|(_, _, v)| v)
            .collect();
        let table = csv::table(kind, &list);
        out.write(
            &format!("opendata/{}.csv", kind.section()),
            table.as_bytes(),
        )
        .map_err(|e| e.0)?;
        by_kind.insert(kind.section().to_string(), json!(list));
    }
    let catalogue = json!({
        "version": VERSION,
        "$schema": format!("{}/opendata/catalogue.schema.json", site.config.base()),
        "title": site.config.title,
        "site": site.config.base(),
        "generated": site.today.to_string(),
        "records": by_kind,
    });
    out.write("opendata/catalogue.json", catalogue.to_string().as_bytes())
        .map_err(|e| e.0)?;
    let schema = json_schema::catalogue(site);
    out.write(
        "opendata/catalogue.schema.json",
        serde_json::to_string_pretty(&schema)
            .expect("a schema serialises")
            .as_bytes(),
    )
    .map_err(|e| e.0)
}

fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_nulls);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}
