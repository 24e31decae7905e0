//! A small YAML emitter for the Decap CMS configuration: block-style maps and lists in
//! the order they were built (so the same input always gives the same bytes), scalars
//! plain when that is safe and double-quoted otherwise.
//!
//! "Safe" is decided conservatively, for YAML 1.1 readers as well as 1.2 ones: a string
//! that a reader could take for a number, a boolean (`yes`, `off`), null, a date, a
//! comment, an indicator or a key is quoted, and so is anything with a control character
//! or surrounding spaces.

use std::fmt::Write;

/// A YAML document node. Maps keep their keys in the order given.
#[derive(Debug, Clone, PartialEq)]
pub enum Yaml {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    List(Vec<Yaml>),
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    /// An empty map, to add entries to with [`Yaml::with`].
    pub fn map() -> Yaml {
        Yaml::Map(Vec::new())
    }

    /// This map with one more entry (at the end).
    pub fn with(mut self, key: &str, value: impl Into<Yaml>) -> Yaml {
        match &mut self {
            Yaml::Map(entries) => entries.push((key.to_string(), value.into())),
            _ => panic!("Yaml::with on a non-map"),
        }
        self
    }

    /// The value of a key of a map.
    pub fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The whole document as YAML text, ending with a newline.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        match self {
            Yaml::Map(entries) if !entries.is_empty() => map(&mut out, entries, 0, false),
            Yaml::List(items) if !items.is_empty() => list(&mut out, items, 0, false),
            other => {
                out.push_str(&inline(other).expect("a scalar or an empty collection"));
                out.push('\n');
            }
        }
        out
    }
}

impl From<&str> for Yaml {
    fn from(s: &str) -> Yaml {
        Yaml::Str(s.to_string())
    }
}
impl From<String> for Yaml {
    fn from(s: String) -> Yaml {
        Yaml::Str(s)
    }
}
impl From<bool> for Yaml {
    fn from(b: bool) -> Yaml {
        Yaml::Bool(b)
    }
}
impl From<i64> for Yaml {
    fn from(n: i64) -> Yaml {
        Yaml::Int(n)
    }
}
impl From<Vec<Yaml>> for Yaml {
    fn from(items: Vec<Yaml>) -> Yaml {
        Yaml::List(items)
    }
}

/// A node written on the line of its key or dash: scalars and empty collections.
fn inline(node: &Yaml) -> Option<String> {
    Some(match node {
        Yaml::Str(s) => scalar(s),
        Yaml::Int(n) => n.to_string(),
        Yaml::Float(f) => float(*f),
        Yaml::Bool(b) => b.to_string(),
        Yaml::List(items) if items.is_empty() => "[]".into(),
        Yaml::Map(entries) if entries.is_empty() => "{}".into(),
        Yaml::List(_) | Yaml::Map(_) => return None,
    })
}

fn float(f: f64) -> String {
    assert!(f.is_finite(), "YAML float must be finite");
    let s = f.to_string();
    if s.contains(['.', 'e', 'E']) {
        s
    } else {
        format!("{s}.0")
    }
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// Write a non-empty map at `indent`; when `continued`, the first key goes on the line
/// already started (after a list's dash).
fn map(out: &mut String, entries: &[(String, Yaml)], indent: usize, continued: bool) {
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 || !continued {
            pad(out, indent);
        }
        out.push_str(&scalar(key));
        out.push(':');
        match inline(value) {
            Some(text) => {
                out.push(' ');
                out.push_str(&text);
                out.push('\n');
            }
            None => {
                out.push('\n');
                match value {
                    Yaml::Map(sub) => map(out, sub, indent + 2, false),
                    Yaml::List(items) => list(out, items, indent + 2, false),
                    _ => unreachable!("scalars are inline"),
                }
            }
        }
    }
}

/// Write a non-empty list at `indent` (see [`map`] for `continued`).
fn list(out: &mut String, items: &[Yaml], indent: usize, continued: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !continued {
            pad(out, indent);
        }
        out.push_str("- ");
        match inline(item) {
            Some(text) => {
                out.push_str(&text);
                out.push('\n');
            }
            None => match item {
                Yaml::Map(sub) => map(out, sub, indent + 2, true),
                Yaml::List(sub) => list(out, sub, indent + 2, true),
                _ => unreachable!("scalars are inline"),
            },
        }
    }
}

/// Words that some YAML reader takes for a boolean or null when unquoted.
const RESERVED: &[&str] = &[
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<", "=",
];

/// A string as a YAML scalar: plain when no reader could take it for anything else,
/// double-quoted otherwise.
pub fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // Indicators, and what may start a number (`-1`, `+1`, `.5`, `.inf`) or a date.
    if "-?:,[]{}#&*!|>'\"%@`+.".contains(first) || first.is_ascii_digit() {
        return false;
    }
    if s.trim() != s || RESERVED.contains(&s.to_ascii_lowercase().as_str()) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    // Flow indicators are allowed in block plain scalars, but quoting them costs little
    // and keeps templates (`{{slug}}`) and patterns readable to every reader.
    !s.chars().any(|c| {
        matches!(c, '[' | ']' | '{' | '}' | '\t')
            || c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
    })
}

/// A double-quoted scalar: `"` and `\` escaped, control and invisible line-breaking
/// characters written as escapes, everything else (Cyrillic too) as it is.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The node as serde_norway reads it, to compare with what it parses from our text.
    fn value(node: &Yaml) -> serde_norway::Value {
        use serde_norway::Value;
        match node {
            Yaml::Str(s) => Value::String(s.clone()),
            Yaml::Int(n) => Value::Number((*n).into()),
            Yaml::Float(f) => Value::Number((*f).into()),
            Yaml::Bool(b) => Value::Bool(*b),
            Yaml::List(items) => Value::Sequence(items.iter().map(value).collect()),
            Yaml::Map(entries) => Value::Mapping(
                entries
                    .iter()
                    .map(|(k, v)| (Value::String(k.clone()), value(v)))
                    .collect(),
            ),
        }
    }

    fn round_trip(node: &Yaml) {
        let text = node.to_text();
        let parsed: serde_norway::Value = serde_norway::from_str(&text)
            .unwrap_or_else(|e| panic!("emitted YAML does not parse ({e}):\n{text}"));
        assert_eq!(parsed, value(node), "round trip of:\n{text}");
    }

    /// Strings a careless emitter would write so that a reader gets something else.
    const TRICKY: &[&str] = &[
        "",
        " leading space",
        "trailing space ",
        "key: value",
        "ends with colon:",
        "http://example.org/a:b",
        "a #comment",
        "#hash first",
        "a#b",
        "- dash first",
        "-",
        "-1",
        "+7 (800) 100-00-01",
        "3.14",
        "1e3",
        "0x1F",
        "0o17",
        "012",
        "1_000",
        ".5",
        ".inf",
        ".NaN",
        "2026-11-24",
        "12:30",
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "N",
        "true",
        "False",
        "null",
        "Null",
        "~",
        "<<",
        "\"double\" first",
        "'single' first",
        "mid \"double\" quotes",
        "it's",
        "back\\slash",
        "line\nbreak",
        "tab\there",
        "cr\rhere",
        "bell\u{7}",
        "line\u{2028}separator",
        "bom\u{feff}",
        "{{slug}}",
        "[list]",
        "{map}",
        "a, b, c",
        "? question",
        "! tag",
        "& anchor",
        "* alias",
        "| literal",
        "> folded",
        "% directive",
        "@ reserved",
        "` reserved",
        "Мера поддержки",
        "кто предоставляет: имена файлов",
        "«Кавычки-ёлочки» и — тире",
        "^(\\d{10}|\\d{12})$",
        "😀 emoji",
    ];

    #[test]
    fn every_tricky_string_reads_back_as_itself() {
        for s in TRICKY {
            let doc = Yaml::map()
                .with("value", *s)
                .with(s, "as a key")
                .with("list", vec![Yaml::from(*s)]);
            round_trip(&doc);
        }
    }

    #[test]
    fn quoting_is_exactly_what_it_should_be() {
        let cases = [
            ("title", "title"),
            ("Мера поддержки", "Мера поддержки"),
            ("a, b", "a, b"),
            ("http://x.org/a:b", "http://x.org/a:b"),
            ("key: value", "\"key: value\""),
            ("ends:", "\"ends:\""),
            ("a #b", "\"a #b\""),
            ("#a", "\"#a\""),
            ("- a", "\"- a\""),
            ("yes", "\"yes\""),
            ("no", "\"no\""),
            ("On", "\"On\""),
            ("OFF", "\"OFF\""),
            ("null", "\"null\""),
            ("~", "\"~\""),
            ("10", "\"10\""),
            ("3.5", "\"3.5\""),
            ("2026-01-31", "\"2026-01-31\""),
            ("", "\"\""),
            (" a", "\" a\""),
            ("say \"hi\"", "say \"hi\""),
            ("\"hi\"", "\"\\\"hi\\\"\""),
            ("'hi'", "\"'hi'\""),
            ("a\nb", "\"a\\nb\""),
            ("a\\b", "a\\b"),
            ("{{slug}}", "\"{{slug}}\""),
            ("^.{0,200}$", "\"^.{0,200}$\""),
            ("\u{7}", "\"\\u0007\""),
            ("a\u{2028}b", "\"a\\u2028b\""),
        ];
        for (input, expected) in cases {
            assert_eq!(scalar(input), expected, "scalar({input:?})");
        }
    }

    #[test]
    fn blocks_nest_with_two_spaces_and_lists_of_maps_start_on_the_dash() {
        let doc = Yaml::map()
            .with("backend", Yaml::map().with("name", "github"))
            .with(
                "collections",
                vec![Yaml::map()
                    .with("name", "services")
                    .with(
                        "fields",
                        vec![
                            Yaml::map().with("name", "title").with("required", true),
                            Yaml::map()
                                .with("name", "tags")
                                .with("options", Vec::<Yaml>::new())
                                .with("min", 1i64)
                                .with("step", Yaml::Float(0.5)),
                        ],
                    )
                    .with("nested", vec![Yaml::List(vec!["a".into(), "b".into()])])
                    .with("empty", Yaml::map())],
            );
        let expected = "\
backend:
  name: github
collections:
  - name: services
    fields:
      - name: title
        required: true
      - name: tags
        options: []
        min: 1
        step: 0.5
    nested:
      - - a
        - b
    empty: {}
";
        assert_eq!(doc.to_text(), expected);
        round_trip(&doc);
    }

    #[test]
    fn floats_always_read_back_as_floats() {
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(0.000001), "0.000001");
        round_trip(&Yaml::map().with("step", Yaml::Float(1.0)));
    }

    #[test]
    fn scalar_and_empty_documents() {
        assert_eq!(Yaml::map().to_text(), "{}\n");
        assert_eq!(Yaml::from("yes").to_text(), "\"yes\"\n");
    }
}
