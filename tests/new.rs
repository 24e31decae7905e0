//! `socnav new KIND SLUG`: a record with every field of its kind, that `check` reports as
//! incomplete until an editor fills it in.

mod common;

use common::*;
use socnav::schema::{Field, Kind, Ty};

/// Every field of a schema with its dotted path, and whether it is a table (`[x]`),
/// a list of tables (`[[x]]`) or a plain key.
fn walk(fields: &'static [Field], prefix: &str, out: &mut Vec<(String, &'static Field)>) {
    for f in fields {
        let path = if prefix.is_empty() {
            f.name.to_string()
        } else {
            format!("{prefix}.{}", f.name)
        };
        out.push((path.clone(), f));
        match &f.ty {
            Ty::Table(sub) | Ty::TableList(sub) => walk(sub, &path, out),
            _ => {}
        }
    }
}

/// The lines of a TOML text with a leading `# ` (a commented-out optional field) removed.
fn uncommented(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.strip_prefix("# ").unwrap_or(l).to_string())
        .collect()
}

/// For each key line, the table it sits in (`""`, `extra`, `extra.apply`, ...).
fn keys_by_table(text: &str) -> Vec<(String, String)> {
    let mut table = String::new();
    let mut out = Vec::new();
    for l in uncommented(text) {
        let t = l.trim();
        if let Some(name) = t.strip_prefix("[[").and_then(|s| s.strip_suffix("]]")) {
            table = name.to_string();
            out.push((String::new(), format!("[[{name}]]")));
        } else if let Some(name) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            table = name.to_string();
            out.push((String::new(), format!("[{name}]")));
        } else if let Some((k, _)) = t.split_once(" = ") {
            if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                out.push((table.clone(), k.to_string()));
            }
        }
    }
    out
}

fn new_record(site: &Site, kind: &str, slug: &str) -> String {
    let r = site.socnav(&["new", kind, slug]);
    r.ok();
    let section = Kind::from_name(kind).unwrap().section();
    let rel = format!("content/{section}/{slug}.md");
    assert_eq!(
        r.stdout,
        format!("Создан файл {rel}. Заполните поля и запустите socnav check.\n")
    );
    assert!(site.path(&rel).is_file(), "{rel} created");
    site.read(&rel)
}

#[test]
fn new_record_contains_every_field_of_its_kind() {
    for kind in Kind::ALL {
        let site = Site::new();
        let text = new_record(&site, kind.name(), "novaya-zapis");
        assert!(text.starts_with("+++\n"), "{}", kind.name());
        let keys = keys_by_table(&text);
        let mut fields = Vec::new();
        walk(kind.schema(), "", &mut fields);
        assert!(fields.len() > 15, "schema walked");
        for (path, f) in fields {
            let (table, name) = match path.rsplit_once('.') {
                Some((t, n)) => (t.to_string(), n.to_string()),
                None => (String::new(), path.clone()),
            };
            let expected = match &f.ty {
                Ty::Table(_) => (String::new(), format!("[{path}]")),
                Ty::TableList(_) => (String::new(), format!("[[{path}]]")),
                _ => (table, name),
            };
            assert!(
                keys.contains(&expected),
                "{}: field {path} missing from the new record:\n{text}",
                kind.name()
            );
        }
        // And nothing that the schema does not know.
        for (table, key) in &keys {
            if key.starts_with('[') {
                let name = key.trim_matches(|c| c == '[' || c == ']');
                assert!(
                    socnav::schema::lookup(kind.schema(), name).is_some(),
                    "{}: unknown table {key}",
                    kind.name()
                );
            } else {
                let path = if table.is_empty() {
                    key.clone()
                } else {
                    format!("{table}.{key}")
                };
                assert!(
                    socnav::schema::lookup(kind.schema(), &path).is_some(),
                    "{}: unknown key {path}",
                    kind.name()
                );
            }
        }
        // The record is TOML, and stays TOML when every optional line is switched on.
        let fm = text.split("+++").nth(1).unwrap();
        toml::from_str::<toml::Table>(fm).unwrap_or_else(|e| panic!("{}: {e}", kind.name()));
        let all_on: String = fm
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.starts_with('[')
                        || rest.split_once(" = ").is_some_and(|(k, _)| {
                            k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        }) =>
                {
                    rest
                }
                _ => l,
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let parsed = toml::from_str::<toml::Table>(&all_on)
            .unwrap_or_else(|e| panic!("{} with optional fields on: {e}\n{all_on}", kind.name()));
        assert!(parsed.contains_key("extra"));
    }
}

#[test]
fn new_record_is_reported_as_incomplete() {
    for kind in Kind::ALL {
        let site = Site::new();
        new_record(&site, kind.name(), "novaya-zapis");
        let rel = format!("content/{}/novaya-zapis.md", kind.section());
        let (code, diags) = site.check_json();
        assert_eq!(code, 1, "{}: a new record is incomplete", kind.name());
        assert!(!diags.is_empty());
        for d in &diags {
            assert_eq!(
                d.file,
                rel,
                "{}: errors point into the new file: {d:?}",
                kind.name()
            );
            assert!(d.line > 1, "{d:?}");
        }
        // The title is required for every kind and is empty in a new record.
        let text = site.read(&rel);
        let title = diags
            .iter()
            .find(|d| d.field.as_deref() == Some("title"))
            .unwrap_or_else(|| panic!("{}: {diags:#?}", kind.name()));
        assert_eq!(title.message, "поле «title» не заполнено");
        assert_eq!((title.line, title.column), loc(&text, "\"\""));
        // The build refuses it as well, and keeps nothing half-made.
        site.build(&[]).code(1);
        assert!(!site.public().exists());
    }
}

/// Fill the required fields of a new service with `replacen(.., 1)`, top to bottom.
fn fill_service(text: &str) -> String {
    let mut t = text.to_string();
    for (from, to) in [
        ("title = \"\"", "title = \"Новая мера\""),
        (
            "description = \"\"",
            "description = \"Новая мера поддержки для проверки.\"",
        ),
        ("categories = []", "categories = [\"family\"]"),
        ("audiences = []", "audiences = [\"families-with-children\"]"),
        ("regions = []", "regions = [\"kurgan\"]"),
        ("form = \"\"", "form = \"payment\""),
        ("level = \"\"", "level = \"regional\""),
        ("providers = []", "providers = [\"sfr\"]"),
        ("reviewed = \"\"", "reviewed = 2026-11-20"),
        ("sources = []", "sources = [\"https://example.org/\"]"),
        ("criteria = []", "criteria = [\"Условие.\"]"),
        ("ref = \"\"", "ref = \"passport\""),
        ("channels = []", "channels = [\"mfc\"]"),
        ("where = \"\"", "where = \"МФЦ\""),
        ("steps = []", "steps = [\"Подайте заявление.\"]"),
        ("decision = \"\"", "decision = \"10 рабочих дней\""),
        ("reasons = []", "reasons = [\"Причина.\"]"),
        ("appeal = []", "appeal = [\"Жалоба.\"]"),
        ("title = \"\"", "title = \"Закон области\""),
    ] {
        assert!(t.contains(from), "scaffold has {from}");
        t = t.replacen(from, to, 1);
    }
    t
}

#[test]
fn filled_in_new_service_passes_and_builds() {
    let site = Site::new();
    let text = new_record(&site, "service", "novaya-mera");
    site.write("content/services/novaya-mera.md", fill_service(&text));
    let (code, diags) = site.check_json();
    assert_eq!((code, &diags), (0, &vec![]), "{diags:#?}");
    let r = site.build(&[]);
    r.ok();
    assert!(r.stdout.contains("4 меры поддержки"), "{}", r.stdout);
    let html = site.out("services/novaya-mera/index.html");
    assert!(html.contains("Новая мера"));
    assert!(site
        .out("providers/sfr/index.html")
        .contains("href=\"/services/novaya-mera/\""));
}

#[test]
fn filled_in_new_situation_passes() {
    let site = Site::new();
    let text = new_record(&site, "situation", "novaya-situaciya");
    let mut t = text;
    for (from, to) in [
        ("title = \"\"", "title = \"Новая ситуация\""),
        ("description = \"\"", "description = \"Что делать.\""),
        ("reviewed = \"\"", "reviewed = 2026-11-20"),
        ("title = \"\"", "title = \"Первый шаг\""),
    ] {
        assert!(t.contains(from), "scaffold has {from}");
        t = t.replacen(from, to, 1);
    }
    site.write("content/situations/novaya-situaciya.md", t);
    let (code, diags) = site.check_json();
    assert_eq!((code, &diags), (0, &vec![]), "{diags:#?}");
}

#[test]
fn new_refuses_an_existing_slug() {
    let site = Site::new();
    let before = site.read("content/services/edinoe-posobie.md");
    let r = site.socnav(&["new", "service", "edinoe-posobie"]);
    r.code(2);
    assert_eq!(
        r.stderr,
        "ошибка: запись content/services/edinoe-posobie.md уже есть\n"
    );
    assert_eq!(
        site.read("content/services/edinoe-posobie.md"),
        before,
        "untouched"
    );
    // A page bundle with that name counts too.
    let r = site.socnav(&["new", "standard", "gost-r-52143-2013"]);
    r.code(2);
    assert!(r.stderr.contains("уже есть"), "{}", r.stderr);
    assert!(!site.path("content/standards/gost-r-52143-2013.md").exists());
    // A second `new` of the same slug is refused, the first file kept.
    new_record(&site, "provider", "novyy");
    let first = site.read("content/providers/novyy.md");
    site.socnav(&["new", "provider", "novyy"]).code(2);
    assert_eq!(site.read("content/providers/novyy.md"), first);
}

#[test]
fn new_refuses_a_bad_slug() {
    let site = Site::new();
    let before = all_paths(site.tmp.path());
    for slug in [
        "Единое",
        "../evil",
        "a/b",
        "UPPER",
        "",
        "a.b",
        "a b",
        "..",
        "/abs",
    ] {
        let r = site.socnav(&["new", "service", slug]);
        r.code(2);
        assert!(r.stdout.is_empty(), "{slug}: {}", r.stdout);
        assert!(r.stderr.starts_with("ошибка:"), "{slug}: {}", r.stderr);
    }
    let r = site.socnav(&["new", "service", "Bad"]);
    assert_eq!(
        r.stderr,
        "ошибка: недопустимое имя «Bad»: используйте латинские строчные буквы, цифры и дефис, например edinoe-posobie\n"
    );
    assert_eq!(all_paths(site.tmp.path()), before, "nothing written");
}

#[test]
fn new_refuses_an_unknown_kind_and_a_folder_without_content() {
    let site = Site::new();
    let r = site.socnav(&["new", "servise", "x"]);
    r.code(2);
    assert!(r.stderr.contains("servise"), "{}", r.stderr);
    assert!(!site.path("content/servise").exists());
    let tmp = tempfile::tempdir().unwrap();
    let r = run_in(
        tmp.path(),
        &[
            "new",
            "service",
            "x",
            "--root",
            tmp.path().to_str().unwrap(),
        ],
    );
    r.code(2);
    assert!(r.stderr.contains("нет папки content/"), "{}", r.stderr);
    assert_eq!(all_paths(tmp.path()), Vec::<String>::new());
}
