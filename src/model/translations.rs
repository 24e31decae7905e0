//! Translations in the model: translated pages (`about.en.md`) and sections
//! (`_index.en.md`) are kept apart from the default language's, and every version of a
//! page or section knows the others (language, URL) for the templates' language links.

use std::collections::HashMap;

use super::{collate, Page, Section, Site};

impl Site {
    /// Keep the translated pages and tell each page of a family about the others.
    pub(super) fn link_translations(
        &mut self,
        mut pages: Vec<Page>,
        sources: &[crate::load::Translation],
    ) {
        if pages.is_empty() {
            return;
        }
        let original_of: HashMap<String, &str> = sources
            .iter()
            .map(|t| {
                (
                    crate::diagnostics::rel_path(&self.root, &t.path),
                    t.original.as_str(),
                )
            })
            .collect();
        let by_rel: HashMap<&str, usize> = self
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.rel.as_str(), i))
            .collect();
        pages.sort_by(|a, b| (&a.lang, &a.rel).cmp(&(&b.lang, &b.rel)));
        // Each family: the original's index and its translations' indexes.
        let mut families: HashMap<usize, Vec<usize>> = HashMap::new();
        pages.retain(|t| {
            original_of
                .get(t.rel.as_str())
                .and_then(|o| by_rel.get(o))
                .is_some()
        });
        for (n, t) in pages.iter().enumerate() {
            let o = by_rel[original_of[t.rel.as_str()]];
            families.entry(o).or_default().push(n);
        }
        let lang = self.config.default_language.clone();
        for (o, members) in families {
            let mut all: Vec<(String, String)> = vec![(lang.clone(), self.pages[o].url.clone())];
            all.extend(members.iter().map(|&n| {
                (
                    pages[n].lang.clone().unwrap_or_default(),
                    pages[n].url.clone(),
                )
            }));
            self.pages[o].translations = all.clone();
            for &n in &members {
                pages[n].translations = all.clone();
                // A translation sits in its original's section.
                pages[n].section = self.pages[o].section;
            }
        }
        self.translations = pages;
    }

    /// Keep the translated sections: each lists its language's translated pages of the
    /// original section, and the original and its translations know each other.
    pub(super) fn link_section_translations(&mut self, mut sections: Vec<Section>) {
        sections.retain(|t| self.sections.iter().any(|s| s.components == t.components));
        sections.sort_by(|a, b| (&a.lang, &a.components).cmp(&(&b.lang, &b.components)));
        let lang = self.config.default_language.clone();
        for o in 0..self.sections.len() {
            let members: Vec<usize> = (0..sections.len())
                .filter(|&n| sections[n].components == self.sections[o].components)
                .collect();
            if members.is_empty() {
                continue;
            }
            let mut all = vec![(lang.clone(), self.sections[o].url.clone())];
            all.extend(members.iter().map(|&n| {
                (
                    sections[n].lang.clone().unwrap_or_default(),
                    sections[n].url.clone(),
                )
            }));
            self.sections[o].translations = all.clone();
            for n in members {
                let t = &mut sections[n];
                t.translations = all.clone();
                t.kind = self.sections[o].kind;
                let mut pages: Vec<usize> = (0..self.translations.len())
                    .filter(|&i| {
                        let p = &self.translations[i];
                        p.section == o && p.lang == t.lang
                    })
                    .collect();
                pages.sort_by_cached_key(|&i| collate(&self.translations[i].title));
                t.pages = pages;
            }
        }
        self.section_translations = sections;
    }
}
