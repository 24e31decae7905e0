//! A span-keeping TOML tree.
//!
//! Front matter is parsed with `toml::de::DeTable`, which keeps the byte span of every key
//! and value; this module turns it into an owned tree whose spans are offsets into the
//! whole file, so that even a semantic error points at the exact line and column.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::model::date::Date;

#[derive(Debug, Clone)]
pub struct Node {
    pub span: Range<usize>,
    pub value: Value,
}

#[derive(Debug, Clone)]
pub enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(Date),
    /// A datetime or time that is not a plain date (kept as written).
    OtherTime(String),
    Array(Vec<Node>),
    Table(Table),
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub node: Node,
}

impl Table {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries.iter().find(|e| e.key == key).map(|e| &e.node)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_table(&self) -> Option<&Table> {
        match &self.value {
            Value::Table(t) => Some(t),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_date(&self) -> Option<Date> {
        match &self.value {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// Follow a dotted path of table keys.
    pub fn path(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for part in path.split('.') {
            node = node.as_table()?.get(part)?;
        }
        Some(node)
    }

    /// What an editor would call this value's type.
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            Value::Str(_) => "строка",
            Value::Int(_) => "целое число",
            Value::Float(_) => "дробное число",
            Value::Bool(_) => "true/false",
            Value::Date(_) | Value::OtherTime(_) => "дата",
            Value::Array(_) => "список",
            Value::Table(_) => "таблица",
        }
    }

    /// The value as JSON (tests compare the direct deserialiser with it). Dates become
    /// `YYYY-MM-DD`.
    #[cfg(test)]
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Str(s) => J::String(s.clone()),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f)
                .map(J::Number)
                .unwrap_or(J::Null),
            Value::Bool(b) => J::Bool(*b),
            Value::Date(d) => J::String(d.to_string()),
            Value::OtherTime(s) => J::String(s.clone()),
            Value::Array(a) => J::Array(a.iter().map(Node::to_json).collect()),
            Value::Table(t) => J::Object(
                t.entries
                    .iter()
                    .map(|e| (e.key.clone(), e.node.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Parse TOML `text` that starts at byte `offset` of `file_text`. Returns the tree, or
/// every syntax error found (the parser recovers and goes on).
pub fn parse(
    text: &str,
    offset: usize,
    file_rel: &str,
    file_text: &str,
) -> Result<Node, Vec<Diagnostic>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|e| {
                let span = e
                    .span()
                    .map(|s| s.start + offset..s.end + offset)
                    .unwrap_or(offset..offset);
                Diagnostic::new(
                    "toml-syntax",
                    file_rel,
                    format!("ошибка синтаксиса TOML: {}", e.message().trim_end()),
                )
                .help(
                    "проверьте кавычки, скобки и знак «=» в этой строке; строки берутся в \
                     двойные кавычки, списки — в [ ]",
                )
                .at(file_text, span)
            })
            .collect());
    }
    let span = table.span();
    Ok(Node {
        span: span.start + offset..span.end + offset,
        value: Value::Table(convert_table(table.into_inner(), offset)),
    })
}

fn convert_table(table: DeTable<'_>, offset: usize) -> Table {
    let mut entries: Vec<Entry> = table
        .into_iter()
        .map(|(k, v)| {
            let key_span = k.span();
            Entry {
                key: k.into_inner().into_owned(),
                key_span: key_span.start + offset..key_span.end + offset,
                node: convert(v, offset),
            }
        })
        .collect();
    // Source order, so that messages and JSON follow the file.
    entries.sort_by_key(|e| e.key_span.start);
    Table { entries }
}

fn convert(v: Spanned<DeValue<'_>>, offset: usize) -> Node {
    let span = v.span();
    let span = span.start + offset..span.end + offset;
    let value = match v.into_inner() {
        DeValue::String(s) => Value::Str(s.into_owned()),
        DeValue::Integer(i) => {
            let digits: String = i.as_str().chars().filter(|c| *c != '_').collect();
            match i64::from_str_radix(digits.trim_start_matches('+'), i.radix()) {
                Ok(n) => Value::Int(n),
                Err(_) => Value::Str(i.as_str().to_string()),
            }
        }
        DeValue::Float(f) => Value::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), _) => match Date::new(d.year as i32, d.month as u32, d.day as u32) {
                Some(date) => Value::Date(date),
                None => Value::OtherTime(dt.to_string()),
            },
            _ => Value::OtherTime(dt.to_string()),
        },
        DeValue::Array(a) => Value::Array(a.into_iter().map(|n| convert(n, offset)).collect()),
        DeValue::Table(t) => Value::Table(convert_table(t, offset)),
    };
    Node { span, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_file_offsets() {
        let file = "+++\ntitle = \"x\"\n[extra]\nn = 3\nd = 2026-01-02\n+++\n";
        let fm = &file[4..file.len() - 4];
        let node = parse(fm, 4, "f.md", file).unwrap();
        let title = node.as_table().unwrap().entry("title").unwrap();
        assert_eq!(&file[title.key_span.clone()], "title");
        assert_eq!(
            node.path("extra.n").unwrap().to_json(),
            serde_json::json!(3)
        );
        assert_eq!(
            node.path("extra.d").unwrap().to_json(),
            serde_json::json!("2026-01-02")
        );
    }

    #[test]
    fn reports_every_syntax_error() {
        let fm = "title = \"x\nweight = = 2\n";
        let errs = parse(fm, 0, "f.md", fm).unwrap_err();
        assert!(!errs.is_empty());
        assert!(errs[0].message.starts_with("ошибка синтаксиса TOML"));
    }
}
