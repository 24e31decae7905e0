//! Open Referral HSDS 3.0 export, under `/opendata/hsds/`: the catalogue's services and
//! providers as the Human Services Data Specification describes them, in its two forms.
//!
//! - Canonical JSON, dereferenced (each object nests its own): `services.json` (every
//!   service with its organization, contact, service areas, service at locations with
//!   their locations, required documents and attributes), `organizations.json` (with
//!   phones, locations, identifiers and attributes), `taxonomies.json` and
//!   `taxonomy_terms.json`. Each is one page of HSDS's API `Page` (`contents` holds every
//!   object), as `GET /services?full=true` would answer on a static host; `index.json` is
//!   the API's `/` answer (HSDS version and profile URI).
//! - The tabular data package: one CSV per HSDS table the export fills, the profile's
//!   `socnav_*.csv`, and `datapackage.json` describing exactly those files.
//! - The profile: `profile.json` (the profile URI) and its JSON Merge Patches of HSDS's
//!   schemas under `profile/` (`profile.rs`).
//!
//! Ids are UUID v5 of stable names (`ids.rs`). Standards and life situations have no
//! HSDS object and stay out (they are in `/opendata/catalogue.json`). The mapping of every
//! field is in `docs/hsds.md`.
//!
//! Records are mapped and serialised in parallel, each to its JSON text and its rows of
//! every table, and written chunk by chunk to files kept open (`files.rs`), so that the
//! text of every service is never in memory at once.

mod datapackage;
mod files;
mod ids;
mod objects;
mod organizations;
mod profile;
mod rows;
mod services;
mod tables;
mod taxonomies;
mod values;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::records::{Provider, Service as Measure};
use crate::model::{Page, Record, Site};
use crate::write::Staging;
use files::{PageFile, TableFiles};
use objects::TermWithTaxonomy;
use rows::Rows;
use tables::COUNT;

/// The HSDS version the export follows.
pub const HSDS_VERSION: &str = "3.0";

const DIR: &str = "opendata/hsds";

/// Services mapped and serialised at a time, in parallel, before they are written.
const CHUNK: usize = 256;

/// One record's JSON text and its rows of every table.
type Pieces = (String, [String; COUNT]);

/// Write every HSDS file into the staging folder.
pub fn write(site: &Site, out: &Staging) -> Result<(), String> {
    let started = std::time::Instant::now();
    let base = site.config.base();
    let file = |name: &str| format!("{DIR}/{name}");
    let tables = tables::all();
    let terms = taxonomies::Terms::of(site);
    let mut table_files = TableFiles::create(out, DIR, &tables)?;

    // Taxonomies and their terms: small.
    let mut small = Rows::new(&tables);
    for t in &terms.taxonomies {
        small.add(t);
    }
    for t in &terms.terms {
        small.add(t);
    }
    table_files.put(&small.out)?;
    let mut page = PageFile::create(out, &file("taxonomies.json"), terms.taxonomies.len())?;
    for t in &terms.taxonomies {
        page.push(&to_json(t))?;
    }
    page.finish()?;
    let mut page = PageFile::create(out, &file("taxonomy_terms.json"), terms.terms.len())?;
    for term in &terms.terms {
        let taxonomy_detail = terms
            .taxonomies
            .iter()
            .find(|t| t.id == term.taxonomy_id)
            .expect("a term's taxonomy is published");
        page.push(&to_json(&TermWithTaxonomy {
            term,
            taxonomy_detail,
        }))?;
    }
    page.finish()?;

    // Organizations: every one is kept, for the services that nest them.
    let providers: Vec<(usize, &Page, &Provider)> = site
        .pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match &p.record {
            Record::Provider(pr) => Some((i, p, &**pr)),
            _ => None,
        })
        .collect();
    let organizations: Vec<objects::Organization> = providers
        .par_iter()
        .map(|(_, p, pr)| organizations::organization(site, p, pr, &terms))
        .collect();
    let mut organization_of_page = vec![None; site.pages.len()];
    for (n, (i, _, _)) in providers.iter().enumerate() {
        organization_of_page[*i] = Some(n);
    }
    let pieces: Vec<Pieces> = organizations
        .par_iter()
        .map(|o| {
            let mut rows = Rows::new(&tables);
            organizations::rows(o, &mut rows);
            (to_json(o), rows.out)
        })
        .collect();
    let mut page = PageFile::create(out, &file("organizations.json"), pieces.len())?;
    for (json, rows) in &pieces {
        page.push(json)?;
        table_files.put(rows)?;
    }
    page.finish()?;
    drop(pieces);

    // Services, chunk by chunk: one chunk is written while the next is made.
    let cx = services::Context {
        site,
        terms: &terms,
        organizations: &organizations,
        organization_of_page: &organization_of_page,
    };
    let measures: Vec<(&Page, &Measure)> = site
        .pages
        .iter()
        .filter_map(|p| match &p.record {
            Record::Service(s) => Some((p, &**s)),
            _ => None,
        })
        .collect();
    let make = |chunk: &[(&Page, &Measure)]| -> Vec<Pieces> {
        chunk
            .par_iter()
            .map(|(p, s)| {
                let service = services::service(&cx, p, s);
                let mut rows = Rows::new(&tables);
                services::rows(&service, &mut rows);
                (to_json(&service), rows.out)
            })
            .collect()
    };
    let mut page = PageFile::create(out, &file("services.json"), measures.len())?;
    let mut put = |made: Vec<Pieces>| -> Result<(), String> {
        for (json, rows) in &made {
            page.push(json)?;
            table_files.put(rows)?;
        }
        Ok(())
    };
    let mut made: Option<Vec<Pieces>> = None;
    for chunk in measures.chunks(CHUNK) {
        let (written, next) = rayon::join(|| made.take().map_or(Ok(()), &mut put), || make(chunk));
        written?;
        made = Some(next);
    }
    if let Some(last) = made {
        put(last)?;
    }
    page.finish()?;
    table_files.finish()?;

    let failed = |e: crate::write::WriteError| e.0;
    let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).expect("JSON serialises");
    out.write(
        &file("datapackage.json"),
        pretty(&datapackage::descriptor(&tables, base, &site.config.title)).as_bytes(),
    )
    .map_err(failed)?;
    out.write(
        &file("index.json"),
        pretty(&serde_json::json!({
            "version": HSDS_VERSION,
            "profile": profile::uri(base),
        }))
        .as_bytes(),
    )
    .map_err(failed)?;
    out.write(
        &file("profile.json"),
        pretty(&profile::description(base, &site.config.title)).as_bytes(),
    )
    .map_err(failed)?;
    for (name, patch) in profile::patches() {
        out.write(&file(&format!("profile/{name}")), pretty(&patch).as_bytes())
            .map_err(failed)?;
    }
    if std::env::var_os("SOCNAV_TIMINGS").is_some() {
        eprintln!(
            "    open data: HSDS {:.3} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn to_json<V: Serialize + ?Sized>(v: &V) -> String {
    crate::json::to_string(v)
}
