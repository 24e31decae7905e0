//! Site configuration: Zola's `config.toml`, with socnav's own settings under `[extra]`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{did_you_mean, Diagnostic};

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default = "default_language")]
    pub default_language: String,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub taxonomies: Vec<TaxonomyConfig>,
    #[serde(default = "yes")]
    pub generate_sitemap: bool,
    #[serde(default = "yes")]
    pub generate_robots_txt: bool,
    #[serde(default)]
    pub build_search_index: bool,
    #[serde(default)]
    pub search: SearchConfig,
    #[serde(default)]
    pub extra: toml::Table,
    /// Zola's `[translations]`: interface strings of the default language, over the
    /// theme's table (`themes/<theme>/translations/<lang>.toml`).
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
    /// Zola's `[languages.<code>]`. socnav reads only their `translations`; other keys
    /// (`title`, `description`, `build_search_index`, …) are accepted and left alone.
    #[serde(default)]
    pub languages: BTreeMap<String, LanguageConfig>,
}

/// One `[languages.<code>]` table of config.toml.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LanguageConfig {
    /// Interface strings of this language, over the theme's table.
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
}

/// Zola's `[search]` options for its elasticlunr index (written when
/// `build_search_index = true`). socnav's own index does not depend on them.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SearchConfig {
    pub include_title: bool,
    pub include_description: bool,
    pub include_path: bool,
    pub include_content: bool,
    pub truncate_content_length: Option<usize>,
    pub index_format: IndexFormat,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            include_title: true,
            include_description: false,
            include_path: false,
            include_content: true,
            truncate_content_length: None,
            index_format: IndexFormat::ElasticlunrJavascript,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexFormat {
    ElasticlunrJavascript,
    ElasticlunrJson,
    FuseJavascript,
    FuseJson,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TaxonomyConfig {
    pub name: String,
    #[serde(default)]
    pub paginate_by: Option<usize>,
}

fn default_base_url() -> String {
    "/".to_string()
}
fn default_language() -> String {
    "ru".to_string()
}
fn yes() -> bool {
    true
}

/// The taxonomies the navigator knows, with the data/ dictionary that holds their terms.
pub const KNOWN_TAXONOMIES: &[&str] = &["categories", "audiences", "regions"];

impl Config {
    /// Load `config.toml` from the site root. A missing file or invalid TOML is an error
    /// with the file and line.
    pub fn load(root: &Path) -> Result<Config, Box<Diagnostic>> {
        let path = root.join("config.toml");
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Box::new(
                Diagnostic::new(
                    "symlink",
                    "config.toml",
                    "config.toml — символическая ссылка",
                )
                .help("положите в папку сайта обычный файл config.toml"),
            ));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Box::new(
                Diagnostic::new(
                    "config",
                    "config.toml",
                    format!("не удалось прочитать config.toml: {e}"),
                )
                .help("запускайте socnav в папке сайта или укажите её через --root"),
            )
        })?;
        let config: Config = toml::from_str(&text).map_err(|e| {
            let d = Diagnostic::new(
                "toml-syntax",
                "config.toml",
                format!("ошибка в config.toml: {}", e.message()),
            )
            .help("исправьте синтаксис TOML в указанном месте");
            Box::new(match e.span() {
                Some(span) => d.at(&text, span),
                None => d,
            })
        })?;
        for t in &config.taxonomies {
            if !KNOWN_TAXONOMIES.contains(&t.name.as_str()) {
                let mut d = Diagnostic::new(
                    "config",
                    "config.toml",
                    format!("неизвестная таксономия «{}»", t.name),
                )
                .field("taxonomies");
                if let Some(s) = did_you_mean(&t.name, KNOWN_TAXONOMIES.iter().copied()) {
                    d = d.help(format!("возможно, вы имели в виду «{s}»"));
                } else {
                    d = d.help("навигатор знает таксономии categories, audiences и regions");
                }
                if let Some(off) = text.find(&format!("\"{}\"", t.name)) {
                    d = d.at(&text, off..off + t.name.len() + 2);
                }
                return Err(Box::new(d));
            }
        }
        check_quality(&config, &text)?;
        Ok(config)
    }

    /// Base URL without a trailing slash ("" for a root-relative site).
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }

    pub fn paginate_for_taxonomy(&self, name: &str) -> usize {
        self.taxonomies
            .iter()
            .find(|t| t.name == name)
            .and_then(|t| t.paginate_by)
            .unwrap_or(50)
    }

    /// Whether a taxonomy is declared in config.toml (only declared ones get pages).
    pub fn has_taxonomy(&self, name: &str) -> bool {
        self.taxonomies.iter().any(|t| t.name == name)
    }
}

/// socnav's own settings, read from `[extra]` in config.toml. Other `[extra]` keys belong
/// to themes and are left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Keep opened pages for offline reading with a service worker (`offline = false`
    /// turns it off).
    pub offline: bool,
    /// Where the feedback forms post. None: Netlify Forms (the forms carry
    /// `data-netlify`, and Netlify answers with the thank-you page).
    pub feedback_endpoint: Option<String>,
    /// The content repository, for «Предложить правку» links (`<repository>/edit/<branch>/<file>`).
    pub repository: Option<String>,
    pub repository_branch: String,
    /// Information-quality thresholds (`[extra.quality]`).
    pub quality: crate::quality::Thresholds,
}

impl Config {
    pub fn settings(&self) -> Settings {
        let text = |key: &str| {
            self.extra
                .get(key)
                .and_then(|v| v.as_str())
                .map(|s| s.trim().trim_end_matches('/').to_string())
                .filter(|s| !s.is_empty())
        };
        Settings {
            offline: self
                .extra
                .get("offline")
                .and_then(|v| v.as_bool())
                .unwrap_or(true),
            feedback_endpoint: text("feedback_endpoint"),
            repository: text("repository"),
            repository_branch: text("repository_branch").unwrap_or_else(|| "main".to_string()),
            quality: {
                let d = crate::quality::Thresholds::default();
                let n = |key: &str, default: u32| {
                    self.extra
                        .get("quality")
                        .and_then(|q| q.get(key))
                        .and_then(|v| v.as_integer())
                        .map_or(default, |v| v as u32)
                };
                crate::quality::Thresholds {
                    warn_months: n("warn_months", d.warn_months),
                    stale_months: n("stale_months", d.stale_months),
                    min_score: n("min_score", d.min_score),
                }
            },
        }
    }
}

/// `[extra.quality]`: known keys, whole numbers in range, the warning before staleness.
fn check_quality(config: &Config, text: &str) -> Result<(), Box<Diagnostic>> {
    const KEYS: [(&str, i64, i64); 3] = [
        ("warn_months", 1, 120),
        ("stale_months", 1, 120),
        ("min_score", 0, 100),
    ];
    let Some(q) = config.extra.get("quality") else {
        return Ok(());
    };
    let at = |d: Diagnostic, key: &str| {
        let d = d.field(format!("extra.quality.{key}"));
        match text.find(key) {
            Some(off) => d.at(text, off..off + key.len()),
            None => d,
        }
    };
    let Some(q) = q.as_table() else {
        return Err(Box::new(at(
            Diagnostic::new(
                "config",
                "config.toml",
                "extra.quality должна быть таблицей",
            )
            .help("запишите настройки в таблицу [extra.quality]"),
            "quality",
        )));
    };
    for (key, value) in q {
        let Some((_, min, max)) = KEYS.iter().find(|(k, _, _)| k == key) else {
            let mut d = Diagnostic::new(
                "config",
                "config.toml",
                format!("неизвестная настройка extra.quality.{key}"),
            );
            d = match did_you_mean(key, KEYS.iter().map(|(k, _, _)| *k)) {
                Some(s) => d.help(format!("возможно, вы имели в виду «{s}»")),
                None => d.help("известны warn_months, stale_months и min_score"),
            };
            return Err(Box::new(at(d, key)));
        };
        if !value
            .as_integer()
            .is_some_and(|v| (*min..=*max).contains(&v))
        {
            return Err(Box::new(at(
                Diagnostic::new(
                    "config",
                    "config.toml",
                    format!("extra.quality.{key} должно быть целым числом от {min} до {max}"),
                )
                .help("например: warn_months = 6, stale_months = 12, min_score = 60"),
                key,
            )));
        }
    }
    let t = config.settings().quality;
    if t.warn_months >= t.stale_months {
        return Err(Box::new(at(
            Diagnostic::new(
                "config",
                "config.toml",
                format!(
                    "предупреждение об устаревании ({} мес.) должно наступать раньше, чем запись считается устаревшей ({} мес.)",
                    t.warn_months, t.stale_months
                ),
            )
            .help("сделайте warn_months меньше stale_months"),
            "warn_months",
        )));
    }
    Ok(())
}
