//! Schema-driven checks of one file's front matter: unknown and missing keys, types,
//! enum values, references, dictionary terms, URLs, lengths. Driven by `schema`, so a
//! field added there is checked here without new code.

use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::load::{ContentFile, Dictionaries, Node, Table, Value};
use crate::schema::{Dict, Field, Req, Ty};
use crate::validate::rules::{check_inn, check_ogrn, check_url};
use crate::validate::PendingRef;

pub struct FieldCheck<'a> {
    pub file: &'a ContentFile,
    pub dicts: &'a Dictionaries,
    pub diags: Vec<Diagnostic>,
    /// References to other records, checked once every file's slug is known.
    pub refs: Vec<PendingRef>,
}

impl<'a> FieldCheck<'a> {
    fn err(
        &mut self,
        code: &'static str,
        span: std::ops::Range<usize>,
        field: &str,
        msg: String,
        help: String,
    ) {
        let d = Diagnostic::new(code, &self.file.rel, msg)
            .field(field)
            .help(help)
            .at(&self.file.text, span);
        self.diags.push(d);
    }

    /// Check a table against its fields. `span` locates the table for "missing" errors.
    pub fn table(
        &mut self,
        fields: &'static [Field],
        table: &Table,
        prefix: &str,
        span: std::ops::Range<usize>,
    ) {
        let top_level = prefix.is_empty();
        for e in &table.entries {
            let path = join(prefix, &e.key);
            match Field::find(fields, &e.key) {
                Some(field) => self.value(field, &field.ty, &e.node, &path),
                None => {
                    let names = fields.iter().map(|f| f.name);
                    let help = if let Some(s) = did_you_mean(&e.key, names) {
                        format!("возможно, вы имели в виду «{s}»")
                    } else if top_level && self.extra_has(fields, &e.key) {
                        format!(
                            "поле «{}» должно стоять в таблице [extra], а не в начале записи",
                            e.key
                        )
                    } else {
                        format!(
                            "уберите это поле или переименуйте; допустимые поля: {}",
                            fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
                        )
                    };
                    self.err(
                        "unknown-key",
                        e.key_span.clone(),
                        &path,
                        format!("неизвестное поле «{}»", e.key),
                        help,
                    );
                }
            }
        }
        for field in fields {
            if field.required() && table.get(field.name).is_none() {
                let path = join(prefix, field.name);
                let where_ = if top_level {
                    "в заголовок записи".to_string()
                } else {
                    format!("в таблицу [{prefix}]")
                };
                let example = match field.ty {
                    Ty::Table(_) => format!("[{path}]"),
                    Ty::TableList(_) => format!("[[{path}]]"),
                    _ => example_line(field),
                };
                let help = format!("добавьте {where_}: {example} — {}", field.ru);
                let span = if top_level {
                    0..3
                } else {
                    span.start..span.start
                };
                self.err(
                    "missing-key",
                    span,
                    &path,
                    format!("нет обязательного поля «{}»", field.name),
                    help,
                );
            }
        }
    }

    fn extra_has(&self, fields: &'static [Field], key: &str) -> bool {
        match Field::find(fields, "extra").map(|f| &f.ty) {
            Some(Ty::Table(extra)) => Field::find(extra, key).is_some(),
            _ => false,
        }
    }

    fn value(&mut self, field: &'static Field, ty: &'static Ty, node: &Node, path: &str) {
        // An empty string where something is required means "not filled in yet".
        if let Value::Str(s) = &node.value {
            if s.trim().is_empty() && !matches!(ty, Ty::Any) {
                if field.req != Req::Optional || !matches!(ty, Ty::Str { .. } | Ty::Text) {
                    self.err(
                        "empty",
                        node.span.clone(),
                        path,
                        format!("поле «{}» не заполнено", field.name),
                        format!("впишите значение: {}", field.ru),
                    );
                }
                return;
            }
        }
        match ty {
            Ty::Any => {}
            Ty::Str { max } => {
                if let Some(s) = self.expect_str(node, path) {
                    let n = s.chars().count();
                    if *max > 0 && n > *max {
                        self.err(
                            "too-long",
                            node.span.clone(),
                            path,
                            format!(
                                "слишком длинно: {n} {}, можно не больше {max}",
                                crate::diagnostics::plural(n, "знак", "знака", "знаков")
                            ),
                            "сократите до одного короткого предложения; подробности напишите в тексте записи".into(),
                        );
                    }
                }
            }
            Ty::Text | Ty::RefOrText(_) => {
                self.expect_str(node, path);
            }
            Ty::Int => {
                if !matches!(node.value, Value::Int(_)) {
                    self.type_err(node, path, "целое число без кавычек, например 10");
                }
            }
            Ty::Float => {
                if let Value::Float(f) = node.value {
                    if !f.is_finite() {
                        self.type_err(
                            node,
                            path,
                            "обычное число, например 55.44 (не nan и не inf)",
                        );
                    }
                } else if !matches!(node.value, Value::Int(_)) {
                    self.type_err(node, path, "число без кавычек, например 55.44");
                }
            }
            Ty::Bool => {
                if !matches!(node.value, Value::Bool(_)) {
                    self.type_err(node, path, "true или false без кавычек");
                }
            }
            Ty::Date => match &node.value {
                Value::Date(_) => {}
                Value::Str(s) if crate::model::date::Date::parse(s).is_some() => self.err(
                    "type",
                    node.span.clone(),
                    path,
                    "дата записана в кавычках".into(),
                    format!("уберите кавычки: {} = {s}", field.name),
                ),
                _ => self.type_err(
                    node,
                    path,
                    "дата в виде ГГГГ-ММ-ДД без кавычек, например 2026-11-10",
                ),
            },
            Ty::Url => {
                if let Some(s) = self.expect_str(node, path) {
                    if let Err(why) = check_url(s) {
                        self.err("url", node.span.clone(), path, why, "используйте полный адрес, начинающийся с https://, http://, mailto: или tel:".into());
                    }
                }
            }
            Ty::Enum(choices) => {
                if let Some(s) = self.expect_str(node, path) {
                    if !choices.iter().any(|c| c.key == s) {
                        let keys = choices.iter().map(|c| c.key);
                        let help = match did_you_mean(s, keys) {
                            Some(k) => format!("возможно, вы имели в виду «{k}»"),
                            None => format!(
                                "допустимые значения: {}",
                                choices
                                    .iter()
                                    .map(|c| format!("{} ({})", c.key, c.label))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        };
                        self.err(
                            "enum",
                            node.span.clone(),
                            path,
                            format!("недопустимое значение «{s}»"),
                            help,
                        );
                    }
                }
            }
            Ty::Ref(kind) => {
                if let Some(s) = self.expect_str(node, path) {
                    let at = Diagnostic::new("unknown-ref", &self.file.rel, String::new())
                        .field(path)
                        .at(&self.file.text, node.span.clone());
                    self.refs.push(PendingRef {
                        kind: *kind,
                        slug: s.to_string(),
                        at,
                    });
                }
            }
            Ty::Term(dict) => {
                if let Some(s) = self.expect_str(node, path) {
                    self.term(*dict, s, node, path);
                }
            }
            Ty::Inn => {
                if let Some(s) = self.expect_str(node, path) {
                    if let Err(why) = check_inn(s) {
                        self.err("inn", node.span.clone(), path, why, "сверьте ИНН с выпиской ЕГРЮЛ (egrul.nalog.ru); если не уверены, удалите поле".into());
                    }
                }
            }
            Ty::Ogrn => {
                if let Some(s) = self.expect_str(node, path) {
                    if let Err(why) = check_ogrn(s) {
                        self.err("ogrn", node.span.clone(), path, why, "сверьте ОГРН с выпиской ЕГРЮЛ (egrul.nalog.ru); если не уверены, удалите поле".into());
                    }
                }
            }
            Ty::BundleFile => {
                if let Some(s) = self.expect_str(node, path) {
                    self.bundle_file(s, node, path);
                }
            }
            Ty::List(inner) => match &node.value {
                Value::Array(items) => {
                    if items.is_empty() && field.req == Req::NonEmpty {
                        self.err(
                            "empty-list",
                            node.span.clone(),
                            path,
                            format!("список «{}» пуст", field.name),
                            format!("добавьте хотя бы один элемент: {}", field.ru),
                        );
                    }
                    for (i, item) in items.iter().enumerate() {
                        self.value(field, inner, item, &format!("{path}[{i}]"));
                    }
                }
                _ => self.type_err(
                    node,
                    path,
                    "список в квадратных скобках: [\"...\", \"...\"]",
                ),
            },
            Ty::Table(sub) => match &node.value {
                Value::Table(t) => self.table(sub, t, path, node.span.clone()),
                _ => self.type_err(node, path, &format!("таблица [{path}]")),
            },
            Ty::TableList(sub) => match &node.value {
                Value::Array(items) => {
                    if items.is_empty() && field.req == Req::NonEmpty {
                        self.err(
                            "empty-list",
                            node.span.clone(),
                            path,
                            format!("список «{}» пуст", field.name),
                            format!("добавьте хотя бы один элемент [[{path}]]: {}", field.ru),
                        );
                    }
                    for (i, item) in items.iter().enumerate() {
                        let p = format!("{path}[{i}]");
                        match &item.value {
                            Value::Table(t) => self.table(sub, t, &p, item.span.clone()),
                            _ => self.type_err(item, &p, &format!("таблица [[{path}]]")),
                        }
                    }
                }
                _ => self.type_err(node, path, &format!("список таблиц [[{path}]]")),
            },
        }
    }

    fn expect_str<'n>(&mut self, node: &'n Node, path: &str) -> Option<&'n str> {
        match &node.value {
            Value::Str(s) => Some(s),
            _ => {
                self.type_err(node, path, "строка в двойных кавычках");
                None
            }
        }
    }

    fn type_err(&mut self, node: &Node, path: &str, expected: &str) {
        self.err(
            "type",
            node.span.clone(),
            path,
            format!("неверный тип: {}, а нужна {expected}", node.type_name()),
            format!("запишите значение как {expected}"),
        );
    }

    fn term(&mut self, dict: Dict, key: &str, node: &Node, path: &str) {
        let d = self.dicts.get(dict);
        if d.get(key).is_some() {
            return;
        }
        if !d.present || d.broken {
            // Reported once for the whole site by `validate::missing_dictionaries`.
            return;
        }
        let help = match did_you_mean(key, d.keys()) {
            Some(k) => format!("возможно, вы имели в виду «{k}»"),
            None => format!(
                "выберите ключ из {} или добавьте туда термин [{key}] с title",
                dict.file()
            ),
        };
        self.err(
            "unknown-term",
            node.span.clone(),
            path,
            format!("«{key}» нет в словаре {}", dict.file()),
            help,
        );
    }

    fn bundle_file(&mut self, name: &str, node: &Node, path: &str) {
        let Some(bundle) = &self.file.bundle else {
            self.err(
                "bundle",
                node.span.clone(),
                path,
                "файлы можно прикладывать только к записи-папке".into(),
                "сделайте из записи папку: <slug>/index.md, и положите файл рядом с index.md"
                    .into(),
            );
            return;
        };
        if !crate::model::paths::safe_segment(name) {
            self.err(
                "bundle",
                node.span.clone(),
                path,
                format!("недопустимое имя файла «{name}»"),
                "укажите только имя файла рядом с index.md, латиницей, без папок".into(),
            );
        } else if !bundle.join(name).is_file() {
            self.err(
                "bundle",
                node.span.clone(),
                path,
                format!("файла «{name}» нет в папке записи"),
                "положите файл рядом с index.md или исправьте имя".into(),
            );
        }
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// A one-line example of a field for "add this" hints.
pub fn example_line(field: &Field) -> String {
    let v = match &field.ty {
        Ty::Str { .. }
        | Ty::Text
        | Ty::RefOrText(_)
        | Ty::Url
        | Ty::Inn
        | Ty::Ogrn
        | Ty::BundleFile => "\"...\"".to_string(),
        Ty::Int => "0".into(),
        Ty::Float => "0.0".into(),
        Ty::Bool => "false".into(),
        Ty::Date => "2026-01-31".into(),
        Ty::Enum(c) => format!("\"{}\"", c.first().map(|c| c.key).unwrap_or("")),
        Ty::Ref(_) | Ty::Term(_) => "\"...\"".into(),
        Ty::List(_) => "[\"...\"]".into(),
        Ty::Table(_) => return format!("[{}]", field.name),
        Ty::TableList(_) => return format!("[[{}]]", field.name),
        Ty::Any => "{}".into(),
    };
    format!("{} = {v}", field.name)
}
