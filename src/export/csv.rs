//! One CSV table per kind (RFC 4180: comma-separated, fields with a comma, quote or line
//! break in double quotes, quotes doubled, CRLF line ends; UTF-8 without a byte-order
//! mark). Columns follow the kind's field table, nested keys joined with dots
//! (`extra.apply.where`). List fields are joined predictably:
//!
//! - a list of values: items joined with ` | ` (a `|` inside an item is written `\|`);
//! - a list of tables (documents, steps, legal acts): the JSON array of the items, so
//!   no part of an item is lost.

use serde_json::Value;

use crate::schema::{Field, Kind, Ty};

/// The columns of one kind's table, worked out once per build.
pub struct Columns {
    /// Each column: its dotted name, the name split into keys, and the field's type.
    cols: Vec<(String, Vec<String>, &'static Ty)>,
}

impl Columns {
    /// The columns of a kind: identity, then the front matter fields that are exported.
    pub fn of(kind: Kind) -> Columns {
        static STR: Ty = Ty::Str { max: 0 };
        let mut named: Vec<(String, &'static Ty)> = [
            "kind",
            "slug",
            "url",
            "title",
            "description",
            "date",
            "updated",
        ]
        .iter()
        .map(|c| (c.to_string(), &STR))
        .collect();
        for name in ["taxonomies", "extra"] {
            if let Some(f) = Field::find(kind.schema(), name) {
                flatten(name, &f.ty, &mut named);
            }
        }
        let cols = named
            .into_iter()
            .map(|(name, ty)| {
                let keys = name.split('.').map(str::to_string).collect();
                (name, keys, ty)
            })
            .collect();
        Columns { cols }
    }

    /// The header line, with its CRLF.
    pub fn header(&self) -> String {
        let mut out = String::new();
        for (i, (name, _, _)) in self.cols.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_quoted(&mut out, name);
        }
        out.push_str("\r\n");
        out
    }

    /// One record's line, with its CRLF.
    pub fn row(&self, record: &Value) -> String {
        let mut out = String::with_capacity(1024);
        for (i, (_, keys, ty)) in self.cols.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let v = keys.iter().try_fold(record, |v, k| v.get(k.as_str()));
            push_cell(&mut out, v, ty);
        }
        out.push_str("\r\n");
        out
    }
}

fn flatten(prefix: &str, ty: &'static Ty, cols: &mut Vec<(String, &'static Ty)>) {
    match ty {
        Ty::Table(fields) => {
            for f in *fields {
                flatten(&format!("{prefix}.{}", f.name), &f.ty, cols);
            }
        }
        other => cols.push((prefix.to_string(), other)),
    }
}

/// One cell, quoted as needed.
fn push_cell(out: &mut String, v: Option<&Value>, ty: &Ty) {
    match (v, ty) {
        (None | Some(Value::Null), _) => {}
        (Some(Value::String(s)), _) => push_quoted(out, s),
        (Some(Value::Array(items)), Ty::List(_)) => {
            let joined = items
                .iter()
                .map(|i| match i {
                    Value::String(s) => s.replace('|', "\\|"),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" | ");
            push_quoted(out, &joined)
        }
        (Some(other), _) => push_quoted(out, &other.to_string()),
    }
}

/// A field as RFC 4180 writes it: in double quotes, with quotes doubled, when it holds a
/// comma, a quote or a line break.
pub(crate) fn push_quoted(out: &mut String, field: &str) {
    // Bytes, not chars: the four are ASCII, and decoding Cyrillic costs.
    if field
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        out.push('"');
        for part in field.split_inclusive('"') {
            out.push_str(part);
            if part.ends_with('"') {
                out.push('"');
            }
        }
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(field: &str) -> String {
        let mut out = String::new();
        push_quoted(&mut out, field);
        out
    }

    fn cell(v: Option<&Value>, ty: &Ty) -> String {
        let mut out = String::new();
        push_cell(&mut out, v, ty);
        out
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_asks() {
        assert_eq!(quote("просто"), "просто");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("он сказал \"да\""), "\"он сказал \"\"да\"\"\"");
        assert_eq!(quote("две\nстроки"), "\"две\nстроки\"");
    }

    #[test]
    fn lists_join_with_escaped_bars() {
        static T: Ty = Ty::List(&Ty::Str { max: 0 });
        let v = serde_json::json!(["паспорт", "СНИЛС | ИНН"]);
        assert_eq!(cell(Some(&v), &T), "паспорт | СНИЛС \\| ИНН");
        let q = serde_json::json!(["a,b"]);
        assert_eq!(cell(Some(&q), &T), "\"a,b\"");
    }
}
