//! The Decap CMS configuration (`/admin/config.yml`), built by walking the same schema
//! tables the validator uses, so that the form and `socnav check` cannot disagree about
//! which fields a record has, which are required, and which values are allowed.
//!
//! One folder collection per kind of record; one form field per schema field:
//! strings, texts, numbers, booleans and dates get their widgets, enums and data/ terms
//! become selects with the labels citizens see, references to records become relation
//! widgets, tables become objects and lists of tables lists of objects.

use super::labels;
use super::yaml::Yaml;
use crate::config::Settings;
use crate::load::data::Dictionaries;
use crate::schema::{Choice, Dict, Field, Kind, Req, Ty};

/// Where Decap reads and writes the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// A GitHub repository `owner/name`: editors log in with GitHub.
    GitHub { repo: String },
    /// A GitLab project `group/name`: editors log in with GitLab.
    GitLab { repo: String },
    /// No repository that Decap can reach by itself: Netlify Identity and Git Gateway.
    GitGateway,
}

impl Backend {
    /// The backend for `[extra] repository` of config.toml: a GitHub URL or a bare
    /// `owner/name` means GitHub, a gitlab.com URL GitLab, anything else (or nothing)
    /// Git Gateway through Netlify Identity.
    pub fn from_repository(repository: Option<&str>) -> Backend {
        let Some(raw) = repository.map(str::trim).filter(|r| !r.is_empty()) else {
            return Backend::GitGateway;
        };
        let raw = raw.trim_end_matches('/');
        let raw = raw.strip_suffix(".git").unwrap_or(raw);
        let without_scheme = raw
            .strip_prefix("https://")
            .or_else(|| raw.strip_prefix("http://"))
            .unwrap_or(raw);
        let host_and_path = without_scheme
            .strip_prefix("www.")
            .unwrap_or(without_scheme);
        let segments = |path: &str| -> Vec<String> {
            path.split('/')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        if let Some(path) = host_and_path.strip_prefix("github.com/") {
            let parts = segments(path);
            if parts.len() >= 2 {
                return Backend::GitHub {
                    repo: format!("{}/{}", parts[0], parts[1]),
                };
            }
        } else if let Some(path) = host_and_path.strip_prefix("gitlab.com/") {
            // GitLab projects may sit in subgroups; "/-/" starts a page of the project.
            let path = path.split("/-/").next().unwrap_or(path);
            let parts = segments(path);
            if parts.len() >= 2 {
                return Backend::GitLab {
                    repo: parts.join("/"),
                };
            }
        } else if raw == without_scheme && is_owner_name(raw) {
            return Backend::GitHub {
                repo: raw.to_string(),
            };
        }
        Backend::GitGateway
    }

    fn name(&self) -> &'static str {
        match self {
            Backend::GitHub { .. } => "github",
            Backend::GitLab { .. } => "gitlab",
            Backend::GitGateway => "git-gateway",
        }
    }

    /// Whether editors log in with Netlify Identity (the admin page loads its widget).
    pub fn uses_identity(&self) -> bool {
        matches!(self, Backend::GitGateway)
    }
}

/// `owner/name` with GitHub's characters, and no dot in the owner (`example.org/x` is a
/// host, not an owner).
fn is_owner_name(s: &str) -> bool {
    let mut parts = s.split('/');
    let (Some(owner), Some(name), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let ok = |p: &str, dots: bool| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || (dots && c == '.'))
    };
    ok(owner, false) && ok(name, true)
}

/// The whole configuration.
pub fn config(base_url: &str, settings: &Settings, dicts: &Dictionaries) -> Yaml {
    let backend = Backend::from_repository(settings.repository.as_deref());
    let mut backend_node = Yaml::map().with("name", backend.name());
    match &backend {
        Backend::GitHub { repo } | Backend::GitLab { repo } => {
            backend_node = backend_node.with("repo", repo.as_str());
        }
        Backend::GitGateway => {}
    }
    backend_node = backend_node.with("branch", settings.repository_branch.as_str());
    let mut doc = Yaml::map()
        .with("backend", backend_node)
        .with("publish_mode", "editorial_workflow")
        .with("locale", "ru");
    let base = base_url.trim_end_matches('/');
    if base.starts_with("https://") || base.starts_with("http://") {
        doc = doc.with("site_url", base).with("display_url", base);
    }
    doc.with("media_folder", "static/media")
        .with("public_folder", "/media")
        .with(
            "collections",
            Kind::ALL
                .iter()
                .map(|&kind| collection(kind, dicts))
                .collect::<Vec<_>>(),
        )
}

/// The folder collection of one kind of record.
fn collection(kind: Kind, dicts: &Dictionaries) -> Yaml {
    let ctx = Ctx { kind, dicts };
    let schema = kind.schema();
    // The fields an editor fills every time first, then the text, then Zola's
    // page settings that are rarely touched.
    let main = ["title", "description", "taxonomies", "extra"];
    let mut fields: Vec<Yaml> = main
        .iter()
        .filter_map(|name| Field::find(schema, name))
        .map(|f| ctx.field(f, "", true))
        .collect();
    fields.push(body());
    fields.extend(
        schema
            .iter()
            .filter(|f| !main.contains(&f.name))
            .map(|f| ctx.field(f, "", true)),
    );
    Yaml::map()
        .with("name", kind.section())
        .with("label", labels::collection(kind))
        .with("label_singular", kind.label())
        .with("description", labels::collection_description(kind))
        .with("folder", format!("content/{}", kind.section()))
        .with("create", true)
        .with("extension", "md")
        .with("format", "toml-frontmatter")
        // A new record's file is named after its `slug` field, which socnav-cms.js fills
        // from the title in Latin letters when the editor leaves it empty (file names
        // become addresses: a-z, 0-9 and hyphens only).
        .with("slug", "{{fields.slug}}")
        .with("identifier_field", "title")
        .with("summary", "{{title}}")
        .with("editor", Yaml::map().with("preview", false))
        .with("fields", fields)
}

/// The Markdown body below the front matter.
fn body() -> Yaml {
    Yaml::map()
        .with("name", "body")
        .with("label", "Текст для читателя")
        .with("widget", "markdown")
        .with("required", false)
        .with("modes", vec![Yaml::from("raw"), Yaml::from("rich_text")])
        .with(
            "hint",
            "Объяснение простыми словами. Разметка та же, что в файле записи: Markdown.",
        )
}

struct Ctx<'a> {
    kind: Kind,
    dicts: &'a Dictionaries,
}

impl Ctx<'_> {
    /// One form field. `parent_required`: whether the table holding it is required;
    /// a required field of an optional table (`location.lat`) is not required in the
    /// form, since Decap would then demand it even when the table is left empty (the
    /// validator still checks it when the table is there).
    fn field(&self, f: &Field, prefix: &str, parent_required: bool) -> Yaml {
        let path = if prefix.is_empty() {
            f.name.to_string()
        } else {
            format!("{prefix}.{}", f.name)
        };
        let required = parent_required && f.required();
        let label = labels::field(self.kind, &path).unwrap_or(f.name);
        let mut node = Yaml::map().with("name", f.name).with("label", label);
        for (key, value) in self.widget(&f.ty, &path, f.req, required) {
            node = node.with(key, value);
        }
        node = node.with("required", required);
        let hint = hint(f, &path, label);
        if hint.is_empty() {
            node
        } else {
            node.with("hint", hint)
        }
    }

    /// The widget and its settings for a type.
    fn widget(&self, ty: &Ty, path: &str, req: Req, required: bool) -> Vec<(&'static str, Yaml)> {
        let at_least_one = required && req == Req::NonEmpty;
        match ty {
            Ty::Str { max } => {
                let mut w = vec![("widget", Yaml::from("string"))];
                if path == "slug" {
                    w.push((
                        "pattern",
                        pattern(
                            "^[a-z0-9_][a-z0-9_-]{0,99}$",
                            "Только латинские строчные буквы, цифры и дефис, например edinoe-posobie",
                        ),
                    ));
                } else if *max > 0 {
                    w.push((
                        "pattern",
                        pattern(
                            &format!("^.{{0,{max}}}$"),
                            &format!("Не длиннее {max} знаков"),
                        ),
                    ));
                }
                w
            }
            Ty::Text => vec![("widget", "text".into())],
            Ty::Int => vec![
                ("widget", "number".into()),
                ("value_type", "int".into()),
                ("step", Yaml::Int(1)),
            ],
            Ty::Float => vec![
                ("widget", "number".into()),
                ("value_type", "float".into()),
                ("step", Yaml::Float(0.000001)),
            ],
            Ty::Bool => vec![("widget", "boolean".into())],
            Ty::Date => vec![
                ("widget", "datetime".into()),
                ("format", "YYYY-MM-DD".into()),
                ("date_format", "YYYY-MM-DD".into()),
                ("time_format", false.into()),
            ],
            Ty::Url => vec![
                ("widget", "string".into()),
                (
                    "pattern",
                    pattern(
                        "^(https?://|mailto:|tel:)\\S+$",
                        "Полный адрес: https://…, mailto:… или tel:…",
                    ),
                ),
            ],
            Ty::Inn => vec![
                ("widget", "string".into()),
                (
                    "pattern",
                    pattern("^([0-9]{10}|[0-9]{12})$", "ИНН — 10 или 12 цифр"),
                ),
            ],
            Ty::Ogrn => vec![
                ("widget", "string".into()),
                (
                    "pattern",
                    pattern("^([0-9]{13}|[0-9]{15})$", "ОГРН — 13 или 15 цифр"),
                ),
            ],
            Ty::RefOrText(_) | Ty::BundleFile | Ty::Any => vec![("widget", "string".into())],
            Ty::Enum(choices) => select(choices_options(choices), false, false),
            Ty::Ref(kind) => relation(*kind, false, false),
            Ty::Term(dict) => self.term(*dict, false, false),
            Ty::List(inner) => match inner {
                Ty::Enum(choices) => select(choices_options(choices), true, at_least_one),
                Ty::Ref(kind) => relation(*kind, true, at_least_one),
                Ty::Term(dict) => self.term(*dict, true, at_least_one),
                other => {
                    let mut item = Yaml::map()
                        .with("name", "item")
                        .with("label", labels::list_item(path));
                    for (key, value) in self.widget(other, path, Req::Required, true) {
                        item = item.with(key, value);
                    }
                    let mut w = vec![
                        ("widget", Yaml::from("list")),
                        ("collapsed", false.into()),
                        ("field", item),
                    ];
                    if at_least_one {
                        w.push(("min", Yaml::Int(1)));
                    }
                    w
                }
            },
            Ty::Table(sub) => vec![
                ("widget", "object".into()),
                ("collapsed", (!required).into()),
                (
                    "fields",
                    sub.iter()
                        .map(|f| self.field(f, path, required))
                        .collect::<Vec<_>>()
                        .into(),
                ),
            ],
            Ty::TableList(sub) => {
                let summary = if Field::find(sub, "title").is_some() {
                    "{{fields.title}}"
                } else if Field::find(sub, "ref").is_some() && Field::find(sub, "name").is_some() {
                    "{{fields.name}}{{fields.ref}}"
                } else {
                    ""
                };
                let mut w = vec![
                    ("widget", Yaml::from("list")),
                    ("label_singular", labels::table_item(path).into()),
                ];
                if !summary.is_empty() {
                    w.push(("summary", summary.into()));
                }
                // Items exist only once added, so their own required fields stay required.
                w.push((
                    "fields",
                    sub.iter()
                        .map(|f| self.field(f, path, true))
                        .collect::<Vec<_>>()
                        .into(),
                ));
                if at_least_one {
                    w.push(("min", Yaml::Int(1)));
                }
                w
            }
        }
    }

    /// A select of a data/ dictionary's terms (a free string when the dictionary is
    /// empty or missing: a select needs options, and check reports unknown terms).
    fn term(&self, dict: Dict, multiple: bool, at_least_one: bool) -> Vec<(&'static str, Yaml)> {
        let terms = &self.dicts.get(dict).terms;
        if terms.is_empty() {
            return if multiple {
                vec![
                    ("widget", "list".into()),
                    (
                        "field",
                        Yaml::map()
                            .with("name", "item")
                            .with("label", "Ключ")
                            .with("widget", "string"),
                    ),
                ]
            } else {
                vec![("widget", "string".into())]
            };
        }
        let options = terms
            .iter()
            .map(|t| option(&t.title, &t.key))
            .collect::<Vec<_>>();
        select(options, multiple, at_least_one)
    }
}

fn option(label: &str, value: &str) -> Yaml {
    Yaml::map().with("label", label).with("value", value)
}

fn choices_options(choices: &[Choice]) -> Vec<Yaml> {
    choices.iter().map(|c| option(c.label, c.key)).collect()
}

fn select(options: Vec<Yaml>, multiple: bool, at_least_one: bool) -> Vec<(&'static str, Yaml)> {
    let mut w = vec![
        ("widget", Yaml::from("select")),
        ("options", options.into()),
    ];
    if multiple {
        w.push(("multiple", true.into()));
        if at_least_one {
            w.push(("min", Yaml::Int(1)));
        }
    }
    w
}

/// A reference to records of a kind, by slug (the file name).
fn relation(kind: Kind, multiple: bool, at_least_one: bool) -> Vec<(&'static str, Yaml)> {
    let mut w = vec![
        ("widget", Yaml::from("relation")),
        ("collection", kind.section().into()),
        ("value_field", "{{slug}}".into()),
        ("search_fields", vec![Yaml::from("title")].into()),
        ("display_fields", vec![Yaml::from("title")].into()),
        ("multiple", multiple.into()),
    ];
    if multiple && at_least_one {
        w.push(("min", Yaml::Int(1)));
    }
    w
}

fn pattern(regex: &str, message: &str) -> Yaml {
    Yaml::List(vec![regex.into(), message.into()])
}

/// The hint under a field: the schema's Russian text (unless it only repeats the
/// label), when it is required if it is conditional, and what the form adds.
fn hint(f: &Field, path: &str, label: &str) -> String {
    let mut parts = Vec::new();
    let meaning = sentence(f.ru);
    if meaning.trim_end_matches('.').to_lowercase() != label.to_lowercase() {
        parts.push(meaning);
    }
    if let Req::When(condition) = f.req {
        parts.push(sentence(condition));
    }
    if let Some(extra) = labels::form_hint(path) {
        parts.push(extra.to_string());
    }
    parts.join(" ")
}

/// Text with a capital first letter and a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// The dotted paths of a kind's date fields, with `*` for every item of a list, for the
/// script that writes dates as TOML dates.
pub fn date_paths(kind: Kind) -> Vec<Vec<String>> {
    fn walk(fields: &[Field], prefix: &[String], out: &mut Vec<Vec<String>>) {
        for f in fields {
            let mut path = prefix.to_vec();
            path.push(f.name.to_string());
            match &f.ty {
                Ty::Date => out.push(path),
                Ty::List(Ty::Date) => {
                    path.push("*".into());
                    out.push(path);
                }
                Ty::Table(sub) => walk(sub, &path, out),
                Ty::TableList(sub) => {
                    path.push("*".into());
                    walk(sub, &path, out);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(kind.schema(), &[], &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_decides_the_backend() {
        let gh = |r: &str| Backend::GitHub { repo: r.into() };
        for (input, expected) in [
            ("https://github.com/socnav/socnav", gh("socnav/socnav")),
            ("https://github.com/socnav/socnav/", gh("socnav/socnav")),
            ("https://github.com/socnav/socnav.git", gh("socnav/socnav")),
            ("http://www.github.com/a/b/tree/main", gh("a/b")),
            ("github.com/a/b", gh("a/b")),
            ("socnav/socnav", gh("socnav/socnav")),
            ("my-org/site.ru", gh("my-org/site.ru")),
            (
                "https://gitlab.com/group/sub/project/-/tree/main",
                Backend::GitLab {
                    repo: "group/sub/project".into(),
                },
            ),
            ("https://example.org/socnav", Backend::GitGateway),
            ("example.org/socnav", Backend::GitGateway),
            ("https://github.com/only-owner", Backend::GitGateway),
            ("", Backend::GitGateway),
            ("   ", Backend::GitGateway),
        ] {
            assert_eq!(Backend::from_repository(Some(input)), expected, "{input:?}");
        }
        assert_eq!(Backend::from_repository(None), Backend::GitGateway);
    }

    #[test]
    fn every_field_of_every_kind_has_a_russian_label() {
        fn walk(kind: Kind, fields: &[Field], prefix: &str) {
            for f in fields {
                let path = if prefix.is_empty() {
                    f.name.to_string()
                } else {
                    format!("{prefix}.{}", f.name)
                };
                let label = labels::field(kind, &path)
                    .unwrap_or_else(|| panic!("{}: no label for {path}", kind.name()));
                assert!(
                    label
                        .chars()
                        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                    "{path}: label «{label}» is not Russian"
                );
                if let Ty::Table(sub) | Ty::TableList(sub) = &f.ty {
                    walk(kind, sub, &path);
                }
            }
        }
        for kind in Kind::ALL {
            walk(kind, kind.schema(), "");
        }
    }

    #[test]
    fn dates_are_found_at_every_depth() {
        assert_eq!(
            date_paths(Kind::Standard),
            vec![
                vec!["date".to_string()],
                vec!["updated".into()],
                vec!["extra".into(), "adopted".into()],
                vec!["extra".into(), "effective".into()],
                vec!["extra".into(), "discussion_until".into()],
                vec!["extra".into(), "reviewed".into()],
            ]
        );
    }

    #[test]
    fn hints_are_sentences() {
        assert_eq!(sentence("срок решения"), "Срок решения.");
        assert_eq!(sentence("ИНН (10 или 12 цифр)"), "ИНН (10 или 12 цифр).");
        assert_eq!(sentence("Готово."), "Готово.");
        assert_eq!(sentence(""), "");
    }
}
