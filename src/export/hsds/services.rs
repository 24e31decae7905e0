//! Support measures as HSDS services: the service nests its organization (the first
//! provider), a contact point for questions, its regions as service areas, a service at
//! location for every provider with a location, the required documents, attributes for
//! its categories and audiences, and the profile's `socnav` object with everything HSDS
//! has no field for.

use std::fmt::Write as _;

use super::ids::Id;
use super::objects::*;
use super::profile::{Act, DocumentExt, ServiceExt, StandardRef};
use super::rows::{Ext, Rows};
use super::taxonomies::Terms;
use super::values::{email, uri};
use crate::model::records::Service as Measure;
use crate::model::{Page, Record, Site};
use crate::schema::{label_of, Kind, COSTS};

/// What a service needs from the rest of the export.
pub struct Context<'a> {
    pub site: &'a Site,
    pub terms: &'a Terms<'a>,
    pub organizations: &'a [Organization<'a>],
    /// The organization of each provider page, by page index.
    pub organization_of_page: &'a [Option<usize>],
}

/// The service of a support measure.
pub fn service<'a>(cx: &Context<'a>, p: &'a Page, s: &'a Measure) -> Service<'a> {
    let site = cx.site;
    let base = site.config.base();
    let name = format!("service/{}", p.slug);
    let id = Id::of(&name);
    let providers: Vec<(&'a str, &'a Organization<'a>)> = s
        .providers
        .iter()
        .filter_map(|slug| {
            let page = site.find(Kind::Provider, slug)?;
            let o = cx.organization_of_page[page]?;
            Some((slug.as_str(), &cx.organizations[o]))
        })
        .collect();
    let c = s.contacts.as_ref();
    let contact_email = c.and_then(|c| c.email.as_deref()).and_then(email);
    let contact_phone = c.and_then(|c| c.phone.as_deref());
    let contacts = (contact_email.is_some() || contact_phone.is_some())
        .then(|| {
            let contact_id = Id::of(&format!("{name}/contact"));
            Contact {
                id: contact_id,
                service_id: id,
                email: contact_email,
                phones: contact_phone
                    .map(|number| Phone {
                        id: Id::of(&format!("{name}/contact/phone")),
                        service_id: Some(id),
                        organization_id: None,
                        contact_id: Some(contact_id),
                        number,
                    })
                    .into_iter()
                    .collect(),
            }
        })
        .into_iter()
        .collect();
    let service_areas = p
        .taxonomies
        .regions
        .iter()
        .filter_map(|k| {
            let term = cx.terms.get("regions", k)?;
            let area = format!("{name}/service_area/{k}");
            let area_id = Id::of(&area);
            let mut attributes = Vec::new();
            cx.terms.attributes(
                &area,
                area_id,
                "service_area",
                "regions",
                std::slice::from_ref(k),
                &mut attributes,
            );
            Some(ServiceArea {
                id: area_id,
                service_id: id,
                name: term.name,
                attributes,
            })
        })
        .collect();
    let service_at_locations = providers
        .iter()
        .flat_map(|(slug, o)| {
            o.locations.iter().map(move |l| ServiceAtLocation {
                id: Id::of(&format!("service/{}/service_at_location/{slug}", p.slug)),
                service_id: id,
                location_id: l.id,
                location: l,
            })
        })
        .collect();
    let mut attributes = Vec::new();
    for (taxonomy, keys) in [
        ("categories", &p.taxonomies.categories),
        ("audiences", &p.taxonomies.audiences),
    ] {
        cx.terms
            .attributes(&name, id, "service", taxonomy, keys, &mut attributes);
    }
    let mut steps = String::new();
    let _ = write!(steps, "Где подать: {}", s.apply.place);
    for (n, step) in s.apply.steps.iter().enumerate() {
        let _ = write!(
            steps,
            "{}{}. {step}",
            if n == 0 { "\n\n" } else { "\n" },
            n + 1
        );
    }
    let criteria = s
        .eligibility
        .criteria
        .iter()
        .map(|c| format!("- {c}"))
        .collect::<Vec<_>>()
        .join("\n");
    let cost = s.cost.as_deref().unwrap_or("free");
    let first = providers.first().map(|(_, o)| &o.core);
    Service {
        id,
        organization_id: first.map(|o| o.id),
        name: &p.title,
        description: p.description.as_deref(),
        url: uri(&format!("{base}{}", p.url)).into_owned(),
        email: contact_email,
        status: "active",
        application_process: steps,
        fees_description: label_of(COSTS, cost),
        eligibility_description: criteria,
        minimum_age: s.eligibility.age_min,
        maximum_age: s.eligibility.age_max,
        assured_date: p.reviewed.map(|d| d.to_string()),
        last_modified: p.updated.map(|d| format!("{d}T00:00:00Z")),
        organization: first,
        contacts,
        service_areas,
        service_at_locations,
        required_documents: documents(site, &name, id, s),
        attributes,
        socnav: ServiceExt {
            slug: &p.slug,
            form: &s.form,
            level: &s.level,
            cost,
            organization_ids: providers.iter().map(|(_, o)| o.core.id).collect(),
            standards: s
                .standards
                .iter()
                .filter_map(|slug| {
                    let page = &site.pages[site.find(Kind::Standard, slug)?];
                    let Record::Standard(st) = &page.record else {
                        return None;
                    };
                    Some(StandardRef {
                        code: &st.code,
                        title: &page.title,
                        url: uri(&format!("{base}{}", page.url)).into_owned(),
                    })
                })
                .collect(),
            sources: s.sources.iter().map(|u| uri(u)).collect(),
            eligibility_criteria: &s.eligibility.criteria,
            apply_channels: &s.apply.channels,
            apply_url: s.apply.url.as_deref().map(uri),
            apply_where: &s.apply.place,
            apply_steps: &s.apply.steps,
            deadlines_apply_within: s.deadlines.apply_within.as_deref(),
            deadlines_decision_days: s.deadlines.decision_days,
            deadlines_decision: &s.deadlines.decision,
            deadlines_delivery: s.deadlines.delivery.as_deref(),
            refusal_reasons: &s.refusal.reasons,
            refusal_reapply: s.refusal.reapply.as_deref(),
            refusal_appeal: &s.refusal.appeal,
            legal_basis: s
                .legal_basis
                .iter()
                .map(|a| Act {
                    title: &a.title,
                    url: a.url.as_deref().map(uri),
                })
                .collect(),
            contacts_phone: contact_phone,
            contacts_email: c.and_then(|c| c.email.as_deref()),
            contacts_url: c.and_then(|c| c.url.as_deref()).map(uri),
        },
    }
}

/// The required documents, titled from the dictionary when given by reference. Each id
/// is made from the document's key (or its name), so reordering keeps the ids.
fn documents<'a>(
    site: &'a Site,
    name: &str,
    service_id: Id,
    s: &'a Measure,
) -> Vec<RequiredDocument<'a>> {
    let mut keys: Vec<&str> = Vec::with_capacity(s.documents.len());
    s.documents
        .iter()
        .map(|d| {
            let known = d
                .reference
                .as_deref()
                .and_then(|r| site.dicts.documents.get(r));
            let key = d.reference.as_deref().or(d.name.as_deref()).unwrap_or("");
            let seen = keys.iter().filter(|k| **k == key).count();
            keys.push(key);
            let id_name = match seen {
                0 => format!("{name}/required_document/{key}"),
                n => format!("{name}/required_document/{key}#{}", n + 1),
            };
            RequiredDocument {
                id: Id::of(&id_name),
                service_id,
                document: d
                    .name
                    .as_deref()
                    .or(known.map(|t| t.title.as_str()))
                    .unwrap_or(key),
                socnav: DocumentExt {
                    reference: d.reference.as_deref(),
                    note: d.note.as_deref(),
                    condition: d.condition.as_deref(),
                    optional: d.optional,
                    how_to_get: known.and_then(|t| t.how_to_get.as_deref()),
                },
            }
        })
        .collect()
}

/// The service's rows in every table.
pub fn rows(s: &Service<'_>, rows: &mut Rows<'_>) {
    rows.add(s);
    for c in &s.contacts {
        rows.add(c);
        for phone in &c.phones {
            rows.add(phone);
        }
    }
    for a in &s.service_areas {
        rows.add(a);
        for attribute in &a.attributes {
            rows.add(attribute);
        }
    }
    for l in &s.service_at_locations {
        rows.add(l);
    }
    for d in &s.required_documents {
        rows.add(d);
        rows.add(&Ext(d.id, &d.socnav));
    }
    for a in &s.attributes {
        rows.add(a);
    }
    rows.add(&Ext(s.id, &s.socnav));
}
