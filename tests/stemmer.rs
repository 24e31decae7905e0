//! Stemmer agreement: the browser's text analysis (`themes/navigator/static/search-text.js`)
//! must give exactly what `src/index/text.rs` gives, or the script looks up files the
//! index never wrote. Each test sends Rust's answers as JSON lines to
//! `tests/js/text-agreement.js`, which recomputes them in JavaScript and lists every
//! disagreement. Line kinds:
//!
//! - `{"word","stem","skeleton","file","stop","prefix","prefix_file"}`: a normalised word,
//!   its stem, the stem's skeleton and that skeleton's file name, whether it is a stop
//!   word, its prefix key (or null) and that key's file name (or null);
//! - `{"text","normalized","words","exact_only"}`: a text, its normalised form and its
//!   words (`exact_only`: it has characters beyond the script's fallback word class, so
//!   only browsers with Unicode property escapes must agree; with `unicode`, only when
//!   node's Unicode version is that one);
//! - `{"a","b","typo"}`: two stems and whether they are within one typo;
//! - `{"prefix_min","prefix_max","stop_words"}`: the constants.
//!
//! The script answers `compared words=N texts=N typos=N`; the counts must be what was
//! sent. Node.js is required: the tests fail without it.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use socnav::index::text::{
    file_name, is_stop_word, normalize_char, prefix_key, russian, skeleton, stem, within_one_typo,
    words, PREFIX_MAX, PREFIX_MIN, STOP_WORDS,
};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn node() -> String {
    std::env::var("NODE").unwrap_or_else(|_| "node".to_string())
}

/// `socnav stems --root ROOT`: every distinct word under content/ and data/ with its stem.
fn stems(root: &Path) -> Vec<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_socnav"))
        .arg("stems")
        .arg("--root")
        .arg(root)
        .output()
        .expect("run socnav stems");
    assert!(
        out.status.success(),
        "socnav stems failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| {
            let (w, s) = l.split_once('\t').expect("word<TAB>stem");
            (w.to_string(), s.to_string())
        })
        .collect()
}

fn word_line(word: &str, stem: &str) -> Value {
    let sk = skeleton(stem);
    let prefix = prefix_key(word);
    json!({
        "word": word,
        "stem": stem,
        "file": file_name(&sk),
        "skeleton": sk,
        "stop": is_stop_word(word),
        "prefix_file": prefix.as_deref().map(file_name),
        "prefix": prefix,
    })
}

/// The ranges where the script's fallback word class (for browsers without Unicode
/// property escapes) is exact: Latin, Cyrillic, Latin Extended Additional.
const FALLBACK: &[(u32, u32)] = &[(0, 0x2af), (0x400, 0x52f), (0x1e00, 0x1eff)];

fn fallback_covers(text: &str) -> bool {
    text.chars().all(|c| {
        FALLBACK
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
    })
}

fn text_line(text: &str) -> Value {
    json!({
        "text": text,
        "normalized": text.chars().flat_map(normalize_char).collect::<String>(),
        "words": words(text).into_iter().collect::<Vec<String>>(),
        "exact_only": !fallback_covers(text),
    })
}

fn constants_line() -> Value {
    json!({"prefix_min": PREFIX_MIN, "prefix_max": PREFIX_MAX, "stop_words": STOP_WORDS})
}

/// Strings where Unicode details matter: case mappings that grow, final sigma, letters
/// and numbers of other scripts, combining marks, characters outside the BMP.
const TRICKY: &[&str] = &[
    "Пособие на ребёнка (ГОСТ Р 52497-2005), подъезд, я",
    "ЁЛКА, ЪЕЗД, Ёё Ъъ; объём — съёмка",
    "ударе\u{301}ние и\u{306} й",
    "№ 5, 1-я группа, т.е. 10%; «кавычки» „и“ ‘так’… ½ x² 3³ ¹ µ ª º",
    "İSTANBUL İ ı Iİ",
    "ΟΔΥΣΣΕΥΣ Σ ΣΑ ΑΣ.",
    "Straße ǅungla ǈ ǋ ŉ ĳ Ǆ",
    "ﬁnal ﬀ Ⅻ ⅻ ① ⓐ Ⓐ ²³",
    "汉字 测试 かな カナ 한국어",
    "१२३ ٣٤ ۵ देवनागरी عربي עברית",
    "𝐀𝐁 𝐀 𝟏𝟐 𐐀𐐨 😀 a😀b",
    "e-mail don't snake_case camelCase CamelCase ABC123 123abc",
    "tab\tnew\nline\r\nnbsp\u{a0}nnbsp\u{202f}zwsp\u{200b}joined\u{200d}x",
    "Ӏ Ӂ Ԁ Ѐ Ѝ ґ Ґ є Є ї Ї ў Ў ѣ Ѣ ѳ Ѳ",
    "а б в г 1 2 ab аб я́",
];

/// Pairs of stems for the one-typo test: every stem against itself, one edit, a swap, two
/// edits, and its neighbour in the list.
fn typo_pairs(stems: &[String]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = [
        ("", ""),
        ("", "а"),
        ("а", ""),
        ("аб", "ба"),
        ("абв", "бва"),
        ("пасоб", "пособ"),
        ("посбо", "пособ"),
        ("пасабие", "пособие"),
        ("𝐀б", "б𝐀"),
        ("𝐀б", "𝐁б"),
        ("𝐀", ""),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    for (n, s) in stems.iter().enumerate() {
        let c: Vec<char> = s.chars().collect();
        let at = |i: usize| i % c.len().max(1);
        let edit = |f: &dyn Fn(&mut Vec<char>)| {
            let mut v = c.clone();
            f(&mut v);
            v.into_iter().collect::<String>()
        };
        let i = at(n);
        let mut variants = vec![s.clone()];
        if !c.is_empty() {
            variants.push(edit(&|v| {
                v.remove(i);
            }));
            variants.push(edit(&|v| v[i] = 'о'));
            variants.push(edit(&|v| {
                v.remove(i);
                let j = i % v.len().max(1);
                if !v.is_empty() {
                    v.remove(j);
                }
            }));
            variants.push(edit(&|v| {
                v[i] = 'а';
                let j = v.len() - 1 - i;
                v[j] = 'ы';
            }));
        }
        variants.push(edit(&|v| v.insert(at(n * 7).min(v.len()), 'е')));
        if c.len() > 1 {
            let j = at(n) % (c.len() - 1);
            variants.push(edit(&|v| v.swap(j, j + 1)));
            variants.push(edit(&|v| {
                v.swap(j, j + 1);
                v.push('и');
            }));
        }
        if let Some(next) = stems.get(n + 1) {
            variants.push(next.clone());
        }
        for v in variants {
            pairs.push((s.clone(), v.clone()));
            pairs.push((v, s.clone()));
        }
    }
    pairs
}

fn typo_line(a: &str, b: &str) -> Value {
    json!({"a": a, "b": b, "typo": within_one_typo(a, b)})
}

/// Text files (md, toml, txt) under content/ and data/, sorted.
fn text_files(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p
                .extension()
                .is_some_and(|e| e == "md" || e == "toml" || e == "txt")
            {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for dir in ["content", "data"] {
        walk(&root.join(dir), &mut out);
    }
    out.sort();
    out
}

struct Sent {
    words: usize,
    texts: usize,
    typos: usize,
}

/// Sends the lines to the node script and fails on any disagreement, or when the script
/// compared anything other than what was sent.
fn agree(label: &str, lines: &[Value]) {
    let count = |key: &str| lines.iter().filter(|l| l.get(key).is_some()).count();
    let sent = Sent {
        words: count("word"),
        texts: count("text"),
        typos: count("typo"),
    };
    let mut payload = String::new();
    for l in lines {
        payload.push_str(&l.to_string());
        payload.push('\n');
    }
    let script = manifest_dir()
        .join("tests")
        .join("js")
        .join("text-agreement.js");
    let mut child = match Command::new(node())
        .arg(&script)
        .arg(label)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!(
            "Node.js is required for the stemmer agreement test (it runs the browser's \
             search-text.js), but `{}` could not be started: {e}. Install Node.js \
             (Debian: apt-get install nodejs) or set NODE=/path/to/node.",
            node()
        ),
    };
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(payload.as_bytes()));
    let out = child.wait_with_output().expect("wait for node");
    writer.join().unwrap().expect("write to node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "JavaScript and Rust text analysis disagree ({label}):\n{stdout}{stderr}"
    );
    let expected = format!(
        "compared words={} texts={} typos={}",
        sent.words, sent.texts, sent.typos
    );
    assert!(
        stdout.lines().any(|l| l == expected),
        "the node script did not compare what was sent ({expected}):\n{stdout}{stderr}"
    );
    print!("{stdout}");
}

/// Word, text and typo lines for a site folder.
fn site_lines(root: &Path, min_words: usize) -> Vec<Value> {
    let vocabulary = stems(root);
    assert!(
        vocabulary.len() > min_words,
        "only {} words under {} (expected more than {min_words})",
        vocabulary.len(),
        root.display()
    );
    let mut lines = vec![constants_line()];
    lines.extend(vocabulary.iter().map(|(w, s)| word_line(w, s)));
    for f in text_files(root) {
        let text = std::fs::read_to_string(&f).unwrap();
        lines.push(text_line(&text));
    }
    let distinct: BTreeSet<&String> = vocabulary.iter().map(|(_, s)| s).collect();
    let distinct: Vec<String> = distinct.into_iter().cloned().collect();
    for (a, b) in typo_pairs(&distinct) {
        lines.push(typo_line(&a, &b));
    }
    lines
}

/// Every character of the given ranges between letters: "ab<c>cd ab<c>cd ...".
fn every_char(ranges: &[(u32, u32)]) -> String {
    let mut t = String::new();
    for &(lo, hi) in ranges {
        for c in (lo..=hi).filter_map(char::from_u32) {
            t.push_str("ab");
            t.push(c);
            t.push_str("cd ");
        }
    }
    t
}

#[test]
fn bundled_catalogue_agrees() {
    let mut lines = site_lines(&manifest_dir(), 3000);
    lines.extend(TRICKY.iter().map(|t| text_line(t)));
    // The fallback class's whole range, in both modes.
    lines.push(text_line(&every_char(FALLBACK)));
    // The rest of Unicode, where only the exact mode must agree, and only when node's
    // Unicode tables have the same version as Rust's (new letters appear each version).
    let (major, minor, _) = std::char::UNICODE_VERSION;
    let mut rest = text_line(&every_char(&[
        (0x2b0, 0x3ff),
        (0x530, 0x1dff),
        (0x1f00, 0x10ffff),
    ]));
    rest["unicode"] = json!(format!("{major}.{minor}"));
    lines.push(rest);
    agree("bundled catalogue", &lines);
}

#[test]
fn synthetic_catalogue_agrees() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_socnav"))
        .args(["synth", "--services", "2000", "--out"])
        .arg(&site)
        .output()
        .expect("run socnav synth");
    assert!(
        out.status.success(),
        "socnav synth failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    agree("synthetic catalogue", &site_lines(&site, 500));
}

/// Every ending of the Snowball Russian algorithm, and pairs of them, after stems with
/// different region boundaries; then random chains of endings and letters.
#[test]
fn suffix_combinations_agree() {
    const ENDINGS: &str = "в вши вшись ив ивши ившись ыв ывши ывшись ся сь \
        ему ому ых их ую юю ею ою яя ая ые ее ие ое ыми ими ый ей ий ой ым ем им ом его ого \
        ем нн вш ющ щ ивш ывш ующ \
        ют ет ны ть ешь ла на ете йте ли й л ем н ло но нно ыт уют ят ует ит ены ыть ить ишь \
        ю ую ыла ила ена ите уйте ейте ыли или уй ей ыл ил ым им ен ыло ило ено \
        у ях иях ах ы ь ю ью ию я ья ия а ев ов е ье ие и еи ии ями иями ами й ей ией ий ой \
        ям иям ам ем ием ом о ост ость ейш ейше а я и ё ъ";
    let endings: BTreeSet<&str> = ENDINGS.split_whitespace().collect();
    let endings: Vec<&str> = std::iter::once("").chain(endings).collect();
    let mut corpus = BTreeSet::new();
    for base in ["", "н", "кр", "посо", "обраб"] {
        for a in &endings {
            for b in &endings {
                corpus.insert(format!("{base}{a}{b}"));
            }
        }
    }
    let letters: Vec<char> = "абвгдежзийклмнопрстуфхцчшщьыэюяёъ1x".chars().collect();
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    while corpus.len() < 150_000 {
        let mut w = String::new();
        for _ in 0..next(4) {
            w.push(letters[next(letters.len())]);
        }
        for _ in 0..1 + next(4) {
            if next(3) == 0 {
                w.push(letters[next(letters.len())]);
            } else {
                w.push_str(endings[next(endings.len())]);
            }
        }
        corpus.insert(w);
    }
    let stemmer = russian();
    let mut lines = vec![constants_line()];
    lines.extend(
        corpus
            .iter()
            .filter(|w| !w.is_empty())
            .map(|w| word_line(w, &stem(&stemmer, w))),
    );
    agree("suffix combinations", &lines);
}
