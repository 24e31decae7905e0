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

use crate::model::records::Provider;
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
    let tables = tables::all();
    let terms = taxonomies::Terms::of(site);
    let m = Mapping::new(site, &tables, &terms);
    let mut table_files = TableFiles::create(out, DIR, &tables)?;
    table_files.put(crate::export::SMALL, &m.small())?;
    m.write_taxonomies(out)?;

    // Organizations: every one is kept, for the services that nest them.
    let pieces: Vec<Pieces> = (0..m.providers.len())
        .into_par_iter()
        .map(|n| m.organization_piece(n))
        .collect();
    let mut page = PageFile::create(out, &file("organizations.json"), pieces.len())?;
    for ((json, rows), (i, _, _)) in pieces.iter().zip(&m.providers) {
        page.push_piece(*i, json)?;
        table_files.put(*i, rows)?;
    }
    page.finish()?;
    drop(pieces);

    // Services, chunk by chunk: one chunk is written while the next is made.
    let measures: Vec<usize> = (0..site.pages.len())
        .filter(|&i| matches!(site.pages[i].record, Record::Service(_)))
        .collect();
    let make = |chunk: &[usize]| -> Vec<(usize, Pieces)> {
        chunk
            .par_iter()
            .filter_map(|&i| Some((i, m.service_piece(i)?)))
            .collect()
    };
    let mut page = PageFile::create(out, &file("services.json"), measures.len())?;
    let mut put = |made: Vec<(usize, Pieces)>| -> Result<(), String> {
        for (i, (json, rows)) in &made {
            page.push_piece(*i, json)?;
            table_files.put(*i, rows)?;
        }
        Ok(())
    };
    let mut made: Option<Vec<(usize, Pieces)>> = None;
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
    write_fixed(site, out)?;
    if std::env::var_os("SOCNAV_TIMINGS").is_some() {
        eprintln!(
            "    open data: HSDS {:.3} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// A file of the export, by name.
fn file(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// The pieces of the HSDS files that the pages `redo` make (by page), and the pieces
/// made from the taxonomies (under `export::SMALL`), by file; `taxonomies.json` and
/// `taxonomy_terms.json` are written into `out` whole. For `export::rewrite`.
pub fn pieces(
    site: &Site,
    out: &Staging,
    redo: &[usize],
) -> Result<Vec<(String, usize, String)>, String> {
    let tables = tables::all();
    let terms = taxonomies::Terms::of(site);
    let m = Mapping::new(site, &tables, &terms);
    m.write_taxonomies(out)?;
    let mut made: Vec<(String, usize, String)> = Vec::new();
    let rows = |made: &mut Vec<(String, usize, String)>, key: usize, r: [String; COUNT]| {
        for (t, r) in tables.iter().zip(r) {
            made.push((file(t.path), key, r));
        }
    };
    rows(&mut made, crate::export::SMALL, m.small());
    let organization_of = |i: usize| m.providers.iter().position(|(j, _, _)| *j == i);
    let done: Vec<(usize, &str, Pieces)> = redo
        .par_iter()
        .filter_map(|&i| match &site.pages[i].record {
            Record::Service(_) => Some((i, "services.json", m.service_piece(i)?)),
            Record::Provider(_) => Some((
                i,
                "organizations.json",
                m.organization_piece(organization_of(i)?),
            )),
            _ => None,
        })
        .collect();
    for (i, name, (json, r)) in done {
        made.push((file(name), i, json));
        rows(&mut made, i, r);
    }
    Ok(made)
}

/// What mapping records to HSDS objects needs: the tables, the terms in use and every
/// provider's organization (services nest theirs).
struct Mapping<'a> {
    site: &'a Site,
    tables: &'a [tables::Table],
    terms: &'a taxonomies::Terms<'a>,
    /// (page index, page, provider) of every provider.
    providers: Vec<(usize, &'a Page, &'a Provider)>,
    organizations: Vec<objects::Organization<'a>>,
    organization_of_page: Vec<Option<usize>>,
}

impl<'a> Mapping<'a> {
    fn new(
        site: &'a Site,
        tables: &'a [tables::Table],
        terms: &'a taxonomies::Terms<'a>,
    ) -> Mapping<'a> {
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
            .map(|(_, p, pr)| organizations::organization(site, p, pr, terms))
            .collect();
        let mut organization_of_page = vec![None; site.pages.len()];
        for (n, (i, _, _)) in providers.iter().enumerate() {
            organization_of_page[*i] = Some(n);
        }
        Mapping {
            site,
            tables,
            terms,
            providers,
            organizations,
            organization_of_page,
        }
    }

    /// The rows of the taxonomies and their terms (in use).
    fn small(&self) -> [String; COUNT] {
        let mut small = Rows::new(self.tables);
        for t in &self.terms.taxonomies {
            small.add(t);
        }
        for t in &self.terms.terms {
            small.add(t);
        }
        small.out
    }

    /// `taxonomies.json` and `taxonomy_terms.json`.
    fn write_taxonomies(&self, out: &Staging) -> Result<(), String> {
        let terms = self.terms;
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
        page.finish()
    }

    /// The `n`th provider's organization: its JSON and rows.
    fn organization_piece(&self, n: usize) -> Pieces {
        let o = &self.organizations[n];
        let mut rows = Rows::new(self.tables);
        organizations::rows(o, &mut rows);
        (to_json(o), rows.out)
    }

    /// The service of page `i` (None when it is not a support measure): its JSON and rows.
    fn service_piece(&self, i: usize) -> Option<Pieces> {
        let p = &self.site.pages[i];
        let Record::Service(s) = &p.record else {
            return None;
        };
        let cx = services::Context {
            site: self.site,
            terms: self.terms,
            organizations: &self.organizations,
            organization_of_page: &self.organization_of_page,
        };
        let service = services::service(&cx, p, s);
        let mut rows = Rows::new(self.tables);
        services::rows(&service, &mut rows);
        Some((to_json(&service), rows.out))
    }
}

/// The files that depend on the site's settings only: the data package, the API's
/// index and the profile.
fn write_fixed(site: &Site, out: &Staging) -> Result<(), String> {
    let base = site.config.base();
    let tables = tables::all();
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
    Ok(())
}

fn to_json<V: Serialize + ?Sized>(v: &V) -> String {
    crate::json::to_string(v)
}
