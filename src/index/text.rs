//! Text analysis shared by the index builder and, line for line, by the browser script
//! (`themes/navigator/static/search.js`): normalising, splitting into words, stop words,
//! Snowball Russian stemming and the shard keys. Change one side, change the other; the
//! stemmer agreement test (`tests/stemmer.rs`) runs both over every word we publish.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// Lower-case, fold ё to е and ъ to ь (readers type е; a hard sign where a soft one
/// belongs is a common slip, and both sides fold it the same way).
pub fn normalize_char(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().map(|c| match c {
        'ё' => 'е',
        'ъ' => 'ь',
        c => c,
    })
}

/// Push the normalised form of a word character onto `out`, or return false for a
/// character that separates words. A word character is a letter or digit of any script
/// (`char::is_alphanumeric`); ASCII and Cyrillic, nearly all of our text, take a fast path.
#[inline]
fn push_word_char(c: char, out: &mut String) -> bool {
    match c {
        'a'..='z' | '0'..='9' => out.push(c),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'а'..='щ' | 'ы'..='я' => out.push(c),
        'ъ' | 'Ъ' | 'Ь' => out.push('ь'),
        'ё' | 'Ё' => out.push('е'),
        // Ъ and Ь were matched above; the rest of А..Я lower-case by a fixed offset.
        'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).expect("Cyrillic")),
        c if c.is_ascii() => return false,
        c if c.is_alphanumeric() => out.extend(normalize_char(c)),
        _ => return false,
    }
    true
}

/// Call `f` with each normalised word of a text, in order. A word is a run of letters and
/// digits; anything else (spaces, punctuation, hyphens) separates words. One-letter words
/// are dropped: they are either prepositions or initials.
///
/// ASCII and the Russian alphabet, nearly all of our text, are normalised on their UTF-8
/// bytes; any other character goes through [`push_word_char`].
pub fn each_word(text: &str, mut f: impl FnMut(&str)) {
    let b = text.as_bytes();
    let mut w: Vec<u8> = Vec::with_capacity(64);
    let mut other = String::new();
    let mut n = 0;
    let mut i = 0;
    let mut emit = |w: &mut Vec<u8>, n: &mut usize| {
        if *n > 1 {
            debug_assert!(std::str::from_utf8(w).is_ok());
            // SAFETY: `w` holds only whole UTF-8 sequences: ASCII bytes, the two-byte
            // Cyrillic pairs above and the encoding of whole `char`s.
            f(unsafe { std::str::from_utf8_unchecked(w) });
        }
        w.clear();
        *n = 0;
    };
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            i += 1;
            if c.is_ascii_alphanumeric() {
                w.push(c.to_ascii_lowercase());
                n += 1;
            } else if n > 0 {
                emit(&mut w, &mut n);
            }
            continue;
        }
        if c == 0xD0 || c == 0xD1 {
            let d = b[i + 1];
            i += 2;
            // а..п (D0 B0..BF), р..я (D1 80..8F, ъ→ь), upper case А..Я (D0 90..AF), Ё/ё.
            let pair = match (c, d) {
                (0xD0, 0xB0..=0xBF) => Some([0xD0, d]),
                (0xD1, 0x8A) | (0xD0, 0xAA) | (0xD0, 0xAC) => Some([0xD1, 0x8C]),
                (0xD1, 0x80..=0x8F) => Some([0xD1, d]),
                (0xD0, 0x90..=0x9F) => Some([0xD0, d + 0x20]),
                (0xD0, 0xA0..=0xAF) => Some([0xD1, d - 0x20]),
                (0xD1, 0x91) | (0xD0, 0x81) => Some([0xD0, 0xB5]),
                _ => None,
            };
            if let Some(p) = pair {
                w.extend_from_slice(&p);
                n += 1;
                continue;
            }
            i -= 2;
        }
        let ch = text[i..].chars().next().expect("char boundary");
        i += ch.len_utf8();
        other.clear();
        if push_word_char(ch, &mut other) {
            w.extend_from_slice(other.as_bytes());
            n += 1;
        } else if n > 0 {
            emit(&mut w, &mut n);
        }
    }
    emit(&mut w, &mut n);
}

/// The normalised words of a text, in order (see [`each_word`]).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(text, |w| out.push(w.to_string()));
    out
}

/// Russian stop words (Snowball's list, normalised): they are neither indexed nor
/// looked up, unless a query consists of nothing else.
pub const STOP_WORDS: &[&str] = &[
    "и",
    "в",
    "во",
    "не",
    "что",
    "он",
    "на",
    "я",
    "с",
    "со",
    "как",
    "а",
    "то",
    "все",
    "она",
    "так",
    "его",
    "но",
    "да",
    "ты",
    "к",
    "у",
    "же",
    "вы",
    "за",
    "бы",
    "по",
    "только",
    "ее",
    "мне",
    "было",
    "вот",
    "от",
    "меня",
    "еще",
    "нет",
    "о",
    "из",
    "ему",
    "теперь",
    "когда",
    "даже",
    "ну",
    "вдруг",
    "ли",
    "если",
    "уже",
    "или",
    "ни",
    "быть",
    "был",
    "него",
    "до",
    "вас",
    "нибудь",
    "опять",
    "уж",
    "вам",
    "ведь",
    "там",
    "потом",
    "себя",
    "ничего",
    "ей",
    "может",
    "они",
    "тут",
    "где",
    "есть",
    "надо",
    "ней",
    "для",
    "мы",
    "тебя",
    "их",
    "чем",
    "была",
    "сам",
    "чтоб",
    "без",
    "будто",
    "чего",
    "раз",
    "тоже",
    "себе",
    "под",
    "будет",
    "ж",
    "тогда",
    "кто",
    "этот",
    "того",
    "потому",
    "этого",
    "какой",
    "совсем",
    "ним",
    "здесь",
    "этом",
    "один",
    "почти",
    "мой",
    "тем",
    "чтобы",
    "нее",
    "сейчас",
    "были",
    "куда",
    "зачем",
    "всех",
    "никогда",
    "можно",
    "при",
    "наконец",
    "два",
    "об",
    "другой",
    "хоть",
    "после",
    "над",
    "больше",
    "тот",
    "через",
    "эти",
    "нас",
    "про",
    "всего",
    "них",
    "какая",
    "много",
    "разве",
    "три",
    "эту",
    "моя",
    "впрочем",
    "хорошо",
    "свою",
    "этой",
    "перед",
    "иногда",
    "лучше",
    "чуть",
    "том",
    "нельзя",
    "такой",
    "им",
    "более",
    "всегда",
    "конечно",
    "всю",
    "между",
];

pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, 'а'..='я' | 'ё')
}

/// The Snowball Russian stem of a normalised word. Words without Cyrillic letters
/// (numbers, Latin abbreviations such as "iso") are their own stem.
pub fn stem(stemmer: &Stemmer, word: &str) -> String {
    if word.chars().any(is_cyrillic) {
        stemmer.stem(word).into_owned()
    } else {
        word.to_string()
    }
}

pub fn russian() -> Stemmer {
    Stemmer::create(Algorithm::Russian)
}

/// Stems words through a cache: a catalogue repeats a small vocabulary many times.
pub struct StemCache {
    stemmer: Stemmer,
    cache: HashMap<String, u32>,
    /// stem id → stem
    pub stems: Vec<String>,
    stem_ids: HashMap<String, u32>,
}

impl Default for StemCache {
    fn default() -> Self {
        StemCache {
            stemmer: russian(),
            cache: HashMap::new(),
            stems: Vec::new(),
            stem_ids: HashMap::new(),
        }
    }
}

impl StemCache {
    /// The id of the stem of a normalised word.
    pub fn stem_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.cache.get(word) {
            return id;
        }
        let s = stem(&self.stemmer, word);
        let next = self.stems.len() as u32;
        let id = *self.stem_ids.entry(s.clone()).or_insert(next);
        if id == next {
            self.stems.push(s);
        }
        self.cache.insert(word.to_string(), id);
        id
    }
}

/// The sound skeleton of a stem: consonants only, voiced ones folded into their voiceless
/// pairs, repeats collapsed. Word files are named by it, so that a misspelt word (a wrong
/// vowel, a soft sign, б for п, a doubled letter) lands in the same file as the right
/// one, where the script finds it by edit distance. Stems without Cyrillic letters, and
/// stems with no consonant, are their own key.
pub fn skeleton(stem: &str) -> String {
    if !stem.chars().any(is_cyrillic) {
        return stem.to_string();
    }
    let mut out = String::new();
    let mut last = None;
    for c in stem.chars() {
        let k = match c {
            'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'й' | 'ь' | 'ъ' => {
                continue
            }
            'б' => 'п',
            'в' => 'ф',
            'г' => 'к',
            'д' => 'т',
            'ж' | 'щ' => 'ш',
            'з' => 'с',
            c => c,
        };
        if last != Some(k) {
            out.push(k);
            last = Some(k);
        }
    }
    if out.is_empty() {
        stem.to_string()
    } else {
        out
    }
}

/// Longest word prefix that has a prefix file; longer typed prefixes use this one and
/// filter its completions.
pub const PREFIX_MAX: usize = 4;
/// Shortest typed prefix that is looked up.
pub const PREFIX_MIN: usize = 2;

/// The prefix file key of a word being typed: its first `PREFIX_MAX` characters.
pub fn prefix_key(word: &str) -> Option<String> {
    let n = word.chars().count();
    (n >= PREFIX_MIN).then(|| word.chars().take(PREFIX_MAX).collect())
}

/// File name of a shard key: FNV-1a (32 bits) of its UTF-8 bytes, in hex. ASCII names
/// keep hosts and caches out of trouble with Cyrillic paths; the few collisions only put
/// two keys in one file, which the script tells apart.
pub fn file_name(key: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// Edit distance up to 1 (substitution, insertion, deletion or a swap of neighbours):
/// whether two stems are one typo apart. The script has the same function.
pub fn within_one_typo(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let mut i = 0;
    while i < la.min(lb) && a[i] == b[i] {
        i += 1;
    }
    if i == la && i == lb {
        return true;
    }
    if la == lb {
        a[i + 1..] == b[i + 1..]
            || (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..])
    } else if la > lb {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_normalised_and_split() {
        let w = words("Пособие на ребёнка (ГОСТ Р 52497-2005), ПОДЪЕЗД, я, Ёлка, Straße");
        assert_eq!(
            w,
            [
                "пособие",
                "на",
                "ребенка",
                "гост",
                "52497",
                "2005",
                "подьезд",
                "елка",
                "straße"
            ]
        );
    }

    #[test]
    fn stems_follow_snowball_russian() {
        let s = russian();
        assert_eq!(stem(&s, "пособие"), "пособ");
        assert_eq!(stem(&s, "пособия"), "пособ");
        assert_eq!(stem(&s, "ребенка"), stem(&s, "ребенок").replace("ок", "к"));
        assert_eq!(stem(&s, "iso"), "iso");
        assert_eq!(stem(&s, "инвалидность"), "инвалидн");
    }

    #[test]
    fn misspellings_share_a_skeleton() {
        let s = russian();
        let k = |w: &str| skeleton(&stem(&s, w));
        assert_eq!(k("пасобие"), k("пособие"));
        assert_eq!(k("пенсея"), k("пенсия"));
        assert_eq!(k("субсидея"), k("субсидия"));
        assert_ne!(k("пособие"), k("пенсия"));
    }

    #[test]
    fn one_typo() {
        assert!(within_one_typo("пасоб", "пособ"));
        assert!(within_one_typo("пособ", "пособ"));
        assert!(within_one_typo("посбо", "пособ"));
        assert!(within_one_typo("пособе", "пособ"));
        assert!(within_one_typo("пособ", "пособе"));
        assert!(!within_one_typo("пасабие", "пособие"));
        assert!(!within_one_typo("пенс", "пособ"));
    }

    #[test]
    fn file_names_are_ascii_and_stable() {
        assert_eq!(file_name("псп"), file_name("псп"));
        assert_ne!(file_name("псп"), file_name("пнс"));
        assert!(file_name("псп").bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(file_name(""), "811c9dc5");
    }
}
