//! schema.org JSON-LD for record pages: a service is a `GovernmentService` (state
//! providers) or a `Service` (non-state), with its provider, area served, audience and
//! channels; a provider is a `GovernmentOrganization` or an `NGO`. Search engines and
//! assistants read it; citizens never see it.

use serde_json::{json, Map, Value};

use crate::model::{Page, Record, Site};
use crate::render::translations::labels::Choices;
use crate::schema::Kind;

/// The JSON-LD of a record page, ready to sit inside `<script type="application/ld+json">`
/// (every `<` escaped, so no text in it can close the script element). None for plain
/// pages.
pub fn for_page(site: &Site, p: &Page) -> Option<String> {
    let base = site.config.base();
    let url = format!("{base}{}", p.url);
    let mut v = match &p.record {
        Record::Service(s) => {
            let providers: Vec<&Page> = s
                .providers
                .iter()
                .filter_map(|slug| site.find(Kind::Provider, slug))
                .map(|i| &site.pages[i])
                .collect();
            let state = s.level != "non-state";
            let mut channel = Map::new();
            channel.insert("@type".into(), "ServiceChannel".into());
            channel.insert("name".into(), s.apply.place.clone().into());
            if let Some(u) = &s.apply.url {
                channel.insert("serviceUrl".into(), u.clone().into());
            }
            if let Some(days) = s.deadlines.decision_days {
                channel.insert("processingTime".into(), format!("P{days}D").into());
            }
            if let Some(phone) = s.contacts.as_ref().and_then(|c| c.phone.clone()) {
                channel.insert(
                    "servicePhone".into(),
                    json!({ "@type": "ContactPoint", "telephone": phone }),
                );
            }
            let mut v = json!({
                "@type": if state { "GovernmentService" } else { "Service" },
                "name": p.title,
                "description": p.description,
                "url": url,
                "serviceType": site.labels.choice(Choices::Form, &s.form),
                "areaServed": area(site, &p.taxonomies.regions),
                "audience": audience(site, &p.taxonomies.audiences),
                "availableChannel": Value::Object(channel),
                "isAccessibleForFree": s.cost.as_deref().unwrap_or("free") == "free",
            });
            let org: Vec<Value> = providers.iter().map(|pr| org_ref(site, pr)).collect();
            if !org.is_empty() {
                let key = if state { "serviceOperator" } else { "provider" };
                v[key] = if org.len() == 1 {
                    org[0].clone()
                } else {
                    Value::Array(org)
                };
            }
            v
        }
        Record::Provider(pr) => {
            let mut v = org(site, p, &pr.kind);
            v["description"] = p.description.clone().into();
            let c = &pr.contacts;
            if let Some(phone) = &c.phone {
                v["telephone"] = phone.clone().into();
            }
            if let Some(email) = &c.email {
                v["email"] = email.clone().into();
            }
            if let Some(u) = &c.url {
                v["sameAs"] = u.clone().into();
            }
            if let Some(a) = &pr.address {
                v["address"] = json!({ "@type": "PostalAddress", "streetAddress": a });
            }
            if let Some(l) = &pr.location {
                v["geo"] =
                    json!({ "@type": "GeoCoordinates", "latitude": l.lat, "longitude": l.lon });
            }
            v["areaServed"] = area(site, &p.taxonomies.regions);
            v
        }
        Record::Standard(st) => json!({
            "@type": "CreativeWork",
            "name": format!("{} {}", st.code, p.title),
            "identifier": st.code,
            "url": url,
            "inLanguage": "ru",
            "creativeWorkStatus": site.labels.choice(Choices::StandardStatus, &st.status),
        }),
        Record::Situation(si) => json!({
            "@type": "HowTo",
            "name": p.title,
            "description": p.description,
            "url": url,
            "step": si.steps.iter().enumerate().map(|(n, step)| json!({
                "@type": "HowToStep",
                "position": n + 1,
                "name": step.title,
            })).collect::<Vec<_>>(),
        }),
        Record::Plain => return None,
    };
    v["@context"] = "https://schema.org".into();
    if let Some(d) = p.updated.or(p.reviewed) {
        v["dateModified"] = d.to_string().into();
    }
    crate::export::strip_nulls(&mut v);
    Some(escape(&crate::json::to_string(&v)))
}

fn org_type(kind: &str) -> &'static str {
    match kind {
        "non-profit" => "NGO",
        "social-business" => "Organization",
        _ => "GovernmentOrganization",
    }
}

fn org(site: &Site, p: &Page, kind: &str) -> Value {
    json!({
        "@type": org_type(kind),
        "name": p.title,
        "url": format!("{}{}", site.config.base(), p.url),
    })
}

fn org_ref(site: &Site, p: &Page) -> Value {
    match &p.record {
        Record::Provider(pr) => org(site, p, &pr.kind),
        _ => org(site, p, ""),
    }
}

fn area(site: &Site, regions: &[String]) -> Value {
    let places: Vec<Value> = regions
        .iter()
        .map(|r| {
            if r == "federal" {
                json!({ "@type": "Country", "name": site.labels.words.country })
            } else {
                json!({ "@type": "AdministrativeArea", "name": site.term_title("regions", r) })
            }
        })
        .collect();
    match places.len() {
        1 => places.into_iter().next().expect("one"),
        _ => Value::Array(places),
    }
}

fn audience(site: &Site, audiences: &[String]) -> Value {
    let names: Vec<String> = audiences
        .iter()
        .map(|a| site.term_title("audiences", a))
        .collect();
    if names.is_empty() {
        return Value::Null;
    }
    json!({ "@type": "Audience", "audienceType": names.join(", ") })
}

/// JSON inside an HTML script element: `<` as `\u003c` keeps `</script>` and `<!--` out.
fn escape(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}
