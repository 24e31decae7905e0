//! Stage 1: load. Reads config.toml, the content tree and the data/ dictionaries into
//! memory, with every syntax problem reported as a diagnostic (never a panic, never a
//! silently skipped file).

pub mod data;
pub mod de;
pub mod git;
pub mod tree;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::{rel_path, Diagnostic};
use crate::schema::Kind;
pub use data::{Dictionaries, Dictionary, Term};
pub use tree::{Node, Table, Value};

/// A section (`_index.md`) or a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Section,
    Page,
}

/// One Markdown file of content/.
#[derive(Debug)]
pub struct ContentFile {
    /// Path relative to the site root, `/`-separated: `content/services/x.md`.
    pub rel: String,
    pub text: String,
    pub kind: FileKind,
    /// The record kind, for pages inside one of the four record sections.
    pub record_kind: Option<Kind>,
    /// Section folders under content/ (`["services"]`; empty for the home section).
    pub components: Vec<String>,
    /// The file stem, or the bundle folder name for `slug/index.md`; empty for sections.
    pub file_slug: String,
    /// The page bundle folder, for `slug/index.md` pages.
    pub bundle: Option<PathBuf>,
    /// The parsed front matter; `None` when it had syntax errors (already reported).
    pub front: Option<Node>,
    /// Byte range of the Markdown body in `text`.
    pub body: Range<usize>,
    /// TOML syntax errors; the file stays loaded so that its slug exists for references.
    pub syntax_errors: Vec<Diagnostic>,
}

impl ContentFile {
    pub fn body(&self) -> &str {
        &self.text[self.body.clone()]
    }

    /// A string at a dotted path of the front matter.
    pub fn str_at(&self, path: &str) -> Option<&str> {
        self.front.as_ref()?.path(path)?.as_str()
    }

    /// Where the key at a dotted path of the front matter is written (`extra.reviewed`),
    /// as a byte range of the file's text.
    pub fn key_span(&self, path: &str) -> Option<Range<usize>> {
        let front = self.front.as_ref()?;
        let (table, key) = match path.rsplit_once('.') {
            Some((parent, key)) => (front.path(parent)?, key),
            None => (front, path),
        };
        Some(table.as_table()?.entry(key)?.key_span.clone())
    }
}

/// A non-Markdown file inside content/ (page bundle attachments, images), copied as is.
#[derive(Debug, Clone)]
pub struct ContentAsset {
    pub abs: PathBuf,
    /// Path relative to content/, `/`-separated.
    pub rel: String,
}

/// What a build starts from: the configuration, the dictionaries, and the list of content
/// files (read one by one later, in parallel, so that no file's text stays in memory
/// longer than its own checks need).
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub config: Config,
    /// Markdown files of content/, sorted (translations left out).
    pub paths: Vec<PathBuf>,
    /// Translated pages of the languages in config.toml (`about.en.md`).
    pub translations: Vec<Translation>,
    pub assets: Vec<ContentAsset>,
    pub dicts: Dictionaries,
    /// Problems found while loading the dictionaries.
    pub diags: Vec<Diagnostic>,
}

impl Loaded {
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// What the site model takes from the loaded tree (root, config, attachments and
    /// dictionaries), copied so that the checks can go on reading the original.
    pub fn model_parts(&self) -> Loaded {
        Loaded {
            root: self.root.clone(),
            config: self.config.clone(),
            paths: Vec::new(),
            translations: self.translations.clone(),
            assets: self.assets.clone(),
            dicts: self.dicts.clone(),
            diags: Vec::new(),
        }
    }
}

/// An I/O or configuration problem that stops everything (exit code 2).
#[derive(Debug)]
pub struct Fatal(pub Box<Diagnostic>);

pub fn load(root: &Path) -> Result<Loaded, Fatal> {
    let config = Config::load(root).map_err(Fatal)?;
    let content = root.join("content");
    if !content.is_dir() {
        return Err(Fatal(Box::new(
            Diagnostic::new("io", "content", "нет папки content/")
                .help("запускайте socnav в папке сайта или укажите её через --root"),
        )));
    }
    let mut md = Vec::new();
    let mut assets = Vec::new();
    walk(&content, &content, &mut md, &mut assets).map_err(|e| {
        Fatal(Box::new(Diagnostic::new(
            "io",
            "content",
            format!("не удалось прочитать папку content/: {e}"),
        )))
    })?;
    md.sort();
    let mut diags = Vec::new();
    let mut translations = Vec::new();
    let originals: std::collections::HashSet<PathBuf> = md
        .iter()
        .filter(|p| translation_lang(p, &config.default_language).is_none())
        .cloned()
        .collect();
    md.retain(|p| {
        let Some((lang, original)) = translation_lang(p, &config.default_language) else {
            return true;
        };
        let rel = rel_path(root, p);
        if !config.languages.contains_key(&lang) {
            diags.push(
                Diagnostic::new(
                    "translation",
                    &rel,
                    format!("перевод на язык «{lang}», которого нет в config.toml"),
                )
                .help(format!(
                    "добавьте в config.toml раздел [languages.{lang}] или переименуйте файл"
                )),
            );
        } else if !originals.contains(&original) {
            diags.push(
                Diagnostic::new("translation", &rel, "перевод без оригинала").help(format!(
                    "рядом должна быть запись на основном языке: {}",
                    rel_path(root, &original)
                )),
            );
        } else {
            translations.push(Translation {
                lang,
                path: p.clone(),
                original: rel_path(root, &original),
            });
        }
        false
    });
    assets.sort_by(|a: &ContentAsset, b| a.rel.cmp(&b.rel));
    let (dicts, dict_diags) = data::load(root);
    diags.extend(dict_diags);
    Ok(Loaded {
        root: root.to_path_buf(),
        config,
        paths: md,
        translations,
        assets,
        dicts,
        diags,
    })
}

/// A translated page (`about.en.md`, `slug/index.en.md`) of a language set in
/// config.toml, with its original.
#[derive(Debug, Clone)]
pub struct Translation {
    pub lang: String,
    pub path: PathBuf,
    /// The original's path relative to the site root (`content/about.md`).
    pub original: String,
}

fn walk(
    dir: &Path,
    content: &Path,
    md: &mut Vec<PathBuf>,
    assets: &mut Vec<ContentAsset>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = e.path();
        // Never follow symlinks out of the tree: content is untrusted.
        let ft = e.file_type()?;
        if ft.is_symlink() {
            continue;
        }
        if ft.is_dir() {
            walk(&path, content, md, assets)?;
        } else if name.ends_with(".md") {
            md.push(path);
        } else {
            assets.push(ContentAsset {
                rel: rel_path(content, &path),
                abs: path,
            });
        }
    }
    Ok(())
}

/// ISO 639-1 language codes: `about.en.md` is a translation, `plan.v2.md` is not.
const LANGUAGES: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv \
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie \
    ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk \
    ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se \
    sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo \
    xh yi yo za zh zu";

/// `about.en.md` is a translation: its language and the original's path (`about.md`).
fn translation_lang(path: &Path, default_lang: &str) -> Option<(String, PathBuf)> {
    let stem = path.file_stem()?.to_string_lossy();
    let (name, lang) = stem.rsplit_once('.')?;
    (lang != default_lang && LANGUAGES.split_whitespace().any(|l| l == lang))
        .then(|| (lang.to_string(), path.with_file_name(format!("{name}.md"))))
}

/// The bytes as a `String` if they are UTF-8, else the bytes back. Checked with
/// `simdutf8`: content is mostly Cyrillic, where the standard library's check costs
/// several times more (it was 8% of a build's instructions).
pub fn utf8(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    match simdutf8::basic::from_utf8(&bytes) {
        // SAFETY: simdutf8 has just checked that the bytes are UTF-8.
        Ok(_) => Ok(unsafe { String::from_utf8_unchecked(bytes) }),
        Err(_) => Err(bytes),
    }
}

/// Read and parse one Markdown file of content/. `Err` holds the problems that kept it from
/// loading at all (not UTF-8, no front matter); TOML syntax errors travel in the file.
pub fn read_content_file(
    root: &Path,
    content: &Path,
    path: &Path,
) -> Result<ContentFile, Vec<Diagnostic>> {
    let rel = rel_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::new(
            "io",
            &rel,
            format!("не удалось прочитать файл: {e}"),
        )]
    })?;
    let text = match utf8(bytes) {
        Ok(t) => t,
        Err(bytes) => {
            let e = String::from_utf8(bytes).expect_err("simdutf8 and std agree");
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let d = Diagnostic::new("not-utf8", &rel, "файл не в кодировке UTF-8")
                .help("сохраните файл в кодировке UTF-8 (в редакторе: «Сохранить как» → UTF-8)")
                .at(&lossy, prefix.len()..prefix.len());
            return Err(vec![d]);
        }
    };
    let in_content = path.strip_prefix(content).unwrap_or(path);
    let mut parts: Vec<String> = in_content
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let file_name = parts.pop().unwrap_or_default();
    let (kind, file_slug, bundle) = if file_name == "_index.md" {
        (FileKind::Section, String::new(), None)
    } else if file_name == "index.md" && !parts.is_empty() {
        let slug = parts.pop().unwrap_or_default();
        (FileKind::Page, slug, path.parent().map(Path::to_path_buf))
    } else {
        let slug = file_name.trim_end_matches(".md").to_string();
        (FileKind::Page, slug, None)
    };
    let record_kind = match kind {
        FileKind::Page => parts.first().and_then(|s| Kind::from_section(s)),
        FileKind::Section => None,
    };

    let (fm, body) = split_front_matter(&text).map_err(|d| vec![d_with(&rel, &text, d)])?;
    let (front, syntax_errors) = match tree::parse(&text[fm.clone()], fm.start, &rel, &text) {
        Ok(node) => (Some(node), Vec::new()),
        Err(diags) => (None, diags),
    };
    Ok(ContentFile {
        rel,
        text,
        kind,
        record_kind,
        components: parts,
        file_slug,
        bundle,
        front,
        body,
        syntax_errors,
    })
}

struct SplitError {
    message: &'static str,
    help: &'static str,
    at: usize,
}

fn d_with(rel: &str, text: &str, e: SplitError) -> Diagnostic {
    Diagnostic::new("front-matter", rel, e.message)
        .help(e.help)
        .at(text, e.at..e.at)
}

/// Find the TOML front matter between `+++` lines. Returns the byte ranges of the front
/// matter text and of the body.
fn split_front_matter(text: &str) -> Result<(Range<usize>, Range<usize>), SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n').unwrap_or(rest.len());
    let first = rest[..first_line_end].trim_end();
    if first != "+++" {
        let (message, help) = if first == "---" {
            (
                "заголовок записи в формате YAML (---), а нужен TOML (+++)",
                "замените строки «---» на «+++» и запишите поля в формате TOML: title = \"...\"",
            )
        } else {
            (
                "файл не начинается с заголовка +++",
                "первая строка файла должна быть «+++», затем поля записи и ещё одна строка «+++»",
            )
        };
        return Err(SplitError {
            message,
            help,
            at: start,
        });
    }
    let fm_start = start + first_line_end + 1;
    let mut pos = fm_start.min(text.len());
    loop {
        if pos >= text.len() {
            return Err(SplitError {
                message: "заголовок записи не закрыт строкой +++",
                help: "добавьте строку «+++» после последнего поля записи",
                at: start,
            });
        }
        let line_end = text[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(text.len());
        if text[pos..line_end].trim_end() == "+++" {
            let body_start = (line_end + 1).min(text.len());
            return Ok((fm_start..pos, body_start..text.len()));
        }
        pos = line_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        let t = "+++\ntitle = \"a\"\n+++\nbody\n";
        let (fm, body) = split_front_matter(t).ok().unwrap();
        assert_eq!(&t[fm], "title = \"a\"\n");
        assert_eq!(&t[body], "body\n");
    }

    #[test]
    fn rejects_yaml_and_unclosed() {
        assert!(split_front_matter("---\ntitle: a\n---\n").is_err());
        assert!(split_front_matter("+++\ntitle = \"a\"\n").is_err());
    }

    #[test]
    fn translations_are_recognised() {
        let t = |p: &str| translation_lang(Path::new(p), "ru");
        assert_eq!(
            t("a/about.en.md"),
            Some(("en".to_string(), PathBuf::from("a/about.md")))
        );
        assert_eq!(
            t("a/x/index.de.md"),
            Some(("de".to_string(), PathBuf::from("a/x/index.md")))
        );
        assert_eq!(t("a/about.md"), None);
        assert_eq!(t("a/v1.2.md"), None);
        assert_eq!(t("a/plan.v2.md"), None);
        assert_eq!(t("a/about.ru.md"), None);
    }
}
