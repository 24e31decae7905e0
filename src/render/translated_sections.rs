//! Translated sections (`_index.en.md` → `/en/services/`), rendered with their
//! language's templates and labels by `render_translations`. A translated section lists
//! the translated pages of its language in the original section, by title, paginated as
//! the original is; its subsections are the translated sections of the same language
//! right below it. A translation of the home section (`content/_index.en.md`) is the
//! home page at `/<lang>/`, with the translation's title and text; its lists (situations,
//! recent changes, terms) are those of the default language, which has every record.

use tera::Value;

use super::context::{summary, Link};
use super::lists::section_ctx;
use super::{RenderError, Renderer};
use crate::model::Section;

impl Renderer<'_> {
    /// Render a translated section's pages; returns how many were written.
    pub(super) fn translated_section(&self, s: &Section) -> Result<usize, RenderError> {
        if s.front.render == Some(false) {
            return Ok(0);
        }
        let site = self.site;
        // The map of providers is the default language's.
        let section_ctx = section_ctx(s, None);
        if s.components.is_empty() {
            return self
                .home_at(&s.url, section_ctx, &s.translations)
                .map(|()| 1);
        }
        let subsections: Vec<Link> = site
            .section_translations
            .iter()
            .filter(|t| {
                t.lang == s.lang
                    && t.components.len() == s.components.len() + 1
                    && t.components.starts_with(&s.components)
            })
            .map(|t| Link {
                title: t.title.clone(),
                url: Some(t.url.clone()),
            })
            .collect();
        let list = |chunk: &[usize]| {
            Value::from(
                chunk
                    .iter()
                    .map(|&i| Value::from_serializable(&summary(site, &site.translations[i])))
                    .collect::<Vec<Value>>(),
            )
        };
        // Pre-sorted lists are made for the default language only.
        let orderings = Value::from(Vec::<Value>::new());
        self.section_pages(s, &section_ctx, &subsections, orderings, &|_| true, &list)
    }
}
