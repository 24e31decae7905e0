//! The search indexes a build writes: socnav's shards (what a query downloads) and
//! Zola's elasticlunr index.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use socnav::index::text;

/// The index folder the search page names.
fn index_dir(site: &Site) -> PathBuf {
    let html = site.out("search/index.html");
    let at = html
        .find("data-index=\"")
        .expect("search page names the index")
        + 12;
    let rel = &html[at..at + html[at..].find('"').unwrap()];
    assert!(rel.starts_with("/search/") && rel.ends_with('/'), "{rel}");
    site.public().join(rel.trim_start_matches('/'))
}

fn shard(dir: &Path, kind: &str, key: &str) -> Value {
    let p = dir
        .join(kind)
        .join(format!("{}.json", text::file_name(key)));
    let bytes =
        std::fs::read(&p).unwrap_or_else(|e| panic!("no shard for {key:?} ({}): {e}", p.display()));
    serde_json::from_slice(&bytes).expect("shard is JSON")
}

/// The entry for a stem in its word file, and the file.
fn word_entry(dir: &Path, word: &str) -> (Value, Value) {
    let st = text::stem(&text::russian(), word);
    let file = shard(dir, "w", &text::skeleton(&st));
    (entry_where(&file, "t", &st), file)
}

/// The entry of a shard whose `field` is `value`.
fn entry_where(file: &Value, field: &str, value: &str) -> Value {
    file["s"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e[field] == value)
        .unwrap_or_else(|| panic!("no entry with {field} = {value} in its file: {file}"))
        .clone()
}

fn urls(entry: &Value, file: &Value) -> Vec<String> {
    entry["p"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            file["d"][p[0].as_u64().unwrap() as usize][1]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn word_files_rank_title_over_description_over_body_and_carry_records() {
    let site = Site::new();
    site.build(&[]).ok();
    let dir = index_dir(&site);

    // "пособие" is in the title of edinoe-posobie, only in the body elsewhere.
    let (entry, file) = word_entry(&dir, "пособие");
    let found = urls(&entry, &file);
    assert_eq!(found[0], "/services/edinoe-posobie/", "{found:?}");
    let first = &entry["p"][0];
    assert_eq!(first[1].as_u64().unwrap() & 8, 8, "title bit set: {first}");
    let weights: Vec<u64> = entry["p"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_u64().unwrap())
        .collect();
    assert!(
        weights.windows(2).all(|w| w[0] >= w[1]),
        "weights descend: {weights:?}"
    );
    assert_eq!(entry["n"].as_u64().unwrap() as usize, found.len());

    // The whole-word form is flagged, so the script can rank it over a stem match.
    let forms: Vec<&str> = entry["f"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    let bit = forms
        .iter()
        .position(|f| *f == "пособие")
        .expect("form listed");
    assert_ne!(first[2].as_u64().unwrap() & (1 << bit), 0);

    // The record a result is drawn from.
    let rec = &file["d"][first[0].as_u64().unwrap() as usize];
    assert_eq!(rec[0], 0, "kind: service");
    assert_eq!(rec[2], "Единое пособие на детей и беременных женщин");
    assert!(rec[3].as_str().unwrap().starts_with("Ежемесячная выплата"));
    assert!(
        rec[4].as_str().unwrap().contains("Бесплатно"),
        "facts: {rec}"
    );
    assert_eq!(rec[5], "c:family a:families-with-children r:federal");
}

#[test]
fn drafts_stop_words_and_excluded_pages_stay_out() {
    let site = Site::new();
    site.add_top_level(
        "content/services/edv-invalidam.md",
        "in_search_index = false",
    );
    site.build(&[]).ok();
    let dir = index_dir(&site);
    let mut all = String::new();
    for kind in ["w", "p", "f"] {
        for e in std::fs::read_dir(dir.join(kind)).unwrap() {
            all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
    }
    assert!(!all.contains("/services/chernovik-mery/"), "draft indexed");
    assert!(
        !all.contains("/services/edv-invalidam/"),
        "in_search_index = false ignored"
    );
    assert!(all.contains("/services/edinoe-posobie/"));
    let na = dir
        .join("w")
        .join(format!("{}.json", text::file_name(&text::skeleton("на"))));
    if na.exists() {
        assert!(
            !std::fs::read_to_string(na)
                .unwrap()
                .contains("\"t\":\"на\""),
            "stop word indexed"
        );
    }
}

#[test]
fn prefix_and_filter_files() {
    let site = Site::new();
    site.build(&[]).ok();
    let dir = index_dir(&site);
    let p = shard(&dir, "p", "посо");
    let e = p["s"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["k"] == "посо")
        .expect("prefix entry");
    let words: Vec<&str> = e["w"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(words.iter().all(|w| w.starts_with("посо")), "{words:?}");
    assert!(words.contains(&"пособие"), "{words:?}");

    let f = shard(&dir, "f", "categories/family");
    let e = f["s"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["k"] == "categories/family")
        .expect("filter entry");
    assert_eq!(e["u"], "/categories/family/");
    let n = e["n"].as_u64().unwrap() as usize;
    assert_eq!(e["p"].as_array().unwrap().len(), n.min(20));
    for p in e["p"].as_array().unwrap() {
        let rec = &f["d"][p.as_u64().unwrap() as usize];
        assert!(
            rec[5].as_str().unwrap().split(' ').any(|t| t == "c:family"),
            "{rec}"
        );
    }
    let kinds = shard(&dir, "f", "kind/provider");
    assert!(kinds["d"].as_array().unwrap().iter().all(|r| r[0] == 2));

    assert_eq!(
        std::fs::read_to_string(site.public().join("search/none.json")).unwrap(),
        r#"{"s":[],"d":[]}"#
    );
}

#[test]
fn index_folder_name_follows_content() {
    let site = Site::new();
    site.build(&[]).ok();
    let first = index_dir(&site);
    site.build(&[]).ok();
    assert_eq!(index_dir(&site), first, "same content, same folder");
    site.replace(
        "content/services/edinoe-posobie.md",
        "title = \"Единое пособие",
        "title = \"Единое ежемесячное пособие",
    );
    site.build(&[]).ok();
    assert_ne!(
        index_dir(&site),
        first,
        "changed content must not reuse cached files"
    );
}

#[test]
fn search_page_works_without_script_and_loads_it_only_there() {
    let site = Site::new();
    site.build(&[]).ok();
    let html = site.out("search/index.html");
    assert!(
        html.contains("<script defer src=\"/search."),
        "search page loads the script"
    );
    assert!(
        html.contains("id=\"poisk-az\""),
        "A–Z list for readers without JavaScript"
    );
    assert!(html.contains("href=\"/services/edinoe-posobie/\""));
    assert!(html.contains("<noscript>"));
    let service = site.out("services/edinoe-posobie/index.html");
    assert!(
        !service.contains("/search.") && !service.contains("/search-text."),
        "record pages do not load the search scripts"
    );
    assert!(
        service.contains("action=\"/search/\""),
        "header search box on every page"
    );
}

#[test]
fn zola_index_when_asked_with_search_options() {
    let site = Site::new();
    site.build(&[]).ok();
    assert!(
        !site.public().join("search_index.ru.js").exists(),
        "off by default"
    );

    site.add_config("build_search_index = true\n");
    site.build(&[]).ok();
    let js = site.out("search_index.ru.js");
    assert!(
        js.starts_with("window.searchIndex = {"),
        "{}",
        &js[..60.min(js.len())]
    );
    let json: Value = serde_json::from_str(&site.out("search_index.ru.json")).unwrap();
    assert_eq!(json["lang"], "Russian");
    assert_eq!(json["fields"], serde_json::json!(["title", "body"]));
    let store = json["documentStore"]["docs"].as_object().unwrap();
    let doc = &store["https://fixture.example/services/edinoe-posobie/"];
    assert_eq!(doc["title"], "Единое пособие на детей и беременных женщин");
    // Russian pipeline: the stem is indexed.
    assert!(json["index"]["title"]["root"].to_string().contains("\"п\""));

    site.add_config(
        "[search]\ninclude_description = true\ntruncate_content_length = 20\nindex_format = \"elasticlunr_json\"\n",
    );
    site.build(&[]).ok();
    assert!(
        !site.public().join("search_index.ru.js").exists(),
        "json format writes no .js"
    );
    let json: Value = serde_json::from_str(&site.out("search_index.ru.json")).unwrap();
    assert_eq!(
        json["fields"],
        serde_json::json!(["title", "description", "body"])
    );
    let store = json["documentStore"]["docs"].as_object().unwrap();
    for (url, doc) in store {
        assert!(
            doc["body"].as_str().unwrap().chars().count() <= 20,
            "{url}: body not cut"
        );
    }
}

#[test]
fn records_sharing_a_title_do_not_crowd_out_the_rest() {
    let site = Site::new();
    let text = site
        .read("content/services/edinoe-posobie.md")
        .replace("aliases = [\"/old/edinoe-posobie/\"]\n", "");
    for n in 0..14 {
        site.write(&format!("content/services/kopiya-{n:02}.md"), &text);
    }
    site.build(&[]).ok();
    let dir = index_dir(&site);
    let (entry, file) = word_entry(&dir, "пособие");
    assert!(
        entry["n"].as_u64().unwrap() >= 15,
        "every copy counted: {}",
        entry["n"]
    );
    let kept = urls(&entry, &file);
    let copies = kept
        .iter()
        .filter(|u| u.starts_with("/services/kopiya-") || *u == "/services/edinoe-posobie/")
        .count();
    assert_eq!(copies, 1, "one record per title and weight: {kept:?}");
    assert!(kept.len() > 1, "other records keep their places: {kept:?}");
}

/// Two words each in the titles of more records than their files keep: the one record
/// with both in its title is in neither word's file, but in the pair file the search
/// page fetches beside them.
#[test]
fn pair_files_keep_the_records_whose_titles_hold_two_common_words() {
    let site = Site::new();
    write_common_title_pairs(&site);
    site.build(&[]).ok();
    let dir = index_dir(&site);
    let ru = text::russian();
    let (a, b) = (text::stem(&ru, "пенсия"), text::stem(&ru, "инвалидности"));
    for word in ["пенсия", "инвалидности"] {
        let (entry, file) = word_entry(&dir, word);
        assert!(entry["n"].as_u64().unwrap() > 12, "{word}: {}", entry["n"]);
        assert!(
            !urls(&entry, &file).contains(&"/services/yashma/".to_string()),
            "{word}'s own file does not keep the record (the test would prove nothing)"
        );
    }
    let key = socnav::index::pair_key(&a, &b);
    let file = shard(&dir, "q", &key);
    let entry = entry_where(&file, "k", &key);
    assert_eq!(entry["n"], 1, "{entry}");
    assert_eq!(urls(&entry, &file), ["/services/yashma/"]);
    // «пенсия номер»: the word files' best records already have both words, a screen
    // of them; that pair needs no file.
    let key = socnav::index::pair_key(&a, &text::stem(&ru, "номер"));
    assert!(
        !dir.join("q")
            .join(format!("{}.json", text::file_name(&key)))
            .exists(),
        "no file for {key}"
    );
}
