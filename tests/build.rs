//! `socnav build` on the fixture site: every output the navigator promises, and a failed
//! build that leaves the last good site alone.

mod common;

use std::collections::BTreeSet;

use common::*;

const SERVICE: &str = "services/edinoe-posobie/index.html";

/// The part of a page from the `<h2>` with this text to the end of its `<section>`.
fn section_of<'a>(html: &'a str, h2_text: &str) -> &'a str {
    let start = html
        .find(&format!(">{h2_text}</h2>"))
        .unwrap_or_else(|| panic!("no <h2>{h2_text}</h2> in page"));
    let rest = &html[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

fn built() -> Site {
    let site = Site::new();
    site.build(&[]).ok();
    site
}

/// The hashed stylesheet's URL as linked from a page.
fn stylesheet_href(html: &str) -> String {
    let i = html
        .find("rel=\"stylesheet\" href=\"")
        .expect("page links a stylesheet");
    let rest = &html[i + "rel=\"stylesheet\" href=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// `<loc>` values of sitemap.xml.
fn sitemap_locs(xml: &str) -> BTreeSet<String> {
    xml.split("<loc>")
        .skip(1)
        .map(|s| s[..s.find("</loc>").unwrap()].to_string())
        .collect()
}

#[test]
fn build_succeeds_with_one_summary_line() {
    let site = Site::new();
    let r = site.build(&[]);
    r.ok();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one summary line expected: {:?}", r.stdout);
    let line = lines[0];
    assert!(line.starts_with("Собрано за "), "{line}");
    assert!(
        line.contains("записи: 3 меры поддержки, 2 организации, 2 стандарта, 1 жизненная ситуация"),
        "{line}"
    );
    assert!(
        line.ends_with(&format!("→ {}", site.public().display())),
        "{line}"
    );
    assert!(r.stderr.is_empty(), "nothing on stderr: {}", r.stderr);
    assert!(site.public().join("index.html").is_file());
}

#[test]
fn service_page_has_the_required_sections_in_order() {
    let site = built();
    let html = site.out(SERVICE);
    let required = [
        "Кратко",
        "Кто может получить",
        "Какие документы нужны",
        "Как получить",
        "Сроки",
        "Если отказали",
        "Кто предоставляет",
        "Нормативные акты",
        "Стандарты",
    ];
    let found: Vec<String> = h2s(&html)
        .into_iter()
        .filter(|h| required.contains(&h.as_str()))
        .collect();
    assert_eq!(found, required, "h2 headings of the service page");
    let reviewed = html.find("Проверено:").expect("«Проверено:» on the page");
    let standards = html.find(">Стандарты</h2>").unwrap();
    assert!(
        reviewed > standards,
        "«Проверено:» comes after the sections"
    );
    assert!(html.contains("10 ноября 2026"), "review date in Russian");
    // The content of the sections comes from the record.
    assert!(html.contains("ТЕКСТ-ЕДИНОГО-ПОСОБИЯ"));
    assert!(section_of(&html, "Какие документы нужны").contains("Паспорт гражданина РФ"));
    assert!(section_of(&html, "Какие документы нужны").contains("Справка о доходах"));
    assert!(section_of(&html, "Сроки").contains("10 рабочих дней"));
    assert!(section_of(&html, "Если отказали").contains("Обратитесь в суд."));
    assert!(section_of(&html, "Кто предоставляет").contains("href=\"/providers/sfr/\""));
    assert!(section_of(&html, "Стандарты").contains("ГОСТ Р 52143-2013"));
    // Record bodies sit under the page's own h2: `##` in the body becomes h3.
    assert!(html.contains("<h3>Сколько платят</h3>") || html.contains("Сколько платят</h3>"));
    assert!(!h2s(&html).contains(&"Сколько платят".to_string()));
}

#[test]
fn provider_page_lists_the_services_that_reference_it() {
    let site = built();
    let sfr = site.out("providers/sfr/index.html");
    let list = section_of(&sfr, "Меры поддержки");
    assert!(list.contains("href=\"/services/edinoe-posobie/\""));
    assert!(list.contains("href=\"/services/edv-invalidam/\""));
    assert!(!list.contains("socialnoe-obsluzhivanie-na-domu"));
    assert!(!sfr.contains("chernovik-mery"), "drafts are not linked");
    // Sorted by title: «Единое…» before «Ежемесячная…».
    assert!(
        list.find("edinoe-posobie").unwrap() < list.find("edv-invalidam").unwrap(),
        "services sorted by title"
    );
    let kcson = site.out("providers/kcson-kurgan/index.html");
    let list = section_of(&kcson, "Меры поддержки");
    assert!(list.contains("href=\"/services/socialnoe-obsluzhivanie-na-domu/\""));
    assert!(!list.contains("edinoe-posobie"));
    assert!(kcson.contains("7707083893"), "INN shown");
    // A standard names kcson-kurgan as its developer: listed on the provider's page.
    let developed = section_of(&kcson, "Разработанные стандарты");
    assert!(developed.contains("href=\"/standards/gost-r-52143-2013/\""));
    assert!(!developed.contains("gost-r-52143-2003"));
    assert!(!sfr.contains(">Разработанные стандарты</h2>"));
}

#[test]
fn standard_pages_list_governed_services_and_the_successor() {
    let site = built();
    let new = site.out("standards/gost-r-52143-2013/index.html");
    let governed = section_of(&new, "Где применяется");
    assert!(governed.contains("href=\"/services/edinoe-posobie/\""));
    assert!(governed.contains("href=\"/services/socialnoe-obsluzhivanie-na-domu/\""));
    assert!(!governed.contains("edv-invalidam"));
    // The new standard lists the one it replaced (reverse link).
    assert!(section_of(&new, "Заменяет").contains("href=\"/standards/gost-r-52143-2003/\""));
    // Developer given as a provider slug becomes a link.
    assert!(new.contains("href=\"/providers/kcson-kurgan/\""));

    let old = site.out("standards/gost-r-52143-2003/index.html");
    let notice_at = old
        .find("Заменён:")
        .expect("superseded standard names its successor");
    let notice = &old[notice_at..];
    let notice = &notice[..notice.find("</p>").unwrap()];
    assert!(
        notice.contains("href=\"/standards/gost-r-52143-2013/\""),
        "{notice}"
    );
    assert!(notice.contains("ГОСТ Р 52143-2013"), "{notice}");
    assert!(
        !old.contains(">Где применяется</h2>"),
        "no service cites the old one"
    );
}

#[test]
fn service_page_shows_its_life_situation() {
    let site = built();
    let html = site.out(SERVICE);
    // The route of the situation, beside the service, with this service's step marked and
    // the other steps linked to the situation's page.
    let aside = html
        .split("<aside class=\"route-aside\"")
        .nth(1)
        .and_then(|s| s.split("</aside>").next())
        .expect("the situation's route beside the service");
    assert!(
        aside.contains("href=\"/situations/rozhdenie-rebenka/\">Рождение ребёнка</a>"),
        "{aside}"
    );
    let items: Vec<&str> = aside.split("<li").skip(1).collect();
    assert_eq!(items.len(), 2, "every step of the route: {aside}");
    assert!(items[0].contains("href=\"/situations/rozhdenie-rebenka/#shag-1\""));
    assert!(!items[0].contains("aria-current"));
    assert!(
        items[1].contains("aria-current=\"step\"") && items[1].contains("вы здесь"),
        "step 2 is this service's: {aside}"
    );
    assert!(
        !items[1].contains("href="),
        "the current step is not a link"
    );
    let other = site.out("services/edv-invalidam/index.html");
    assert!(!other.contains("/situations/rozhdenie-rebenka/"));
    let situation = site.out("situations/rozhdenie-rebenka/index.html");
    assert!(situation.contains("href=\"/services/edinoe-posobie/\""));
    assert!(situation.contains("Получите свидетельство о рождении"));
}

#[test]
fn taxonomy_list_and_term_pages() {
    let site = built();
    let list = site.out("categories/index.html");
    for term in ["family", "disability", "social-services", "standards"] {
        assert!(
            list.contains(&format!("href=\"/categories/{term}/\"")),
            "term {term} listed"
        );
    }
    assert!(
        list.contains("Семья и дети"),
        "label from data/categories.toml"
    );
    let family = site.out("categories/family/index.html");
    assert!(family.contains("Семья и дети"));
    assert!(family.contains("href=\"/services/edinoe-posobie/\""));
    assert!(family.contains("href=\"/providers/sfr/\""));
    assert!(!family.contains("href=\"/services/edv-invalidam/\""));
    assert!(!family.contains("chernovik-mery"));
    let disability = site.out("categories/disability/index.html");
    assert!(disability.contains("href=\"/services/edv-invalidam/\""));
    assert!(!disability.contains("href=\"/services/edinoe-posobie/\""));
    for t in ["audiences", "regions"] {
        assert!(site.public().join(t).join("index.html").is_file(), "/{t}/");
    }
    assert!(site
        .out("regions/kurgan/index.html")
        .contains("href=\"/services/socialnoe-obsluzhivanie-na-domu/\""));
    assert!(
        !site.public().join("categories/pensions").exists(),
        "no unknown terms"
    );
}

#[test]
fn section_list_pages() {
    let site = built();
    let services = site.out("services/index.html");
    assert!(services.contains("Меры поддержки"));
    assert!(services.contains("Список мер поддержки."), "section body");
    let order: Vec<usize> = [
        "/services/edinoe-posobie/",
        "/services/edv-invalidam/",
        "/services/socialnoe-obsluzhivanie-na-domu/",
    ]
    .iter()
    .map(|u| {
        services
            .find(&format!("href=\"{u}\""))
            .unwrap_or_else(|| panic!("{u} listed"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "sorted by title");
    assert!(!services.contains("chernovik-mery"));
    let providers = site.out("providers/index.html");
    assert!(providers.contains("href=\"/providers/sfr/\""));
    assert!(providers.contains("href=\"/providers/kcson-kurgan/\""));
    let standards = site.out("standards/index.html");
    assert!(standards.contains("href=\"/standards/gost-r-52143-2003/\""));
    assert!(standards.contains("href=\"/standards/gost-r-52143-2013/\""));
    let home = site.out("index.html");
    assert!(home.contains("href=\"/situations/rozhdenie-rebenka/\""));
}

#[test]
fn alias_gets_a_redirect_page_and_a_redirects_line() {
    let site = built();
    let target = format!("{BASE}/services/edinoe-posobie/");
    let html = site.out("old/edinoe-posobie/index.html");
    assert!(html.contains("http-equiv=\"refresh\""), "{html}");
    assert!(
        html.contains(&format!("content=\"0; url={target}\"")),
        "meta refresh to the absolute target: {html}"
    );
    assert!(html.contains(&format!("href=\"{target}\"")));
    let redirects = site.out("_redirects");
    let line = redirects
        .lines()
        .find(|l| l.starts_with("/old/edinoe-posobie/ "))
        .unwrap_or_else(|| panic!("no _redirects line for the alias:\n{redirects}"));
    let parts: Vec<&str> = line.split_whitespace().collect();
    assert!(
        parts[1] == "/services/edinoe-posobie/" || parts[1] == target,
        "{line}"
    );
    assert!(
        parts.get(2).is_some_and(|c| *c == "301" || *c == "301!"),
        "{line}"
    );
}

#[test]
fn sitemap_lists_every_page_with_the_base_url() {
    let site = built();
    let xml = site.out("sitemap.xml");
    assert!(xml.starts_with("<?xml"));
    let locs = sitemap_locs(&xml);
    // Every HTML page written, except redirects, is in the sitemap, and nothing else.
    let mut pages = BTreeSet::new();
    for p in all_paths(&site.public()) {
        if let Some(dir) = p.strip_suffix("index.html") {
            // Redirects, and service pages that are not content (the offline page, the
            // feedback thank-you page, the editors' Decap CMS), stay out of the sitemap.
            if dir.starts_with("old/") || dir == "offline/" || dir == "spasibo/" || dir == "admin/"
            {
                continue;
            }
            pages.insert(format!("{BASE}/{dir}"));
        }
    }
    assert!(pages.contains(&format!("{BASE}/services/edinoe-posobie/")));
    assert!(pages.contains(&format!("{BASE}/")));
    assert_eq!(locs, pages, "sitemap <loc>s vs pages written");
    assert!(
        !xml.contains("/old/edinoe-posobie/"),
        "aliases are not pages"
    );
    assert!(!xml.contains("chernovik"), "drafts are not in the sitemap");
}

#[test]
fn robots_atom_and_404() {
    let site = built();
    let robots = site.out("robots.txt");
    assert!(robots.contains("User-agent: *"));
    assert!(robots.contains(&format!("Sitemap: {BASE}/sitemap.xml")));

    let atom = site.out("atom.xml");
    assert!(atom.starts_with("<?xml"));
    assert!(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    for url in [
        "services/edinoe-posobie/",
        "services/edv-invalidam/",
        "services/socialnoe-obsluzhivanie-na-domu/",
        "providers/sfr/",
        "providers/kcson-kurgan/",
        "standards/gost-r-52143-2013/",
        "situations/rozhdenie-rebenka/",
    ] {
        assert!(
            atom.contains(&format!("href=\"{BASE}/{url}\"")),
            "atom entry for {url}"
        );
    }
    assert!(!atom.contains("chernovik"));
    assert!(
        !atom.contains("/about/\""),
        "plain pages are not feed entries"
    );

    let nf = site.out("404.html");
    assert!(nf.contains("<html"));
    assert!(nf.contains(&stylesheet_href(&site.out("index.html"))));
}

#[test]
fn css_name_carries_a_content_hash_and_pages_link_it() {
    let site = built();
    let css: Vec<String> = all_paths(&site.public())
        .into_iter()
        .filter(|p| p.ends_with(".css"))
        .collect();
    // style.<hash>.css, and print.<hash>.css linked for print only; besides them only
    // Leaflet's, which the map of providers loads when asked (tests/map.rs).
    let css: Vec<String> = css
        .into_iter()
        .filter(|p| !p.starts_with("vendor/leaflet/leaflet."))
        .collect();
    assert_eq!(css.len(), 2, "{css:?}");
    let name = css
        .iter()
        .find(|p| p.starts_with("style."))
        .unwrap_or_else(|| panic!("no style.<hash>.css in {css:?}"));
    let print = css
        .iter()
        .find(|p| p.starts_with("print."))
        .unwrap_or_else(|| panic!("no print.<hash>.css in {css:?}"));
    let source = site.read("themes/navigator/static/print.css");
    let published = std::fs::read_to_string(site.public().join(print)).unwrap();
    assert_eq!(
        published,
        minifier::css::minify(&source).unwrap().to_string(),
        "the hashed file is the theme's print stylesheet, minified"
    );
    assert!(
        published.len() < source.len() * 4 / 5 && !published.contains("/*"),
        "comments and spaces are gone"
    );
    assert!(published.contains("@page"), "its rules are kept");
    let hash = name
        .strip_prefix("style.")
        .and_then(|s| s.strip_suffix(".css"))
        .unwrap_or_else(|| panic!("{name}"));
    assert!(
        hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit()),
        "hash in {name}"
    );
    assert_eq!(
        std::fs::read_to_string(site.public().join(name)).unwrap(),
        minifier::css::minify(&site.read("themes/navigator/static/style.css"))
            .unwrap()
            .to_string(),
        "the hashed file is the theme's stylesheet, minified"
    );
    for page in [
        "index.html",
        SERVICE,
        "providers/sfr/index.html",
        "categories/index.html",
        "about/index.html",
        "404.html",
    ] {
        assert_eq!(
            stylesheet_href(&site.out(page)),
            format!("/{name}"),
            "{page}"
        );
        assert!(
            site.out(page).contains(&format!(
                "<link rel=\"stylesheet\" href=\"/{print}\" media=\"print\">"
            )),
            "{page} links /{print} for print"
        );
    }
    // Another stylesheet, another name (a comment alone is not published, so it is a rule).
    let mut css_text = site.read("themes/navigator/static/style.css");
    css_text.push_str("\n.changed { color: #000; }\n");
    site.write("themes/navigator/static/style.css", css_text);
    site.build(&[]).ok();
    let href = stylesheet_href(&site.out("index.html"));
    assert_ne!(
        href,
        format!("/{name}"),
        "content changed, name must change"
    );
    assert!(site.public().join(href.trim_start_matches('/')).is_file());
    assert!(!site.public().join(name).exists(), "old stylesheet gone");
}

#[test]
fn drafts_only_with_the_flag() {
    let site = Site::new();
    let r = site.build(&[]);
    r.ok();
    assert!(r.stdout.contains("3 меры поддержки"));
    assert!(!site.public().join("services/chernovik-mery").exists());
    assert!(!site.out("services/index.html").contains("chernovik-mery"));

    let r = site.build(&["--drafts"]);
    r.ok();
    assert!(r.stdout.contains("4 меры поддержки"), "{}", r.stdout);
    let draft = site.out("services/chernovik-mery/index.html");
    assert!(draft.contains("ТЕКСТ-ЧЕРНОВИКА"));
    assert!(site
        .out("services/index.html")
        .contains("href=\"/services/chernovik-mery/\""));
    assert!(site
        .out("providers/sfr/index.html")
        .contains("href=\"/services/chernovik-mery/\""));
}

#[test]
fn output_and_base_url_are_honoured() {
    let site = Site::new();
    let out = site.tmp.path().join("elsewhere").join("www");
    let r = site.build(&[
        "--output",
        out.to_str().unwrap(),
        "--base-url",
        "https://other.example.org/",
    ]);
    r.ok();
    assert!(
        r.stdout
            .trim_end()
            .ends_with(&format!("→ {}", out.display())),
        "{}",
        r.stdout
    );
    assert!(out.join(SERVICE).is_file());
    assert!(!site.public().exists(), "nothing in the default folder");
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://other.example.org/services/edinoe-posobie/</loc>"));
    assert!(!sitemap.contains("fixture.example"));
    let alias = std::fs::read_to_string(out.join("old/edinoe-posobie/index.html")).unwrap();
    assert!(alias.contains("url=https://other.example.org/services/edinoe-posobie/"));
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://other.example.org/sitemap.xml"));
    let page = std::fs::read_to_string(out.join(SERVICE)).unwrap();
    assert!(
        page.contains("https://other.example.org/services/edinoe-posobie/"),
        "canonical"
    );
    assert!(!page.contains("fixture.example"));
    // Relative --output is resolved against the working directory (the site root here).
    let r = site.build(&["--output", "rel-out"]);
    r.ok();
    assert!(site.path("rel-out").join(SERVICE).is_file());
}

#[test]
fn plain_pages_render() {
    let site = built();
    let about = site.out("about/index.html");
    assert!(about.contains("ТЕКСТ-О-ПРОЕКТЕ"));
    assert!(about.contains("О проекте"));
    let help = site.out("help/index.html");
    assert!(help.contains("ТЕКСТ-РАЗДЕЛА-ПОМОЩИ"));
    assert!(
        help.contains("href=\"/help/page/\""),
        "section lists its page"
    );
    let page = site.out("help/page/index.html");
    assert!(page.contains("ТЕКСТ-СТРАНИЦЫ-ПОМОЩИ"));
    assert!(page.contains("Как пользоваться"));
    assert!(page.contains("Поиск</h"), "Markdown heading rendered");
}

#[test]
fn bundle_attachment_is_copied_next_to_its_page() {
    let site = built();
    let dir = site.public().join("standards/gost-r-52143-2013");
    assert!(dir.join("index.html").is_file());
    assert_eq!(
        std::fs::read(dir.join("tekst.txt")).unwrap(),
        std::fs::read(site.path("content/standards/gost-r-52143-2013/tekst.txt")).unwrap()
    );
    let html = site.out("standards/gost-r-52143-2013/index.html");
    assert!(html.contains("href=\"/standards/gost-r-52143-2013/tekst.txt\""));
    assert!(
        !site
            .public()
            .join("standards/gost-r-52143-2013/index.md")
            .exists(),
        "sources are not published"
    );
}

/// Names in `dir` that look like socnav's staging or swap folders.
fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("socnav"))
        .collect()
}

/// After a successful rebuild the replaced output is removed by a background process:
/// wait (up to 20 s) for it to go, and fail if anything else is left.
fn leftovers_after_cleanup(dir: &std::path::Path) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let left = leftovers(dir);
        let only_old = left.iter().all(|n| n.starts_with(".socnav-old-"));
        if left.is_empty() || !only_old || std::time::Instant::now() > deadline {
            return left;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn failed_build_keeps_the_last_good_output() {
    let site = Site::new();
    site.build(&[]).ok();
    let before = snapshot(&site.public());
    assert!(before.len() > 20);

    site.replace(
        "content/services/edv-invalidam.md",
        "form = \"payment\"",
        "form = \"paymnet\"",
    );
    let r = site.build(&[]);
    r.code(1);
    assert!(
        r.stdout.is_empty(),
        "no summary line on failure: {}",
        r.stdout
    );
    assert!(
        r.stderr.contains("content/services/edv-invalidam.md"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("Прежняя версия сайта не тронута"),
        "{}",
        r.stderr
    );

    assert_eq!(
        snapshot(&site.public()),
        before,
        "output changed after a failed build"
    );
    assert_eq!(
        leftovers(&site.root),
        Vec::<String>::new(),
        "staging left behind"
    );
}

#[test]
fn failed_render_keeps_the_last_good_output() {
    let site = Site::new();
    let out = site.tmp.path().join("out");
    site.build(&["--output", out.to_str().unwrap()]).ok();
    let before = snapshot(&out);

    // Content is valid, but a site-level template override fails while rendering: the
    // staging folder already holds part of the site when the build stops.
    site.write(
        "templates/service.html",
        "{{ page.title }} {{ page.no_such_field_anywhere }}",
    );
    let r = site.build(&["--output", out.to_str().unwrap()]);
    assert_ne!(r.code, 0, "a broken template must fail the build");
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr.contains("service.html"),
        "names the template: {}",
        r.stderr
    );
    assert_eq!(
        snapshot(&out),
        before,
        "output changed after a failed build"
    );
    assert_eq!(
        leftovers(site.tmp.path()),
        Vec::<String>::new(),
        "staging left behind"
    );
    // And a successful build after the fix replaces it.
    site.remove("templates/service.html");
    site.replace(
        "content/services/edv-invalidam.md",
        "Выплату назначают без заявления.",
        "НОВЫЙ-ТЕКСТ.",
    );
    site.build(&["--output", out.to_str().unwrap()]).ok();
    assert!(
        std::fs::read_to_string(out.join("services/edv-invalidam/index.html"))
            .unwrap()
            .contains("НОВЫЙ-ТЕКСТ.")
    );
    assert_eq!(
        leftovers_after_cleanup(site.tmp.path()),
        Vec::<String>::new()
    );
}

#[test]
fn build_never_writes_over_the_site_itself() {
    let site = Site::new();
    let r = site.build(&["--output", site.root.to_str().unwrap()]);
    r.code(2);
    assert!(site.path("content/services/edinoe-posobie.md").is_file());
    assert!(site.path("config.toml").is_file());
    assert_eq!(leftovers(site.tmp.path()), Vec::<String>::new());
}

#[test]
fn paginated_section_pages_exist_and_are_in_the_sitemap() {
    let site = Site::new();
    site.replace(
        "content/services/_index.md",
        "sort_by = \"title\"",
        "sort_by = \"title\"\npaginate_by = 2",
    );
    let r = site.build(&[]);
    r.ok();
    assert!(
        // 18 before pagination, one more list page, and the 6 pre-sorted pages of the
        // provider directory and the standards catalogue.
        r.stdout.contains("25 страниц списков"),
        "one more list page: {}",
        r.stdout
    );
    let first = site.out("services/index.html");
    let second = site.out("services/page/2/index.html");
    assert!(first.contains("href=\"/services/edinoe-posobie/\""));
    assert!(first.contains("href=\"/services/edv-invalidam/\""));
    assert!(!first.contains("href=\"/services/socialnoe-obsluzhivanie-na-domu/\""));
    assert!(
        first.contains("href=\"/services/page/2/\""),
        "link to the next page"
    );
    assert!(second.contains("href=\"/services/socialnoe-obsluzhivanie-na-domu/\""));
    assert!(!second.contains("href=\"/services/edinoe-posobie/\""));
    let locs = sitemap_locs(&site.out("sitemap.xml"));
    assert!(locs.contains(&format!("{BASE}/services/")));
    assert!(
        locs.contains(&format!("{BASE}/services/page/2/")),
        "every list page is in the sitemap (Zola lists paginated pages too)"
    );
}

#[test]
fn attachments_of_a_draft_bundle_stay_unpublished() {
    let site = Site::new();
    // Turn the draft service into a page bundle with an attachment.
    let text = site.read("content/services/chernovik-mery.md");
    site.remove("content/services/chernovik-mery.md");
    site.write("content/services/chernovik-mery/index.md", &text);
    site.write("content/services/chernovik-mery/plan.txt", "СЕКРЕТНЫЙ-ПЛАН");
    site.build(&[]).ok();
    assert!(
        !site
            .public()
            .join("services/chernovik-mery/plan.txt")
            .exists(),
        "a draft's attachment must not be published"
    );
    assert!(!all_paths(&site.public())
        .iter()
        .any(|p| p.contains("plan.txt")));
    site.build(&["--drafts"]).ok();
    assert_eq!(
        site.out("services/chernovik-mery/plan.txt"),
        "СЕКРЕТНЫЙ-ПЛАН"
    );
}

#[test]
fn search_page_is_a_way_in_without_javascript() {
    let site = Site::new();
    site.build(&[]).ok();
    let html = site.out("search/index.html");
    assert!(html.contains("<h1>Поиск</h1>"), "{html}");
    // Every published service, A to Z, linked.
    let az = &html[html.find("Все меры по алфавиту").expect("A–Z section")..];
    let first = az
        .find("/services/edinoe-posobie/")
        .expect("edinoe-posobie listed");
    let second = az
        .find("/services/edv-invalidam/")
        .expect("edv-invalidam listed");
    assert!(first < second, "A–Z order");
    assert!(!az.contains("chernovik-mery"), "drafts are not listed");
    // Situations, categories and audiences lead on.
    assert!(html.contains("href=\"/situations/rozhdenie-rebenka/\""));
    assert!(html.contains("href=\"/categories/family/\""));
    assert!(html.contains("href=\"/audiences/"));
    // The header's search form on every page leads here.
    assert!(site.out("index.html").contains("action=\"/search/\""));
    // Scripts only enhance: deferred files of our own, nothing inline. region.js (every
    // page) marks measures of the visitor's region; offline.js (every page) registers the
    // service worker.
    assert!(!html.contains("<script>"), "no inline script");
    for tag in html.split("<script").skip(1) {
        assert!(
            allowed_script(tag, &["search-text", "search", "region", "offline"]),
            "only the search scripts, region.js, offline.js and JSON-LD: <script{}",
            tag.chars().take(60).collect::<String>()
        );
    }
}

/// What follows `<script` in a page is one of the two allowed forms: a JSON-LD data
/// block (`<script type="application/ld+json">`, which browsers do not run), or an
/// empty, deferred script of a theme file named in `own`, with a content hash
/// (`<script defer src="/offline.<hash>.js"></script>`, in either attribute order).
fn allowed_script(after: &str, own: &[&str]) -> bool {
    if after.starts_with(" type=\"application/ld+json\">") {
        return true;
    }
    let Some(end) = after.find("></script>") else {
        return false;
    };
    let attrs = &after[..end];
    let src = attrs
        .strip_prefix(" defer src=\"")
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| {
            attrs
                .strip_prefix(" src=\"")
                .and_then(|s| s.strip_suffix("\" defer"))
        });
    let Some((name, hash)) = src
        .and_then(|s| s.strip_prefix('/'))
        .and_then(|s| s.strip_suffix(".js"))
        .and_then(|s| s.rsplit_once('.'))
    else {
        return false;
    };
    own.contains(&name) && hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit())
}

#[test]
fn offline_reading_is_on_by_default_and_off_by_a_switch() {
    let site = built();
    // The service worker, with this build's assets and a versioned cache name.
    let sw = site.out("sw.js");
    let style = stylesheet_href(&site.out("index.html"));
    assert!(
        sw.contains(&format!("\"style.css\": \"{style}\"")),
        "sw.js names {style}"
    );
    assert!(sw.contains("const OFFLINE_URL = \"/offline/\";"), "{sw}");
    assert!(
        !sw.contains("__SOCNAV_VERSION__"),
        "the version is filled in"
    );
    assert!(
        !sw.contains("{{") && !sw.contains("{%"),
        "sw.js is rendered"
    );
    let version = sw
        .split("\"socnav-static-")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a versioned cache name in sw.js");
    assert!(
        version.len() >= 8 && version.chars().all(|c| c.is_ascii_hexdigit()),
        "cache version {version}"
    );
    // The offline page: a page of the site, not for search engines.
    let offline = site.out("offline/index.html");
    assert!(
        offline.contains("<h1>Нет соединения с интернетом</h1>"),
        "{offline}"
    );
    assert!(offline.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(offline.contains(&style), "the offline page is styled");
    assert!(
        !site.out("sitemap.xml").contains("/offline/"),
        "the offline page is not in the sitemap"
    );
    // Every page registers the worker with offline.js.
    let script = |html: &str| {
        html.split("<script defer src=\"/offline.")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .map(|s| format!("/offline.{s}"))
    };
    let js = script(&site.out("index.html")).expect("the home page links offline.js");
    assert!(site.public().join(&js[1..]).is_file(), "{js} is published");
    for page in [
        SERVICE,
        "search/index.html",
        "404.html",
        "offline/index.html",
    ] {
        assert_eq!(
            script(&site.out(page)).as_deref(),
            Some(js.as_str()),
            "{page}"
        );
    }

    // Switched off: no worker, no offline page, no registration.
    site.replace("config.toml", "[extra]\n", "[extra]\noffline = false\n");
    site.build(&[]).ok();
    // A worker that removes itself, for visitors who installed one from an earlier build.
    let retired = site.out("sw.js");
    assert!(
        retired.contains("self.registration.unregister()"),
        "{retired}"
    );
    assert!(
        !retired.contains("fetch"),
        "the retired worker serves nothing"
    );
    assert!(!site.public().join("offline").exists(), "no /offline/");
    for page in ["index.html", SERVICE, "search/index.html", "404.html"] {
        assert!(
            !site.out(page).contains("/offline."),
            "{page} does not link offline.js"
        );
    }
}

/// Scripts are published minified; an author's minified vendor files as they are.
#[test]
fn scripts_are_published_minified_and_vendor_files_as_they_are() {
    let site = Site::new();
    site.build(&[]).ok();
    let paths = all_paths(&site.public());
    let find = |prefix: &str, ext: &str| {
        paths
            .iter()
            .find(|p| p.starts_with(prefix) && p.ends_with(ext))
            .unwrap_or_else(|| panic!("no {prefix}*{ext} in the output"))
            .clone()
    };
    let source = site.read("themes/navigator/static/search.js");
    let published = std::fs::read_to_string(site.public().join(find("search.", ".js"))).unwrap();
    assert!(
        source.contains("/* "),
        "the source has comments (the test would prove nothing)"
    );
    assert!(
        !published.contains("/* ") && !published.contains("\n  "),
        "{}",
        &published[..200]
    );
    assert!(published.len() < source.len() * 3 / 4);
    assert!(
        published.contains("\"use strict\""),
        "the code itself is kept"
    );
    let leaflet = find("vendor/leaflet/leaflet.", ".js");
    assert_eq!(
        std::fs::read(site.public().join(&leaflet)).unwrap(),
        std::fs::read(site.path("themes/navigator/static/vendor/leaflet/leaflet.js")).unwrap(),
        "{leaflet} is Leaflet's own file, byte for byte"
    );
}
