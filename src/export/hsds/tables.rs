//! The tables of the HSDS tabular data package: each HSDS table the export fills, with
//! its fields exactly as HSDS 3.0's `datapackage.json` defines them (same order, types,
//! formats and constraints; foreign keys to tables the export does not fill are left
//! out), then the profile's three extension tables. A CSV's header and every row follow
//! these field lists; `datapackage.rs` describes them.

use super::profile::{self, ExtField, ExtTy};
use crate::schema::Choice;

/// Allowed values of a field.
#[derive(Debug, Clone, Copy)]
pub enum Choices {
    Any,
    Keys(&'static [&'static str]),
    Of(&'static [Choice]),
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    /// Table Schema type: string, number, integer, boolean, date, datetime, time, array.
    pub ty: &'static str,
    pub format: Option<&'static str>,
    pub required: bool,
    pub unique: bool,
    pub choices: Choices,
    /// Only the profile's fields carry one (HSDS's are in its own package).
    pub description: Option<&'static str>,
}

const fn f(
    name: &'static str,
    ty: &'static str,
    format: Option<&'static str>,
    required: bool,
    unique: bool,
    keys: &'static [&'static str],
) -> Field {
    Field {
        name,
        ty,
        format,
        required,
        unique,
        choices: if keys.is_empty() {
            Choices::Any
        } else {
            Choices::Keys(keys)
        },
        description: None,
    }
}

const UUID: Option<&str> = Some("uuid");
const URI: Option<&str> = Some("uri");
const EMAIL: Option<&str> = Some("email");

/// The tables, in the order of HSDS's package, then the profile's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    Organization,
    Service,
    Attribute,
    ServiceAtLocation,
    Location,
    Phone,
    Contact,
    Address,
    Schedule,
    ServiceArea,
    RequiredDocument,
    TaxonomyTerm,
    OrganizationIdentifier,
    Taxonomy,
    SocnavOrganization,
    SocnavService,
    SocnavRequiredDocument,
}

pub const COUNT: usize = 17;

impl T {
    pub const ALL: [T; COUNT] = [
        T::Organization,
        T::Service,
        T::Attribute,
        T::ServiceAtLocation,
        T::Location,
        T::Phone,
        T::Contact,
        T::Address,
        T::Schedule,
        T::ServiceArea,
        T::RequiredDocument,
        T::TaxonomyTerm,
        T::OrganizationIdentifier,
        T::Taxonomy,
        T::SocnavOrganization,
        T::SocnavService,
        T::SocnavRequiredDocument,
    ];
}

/// One table of the package.
pub struct Table {
    pub name: &'static str,
    pub path: &'static str,
    pub fields: Vec<Field>,
    pub primary_key: &'static str,
    /// (field, resource whose `id` it names).
    pub foreign_keys: &'static [(&'static str, &'static str)],
}

impl Table {
    /// The header line, with its CRLF.
    pub fn header(&self) -> String {
        let mut out = String::new();
        for (i, field) in self.fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(field.name);
        }
        out.push_str("\r\n");
        out
    }
}

/// Every table, indexed by `T`.
pub fn all() -> Vec<Table> {
    T::ALL.iter().map(|t| table(*t)).collect()
}

fn hsds(
    name: &'static str,
    path: &'static str,
    fields: &[Field],
    foreign_keys: &'static [(&'static str, &'static str)],
) -> Table {
    Table {
        name,
        path,
        fields: fields.to_vec(),
        primary_key: "id",
        foreign_keys,
    }
}

/// A profile table: the object's id, then its `socnav` fields.
fn extension(
    name: &'static str,
    path: &'static str,
    key: &'static str,
    ext: &[ExtField],
    foreign_keys: &'static [(&'static str, &'static str)],
) -> Table {
    let mut fields = vec![Field {
        description: Some("The id of the object the row extends."),
        ..f(key, "string", UUID, true, true, &[])
    }];
    fields.extend(ext.iter().map(|e| {
        let (ty, format, choices) = match e.ty {
            ExtTy::Text => ("string", None, Choices::Any),
            ExtTy::Int => ("integer", None, Choices::Any),
            ExtTy::Bool => ("boolean", None, Choices::Any),
            ExtTy::Date => ("date", None, Choices::Any),
            ExtTy::Uri => ("string", URI, Choices::Any),
            ExtTy::Key(c) => ("string", None, Choices::Of(c)),
            ExtTy::Texts
            | ExtTy::Keys(_)
            | ExtTy::Uris
            | ExtTy::Ids
            | ExtTy::Acts
            | ExtTy::Standards => ("array", None, Choices::Any),
        };
        Field {
            name: e.name,
            ty,
            format,
            required: e.required,
            unique: false,
            choices,
            description: Some(e.description),
        }
    }));
    Table {
        name,
        path,
        fields,
        primary_key: key,
        foreign_keys,
    }
}

fn table(t: T) -> Table {
    match t {
        T::Organization => hsds("organization", "organizations.csv", ORGANIZATION, &[]),
        T::Service => hsds(
            "service",
            "services.csv",
            SERVICE,
            &[("organization_id", "organization")],
        ),
        T::Attribute => hsds(
            "attribute",
            "attributes.csv",
            ATTRIBUTE,
            &[("taxonomy_term_id", "taxonomy_term")],
        ),
        T::ServiceAtLocation => hsds(
            "service_at_location",
            "service_at_location.csv",
            SERVICE_AT_LOCATION,
            &[("service_id", "service"), ("location_id", "location")],
        ),
        T::Location => hsds(
            "location",
            "locations.csv",
            LOCATION,
            &[("organization_id", "organization")],
        ),
        T::Phone => hsds(
            "phone",
            "phones.csv",
            PHONE,
            &[
                ("contact_id", "contact"),
                ("location_id", "location"),
                ("organization_id", "organization"),
                ("service_id", "service"),
                ("service_at_location_id", "service_at_location"),
            ],
        ),
        T::Contact => hsds(
            "contact",
            "contacts.csv",
            CONTACT,
            &[
                ("location_id", "location"),
                ("organization_id", "organization"),
                ("service_id", "service"),
                ("service_at_location_id", "service_at_location"),
            ],
        ),
        T::Address => hsds(
            "address",
            "addresses.csv",
            ADDRESS,
            &[("location_id", "location")],
        ),
        T::Schedule => hsds(
            "schedule",
            "schedules.csv",
            SCHEDULE,
            &[
                ("location_id", "location"),
                ("service_id", "service"),
                ("service_at_location_id", "service_at_location"),
            ],
        ),
        T::ServiceArea => hsds(
            "service_area",
            "service_areas.csv",
            SERVICE_AREA,
            &[("service_id", "service")],
        ),
        T::RequiredDocument => hsds(
            "required_document",
            "required_documents.csv",
            REQUIRED_DOCUMENT,
            &[("service_id", "service")],
        ),
        T::TaxonomyTerm => hsds(
            "taxonomy_term",
            "taxonomy_terms.csv",
            TAXONOMY_TERM,
            &[("taxonomy_id", "taxonomy")],
        ),
        T::OrganizationIdentifier => hsds(
            "organization_identifier",
            "organization_identifiers.csv",
            ORGANIZATION_IDENTIFIER,
            &[("organization_id", "organization")],
        ),
        T::Taxonomy => hsds("taxonomy", "taxonomies.csv", TAXONOMY, &[]),
        T::SocnavOrganization => extension(
            "socnav_organization",
            "socnav_organizations.csv",
            "organization_id",
            profile::ORGANIZATION,
            &[("organization_id", "organization")],
        ),
        T::SocnavService => extension(
            "socnav_service",
            "socnav_services.csv",
            "service_id",
            profile::SERVICE,
            &[("service_id", "service")],
        ),
        T::SocnavRequiredDocument => extension(
            "socnav_required_document",
            "socnav_required_documents.csv",
            "required_document_id",
            profile::DOCUMENT,
            &[("required_document_id", "required_document")],
        ),
    }
}

// The fields below are HSDS 3.0's, copied from its datapackage.json (CC BY-SA 4.0, Open
// Referral); tests/hsds.rs checks them against that file.

const ORGANIZATION: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("name", "string", None, true, false, &[]),
    f("alternate_name", "string", None, false, false, &[]),
    f("description", "string", None, true, false, &[]),
    f("email", "string", EMAIL, false, false, &[]),
    f("website", "string", URI, false, false, &[]),
    f("tax_status", "string", None, false, false, &[]),
    f("tax_id", "string", None, false, false, &[]),
    f("year_incorporated", "number", None, false, false, &[]),
    f("legal_status", "string", None, false, false, &[]),
    f("logo", "string", None, false, false, &[]),
    f("uri", "string", URI, false, false, &[]),
    f("parent_organization_id", "string", UUID, false, false, &[]),
];

const SERVICE: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("organization_id", "string", UUID, true, false, &[]),
    f("program_id", "string", UUID, false, false, &[]),
    f("name", "string", None, true, false, &[]),
    f("alternate_name", "string", None, false, false, &[]),
    f("description", "string", None, false, false, &[]),
    f("url", "string", URI, false, false, &[]),
    f("email", "string", EMAIL, false, false, &[]),
    f(
        "status",
        "string",
        None,
        true,
        false,
        &["active", "inactive", "defunct", "temporarily closed"],
    ),
    f("interpretation_services", "string", None, false, false, &[]),
    f("application_process", "string", None, false, false, &[]),
    f("fees_description", "string", None, false, false, &[]),
    f("wait_time", "string", None, false, false, &[]),
    f("fees", "string", None, false, false, &[]),
    f("accreditations", "string", None, false, false, &[]),
    f("eligibility_description", "string", None, false, false, &[]),
    f("minimum_age", "number", None, false, false, &[]),
    f("maximum_age", "number", None, false, false, &[]),
    f("assured_date", "date", None, false, false, &[]),
    f("assurer_email", "string", EMAIL, false, false, &[]),
    f("licenses", "string", None, false, false, &[]),
    f("alert", "string", None, false, false, &[]),
    f("last_modified", "datetime", None, false, false, &[]),
];

const ATTRIBUTE: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("link_id", "string", UUID, true, false, &[]),
    f("taxonomy_term_id", "string", UUID, true, false, &[]),
    f("link_type", "string", None, false, false, &[]),
    f("link_entity", "string", None, true, false, &[]),
    f("value", "string", None, false, false, &[]),
];

const SERVICE_AT_LOCATION: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("service_id", "string", UUID, true, false, &[]),
    f("location_id", "string", UUID, true, false, &[]),
    f("description", "string", None, false, false, &[]),
];

const LOCATION: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f(
        "location_type",
        "string",
        None,
        true,
        false,
        &["physical", "postal", "virtual"],
    ),
    f("url", "string", URI, false, false, &[]),
    f("organization_id", "string", UUID, false, false, &[]),
    f("name", "string", None, false, false, &[]),
    f("alternate_name", "string", None, false, false, &[]),
    f("description", "string", None, false, false, &[]),
    f("transportation", "string", None, false, false, &[]),
    f("latitude", "number", None, false, false, &[]),
    f("longitude", "number", None, false, false, &[]),
    f("external_identifier", "string", None, false, false, &[]),
    f(
        "external_identifier_type",
        "string",
        None,
        false,
        false,
        &[],
    ),
];

const PHONE: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("location_id", "string", UUID, false, false, &[]),
    f("service_id", "string", UUID, false, false, &[]),
    f("organization_id", "string", UUID, false, false, &[]),
    f("contact_id", "string", UUID, false, false, &[]),
    f("service_at_location_id", "string", UUID, false, false, &[]),
    f("number", "string", None, true, false, &[]),
    f("extension", "number", None, false, false, &[]),
    f("type", "string", None, false, false, &[]),
    f("description", "string", None, false, false, &[]),
];

const CONTACT: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("organization_id", "string", UUID, false, false, &[]),
    f("service_id", "string", UUID, false, false, &[]),
    f("service_at_location_id", "string", UUID, false, false, &[]),
    f("location_id", "string", UUID, false, false, &[]),
    f("name", "string", None, false, false, &[]),
    f("title", "string", None, false, false, &[]),
    f("department", "string", None, false, false, &[]),
    f("email", "string", EMAIL, false, false, &[]),
];

const ADDRESS: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("location_id", "string", UUID, false, false, &[]),
    f("attention", "string", None, false, false, &[]),
    f("address_1", "string", None, true, false, &[]),
    f("address_2", "string", None, false, false, &[]),
    f("city", "string", None, true, false, &[]),
    f("region", "string", None, false, false, &[]),
    f("state_province", "string", None, true, false, &[]),
    f("postal_code", "string", None, true, false, &[]),
    f("country", "string", None, true, false, &[]),
    f(
        "address_type",
        "string",
        None,
        true,
        false,
        &["physical", "postal", "virtual"],
    ),
];

const SCHEDULE: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("service_id", "string", UUID, false, false, &[]),
    f("location_id", "string", UUID, false, false, &[]),
    f("service_at_location_id", "string", UUID, false, false, &[]),
    f("valid_from", "date", None, false, false, &[]),
    f("valid_to", "date", None, false, false, &[]),
    f("dtstart", "date", None, false, false, &[]),
    f("timezone", "number", None, false, false, &[]),
    f("until", "date", None, false, false, &[]),
    f("count", "number", None, false, false, &[]),
    f(
        "wkst",
        "string",
        None,
        false,
        false,
        &["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
    ),
    f("freq", "string", None, false, false, &["WEEKLY", "MONTHLY"]),
    f("interval", "number", None, false, false, &[]),
    f("byday", "string", None, false, false, &[]),
    f("byweekno", "string", None, false, false, &[]),
    f("bymonthday", "string", None, false, false, &[]),
    f("byyearday", "string", None, false, false, &[]),
    f("description", "string", None, false, false, &[]),
    f("opens_at", "time", None, false, false, &[]),
    f("closes_at", "time", None, false, false, &[]),
    f("schedule_link", "string", URI, false, false, &[]),
    f("attending_type", "string", None, false, false, &[]),
    f("notes", "string", None, false, false, &[]),
];

const SERVICE_AREA: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("service_id", "string", UUID, false, false, &[]),
    f("name", "string", None, false, false, &[]),
    f("description", "string", None, false, false, &[]),
    f("extent", "string", None, false, false, &[]),
    f("extent_type", "string", None, false, false, &[]),
    f("uri", "string", None, false, false, &[]),
];

const REQUIRED_DOCUMENT: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("service_id", "string", UUID, false, false, &[]),
    f("document", "string", None, false, false, &[]),
    f("uri", "string", URI, false, false, &[]),
];

const TAXONOMY_TERM: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("code", "string", None, false, true, &[]),
    f("name", "string", None, true, false, &[]),
    f("description", "string", None, true, false, &[]),
    f("parent_id", "string", UUID, false, false, &[]),
    f("taxonomy", "string", None, false, false, &[]),
    f("language", "string", None, false, false, &[]),
    f("taxonomy_id", "string", UUID, false, false, &[]),
    f("term_uri", "string", URI, false, false, &[]),
];

const ORGANIZATION_IDENTIFIER: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("organization_id", "string", UUID, true, false, &[]),
    f("identifier_scheme", "string", None, false, false, &[]),
    f("identifier_type", "string", None, true, false, &[]),
    f("identifier", "string", None, true, false, &[]),
];

const TAXONOMY: &[Field] = &[
    f("id", "string", UUID, true, true, &[]),
    f("name", "string", None, true, false, &[]),
    f("description", "string", None, true, false, &[]),
    f("uri", "string", URI, false, false, &[]),
    f("version", "string", None, false, false, &[]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_in_their_enum_order_and_named_once() {
        let all = all();
        assert_eq!(all.len(), COUNT);
        for (i, t) in T::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i);
        }
        let mut paths: Vec<&str> = all.iter().map(|t| t.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), COUNT);
        for t in &all {
            assert!(t.fields.iter().any(|f| f.name == t.primary_key));
            for (field, target) in t.foreign_keys {
                assert!(
                    t.fields.iter().any(|f| f.name == *field),
                    "{}.{field}",
                    t.name
                );
                assert!(
                    all.iter().any(|o| o.name == *target),
                    "{} -> {target}",
                    t.name
                );
            }
        }
        assert_eq!(
            all[T::SocnavService as usize].header(),
            format!(
                "service_id,{}\r\n",
                profile::SERVICE
                    .iter()
                    .map(|f| f.name)
                    .collect::<Vec<_>>()
                    .join(",")
            )
        );
    }
}
