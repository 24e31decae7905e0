//! Deterministic randomness (splitmix64 `Rng`), dates (`Day`) and small text helpers.

use std::fmt::Write as _;

/// splitmix64: tiny, fast, and good enough for test data.
pub(super) struct Rng(pub(super) u64);

pub(super) const S_SERVICE: u64 = 1;
pub(super) const S_PROVIDER: u64 = 2;
pub(super) const S_STANDARD: u64 = 3;
pub(super) const S_SITUATION: u64 = 4;
pub(super) const S_CATEGORY: u64 = 5;
pub(super) const S_PLAN: u64 = 6;

impl Rng {
    pub(super) fn new(seed: u64, stream: u64, index: u64) -> Rng {
        let mut r = Rng(seed
            ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03).rotate_left(17));
        r.next();
        r.next();
        r
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n as u64) as usize
    }

    /// lo..=hi.
    pub(super) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One string of a bank.
    pub(super) fn one(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// k distinct indices of 0..n, in draw order (all of them when k >= n).
    pub(super) fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        if k >= n {
            let mut all: Vec<usize> = (0..n).collect();
            self.shuffle(&mut all);
            return all;
        }
        let mut out = Vec::with_capacity(k);
        while out.len() < k {
            let x = self.below(n);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }

    /// k distinct items of a slice.
    pub(super) fn some<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        self.distinct(items.len(), k)
            .into_iter()
            .map(|i| items[i])
            .collect()
    }

    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// A date between two years, never later than 2026-11-01.
    pub(super) fn date(&mut self, from_year: u32, to_year: u32) -> Day {
        let y = self.range(from_year as usize, to_year as usize) as u32;
        let max_m = if y >= 2026 { 10 } else { 12 };
        Day(
            y.min(2026),
            self.range(1, max_m) as u32,
            self.range(1, 28) as u32,
        )
    }
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub(super) struct Day(pub(super) u32, pub(super) u32, pub(super) u32);

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

impl Day {
    pub(super) fn dotted(self) -> String {
        format!("{:02}.{:02}.{:04}", self.2, self.1, self.0)
    }
    /// Some months later, never after 2026-11-01.
    pub(super) fn plus_months(self, n: u32) -> Day {
        let m0 = self.1 - 1 + n;
        let d = Day(self.0 + m0 / 12, m0 % 12 + 1, self.2);
        let last = Day(2026, 11, 1);
        if d > last {
            if self > last {
                self
            } else {
                last
            }
        } else {
            d
        }
    }

    pub(super) fn later(self, r: &mut Rng) -> Day {
        let mut d = r.date(self.0, 2026);
        if d <= self {
            d = self;
        }
        d
    }
}

// ---- text helpers --------------------------------------------------------------------

/// A TOML basic string.
pub(super) fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(super) fn q_list<S: AsRef<str>>(items: &[S]) -> String {
    let v: Vec<String> = items.iter().map(|s| q(s.as_ref())).collect();
    format!("[{}]", v.join(", "))
}

/// A multi-line TOML array of strings.
pub(super) fn q_block<S: AsRef<str>>(items: &[S]) -> String {
    let mut s = String::from("[\n");
    for i in items {
        let _ = writeln!(s, "  {},", q(i.as_ref()));
    }
    s.push(']');
    s
}

pub(super) fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Cut to at most `max` characters at a word boundary, ending with a full stop.
pub(super) fn fit(s: String, max: usize) -> String {
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(i) => cut[..i].trim_end_matches([',', ':', ';']).to_string(),
        None => cut,
    };
    format!("{cut}.")
}

/// Replace `{key}` slots.
pub(super) fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in slots {
        let pat = format!("{{{k}}}");
        if out.contains(&pat) {
            out = out.replace(&pat, v);
        }
    }
    out
}

pub(super) fn rubles(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

pub(super) fn words(n: usize, one: &str, few: &str, many: &str) -> String {
    let w = if n % 10 == 1 && n % 100 != 11 {
        one
    } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
        few
    } else {
        many
    };
    format!("{n} {w}")
}

/// A Markdown body under construction.
pub(super) struct Body(pub(super) String);

impl Body {
    pub(super) fn new() -> Body {
        Body(String::with_capacity(4096))
    }
    pub(super) fn para(&mut self, sentences: &[String]) {
        self.0.push_str(&sentences.join(" "));
        self.0.push_str("\n\n");
    }
    pub(super) fn heading(&mut self, h: &str) {
        let _ = write!(self.0, "## {h}\n\n");
    }
    pub(super) fn bullets<S: AsRef<str>>(&mut self, items: &[S]) {
        for i in items {
            let _ = writeln!(self.0, "- {}", i.as_ref());
        }
        self.0.push('\n');
    }
    pub(super) fn numbered<S: AsRef<str>>(&mut self, items: &[S]) {
        for (n, i) in items.iter().enumerate() {
            let _ = writeln!(self.0, "{}. {}", n + 1, i.as_ref());
        }
        self.0.push('\n');
    }
}

/// Pick `k` sentences of a bank, filled with the slots.
pub(super) fn sentences(
    r: &mut Rng,
    bank: &[&str],
    k: usize,
    slots: &[(&str, &str)],
) -> Vec<String> {
    r.some(bank, k)
        .into_iter()
        .map(|s| fill(s, slots))
        .collect()
}

pub(super) trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for str {
    fn to_lowercase_first(&self) -> String {
        let mut c = self.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    }
}

/// The `[taxonomies]` table of a generated record.
pub(super) fn write_taxonomies<A: AsRef<str>, B: AsRef<str>>(
    s: &mut String,
    cats: &[A],
    auds: &[B],
    region: &str,
) {
    let _ = writeln!(s, "\n[taxonomies]");
    let _ = writeln!(s, "categories = {}", q_list(cats));
    let _ = writeln!(s, "audiences = {}", q_list(auds));
    let _ = writeln!(s, "regions = {}", q_list(&[region]));
}
