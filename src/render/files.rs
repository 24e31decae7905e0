//! Files copied into the output: theme and site static files (CSS and JS with a content
//! hash in their names), attachments beside the content, and page bodies read back.

use std::collections::BTreeMap;
use std::path::Path;

use super::RenderError;
use crate::model::Site;
use crate::write::{content_hash, Staging};

/// Read just the Markdown body of a page (its byte range was found when it was loaded).
pub(crate) fn read_body(path: &Path, range: std::ops::Range<usize>) -> Result<String, String> {
    read_body_prefix(path, range, usize::MAX)
}

/// Read at most the first `max` bytes of a page's body, cut back to a whole character:
/// for the search index, which reads only the start of a record's body.
pub(crate) fn read_body_prefix(
    path: &Path,
    range: std::ops::Range<usize>,
    max: usize,
) -> Result<String, String> {
    use std::io::{Read, Seek, SeekFrom};
    let changed = || "файл изменился во время сборки; запустите сборку снова".to_string();
    let whole = range.len() <= max;
    let want = range.len().min(max);
    let mut f = std::fs::File::open(path).map_err(|e| format!("не удалось прочитать файл: {e}"))?;
    f.seek(SeekFrom::Start(range.start as u64))
        .map_err(|e| e.to_string())?;
    let mut buf = Vec::with_capacity(want + 1);
    // One byte more than the body when reading all of it: a file that grew is caught.
    f.take(want as u64 + u64::from(whole))
        .read_to_end(&mut buf)
        .map_err(|e| e.to_string())?;
    if buf.len() != want {
        return Err(changed());
    }
    if !whole {
        // The cut may fall inside a character: drop its first bytes.
        if let Err(e) = simdutf8::compat::from_utf8(&buf) {
            if e.error_len().is_none() {
                buf.truncate(e.valid_up_to());
            }
        }
    }
    crate::load::utf8(buf).map_err(|_| changed())
}

/// Copy theme and site static files; `.css` and `.js` get a content hash in their name.
/// Returns the map from original name to served URL.
pub(super) fn copy_static(
    site: &Site,
    out: &Staging,
) -> Result<BTreeMap<String, String>, RenderError> {
    let mut files: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    if let Some(theme) = &site.config.theme {
        collect_files(
            &site.root.join("themes").join(theme).join("static"),
            "",
            &mut files,
        );
    }
    collect_files(&site.root.join("static"), "", &mut files);
    let mut assets = BTreeMap::new();
    for (rel, path) in files {
        let hashed = rel.ends_with(".css") || rel.ends_with(".js");
        let target = if hashed {
            let bytes = std::fs::read(&path).map_err(|e| {
                RenderError::Io(format!("не удалось прочитать {}: {e}", path.display()))
            })?;
            let bytes = minified(&rel, bytes);
            let (stem, ext) = rel.rsplit_once('.').expect("has extension");
            let name = format!("{stem}.{}.{ext}", content_hash(&bytes));
            out.write(&name, &bytes)?;
            assets.insert(rel.clone(), format!("/{name}"));
            continue;
        } else {
            rel.clone()
        };
        out.copy(&path, &target)?;
    }
    Ok(assets)
}
/// A script or stylesheet without its comments and spaces: on a slow link the search
/// scripts are a third of what a first query downloads. Files under `vendor/` or named
/// `*.min.*` are served as they are (already minified by their authors), and so is a
/// file the minifier cannot read.
fn minified(rel: &str, bytes: Vec<u8>) -> Vec<u8> {
    if rel.starts_with("vendor/") || rel.contains("/vendor/") || rel.contains(".min.") {
        return bytes;
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return bytes;
    };
    let out = if rel.ends_with(".js") {
        minifier::js::minify(text).map(|m| m.to_string())
    } else {
        minifier::css::minify(text).map(|m| m.to_string())
    };
    match out {
        Ok(m) if !m.is_empty() => m.into_bytes(),
        _ => bytes,
    }
}

pub(super) fn collect_files(
    dir: &Path,
    prefix: &str,
    out: &mut BTreeMap<String, std::path::PathBuf>,
) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(ft) = e.file_type() else { continue };
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if ft.is_dir() {
            collect_files(&e.path(), &rel, out);
        } else if ft.is_file() {
            out.insert(rel, e.path());
        }
    }
}
/// Files beside content (page-bundle attachments, images) are served next to their page.
pub(super) fn copy_content_assets(site: &Site, out: &Staging) -> Result<(), RenderError> {
    let mut bundle_targets: BTreeMap<&str, String> = BTreeMap::new();
    for p in &site.pages {
        for (name, rel) in &p.attachments {
            let dir = p.url.trim_start_matches('/');
            bundle_targets.insert(rel.as_str(), format!("{dir}{name}"));
        }
    }
    for a in &site.assets {
        let target = bundle_targets
            .get(a.rel.as_str())
            .cloned()
            .unwrap_or_else(|| a.rel.clone());
        out.copy(&a.abs, &target)?;
    }
    Ok(())
}
