//! The optional map of providers, as built: `/providers/map.json` (one entry per provider
//! with a location), the hidden widget and its deferred script on the provider lists,
//! addresses with geo: links in the cards, and Leaflet served from the site. How it
//! behaves in a browser: tests/browser/map.test.mjs.
//!
//! The bundled catalogue has no provider with a location yet: these tests use the
//! fixture site, whose kcson-kurgan has one.

mod common;

use common::*;
use serde_json::{json, Value};

const KCSON: &str = "content/providers/kcson-kurgan.md";
const SFR: &str = "content/providers/sfr.md";

fn map_json(site: &Site) -> Value {
    serde_json::from_str(&site.out("providers/map.json")).expect("map.json is JSON")
}

#[test]
fn map_json_lists_providers_with_a_location() {
    let site = Site::new();
    site.build(&[]).ok();
    assert_eq!(
        map_json(&site),
        json!([[
            "/providers/kcson-kurgan/",
            "Комплексный центр социального обслуживания населения",
            55.44,
            65.34,
            "г. Курган, ул. Тестовая, 1"
        ]]),
        "the provider with a location, with its coordinates and address; sfr has none"
    );
}

#[test]
fn map_json_is_in_title_order_with_null_for_no_address_and_stable() {
    let site = Site::new();
    site.replace(
        SFR,
        "type = \"state-body\"\n",
        "type = \"state-body\"\nlocation = { lat = 55.75, lon = 37.61 }\n",
    );
    site.build(&[]).ok();
    let first = site.out("providers/map.json");
    assert_eq!(
        map_json(&site),
        json!([
            [
                "/providers/kcson-kurgan/",
                "Комплексный центр социального обслуживания населения",
                55.44,
                65.34,
                "г. Курган, ул. Тестовая, 1"
            ],
            [
                "/providers/sfr/",
                "Социальный фонд России",
                55.75,
                37.61,
                null
            ]
        ])
    );
    site.build(&[]).ok();
    assert_eq!(
        site.out("providers/map.json"),
        first,
        "the same bytes again"
    );
    // A provider with a location but no address: a geo: link in its card all the same.
    let list = site.out("providers/index.html");
    assert!(list.contains("<a href=\"geo:55.75,37.61\">"), "{list}");
}

#[test]
fn provider_lists_carry_the_hidden_map_widget_and_its_deferred_script() {
    let site = Site::new();
    site.build(&[]).ok();
    for page in [
        "providers/index.html",
        "providers/po/vidu/index.html",
        "providers/po/regionam/index.html",
    ] {
        let html = site.out(page);
        let widget = html
            .split("<div class=\"provider-map\" hidden ")
            .nth(1)
            .unwrap_or_else(|| panic!("{page}: the widget, hidden"));
        let widget = &widget[..widget.find('>').unwrap()];
        assert!(
            widget.contains("data-url=\"/providers/map.json\""),
            "{page}: {widget}"
        );
        for (attr, prefix, ext) in [
            ("data-js", "/vendor/leaflet/leaflet.", ".js"),
            ("data-css", "/vendor/leaflet/leaflet.", ".css"),
        ] {
            let url = widget
                .split(&format!("{attr}=\""))
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_else(|| panic!("{page}: {attr}"));
            assert!(
                url.starts_with(prefix) && url.ends_with(ext),
                "{page}: {attr}={url}"
            );
            assert!(
                site.public().join(&url[1..]).is_file(),
                "{page}: {url} is served"
            );
        }
        assert!(html.contains(">Показать организации на карте</button>"));
        assert!(
            html.contains("aria-label=\"Карта организаций\""),
            "the map area is named"
        );
        let script = html
            .split("<script ")
            .find(|t| t.contains("/provider-map."))
            .unwrap_or_else(|| panic!("{page}: provider-map.js"));
        assert!(
            script[..script.find('>').unwrap()].contains(" defer"),
            "{page}: deferred"
        );
        // Leaflet is not loaded by the page, only named for the script.
        assert!(!html.contains("<link rel=\"stylesheet\" href=\"/vendor/"));
        assert!(!html.contains("<script src=\"/vendor/"));
        assert!(!html.contains("tile.openstreetmap.org"));
        // The fallback: the address, linked to the phone's map app.
        assert!(
            html.contains("Адрес: <a href=\"geo:55.44,65.34\">г. Курган, ул. Тестовая, 1</a>"),
            "{page}: the card's address with its geo: link"
        );
    }
    // Other lists have no map.
    for page in ["services/index.html", "standards/index.html", "index.html"] {
        assert!(!site.out(page).contains("provider-map"), "{page}");
    }
}

#[test]
fn no_location_no_map() {
    let site = Site::new();
    site.replace(KCSON, "location = { lat = 55.44, lon = 65.34 }\n", "");
    site.build(&[]).ok();
    assert!(!site.public().join("providers/map.json").exists());
    for page in ["providers/index.html", "providers/po/vidu/index.html"] {
        let html = site.out(page);
        assert!(
            !html.contains("provider-map"),
            "{page}: no widget, no script"
        );
        assert!(
            !html.contains("geo:"),
            "{page}: no geo: link without a location"
        );
        assert!(
            html.contains("Адрес: г. Курган, ул. Тестовая, 1"),
            "{page}: the address, as text"
        );
    }
}

#[test]
fn leaflet_is_served_with_its_licence_and_the_images_its_css_names() {
    let site = Site::new();
    site.build(&[]).ok();
    let dir = site.public().join("vendor/leaflet");
    let licence = std::fs::read_to_string(dir.join("LICENSE")).expect("LICENSE");
    assert!(licence.starts_with("BSD 2-Clause License"));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    let css = names
        .iter()
        .find(|n| n.starts_with("leaflet.") && n.ends_with(".css"))
        .expect("leaflet.<hash>.css");
    let js = names
        .iter()
        .find(|n| n.starts_with("leaflet.") && n.ends_with(".js"))
        .expect("leaflet.<hash>.js");
    let js = std::fs::read_to_string(dir.join(js)).unwrap();
    assert!(js.contains("t.version=\"1.9.4\""), "Leaflet 1.9.4");
    assert!(
        !js.contains("sourceMappingURL"),
        "no source map is shipped, none is named"
    );
    // The CSS names its images relative to itself: they sit beside it, hashing only
    // renames the CSS.
    let css = std::fs::read_to_string(dir.join(css)).unwrap();
    let images: Vec<&str> = css
        .split("url(")
        .skip(1)
        .map(|s| s[..s.find(')').unwrap()].trim_matches(['"', '\'']))
        .filter(|u| !u.starts_with('#') && !u.starts_with("data:"))
        .collect();
    assert!(images.contains(&"images/marker-icon.png"), "{images:?}");
    for image in images {
        assert!(dir.join(image).is_file(), "{image} beside leaflet.css");
    }
    for image in ["marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"] {
        assert!(dir.join("images").join(image).is_file(), "{image}");
    }
}
