//! Information quality: `socnav report`, `socnav check --strict` and the public page
//! `/quality/`, on the fixture site (built at `TODAY` = 2026-11-24).

mod common;

use common::*;
use serde_json::Value;

const SFR: &str = "content/providers/sfr.md";

fn report(site: &Site) -> Value {
    let r = site.socnav(&["report", "--format", "json"]);
    r.ok();
    serde_json::from_str(&r.stdout).expect("report --format json prints JSON")
}

fn record<'a>(report: &'a Value, slug: &str) -> &'a Value {
    report["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slug"] == slug)
        .unwrap_or_else(|| panic!("no record {slug} in the report"))
}

fn gaps(record: &Value) -> Vec<&str> {
    record["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect()
}

#[test]
fn report_scores_a_provider_by_what_a_citizen_needs() {
    let site = Site::new();
    let r = report(&site);
    let sfr = record(&r, "sfr");
    // Phone, site, description, activities, audiences, regions, services, sources and a
    // fresh check date: 70 of 100. No address, map point, hours or INN/OGRN.
    assert_eq!(sfr["score"], 70, "{sfr:#}");
    assert_eq!(sfr["max"], 100);
    assert_eq!(gaps(sfr), ["address", "location", "hours", "requisites"]);
    assert_eq!(sfr["freshness"], "fresh");
    // The other fixture provider has everything but its kinds of activity.
    let kcson = record(&r, "kcson-kurgan");
    assert_eq!(kcson["score"], 95, "{kcson:#}");
    assert_eq!(gaps(kcson), ["activities"]);

    // Filling in what is missing raises the score by the rubric's points.
    site.replace(
        SFR,
        "reviewed = 2026-11-10",
        "address = \"г. Москва, ул. Шаболовка, 4\"\nhours = \"Круглосуточно\"\nreviewed = 2026-11-10",
    );
    let r = report(&site);
    let sfr = record(&r, "sfr");
    assert_eq!(sfr["score"], 90);
    assert_eq!(gaps(sfr), ["location", "requisites"]);
}

#[test]
fn report_sums_per_provider_category_and_region_with_common_gaps() {
    let site = Site::new();
    let r = report(&site);
    let by_provider = r["by_provider"].as_array().unwrap();
    let sfr = by_provider.iter().find(|g| g["key"] == "sfr").unwrap();
    let services_of_sfr: Vec<&Value> = r["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["kind"] == "service" && x["slug"] != "socialnoe-obsluzhivanie-na-domu")
        .collect();
    assert_eq!(sfr["records"], services_of_sfr.len());
    let mean = services_of_sfr
        .iter()
        .map(|x| x["score"].as_u64().unwrap())
        .sum::<u64>() as f64
        / services_of_sfr.len() as f64;
    assert_eq!(sfr["mean"], mean.round() as u64);
    assert!(r["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["key"] == "family"));
    assert!(r["by_region"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["key"] == "kurgan" && g["title"] == "Курганская область"));
    // The provider gaps: the one incomplete provider misses its address.
    let gap = r["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "provider" && g["key"] == "address")
        .expect("address is a common provider gap");
    assert_eq!(gap["records"], 1);
    assert_eq!(gap["percent"], 50);

    let human = site.socnav(&["report"]);
    human.ok();
    assert!(
        human.stdout.contains("Чаще всего не хватает"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains(&format!(
        "  70  {SFR}  Социальный фонд России — не хватает: Адрес; Место на карте; Часы работы; ИНН и ОГРН"
    )));

    let csv = site.socnav(&["report", "--format", "csv"]);
    csv.ok();
    let mut lines = csv.stdout.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("level,kind,key,title,file,url,records,score,min,reviewed,freshness,gaps")
    );
    assert!(csv.stdout.contains(&format!(
        "record,provider,sfr,Социальный фонд России,{SFR},/providers/sfr/,1,70,70,2026-11-10,fresh,address | location | hours | requisites\r\n"
    )));
    assert!(csv
        .stdout
        .contains("\r\nregion,service,kurgan,Курганская область,"));
    assert!(csv
        .stdout
        .contains("\r\ngap,provider,address,Адрес,,,1,50,"));
}

#[test]
fn freshness_follows_the_thresholds_in_config() {
    let site = Site::new();
    // 7 months before 2026-11-24: past the 6-month warning, not yet stale.
    site.replace(SFR, "reviewed = 2026-11-10", "reviewed = 2026-04-20");
    let sfr = report(&site);
    let sfr = record(&sfr, "sfr");
    assert_eq!(sfr["freshness"], "aging");
    assert_eq!(sfr["score"], 65, "half the freshness points");
    site.add_config("[extra.quality]\nwarn_months = 8\nstale_months = 24");
    let sfr = report(&site);
    assert_eq!(record(&sfr, "sfr")["freshness"], "fresh");
}

#[test]
fn strict_check_fails_on_a_stale_record_at_its_reviewed_line() {
    let site = Site::new();
    let text = site.replace(SFR, "reviewed = 2026-11-10", "reviewed = 2025-10-01");
    // Without --strict, an old check date is not an error.
    site.socnav(&["check"]).ok();
    let r = site.socnav(&["check", "--strict", "--format", "json"]);
    let diags: Vec<Diag> = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(r.code, 1, "{diags:#?}");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.code, "stale");
    assert_eq!(d.file, SFR);
    assert_eq!((d.line, d.column), loc(&text, "reviewed = 2025"));
    assert_eq!(d.field.as_deref(), Some("extra.reviewed"));
    assert_eq!(
        d.message,
        "сведения устарели: последняя проверка 2025-10-01, больше 12 мес. назад"
    );
    assert!(d.help.as_deref().unwrap().contains("extra.reviewed"));
}

#[test]
fn strict_check_fails_on_scores_under_the_threshold_and_says_what_is_missing() {
    let site = Site::new();
    site.socnav(&["check", "--strict"]).ok();
    site.add_config("[extra.quality]\nmin_score = 75");
    let r = site.socnav(&["check", "--strict", "--format", "json"]);
    let diags: Vec<Diag> = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(r.code, 1);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.code, "low-score");
    assert_eq!(d.file, SFR);
    assert_eq!(d.line, 2, "points at the title");
    assert!(d
        .message
        .starts_with("полнота сведений 70 из 100, ниже порога 75"));
    let help = d.help.as_deref().unwrap();
    assert!(
        help.contains("Адрес (укажите адрес в extra.address)"),
        "{help}"
    );
    assert!(help.contains("Часы работы"), "{help}");
}

#[test]
fn quality_settings_are_checked() {
    let site = Site::new();
    site.add_config("[extra.quality]\nwarn_month = 6");
    let r = site.socnav(&["check"]);
    r.code(2);
    assert!(
        r.stderr
            .contains("неизвестная настройка extra.quality.warn_month"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("возможно, вы имели в виду «warn_months»"),
        "{}",
        r.stderr
    );

    let site = Site::new();
    site.add_config("[extra.quality]\nwarn_months = 12\nstale_months = 6");
    let r = site.socnav(&["report"]);
    r.code(2);
    assert!(
        r.stderr
            .contains("сделайте warn_months меньше stale_months"),
        "{}",
        r.stderr
    );

    let site = Site::new();
    site.add_config("[extra.quality]\nmin_score = 120");
    site.socnav(&["build"]).code(2);
}

#[test]
fn quality_page_publishes_the_rubric_charts_and_lists() {
    let site = Site::new();
    site.replace(SFR, "reviewed = 2026-11-10", "reviewed = 2025-10-01");
    site.build(&[]).ok();
    let html = site.out("quality/index.html");
    // The rubric, with points.
    assert!(
        html.contains("<tr><td>Телефон</td><td class=\"num\">15</td></tr>"),
        "{html}"
    );
    assert!(html.contains("<tr><td>Причины отказа</td><td class=\"num\">5</td></tr>"));
    // Charts are SVG drawn at build time, with a table of the same numbers.
    assert_eq!(
        html.matches("<svg class=\"chart\"").count(),
        4,
        "two histograms, two bar charts"
    );
    assert!(html.contains("<caption>Распределение оценок: организации</caption>"));
    assert!(!html.contains("<script src=\"/quality"), "no chart script");
    // The stale provider is listed to be checked, and falls under the threshold list
    // only if its score does (65 - 10 = 60: not below 60).
    let to_check =
        &html[html.find("id=\"proverit\"").unwrap()..html.find("id=\"nizhe-poroga\"").unwrap()];
    assert!(
        to_check.contains(
            "<a href=\"/providers/sfr/\">Социальный фонд России</a> — проверено 2025-10-01"
        ),
        "{to_check}"
    );
    assert!(to_check.contains("устарело"));
    // Scores for download and the page in the sitemap.
    let csv = site.out("quality/scores.csv");
    assert!(csv.starts_with("level,kind,key,title,"));
    assert!(csv.contains("record,provider,sfr,Социальный фонд России"));
    assert!(site
        .out("sitemap.xml")
        .contains("<loc>https://fixture.example/quality/</loc>"));
    // Every page links to it from the footer.
    assert!(site
        .out("services/edinoe-posobie/index.html")
        .contains("<a href=\"/quality/\">Качество сведений</a>"));
}
