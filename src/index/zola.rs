//! Zola's search index, for themes written for Zola: with `build_search_index = true`,
//! `search_index.<lang>.json`, plus `search_index.<lang>.js` (`window.searchIndex = …`)
//! when `[search] index_format` asks for a JavaScript file (Zola's default). elasticlunr
//! formats use elasticlunr-rs with its Russian pipeline, as Zola does; fuse formats write
//! the plain document list Fuse.js searches.
//!
//! Documents: every page and section with `in_search_index` (the default), referenced by
//! permalink, with the fields `[search]` includes: title, description, path, body (the
//! Markdown body as plain text, cut to `truncate_content_length` characters).

use elasticlunr::{Index, IndexBuilder};
use pulldown_cmark::{Event, Parser};

use crate::config::{IndexFormat, SearchConfig};
use crate::model::Site;

/// One document as Zola would index it.
struct Doc {
    permalink: String,
    title: String,
    description: String,
    path: String,
    body: String,
}

/// The files of Zola's index: (path relative to the output root, bytes).
pub fn build(site: &Site) -> Result<Vec<(String, Vec<u8>)>, String> {
    if !site.config.build_search_index {
        return Ok(Vec::new());
    }
    let cfg = &site.config.search;
    let base = site.config.base();
    let mut docs = Vec::new();
    for s in &site.sections {
        if s.front.in_search_index.unwrap_or(true) {
            docs.push(Doc {
                permalink: format!("{base}{}", s.url),
                title: s.title.clone(),
                description: s.description.clone().unwrap_or_default(),
                path: s.url.clone(),
                body: plain_text(&s.body),
            });
        }
    }
    for p in site.pages.iter().filter(|p| p.in_search_index) {
        let body = if cfg.include_content && !p.body.is_empty() {
            crate::render::read_body(&site.root.join(&p.rel), p.body.clone())
                .map_err(|e| format!("{}: {e}", p.rel))?
        } else {
            String::new()
        };
        docs.push(Doc {
            permalink: format!("{base}{}", p.url),
            title: p.title.clone(),
            description: p.description.clone().unwrap_or_default(),
            path: p.url.clone(),
            body: plain_text(&body),
        });
    }
    for d in &mut docs {
        if let Some(n) = cfg.truncate_content_length {
            if let Some((i, _)) = d.body.char_indices().nth(n) {
                d.body.truncate(i);
            }
        }
    }
    let lang = site.config.default_language.as_str();
    let json = match cfg.index_format {
        IndexFormat::ElasticlunrJavascript | IndexFormat::ElasticlunrJson => {
            elasticlunr_json(lang, cfg, &docs)?
        }
        IndexFormat::FuseJavascript | IndexFormat::FuseJson => fuse_json(cfg, &docs),
    };
    let mut files = vec![(
        format!("search_index.{lang}.json"),
        json.clone().into_bytes(),
    )];
    if matches!(
        cfg.index_format,
        IndexFormat::ElasticlunrJavascript | IndexFormat::FuseJavascript
    ) {
        files.push((
            format!("search_index.{lang}.js"),
            format!("window.searchIndex = {json};").into_bytes(),
        ));
    }
    Ok(files)
}

fn elasticlunr_json(lang: &str, cfg: &SearchConfig, docs: &[Doc]) -> Result<String, String> {
    let language = elasticlunr::lang::from_code(lang).ok_or_else(|| {
        format!("поиск Zola: язык «{lang}» не поддерживается; укажите default_language = \"ru\"")
    })?;
    let mut builder = IndexBuilder::with_language(language);
    for (on, name) in fields(cfg) {
        if on {
            builder = builder.add_field(name);
        }
    }
    let mut index: Index = builder.build();
    for d in docs {
        let values: Vec<&str> = fields(cfg)
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| d.field(name))
            .collect();
        index.add_doc(&d.permalink, values);
    }
    Ok(index.to_json())
}

fn fuse_json(cfg: &SearchConfig, docs: &[Doc]) -> String {
    let list: Vec<serde_json::Value> = docs
        .iter()
        .map(|d| {
            let mut m = serde_json::Map::new();
            m.insert("url".into(), d.permalink.clone().into());
            for (on, name) in fields(cfg) {
                if on {
                    m.insert(name.into(), d.field(name).into());
                }
            }
            serde_json::Value::Object(m)
        })
        .collect();
    serde_json::to_string(&list).expect("values serialise")
}

/// Zola's field order, with whether `[search]` includes each.
fn fields(cfg: &SearchConfig) -> [(bool, &'static str); 4] {
    [
        (cfg.include_title, "title"),
        (cfg.include_description, "description"),
        (cfg.include_path, "path"),
        (cfg.include_content, "body"),
    ]
}

impl Doc {
    fn field(&self, name: &str) -> &str {
        match name {
            "title" => &self.title,
            "description" => &self.description,
            "path" => &self.path,
            _ => &self.body,
        }
    }
}

/// The text of Markdown without its markup.
fn plain_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for e in Parser::new(md) {
        match e {
            Event::Text(t) | Event::Code(t) => {
                out.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_)
                if !out.ends_with(' ') && !out.is_empty() =>
            {
                out.push(' ');
            }
            _ => {}
        }
    }
    out.trim_end().to_string()
}
