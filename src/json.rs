//! Compact JSON, byte for byte as `serde_json::to_string` writes it, with a faster string
//! escaper: serde_json looks at every byte of every string through a table, which made
//! it the largest single cost of a build (8.6% of the instructions at 10,000 services:
//! open data, JSON-LD and the search index are mostly Cyrillic text). Here sixteen bytes
//! (SSE2, part of every x86_64) or eight (elsewhere) are tested at once for the three
//! things JSON escapes: `"`, `\` and control characters.
//!
//! Numbers are written by serde_json itself, so they cannot differ. Map keys must be
//! strings (or integers, quoted, as serde_json does); nothing we export has others.

use serde::ser::{self, Impossible, Serialize};

/// Serialise `value` as compact JSON.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(256);
    value
        .serialize(&mut Writer { out: &mut out })
        .expect("socnav's values serialise to JSON");
    // SAFETY: only `&str` pieces and ASCII are ever written.
    unsafe { String::from_utf8_unchecked(out) }
}

#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, Error>;

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `w` is `"`, `\` or below 0x20 (may say yes for a byte after one
/// that is: the caller then checks byte by byte).
#[inline]
fn needs_escape(w: u64) -> bool {
    let zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let control = w.wrapping_sub(LO * 0x20) & !w & HI;
    (control | zero(w ^ (LO * b'"' as u64)) | zero(w ^ (LO * b'\\' as u64))) != 0
}

/// The escape of one byte, if JSON needs one (as serde_json writes it).
#[inline]
fn escape(b: u8) -> Option<&'static [u8]> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    static CONTROL: [[u8; 6]; 32] = {
        let mut t = [[0u8; 6]; 32];
        let mut i = 0;
        while i < 32 {
            t[i] = [b'\\', b'u', b'0', b'0', HEX[i >> 4], HEX[i & 15]];
            i += 1;
        }
        t
    };
    match b {
        b'"' => Some(b"\\\""),
        b'\\' => Some(b"\\\\"),
        b'\x08' => Some(b"\\b"),
        b'\t' => Some(b"\\t"),
        b'\n' => Some(b"\\n"),
        b'\x0c' => Some(b"\\f"),
        b'\r' => Some(b"\\r"),
        0..=0x1f => Some(&CONTROL[b as usize]),
        _ => None,
    }
}

/// `s` as a JSON string, quotes included.
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The next byte that needs an escape, looking at a block of bytes at once.
        match next_special(bytes, i) {
            Some(j) => {
                let e = escape(bytes[j]).expect("a special byte has an escape");
                out.extend_from_slice(&bytes[start..j]);
                out.extend_from_slice(e);
                start = j + 1;
                i = j + 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The position of the first byte at or after `from` that JSON escapes.
#[inline]
fn next_special(bytes: &[u8], mut from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        // SSE2 is part of x86_64: no run-time check is needed.
        use std::arch::x86_64::*;
        while from + 16 <= bytes.len() {
            // SAFETY: the 16 bytes read are inside `bytes`; SSE2 is always available.
            let mask = unsafe {
                let v = _mm_loadu_si128(bytes.as_ptr().add(from) as *const __m128i);
                let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
                let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
                // x <= 0x1f exactly when min(x, 0x1f) == x (unsigned).
                let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
                _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)) as u32
            };
            if mask != 0 {
                return Some(from + mask.trailing_zeros() as usize);
            }
            from += 16;
        }
    }
    while from + 8 <= bytes.len() {
        let w = u64::from_le_bytes(bytes[from..from + 8].try_into().expect("eight bytes"));
        if needs_escape(w) {
            break;
        }
        from += 8;
    }
    (from..bytes.len()).find(|&j| escape(bytes[j]).is_some())
}

impl Writer<'_> {
    /// `{"variant":`, which an enum variant with data opens with (closed by the caller).
    fn variant(&mut self, variant: &str) {
        self.out.push(b'{');
        push_str(self.out, variant);
        self.out.push(b':');
    }

    fn number<T: Serialize>(&mut self, v: T) -> Result {
        serde_json::to_writer(&mut *self.out, &v).map_err(|e| Error(e.to_string()))
    }
}

impl<'a, 'b> ser::Serializer for &'a mut Writer<'b> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = Compound<'a, 'b>;
    type SerializeMap = Compound<'a, 'b>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = Compound<'a, 'b>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.number(v)
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.number(v)
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.number(v)
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.number(v)
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.number(v)
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.number(v)
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.number(v)
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.number(v)
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.number(v)
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.number(v)
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.number(v)
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Result {
        push_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        push_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.number(v)
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result {
        self.variant(variant);
        v.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, 'b>> {
        self.out.push(b'[');
        if len == Some(0) {
            self.out.push(b']');
            return Ok(Compound::new(self, Close::None));
        }
        Ok(Compound::new(self, Close::Bracket))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'b>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, 'b>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'b>> {
        self.variant(variant);
        let mut c = self.serialize_seq(Some(len))?;
        c.outer = true;
        Ok(c)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, 'b>> {
        self.out.push(b'{');
        if len == Some(0) {
            self.out.push(b'}');
            return Ok(Compound::new(self, Close::None));
        }
        Ok(Compound::new(self, Close::Brace))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, 'b>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'b>> {
        self.variant(variant);
        let mut c = self.serialize_map(Some(len))?;
        c.outer = true;
        Ok(c)
    }
}

/// What closes a sequence or map: nothing when it was empty and closed at once.
#[derive(Clone, Copy, PartialEq)]
enum Close {
    None,
    Bracket,
    Brace,
}

pub struct Compound<'a, 'b> {
    w: &'a mut Writer<'b>,
    close: Close,
    first: bool,
    /// A variant's `{"name":…}` around it.
    outer: bool,
}

impl<'a, 'b> Compound<'a, 'b> {
    fn new(w: &'a mut Writer<'b>, close: Close) -> Self {
        Compound {
            w,
            close,
            first: true,
            outer: false,
        }
    }

    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
    }

    fn end(self) -> Result {
        match self.close {
            Close::None => {}
            Close::Bracket => self.w.out.push(b']'),
            Close::Brace => self.w.out.push(b'}'),
        }
        if self.outer {
            self.w.out.push(b'}');
        }
        Ok(())
    }

    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result {
        self.comma();
        v.serialize(&mut *self.w)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) -> Result {
        self.comma();
        push_str(self.w.out, key);
        self.w.out.push(b':');
        v.serialize(&mut *self.w)
    }
}

/// The sequence-like compounds: each element after a comma.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result {
                self.element(v)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The struct-like compounds: each field as `"name":value`.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result {
                self.field(key, v)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        key.serialize(KeyWriter { out: self.w.out })?;
        self.w.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result {
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// A map key: a string, or an integer written as a string (as serde_json does).
struct KeyWriter<'a> {
    out: &'a mut Vec<u8>,
}

impl KeyWriter<'_> {
    fn quoted<T: Serialize>(self, v: T) -> Result {
        self.out.push(b'"');
        serde_json::to_writer(&mut *self.out, &v).map_err(|e| Error(e.to_string()))?;
        self.out.push(b'"');
        Ok(())
    }
}

fn key_error<T>() -> Result<T> {
    Err(Error(
        "a JSON map key must be a string or an integer".into(),
    ))
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result {
        push_str(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        push_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_bool(self, v: bool) -> Result {
        self.quoted(v)
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.quoted(v)
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.quoted(v)
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.quoted(v)
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.quoted(v)
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.quoted(v)
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.quoted(v)
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.quoted(v)
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.quoted(v)
    }
    fn serialize_f32(self, _: f32) -> Result {
        key_error()
    }
    fn serialize_f64(self, _: f64) -> Result {
        key_error()
    }
    fn serialize_bytes(self, _: &[u8]) -> Result {
        key_error()
    }
    fn serialize_none(self) -> Result {
        key_error()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result {
        key_error()
    }
    fn serialize_unit(self) -> Result {
        key_error()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        key_error()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        key_error()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        key_error()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        key_error()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        key_error()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        key_error()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        key_error()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        key_error()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        key_error()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::json;

    fn same<T: Serialize + ?Sized>(v: &T) {
        assert_eq!(to_string(v), serde_json::to_string(v).unwrap());
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut all_bytes = String::new();
        for c in 0u8..0x80 {
            all_bytes.push(c as char);
        }
        for s in [
            "",
            "a",
            "Пособие на ребёнка",
            "ровно8бт",
            "\"",
            "\\",
            "quote \" in the middle of a long Cyrillic текст with \\ and \n new lines\t",
            "\u{1}\u{1f}\u{7f}é€😀",
            &all_bytes,
            &"ж\"".repeat(17),
        ] {
            same(s);
            // Every alignment of a special byte within the eight-byte words.
            for pad in 0..9 {
                same(&format!("{}{s}", "я".repeat(pad)));
                same(&format!("{}{s}", "x".repeat(pad)));
            }
        }
    }

    #[test]
    fn values_and_structs_match_serde_json() {
        #[derive(Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(u8, String),
            Struct { a: Option<u8> },
        }
        #[derive(Serialize)]
        struct S<'a> {
            n: i64,
            x: f64,
            y: f32,
            none: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<u8>,
            list: Vec<E>,
            empty: Vec<u8>,
            map: std::collections::BTreeMap<u32, &'a str>,
            empty_map: std::collections::BTreeMap<String, u8>,
            tuple: (bool, char, ()),
            #[serde(flatten)]
            rest: serde_json::Value,
        }
        same(&S {
            n: -42,
            x: 55.751_244,
            y: 0.1,
            none: None,
            skipped: None,
            list: vec![
                E::Unit,
                E::New(1),
                E::Tuple(2, "в".into()),
                E::Struct { a: None },
            ],
            empty: vec![],
            map: [(1, "один"), (20, "двадцать")].into_iter().collect(),
            empty_map: Default::default(),
            tuple: (true, '"', ()),
            rest: json!({"extra": [1.5, -0.0, 1e300, u64::MAX, null, {"k": "v"}]}),
        });
        same(&json!([]));
        same(&json!({}));
        same(&json!([[], {}, [[]], {"a": {}}]));
    }
}
