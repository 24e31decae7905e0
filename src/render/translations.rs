//! Interface strings by language, and the `trans(key, lang)` template function (as in Zola).
//!
//! The theme ships one flat table per language, `themes/<theme>/translations/<lang>.toml`
//! (`service_eligibility = "Кто может получить"`). The site overrides single keys in
//! config.toml: `[translations]` for the default language, `[languages.<lang>.translations]`
//! for any other. A key the template asks for that no table has, or a language with no
//! table at all, is a build error: a page never shows an empty string in its place.
//! Template keys written as literals are checked when the templates load, so a typo fails
//! the build even in a template no page uses yet.

pub mod labels;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use tera::{Kwargs, State, Tera};

use crate::config::Config;

/// The interface strings of every language the theme or the site has.
#[derive(Debug, Default)]
pub struct Translations {
    pub(crate) default_language: String,
    /// Language → key → text.
    tables: FxHashMap<String, FxHashMap<String, String>>,
    /// Where a language's strings can be added, for error messages.
    theme_dir: Option<String>,
}

impl Translations {
    /// The theme's tables with the site's overrides on top.
    pub fn load(root: &Path, config: &Config) -> Result<Translations, String> {
        let mut tables: FxHashMap<String, FxHashMap<String, String>> = FxHashMap::default();
        let mut theme_dir = None;
        if let Some(theme) = config.theme.as_deref() {
            if !crate::model::paths::safe_segment(theme) {
                return Err(format!("недопустимое имя темы «{theme}» в config.toml"));
            }
            let rel = format!("themes/{theme}/translations");
            let dir = root.join(&rel);
            if dir.is_dir() {
                read_tables(&dir, &rel, &mut tables)?;
            }
            theme_dir = Some(rel);
        }
        let overrides = config
            .languages
            .iter()
            .map(|(lang, l)| (lang, &l.translations))
            .chain(std::iter::once((
                &config.default_language,
                &config.translations,
            )));
        for (lang, strings) in overrides {
            let table = tables.entry(lang.clone()).or_default();
            for (key, text) in strings {
                table.insert(key.clone(), text.clone());
            }
        }
        tables.retain(|_, t| !t.is_empty());
        Ok(Translations {
            default_language: config.default_language.clone(),
            tables,
            theme_dir,
        })
    }

    /// The text of `key` in `lang`, or why there is none (in Russian, for the build log).
    pub fn get(&self, key: &str, lang: &str) -> Result<&str, String> {
        let Some(table) = self.tables.get(lang) else {
            return Err(format!(
                "нет таблицы переводов для языка «{lang}»: добавьте {} или [languages.{lang}.translations] в config.toml",
                self.where_(lang)
            ));
        };
        table.get(key).map(String::as_str).ok_or_else(|| {
            let section = if lang == self.default_language {
                "[translations]".to_string()
            } else {
                format!("[languages.{lang}.translations]")
            };
            format!(
                "нет перевода «{key}» для языка «{lang}»: добавьте его в {} или в {section} в config.toml",
                self.where_(lang)
            )
        })
    }

    fn where_(&self, lang: &str) -> String {
        match &self.theme_dir {
            Some(dir) => format!("{dir}/{lang}.toml"),
            None => format!("translations/{lang}.toml темы"),
        }
    }

    /// Register `trans(key, lang)` on `tera`; `lang` defaults to the default language.
    pub fn register(self: &Arc<Self>, tera: &mut Tera) {
        let tr = Arc::clone(self);
        tera.register_function(
            "trans",
            move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
                let key = kwargs.must_get::<&str>("key")?;
                let lang = kwargs
                    .get::<&str>("lang")?
                    .unwrap_or(tr.default_language.as_str());
                tr.get(key, lang)
                    .map(str::to_owned)
                    .map_err(tera::Error::message)
            },
        );
    }

    /// A template source with each `trans(key="…", lang=lang)` call replaced by its text
    /// in the default language, as a string literal: every page is rendered in the default
    /// language (`lang` is a global), so the lookup is done once here instead of on every
    /// page. A template that sets `lang` itself, or a text no literal can quote, keeps its
    /// calls.
    pub fn inline(&self, source: &str) -> String {
        self.inline_for(source, &self.default_language)
    }

    /// `inline` for the pages of language `lang` (translated records).
    pub fn inline_for(&self, source: &str, lang: &str) -> String {
        const CALL: &str = "trans(key=\"";
        const TAIL: &str = "\", lang=lang)";
        if source.contains("set lang") {
            return source.to_string();
        }
        let mut out = String::with_capacity(source.len());
        let mut rest = source;
        while let Some(at) = rest.find(CALL) {
            let (before, from) = rest.split_at(at);
            out.push_str(before);
            let call = from[CALL.len()..]
                .find(TAIL)
                .map(|end| {
                    (
                        &from[CALL.len()..CALL.len() + end],
                        CALL.len() + end + TAIL.len(),
                    )
                })
                .filter(|(key, _)| !key.contains(['"', '\n']));
            let literal = call.and_then(|(key, len)| {
                let text = self.get(key, lang).ok()?;
                let quote = ['"', '\'', '`'].into_iter().find(|q| !text.contains(*q))?;
                Some((format!("{quote}{text}{quote}"), len))
            });
            // Inside a `{# #}` comment the call is left as written.
            let in_comment = out
                .rfind("{#")
                .is_some_and(|o| out.rfind("#}").is_none_or(|c| c < o));
            match literal {
                Some((lit, len)) if !in_comment => {
                    out.push_str(&lit);
                    rest = &from[len..];
                }
                _ => {
                    out.push_str(&from[..CALL.len()]);
                    rest = &from[CALL.len()..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Check the literal keys of every `trans(key="…")` call in a template's source (in
    /// the call's literal `lang`, else the default language). Returns the first missing
    /// one with its line.
    pub fn check_source(&self, source: &str) -> Result<(), (usize, String)> {
        for call in trans_calls(source) {
            let lang = call.lang.unwrap_or(&self.default_language);
            self.get(call.key, lang).map_err(|e| (call.line, e))?;
        }
        Ok(())
    }
}

/// Read every `<lang>.toml` of a translations folder.
fn read_tables(
    dir: &Path,
    rel: &str,
    tables: &mut FxHashMap<String, FxHashMap<String, String>>,
) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("не удалось прочитать {rel}: {e}"))?
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        if !e.file_type().is_ok_and(|t| t.is_file())
            || path.extension().and_then(|x| x.to_str()) != Some("toml")
        {
            continue;
        }
        let Some(lang) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let file = format!("{rel}/{lang}.toml");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("не удалось прочитать {file}: {e}"))?;
        let table: BTreeMap<String, toml::Value> =
            toml::from_str(&text).map_err(|e| format!("ошибка в {file}: {e}"))?;
        let mut strings = FxHashMap::default();
        for (key, value) in table {
            let toml::Value::String(s) = value else {
                return Err(format!(
                    "ошибка в {file}: значение «{key}» должно быть строкой"
                ));
            };
            strings.insert(key, s);
        }
        tables.insert(lang.to_string(), strings);
    }
    Ok(())
}

/// A `trans(...)` call whose key is a string literal.
#[derive(Debug, PartialEq, Eq)]
pub struct TransCall<'a> {
    pub key: &'a str,
    pub lang: Option<&'a str>,
    /// 1-based line of the call.
    pub line: usize,
}

/// The `trans(...)` calls of a template source with a literal `key`, outside `{# #}`
/// comments. A `lang` that is not a literal (`lang=lang`) is None.
pub fn trans_calls(source: &str) -> Vec<TransCall<'_>> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(found) = source[rest..].find("trans(") {
        let at = rest + found;
        rest = at + "trans(".len();
        let before = &source[..at];
        // Inside a comment: an opening `{#` after the last closing `#}`.
        if before
            .rfind("{#")
            .is_some_and(|o| before.rfind("#}").is_none_or(|c| c < o))
        {
            continue;
        }
        if before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let args = call_args(&source[rest..]);
        let Some(key) = literal_arg(args, "key") else {
            continue;
        };
        out.push(TransCall {
            key,
            lang: literal_arg(args, "lang"),
            line: before.matches('\n').count() + 1,
        });
    }
    out
}

/// The text up to the call's closing parenthesis (not one inside a string literal).
fn call_args(s: &str) -> &str {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, ')') => return &s[..i],
            _ => {}
        }
    }
    s
}

/// The value of `name="literal"` among keyword arguments.
fn literal_arg<'a>(args: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(found) = args[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let boundary = args[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = args[from..].trim_start();
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        if !boundary {
            continue;
        }
        let value = value.trim_start();
        let q = value.chars().next()?;
        if !matches!(q, '"' | '\'' | '`') {
            return None;
        }
        return value[1..].find(q).map(|end| &value[1..1 + end]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(tables: &[(&str, &[(&str, &str)])]) -> Translations {
        Translations {
            default_language: "ru".into(),
            tables: tables
                .iter()
                .map(|(l, t)| {
                    (
                        l.to_string(),
                        t.iter()
                            .map(|(k, v)| (k.to_string(), v.to_string()))
                            .collect(),
                    )
                })
                .collect(),
            theme_dir: Some("themes/navigator/translations".into()),
        }
    }

    #[test]
    fn inlines_default_language_calls_as_literals() {
        let t = tr(&[(
            "ru",
            &[
                ("a", "Кто может получить"),
                ("q", "Он сказал \"да\""),
                ("all", "\"'`"),
            ],
        )]);
        let src =
            "{# {{ trans(key=\"a\", lang=lang) }} #}<h2>{{ trans(key=\"a\", lang=lang) }}</h2>\
                   {{ trans(key=\"q\", lang=lang) | upper }}{{ trans(key=\"all\", lang=lang) }}\
                   {{ trans(key=\"a\", lang=\"en\") }}";
        assert_eq!(
            t.inline(src),
            "{# {{ trans(key=\"a\", lang=lang) }} #}<h2>{{ \"Кто может получить\" }}</h2>\
             {{ 'Он сказал \"да\"' | upper }}{{ trans(key=\"all\", lang=lang) }}\
             {{ trans(key=\"a\", lang=\"en\") }}"
        );
        // A template that sets its own language keeps its calls.
        let own = "{% set lang = \"en\" %}{{ trans(key=\"a\", lang=lang) }}";
        assert_eq!(t.inline(own), own);
    }

    #[test]
    fn finds_literal_keys_outside_comments() {
        let src = "{# trans(key=\"in_comment\") #}\n<p>{{ trans(key=\"a\", lang=lang) }}</p>\n\
                   {{ trans(lang=\"en\", key='b') }} {{ mytrans(key=\"c\") }} {{ trans(key=k) }}";
        let calls = trans_calls(src);
        assert_eq!(
            calls,
            vec![
                TransCall {
                    key: "a",
                    lang: None,
                    line: 2
                },
                TransCall {
                    key: "b",
                    lang: Some("en"),
                    line: 3
                },
            ]
        );
    }

    #[test]
    fn a_missing_key_or_language_names_itself() {
        let t = tr(&[("ru", &[("a", "А")]), ("en", &[("a", "A")])]);
        assert_eq!(t.get("a", "ru").unwrap(), "А");
        assert_eq!(t.get("a", "en").unwrap(), "A");
        let e = t.get("b", "en").unwrap_err();
        assert!(
            e.contains("«b»") && e.contains("«en»") && e.contains("[languages.en.translations]"),
            "{e}"
        );
        let e = t.get("b", "ru").unwrap_err();
        assert!(
            e.contains("[translations]") && e.contains("themes/navigator/translations/ru.toml"),
            "{e}"
        );
        let e = t.get("a", "de").unwrap_err();
        assert!(e.contains("нет таблицы переводов для языка «de»"), "{e}");
        assert_eq!(
            t.check_source("\n{{ trans(key=\"zzz\", lang=lang) }}")
                .unwrap_err()
                .0,
            2
        );
        assert!(t
            .check_source("{{ trans(key=\"a\", lang=\"en\") }}")
            .is_ok());
    }

    #[test]
    fn site_overrides_win_over_the_theme() {
        let dir = tempfile::tempdir().unwrap();
        let tdir = dir.path().join("themes/t/translations");
        std::fs::create_dir_all(&tdir).unwrap();
        std::fs::write(tdir.join("ru.toml"), "a = \"тема\"\nb = \"тема б\"\n").unwrap();
        std::fs::write(tdir.join("en.toml"), "a = \"theme\"\n").unwrap();
        let config: Config = toml::from_str(
            "theme = \"t\"\n[translations]\na = \"сайт\"\n\
             [languages.en]\ntitle = \"Navigator\"\n[languages.en.translations]\na = \"site\"\n",
        )
        .unwrap();
        let t = Translations::load(dir.path(), &config).unwrap();
        assert_eq!(t.get("a", "ru").unwrap(), "сайт");
        assert_eq!(t.get("b", "ru").unwrap(), "тема б");
        assert_eq!(t.get("a", "en").unwrap(), "site");

        std::fs::write(tdir.join("en.toml"), "a = 1\n").unwrap();
        let e = Translations::load(dir.path(), &config).unwrap_err();
        assert!(e.contains("en.toml") && e.contains("«a»"), "{e}");
    }
}
