//! Loading templates: the theme's, overridden by the site's `templates/` of the same name
//! (as in Zola). Tera 2 checks every template when it loads, so a broken template fails
//! the build before any page is rendered, with the template name and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::Tera;

use super::translations::Translations;

/// Template sources by name (`partials/card.html`), with the file each came from.
pub fn collect(
    root: &Path,
    theme: Option<&str>,
) -> Result<BTreeMap<String, (PathBuf, String)>, String> {
    let mut out = BTreeMap::new();
    if let Some(theme) = theme {
        if !crate::model::paths::safe_segment(theme) {
            return Err(format!("недопустимое имя темы «{theme}» в config.toml"));
        }
        let dir = root.join("themes").join(theme).join("templates");
        if !dir.is_dir() {
            return Err(format!("нет папки шаблонов темы: themes/{theme}/templates"));
        }
        read_dir(&dir, &dir, &mut out)?;
    }
    let site = root.join("templates");
    if site.is_dir() {
        read_dir(&site, &site, &mut out)?;
    }
    Ok(out)
}

fn read_dir(
    base: &Path,
    dir: &Path,
    out: &mut BTreeMap<String, (PathBuf, String)>,
) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("не удалось прочитать {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let ft = e.file_type().map_err(|e| e.to_string())?;
        if ft.is_symlink() {
            continue;
        }
        if ft.is_dir() {
            read_dir(base, &path, out)?;
        } else {
            let name = crate::diagnostics::rel_path(base, &path);
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("не удалось прочитать шаблон {}: {e}", path.display()))?;
            out.insert(name, (path, text));
        }
    }
    Ok(())
}

/// Build a Tera instance from the collected templates, with the `trans` function of
/// `translations`. A literal key that no table has fails here, naming the template file.
pub fn load(
    root: &Path,
    theme: Option<&str>,
    translations: &Arc<Translations>,
) -> Result<Tera, String> {
    load_for(root, theme, translations, &translations.default_language)
}

/// `load` for the pages of language `lang`: its words are inlined instead.
pub fn load_for(
    root: &Path,
    theme: Option<&str>,
    translations: &Arc<Translations>,
    lang: &str,
) -> Result<Tera, String> {
    let sources = collect(root, theme)?;
    for (path, text) in sources.values() {
        translations.check_source(text).map_err(|(line, e)| {
            format!(
                "ошибка в шаблоне {}, строка {line}:\n  {e}",
                crate::diagnostics::rel_path(root, path)
            )
        })?;
    }
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".htm", ".xml"]);
    translations.register(&mut tera);
    let list: Vec<(String, String)> = sources
        .iter()
        .map(|(n, (_, t))| (n.clone(), translations.inline_for(t, lang)))
        .collect();
    tera.add_raw_templates(list).map_err(|e| {
        let where_ = sources
            .keys()
            .find(|n| e.to_string().contains(n.as_str()))
            .and_then(|n| sources.get(n))
            .map(|(p, _)| crate::diagnostics::rel_path(root, p))
            .unwrap_or_default();
        format!("ошибка в шаблоне {where_}:\n{}", error_chain(&e))
    })?;
    Ok(tera)
}

/// Whether a template reachable from `roots` (through any string that names another
/// template: `extends`, `include`, `import`) mentions `word` as a whole word. Used to
/// learn, conservatively, whether record pages may show a value such as `count`.
pub fn reach_mentions<'a>(
    sources: &BTreeMap<String, (PathBuf, String)>,
    roots: impl IntoIterator<Item = &'a str>,
    word: &str,
) -> bool {
    let mut seen: std::collections::BTreeSet<&str> = Default::default();
    let mut todo: Vec<&str> = roots.into_iter().collect();
    while let Some(name) = todo.pop() {
        let Some((name, (_, text))) = sources.get_key_value(name) else {
            continue;
        };
        if !seen.insert(name) {
            continue;
        }
        if whole_words(text).any(|w| w == word) {
            return true;
        }
        for quoted in text.split(['"', '\'']).skip(1).step_by(2) {
            todo.push(quoted);
        }
    }
    false
}

/// The templates whose output may change when the templates `changed` do: those, and
/// every template that names one of them (`extends`, `include`, `import`: any quoted
/// string naming a template counts), at any depth.
pub fn reaching(
    sources: &BTreeMap<String, (PathBuf, String)>,
    changed: &[String],
) -> std::collections::BTreeSet<String> {
    // Template → the templates that name it.
    let mut named_by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, (_, text)) in sources {
        for quoted in text.split(['"', '\'']).skip(1).step_by(2) {
            if let Some((target, _)) = sources.get_key_value(quoted) {
                named_by
                    .entry(target.as_str())
                    .or_default()
                    .push(name.as_str());
            }
        }
    }
    let mut out: std::collections::BTreeSet<String> = Default::default();
    let mut todo: Vec<&str> = changed.iter().map(String::as_str).collect();
    while let Some(name) = todo.pop() {
        if out.insert(name.to_string()) {
            todo.extend(named_by.get(name).into_iter().flatten());
        }
    }
    out
}

fn whole_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
}

/// A Tera error with its causes, one per line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str("\n  ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}
