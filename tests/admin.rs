//! Editing without git: the Decap CMS files `socnav build` writes under `/admin/`.
//!
//! - `config.yml`, parsed back, has a collection per kind whose fields are exactly the
//!   kind's schema (walked here from the same tables, recursively), each with the widget
//!   its type needs, required as the validator requires it, every enum value and every
//!   data/ term as an option, references as relation widgets to the right collection;
//!   its workflow is the editorial one and its backend follows `[extra] repository`;
//!   the YAML reads back as the tree the emitter was given, the same bytes every build.
//! - `index.html` loads the pinned Decap release with its integrity hash, and says what
//!   to do without JavaScript; netlify.toml lets Decap run under `/admin/` only.
//! - socnav's additions to Decap know every date field of the schema, and (under node,
//!   with stand-ins for Decap) fix what Decap would save so that `socnav check` accepts
//!   it: dates as TOML dates, no emptied values, Latin file names for new records.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::*;
use serde_norway::Value;
use socnav::schema::{Choice, Dict, Field, Kind, Req, Ty};

/// The bundled catalogue, built once for the tests that only read it.
fn bundled() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("admin-bundled");
        let _ = std::fs::remove_dir_all(&out);
        let run = run_in(
            &manifest_dir(),
            &["build", "--output", out.to_str().unwrap()],
        );
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        out
    })
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{} is not YAML: {e}", path.display()))
}

fn bundled_config() -> Value {
    yaml(&bundled().join("admin/config.yml"))
}

fn list(v: &Value) -> &Vec<Value> {
    v.as_sequence()
        .unwrap_or_else(|| panic!("not a list: {v:?}"))
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn collection(config: &Value, kind: Kind) -> &Value {
    list(&config["collections"])
        .iter()
        .find(|c| str_of(c, "name") == Some(kind.section()))
        .unwrap_or_else(|| panic!("no collection {}", kind.section()))
}

fn named<'a>(fields: &'a [Value], name: &str) -> Option<&'a Value> {
    fields.iter().find(|f| str_of(f, "name") == Some(name))
}

/// The form field at a dotted schema path (`extra.apply.channels`) of a collection.
fn field_at<'a>(collection: &'a Value, path: &str) -> &'a Value {
    let mut fields = list(&collection["fields"]);
    let mut found = None;
    for part in path.split('.') {
        let f = named(fields, part).unwrap_or_else(|| {
            panic!(
                "{}: no form field {path}",
                str_of(collection, "name").unwrap()
            )
        });
        found = Some(f);
        if let Some(sub) = f.get("fields") {
            fields = list(sub);
        }
    }
    found.unwrap()
}

/// Every field of a schema, recursively: (dotted path, field, whether every table
/// around it is required; items of lists of tables count as required, since they exist
/// only once added).
fn walk(fields: &'static [Field]) -> Vec<(String, &'static Field, bool)> {
    fn go(
        fields: &'static [Field],
        prefix: &str,
        parents_required: bool,
        out: &mut Vec<(String, &'static Field, bool)>,
    ) {
        for f in fields {
            let path = if prefix.is_empty() {
                f.name.to_string()
            } else {
                format!("{prefix}.{}", f.name)
            };
            out.push((path.clone(), f, parents_required));
            match &f.ty {
                Ty::Table(sub) => go(sub, &path, parents_required && f.required(), out),
                Ty::TableList(sub) => go(sub, &path, true, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    go(fields, "", true, &mut out);
    out
}

/// The terms of a data/ dictionary of the bundled catalogue, read here with the toml
/// crate (not with socnav's loader): (key, title).
fn terms(dict: Dict) -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(manifest_dir().join(dict.file())).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let terms: BTreeSet<(String, String)> = table
        .iter()
        .map(|(k, v)| (k.clone(), v["title"].as_str().unwrap().to_string()))
        .collect();
    assert!(!terms.is_empty(), "{} has no terms", dict.file());
    terms
}

/// A select's options as (value, label).
fn options(field: &Value) -> Vec<(String, String)> {
    list(&field["options"])
        .iter()
        .map(|o| {
            (
                str_of(o, "value").unwrap().to_string(),
                str_of(o, "label").unwrap().to_string(),
            )
        })
        .collect()
}

fn choices(c: &[Choice]) -> Vec<(String, String)> {
    c.iter()
        .map(|c| (c.key.to_string(), c.label.to_string()))
        .collect()
}

fn multiple(field: &Value) -> bool {
    field.get("multiple").and_then(Value::as_bool) == Some(true)
}

fn min(field: &Value) -> Option<u64> {
    field.get("min").and_then(Value::as_u64)
}

/// What is wrong with a form field for a schema type (empty when it is right). Checks
/// the widget and its settings, not the options of selects (their own tests do).
fn widget_problems(form: &Value, ty: &Ty) -> Vec<String> {
    let widget = str_of(form, "widget").unwrap_or("(none)");
    let expect = |w: &str| {
        if widget == w {
            Vec::new()
        } else {
            vec![format!("widget {widget}, expected {w}")]
        }
    };
    match ty {
        Ty::Str { .. } | Ty::Url | Ty::Inn | Ty::Ogrn | Ty::RefOrText(_) | Ty::BundleFile => {
            expect("string")
        }
        Ty::Text => expect("text"),
        Ty::Int | Ty::Float => {
            let mut p = expect("number");
            let value_type = if matches!(ty, Ty::Int) {
                "int"
            } else {
                "float"
            };
            if str_of(form, "value_type") != Some(value_type) {
                p.push(format!("value_type should be {value_type}"));
            }
            p
        }
        Ty::Bool => expect("boolean"),
        Ty::Date => {
            let mut p = expect("datetime");
            if str_of(form, "date_format") != Some("YYYY-MM-DD")
                || str_of(form, "format") != Some("YYYY-MM-DD")
                || form.get("time_format").and_then(Value::as_bool) != Some(false)
            {
                p.push("a date needs format and date_format YYYY-MM-DD, time_format false".into());
            }
            p
        }
        Ty::Enum(_) | Ty::Term(_) => {
            let mut p = expect("select");
            if multiple(form) {
                p.push("a single value is not multiple".into());
            }
            p
        }
        Ty::Ref(kind) => relation_problems(form, *kind, false),
        Ty::List(inner) => match inner {
            Ty::Enum(_) | Ty::Term(_) => {
                let mut p = expect("select");
                if !multiple(form) {
                    p.push("a list of terms is a multiple select".into());
                }
                p
            }
            Ty::Ref(kind) => relation_problems(form, *kind, true),
            other => {
                let mut p = expect("list");
                match form.get("field") {
                    Some(item) => p.extend(widget_problems(item, other)),
                    None => p.push("a list of values needs its item `field`".into()),
                }
                p
            }
        },
        Ty::Table(_) => expect("object"),
        Ty::TableList(_) => expect("list"),
        Ty::Any => Vec::new(),
    }
}

fn relation_problems(form: &Value, kind: Kind, many: bool) -> Vec<String> {
    let mut p = Vec::new();
    if str_of(form, "widget") != Some("relation") {
        p.push(format!(
            "a reference to a {} is a relation widget",
            kind.name()
        ));
    }
    if str_of(form, "collection") != Some(kind.section()) {
        p.push(format!("relation to {:?}", str_of(form, "collection")));
    }
    if str_of(form, "value_field") != Some("{{slug}}") {
        p.push("references are by slug: value_field {{slug}}".into());
    }
    for key in ["search_fields", "display_fields"] {
        if !form
            .get(key)
            .and_then(Value::as_sequence)
            .is_some_and(|s| s.iter().any(|v| v.as_str() == Some("title")))
        {
            p.push(format!("{key} should have title"));
        }
    }
    if multiple(form) != many {
        p.push(format!("multiple should be {many}"));
    }
    p
}

/// Every field of every kind's schema, recursively, is a field of its kind's collection,
/// at the same place, with the widget its type needs and `required` as the validator
/// requires it; and the collection has no field the schema does not know (but the body).
#[test]
fn every_schema_field_is_a_form_field_with_the_right_widget() {
    let config = bundled_config();
    let mut problems = Vec::new();
    let mut checked = 0;
    for kind in Kind::ALL {
        let c = collection(&config, kind);
        assert_eq!(
            str_of(c, "folder"),
            Some(format!("content/{}", kind.section()).as_str())
        );
        assert_eq!(str_of(c, "format"), Some("toml-frontmatter"));
        assert_eq!(str_of(c, "extension"), Some("md"));
        assert_eq!(c["create"].as_bool(), Some(true));
        for (path, f, parents_required) in walk(kind.schema()) {
            let form = field_at(c, &path);
            checked += 1;
            let mut p = widget_problems(form, &f.ty);
            let required = parents_required && f.required();
            if form["required"].as_bool() != Some(required) {
                p.push(format!("required should be {required}"));
            }
            let at_least_one = required && f.req == Req::NonEmpty;
            let is_list = matches!(f.ty, Ty::List(_) | Ty::TableList(_));
            if is_list && (min(form) == Some(1)) != at_least_one {
                p.push(format!("min: 1 should be {at_least_one}"));
            }
            if str_of(form, "label").is_none_or(|l| l == f.name) {
                p.push("needs a Russian label".into());
            }
            problems.extend(
                p.into_iter()
                    .map(|p| format!("{}: {path}: {p}", kind.name())),
            );
        }
        // Nothing but the schema (and the Markdown body) in the form.
        fn extra_fields(form: &[Value], schema: &[Field], at: &str, out: &mut Vec<String>) {
            for f in form {
                let name = str_of(f, "name").unwrap();
                match Field::find(schema, name) {
                    Some(sf) => {
                        if let (Ty::Table(sub) | Ty::TableList(sub), Some(fields)) =
                            (&sf.ty, f.get("fields"))
                        {
                            extra_fields(list(fields), sub, &format!("{at}{name}."), out);
                        }
                    }
                    None if at.is_empty() && name == "body" => {}
                    None => out.push(format!("{at}{name}")),
                }
            }
        }
        let mut unknown = Vec::new();
        extra_fields(list(&c["fields"]), kind.schema(), "", &mut unknown);
        assert!(
            unknown.is_empty(),
            "{}: form fields the schema does not have: {unknown:?}",
            kind.name()
        );
        let body = named(list(&c["fields"]), "body").expect("the Markdown body");
        assert_eq!(str_of(body, "widget"), Some("markdown"));
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(checked > 100, "only {checked} fields walked");
}

/// Every value of every enum field (single or a list) is an option of its select, with
/// the label citizens see, in the schema's order, and nothing else is.
#[test]
fn every_enum_value_is_a_select_option() {
    let config = bundled_config();
    let mut enums = 0;
    for kind in Kind::ALL {
        let c = collection(&config, kind);
        for (path, f, _) in walk(kind.schema()) {
            let (Ty::Enum(c_) | Ty::List(Ty::Enum(c_))) = &f.ty else {
                continue;
            };
            enums += 1;
            let form = field_at(c, &path);
            assert_eq!(str_of(form, "widget"), Some("select"), "{path}");
            assert_eq!(options(form), choices(c_), "{}: {path}", kind.name());
        }
    }
    // form, level, cost, channels, whose age; provider type; standard type and status.
    assert_eq!(enums, 8);
}

/// Every term of data/categories, audiences and regions is an option of the matching
/// taxonomy, and every document of data/documents.toml an option of a document's `ref`,
/// with its title as the label.
#[test]
fn every_dictionary_term_is_an_option() {
    let config = bundled_config();
    for kind in Kind::ALL {
        let c = collection(&config, kind);
        for (name, dict) in [
            ("categories", Dict::Categories),
            ("audiences", Dict::Audiences),
            ("regions", Dict::Regions),
        ] {
            let form = field_at(c, &format!("taxonomies.{name}"));
            assert!(multiple(form), "{name} is a multiple select");
            let got: BTreeSet<(String, String)> = options(form).into_iter().collect();
            assert_eq!(got, terms(dict), "{}: taxonomies.{name}", kind.name());
        }
    }
    let service = collection(&config, Kind::Service);
    let documents = field_at(service, "extra.documents.ref");
    assert_eq!(str_of(documents, "widget"), Some("select"));
    let got: BTreeSet<(String, String)> = options(documents).into_iter().collect();
    assert_eq!(got, terms(Dict::Documents));
}

/// Every reference to a record (alone or in a list) is a relation widget to the
/// collection of that kind, by slug; lists of them are multiple.
#[test]
fn references_are_relations_to_the_right_collection() {
    let config = bundled_config();
    let mut refs = Vec::new();
    for kind in Kind::ALL {
        let c = collection(&config, kind);
        for (path, f, _) in walk(kind.schema()) {
            let (target, many) = match &f.ty {
                Ty::Ref(k) => (*k, false),
                Ty::List(Ty::Ref(k)) => (*k, true),
                _ => continue,
            };
            let p = relation_problems(field_at(c, &path), target, many);
            assert!(p.is_empty(), "{}: {path}: {p:?}", kind.name());
            refs.push(format!("{}.{path}", kind.name()));
        }
    }
    assert_eq!(
        refs,
        [
            "service.extra.providers",
            "service.extra.standards",
            "standard.extra.superseded_by",
            "situation.extra.steps.services",
        ]
    );
}

fn backend_of(config: &Value) -> (String, Option<String>, String) {
    let b = &config["backend"];
    (
        str_of(b, "name").unwrap().to_string(),
        str_of(b, "repo").map(str::to_string),
        str_of(b, "branch").unwrap().to_string(),
    )
}

/// Every save is a pull request (the editorial workflow), in Russian; the backend is
/// GitHub for a GitHub repository (a URL or `owner/name`), with the configured branch,
/// and Git Gateway through Netlify Identity otherwise.
#[test]
fn publish_mode_and_backend_follow_the_repository() {
    let config = bundled_config();
    assert_eq!(str_of(&config, "publish_mode"), Some("editorial_workflow"));
    assert_eq!(str_of(&config, "locale"), Some("ru"));
    assert_eq!(
        backend_of(&config),
        ("github".into(), Some("socnav/socnav".into()), "main".into())
    );
    assert_eq!(
        str_of(&config, "site_url"),
        Some("https://socnav.netlify.app")
    );

    let site = Site::new();
    let build = |site: &Site| {
        let run = site.build(&[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let config = yaml(&site.public().join("admin/config.yml"));
        assert_eq!(str_of(&config, "publish_mode"), Some("editorial_workflow"));
        let page = site.out("admin/index.html");
        (backend_of(&config), page)
    };
    // The fixture's repository is on no forge Decap knows.
    let (backend, page) = build(&site);
    assert_eq!(backend, ("git-gateway".into(), None, "main".into()));
    assert!(page.contains("netlify-identity-widget.js"), "{page}");

    site.replace(
        "config.toml",
        "repository = \"https://example.org/socnav\"",
        "repository = \"kurgan-soc/navigator\"\nrepository_branch = \"content\"",
    );
    let (backend, page) = build(&site);
    assert_eq!(
        backend,
        (
            "github".into(),
            Some("kurgan-soc/navigator".into()),
            "content".into()
        )
    );
    assert!(!page.contains("netlify-identity-widget.js"), "{page}");

    site.replace("config.toml", "repository = \"kurgan-soc/navigator\"\n", "");
    let (backend, _) = build(&site);
    assert_eq!(backend, ("git-gateway".into(), None, "content".into()));
}

/// `/admin/index.html`: Russian, titled «Редактор каталога», loads an exact Decap
/// release from unpkg with its integrity hash, then socnav's additions (beside it, with
/// a hash in the name); without JavaScript it says so and links the editors' guide.
#[test]
fn admin_page_loads_the_pinned_decap_and_explains_without_javascript() {
    let out = bundled();
    let html = std::fs::read_to_string(out.join("admin/index.html")).unwrap();
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("<title>Редактор каталога</title>"));
    let decap = html
        .split("<script src=\"https://unpkg.com/decap-cms@")
        .nth(1)
        .expect("loads decap-cms from unpkg");
    let tag = &decap[..decap.find('>').unwrap()];
    let version = &tag[..tag.find('/').unwrap()];
    assert!(
        !version.is_empty() && version.chars().all(|c| c.is_ascii_digit() || c == '.'),
        "an exact version, not a range: {version}"
    );
    assert_eq!(version, socnav::render::admin::page::DECAP_VERSION);
    assert!(tag.contains("integrity=\"sha384-"), "{tag}");
    assert!(tag.contains("crossorigin=\"anonymous\""), "{tag}");
    let noscript = html
        .split("<noscript>")
        .nth(1)
        .and_then(|s| s.split("</noscript>").next())
        .expect("a noscript block");
    assert!(noscript.contains("JavaScript"));
    assert!(noscript.contains("href=\"../help/editors/\""), "{noscript}");
    assert!(out.join("help/editors/index.html").is_file());
    // socnav's additions come after Decap, from the same folder, under a hashed name.
    let script = html
        .split("<script src=\"socnav-cms.")
        .nth(1)
        .map(|s| format!("socnav-cms.{}", &s[..s.find('"').unwrap()]))
        .expect("loads socnav-cms.<hash>.js");
    assert!(html.find("decap-cms.js").unwrap() < html.find(&script).unwrap());
    assert!(out.join("admin").join(&script).is_file());
    // The admin is no page of the catalogue.
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/admin/"));
}

/// The files under /admin/ are the same bytes from build to build.
#[test]
fn admin_files_are_the_same_bytes_every_build() {
    let first = bundled();
    let tmp = tempfile::tempdir().unwrap();
    let second = tmp.path().join("site");
    let run = run_in(
        &manifest_dir(),
        &["build", "--output", second.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        all_paths(&dir.join("admin"))
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(dir.join("admin").join(&p)).unwrap();
                (p, bytes)
            })
            .collect()
    };
    let a = files(first);
    assert_eq!(
        a.len(),
        3,
        "{:?}",
        a.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(a == files(&second), "admin files differ between builds");
}

/// The node of the emitter as serde_norway reads YAML.
fn as_value(node: &socnav::render::admin::yaml::Yaml) -> Value {
    use socnav::render::admin::yaml::Yaml;
    match node {
        Yaml::Str(s) => Value::String(s.clone()),
        Yaml::Int(n) => Value::Number((*n).into()),
        Yaml::Float(f) => Value::Number((*f).into()),
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::List(items) => Value::Sequence(items.iter().map(as_value).collect()),
        Yaml::Map(entries) => Value::Mapping(
            entries
                .iter()
                .map(|(k, v)| (Value::String(k.clone()), as_value(v)))
                .collect(),
        ),
    }
}

/// The configuration the emitter was given for the bundled catalogue reads back from
/// its YAML as the same tree, and that YAML is the built file.
#[test]
fn config_yaml_reads_back_as_the_tree_it_was_made_from() {
    let root = manifest_dir();
    let config = socnav::config::Config::load(&root).unwrap();
    let (dicts, diags) = socnav::load::data::load(&root);
    assert!(diags.is_empty(), "{diags:?}");
    let settings = config.settings();
    let tree = socnav::render::admin::decap::config(&config.base_url, &settings, &dicts);
    let text = tree.to_text();
    let parsed: Value = serde_norway::from_str(&text).unwrap();
    assert_eq!(parsed, as_value(&tree));
    let built = std::fs::read_to_string(bundled().join("admin/config.yml")).unwrap();
    assert_eq!(
        built,
        socnav::render::admin::config_yml(&config.base_url, &settings, &dicts)
    );
    assert!(built.ends_with(&text));
}

/// The additions' table of date fields, read from the built script, is every date field
/// of every kind's schema (a date Decap saved but the script missed would be a string
/// in quotes, which check rejects).
#[test]
fn decap_additions_know_every_date_field() {
    let out = bundled();
    let name = all_paths(&out.join("admin"))
        .into_iter()
        .find(|p| p.starts_with("socnav-cms.") && p.ends_with(".js"))
        .expect("socnav-cms.<hash>.js");
    let js = std::fs::read_to_string(out.join("admin").join(name)).unwrap();
    let table = js
        .split("var DATE_FIELDS = ")
        .nth(1)
        .and_then(|s| s.split(";\n").next())
        .expect("the date fields");
    let table: serde_json::Value = serde_json::from_str(table).unwrap();
    for kind in Kind::ALL {
        let mut expected = Vec::new();
        for (path, f, _) in walk(kind.schema()) {
            if matches!(f.ty, Ty::Date) {
                // A date inside a list of tables is at "*" (every item).
                let mut parts: Vec<String> = Vec::new();
                let mut fields = kind.schema();
                for part in path.split('.') {
                    parts.push(part.into());
                    let f = Field::find(fields, part).unwrap();
                    match &f.ty {
                        Ty::Table(sub) => fields = sub,
                        Ty::TableList(sub) => {
                            parts.push("*".into());
                            fields = sub;
                        }
                        _ => {}
                    }
                }
                expected.push(parts);
            }
        }
        assert!(expected.len() >= 3, "{}: {expected:?}", kind.name());
        let got: Vec<Vec<String>> = serde_json::from_value(table[kind.section()].clone()).unwrap();
        assert_eq!(got, expected, "{}", kind.name());
    }
}

/// Under node, with stand-ins for Decap's registry and its Immutable maps: what the
/// preSave handler makes of a record as Decap's widgets leave it. Dates become Dates
/// whose `toISOString()` is the plain date (Decap's TOML writer puts that unquoted, a
/// TOML date; a string would be quoted, which check rejects), emptied values go (check
/// would say "not filled in"), a new record gets a Latin file name, and a section's
/// `_index.md` is refused.
#[test]
fn decap_additions_fix_what_decap_would_save() {
    let out = bundled();
    let name = all_paths(&out.join("admin"))
        .into_iter()
        .find(|p| p.starts_with("socnav-cms.") && p.ends_with(".js"))
        .unwrap();
    let script = out.join("admin").join(name);
    let tmp = tempfile::tempdir().unwrap();
    let harness = tmp.path().join("harness.js");
    std::fs::write(&harness, HARNESS).unwrap();
    let node = std::env::var("NODE").unwrap_or_else(|_| "node".into());
    let run = Command::new(&node)
        .arg(&harness)
        .arg(&script)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node (`{node}`; set NODE): {e}"));
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success() && stdout.contains("harness: all passed"),
        "node harness failed:\n{stdout}\n{stderr}"
    );
}

/// The node side of `decap_additions_fix_what_decap_would_save`.
const HARNESS: &str = r#"
"use strict";
const assert = require("assert");
let handler = null;
global.CMS = { registerEventListener: (o) => { assert.strictEqual(o.name, "preSave"); handler = o.handler; } };
const cms = require(process.argv[2]);
assert.ok(handler, "registers a preSave handler");

// A stand-in for Decap's Immutable map of an entry's values (persistent: every change
// returns a new map).
const isDate = (v) => Object.prototype.toString.call(v) === "[object Date]";
function clone(v) {
  if (isDate(v)) return v;
  if (Array.isArray(v)) return v.map(clone);
  if (v && typeof v === "object") { const o = {}; for (const k of Object.keys(v)) o[k] = clone(v[k]); return o; }
  return v;
}
class Data {
  constructor(o) { this.o = o; }
  toJS() { return clone(this.o); }
  get(k) { return this.o[k]; }
  set(k, v) { const c = clone(this.o); c[k] = v; return new Data(c); }
  getIn(p) { return p.reduce((a, k) => (a == null ? undefined : a[k]), this.o); }
  setIn(p, v) { const c = clone(this.o); let a = c; for (const k of p.slice(0, -1)) a = a[k]; a[p[p.length - 1]] = v; return new Data(c); }
  deleteIn(p) {
    const c = clone(this.o); let a = c; for (const k of p.slice(0, -1)) a = a[k];
    const last = p[p.length - 1];
    if (Array.isArray(a)) a.splice(last, 1); else delete a[last];
    return new Data(c);
  }
}
const entry = (collection, slug, data, newRecord) => ({
  get: (k) => ({ collection, slug, data: new Data(data), newRecord }[k]),
});
const save = (...args) => handler({ entry: entry(...args), author: {} });

// A date read from the file: @iarna/toml gives a Date whose toISOString is the date.
const read = new Date("2023-01-01T00:00:00Z");
read.toISOString = () => "2023-01-01";

let out = save("services", "edinoe-posobie", {
  title: "Единое пособие",
  date: read,
  updated: "",
  body: "Текст.",
  extra: {
    reviewed: "2026-11-20",
    eligibility: { criteria: ["Условие", "", "  "], age_min: "", age_max: 16 },
    documents: [{}, { ref: "passport", note: "" }, { name: "Справка", optional: false }],
    contacts: { phone: "", url: "" },
    apply: { steps: [] },
  },
}, false).toJS();

// Dates: a TOML date (Decap writes toISOString() unquoted), untouched when read so.
assert.strictEqual(Object.prototype.toString.call(out.extra.reviewed), "[object Date]", "reviewed is a Date");
assert.strictEqual(out.extra.reviewed.toISOString(), "2026-11-20");
assert.strictEqual(JSON.stringify(out.extra.reviewed), '"2026-11-20"');
assert.strictEqual(out.date, read);
// Emptied values are gone; lists stay, without empty items; numbers and false stay.
assert.ok(!("updated" in out), "updated removed");
assert.deepStrictEqual(out.extra.eligibility, { criteria: ["Условие"], age_max: 16 });
assert.deepStrictEqual(out.extra.documents, [{ ref: "passport" }, { name: "Справка", optional: false }]);
assert.ok(!("contacts" in out.extra), "an emptied table is removed");
assert.deepStrictEqual(out.extra.apply, { steps: [] });
assert.strictEqual(out.body, "Текст.");
// An existing record keeps its file name: no slug is added.
assert.ok(!("slug" in out), "no slug for an existing record");

// Only date fields become dates: a standard's designation may look like one.
out = save("standards", "x", { title: "X", extra: { code: "2026-01-01", discussion_until: "2026-12-01 " } }, false).toJS();
assert.strictEqual(out.extra.code, "2026-01-01");
assert.strictEqual(out.extra.discussion_until.toISOString(), "2026-12-01");

// A new record is named after its title in Latin letters, as the catalogue's files are.
for (const [title, slug] of [
  ["Компенсация ЖКУ инвалидам", "kompensaciya-zhku-invalidam"],
  ["Прокат ТСР", "prokat-tsr"],
  ["Единовременное пособие при рождении ребёнка", "edinovremennoe-posobie-pri-rozhdenii-rebenka"],
  ["Социальная доплата к пенсии", "socialnaya-doplata-k-pensii"],
  ["Выплата «Ёлка» — 2026!", "vyplata-elka-2026"],
]) {
  out = save("services", "", { title }, true).toJS();
  assert.strictEqual(out.slug, slug, title);
}
assert.ok(cms.slugOf("Щ".repeat(50)).length <= 80);
out = save("services", "", { title: "Мера", slug: "moya-mera" }, true).toJS();
assert.strictEqual(out.slug, "moya-mera");
assert.throws(() => save("services", "", { title: "!!!" }, true), /латиницей/);

// A section's _index.md is not a record; other collections are not touched.
assert.throws(() => save("services", "_index", { title: "Меры поддержки" }, false), /_index\.md/);
assert.strictEqual(save("pages", "about", { title: "" }, false), undefined);

console.log("harness: all passed");
"#;

/// netlify.toml: the strict policy of every page does not allow Decap; `/admin/*`, after
/// it (the later rule's header wins), allows exactly what Decap needs.
#[test]
fn netlify_toml_lets_decap_run_under_admin_only() {
    let text = std::fs::read_to_string(manifest_dir().join("netlify.toml")).unwrap();
    let netlify: toml::Table = toml::from_str(&text).unwrap();
    let rules = netlify["headers"].as_array().unwrap();
    let csp = |path: &str| -> (usize, String) {
        rules
            .iter()
            .enumerate()
            .find(|(_, r)| r["for"].as_str() == Some(path))
            .map(|(i, r)| {
                (
                    i,
                    r["values"]["Content-Security-Policy"]
                        .as_str()
                        .unwrap_or_else(|| panic!("{path} sets a CSP"))
                        .to_string(),
                )
            })
            .unwrap_or_else(|| panic!("no headers for {path}"))
    };
    let (all_at, all) = csp("/*");
    let (admin_at, admin) = csp("/admin/*");
    assert!(admin_at > all_at, "/admin/* must come after /*");
    for allowed in ["https://unpkg.com", "'unsafe-eval'", "'unsafe-inline'"] {
        assert!(!all.contains(allowed), "the site's policy allows {allowed}");
        assert!(admin.contains(allowed), "/admin/ needs {allowed}: {admin}");
    }
    let directive = |policy: &str, name: &str| -> String {
        policy
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} in {policy}"))
            .to_string()
    };
    let script_src = directive(&admin, "script-src");
    assert!(
        script_src.contains("https://unpkg.com")
            && script_src.contains("https://identity.netlify.com")
    );
    assert!(directive(&admin, "connect-src").contains("https://api.github.com"));
    assert!(directive(&admin, "frame-ancestors").contains("'none'"));
    // The browser tests take the first policy in the file as every page's policy.
    let first = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Content-Security-Policy = "))
        .unwrap();
    assert_eq!(first.trim_matches('"'), all);
}
