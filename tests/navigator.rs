//! What a citizen's browser gets from the navigator theme, read from the built HTML:
//! first-view bytes, no third-party requests, lazy images, metadata for search engines,
//! feedback forms that work without JavaScript, a service's place in its life situation,
//! and region pages with the federal measures.

mod common;

use std::io::Write;

use common::*;

fn built() -> Site {
    let site = Site::new();
    site.build(&[]).ok();
    site
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

/// The bundled catalogue built into a temp folder: (the folder, kept alive; the output).
fn bundled() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    run_in(
        &manifest_dir(),
        &["build", "--output", out.to_str().unwrap()],
    )
    .ok();
    (tmp, out)
}

/// The values of `attr="..."` on every `<tag ...>` in `html`.
fn attrs<'a>(html: &'a str, tag: &str, attr: &str) -> Vec<&'a str> {
    html.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|t| {
            let t = &t[..t.find('>').unwrap_or(t.len())];
            t.split(&format!(" {attr}=\""))
                .nth(1)
                .or_else(|| t.strip_prefix(&format!("{attr}=\"")))
                .and_then(|v| v.split('"').next())
        })
        .collect()
}

/// The JSON-LD block of a page, parsed.
fn jsonld(html: &str) -> serde_json::Value {
    let text = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .expect("a JSON-LD block");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("JSON-LD is not JSON ({e}): {text}"))
}

/// Every service page of the bundled catalogue arrives in the first round trip: its HTML
/// plus the one stylesheet it needs to render, gzipped, fit in 14 KB (about ten TCP
/// segments of a fresh connection). No script is needed to render it.
#[test]
fn bundled_service_pages_first_view_fits_14_kb() {
    let (_tmp, out) = bundled();
    let mut sizes = Vec::new();
    for e in std::fs::read_dir(out.join("services")).unwrap().flatten() {
        let page = e.path().join("index.html");
        if !page.is_file() || e.file_name() == "page" {
            continue;
        }
        let html = std::fs::read_to_string(&page).unwrap();
        let styles: Vec<&str> = html
            .split("<link rel=\"stylesheet\" href=\"")
            .skip(1)
            .filter(|l| {
                let tag = &l[..l.find('>').unwrap()];
                !tag.contains("media=\"print\"")
            })
            .map(|l| l.split('"').next().unwrap())
            .collect();
        assert_eq!(
            styles.len(),
            1,
            "one render-blocking stylesheet: {styles:?}"
        );
        let css = std::fs::read(out.join(styles[0].trim_start_matches('/'))).unwrap();
        let bytes = gzip_len(html.as_bytes()) + gzip_len(&css);
        sizes.push((bytes, e.file_name().to_string_lossy().to_string()));
        for tag in html.split("<script ").skip(1) {
            let tag = &tag[..tag.find('>').unwrap()];
            assert!(
                !tag.contains("src=") || tag.split_whitespace().any(|a| a == "defer"),
                "scripts never block the first render: <script {tag}>"
            );
        }
    }
    sizes.sort();
    assert!(sizes.len() >= 25, "the bundled catalogue's services");
    let (max, worst) = sizes.last().unwrap();
    assert!(
        *max <= 14 * 1024,
        "{worst}: {max} bytes gzipped (HTML + CSS) > 14 KB"
    );
}

/// No web fonts and no requests to other sites: every stylesheet, script, image, icon and
/// form target is the site's own.
#[test]
fn pages_make_no_third_party_requests() {
    let site = built();
    for page in all_paths(&site.public()) {
        // /admin/ is the editors' Decap CMS, not a page citizens open: it must load
        // Decap from its CDN (pinned, with an integrity hash; tests/admin.rs checks it).
        if !page.ends_with(".html") || page.starts_with("admin/") {
            continue;
        }
        let html = site.out(&page);
        let mut urls: Vec<&str> = Vec::new();
        urls.extend(attrs(&html, "link", "href"));
        urls.extend(attrs(&html, "script", "src"));
        urls.extend(attrs(&html, "img", "src"));
        urls.extend(attrs(&html, "iframe", "src"));
        urls.extend(attrs(&html, "form", "action"));
        for u in urls {
            let canonical = html.contains(&format!("rel=\"canonical\" href=\"{u}\""));
            assert!(
                u.starts_with('/') && !u.starts_with("//") || canonical,
                "{page}: request to another site: {u}"
            );
        }
        assert!(!html.contains("@font-face"), "{page}: a web font");
    }
    for css in all_paths(&site.public()) {
        if css.ends_with(".css") {
            let text = site.out(&css);
            assert!(!text.contains("@font-face") && !text.contains("@import"));
            assert!(!text.contains("url(http") && !text.contains("url(//"));
        }
    }
}

#[test]
fn body_images_load_lazily_with_their_size() {
    let site = Site::new();
    // A 3×2 PNG in the page bundle of a standard.
    let png: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0,
        0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0, 0x12, 0x16, 0xf1, 0x4d,
    ];
    site.write("content/standards/gost-r-52143-2013/schema.png", png);
    let rel = "content/standards/gost-r-52143-2013/index.md";
    let text = site.read(rel);
    site.write(
        rel,
        format!("{text}\n![Схема оценки качества](schema.png)\n"),
    );
    site.build(&[]).ok();
    let html = site.out("standards/gost-r-52143-2013/index.html");
    let img = html
        .split("<img ")
        .nth(1)
        .and_then(|s| s.split('>').next())
        .expect("the image");
    for want in [
        "src=\"schema.png\"",
        "alt=\"Схема оценки качества\"",
        "loading=\"lazy\"",
        "decoding=\"async\"",
        "width=\"3\"",
        "height=\"2\"",
    ] {
        assert!(img.contains(want), "{want} in <img {img}>");
    }
}

#[test]
fn an_image_from_another_site_is_an_error_with_its_line() {
    let site = Site::new();
    let rel = "content/services/edv-invalidam.md";
    let text = site.read(rel);
    site.write(
        rel,
        format!("{text}\nСхема:\n\n![схема](https://tracker.example/pixel.png)\n"),
    );
    let d = site.single_error();
    assert_eq!(d.code, "external-image");
    assert_eq!(d.file, rel);
    let (line, _) = loc(&site.read(rel), "![схема]");
    assert_eq!(d.line, line);
    assert!(d.message.contains("https://tracker.example/pixel.png"));
    assert!(d.help.as_deref().unwrap_or("").contains("static/"));
}

#[test]
fn record_pages_carry_json_ld_and_open_graph() {
    let site = built();
    let html = site.out("services/edinoe-posobie/index.html");
    let ld = jsonld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "GovernmentService");
    assert_eq!(ld["url"], format!("{BASE}/services/edinoe-posobie/"));
    assert_eq!(ld["areaServed"]["@type"], "Country");
    assert!(ld["audience"]["audienceType"]
        .as_str()
        .unwrap()
        .contains("Семьи"));
    assert_eq!(ld["availableChannel"]["@type"], "ServiceChannel");
    assert!(ld["availableChannel"]["processingTime"]
        .as_str()
        .unwrap()
        .starts_with('P'));
    let op = &ld["serviceOperator"];
    let op = if op.is_array() { &op[0] } else { op };
    assert_eq!(op["@type"], "GovernmentOrganization");
    assert!(html.contains("<meta property=\"og:title\" content=\"Единое пособие"));
    assert!(html.contains(&format!(
        "<meta property=\"og:url\" content=\"{BASE}/services/edinoe-posobie/\">"
    )));
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"{BASE}/services/edinoe-posobie/\">"
    )));

    let ngo = jsonld(&site.out("providers/kcson-kurgan/index.html"));
    assert!(
        ["GovernmentOrganization", "NGO"].contains(&ngo["@type"].as_str().unwrap()),
        "{ngo}"
    );
    assert!(ngo.get("telephone").is_some() || ngo.get("email").is_some());

    // Text from content cannot close the script element.
    let rel = "content/services/edinoe-posobie.md";
    site.replace(
        rel,
        "title = \"Единое пособие",
        "title = \"</script><script>alert(1)</script>Единое пособие",
    );
    site.build(&[]).ok();
    let html = site.out("services/edinoe-posobie/index.html");
    let block = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    assert!(block.contains("\\u003c/script>"), "{block}");
    assert_eq!(
        jsonld(&html)["name"].as_str().unwrap(),
        "</script><script>alert(1)</script>Единое пособие на детей и беременных женщин"
    );
}

#[test]
fn feedback_forms_post_to_netlify_without_javascript() {
    let site = built();
    let html = site.out("services/edinoe-posobie/index.html");
    for name in ["polezno", "oshibka"] {
        let form = html
            .split(&format!("<form class=\"feedback-form\" name=\"{name}\""))
            .nth(1)
            .and_then(|s| s.split("</form>").next())
            .unwrap_or_else(|| panic!("form {name}"));
        let head = &form[..form.find('>').unwrap()];
        assert!(head.contains("method=\"post\""), "{head}");
        assert!(head.contains("action=\"/spasibo/\""), "{head}");
        assert!(head.contains("data-netlify=\"true\""), "{head}");
        assert!(head.contains("netlify-honeypot=\"bot-field\""), "{head}");
        assert!(form.contains(&format!("name=\"form-name\" value=\"{name}\"")));
        assert!(form.contains("name=\"bot-field\""));
        assert!(form.contains("name=\"page\" value=\"/services/edinoe-posobie/\""));
        assert!(form.contains("<button type=\"submit\">"));
    }
    assert!(html.contains("name=\"useful\" value=\"да\""));
    assert!(html.contains("name=\"useful\" value=\"нет\""));
    assert!(html.contains("<summary>Сообщить об ошибке</summary>"));
    assert!(site.out("spasibo/index.html").contains("Спасибо"));
    // «Предложить правку»: the record's file in the repository's editor.
    assert!(html.contains(
        "href=\"https://example.org/socnav/edit/main/content/services/edinoe-posobie.md\""
    ));
    for page in [
        "providers/sfr/index.html",
        "standards/gost-r-52143-2013/index.html",
        "situations/rozhdenie-rebenka/index.html",
    ] {
        assert!(site.out(page).contains("name=\"oshibka\""), "{page}");
    }
}

#[test]
fn feedback_goes_to_the_configured_endpoint_on_other_hosts() {
    let site = Site::new();
    site.replace(
        "config.toml",
        "[extra]\n",
        "[extra]\nfeedback_endpoint = \"https://forms.example.org/socnav\"\nrepository_branch = \"content\"\n",
    );
    site.build(&[]).ok();
    let html = site.out("services/edinoe-posobie/index.html");
    assert!(html.contains("action=\"https://forms.example.org/socnav\""));
    assert!(!html.contains("data-netlify"));
    assert!(html.contains("/edit/content/content/services/edinoe-posobie.md\""));
}

#[test]
fn document_conditions_read_as_one_sentence() {
    let site = Site::new();
    let rel = "content/services/edinoe-posobie.md";
    let text = site.read(rel);
    let at = text.find("[[extra.documents]]").expect("documents");
    let doc = "[[extra.documents]]\nname = \"Справка МСЭ\"\ncondition = \"Если ребёнок — инвалид\"\n\n[[extra.documents]]\nname = \"Справка из школы\"\ncondition = \"МФЦ не получит её сам\"\n\n";
    site.write(rel, format!("{}{doc}{}", &text[..at], &text[at..]));
    site.build(&[]).ok();
    let html = site.out("services/edinoe-posobie/index.html");
    assert!(
        html.contains("Нужен, если ребёнок — инвалид"),
        "lower-cased «Если»"
    );
    assert!(
        html.contains("Нужен, если МФЦ не получит её сам"),
        "abbreviations kept"
    );
    assert!(!html.contains("если Если") && !html.contains("если если"));
}

#[test]
fn region_page_lists_federal_measures_too() {
    let site = built();
    let html = site.out("regions/kurgan/index.html");
    let own = html.split("id=\"federalnye\"").next().unwrap();
    assert!(own.contains("href=\"/services/socialnoe-obsluzhivanie-na-domu/\""));
    let federal = html
        .split("id=\"federalnye\"")
        .nth(1)
        .expect("a federal block on a region's page");
    assert!(federal.contains("href=\"/services/edinoe-posobie/\""));
    assert!(federal.contains("data-regions=\"federal\""));
    let fed_page = site.out("regions/federal/index.html");
    assert!(!fed_page.contains("id=\"federalnye\""));
}

#[test]
fn situation_steps_show_each_measure_s_key_facts() {
    let site = built();
    let html = site.out("situations/rozhdenie-rebenka/index.html");
    let step = html
        .split("id=\"shag-2\"")
        .nth(1)
        .and_then(|s| s.split("</li>\n<li class=\"step\"").next())
        .expect("step 2");
    assert!(step.contains("href=\"/services/edinoe-posobie/\""));
    for fact in ["Стоимость:", "Решение:", "Куда обращаться:"] {
        assert!(step.contains(fact), "{fact} in step 2: {step}");
    }
}

#[test]
fn provider_directory_has_pre_sorted_lists_without_javascript() {
    let site = built();
    let list = site.out("providers/index.html");
    for (url, label) in [
        ("/providers/po/sfere/", "по сфере деятельности"),
        ("/providers/po/gruppam/", "по группам, которым помогают"),
        ("/providers/po/vidu/", "по виду организации"),
        ("/providers/po/regionam/", "по регионам"),
    ] {
        assert!(
            list.contains(&format!("<a href=\"{url}\">{label}</a>")),
            "{url} linked from the A–Z list"
        );
    }
    let by_kind = site.out("providers/po/vidu/index.html");
    let body = by_kind.split("<main").nth(1).unwrap();
    // Groups in alphabetical order, each with its records.
    let state_body = body.find(">Государственный орган</h2>").expect("group");
    let institution = body
        .find(">Государственное учреждение</h2>")
        .expect("group");
    assert!(institution < state_body, "groups sorted by title");
    let sfr = body.find("href=\"/providers/sfr/\"").unwrap();
    let kcson = body.find("href=\"/providers/kcson-kurgan/\"").unwrap();
    assert!(kcson > institution && kcson < state_body && sfr > state_body);
    assert!(by_kind.contains("<strong aria-current=\"page\">по виду организации</strong>"));
    let sitemap = site.out("sitemap.xml");
    assert!(sitemap.contains(&format!("<loc>{BASE}/providers/po/vidu/</loc>")));
    assert!(sitemap.contains(&format!("<loc>{BASE}/standards/po/statusu/</loc>")));

    let by_status = site.out("standards/po/statusu/index.html");
    assert!(by_status.contains(">Действует</h2>"));
    assert!(by_status.contains(">Заменён</h2>"));
}

#[test]
fn standard_in_public_discussion_takes_comments_until_its_deadline() {
    let site = Site::new();
    let rel = "content/standards/gost-r-52143-2013/index.md";
    site.replace(
        rel,
        "status = \"in-force\"",
        "status = \"public-discussion\"\ndiscussion_until = 2027-01-31",
    );
    site.build(&[]).ok();
    let html = site.out("standards/gost-r-52143-2013/index.html");
    assert!(html.contains("Идёт общественное обсуждение до <time datetime=\"2027-01-31\">"));
    let form = html
        .split("name=\"obsuzhdenie\"")
        .nth(1)
        .expect("a comment form");
    assert!(form.contains("name=\"standard\" value=\"ГОСТ Р 52143-2013\""));
    assert!(form.contains("<textarea id=\"obsuzhdenie-text\" name=\"comment\""));

    site.replace(
        rel,
        "discussion_until = 2027-01-31",
        "discussion_until = 2026-10-01",
    );
    site.build(&[]).ok();
    let html = site.out("standards/gost-r-52143-2013/index.html");
    assert!(!html.contains("name=\"obsuzhdenie\""), "closed: no form");
}

/// A small JSON Schema check for the keywords socnav's generated schema uses.
fn validate(
    schema: &serde_json::Value,
    root: &serde_json::Value,
    v: &serde_json::Value,
    at: &str,
    errors: &mut Vec<String>,
) {
    use serde_json::Value;
    let s = match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => root
            .pointer(r.trim_start_matches('#'))
            .expect("a $ref target"),
        None => schema,
    };
    if let Some(c) = s.get("const") {
        if c != v {
            errors.push(format!("{at}: {v} is not {c}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{at}: {v} not in {e:?}"));
        }
    }
    let ok = match s.get("type").and_then(Value::as_str) {
        Some("object") => v.is_object(),
        Some("array") => v.is_array(),
        Some("string") => v.is_string(),
        Some("integer") => v.is_i64() || v.is_u64(),
        Some("number") => v.is_number(),
        Some("boolean") => v.is_boolean(),
        _ => true,
    };
    if !ok {
        errors.push(format!("{at}: {v} is not a {}", s["type"]));
        return;
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !obj.contains_key(r.as_str().unwrap()) {
                errors.push(format!("{at}: missing {r}"));
            }
        }
        for (k, x) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(ps, root, x, &format!("{at}.{k}"), errors),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: unexpected key {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            validate(items, root, x, &format!("{at}[{i}]"), errors);
        }
    }
}

#[test]
fn open_data_catalogue_matches_its_schema_and_csv_has_every_record() {
    let (_tmp, out) = bundled();
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let catalogue: serde_json::Value =
        serde_json::from_str(&read("opendata/catalogue.json")).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&read("opendata/catalogue.schema.json")).unwrap();
    assert_eq!(catalogue["version"], "1.0");
    let mut errors = Vec::new();
    validate(&schema, &schema, &catalogue, "catalogue", &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // Editing a record wrongly is caught by the same schema.
    let mut broken = catalogue.clone();
    broken["records"]["services"][0]["extra"]["level"] = "galactic".into();
    let mut errors = Vec::new();
    validate(&schema, &schema, &broken, "catalogue", &mut errors);
    assert!(errors.iter().any(|e| e.contains("galactic")), "{errors:?}");

    let services = catalogue["records"]["services"].as_array().unwrap();
    assert!(services.len() >= 25);
    let edinoe = services
        .iter()
        .find(|s| s["slug"] == "edinoe-posobie")
        .expect("edinoe-posobie");
    let doc = &edinoe["extra"]["documents"][0];
    assert!(doc["name"].is_string(), "document titles resolved: {doc}");

    // CSV: a header and one CRLF line per record (no record spans lines unquoted).
    let csv = read("opendata/services.csv");
    assert!(csv.starts_with("kind,slug,url,title,description,"));
    assert!(csv.contains(",extra.apply.where,"));
    let rows = csv
        .split("\r\n")
        .filter(|l| l.starts_with("service,"))
        .count();
    assert_eq!(rows, services.len());

    // Each record page links to its own JSON, which is the catalogue's record.
    let page = read("services/edinoe-posobie/index.html");
    assert!(page.contains("href=\"/opendata/services/edinoe-posobie.json\""));
    let own: serde_json::Value =
        serde_json::from_str(&read("opendata/services/edinoe-posobie.json")).unwrap();
    assert_eq!(&own, edinoe);
    assert!(read("providers/sfr/index.html").contains("href=\"/opendata/providers/sfr.json\""));
}

/// Age bounds say whose age they are: the applicant's by default, or, with
/// `age_of = "child"`, the child's (child benefits). The page names it, and the
/// questionnaire's data marks it, so a parent's own age is never compared with them.
#[test]
fn age_bounds_of_a_child_are_named_so_and_not_compared_with_the_visitors_age() {
    let site = built();
    let page = "services/edinoe-posobie/index.html";
    let federal = || -> serde_json::Value {
        serde_json::from_str(&site.out("podbor/federal.json")).expect("podbor data is JSON")
    };
    let measure = |data: &serde_json::Value| {
        data["measures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m[0] == "/services/edinoe-posobie/")
            .expect("the measure is in federal.json")
            .clone()
    };
    assert!(
        site.out(page)
            .contains("<strong>Возраст:</strong> до 17 лет"),
        "{}",
        site.out(page)
    );
    assert_eq!(measure(&federal())[7], serde_json::Value::Null);

    let text = site
        .read("content/services/edinoe-posobie.md")
        .replace("age_max = 17\n", "age_max = 17\nage_of = \"child\"\n");
    site.write("content/services/edinoe-posobie.md", text);
    site.build(&[]).ok();
    assert!(site
        .out(page)
        .contains("<strong>Возраст ребёнка:</strong> до 17 лет"));
    let m = measure(&federal());
    assert_eq!(
        (m[4].as_i64(), m[5].as_i64(), m[7].as_str()),
        (Some(0), Some(17), Some("child"))
    );

    // Anything else is an error that names the values it may take.
    let text = site
        .read("content/services/edinoe-posobie.md")
        .replace("age_of = \"child\"", "age_of = \"rebenok\"");
    site.write("content/services/edinoe-posobie.md", text);
    let d = site.single_error();
    assert_eq!(
        d.field.as_deref(),
        Some("extra.eligibility.age_of"),
        "{d:?}"
    );
    assert!(d.help.as_deref().unwrap_or("").contains("child"), "{d:?}");
}
