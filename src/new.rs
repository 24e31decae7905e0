//! `socnav new KIND SLUG`: a new record with every field of its kind, commented in
//! Russian, generated from the schema. Required fields are left empty so that `check`
//! reports the record as incomplete until an editor fills them in; optional fields are
//! present as commented-out lines.

use std::path::{Path, PathBuf};

use crate::model::paths::good_slug;
use crate::schema::{Field, Kind, Req, Ty};

/// The text of a new record of `kind`.
pub fn scaffold(kind: Kind) -> String {
    let mut out = String::from("+++\n");
    out.push_str(&format!(
        "# Новая запись: {}. Заполните поля, затем запустите `socnav check`.\n# Строки с «#» — подсказки; уберите «#», чтобы включить необязательное поле.\n\n",
        kind.label().to_lowercase()
    ));
    emit(&mut out, kind.schema(), "", false);
    out.push_str("+++\n\nЗдесь — понятное объяснение простыми словами: что это, кому и зачем.\n");
    out
}

fn emit(out: &mut String, fields: &'static [Field], path: &str, commented: bool) {
    emit_inner(out, fields, path, commented, false)
}

/// `list_item`: the fields of one `[[table]]` entry, where the first alternative
/// (`ref` of a document) is written active so that the entry is not empty.
fn emit_inner(
    out: &mut String,
    fields: &'static [Field],
    path: &str,
    commented: bool,
    list_item: bool,
) {
    let first_alternative = fields.iter().position(|f| matches!(f.req, Req::When(_)));
    // Plain keys first: TOML puts a table's own keys before its subtables.
    for (i, f) in fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !matches!(f.ty, Ty::Table(_) | Ty::TableList(_)))
    {
        comment(out, f);
        let active = f.required() || (list_item && Some(i) == first_alternative);
        let off = commented || !active;
        let prefix = if off { "# " } else { "" };
        out.push_str(&format!("{prefix}{} = {}\n", f.name, placeholder(f)));
    }
    for f in fields {
        let full = if path.is_empty() {
            f.name.to_string()
        } else {
            format!("{path}.{}", f.name)
        };
        match &f.ty {
            Ty::Table(sub) => {
                let off = commented || !f.required();
                out.push('\n');
                comment(out, f);
                out.push_str(&format!("{}[{full}]\n", if off { "# " } else { "" }));
                emit_inner(out, sub, &full, off, false);
            }
            Ty::TableList(sub) => {
                let off = commented || !f.required();
                out.push('\n');
                comment(out, f);
                out.push_str(&format!("{}[[{full}]]\n", if off { "# " } else { "" }));
                emit_inner(out, sub, &full, off, true);
            }
            _ => {}
        }
    }
}

fn comment(out: &mut String, f: &Field) {
    let req = match f.req {
        Req::Required => " (обязательно)".to_string(),
        Req::NonEmpty => " (обязательно, хотя бы одно значение)".to_string(),
        Req::Optional => " (необязательно)".to_string(),
        Req::When(w) => format!(" ({w})"),
    };
    let mut line = format!("# {}{req}", capitalise(f.ru));
    let values = match &f.ty {
        Ty::Enum(c) | Ty::List(Ty::Enum(c)) => Some(c),
        _ => None,
    };
    if let Some(c) = values {
        line.push_str(". Значения: ");
        line.push_str(
            &c.iter()
                .map(|c| format!("{} — {}", c.key, c.label.to_lowercase()))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    out.push_str(&line);
    out.push('\n');
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// What an empty field looks like in a new record.
fn placeholder(f: &Field) -> String {
    let optional = !f.required() && !matches!(f.req, Req::When(_));
    match &f.ty {
        Ty::List(_) => "[]".into(),
        Ty::Int if optional => "0".into(),
        Ty::Float if optional => "0.0".into(),
        Ty::Bool => "false".into(),
        Ty::Date if optional => "2026-01-31".into(),
        _ => "\"\"".into(),
    }
}

#[derive(Debug)]
pub struct NewError(pub String);

/// Write `content/<section>/<slug>.md`. Returns the path written.
pub fn create(root: &Path, kind: Kind, slug: &str) -> Result<PathBuf, NewError> {
    if !good_slug(slug) {
        return Err(NewError(format!(
            "недопустимое имя «{slug}»: используйте латинские строчные буквы, цифры и дефис, например edinoe-posobie"
        )));
    }
    if !root.join("content").is_dir() {
        return Err(NewError(format!(
            "в {} нет папки content/: запускайте socnav new в папке сайта или укажите --root",
            root.display()
        )));
    }
    let dir = root.join("content").join(kind.section());
    let file = dir.join(format!("{slug}.md"));
    if file.exists() || dir.join(slug).join("index.md").exists() {
        return Err(NewError(format!(
            "запись {} уже есть",
            crate::diagnostics::rel_path(root, &file)
        )));
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| NewError(format!("не удалось создать {}: {e}", dir.display())))?;
    std::fs::write(&file, scaffold(kind))
        .map_err(|e| NewError(format!("не удалось записать {}: {e}", file.display())))?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(fields: &[Field], out: &mut Vec<&'static str>) {
        for f in fields {
            out.push(f.name);
            if let Ty::Table(sub) | Ty::TableList(sub) = &f.ty {
                names(sub, out);
            }
        }
    }

    #[test]
    fn scaffolds_are_valid_toml_with_every_field() {
        for kind in Kind::ALL {
            let text = scaffold(kind);
            let fm = text.split("+++").nth(1).unwrap();
            let parsed: toml::Table =
                toml::from_str(fm).unwrap_or_else(|e| panic!("{}: {e}\n{fm}", kind.name()));
            assert!(parsed.contains_key("extra"), "{}", kind.name());
            let mut all = Vec::new();
            names(kind.schema(), &mut all);
            for name in all {
                let present = fm.lines().any(|l| {
                    let l = l.trim_start_matches("# ").trim();
                    l.starts_with(&format!("{name} ="))
                        || l.contains(&format!(".{name}]"))
                        || l == format!("[{name}]")
                });
                assert!(
                    present,
                    "{}: field {name} missing from scaffold:\n{fm}",
                    kind.name()
                );
            }
        }
    }
}
