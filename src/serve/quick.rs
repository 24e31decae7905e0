//! Quick rebuilds for the preview. The commonest edit is to the text of one record: its
//! Markdown body, below the front matter. Such an edit changes nothing that lists,
//! references, feeds, open data or other pages show (they are all made from front
//! matter), so the preview renders again only the edited pages and the search index,
//! with the templates, model and document words the last build kept. A front matter
//! change is `front.rs`'s; templates only are `template_edits` below. Anything else (a
//! new, removed or renamed file, data/, config) is a full build, as is any edit that
//! makes a file invalid, so that the errors shown are exactly those `check` prints.
//!
//! The output after a quick rebuild is the same, file for file, as a clean build of the
//! same sources (the property test in tests/serve.rs holds both paths to it).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::build::Kept;
use crate::diagnostics::plural;
use crate::model::date::Date;
use crate::model::{item_from, Item, Page};
use crate::write::Staging;

/// Rebuild after edits to the pages `changed` (`edited_pages`) if they changed only
/// their bodies. Returns
/// the line to print, or None when a full build is needed (also when anything went
/// wrong: the full build then reports it).
pub fn body_edits(kept: &mut Kept, drafts: bool, changed: &[(usize, PathBuf)]) -> Option<String> {
    let started = std::time::Instant::now();
    if changed.is_empty() {
        return None;
    }
    let mut edits: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (i, path) in changed {
        let i = *i;
        let (new, _) = read_page(kept, path, drafts)?;
        if !same_but_body(&kept.site.pages[i], &new) {
            return None;
        }
        edits.push((i, new.body.clone()));
    }
    apply(kept, &edits).ok()?;
    Some(format!(
        "Обновлено за {:.3} с: {} (изменён только текст)",
        started.elapsed().as_secs_f64(),
        edits
            .iter()
            .map(|(i, _)| kept.site.pages[*i].url.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// Read and check an edited page on its own, with the model the last build kept.
/// None when it has an error (a full build reports it), is no longer a page (a draft),
/// or the day changed since the last build (dates on pages would differ).
pub(super) fn read_page(
    kept: &Kept,
    path: &Path,
    drafts: bool,
) -> Option<(Page, crate::validate::FileCheck)> {
    let today = Date::today();
    if today != kept.site.today {
        return None;
    }
    let root = &kept.site.root;
    let file = crate::load::read_content_file(root, &root.join("content"), path).ok()?;
    let check = crate::validate::check_file(&file, &kept.site.dicts, today);
    let error =
        |d: &crate::diagnostics::Diagnostic| d.severity == crate::diagnostics::Severity::Error;
    if check.diags.iter().any(error) {
        return None;
    }
    match item_from(&file, drafts) {
        Ok(Item::Page(new)) => Some((*new, check)),
        _ => None,
    }
}

/// The changed pages among the changed `paths` (under the site's canonical `root`), as
/// (index in `site.pages`, file), when every change is to an existing page (a file that
/// is gone and was no part of the site, such as an editor's temporary file, is passed
/// over). None when anything else changed.
pub fn edited_pages(kept: &Kept, root: &Path, paths: &[PathBuf]) -> Option<Vec<(usize, PathBuf)>> {
    let mut pages: Vec<(usize, PathBuf)> = Vec::new();
    for p in paths {
        let rel = p.strip_prefix(root).ok()?;
        let rel = rel.to_str()?.replace(std::path::MAIN_SEPARATOR, "/");
        let page = kept.site.pages.iter().position(|pg| pg.rel == rel);
        let known_asset = rel
            .strip_prefix("content/")
            .is_some_and(|r| kept.site.assets.iter().any(|a| a.rel == r));
        match (p.is_file(), page) {
            (true, Some(i)) => {
                // Named as the build names it (the site's root may be relative).
                if !pages.iter().any(|(j, _)| *j == i) {
                    pages.push((i, kept.site.root.join(&rel)));
                }
            }
            (false, None) if !known_asset && !p.exists() => {}
            _ => return None,
        }
    }
    (!pages.is_empty()).then_some(pages)
}

/// Whether `new` (a page just read) differs from the model's `old` in its body only.
fn same_but_body(old: &Page, new: &Page) -> bool {
    let mut n = new.clone();
    // Computed when the model is built, not read from the file.
    n.section = old.section;
    n.links = old.links.clone();
    n.file_dates = old.file_dates;
    n.attachments = old.attachments.clone();
    n.translations = old.translations.clone();
    n.body = old.body.clone();
    n == *old
}

/// Put the new bodies into the model and write the pages and index files they change.
fn apply(kept: &mut Kept, edits: &[(usize, std::ops::Range<usize>)]) -> Result<(), String> {
    for (i, body) in edits {
        kept.site.pages[*i].body = body.clone();
    }
    let pages: Vec<usize> = edits.iter().map(|(i, _)| *i).collect();
    let patch = Staging::patch(&kept.output).map_err(String::from)?;
    let t = std::time::Instant::now();
    let timings = std::env::var_os("SOCNAV_TIMINGS").is_some();
    let (rendered, index) = rayon::join(
        || {
            let r = crate::render::render_pages(&kept.site, &kept.env, &patch, &pages);
            if timings {
                eprintln!("  quick: pages {:.3} s", t.elapsed().as_secs_f64());
            }
            r
        },
        || {
            crate::index::build_after_edits(
                &kept.site,
                &mut kept.words,
                crate::index::Since::Bodies(&pages),
            )
        },
    );
    if timings {
        eprintln!(
            "  quick: pages and index {:.3} s",
            t.elapsed().as_secs_f64()
        );
    }
    rendered.map_err(|e| e.to_string())?;
    let index = index?;
    let moved = index.shards.dir != kept.index_dir;
    let remove = write_index(kept, &patch, &index)?;
    if moved {
        crate::render::render_search_page(&kept.site, &kept.env, &patch, &index.url())
            .map_err(|e| e.to_string())?;
    }
    if timings {
        eprintln!("  quick: written {:.3} s", t.elapsed().as_secs_f64());
    }
    commit(kept, patch, &remove, &index)?;
    if timings {
        eprintln!("  quick: moved in {:.3} s", t.elapsed().as_secs_f64());
    }
    Ok(())
}

/// Move the patch into the output, remove `remove`, and remember the search index that
/// is now served.
pub(super) fn commit(
    kept: &mut Kept,
    patch: Staging,
    remove: &[String],
    index: &crate::index::Indexes,
) -> Result<(), String> {
    let t = std::time::Instant::now();
    let moved = patch.commit_patch(remove).map_err(String::from)?;
    if std::env::var_os("SOCNAV_TIMINGS").is_some() {
        eprintln!(
            "  {moved} files moved in, {} removed: {:.3} s",
            remove.len(),
            t.elapsed().as_secs_f64()
        );
    }
    kept.index_dir = index.shards.dir.clone();
    kept.index_files = index.shards.file_hashes();
    Ok(())
}

/// Write the search index files that differ from the last build's into `patch`; when
/// the index folder's name changed, the folder is renamed first, so that the files that
/// did not change stay. Returns the files of the last build to remove. (The search page,
/// which names the folder, is the caller's.)
pub(super) fn write_index(
    kept: &Kept,
    patch: &Staging,
    index: &crate::index::Indexes,
) -> Result<Vec<String>, String> {
    let mut remove = Vec::new();
    let shards = &index.shards;
    let old: HashMap<&str, u64> = kept
        .index_files
        .iter()
        .map(|(n, h)| (n.as_str(), *h))
        .collect();
    if shards.dir != kept.index_dir {
        // The folder's name comes from its files: keep the files that did not change by
        // renaming the folder, and write the others into it.
        patch
            .rename_in_target(&kept.index_dir, &shards.dir)
            .map_err(String::from)?;
        let new: std::collections::HashSet<&str> =
            shards.files.iter().map(|(n, _)| n.as_str()).collect();
        remove.extend(
            old.keys()
                .filter(|n| !new.contains(*n))
                .map(|n| format!("{}{n}", shards.dir)),
        );
        for ((name, bytes), hash) in shards.files.iter().zip(&shards.hashes) {
            if old.get(name.as_str()) != Some(hash) {
                patch
                    .write(&format!("{}{name}", shards.dir), bytes)
                    .map_err(String::from)?;
            }
        }
    }
    for (name, bytes) in &index.zola {
        patch.write(name, bytes).map_err(String::from)?;
    }
    Ok(remove)
}

/// Rebuild after edits to templates only: the content, and so the model, the search
/// index and the open data, are those of the last build. The templates are loaded
/// again; the pages made with the edited templates (or with templates that extend,
/// include or import them) are rendered into a patch and moved in, the others stay.
/// When templates were added or removed, every page is rendered into a new staging
/// folder instead (`every_page_again`). Returns the line to print, or None when a full
/// build is needed (also to report a template error).
pub fn template_edits(
    kept: &mut Kept,
    template_dirs: &[PathBuf],
    changed: &[PathBuf],
) -> Option<String> {
    let started = std::time::Instant::now();
    let all_templates = changed
        .iter()
        .all(|p| template_dirs.iter().any(|d| p.starts_with(d)));
    if !all_templates || changed.is_empty() || Date::today() != kept.site.today {
        return None;
    }
    let names: Vec<String> = changed
        .iter()
        .filter_map(|p| template_dirs.iter().find_map(|d| p.strip_prefix(d).ok()))
        .filter_map(|rel| rel.to_str())
        .map(|rel| rel.replace(std::path::MAIN_SEPARATOR, "/"))
        .collect();
    let Some(reached) = kept.env.reload_templates(&kept.site, &names).ok()? else {
        return every_page_again(kept, started);
    };
    let patch = Staging::patch(&kept.output).ok()?;
    let templates = reached.len();
    kept.env.render_only(Some(reached));
    let url = format!("/{}", kept.index_dir);
    let rendered = crate::render::render_again(&kept.site, &kept.env, &patch, &url)
        .and_then(|_| crate::render::render_translations(&mut kept.site, &mut kept.env, &patch));
    kept.env.render_only(None);
    rendered.ok()?;
    let files = patch.commit_patch(&[]).ok()?;
    Some(format!(
        "Обновлено за {:.3} с с новыми шаблонами: {files} {}; затронуто шаблонов \
         (изменённых и включающих их): {templates}",
        started.elapsed().as_secs_f64(),
        plural(files, "файл", "файла", "файлов"),
    ))
}

/// Every page rendered again, into a new staging folder with the new templates; the
/// index and open-data files are linked from the current output (files are never
/// changed in place, so the link keeps their bytes), and the folder is swapped in as
/// `build` does.
fn every_page_again(kept: &mut Kept, started: std::time::Instant) -> Option<String> {
    let staging = Staging::new(&kept.output, &kept.site.root).ok()?;
    let url = format!("/{}", kept.index_dir);
    let (stats, (), mut env) =
        crate::render::render_site(&kept.site, &staging, || Ok(()), |_| url.clone()).ok()?;
    crate::render::render_translations(&mut kept.site, &mut env, &staging).ok()?;
    let mut linked = 0;
    for dir in ["opendata", kept.index_dir.trim_end_matches('/')] {
        linked += link_tree(&kept.output.join(dir), &staging.path().join(dir)).ok()?;
    }
    // The empty index file, and Zola's index (`search_index.<lang>.json`/`.js`).
    let none = kept.output.join(crate::index::NONE_FILE);
    std::fs::hard_link(&none, staging.path().join(crate::index::NONE_FILE)).ok()?;
    linked += 1;
    for entry in std::fs::read_dir(&kept.output).ok()? {
        let entry = entry.ok()?;
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with("search_index.")
        {
            std::fs::hard_link(entry.path(), staging.path().join(entry.file_name())).ok()?;
            linked += 1;
        }
    }
    staging.commit(crate::write::Disposal::Background).ok()?;
    kept.env = env;
    let pages = stats.pages + stats.list_pages;
    Some(format!(
        "Пересобрано за {:.2} с с новыми шаблонами: {pages} {}; поиск и открытые данные те же ({linked} {})",
        started.elapsed().as_secs_f64(),
        plural(pages, "страница", "страницы", "страниц"),
        plural(linked, "файл", "файла", "файлов"),
    ))
}

/// Hard-link every file under `from` into the same place under `to`; returns how many.
fn link_tree(from: &Path, to: &Path) -> std::io::Result<usize> {
    let mut n = 0;
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type()?.is_dir() {
            n += link_tree(&src, &dst)?;
        } else {
            std::fs::hard_link(&src, &dst)?;
            n += 1;
        }
    }
    Ok(n)
}
