//! URLs of pages and sections, and the rules that keep them inside the output folder.
//!
//! Content comes from strangers' pull requests, so every slug, `path` and alias is checked
//! here: only plain segments (letters, digits, `-`, `_`, `.`), never `..`, never absolute
//! or backslashed paths. The writer checks again before it creates a file.

use crate::load::{ContentFile, FileKind};

/// Whether a single URL segment is safe to become a folder or file name.
pub fn safe_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
}

/// Whether a slug is a good record slug: lowercase ASCII letters, digits and hyphens.
pub fn good_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && !s.starts_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Normalise a site path (`path` field or alias) to a root-relative URL: `/a/b/` for
/// folders, `/a/b.html` for files. `None` when it is unsafe.
pub fn normalize_path(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.contains('\\') || raw.contains("://") || raw.chars().any(char::is_control) {
        return None;
    }
    let trimmed = raw.trim_matches('/');
    if trimmed.is_empty() {
        return Some("/".to_string());
    }
    let segments: Vec<&str> = trimmed.split('/').collect();
    if !segments.iter().all(|s| safe_segment(s)) {
        return None;
    }
    let last = segments.last().copied().unwrap_or_default();
    // `old.html`, `sitemap.xml`: a file; `old-page`: a folder with index.html.
    let is_file = !raw.ends_with('/') && last.contains('.');
    let mut url = format!("/{}", segments.join("/"));
    if !is_file {
        url.push('/');
    }
    Some(url)
}

/// The slug of a page: the `slug` key, else the file or bundle name.
pub fn page_slug(file: &ContentFile) -> String {
    file.str_at("slug")
        .map(str::to_string)
        .unwrap_or_else(|| file.file_slug.clone())
}

/// The root-relative URL of a page or section, as Zola builds it.
pub fn url_of(file: &ContentFile) -> String {
    match file.kind {
        FileKind::Section => {
            if file.components.is_empty() {
                "/".to_string()
            } else {
                format!("/{}/", file.components.join("/"))
            }
        }
        FileKind::Page => {
            if let Some(p) = file.str_at("path").and_then(normalize_path) {
                return p;
            }
            let mut url = String::from("/");
            for c in &file.components {
                url.push_str(c);
                url.push('/');
            }
            url.push_str(&page_slug(file));
            url.push('/');
            url
        }
    }
}

/// The file inside the output folder that serves a URL: `/a/b/` → `a/b/index.html`.
/// `None` for anything that could leave the folder.
pub fn output_file(url: &str) -> Option<String> {
    let norm = normalize_path(url)?;
    if norm == "/" {
        return Some("index.html".to_string());
    }
    let inner = norm.trim_start_matches('/');
    Some(if let Some(folder) = inner.strip_suffix('/') {
        format!("{folder}/index.html")
    } else {
        inner.to_string()
    })
}

/// A path segment as it goes into a URL: letters, digits and `-._~` as they are, the rest
/// percent-encoded.
pub fn url_segment(seg: &str) -> String {
    let mut out = String::with_capacity(seg.len());
    for b in seg.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decode `%XX` escapes of a URL path; None for a bad escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_refused() {
        for bad in [
            "../x",
            "/a/../../etc",
            "a\\b",
            "/a//b",
            "http://evil/x",
            "a/%2e%2e",
            "/./",
        ] {
            assert!(
                normalize_path(bad).is_none() || !normalize_path(bad).unwrap().contains(".."),
                "{bad}"
            );
        }
        assert_eq!(normalize_path("../x"), None);
        assert_eq!(normalize_path("/old/page"), Some("/old/page/".into()));
        assert_eq!(normalize_path("old.html"), Some("/old.html".into()));
        assert_eq!(normalize_path("/sitemap.xml"), Some("/sitemap.xml".into()));
        assert_eq!(output_file("/a/b/").as_deref(), Some("a/b/index.html"));
        assert_eq!(output_file("/a.html").as_deref(), Some("a.html"));
        assert_eq!(output_file("/../a/"), None);
    }

    #[test]
    fn slugs() {
        assert!(good_slug("edinoe-posobie"));
        assert!(!good_slug("Единое"));
        assert!(!good_slug("a/b"));
        assert!(!good_slug(".."));
    }
}
