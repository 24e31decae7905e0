//! CSV rows of the tabular package, read from the same objects the JSON is serialised
//! from. Each object answers for a column by its name, so a row always follows its
//! table's field list (`tables.rs`), whatever the order there; a column an object does
//! not fill is an empty cell. Lists in the profile's tables are JSON arrays (Table
//! Schema's `array` type). Quoting as in the catalogue's CSV (RFC 4180, CRLF).

use serde::Serialize;

use super::ids::Id;
use super::objects::*;
use super::profile::{DocumentExt, OrganizationExt, ServiceExt};
use super::tables::{Table, COUNT, T};
use crate::export::csv::push_quoted;

/// One cell.
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    Owned(String),
    Int(i64),
    Num(f64),
    Bool(bool),
    Id(Id),
}

fn text(s: Option<&str>) -> Cell<'_> {
    s.map_or(Cell::Empty, Cell::Text)
}

fn id(i: Option<Id>) -> Cell<'static> {
    i.map_or(Cell::Empty, Cell::Id)
}

fn json<V: Serialize + ?Sized>(v: &V) -> Cell<'static> {
    Cell::Owned(crate::json::to_string(v))
}

/// An object that is one row of a table.
pub trait Row {
    const TABLE: T;
    fn cell(&self, column: &str) -> Cell<'_>;
}

/// The rows of every table that one record (a service, a provider) gives.
pub struct Rows<'t> {
    tables: &'t [Table],
    pub out: [String; COUNT],
}

impl<'t> Rows<'t> {
    pub fn new(tables: &'t [Table]) -> Rows<'t> {
        Rows {
            tables,
            out: Default::default(),
        }
    }

    /// Append the object's row to its table.
    pub fn add<R: Row>(&mut self, row: &R) {
        let t = R::TABLE as usize;
        let out = &mut self.out[t];
        for (i, field) in self.tables[t].fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match row.cell(field.name) {
                Cell::Empty => {}
                Cell::Text(s) => push_quoted(out, s),
                Cell::Owned(s) => push_quoted(out, &s),
                Cell::Int(n) => out.push_str(&n.to_string()),
                Cell::Num(x) => out.push_str(&x.to_string()),
                Cell::Bool(b) => out.push_str(if b { "true" } else { "false" }),
                Cell::Id(id) => id.push_to(out),
            }
        }
        out.push_str("\r\n");
    }
}

impl Row for Taxonomy {
    const TABLE: T = T::Taxonomy;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "name" => Cell::Text(self.name),
            "description" => Cell::Text(self.description),
            "uri" => text(self.uri.as_deref()),
            _ => Cell::Empty,
        }
    }
}

impl Row for TaxonomyTerm<'_> {
    const TABLE: T = T::TaxonomyTerm;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "code" => Cell::Text(&self.code),
            "name" => Cell::Text(self.name),
            "description" => Cell::Text(self.description),
            "taxonomy" => Cell::Text(self.taxonomy),
            "language" => Cell::Text(self.language),
            "taxonomy_id" => Cell::Id(self.taxonomy_id),
            "term_uri" => text(self.term_uri.as_deref()),
            _ => Cell::Empty,
        }
    }
}

impl Row for Attribute<'_> {
    const TABLE: T = T::Attribute;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "link_id" => Cell::Id(self.link_id),
            "taxonomy_term_id" => Cell::Id(self.taxonomy_term_id),
            "link_type" => Cell::Text(self.link_type),
            "link_entity" => Cell::Text(self.link_entity),
            _ => Cell::Empty,
        }
    }
}

impl Row for Phone<'_> {
    const TABLE: T = T::Phone;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "service_id" => id(self.service_id),
            "organization_id" => id(self.organization_id),
            "contact_id" => id(self.contact_id),
            "number" => Cell::Text(self.number),
            _ => Cell::Empty,
        }
    }
}

impl Row for Contact<'_> {
    const TABLE: T = T::Contact;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "service_id" => Cell::Id(self.service_id),
            "email" => text(self.email),
            _ => Cell::Empty,
        }
    }
}

impl Row for Address<'_> {
    const TABLE: T = T::Address;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "location_id" => Cell::Id(self.location_id),
            "address_1" => Cell::Text(&self.address_1),
            "city" => Cell::Text(self.city),
            "state_province" => Cell::Text(self.state_province),
            "postal_code" => Cell::Text(self.postal_code),
            "country" => Cell::Text(self.country),
            "address_type" => Cell::Text(self.address_type),
            _ => Cell::Empty,
        }
    }
}

impl Row for Schedule<'_> {
    const TABLE: T = T::Schedule;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "location_id" => Cell::Id(self.location_id),
            "description" => Cell::Text(self.description),
            _ => Cell::Empty,
        }
    }
}

impl Row for Location<'_> {
    const TABLE: T = T::Location;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "location_type" => Cell::Text(self.location_type),
            "organization_id" => Cell::Id(self.organization_id),
            "name" => Cell::Text(self.name),
            "description" => text(self.description),
            "latitude" => self.latitude.map_or(Cell::Empty, Cell::Num),
            "longitude" => self.longitude.map_or(Cell::Empty, Cell::Num),
            _ => Cell::Empty,
        }
    }
}

impl Row for OrganizationIdentifier<'_> {
    const TABLE: T = T::OrganizationIdentifier;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "organization_id" => Cell::Id(self.organization_id),
            "identifier_scheme" => Cell::Text(self.identifier_scheme),
            "identifier_type" => Cell::Text(self.identifier_type),
            "identifier" => Cell::Text(self.identifier),
            _ => Cell::Empty,
        }
    }
}

impl Row for Organization<'_> {
    const TABLE: T = T::Organization;
    fn cell(&self, c: &str) -> Cell<'_> {
        let o = &self.core;
        match c {
            "id" => Cell::Id(o.id),
            "name" => Cell::Text(o.name),
            "description" => Cell::Text(o.description),
            "email" => text(o.email),
            "website" => text(o.website.as_deref()),
            "legal_status" => text(o.legal_status),
            "uri" => Cell::Text(&o.uri),
            _ => Cell::Empty,
        }
    }
}

impl Row for ServiceArea<'_> {
    const TABLE: T = T::ServiceArea;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "service_id" => Cell::Id(self.service_id),
            "name" => Cell::Text(self.name),
            _ => Cell::Empty,
        }
    }
}

impl Row for ServiceAtLocation<'_> {
    const TABLE: T = T::ServiceAtLocation;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "service_id" => Cell::Id(self.service_id),
            "location_id" => Cell::Id(self.location_id),
            _ => Cell::Empty,
        }
    }
}

impl Row for RequiredDocument<'_> {
    const TABLE: T = T::RequiredDocument;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "service_id" => Cell::Id(self.service_id),
            "document" => Cell::Text(self.document),
            _ => Cell::Empty,
        }
    }
}

impl Row for Service<'_> {
    const TABLE: T = T::Service;
    fn cell(&self, c: &str) -> Cell<'_> {
        match c {
            "id" => Cell::Id(self.id),
            "organization_id" => id(self.organization_id),
            "name" => Cell::Text(self.name),
            "description" => text(self.description),
            "url" => Cell::Text(&self.url),
            "email" => text(self.email),
            "status" => Cell::Text(self.status),
            "application_process" => Cell::Text(&self.application_process),
            "fees_description" => text(self.fees_description),
            "eligibility_description" => Cell::Text(&self.eligibility_description),
            "minimum_age" => self.minimum_age.map_or(Cell::Empty, Cell::Int),
            "maximum_age" => self.maximum_age.map_or(Cell::Empty, Cell::Int),
            "assured_date" => text(self.assured_date.as_deref()),
            "last_modified" => text(self.last_modified.as_deref()),
            _ => Cell::Empty,
        }
    }
}

/// A profile row: the extended object's id and its `socnav` fields.
pub struct Ext<'a, E>(pub Id, pub &'a E);

impl Row for Ext<'_, ServiceExt<'_>> {
    const TABLE: T = T::SocnavService;
    fn cell(&self, c: &str) -> Cell<'_> {
        let e = self.1;
        match c {
            "service_id" => Cell::Id(self.0),
            "slug" => Cell::Text(e.slug),
            "form" => Cell::Text(e.form),
            "level" => Cell::Text(e.level),
            "cost" => Cell::Text(e.cost),
            "organization_ids" => json(&e.organization_ids),
            "standards" => json(&e.standards),
            "sources" => json(&e.sources),
            "eligibility_criteria" => json(e.eligibility_criteria),
            "apply_channels" => json(e.apply_channels),
            "apply_url" => text(e.apply_url.as_deref()),
            "apply_where" => Cell::Text(e.apply_where),
            "apply_steps" => json(e.apply_steps),
            "deadlines_apply_within" => text(e.deadlines_apply_within),
            "deadlines_decision_days" => e.deadlines_decision_days.map_or(Cell::Empty, Cell::Int),
            "deadlines_decision" => Cell::Text(e.deadlines_decision),
            "deadlines_delivery" => text(e.deadlines_delivery),
            "refusal_reasons" => json(e.refusal_reasons),
            "refusal_reapply" => text(e.refusal_reapply),
            "refusal_appeal" => json(e.refusal_appeal),
            "legal_basis" => json(&e.legal_basis),
            "contacts_phone" => text(e.contacts_phone),
            "contacts_email" => text(e.contacts_email),
            "contacts_url" => text(e.contacts_url.as_deref()),
            _ => Cell::Empty,
        }
    }
}

impl Row for Ext<'_, OrganizationExt<'_>> {
    const TABLE: T = T::SocnavOrganization;
    fn cell(&self, c: &str) -> Cell<'_> {
        let e = self.1;
        match c {
            "organization_id" => Cell::Id(self.0),
            "slug" => Cell::Text(e.slug),
            "type" => Cell::Text(e.kind),
            "in_registry" => e.in_registry.map_or(Cell::Empty, Cell::Bool),
            "activities" => json(e.activities),
            "address" => text(e.address),
            "hours" => text(e.hours),
            "reviewed" => Cell::Text(e.reviewed),
            "sources" => json(&e.sources),
            "contacts_phone" => text(e.contacts_phone),
            "contacts_email" => text(e.contacts_email),
            "contacts_url" => text(e.contacts_url.as_deref()),
            _ => Cell::Empty,
        }
    }
}

impl Row for Ext<'_, DocumentExt<'_>> {
    const TABLE: T = T::SocnavRequiredDocument;
    fn cell(&self, c: &str) -> Cell<'_> {
        let e = self.1;
        match c {
            "required_document_id" => Cell::Id(self.0),
            "ref" => text(e.reference),
            "note" => text(e.note),
            "condition" => text(e.condition),
            "optional" => Cell::Bool(e.optional),
            "how_to_get" => text(e.how_to_get),
            _ => Cell::Empty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables;
    use super::*;

    #[test]
    fn rows_follow_the_header_and_quote_text() {
        let all = tables::all();
        let mut rows = Rows::new(&all);
        let phone = Phone {
            id: Id::of("p"),
            service_id: Some(Id::of("s")),
            organization_id: None,
            contact_id: None,
            number: "8 800, доб. \"1\"",
        };
        rows.add(&phone);
        let line = &rows.out[T::Phone as usize];
        let cells: Vec<&str> = line.trim_end().splitn(8, ',').collect();
        assert_eq!(cells[0], Id::of("p").to_string());
        assert_eq!(cells[1], "", "location_id");
        assert_eq!(cells[2], Id::of("s").to_string());
        assert!(line.contains("\"8 800, доб. \"\"1\"\"\""), "{line}");
        assert!(line.ends_with(",,,\r\n"), "{line}");
        assert_eq!(
            line.matches(',').count(),
            all[T::Phone as usize].fields.len() - 1 + 1
        );
    }
}
