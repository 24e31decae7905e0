//! The HSDS 3.0 objects the export fills, as `schema/*.json` of HSDS 3.0 names their
//! properties. Each serialises straight to the canonical (nested) JSON; `tables.rs` reads
//! the same objects into CSV rows. Absent values and empty lists are left out, never
//! `null`. Foreign keys that the nesting already says (a nested phone's `service_id`, an
//! attribute's `link_id`...) are `#[serde(skip)]`: left out of the JSON, as HSDS's own
//! examples do, and written in the tables. Text is borrowed from the site model wherever
//! it is used as it is.

use serde::Serialize;

use super::ids::Id;
use super::profile::{DocumentExt, OrganizationExt, ServiceExt};

#[derive(Debug, Serialize)]
pub struct Taxonomy {
    pub id: Id,
    pub name: &'static str,
    pub description: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct TaxonomyTerm<'a> {
    pub id: Id,
    /// `<taxonomy>/<key>`: HSDS wants codes unique across all taxonomies, and socnav's
    /// term keys are unique only within theirs (`low-income` is a category and an audience).
    pub code: String,
    pub name: &'a str,
    pub description: &'a str,
    /// The taxonomy's name.
    pub taxonomy: &'static str,
    pub language: &'static str,
    pub taxonomy_id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_uri: Option<String>,
}

/// A term with its taxonomy nested, as `taxonomy_terms.json` gives it.
#[derive(Serialize)]
pub struct TermWithTaxonomy<'a> {
    #[serde(flatten)]
    pub term: &'a TaxonomyTerm<'a>,
    pub taxonomy_detail: &'a Taxonomy,
}

#[derive(Debug, Serialize)]
pub struct Attribute<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub link_id: Id,
    /// The nested `taxonomy_term`'s id: in the tables only.
    #[serde(skip)]
    pub taxonomy_term_id: Id,
    /// The socnav taxonomy the term is from: `categories`, `audiences` or `regions`.
    pub link_type: &'static str,
    /// The HSDS object it applies to (`service`, `organization`, `service_area`):
    /// implied by the object it is nested in, in the tables only.
    #[serde(skip)]
    pub link_entity: &'static str,
    pub taxonomy_term: &'a TaxonomyTerm<'a>,
}

#[derive(Debug, Serialize)]
pub struct Phone<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub service_id: Option<Id>,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub organization_id: Option<Id>,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub contact_id: Option<Id>,
    pub number: &'a str,
}

/// A service's contact point for questions (socnav's `extra.contacts` of a service).
#[derive(Debug, Serialize)]
pub struct Contact<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub service_id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Address<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub location_id: Id,
    pub address_1: String,
    pub city: &'a str,
    pub state_province: &'a str,
    pub postal_code: &'a str,
    pub country: &'static str,
    pub address_type: &'static str,
}

/// Opening hours in words (HSDS's schedule `description`).
#[derive(Debug, Serialize)]
pub struct Schedule<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub location_id: Id,
    pub description: &'a str,
}

#[derive(Debug, Serialize)]
pub struct Location<'a> {
    pub id: Id,
    pub location_type: &'static str,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub organization_id: Id,
    pub name: &'a str,
    /// The address as editors wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule<'a>>,
}

#[derive(Debug, Serialize)]
pub struct OrganizationIdentifier<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub organization_id: Id,
    pub identifier_scheme: &'static str,
    pub identifier_type: &'static str,
    pub identifier: &'a str,
}

/// An organization's one-to-one properties: what a service nests as its `organization`.
#[derive(Debug, Serialize)]
pub struct OrganizationCore<'a> {
    pub id: Id,
    pub name: &'a str,
    pub description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_status: Option<&'static str>,
    /// The provider's page on the navigator.
    pub uri: String,
}

#[derive(Debug, Serialize)]
pub struct Organization<'a> {
    #[serde(flatten)]
    pub core: OrganizationCore<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organization_identifiers: Vec<OrganizationIdentifier<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute<'a>>,
    pub socnav: OrganizationExt<'a>,
}

#[derive(Debug, Serialize)]
pub struct ServiceArea<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub service_id: Id,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ServiceAtLocation<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub service_id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub location_id: Id,
    pub location: &'a Location<'a>,
}

#[derive(Debug, Serialize)]
pub struct RequiredDocument<'a> {
    pub id: Id,
    /// Implied by the nesting: in the tables only.
    #[serde(skip)]
    pub service_id: Id,
    pub document: &'a str,
    pub socnav: DocumentExt<'a>,
}

#[derive(Debug, Serialize)]
pub struct Service<'a> {
    pub id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<Id>,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    /// The service's page on the navigator.
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a str>,
    pub status: &'static str,
    pub application_process: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fees_description: Option<&'static str>,
    pub eligibility_description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assured_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<&'a OrganizationCore<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_areas: Vec<ServiceArea<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_at_locations: Vec<ServiceAtLocation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub required_documents: Vec<RequiredDocument<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute<'a>>,
    pub socnav: ServiceExt<'a>,
}
