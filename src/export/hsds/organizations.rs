//! Providers as HSDS organizations: the organization with its phone, its location (with
//! the address split into HSDS's parts when it can be, and the opening hours as a
//! schedule), its INN and OGRN as organization identifiers, attributes for its
//! categories, audiences and regions, and the profile's `socnav` object.

use super::ids::Id;
use super::objects::*;
use super::profile::OrganizationExt;
use super::rows::{Ext, Rows};
use super::taxonomies::Terms;
use super::values::{email, split_address, uri};
use crate::model::records::Provider;
use crate::model::{Page, Site};
use crate::schema::{label_of, PROVIDER_TYPES};

/// The organization of a provider.
pub fn organization<'a>(
    site: &'a Site,
    p: &'a Page,
    pr: &'a Provider,
    terms: &'a Terms<'a>,
) -> Organization<'a> {
    let base = site.config.base();
    let name = format!("provider/{}", p.slug);
    let id = Id::of(&name);
    let c = &pr.contacts;
    let phones = c
        .phone
        .as_deref()
        .map(|number| Phone {
            id: Id::of(&format!("{name}/phone")),
            service_id: None,
            organization_id: Some(id),
            contact_id: None,
            number,
        })
        .into_iter()
        .collect();
    let locations = (pr.address.is_some() || pr.location.is_some())
        .then(|| location(site, p, pr, &name, id))
        .into_iter()
        .collect();
    let identifiers = [
        ("inn", "RU-INN", "ИНН", &pr.inn),
        ("ogrn", "RU-OGRN", "ОГРН", &pr.ogrn),
    ]
    .into_iter()
    .filter_map(|(key, scheme, label, value)| {
        value.as_deref().map(|identifier| OrganizationIdentifier {
            id: Id::of(&format!("{name}/organization_identifier/{key}")),
            organization_id: id,
            identifier_scheme: scheme,
            identifier_type: label,
            identifier,
        })
    })
    .collect();
    let mut attributes = Vec::new();
    for (taxonomy, keys) in [
        ("categories", &p.taxonomies.categories),
        ("audiences", &p.taxonomies.audiences),
        ("regions", &p.taxonomies.regions),
    ] {
        terms.attributes(&name, id, "organization", taxonomy, keys, &mut attributes);
    }
    Organization {
        core: OrganizationCore {
            id,
            name: &p.title,
            description: p.description.as_deref().unwrap_or(&p.title),
            email: c.email.as_deref().and_then(email),
            website: c.url.as_deref().map(|u| uri(u).into_owned()),
            legal_status: label_of(PROVIDER_TYPES, &pr.kind),
            uri: uri(&format!("{base}{}", p.url)).into_owned(),
        },
        phones,
        locations,
        organization_identifiers: identifiers,
        attributes,
        socnav: OrganizationExt {
            slug: &p.slug,
            kind: &pr.kind,
            in_registry: pr.in_registry,
            activities: &pr.activities,
            address: pr.address.as_deref(),
            hours: pr.hours.as_deref(),
            reviewed: &pr.reviewed,
            sources: pr.sources.iter().map(|s| uri(s)).collect(),
            contacts_phone: c.phone.as_deref(),
            contacts_email: c.email.as_deref(),
            contacts_url: c.url.as_deref().map(uri),
        },
    }
}

/// The provider's one physical location.
fn location<'a>(
    site: &'a Site,
    p: &'a Page,
    pr: &'a Provider,
    name: &str,
    organization_id: Id,
) -> Location<'a> {
    let id = Id::of(&format!("{name}/location"));
    // The region the address is in, when the provider names exactly one.
    let mut regions = p.taxonomies.regions.iter().filter(|r| *r != "federal");
    let region = match (regions.next(), regions.next()) {
        (Some(r), None) => site.dicts.regions.label(r),
        _ => None,
    };
    let addresses = pr
        .address
        .as_deref()
        .and_then(|a| split_address(a, region))
        .map(|a| Address {
            id: Id::of(&format!("{name}/address")),
            location_id: id,
            address_1: a.address_1,
            city: a.city,
            state_province: a.state_province,
            postal_code: a.postal_code,
            country: "RU",
            address_type: "physical",
        })
        .into_iter()
        .collect();
    let schedules = pr
        .hours
        .as_deref()
        .map(|hours| Schedule {
            id: Id::of(&format!("{name}/schedule")),
            location_id: id,
            description: hours,
        })
        .into_iter()
        .collect();
    Location {
        id,
        location_type: "physical",
        organization_id,
        name: &p.title,
        description: pr.address.as_deref(),
        latitude: pr.location.as_ref().map(|l| l.lat),
        longitude: pr.location.as_ref().map(|l| l.lon),
        addresses,
        schedules,
    }
}

/// The organization's rows in every table.
pub fn rows(o: &Organization<'_>, rows: &mut Rows<'_>) {
    rows.add(o);
    for phone in &o.phones {
        rows.add(phone);
    }
    for l in &o.locations {
        rows.add(l);
        for a in &l.addresses {
            rows.add(a);
        }
        for s in &l.schedules {
            rows.add(s);
        }
    }
    for i in &o.organization_identifiers {
        rows.add(i);
    }
    for a in &o.attributes {
        rows.add(a);
    }
    rows.add(&Ext(o.core.id, &o.socnav));
}
