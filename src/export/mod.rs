//! Stage 5b: open data. Every build publishes the catalogue for reuse under `/opendata/`:
//!
//! - `catalogue.json`: every record of every kind, with the format `version`;
//! - `catalogue.schema.json`: its JSON Schema, generated from the same field tables that
//!   drive validation (`crate::schema`), so the two cannot drift;
//! - `<kind>.csv`: one table per kind (RFC 4180, UTF-8, CRLF; see `csv.rs` for how list
//!   fields are joined);
//! - `<kind>/<slug>.json`: one record, linked from its page;
//! - `hsds/`: services and providers in Open Referral HSDS 3.0 (`hsds/mod.rs`).
//!
//! The format is described in `docs/opendata.md`; the HSDS export in `docs/hsds.md`.

pub(crate) mod csv;
mod hsds;
mod json_schema;
mod rewrite;

pub use rewrite::rewrite;

use serde_json::{json, Value};

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
        crate::model::paths::url_segment(slug)
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

/// The piece of a file written piece by piece that comes before the records, when it
/// can change with them (`write::Layout`).
pub(crate) const HEAD: usize = usize::MAX;
/// The pieces of the HSDS tables made from the taxonomies (the terms in use).
pub(crate) const SMALL: usize = usize::MAX - 1;

/// The start of `catalogue.json`, up to its records.
fn catalogue_head(site: &Site) -> String {
    let head = json!({
        "version": VERSION,
        "$schema": format!("{}/opendata/catalogue.schema.json", site.config.base()),
        "title": site.config.title,
        "site": site.config.base(),
        // The newest date any record was updated or checked: the same content gives the
        // same file, whatever day it is built.
        "updated": site
            .pages
            .iter()
            .filter_map(|p| p.updated.max(p.reviewed))
            .max()
            .map(|d| d.to_string()),
    })
    .to_string();
    head[..head.len() - 1].to_string()
}

/// A record's text (its own file and its part of the catalogue) and its CSV line.
fn record_pieces(site: &Site, p: &Page, columns: &csv::Columns) -> Option<(String, String)> {
    let v = record(site, p)?;
    Some((crate::json::to_string(&v), columns.row(&v)))
}

/// Write a record's own file.
fn write_record(site: &Site, out: &Staging, i: usize, text: &str) -> Result<(), String> {
    let p = &site.pages[i];
    let kind = p.kind.expect("a record");
    let path = record_url(kind, &p.slug);
    out.write(path.trim_start_matches('/'), text.as_bytes())
        .map_err(|e| e.0)
}

/// Write every open-data file into the staging folder.
pub fn write(site: &Site, out: &Staging) -> Result<(), String> {
    use rayon::prelude::*;
    let started = std::time::Instant::now();
    hsds::write(site, out)?;
    let head = catalogue_head(site);
    let mut catalogue = out.create("opendata/catalogue.json")?;
    catalogue.piece(HEAD, head.as_bytes())?;
    catalogue.put(b",\"records\":{")?;
    // Kind by kind, in chunks: each record is serialised once, in parallel, to its JSON
    // text (its own file and the catalogue) and its CSV line, and the chunk's text is
    // written out before the next is made, so memory stays flat at 100,000 records.
    const CHUNK: usize = 2048;
    for (n, kind) in Kind::ALL.into_iter().enumerate() {
        let columns = csv::Columns::of(kind);
        let mut table = out.create(&format!("opendata/{}.csv", kind.section()))?;
        table.put(columns.header().as_bytes())?;
        if n > 0 {
            catalogue.put(b",")?;
        }
        catalogue.put(format!("\"{}\":[", kind.section()).as_bytes())?;
        let pages: Vec<usize> = (0..site.pages.len())
            .filter(|&i| site.pages[i].kind == Some(kind))
            .collect();
        let mut first = true;
        for chunk in pages.chunks(CHUNK) {
            let done: Vec<(usize, String, String)> = chunk
                .par_iter()
                .filter_map(|&i| {
                    let (text, row) = record_pieces(site, &site.pages[i], &columns)?;
                    Some(write_record(site, out, i, &text).map(|_| (i, text, row)))
                })
                .collect::<Result<_, String>>()?;
            for (i, text, row) in &done {
                if !first {
                    catalogue.put(b",")?;
                }
                first = false;
                catalogue.piece(*i, text.as_bytes())?;
                table.piece(*i, row.as_bytes())?;
            }
        }
        catalogue.put(b"]")?;
        table.finish()?;
    }
    catalogue.put(b"}}")?;
    catalogue.finish()?;
    if std::env::var_os("SOCNAV_TIMINGS").is_some() {
        eprintln!("    open data {:.3} s", started.elapsed().as_secs_f64());
    }
    let schema = json_schema::catalogue(site);
    out.write(
        "opendata/catalogue.schema.json",
        serde_json::to_string_pretty(&schema)
            .expect("a schema serialises")
            .as_bytes(),
    )
    .map_err(|e| e.0)
}

/// Drop `null` members, recursively: absent optional fields are left out, never `null`.
pub(crate) fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_nulls);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}
