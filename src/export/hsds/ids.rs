//! Identifiers of the HSDS export: UUID version 5 (name-based, SHA-1) from one fixed
//! namespace and a name made of socnav's own stable keys, so that the same record gets
//! the same id in every build, on every machine, whatever order the files are read in.
//!
//! Names (`docs/hsds.md` lists them all): `service/<slug>`, `provider/<slug>`,
//! `taxonomy/<name>`, `taxonomy/<name>/<term key>`, and for the objects inside a record
//! the record's name followed by the object and its key, e.g.
//! `service/<slug>/required_document/<document key>` or `provider/<slug>/location`.

use std::fmt;

use uuid::Uuid;

/// The namespace of every socnav HSDS id: itself UUID v5 of
/// `https://github.com/socnav/socnav/blob/main/docs/hsds.md` in the URL namespace.
/// Never change it: every published id would change.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x5becf29c_b090_5097_8588_837d122117fd);

/// An HSDS id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Uuid);

impl Id {
    /// The id of the object with this name.
    pub fn of(name: &str) -> Id {
        Id(Uuid::new_v5(&NAMESPACE, name.as_bytes()))
    }

    /// Append the hyphenated lower-case form.
    pub fn push_to(&self, out: &mut String) {
        let mut buf = [0u8; 36];
        out.push_str(self.0.hyphenated().encode_lower(&mut buf));
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 36];
        f.write_str(self.0.hyphenated().encode_lower(&mut buf))
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 36];
        s.serialize_str(self.0.hyphenated().encode_lower(&mut buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_5_and_stable() {
        assert_eq!(
            NAMESPACE,
            Uuid::new_v5(
                &Uuid::NAMESPACE_URL,
                b"https://github.com/socnav/socnav/blob/main/docs/hsds.md"
            )
        );
        let a = Id::of("service/edinoe-posobie");
        assert_eq!(a, Id::of("service/edinoe-posobie"));
        assert_ne!(a, Id::of("service/edv-invalidam"));
        let text = a.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(&text[14..15], "5", "version 5: {text}");
        let mut pushed = String::new();
        a.push_to(&mut pushed);
        assert_eq!(pushed, text);
        assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{text}\""));
    }
}
