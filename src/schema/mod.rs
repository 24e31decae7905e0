//! The schema of every kind of record, written once.
//!
//! This table drives validation (unknown, missing and mistyped keys), `socnav new`
//! scaffolding, the README's content reference and the labels citizens see for enum values.
//! Typed structs in `model::records` must agree with it; a test enforces that.
//!
//! This file holds the types; `choices` the allowed values of enum fields with their
//! labels; `kinds` the field tables of every kind of record, section and plain page.

mod choices;
mod kinds;

pub use choices::*;
pub use kinds::*;

/// The four kinds of record the navigator knows. The kind of a page is its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Service,
    Provider,
    Standard,
    Situation,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Service,
        Kind::Provider,
        Kind::Standard,
        Kind::Situation,
    ];

    /// The content section (folder) that holds records of this kind.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Service => "services",
            Kind::Provider => "providers",
            Kind::Standard => "standards",
            Kind::Situation => "situations",
        }
    }

    pub fn from_section(section: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.section() == section)
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Service => "service",
            Kind::Provider => "provider",
            Kind::Standard => "standard",
            Kind::Situation => "situation",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// What a citizen sees as the kind of a record.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Service => "Мера поддержки",
            Kind::Provider => "Организация",
            Kind::Standard => "Стандарт",
            Kind::Situation => "Жизненная ситуация",
        }
    }

    /// The same in the genitive plural, for messages ("нет такой записи среди ...").
    pub fn plural_genitive(self) -> &'static str {
        match self {
            Kind::Service => "мер поддержки",
            Kind::Provider => "организаций",
            Kind::Standard => "стандартов",
            Kind::Situation => "жизненных ситуаций",
        }
    }

    /// The whole front-matter schema of this kind.
    pub fn schema(self) -> &'static [Field] {
        match self {
            Kind::Service => SERVICE,
            Kind::Provider => PROVIDER,
            Kind::Standard => STANDARD,
            Kind::Situation => SITUATION,
        }
    }
}

/// A data/ dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dict {
    Categories,
    Audiences,
    Regions,
    Documents,
}

impl Dict {
    pub fn file(self) -> &'static str {
        match self {
            Dict::Categories => "data/categories.toml",
            Dict::Audiences => "data/audiences.toml",
            Dict::Regions => "data/regions.toml",
            Dict::Documents => "data/documents.toml",
        }
    }

    pub fn taxonomy(name: &str) -> Option<Dict> {
        match name {
            "categories" => Some(Dict::Categories),
            "audiences" => Some(Dict::Audiences),
            "regions" => Some(Dict::Regions),
            _ => None,
        }
    }
}

/// An allowed value of an enum field, with the label citizens see.
#[derive(Debug)]
pub struct Choice {
    pub key: &'static str,
    pub label: &'static str,
}

/// The type of a field.
#[derive(Debug)]
pub enum Ty {
    /// A one-line string; `max` characters at most (0 = no limit).
    Str {
        max: usize,
    },
    /// Free text (Markdown not interpreted).
    Text,
    Int,
    Float,
    Bool,
    /// A TOML local date: `2026-11-10`.
    Date,
    /// A URL limited to http, https, mailto and tel.
    Url,
    Enum(&'static [Choice]),
    /// The slug of a record of the given kind.
    Ref(Kind),
    /// The slug of a record of the given kind, or free text when no record matches.
    RefOrText(Kind),
    /// A term of a data/ dictionary.
    Term(Dict),
    /// Russian taxpayer number (10 or 12 digits with control digits).
    Inn,
    /// Russian state registration number (13 or 15 digits with a control digit).
    Ogrn,
    /// A file name inside the record's page bundle.
    BundleFile,
    List(&'static Ty),
    Table(&'static [Field]),
    TableList(&'static [Field]),
    /// Anything (plain pages' `[extra]`).
    Any,
}

/// When a field must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Req {
    Optional,
    Required,
    /// Required and, for lists, with at least one item.
    NonEmpty,
    /// Required under a condition that a rule in `validate::rules` checks; the text says when.
    When(&'static str),
}

/// One key of a record's front matter.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub req: Req,
    /// What the field means, for editors (Russian).
    pub ru: &'static str,
    /// What the field means, for the README (English).
    pub en: &'static str,
}

impl Field {
    pub fn required(&self) -> bool {
        matches!(self.req, Req::Required | Req::NonEmpty)
    }

    pub fn find<'a>(fields: &'a [Field], name: &str) -> Option<&'a Field> {
        fields.iter().find(|f| f.name == name)
    }
}

/// Look a field up by dotted path (`extra.apply.steps`).
pub fn lookup(fields: &'static [Field], path: &str) -> Option<&'static Field> {
    let mut current = fields;
    let mut found = None;
    for part in path.split('.') {
        let f = Field::find(current, part)?;
        found = Some(f);
        current = match &f.ty {
            Ty::Table(sub) | Ty::TableList(sub) => sub,
            _ => &[],
        };
    }
    found
}

/// The label of an enum value, for citizens.
pub fn label_of(choices: &'static [Choice], key: &str) -> Option<&'static str> {
    choices.iter().find(|c| c.key == key).map(|c| c.label)
}

/// Enum choices of the field at a dotted path of a kind's schema.
pub fn choices(kind: Kind, path: &str) -> &'static [Choice] {
    match lookup(kind.schema(), path).map(|f| &f.ty) {
        Some(Ty::Enum(c)) => c,
        Some(Ty::List(Ty::Enum(c))) => c,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_nested_fields() {
        assert!(matches!(
            lookup(SERVICE, "extra.apply.steps").unwrap().ty,
            Ty::List(_)
        ));
        assert!(lookup(SERVICE, "extra.apply.nope").is_none());
        assert_eq!(label_of(FORMS, "payment"), Some("Выплата"));
        assert_eq!(choices(Kind::Service, "extra.apply.channels").len(), 5);
    }
}
