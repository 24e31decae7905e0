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

/// The columns of a kind: identity, then the front matter fields that are exported.
fn columns(kind: Kind) -> Vec<(String, &'static Ty)> {
    static STR: Ty = Ty::Str { max: 0 };
    let mut cols: Vec<(String, &'static Ty)> = ["kind", "slug", "url", "title", "description"]
        .iter()
        .map(|c| (c.to_string(), &STR))
        .collect();
    cols.push(("date".into(), &STR));
    cols.push(("updated".into(), &STR));
    for name in ["taxonomies", "extra"] {
        if let Some(f) = Field::find(kind.schema(), name) {
            flatten(name, &f.ty, &mut cols);
        }
    }
    cols
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

fn cell(v: Option<&Value>, ty: &Ty) -> String {
    let Some(v) = v else {
        return String::new();
    };
    match (v, ty) {
        (Value::Null, _) => String::new(),
        (Value::String(s), _) => s.clone(),
        (Value::Array(items), Ty::List(_)) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => s.replace('|', "\\|"),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" | "),
        (other, _) => other.to_string(),
    }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn lookup<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

/// The CSV table of the records of one kind.
pub fn table(kind: Kind, records: &[&Value]) -> String {
    let cols = columns(kind);
    let mut out = String::new();
    let header: Vec<String> = cols.iter().map(|(c, _)| quote(c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    use rayon::prelude::*;
    let rows: Vec<String> = records
        .par_iter()
        .map(|r| {
            let row: Vec<String> = cols
                .iter()
                .map(|(c, ty)| quote(&cell(lookup(r, c), ty)))
                .collect();
            row.join(",")
        })
        .collect();
    for row in rows {
        out.push_str(&row);
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
