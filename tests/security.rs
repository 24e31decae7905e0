//! Content comes from strangers' pull requests: script injection must come out harmless,
//! and no slug, alias or path may write outside the output folder.

mod common;

use common::*;

const SVC: &str = "content/services/edv-invalidam.md";
const DESC: &str = "description = \"Выплата людям с инвалидностью каждый месяц.\"";

/// Plant hostile markup in the title, description, a list item and the body of a service.
fn hostile(site: &Site) {
    site.replace(
        SVC,
        "title = \"Ежемесячная денежная выплата людям с инвалидностью\"",
        "title = \"Выплата <script>alert(1)</script> людям\"",
    );
    site.replace(
        SVC,
        DESC,
        "description = \"Выплата\\\"><script>alert(1)</script><img src=x onerror=alert(1)>\"",
    );
    site.replace(
        SVC,
        "criteria = [\"Установлена инвалидность.\"]",
        "criteria = [\"<b onmouseover=alert(1)>Установлена инвалидность.</b>\"]",
    );
    site.replace(
        SVC,
        "Выплату назначают без заявления.",
        "Выплату назначают без заявления.\n\n\
         <script>alert(1)</script>\n\n\
         <img src=x onerror=alert(1)>\n\n\
         [x](javascript:alert(1))\n\n\
         [y](JaVaScRiPt:alert(2))\n\n\
         ![i](javascript:alert(3))\n\n\
         <a href=\"javascript:alert(4)\">z</a>\n\n\
         <svg onload=alert(5)></svg>\n\n\
         <iframe src=\"https://evil.example/\"></iframe>\n\n\
         ТЕКСТ-ПОСЛЕ-ВСТАВОК\n",
    );
}

/// Every text file of the output (HTML, XML, redirects).
fn outputs(site: &Site) -> Vec<(String, String)> {
    snapshot(&site.public())
        .into_iter()
        .filter(|(p, _)| {
            p.ends_with(".html") || p.ends_with(".xml") || p.ends_with(".txt") || p == "_redirects"
        })
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

/// Real markup of a page: every tag with its attributes, as (tag name, [(attr, value)]).
/// Text and quoted attribute values are skipped over, so escaped text such as
/// `&lt;img onerror=…&gt;` inside a `<meta content="…">` is not mistaken for a tag.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i += html[i..].find("-->").map(|e| e + 3).unwrap_or(b.len() - i);
            continue;
        }
        i += 1;
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
            i += 1;
        }
        // Closing tags keep their slash ("/script"): only opening tags carry attributes.
        let name = html[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let a = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
                i += 1;
            }
            let attr = html[a..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let v = i + 1;
                    i = v;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    value = html[v..i.min(b.len())].to_string();
                    i += 1;
                } else {
                    let v = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[v..i].to_string();
                }
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

/// A URL attribute value as a browser would read its scheme.
fn scheme_of(value: &str) -> String {
    let v: String = value
        .to_ascii_lowercase()
        .replace("&colon;", ":")
        .replace("&#58;", ":")
        .replace("&#x3a;", ":")
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match v.find(':') {
        Some(i) if !v[..i].contains(['/', '?', '#']) => v[..i].to_string(),
        _ => String::new(),
    }
}

/// The only scripts a page may carry: a JSON-LD data block, which browsers do not run
/// (`<script type="application/ld+json">`), or a deferred file of the site itself with
/// a content hash in its name (`<script defer src="/offline.<hash>.js">`, in either
/// attribute order), nothing else on the tag.
fn allowed_script(attrs: &[(String, String)], public: &std::path::Path) -> bool {
    let mut attrs: Vec<(&str, &str)> = attrs
        .iter()
        .map(|(a, v)| (a.as_str(), v.as_str()))
        .collect();
    attrs.sort();
    match attrs.as_slice() {
        [("type", "application/ld+json")] => true,
        [("defer", ""), ("src", src)] => {
            let hashed = src
                .strip_prefix('/')
                .and_then(|s| s.strip_suffix(".js"))
                .and_then(|s| s.rsplit_once('.'))
                .is_some_and(|(name, hash)| {
                    !name.is_empty()
                        && hash.len() >= 8
                        && hash.chars().all(|c| c.is_ascii_hexdigit())
                });
            hashed && !src.contains("..") && public.join(&src[1..]).is_file()
        }
        _ => false,
    }
}

/// The CMS editor (`/admin/`) is the one page that loads scripts from elsewhere, by
/// design: the pinned Decap release (with its integrity hash), Netlify's Identity widget,
/// and socnav's own hashed additions beside the page. Nothing else.
fn admin_script(attrs: &[(String, String)], public: &std::path::Path) -> bool {
    use socnav::render::admin::page::{decap_url, DECAP_INTEGRITY, IDENTITY_WIDGET};
    let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
    match get("src") {
        Some(src) if src == decap_url() => get("integrity") == Some(DECAP_INTEGRITY),
        Some(src) if src == IDENTITY_WIDGET => attrs.len() == 1,
        Some(src) => {
            attrs.len() == 1
                && src.starts_with("socnav-cms.")
                && !src.contains('/')
                && public.join("admin").join(src).is_file()
        }
        None => false,
    }
}

#[test]
fn hostile_markup_is_harmless_in_every_output() {
    let site = Site::new();
    hostile(&site);
    site.build(&[]).ok();
    let page = site.out("services/edv-invalidam/index.html");
    assert!(
        page.contains("ТЕКСТ-ПОСЛЕ-ВСТАВОК"),
        "the body is still rendered"
    );
    assert!(
        page.contains("<h1>Выплата &lt;script&gt;alert(1)&lt;/script&gt; людям</h1>")
            || page.contains("<h1>Выплата &lt;script&gt;alert(1)&lt;&#x2F;script&gt; людям</h1>"),
        "the title is shown as text"
    );
    // The body: nothing of the attack survives, not even as text.
    let prose = &page[page.find("<div class=\"prose\">").expect("body rendered")..];
    let prose = &prose[..prose.find("ТЕКСТ-ПОСЛЕ-ВСТАВОК").unwrap()];
    for bad in [
        "<script",
        "alert",
        "onerror",
        "onload",
        "javascript:",
        "<iframe",
        "<svg",
    ] {
        assert!(
            !prose.to_lowercase().contains(bad),
            "body keeps {bad:?}: {prose}"
        );
    }
    // Every output: no script with inline code, no event handler, no javascript: link.
    let mut scanned = 0;
    for (path, text) in outputs(&site) {
        let lower = text.to_lowercase();
        assert!(!lower.contains("<script>alert"), "{path}: <script>alert");
        assert!(!lower.contains("javascript:alert"), "{path}: javascript:");
        if !(path.ends_with(".html")) {
            // XML and text outputs carry no markup of the content at all.
            assert!(!text.contains("<script"), "{path}: raw <script");
            assert!(!text.contains("<img"), "{path}: raw <img");
            continue;
        }
        for (tag, attrs) in tags(&text) {
            assert!(
                !matches!(tag.as_str(), "iframe" | "object" | "embed")
                    && (tag != "script"
                        || allowed_script(&attrs, &site.public())
                        || (path == "admin/index.html" && admin_script(&attrs, &site.public()))),
                "{path}: <{tag} {attrs:?}> tag"
            );
            for (a, v) in &attrs {
                assert!(!a.starts_with("on"), "{path}: <{tag} {a}={v}>");
                if matches!(
                    a.as_str(),
                    "href" | "src" | "action" | "formaction" | "xlink:href"
                ) {
                    let s = scheme_of(v);
                    assert!(
                        ["", "http", "https", "mailto", "tel", "geo"].contains(&s.as_str()),
                        "{path}: <{tag} {a}={v:?}>"
                    );
                }
            }
        }
        scanned += 1;
    }
    assert!(scanned > 20, "all pages scanned ({scanned})");
}

#[test]
fn javascript_url_in_sources_is_a_check_error_with_its_location() {
    let site = Site::new();
    let text = site.replace(
        SVC,
        "sources = [\"https://sfr.gov.ru/\"]",
        "sources = [\"javascript:alert(1)\"]",
    );
    let d = site.single_error();
    let (line, column) = loc(&text, "\"javascript:alert(1)\"");
    assert_eq!(
        d,
        Diag {
            severity: "error".into(),
            code: "url".into(),
            file: "content/services/edv-invalidam.md".into(),
            line,
            column,
            field: Some("extra.sources[0]".into()),
            message: "недопустимый адрес «javascript:alert(1)»: разрешены только ссылки http, https, mailto и tel".into(),
            help: Some("используйте полный адрес, начинающийся с https://, http://, mailto: или tel:".into()),
        }
    );
    // The build refuses it too, and writes nothing.
    site.build(&[]).code(1);
    assert!(!site.public().exists());
}

#[test]
fn other_url_fields_refuse_javascript_too() {
    let site = Site::new();
    let text = site.replace(
        "content/services/edinoe-posobie.md",
        "url = \"https://www.gosuslugi.ru/\"",
        "url = \"JavaScript:alert(1)\"",
    );
    let text2 = site.replace(
        "content/providers/sfr.md",
        "url = \"https://sfr.gov.ru/\"",
        "url = \"data:text/html,<script>alert(1)</script>\"",
    );
    let (code, diags) = site.check_json();
    assert_eq!(code, 1);
    let got: Vec<(String, usize, usize, Option<String>, String)> = diags
        .iter()
        .map(|d| {
            (
                d.file.clone(),
                d.line,
                d.column,
                d.field.clone(),
                d.code.clone(),
            )
        })
        .collect();
    let (l1, c1) = loc(&text, "\"JavaScript:alert(1)\"");
    let (l2, c2) = loc(&text2, "\"data:text/html");
    assert_eq!(
        got,
        vec![
            (
                "content/providers/sfr.md".into(),
                l2,
                c2,
                Some("extra.contacts.url".into()),
                "url".into()
            ),
            (
                "content/services/edinoe-posobie.md".into(),
                l1,
                c1,
                Some("extra.apply.url".into()),
                "url".into()
            ),
        ]
    );
}

#[test]
fn traversal_in_slug_alias_and_path_is_refused() {
    // The site sits three folders deep, so that `../../..` from its output folder still
    // lands inside the temp folder, where the test can look.
    let site = Site::at_depth(&["a", "b", "c"]);
    let svc = site.add_top_level(SVC, "slug = \"../../evil\"");
    let prov = site.add_top_level("content/providers/sfr.md", "aliases = [\"../../../tmp/x\"]");
    let about = site.add_top_level("content/about.md", "path = \"/../x\"");

    let (code, diags) = site.check_json();
    assert_eq!(code, 1);
    let errors: Vec<&Diag> = diags.iter().filter(|d| d.severity == "error").collect();
    let find = |file: &str, code: &str| -> &Diag {
        errors
            .iter()
            .find(|d| d.file == file && d.code == code)
            .unwrap_or_else(|| panic!("no {code} error in {file}: {diags:#?}"))
    };
    let d = find("content/about.md", "path");
    assert_eq!((d.line, d.column), loc(&about, "\"/../x\""));
    assert_eq!(d.field.as_deref(), Some("path"));
    assert_eq!(d.message, "недопустимый путь «/../x»");
    let d = find("content/providers/sfr.md", "alias");
    assert_eq!((d.line, d.column), loc(&prov, "\"../../../tmp/x\""));
    assert_eq!(d.field.as_deref(), Some("aliases[0]"));
    assert_eq!(d.message, "недопустимый старый адрес «../../../tmp/x»");
    let d = find(SVC, "slug");
    assert_eq!((d.line, d.column), loc(&svc, "\"../../evil\""));
    assert_eq!(d.field.as_deref(), Some("slug"));
    assert_eq!(d.message, "недопустимый адрес «../../evil»");

    let before = all_paths(site.tmp.path());
    let r = site.build(&[]);
    r.code(1);
    let after = all_paths(site.tmp.path());
    assert_eq!(before, after, "a refused build writes nothing anywhere");
    for p in &after {
        let name = p.rsplit('/').next().unwrap();
        assert!(name != "evil" && name != "x", "written outside: {p}");
    }
}

#[test]
fn other_escaping_aliases_and_paths_are_refused() {
    for (file, line, field) in [
        (SVC, "aliases = [\"/old/../../../x/\"]", "aliases[0]"),
        (SVC, "aliases = [\"https://evil.example/x\"]", "aliases[0]"),
        (SVC, "aliases = [\"\\\\server\\\\share\"]", "aliases[0]"),
        ("content/about.md", "path = \"../../x\"", "path"),
        ("content/about.md", "path = \"a/%2e%2e/b\"", "path"),
    ] {
        let site = Site::at_depth(&["a", "b"]);
        site.add_top_level(file, line);
        let (code, diags) = site.check_json();
        assert_eq!(code, 1, "{line} must be refused: {diags:#?}");
        assert!(
            diags
                .iter()
                .any(|d| d.file == file && d.field.as_deref() == Some(field)),
            "{line}: {diags:#?}"
        );
        let before = all_paths(site.tmp.path());
        site.build(&[]).code(1);
        assert_eq!(all_paths(site.tmp.path()), before, "{line}");
    }
}

#[test]
fn a_symlink_in_content_is_not_followed() {
    // A page bundle attachment that is a symlink to a file outside the site must not be
    // copied into the output.
    #[cfg(unix)]
    {
        let site = Site::new();
        let secret = site.tmp.path().join("secret.txt");
        std::fs::write(&secret, "СЕКРЕТ").unwrap();
        std::os::unix::fs::symlink(
            &secret,
            site.path("content/standards/gost-r-52143-2013/secret.txt"),
        )
        .unwrap();
        site.build(&[]).ok();
        for (path, bytes) in snapshot(&site.public()) {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("СЕКРЕТ"),
                "{path} leaks a file outside the site"
            );
        }
    }
}

#[test]
fn the_tag_scanner_of_these_tests_sees_real_markup_only() {
    let t = tags("<p>x &lt;img onerror=a&gt;</p><meta content=\"&lt;b onclick=x&gt;\"><img src=x onerror=alert(1)><a href='java&#x3a;script:x'>");
    let names: Vec<&str> = t.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["p", "/p", "meta", "img", "a"]);
    assert_eq!(
        t[2].1,
        vec![("content".to_string(), "&lt;b onclick=x&gt;".to_string())]
    );
    assert_eq!(t[3].1[1], ("onerror".to_string(), "alert(1)".to_string()));
    assert_eq!(scheme_of(" JaVa\tScRiPt&colon;alert(1)"), "javascript");
    assert_eq!(scheme_of("/services/x/"), "");
    assert_eq!(scheme_of("https://a.example/"), "https");
}

/// Codes of the errors `check` reports, with their files.
fn error_codes(site: &Site) -> Vec<(String, String)> {
    let (code, diags) = site.check_json();
    assert_eq!(code, 1, "expected errors: {diags:?}");
    diags.into_iter().map(|d| (d.code, d.file)).collect()
}

#[test]
fn content_files_cannot_replace_pages_or_ship_scripts() {
    let site = Site::new();
    site.write("content/index.html", "<script src=\"/x.js\"></script>");
    site.write("content/x.js", "alert(1)");
    site.write("content/services/index.html", "подмена");
    site.write("content/sitemap.xml", "<urlset/>");
    site.write("content/logo.svg", "<svg onload=\"alert(1)\"/>");
    let errors = error_codes(&site);
    for file in [
        "content/index.html",
        "content/x.js",
        "content/services/index.html",
        "content/sitemap.xml",
        "content/logo.svg",
    ] {
        assert!(
            errors.contains(&("asset-type".to_string(), file.to_string())),
            "{file} not reported: {errors:?}"
        );
    }
    site.build(&[]).code(1);
    assert!(!site.public().exists(), "nothing is published");
}

#[test]
fn attachments_with_unsafe_names_are_reported_not_half_built() {
    let site = Site::new();
    site.write("content/help/Положение о порядке.pdf", "%PDF-1.4");
    let errors = error_codes(&site);
    assert!(
        errors.contains(&(
            "asset-name".to_string(),
            "content/help/Положение о порядке.pdf".to_string()
        )),
        "{errors:?}"
    );
}

#[test]
fn aliases_cannot_overwrite_generated_files() {
    for alias in [
        "/index.html",
        "/services/index.html",
        "/sitemap.xml",
        "/robots.txt",
    ] {
        let site = Site::new();
        site.replace(
            "content/about.md",
            "+++\n",
            &format!("+++\naliases = [\"{alias}\"]\n"),
        );
        let (code, diags) = site.check_json();
        assert_eq!(code, 1, "{alias} passed check");
        assert!(
            diags
                .iter()
                .any(|d| d.code == "url-collision" && d.file == "content/about.md"),
            "{alias}: {diags:?}"
        );
    }
}

#[test]
fn output_folder_with_someone_elses_files_is_refused() {
    let site = Site::new();
    let precious = site.tmp.path().join("precious");
    std::fs::create_dir_all(&precious).unwrap();
    std::fs::write(precious.join("thesis.txt"), "годы работы").unwrap();
    let r = site.build(&["--output", precious.to_str().unwrap()]);
    r.code(2);
    assert!(r.stderr.contains("не пуста"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(precious.join("thesis.txt")).unwrap(),
        "годы работы"
    );
    // Its own output folder is replaced as usual.
    site.build(&[]).ok();
    site.build(&[]).ok();
}

#[test]
fn data_files_that_are_symlinks_are_refused_without_echoing_their_target() {
    let site = Site::new();
    let secret = site.tmp.path().join("secret.toml");
    std::fs::write(&secret, "[root]\ntitle = \"СЕКРЕТ-ИЗ-ЧУЖОГО-ФАЙЛА\"\n").unwrap();
    let audiences = site.path("data/audiences.toml");
    std::fs::remove_file(&audiences).unwrap();
    std::os::unix::fs::symlink(&secret, &audiences).unwrap();
    let r = site.socnav(&["check"]);
    r.code(1);
    assert!(r.stdout.contains("символическая ссылка"), "{}", r.stdout);
    assert!(!r.stdout.contains("СЕКРЕТ"), "{}", r.stdout);
}
