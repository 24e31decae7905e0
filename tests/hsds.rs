//! The Open Referral HSDS 3.0 export (`/opendata/hsds/`, `src/export/hsds/`):
//!
//! - `export_validates_against_hsds_3_0`: the bundled catalogue, the fixture site (with a
//!   provider whose address splits into HSDS's parts) and a synthetic catalogue with
//!   locations and opening hours, each built and checked by
//!   `node tests/opendata/validate-hsds.mjs <export> tests/opendata/hsds-3.0`: every JSON
//!   object against HSDS's JSON Schemas and the profile's, the tabular package against
//!   HSDS's datapackage.json (headers, types, formats, enums, required, unique, primary
//!   and foreign keys).
//! - `validator_reports_a_broken_export`: the same script on a deliberately broken copy
//!   must fail, naming each fault, so a validator that passes everything cannot go unseen.
//! - `ids_are_stable`: two builds give the same bytes; ids are UUID v5 of fixed names, so
//!   reordering a service's documents keeps every id.
//! - `edinoe_posobie_has_its_documents_and_refusal_grounds`: a known service, in the JSON
//!   and the tables, with its organization, documents and the profile's refusal grounds,
//!   appeal steps and legal basis.
//!
//! Needs Node.js and `npm ci --prefix tests/browser` (ajv, ajv-formats). HSDS 3.0's
//! schemas are kept in `tests/opendata/hsds-3.0` (a copy of Open Referral's, CC BY-SA 4.0;
//! `HSDS_SCHEMAS` names another folder). Fails, not skips, when something is missing.
//! `NODE` names another node.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

const SETUP: &str = "install Node.js and run `npm ci --prefix tests/browser`";

/// HSDS 3.0's schemas: `schema/*.json`, `schema/compiled/*.json`, `datapackage.json`.
fn hsds_schemas() -> PathBuf {
    let dir = std::env::var_os("HSDS_SCHEMAS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/opendata/hsds-3.0"));
    assert!(
        dir.join("datapackage.json").is_file() && dir.join("schema/service.json").is_file(),
        "HSDS 3.0 schemas not found in {} (schema/*.json and datapackage.json of \
         https://github.com/openreferral/specification/tree/3.0)",
        dir.display()
    );
    dir
}

fn node() -> String {
    std::env::var("NODE").unwrap_or_else(|_| "node".to_string())
}

/// Runs the validator on an export folder: (passed, everything it printed).
fn validate(export: &Path) -> (bool, String) {
    let modules = manifest_dir().join("tests/browser/node_modules");
    for package in ["ajv", "ajv-formats"] {
        assert!(
            modules.join(package).join("package.json").is_file(),
            "tests/browser/node_modules has no {package}: {SETUP}"
        );
    }
    let out = Command::new(node())
        .arg("tests/opendata/validate-hsds.mjs")
        .arg(export)
        .arg(hsds_schemas())
        .current_dir(manifest_dir())
        .output()
        .unwrap_or_else(|e| panic!("cannot run node ({e}): {SETUP}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// Builds the site at `root` into `<tmp>/<name>`; returns the HSDS folder.
fn build(root: &Path, tmp: &Path, name: &str) -> PathBuf {
    let out = tmp.join(name);
    let run = run_in(
        root,
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "build failed:\n{}\n{}", run.stdout, run.stderr);
    out.join("opendata/hsds")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The objects of one of the JSON pages.
fn contents(dir: &Path, file: &str) -> Vec<Value> {
    read_json(&dir.join(file))["contents"]
        .as_array()
        .unwrap_or_else(|| panic!("{file} has no contents"))
        .clone()
}

/// A CSV table as (header, rows), with RFC 4180 quoting.
fn table(dir: &Path, file: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    let header = rows.remove(0);
    (header, rows)
}

/// The rows of a table as maps from column to cell.
fn records(dir: &Path, file: &str) -> Vec<std::collections::HashMap<String, String>> {
    let (header, rows) = table(dir, file);
    rows.into_iter()
        .map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

#[test]
fn export_validates_against_hsds_3_0() {
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut check = |what: &str, dir: PathBuf| {
        let (ok, text) = validate(&dir);
        eprintln!("{what}: {text}");
        if !ok {
            failures.push(format!("{what}:\n{text}"));
        }
    };

    check(
        "bundled catalogue",
        build(&manifest_dir(), tmp.path(), "bundled"),
    );

    // The fixture, with a postal address that splits into HSDS's address parts.
    let site = Site::new();
    site.replace(
        "content/providers/kcson-kurgan.md",
        "address = \"г. Курган, ул. Тестовая, 1\"",
        "address = \"640000, Курганская область, г. Курган, ул. Тестовая, д. 1\"",
    );
    let fixture = build(&site.root, tmp.path(), "fixture");
    let addresses = records(&fixture, "addresses.csv");
    assert_eq!(addresses.len(), 1, "{addresses:?}");
    assert_eq!(addresses[0]["postal_code"], "640000");
    assert_eq!(addresses[0]["city"], "Курган");
    assert_eq!(addresses[0]["address_1"], "ул. Тестовая, д. 1");
    assert_eq!(records(&fixture, "organization_identifiers.csv").len(), 2);
    check("fixture site", fixture);

    // A synthetic catalogue: providers with locations and hours, services at locations.
    let synth = tmp.path().join("synth");
    let run = run_in(
        tmp.path(),
        &[
            "synth",
            "--out",
            synth.to_str().unwrap(),
            "--services",
            "150",
        ],
    );
    assert_eq!(run.code, 0, "synth failed: {}", run.stderr);
    let synthetic = build(&synth, tmp.path(), "synthetic");
    assert!(!records(&synthetic, "service_at_location.csv").is_empty());
    assert!(!records(&synthetic, "schedules.csv").is_empty());
    check("synthetic catalogue", synthetic);

    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn validator_reports_a_broken_export() {
    let tmp = tempfile::tempdir().unwrap();
    let good = build(&manifest_dir(), tmp.path(), "bundled");
    let (ok, text) = validate(&good);
    assert!(ok, "{text}");

    // One fault of each kind the validator must see.
    let path = good.join("services.json");
    let mut page = read_json(&path);
    let service = &mut page["contents"][0];
    service["status"] = "closed".into();
    service["required_documents"][0]["id"] = "not-a-uuid".into();
    service["socnav"]["refusal_reasons"] = "one reason, not a list".into();
    std::fs::write(&path, page.to_string()).unwrap();
    let csv = |file: &str, edit: &dyn Fn(&mut Vec<String>)| {
        let path = good.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
        edit(&mut lines);
        std::fs::write(&path, lines.join("\r\n")).unwrap();
    };
    // A required document of a service that does not exist.
    csv("required_documents.csv", &|lines| {
        let mut cells: Vec<&str> = lines[1].split(',').collect();
        cells[1] = "00000000-0000-5000-8000-000000000000";
        lines[1] = cells.join(",");
    });
    // A phone listed twice, and one with no number.
    csv("phones.csv", &|lines| {
        let again = lines[1].clone();
        lines.insert(2, again);
        let mut cells: Vec<String> = lines[3].split(',').map(str::to_string).collect();
        cells[6] = String::new();
        lines[3] = cells.join(",");
    });
    // A header that is not HSDS's.
    csv("taxonomies.csv", &|lines| {
        lines[0] = lines[0].replace("description", "descr");
    });
    // A decision period in days that is not a number.
    csv("socnav_services.csv", &|lines| {
        let header: Vec<&str> = lines[0].split(',').collect();
        let days = header
            .iter()
            .position(|h| *h == "deadlines_decision_days")
            .unwrap();
        let (_, rows) = table(&good, "socnav_services.csv");
        let n = rows.iter().position(|r| !r[days].is_empty()).unwrap() + 1;
        lines[n] = lines[n].replacen(&format!(",{},", rows[n - 1][days]), ",десять,", 1);
    });

    let (ok, text) = validate(&good);
    assert!(!ok, "the broken export passed:\n{text}");
    for fault in [
        "/status must be equal to one of the allowed values",
        "/required_documents/0/id must match format \"uuid\"",
        "/socnav/refusal_reasons must be array",
        "service_id 00000000-0000-5000-8000-000000000000 names no service",
        "repeats",
        "number is required",
        "header id,name,descr",
        "deadlines_decision_days not an integer: десять",
    ] {
        assert!(text.contains(fault), "not reported: {fault}\n{text}");
    }
}

#[test]
fn ids_are_stable() {
    let tmp = tempfile::tempdir().unwrap();
    let site = Site::new();
    let first = build(&site.root, tmp.path(), "first");
    let second = build(&site.root, tmp.path(), "second");
    let mut files: Vec<_> = walk(&first);
    files.sort();
    assert!(files.len() > 20, "{files:?}");
    for rel in &files {
        assert!(
            std::fs::read(first.join(rel)).unwrap() == std::fs::read(second.join(rel)).unwrap(),
            "{} differs between two builds",
            rel.display()
        );
    }

    // UUID v5 of `service/<slug>` in socnav's namespace: the same id on any machine.
    let namespace = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        b"https://github.com/socnav/socnav/blob/main/docs/hsds.md",
    );
    let expected = uuid::Uuid::new_v5(&namespace, b"service/edinoe-posobie").to_string();
    assert_eq!(expected, "9bd15567-234f-5bdf-9497-203c35c6d3d1");
    let services = contents(&first, "services.json");
    let edinoe = services
        .iter()
        .find(|s| s["socnav"]["slug"] == "edinoe-posobie")
        .expect("edinoe-posobie");
    assert_eq!(edinoe["id"], expected);

    // Reordering the documents and the text around them keeps every id.
    let ids = |dir: &Path| {
        let mut ids: Vec<String> = [
            "services.csv",
            "organizations.csv",
            "required_documents.csv",
        ]
        .iter()
        .flat_map(|f| records(dir, f))
        .map(|r| r["id"].clone())
        .collect();
        ids.sort();
        ids
    };
    let text = site.read("content/services/edinoe-posobie.md");
    let passport = "[[extra.documents]]\nref = \"passport\"\n";
    let moved = text.replacen(passport, "", 1).replacen(
        "[extra.apply]",
        &format!("{passport}\n[extra.apply]"),
        1,
    );
    assert_ne!(moved, text);
    site.write("content/services/edinoe-posobie.md", moved);
    site.replace(
        "content/services/edinoe-posobie.md",
        "Ежемесячная выплата",
        "Выплата каждый месяц",
    );
    let third = build(&site.root, tmp.path(), "third");
    assert_eq!(ids(&first), ids(&third));
    let documents = |dir: &Path| -> Vec<String> {
        contents(dir, "services.json")
            .iter()
            .find(|s| s["socnav"]["slug"] == "edinoe-posobie")
            .unwrap()["required_documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| format!("{} {}", d["id"], d["document"]))
            .collect()
    };
    let (before, after) = (documents(&first), documents(&third));
    assert_ne!(before, after, "the order changed");
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(sorted(before), sorted(after));
}

/// Every file under `dir`, relative to it.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let rel = PathBuf::from(e.file_name());
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()).into_iter().map(|r| rel.join(r)));
        } else {
            out.push(rel);
        }
    }
    out
}

#[test]
fn edinoe_posobie_has_its_documents_and_refusal_grounds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = build(&manifest_dir(), tmp.path(), "bundled");
    let services = contents(&dir, "services.json");
    assert!(services.len() >= 25, "{} services", services.len());
    let s = services
        .iter()
        .find(|s| s["socnav"]["slug"] == "edinoe-posobie")
        .expect("edinoe-posobie in services.json");
    let id = s["id"].as_str().unwrap();
    assert_eq!(s["name"], "Единое пособие на детей и беременных женщин");
    assert_eq!(s["status"], "active");
    assert_eq!(
        s["url"],
        "https://socnav.netlify.app/services/edinoe-posobie/"
    );
    assert_eq!(s["organization"]["name"], "Социальный фонд России");
    assert_eq!(s["organization_id"], s["organization"]["id"]);
    assert_eq!(s["socnav"]["organization_ids"].as_array().unwrap().len(), 3);
    assert_eq!(s["minimum_age"], 0);
    assert_eq!(s["maximum_age"], 16);
    assert_eq!(s["assured_date"], "2026-11-12");
    assert_eq!(s["fees_description"], "Бесплатно");
    assert!(s["application_process"]
        .as_str()
        .unwrap()
        .contains("1. Проверьте, что доход на человека"));
    assert_eq!(s["service_areas"][0]["name"], "Вся Россия");
    assert_eq!(s["contacts"][0]["phones"][0]["number"], "8 800 100-00-01");

    // Documents: titles from the dictionary, conditions in the profile.
    let docs = s["required_documents"].as_array().unwrap();
    assert_eq!(docs.len(), 6);
    let names: Vec<&str> = docs
        .iter()
        .map(|d| d["document"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Паспорт гражданина РФ"), "{names:?}");
    let birth = docs
        .iter()
        .find(|d| d["socnav"]["ref"] == "birth-certificate")
        .unwrap();
    assert_eq!(birth["socnav"]["optional"], true);
    assert!(birth["socnav"]["condition"]
        .as_str()
        .unwrap()
        .starts_with("Если ребёнок родился за границей"));

    // What HSDS has no field for is in the profile's extension.
    let ext = &s["socnav"];
    let reasons: Vec<&str> = ext["refusal_reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(reasons.len(), 6);
    assert!(reasons.contains(&"Имущество семьи больше допустимого."));
    assert_eq!(ext["refusal_appeal"].as_array().unwrap().len(), 4);
    assert!(ext["refusal_reapply"]
        .as_str()
        .unwrap()
        .starts_with("Устраните причину отказа"));
    assert_eq!(ext["deadlines_decision_days"], 10);
    assert!(ext["legal_basis"][0]["title"]
        .as_str()
        .unwrap()
        .contains("№ 81-ФЗ"));
    assert_eq!(
        ext["apply_channels"],
        serde_json::json!(["online", "mfc", "in-person"])
    );

    // The tables say the same.
    let service_rows = records(&dir, "services.csv");
    let row = service_rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(
        row["organization_id"],
        s["organization_id"].as_str().unwrap()
    );
    let documents: Vec<_> = records(&dir, "required_documents.csv")
        .into_iter()
        .filter(|r| r["service_id"] == id)
        .collect();
    assert_eq!(documents.len(), 6);
    let ext_rows = records(&dir, "socnav_services.csv");
    let ext_row = ext_rows.iter().find(|r| r["service_id"] == id).unwrap();
    let reasons_cell: Vec<String> = serde_json::from_str(&ext_row["refusal_reasons"]).unwrap();
    assert_eq!(reasons_cell, reasons);
    let attributes: Vec<_> = records(&dir, "attributes.csv")
        .into_iter()
        .filter(|r| r["link_id"] == id)
        .collect();
    // Two categories and four audiences.
    assert_eq!(attributes.len(), 6, "{attributes:?}");
    let terms = records(&dir, "taxonomy_terms.csv");
    let family = terms
        .iter()
        .find(|t| t["code"] == "categories/family")
        .unwrap();
    assert_eq!(family["name"], "Семья и дети");
    assert_eq!(family["taxonomy"], "Категории");
    assert!(attributes
        .iter()
        .any(|a| a["taxonomy_term_id"] == family["id"] && a["link_type"] == "categories"));

    // Standards and life situations have no HSDS object; only services and providers do.
    let package = read_json(&dir.join("datapackage.json"));
    let resources: Vec<&str> = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(!resources
        .iter()
        .any(|r| r.contains("standard") || r.contains("situation")));
    let index = read_json(&dir.join("index.json"));
    assert_eq!(index["version"], "3.0");
    assert_eq!(
        index["profile"],
        "https://socnav.netlify.app/opendata/hsds/profile.json"
    );
}
