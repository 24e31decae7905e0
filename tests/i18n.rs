//! Interface strings come from the theme's translation tables
//! (`themes/navigator/translations/<lang>.toml`): the Russian and English tables match
//! key for key, every key is used (by a template, or by socnav for the words it puts into
//! pages itself: `Labels`), no template has Russian text of its own, and a site can switch
//! the interface to English or override single strings in config.toml.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::*;
use socnav::render::translations::labels::Labels;

/// English values that may contain Cyrillic letters on purpose (key, and why). None now.
const EN_CYRILLIC_ALLOWED: &[(&str, &str)] = &[];

fn theme() -> PathBuf {
    manifest_dir().join("themes").join("navigator")
}

fn table(lang: &str) -> BTreeMap<String, String> {
    let path = theme().join("translations").join(format!("{lang}.toml"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{lang}.toml: {e}"))
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// Every template file of the theme, with its path relative to templates/.
fn templates() -> Vec<(String, String)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let base = theme().join("templates");
    let mut out = Vec::new();
    walk(&base, &base, &mut out);
    assert!(out.len() > 10, "theme templates not found");
    out
}

/// The source with `{# … #}` comments blanked out (newlines kept, for line numbers).
fn without_comments(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while let Some(start) = rest.find("{#") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("#}")
            .map_or(rest.len(), |e| start + e + 2);
        out.extend(rest[start..end].chars().filter(|&c| c == '\n'));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The `trans(...)` calls of a template (comments left out): (byte range, key). The theme
/// writes every call as `trans(key="…", lang=lang)`, so keys can be read off the source;
/// a call in another form fails here. The one exception is the language switch, which
/// names each other version in its own language: `lang=t.lang`, in base.html.
fn trans_calls(name: &str, src: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut calls = Vec::new();
    let mut from = 0;
    while let Some(found) = src[from..].find("trans(") {
        let start = from + found;
        let after = &src[start + "trans(".len()..];
        let key = after
            .strip_prefix("key=\"")
            .and_then(|k| k.split('"').next())
            .unwrap_or_else(|| {
                panic!(
                    "{name}: write trans calls as trans(key=\"…\", lang=lang): {}",
                    &src[start..(start + 60).min(src.len())]
                )
            });
        let end = start + "trans(".len() + after.find(')').expect("closing parenthesis") + 1;
        let switch = name == "base.html"
            && &src[start..end] == "trans(key=\"site_language_name\", lang=t.lang)";
        assert!(
            switch || src[start..end] == format!("trans(key=\"{key}\", lang=lang)"),
            "{name}: a trans call in another form: {}",
            &src[start..end]
        );
        calls.push((start..end, key.to_string()));
        from = end;
    }
    calls
}

#[test]
fn russian_and_english_tables_have_the_same_keys_none_empty() {
    let ru = table("ru");
    let en = table("en");
    let ru_keys: BTreeSet<_> = ru.keys().collect();
    let en_keys: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        ru_keys.difference(&en_keys).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "keys of ru.toml missing from en.toml"
    );
    assert_eq!(
        en_keys.difference(&ru_keys).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "keys of en.toml missing from ru.toml"
    );
    for (lang, t) in [("ru", &ru), ("en", &en)] {
        for (k, v) in t {
            assert!(!v.trim().is_empty(), "{lang}.toml: {k} is empty");
            assert!(
                k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{lang}.toml: key {k} is not snake_case"
            );
        }
    }
    for (k, v) in &en {
        let allowed = EN_CYRILLIC_ALLOWED.iter().any(|(a, _)| a == k);
        assert!(
            allowed || !v.chars().any(is_cyrillic),
            "en.toml: {k} has Cyrillic letters: {v}"
        );
    }
    // A placeholder of the Russian string is in the English one, and the other way round.
    let placeholders = |s: &str| -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}'))
            .map(|(name, _)| name.to_string())
            .collect()
    };
    for (k, v) in &ru {
        assert_eq!(
            placeholders(v),
            placeholders(&en[k]),
            "placeholders of {k} differ between ru.toml and en.toml"
        );
    }
}

#[test]
fn every_template_key_is_in_the_tables_and_every_table_key_is_used() {
    let ru = table("ru");
    let en = table("en");
    let mut used = BTreeSet::new();
    for (name, src) in templates() {
        for (_, key) in trans_calls(&name, &without_comments(&src)) {
            assert!(ru.contains_key(&key), "{name}: key {key} is not in ru.toml");
            assert!(en.contains_key(&key), "{name}: key {key} is not in en.toml");
            used.insert(key);
        }
    }
    // The words socnav puts into pages itself (kind and choice labels, months…).
    let labels = Labels::keys();
    assert!(labels.len() > 60, "{labels:?}");
    for key in labels {
        assert!(ru.contains_key(&key), "socnav reads {key}, not in ru.toml");
        assert!(en.contains_key(&key), "socnav reads {key}, not in en.toml");
        used.insert(key);
    }
    let dead: Vec<_> = ru.keys().filter(|k| !used.contains(*k)).collect();
    assert!(
        dead.is_empty(),
        "keys neither a template nor socnav uses: {dead:?}"
    );
}

#[test]
fn templates_have_no_cyrillic_outside_comments_and_trans_calls() {
    let mut found = Vec::new();
    for (name, src) in templates() {
        let mut text = without_comments(&src);
        for (range, _) in trans_calls(&name, &text).into_iter().rev() {
            text.replace_range(range, "");
        }
        for (n, line) in text.lines().enumerate() {
            if line.chars().any(is_cyrillic) {
                found.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "interface text belongs in themes/navigator/translations/*.toml:\n{}",
        found.join("\n")
    );
}

/// The fixture site with `default_language = "en"`.
fn english_site() -> Site {
    let site = Site::new();
    site.replace(
        "config.toml",
        "default_language = \"ru\"",
        "default_language = \"en\"",
    );
    site
}

#[test]
fn default_language_en_renders_the_english_interface() {
    let site = english_site();
    site.build(&[]).ok();
    let html = site.out("services/edinoe-posobie/index.html");
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"kto-mozhet\">Who can get it</h2>"));
    assert!(html.contains("<a href=\"#kto-mozhet\">Who can get it</a>"));
    assert!(html.contains("<meta property=\"og:locale\" content=\"en_GB\">"));
    assert!(html.contains("<p><strong>Age:</strong> up to 17 years</p>"));
    assert!(html.contains("<h2 id=\"otzyv\">Was this information useful?</h2>"));
    assert!(!html.contains("Кто может получить"));
    // Scripts get their words from the page, in the page's language.
    assert!(
        html.contains("data-region-yes=\"In your region\""),
        "{html}"
    );
    let home = site.out("index.html");
    assert!(home.contains("<a class=\"skip\" href=\"#main\">Skip to content</a>"));
}

/// Russian words socnav used to write into pages itself (labels, month names, titles
/// made in Rust); none of them is in the fixture's content.
const RUST_MADE_RUSSIAN: &[&str] = &[
    "Мера поддержки",
    "Организация",
    "Жизненная ситуация",
    "Федеральная мера",
    "Региональная мера",
    "Государственный орган",
    "Государственное учреждение",
    "Национальный стандарт",
    "Онлайн (Госуслуги",
    "В МФЦ",
    "Нужен, если",
    "Ноябрь",
    "ноября",
    "августа",
    ">Категории<",
    ">Для кого<",
    ">Регионы<",
    "по сфере деятельности",
    "по виду организации",
    "по статусу",
    "порог ",
    "оценка, баллов",
    "Средняя оценка мер",
];

#[test]
fn default_language_en_shows_english_labels_made_in_rust() {
    let site = english_site();
    site.build(&[]).ok();

    // Kind and choice labels on cards, the menu item of the categories.
    let home = site.out("index.html");
    assert!(
        home.contains("<p class=\"meta\">Support measure · Payment · Federal measure"),
        "{home}"
    );
    assert!(home.contains("<p class=\"meta\">Organisation · Government body"));
    assert!(home.contains("<li><a href=\"/categories/\">Categories</a></li>"));

    // A service page: dates, channels, a document's condition.
    let service = site.out("services/edinoe-posobie/index.html");
    assert!(
        service.contains("<time datetime=\"2026-11-10\">10 November 2026</time>"),
        "{service}"
    );
    assert!(service.contains(
        "<li>Online (Gosuslugi or the agency&#39;s website)</li><li>At a multifunctional centre (MFC)</li>"
    ));
    assert!(service.contains("<p class=\"doc-cond\">Needed if "));

    // Provider and standard pages.
    let provider = site.out("providers/sfr/index.html");
    assert!(provider.contains("<p class=\"kicker\">Government body</p>"));
    let standard = site.out("standards/gost-r-52143-2013/index.html");
    assert!(standard.contains("<p class=\"status status-in-force\">Status: In force</p>"));
    assert!(standard.contains("<dt>Type of standard:</dt> <dd>National standard</dd>"));
    assert!(standard.contains("<time datetime=\"2013-08-30\">30 August 2013</time>"));

    // What changed: month headings, kinds and dates.
    let changes = site.out("changes/index.html");
    assert!(
        changes.contains("<h2 id=\"mesyac-1\">November 2026</h2>"),
        "{changes}"
    );
    assert!(changes.contains("<p class=\"kicker\">Support measure · "));

    // Taxonomy titles.
    assert!(site
        .out("categories/index.html")
        .contains("<h1>Categories</h1>"));
    assert!(site
        .out("audiences/index.html")
        .contains("<h1>Who it is for</h1>"));
    assert!(site.out("regions/index.html").contains("<h1>Regions</h1>"));
    assert!(site
        .out("categories/family/index.html")
        .contains("<p class=\"kicker\"><a href=\"/categories/\">Categories</a></p>"));

    // Orderings of the provider directory and the standards catalogue, with their groups.
    let by_type = site.out("providers/po/vidu/index.html");
    assert!(
        by_type.contains(": by type of organisation</h1>"),
        "{by_type}"
    );
    assert!(by_type.contains("<h2 id=\"g-state-body\">Government body</h2>"));
    let by_status = site.out("standards/po/statusu/index.html");
    assert!(by_status.contains(": by status</h1>"));
    assert!(by_status.contains("<h2 id=\"g-in-force\">In force</h2>"));

    // Charts of /quality/.
    let quality = site.out("quality/index.html");
    assert!(quality.contains("aria-label=\"Average score of support measures by category\""));
    assert!(quality.contains(">score, points out of 100</text>"));
    assert!(quality.contains(">threshold 60</text>"), "{quality}");

    // No Russian word made in Rust is left on any page (the editor's /admin/ is Russian).
    for (rel, bytes) in snapshot(&site.public()) {
        if !rel.ends_with(".html") || rel.starts_with("admin/") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for word in RUST_MADE_RUSSIAN {
            assert!(!html.contains(word), "{rel} still has «{word}»");
        }
    }

    // [translations] overrides these words like any other.
    site.add_config("[translations]\nkind_service = \"Benefit or service\"\n");
    site.build(&[]).ok();
    assert!(site
        .out("changes/index.html")
        .contains("<p class=\"kicker\">Benefit or service · "));
}

/// Russian words of /quality/, the built-in redirect page and JSON-LD that socnav used to
/// write itself; none of them is in the fixture's content.
const RUST_MADE_RUSSIAN_MORE: &[&str] = &[
    "Кто предоставляет меру",
    "Сведения проверены недавно",
    "Место на карте",
    "укажите ",
    "перечислите ",
    "устарело",
    "пора проверить",
    "актуально",
    "Страница переехала",
    "\"Россия\"",
    "\"Выплата\"",
];

#[test]
fn default_language_en_shows_english_quality_feed_redirect_json_ld_and_search_facts() {
    let site = english_site();
    // A stale record, for the freshness label of /quality/.
    site.replace(
        "content/services/edv-invalidam.md",
        "reviewed = 2026-11-01",
        "reviewed = 2020-01-01",
    );
    // No alias.html: socnav writes its own redirect page for an alias.
    site.remove("themes/navigator/templates/alias.html");
    site.build(&[]).ok();

    // /quality/: kind titles (also in the histogram's title), the rubric, freshness.
    let quality = site.out("quality/index.html");
    assert!(
        quality.contains("<caption>Support measures: what we check</caption>"),
        "{quality}"
    );
    assert!(quality.contains("<caption>Organisations: what we check</caption>"));
    assert!(quality.contains("<h2 id=\"itog-service\">Support measures: average score "));
    assert!(
        quality.contains("aria-label=\"Support measures: how many records scored in each range\"")
    );
    assert!(quality.contains("<td>Who provides the measure</td>"));
    assert!(quality.contains("<td>Information checked recently</td>"));
    assert!(quality.contains("<td>Phone</td>"));
    assert!(quality.contains("<span class=\"status status-stale\">out of date</span>"));
    for word in ["Меры поддержки:", "Организации:", "меры поддержки<"]
    {
        assert!(!quality.contains(word), "/quality/ still has «{word}»");
    }

    // The Atom feed: title, language, the entries' kinds.
    let atom = site.out("atom.xml");
    assert!(
        atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"),
        "{atom}"
    );
    assert!(atom.contains("  <title>Тестовый навигатор: updates</title>\n"));
    assert!(atom.contains("<category term=\"service\" label=\"Support measure\"/>"));
    assert!(!atom.contains("обновления"));
    assert!(!atom.contains("xml:lang=\"ru\""));
    assert!(!atom.contains("label=\"Мера поддержки\""));

    // The built-in redirect page of an alias.
    let alias = site.out("old/edinoe-posobie/index.html");
    assert!(
        alias.starts_with("<!doctype html><html lang=\"en\">"),
        "{alias}"
    );
    assert!(alias.contains("<title>This page has moved</title>"));
    assert!(alias.contains("<p>This page has moved to a new address: <a href="));

    // JSON-LD: a federal measure is served in the country; the form and a standard's status.
    let service = site.out("services/edinoe-posobie/index.html");
    assert!(
        service.contains("\"areaServed\":{\"@type\":\"Country\",\"name\":\"Russia\"}"),
        "{service}"
    );
    assert!(service.contains("\"serviceType\":\"Payment\""));
    let standard = site.out("standards/gost-r-52143-2013/index.html");
    assert!(
        standard.contains("\"creativeWorkStatus\":\"In force\""),
        "{standard}"
    );

    // Facts under search results, in the index's records.
    let mut records = String::new();
    for (rel, bytes) in snapshot(&site.public()) {
        if rel.starts_with("search/") && rel.ends_with(".json") {
            records.push_str(&String::from_utf8(bytes).unwrap());
        }
    }
    assert!(records.contains("\"Free · decision: 10 "), "{records}");
    assert!(records.contains("\"steps: 2\""));
    assert!(records.contains("\"Government body · "));
    assert!(records.contains(" · In force\""));
    for word in [
        "решение: ",
        "шагов: ",
        "Бесплатно",
        "Государственный орган",
        "Действует",
    ] {
        assert!(
            !records.contains(word),
            "the search index still has «{word}»"
        );
    }

    // None of these Russian words is left on any page (the editor's /admin/ is Russian).
    for (rel, bytes) in snapshot(&site.public()) {
        if !rel.ends_with(".html") || rel.starts_with("admin/") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for word in RUST_MADE_RUSSIAN.iter().chain(RUST_MADE_RUSSIAN_MORE) {
            assert!(!html.contains(word), "{rel} still has «{word}»");
        }
    }
}

#[test]
fn russian_labels_made_in_rust_come_from_the_russian_table() {
    let site = Site::new();
    site.replace(
        "themes/navigator/translations/ru.toml",
        "choice_form_payment = \"Выплата\"",
        "choice_form_payment = \"Денежная выплата\"",
    );
    site.replace(
        "themes/navigator/translations/ru.toml",
        "month_november_date = \"ноября\"",
        "month_november_date = \"ноября месяца\"",
    );
    site.build(&[]).ok();
    let home = site.out("index.html");
    assert!(
        home.contains("<p class=\"meta\">Мера поддержки · Денежная выплата · Федеральная мера"),
        "{home}"
    );
    let service = site.out("services/edinoe-posobie/index.html");
    assert!(service.contains("<time datetime=\"2026-11-10\">10 ноября месяца 2026</time>"));
    assert!(site
        .out("atom.xml")
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">\n  <title>Тестовый навигатор: обновления</title>"));
    assert!(site
        .out("quality/index.html")
        .contains("<caption>Меры поддержки: что проверяем</caption>"));

    // A key the table lacks fails the build, naming it.
    site.replace(
        "themes/navigator/translations/ru.toml",
        "\nkind_situation = \"Жизненная ситуация\"\n",
        "\n",
    );
    let r = site.build(&[]);
    r.code(1);
    assert!(r.stderr.contains("«kind_situation»"), "{}", r.stderr);
    assert!(r.stderr.contains("«ru»"), "{}", r.stderr);
}

#[test]
fn a_site_overrides_one_string_in_config_toml() {
    let site = Site::new();
    site.add_config(
        "[translations]\nservice_eligibility = \"Кто имеет право\"\n\n\
         [languages.en]\ntitle = \"Navigator\"\nbuild_search_index = false\n\
         [languages.en.translations]\nservice_eligibility = \"Who is entitled\"\n",
    );
    site.build(&[]).ok();
    let html = site.out("services/edinoe-posobie/index.html");
    assert!(html.contains("<h2 id=\"kto-mozhet\">Кто имеет право</h2>"));
    assert!(html.contains("<a href=\"#kto-mozhet\">Кто имеет право</a>"));
    assert!(!html.contains("Кто может получить"));
    // The rest still comes from the theme's table.
    assert!(html.contains("<h2 id=\"dokumenty\">Какие документы нужны</h2>"));
    assert!(html.contains("<html lang=\"ru\">"));

    // [languages.en.translations] overrides the English table, which a template reaches
    // with an explicit lang.
    let thanks = site.out("spasibo/index.html");
    assert!(thanks.contains("<h1>Спасибо, мы получили ваше сообщение</h1>"));
    site.write(
        "templates/thanks.html",
        "{% extends \"base.html\" %}{% block content %}\
         <p>{{ trans(key=\"service_eligibility\", lang=\"en\") }}</p>\
         <p>{{ trans(key=\"service_documents\", lang=\"en\") }}</p>{% endblock content %}",
    );
    site.build(&[]).ok();
    let thanks = site.out("spasibo/index.html");
    assert!(
        thanks.contains("<p>Who is entitled</p><p>Documents you need</p>"),
        "{thanks}"
    );
}

#[test]
fn an_unknown_key_in_a_site_template_fails_the_build_naming_it() {
    let site = Site::new();
    site.write(
        "templates/thanks.html",
        "{% extends \"base.html\" %}{% block content %}\
         <h1>{{ trans(key=\"thanks_no_such_key\", lang=lang) }}</h1>{% endblock content %}",
    );
    let r = site.build(&[]);
    r.code(1);
    assert!(r.stderr.contains("thanks_no_such_key"), "{}", r.stderr);
    assert!(r.stderr.contains("templates/thanks.html"), "{}", r.stderr);
    assert!(r.stderr.contains("«ru»"), "{}", r.stderr);
    assert!(!site.public().exists(), "a failed build leaves no site");

    // A key made at render time fails there, with the key and the template.
    site.write(
        "templates/thanks.html",
        "{% extends \"base.html\" %}{% block content %}{% set k = \"thanks_\" ~ \"dynamic\" %}\
         <h1>{{ trans(key=k, lang=lang) }}</h1>{% endblock content %}",
    );
    let r = site.build(&[]);
    r.code(1);
    assert!(r.stderr.contains("thanks_dynamic"), "{}", r.stderr);
    assert!(r.stderr.contains("thanks.html"), "{}", r.stderr);

    // So does a language with no table.
    site.write(
        "templates/thanks.html",
        "{% extends \"base.html\" %}{% block content %}\
         <h1>{{ trans(key=\"thanks_title\", lang=\"de\") }}</h1>{% endblock content %}",
    );
    let r = site.build(&[]);
    r.code(1);
    assert!(r.stderr.contains("«de»"), "{}", r.stderr);
}

#[test]
fn theme_scripts_have_no_cyrillic_text_of_their_own() {
    // search-text.js holds the Russian stop words and stemmer of the search index:
    // language processing, not interface text.
    let dir = theme().join("static");
    let mut found = Vec::new();
    let mut scanned = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name == "search-text.js" {
            continue;
        }
        scanned += 1;
        let src = std::fs::read_to_string(&p).unwrap();
        for (n, line) in src.lines().enumerate() {
            if line.chars().any(is_cyrillic) {
                found.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(scanned >= 3, "theme scripts not found");
    assert!(
        found.is_empty(),
        "interface text belongs in themes/navigator/translations/*.toml, passed to the \
         script by the page (data- attributes):\n{}",
        found.join("\n")
    );
}

/// The fixture with `[languages.en]` and an English translation of a service.
fn site_with_translation() -> Site {
    let site = Site::new();
    let mut config = site.read("config.toml");
    config.push_str("\n[languages.en]\n");
    site.write("config.toml", config);
    let text = site
        .read("content/services/edinoe-posobie.md")
        .replace(
            "title = \"Единое пособие на детей и беременных женщин\"",
            "title = \"Unified allowance for children and pregnant women\"",
        )
        .replace(
            "description = \"Ежемесячная выплата семьям с детьми до 17 лет и беременным женщинам с невысоким доходом.\"",
            "description = \"A monthly payment to low-income families with children under 17 and to pregnant women.\"",
        );
    site.write("content/services/edinoe-posobie.en.md", text);
    site
}

#[test]
fn a_translated_record_is_published_under_its_language_with_links_both_ways() {
    let site = site_with_translation();
    site.build(&[]).ok();
    let en = site.out("en/services/edinoe-posobie/index.html");
    assert!(en.contains("<html lang=\"en\">"), "{en}");
    assert!(en.contains("<h1>Unified allowance for children and pregnant women</h1>"));
    assert!(en.contains("Who can get it"), "the interface is English");
    assert!(
        en.contains("Support measure"),
        "so are the words socnav writes"
    );
    assert!(!en.contains("Кто может получить"));
    // What stays Russian (the site's title, the sections in the menu) says so, for
    // screen readers (WCAG 3.1.2).
    assert!(
        en.contains("<a href=\"/\" lang=\"ru\">Тестовый навигатор</a>"),
        "{en}"
    );
    assert!(
        en.contains("<li><a href=\"/services/\" lang=\"ru\">"),
        "{en}"
    );
    // Both versions name each other, for search engines and for the reader.
    for html in [&en, &site.out("services/edinoe-posobie/index.html")] {
        assert!(html.contains(
            "<link rel=\"alternate\" hreflang=\"ru\" href=\"https://fixture.example/services/edinoe-posobie/\">"
        ));
        assert!(html.contains(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://fixture.example/en/services/edinoe-posobie/\">"
        ));
    }
    assert!(en
        .contains("<a href=\"/services/edinoe-posobie/\" hreflang=\"ru\" lang=\"ru\">Русский</a>"));
    let ru = site.out("services/edinoe-posobie/index.html");
    assert!(ru.contains(
        "<a href=\"/en/services/edinoe-posobie/\" hreflang=\"en\" lang=\"en\">English</a>"
    ));
    assert!(ru.contains("<html lang=\"ru\">") && ru.contains("Кто может получить"));
    // A page without a translation has neither.
    let other = site.out("services/edv-invalidam/index.html");
    assert!(!other.contains("hreflang") && !other.contains("lang-switch"));
    // In the sitemap; not in lists, not in the catalogue's open data.
    assert!(site
        .out("sitemap.xml")
        .contains("<loc>https://fixture.example/en/services/edinoe-posobie/</loc>"));
    assert!(!site.out("services/index.html").contains("/en/services/"));
    assert!(!site
        .out("opendata/catalogue.json")
        .contains("Unified allowance"));
}

#[test]
fn a_translated_section_lists_the_translated_pages_of_its_language() {
    let site = site_with_translation();
    site.write(
        "content/services/_index.en.md",
        "+++\ntitle = \"Support measures\"\nsort_by = \"title\"\n+++\n\nEvery measure we describe.\n",
    );
    site.write(
        "content/_index.en.md",
        "+++\ntitle = \"Navigator\"\n+++\n\nHelp in hard times.\n",
    );
    let checked = site.socnav(&["check"]);
    checked.ok();
    assert!(
        !checked.stderr.contains("_index.en.md"),
        "{}",
        checked.stderr
    );
    site.build(&[]).ok();
    let en = site.out("en/services/index.html");
    assert!(en.contains("<html lang=\"en\">"), "{en}");
    assert!(en.contains("<h1>Support measures"), "{en}");
    assert!(en.contains("Every measure we describe."), "{en}");
    // Its list: the English pages of the section, and nothing untranslated.
    assert!(en.contains("href=\"/en/services/edinoe-posobie/\""), "{en}");
    assert!(en.contains("Unified allowance for children and pregnant women"));
    assert!(!en.contains("href=\"/services/edv-invalidam/\""), "{en}");
    // Both versions of the section name each other.
    let ru = site.out("services/index.html");
    for html in [&en, &ru] {
        assert!(html.contains(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://fixture.example/en/services/\">"
        ));
        assert!(html.contains(
            "<link rel=\"alternate\" hreflang=\"ru\" href=\"https://fixture.example/services/\">"
        ));
    }
    assert!(ru.contains("<a href=\"/en/services/\" hreflang=\"en\" lang=\"en\">English</a>"));
    // The home page's translation, with the English interface.
    let home = site.out("en/index.html");
    assert!(home.contains("<html lang=\"en\">") && home.contains("Help in hard times."));
    assert!(site
        .out("index.html")
        .contains("<a href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>"));
    let sitemap = site.out("sitemap.xml");
    assert!(sitemap.contains("<loc>https://fixture.example/en/services/</loc>"));
    assert!(sitemap.contains("<loc>https://fixture.example/en/</loc>"));
}

#[test]
fn a_translation_needs_its_language_in_the_config_and_an_original() {
    let site = site_with_translation();
    site.write(
        "content/services/net-takoy-mery.en.md",
        site.read("content/services/edinoe-posobie.en.md"),
    );
    let d = site.single_error();
    assert_eq!(d.file, "content/services/net-takoy-mery.en.md");
    assert_eq!(d.message, "перевод без оригинала");
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("content/services/net-takoy-mery.md"),
        "{d:?}"
    );
    site.remove("content/services/net-takoy-mery.en.md");
    site.replace("config.toml", "\n[languages.en]\n", "\n");
    let d = site.single_error();
    assert_eq!(d.file, "content/services/edinoe-posobie.en.md");
    assert!(d.message.contains("«en»"), "{d:?}");
    assert!(
        d.help.as_deref().unwrap_or("").contains("[languages.en]"),
        "{d:?}"
    );
}
