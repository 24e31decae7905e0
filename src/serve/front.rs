//! Quick rebuilds after edits to the front matter of existing records: a title, a
//! taxonomy term, a reference, a deadline. The edited files are checked on their own
//! and against the others (the checks that span files, for this file: its references
//! and templates), put into the model, which computes its lists and reverse links
//! again, and then only the outputs the edit reaches are written: see
//! `render::partial` for the pages, `index` for the search files (the other
//! documents' words come from the cache) and `export` for open data.
//!
//! It applies when each edited file keeps its slug, address, aliases, kind and draft
//! state, so that the pages and URLs of the site stay those of the last build. Anything
//! else (and any error, so that the messages are exactly those of `check`) is a full
//! build.

use std::path::PathBuf;

use crate::build::Kept;
use crate::model::Page;
use crate::render::partial::{render_reached, Affected};
use crate::validate::FileFacts;
use crate::write::Staging;

/// Rebuild after edits to the pages `changed` (index in `site.pages`, file). Returns the
/// line to print, or None when a full build is needed.
pub fn front_matter_edits(
    kept: &mut Kept,
    drafts: bool,
    changed: &[(usize, PathBuf)],
) -> Option<String> {
    let started = std::time::Instant::now();
    if changed.is_empty() {
        return None;
    }
    let mut edits: Vec<(usize, Page, usize, FileFacts)> = Vec::new();
    // Whether the search index keeps its order of documents.
    let mut same_order = true;
    for (i, path) in changed {
        let i = *i;
        let (new, check) = super::quick::read_page(kept, path, drafts)?;
        let old = &kept.site.pages[i];
        if new.kind.is_none() || new.kind != old.kind || new.url != old.url || new.lang.is_some() {
            return None;
        }
        let across = &kept.across;
        let f = across.facts.iter().position(|f| f.rel == new.rel)?;
        if !same_place(&across.facts[f], &check.facts) {
            return None;
        }
        let mut diags = Vec::new();
        crate::validate::check_across(
            &check.refs,
            &check.facts,
            &across.index,
            &across.templates,
            &mut diags,
        );
        if diags
            .iter()
            .any(|d| d.severity == crate::diagnostics::Severity::Error)
        {
            return None;
        }
        // Located providers make a section's map; one appearing or going is a full build.
        let located = |p: &Page| match &p.record {
            crate::model::Record::Provider(pr) => pr.location.is_some(),
            _ => false,
        };
        if located(old) != located(&new) {
            return None;
        }
        // Term counts may be on every page with a term (`RenderEnv::term_counts_on_records`).
        if kept.env.term_counts_on_records && old.taxonomies != new.taxonomies {
            return None;
        }
        same_order &= old.title == new.title
            && old.in_search_index == new.in_search_index
            && crate::index::docs::status_rank(old) == crate::index::docs::status_rank(&new);
        edits.push((i, new, f, check.facts));
    }
    let timings = std::env::var_os("SOCNAV_TIMINGS").is_some();
    if timings {
        eprintln!(
            "  front: read and checked {:.3} s",
            started.elapsed().as_secs_f64()
        );
    }
    let pages: Vec<usize> = edits.iter().map(|e| e.0).collect();
    let mut affected = Affected::new();
    affected.add(&kept.site, &pages, true);
    for (i, page, f, facts) in edits {
        kept.site.replace_page(i, page);
        kept.across.facts[f] = facts;
    }
    kept.site.relink();
    if timings {
        eprintln!("  front: relinked {:.3} s", started.elapsed().as_secs_f64());
    }
    affected.add(&kept.site, &pages, false);
    kept.env.refresh(&kept.site, &pages, &affected);
    if timings {
        eprintln!(
            "  front: refreshed {:.3} s",
            started.elapsed().as_secs_f64()
        );
    }
    apply(kept, &pages, same_order, &affected).ok()?;
    Some(format!(
        "Обновлено за {:.3} с: {} и {} {} (изменены поля)",
        started.elapsed().as_secs_f64(),
        pages
            .iter()
            .map(|&i| kept.site.pages[i].url.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        affected.pages.len() - pages.len(),
        crate::diagnostics::plural(
            affected.pages.len() - pages.len(),
            "связанная страница",
            "связанные страницы",
            "связанных страниц"
        )
    ))
}

/// Whether a file read again stays where it was: the same kind, slug, draft state and
/// addresses (its own and its aliases).
fn same_place(old: &FileFacts, new: &FileFacts) -> bool {
    let claims = |f: &FileFacts| -> Vec<(String, bool)> {
        f.claims.iter().map(|c| (c.url.clone(), c.alias)).collect()
    };
    old.kind == new.kind
        && old.record_kind == new.record_kind
        && old.slug == new.slug
        && old.draft == new.draft
        && claims(old) == claims(new)
}

/// Write what the edit reaches, with the search index and open data, and move it in.
fn apply(
    kept: &mut Kept,
    pages: &[usize],
    same_order: bool,
    affected: &Affected,
) -> Result<(), String> {
    let timings = std::env::var_os("SOCNAV_TIMINGS").is_some();
    let t = std::time::Instant::now();
    let patch = Staging::patch(&kept.output).map_err(String::from)?;
    let redo: Vec<usize> = affected.pages.iter().copied().collect();
    let Kept {
        site,
        words,
        layouts,
        output,
        env: kept_env,
        ..
    } = &mut *kept;
    let (site, kept_env) = (&*site, &*kept_env);
    let ((index, export), rendered) = rayon::join(
        || {
            rayon::join(
                || {
                    crate::index::build_after_edits(
                        site,
                        words,
                        crate::index::Since::FrontMatter { pages, same_order },
                    )
                },
                || {
                    let t = std::time::Instant::now();
                    let r = crate::export::rewrite(site, output, &patch, layouts, &redo);
                    if timings {
                        eprintln!("  front: open data {:.3} s", t.elapsed().as_secs_f64());
                    }
                    r
                },
            )
        },
        || {
            let t = std::time::Instant::now();
            let r = render_reached(site, kept_env, &patch, affected);
            if timings {
                eprintln!("  front: pages {:.3} s", t.elapsed().as_secs_f64());
            }
            r
        },
    );
    if timings {
        eprintln!(
            "  front: index, open data and pages {:.3} s",
            t.elapsed().as_secs_f64()
        );
    }
    export?;
    let index = index?;
    let stale = rendered.map_err(|e| e.to_string())?;
    let mut remove = super::quick::write_index(kept, &patch, &index)?;
    crate::render::render_search_page(&kept.site, &kept.env, &patch, &index.url())
        .map_err(|e| e.to_string())?;
    crate::render::render_translations(&mut kept.site, &mut kept.env, &patch)
        .map_err(|e| e.to_string())?;
    if timings {
        eprintln!(
            "  front: search page and translations {:.3} s",
            t.elapsed().as_secs_f64()
        );
    }
    remove.extend(stale);
    super::quick::commit(kept, patch, &remove, &index)?;
    if timings {
        eprintln!("  front: moved in {:.3} s", t.elapsed().as_secs_f64());
    }
    Ok(())
}
