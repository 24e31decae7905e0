//! The data/ dictionaries: documents, categories, audiences and regions.
//!
//! Each is a TOML file of `[key]` tables with a `title` and optional notes. A term in front
//! matter is the key; citizens see the title.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::load::tree::{self, Node, Value};
use crate::schema::Dict;

#[derive(Debug, Clone, serde::Serialize)]
pub struct Term {
    pub key: String,
    pub title: String,
    pub description: Option<String>,
    pub how_to_get: Option<String>,
    pub okato: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Dictionary {
    /// Terms in file order.
    pub terms: Vec<Term>,
    index: HashMap<String, usize>,
    /// Whether the file exists at all.
    pub present: bool,
    /// The file exists but could not be read (its errors are reported once).
    pub broken: bool,
}

impl Dictionary {
    pub fn get(&self, key: &str) -> Option<&Term> {
        self.index.get(key).map(|&i| &self.terms[i])
    }

    /// The title citizens see for a term key.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.get(key).map(|t| t.title.as_str())
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.key.as_str())
    }

    pub fn from_terms(terms: Vec<Term>) -> Dictionary {
        let index = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.key.clone(), i))
            .collect();
        Dictionary {
            terms,
            index,
            present: true,
            broken: false,
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct Dictionaries {
    pub categories: Dictionary,
    pub audiences: Dictionary,
    pub regions: Dictionary,
    pub documents: Dictionary,
}

impl Dictionaries {
    pub fn get(&self, dict: Dict) -> &Dictionary {
        match dict {
            Dict::Categories => &self.categories,
            Dict::Audiences => &self.audiences,
            Dict::Regions => &self.regions,
            Dict::Documents => &self.documents,
        }
    }
}

const ALLOWED: &[&str] = &["title", "description", "how_to_get", "okato"];

pub fn load(root: &Path) -> (Dictionaries, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut load_one = |dict: Dict| -> Dictionary {
        let rel = dict.file();
        let path = root.join(rel);
        // Never follow a symlink out of the site (its content would be echoed in errors).
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            diags.push(
                Diagnostic::new("symlink", rel, "словарь — символическая ссылка")
                    .help("положите в data/ обычный файл, а не ссылку на файл в другом месте"),
            );
            return Dictionary {
                present: true,
                broken: true,
                ..Dictionary::default()
            };
        }
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    diags.push(
                        Diagnostic::new("not-utf8", rel, "файл не в кодировке UTF-8")
                            .help("сохраните файл в кодировке UTF-8"),
                    );
                    return Dictionary::default();
                }
            },
            Err(_) => return Dictionary::default(),
        };
        let node = match tree::parse(&text, 0, rel, &text) {
            Ok(n) => n,
            Err(mut d) => {
                diags.append(&mut d);
                // Unreadable: do not also report every term used as unknown.
                return Dictionary {
                    present: true,
                    broken: true,
                    ..Dictionary::default()
                };
            }
        };
        let mut terms = Vec::new();
        for entry in &node
            .as_table()
            .map(|t| t.entries.clone())
            .unwrap_or_default()
        {
            let Some(table) = entry.node.as_table() else {
                diags.push(
                    Diagnostic::new(
                        "dictionary",
                        rel,
                        format!("«{}» должен быть таблицей [{}]", entry.key, entry.key),
                    )
                    .field(entry.key.clone())
                    .help(format!(
                        "запишите так:\n[{}]\ntitle = \"Название\"",
                        entry.key
                    ))
                    .at(&text, entry.key_span.clone()),
                );
                continue;
            };
            for e in &table.entries {
                if !ALLOWED.contains(&e.key.as_str()) {
                    let mut d = Diagnostic::new(
                        "unknown-key",
                        rel,
                        format!("неизвестное поле «{}»", e.key),
                    )
                    .field(format!("{}.{}", entry.key, e.key))
                    .at(&text, e.key_span.clone());
                    d = match did_you_mean(&e.key, ALLOWED.iter().copied()) {
                        Some(s) => d.help(format!("возможно, вы имели в виду «{s}»")),
                        None => d.help(format!("допустимые поля: {}", ALLOWED.join(", "))),
                    };
                    diags.push(d);
                }
            }
            let mut string = |k: &str| -> Option<String> {
                let n: &Node = table.get(k)?;
                match &n.value {
                    Value::Str(s) => Some(s.clone()),
                    _ => {
                        diags.push(
                            Diagnostic::new(
                                "type",
                                rel,
                                format!("поле «{k}» должно быть строкой в кавычках"),
                            )
                            .field(format!("{}.{k}", entry.key))
                            .at(&text, n.span.clone()),
                        );
                        None
                    }
                }
            };
            let title = string("title");
            let description = string("description");
            let how_to_get = string("how_to_get");
            let okato = string("okato");
            let title = match title {
                Some(t) if !t.trim().is_empty() => t,
                _ => {
                    diags.push(
                        Diagnostic::new(
                            "missing-key",
                            rel,
                            format!("у термина «{}» нет названия", entry.key),
                        )
                        .field(format!("{}.title", entry.key))
                        .help("добавьте title = \"Название для посетителей\"")
                        .at(&text, entry.key_span.clone()),
                    );
                    entry.key.clone()
                }
            };
            terms.push(Term {
                key: entry.key.clone(),
                title,
                description,
                how_to_get,
                okato,
            });
        }
        Dictionary::from_terms(terms)
    };
    let dicts = Dictionaries {
        categories: load_one(Dict::Categories),
        audiences: load_one(Dict::Audiences),
        regions: load_one(Dict::Regions),
        documents: load_one(Dict::Documents),
    };
    (dicts, diags)
}
