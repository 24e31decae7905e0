//! Markdown to safe HTML.
//!
//! Bodies come from strangers' pull requests. Link and image URLs are filtered in the
//! event stream (only http, https, mailto, tel, relative and fragment links survive), and
//! when a body contains raw HTML the whole output goes through ammonia, which drops
//! scripts, event handlers, `style`, and `javascript:` URLs. Bodies without raw HTML skip
//! ammonia: pulldown-cmark escapes text itself, so they are safe and render fast.

use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Whether a link destination may appear on a page.
pub fn safe_href(url: &str) -> bool {
    let trimmed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = trimmed.to_ascii_lowercase();
    match lower.find(':') {
        // A scheme is present only if ':' comes before any '/', '?' or '#'.
        Some(colon) if !lower[..colon].contains(['/', '?', '#']) => {
            ["http", "https", "mailto", "tel"].contains(&&lower[..colon])
        }
        _ => true,
    }
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .add_tags(["figure", "figcaption", "details", "summary", "mark", "abbr"])
            .add_generic_attributes(["id"]);
        b
    })
}

/// Render a Markdown body to HTML that is safe to insert into a page. The page template
/// owns the h1, so a body's `#` heading becomes h2.
pub fn render(source: &str) -> String {
    render_inner(source, false)
}

/// Like [`render`], for a body placed under a page's own h2: headings are demoted so that
/// `#` and `##` become h3, `###` h4, and so on (never past h6).
pub fn render_nested(source: &str) -> String {
    render_inner(source, true)
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The level a body heading gets: under the page's own h1 a body never has an h1 (`#`
/// becomes h2); nested bodies sit under an h2 and are demoted one more level.
fn place(level: HeadingLevel, nested: bool) -> HeadingLevel {
    match (nested, level) {
        (true, l) => demote(l),
        (false, HeadingLevel::H1) => HeadingLevel::H2,
        (false, l) => l,
    }
}

fn render_inner(source: &str, nested: bool) -> String {
    let mut has_html = false;
    let events = Parser::new_ext(source, options()).map(|ev| match ev {
        // `{#id}` is kept for anchor links; classes and other `{key=value}` attributes are
        // dropped: they would let content add event handlers or inline styles.
        Event::Start(Tag::Heading { level, id, .. }) => Event::Start(Tag::Heading {
            level: place(level, nested),
            id,
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(place(level, nested))),
        Event::Html(_) | Event::InlineHtml(_) => {
            has_html = true;
            ev
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: clean_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: clean_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    if has_html {
        sanitizer().clean(&html).to_string()
    } else {
        html
    }
}

/// Images in rendered HTML load lazily and reserve their space: every `<img>` gets
/// `loading="lazy"` and `decoding="async"`, and `width`/`height` from the image file when
/// the page does not set them (`size` finds a file's pixel size from its `src`). Old
/// phones then neither fetch images off screen nor jump while they arrive.
pub fn lazy_images(html: String, size: impl Fn(&str) -> Option<(usize, usize)>) -> String {
    if !html.contains("<img") {
        return html;
    }
    let handler = lol_html::element!("img", |el| {
        el.set_attribute("loading", "lazy")?;
        el.set_attribute("decoding", "async")?;
        if !el.has_attribute("width") || !el.has_attribute("height") {
            if let Some((w, h)) = el.get_attribute("src").and_then(|src| size(&src)) {
                el.set_attribute("width", &w.to_string())?;
                el.set_attribute("height", &h.to_string())?;
            }
        }
        Ok(())
    });
    lol_html::rewrite_str(
        &html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![handler],
            ..lol_html::RewriteStrSettings::new()
        },
    )
    .unwrap_or(html)
}

/// The pixel size of a local image (`src` relative to the page's folder `dir`, or
/// site-absolute under one of `roots`); None for other sites' images or unreadable files.
pub fn image_size(
    src: &str,
    dir: &std::path::Path,
    roots: &[std::path::PathBuf],
) -> Option<(usize, usize)> {
    let path = src.split(['?', '#']).next()?;
    if path.contains("://") || path.starts_with("//") || path.split('/').any(|s| s == "..") {
        return None;
    }
    let decoded = crate::model::paths::percent_decode(path)?;
    let file = match decoded.strip_prefix('/') {
        Some(abs) => roots.iter().map(|r| r.join(abs)).find(|f| f.is_file())?,
        None => dir.join(&decoded),
    };
    imagesize::size(file).ok().map(|d| (d.width, d.height))
}

fn clean_url(url: CowStr<'_>) -> CowStr<'_> {
    if safe_href(&url) {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_markdown_renders() {
        assert_eq!(
            render("Привет, **мир**"),
            "<p>Привет, <strong>мир</strong></p>\n"
        );
    }

    #[test]
    fn nested_bodies_start_at_h3() {
        let html = render_nested("# А\n\n## Б\n\n### В\n");
        assert_eq!(html, "<h3>А</h3>\n<h3>Б</h3>\n<h4>В</h4>\n");
    }

    #[test]
    fn heading_attributes_cannot_inject_handlers_or_styles() {
        let html = render("## X {#x .big onclick=alert(1) style=position:fixed}\n");
        assert_eq!(html, "<h2 id=\"x\">X</h2>\n");
        let html = render_nested("# Y {#y onmouseover=alert(1)}\n");
        assert_eq!(html, "<h3 id=\"y\">Y</h3>\n");
    }

    #[test]
    fn a_body_never_adds_a_second_h1() {
        assert_eq!(render("# Заголовок\n"), "<h2>Заголовок</h2>\n");
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = render("Текст <script>alert(1)</script> <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">a</a>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn markdown_links_with_bad_schemes_are_neutralised() {
        let html = render("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](java\tscript:alert(1)) [ok](https://sfr.gov.ru/) [rel](/services/) [t](tel:+78001000001)");
        // No link target may carry a script scheme (the tab variant is not a link at all
        // in CommonMark and stays inert text).
        for href in html.split("href=\"").skip(1) {
            let target = href.split('"').next().unwrap().to_lowercase();
            assert!(!target.contains("script"), "{html}");
        }
        assert_eq!(html.matches("href=\"#\"").count(), 2, "{html}");
        assert!(html.contains("href=\"https://sfr.gov.ru/\""));
        assert!(html.contains("href=\"/services/\""));
        assert!(html.contains("href=\"tel:+78001000001\""));
    }

    #[test]
    fn data_urls_are_refused() {
        assert!(!safe_href("data:text/html,<script>"));
        assert!(!safe_href("vbscript:x"));
        assert!(safe_href("#anchor"));
        assert!(safe_href("page/?a=b:c"));
    }
}
