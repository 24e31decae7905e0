//! Markdown to safe HTML.
//!
//! Bodies come from strangers' pull requests. Link and image URLs are filtered in the
//! event stream (only http, https, mailto, tel, relative and fragment links survive), and
//! when a body contains raw HTML the whole output goes through ammonia, which drops
//! scripts, event handlers, `style`, and `javascript:` URLs. Bodies without raw HTML skip
//! ammonia: pulldown-cmark escapes text itself, so they are safe and render fast.

use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

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

/// Render a Markdown body to HTML that is safe to insert into a page.
pub fn render(source: &str) -> String {
    let mut has_html = false;
    let events = Parser::new_ext(source, options()).map(|ev| match ev {
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

fn clean_url(url: CowStr<'_>) -> CowStr<'_> {
    if safe_href(&url) {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

/// Plain text of a Markdown body (for summaries and search), without markup.
pub fn plain_text(source: &str) -> String {
    let mut out = String::new();
    for ev in Parser::new_ext(source, options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    out.trim().to_string()
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
    fn scripts_and_handlers_are_removed() {
        let html = render("Текст <script>alert(1)</script> <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">a</a>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn markdown_links_with_bad_schemes_are_neutralised() {
        let html = render("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](java\tscript:alert(1)) [ok](https://sfr.gov.ru/) [rel](/services/) [t](tel:+78001000001)");
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(!html.contains("java\tscript"), "{html}");
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
