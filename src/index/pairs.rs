//! Pair files of the search index (`q/<name>.json`): for two stems that are each in the
//! titles of more documents than a word file keeps, the documents whose titles hold both
//! (`docs/search-index.md`). Built with the word files (`shards.rs`), from the title stems
//! each document's ranking records.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::docs;
use super::files::{json, push_hits, Table};
use super::shards::{Hit, Top, K_WORD, SCREEN};
use super::text;

/// The title stems of every document, in document order (a flat list with offsets).
#[derive(Default)]
pub(super) struct TitleStems {
    /// Per document: its first stem's place in `stems`, and the document.
    starts: Vec<(usize, u32)>,
    stems: Vec<u32>,
}

impl TitleStems {
    pub(super) fn start(&mut self, doc: u32) {
        self.starts.push((self.stems.len(), doc));
    }

    pub(super) fn push(&mut self, stem: u32) {
        self.stems.push(stem);
    }

    /// The title stems of document `doc` (documents start in order, from 0).
    pub(super) fn of(&self, doc: u32) -> &[u32] {
        let n = doc as usize;
        debug_assert_eq!(self.starts[n].1, doc, "documents are read in order");
        let from = self.starts[n].0;
        let to = self
            .starts
            .get(n + 1)
            .map_or(self.stems.len(), |&(next, _)| next);
        &self.stems[from..to]
    }

    /// Each document with its title stems.
    fn iter(&self) -> impl Iterator<Item = (u32, &[u32])> {
        self.starts.iter().enumerate().map(|(n, &(from, doc))| {
            let to = self
                .starts
                .get(n + 1)
                .map_or(self.stems.len(), |&(next, _)| next);
            (doc, &self.stems[from..to])
        })
    }
}

/// The key of a pair of stems: both, in byte order, separated by a space.
pub fn pair_key(a: &str, b: &str) -> String {
    if a <= b {
        format!("{a} {b}")
    } else {
        format!("{b} {a}")
    }
}

/// Files for pairs of title words that are both too common for their own files to keep
/// every document whose title has them (more than `K_WORD` each): the documents whose
/// titles hold both. Without
/// them, a two-word query over a large catalogue («пенсия по инвалидности») can miss
/// every record that has both words, because each word's file keeps only its best
/// `K_WORD`, which may all lack the other word.
pub(super) fn pair_files(
    stems: &[String],
    tops: &[Top],
    title_stems: &TitleStems,
    titles: &[u32],
    records: &[String],
    keep: Option<&mut Option<PairIndex>>,
) -> Vec<(String, Vec<u8>)> {
    // A stem in K_WORD titles or fewer has all of them in its own file (title hits rank
    // first there), and the page finds the other word in their titles: no pair needed.
    let mut in_titles = vec![0usize; tops.len()];
    for &s in &title_stems.stems {
        in_titles[s as usize] += 1;
    }
    let common = |s: u32| in_titles[s as usize] > K_WORD;
    let mut pairs: FxHashMap<(u32, u32), Top> = FxHashMap::default();
    let mut mine: Vec<u32> = Vec::new();
    for (doc, ts) in title_stems.iter() {
        mine.clear();
        mine.extend(ts.iter().copied().filter(|&s| common(s)));
        mine.sort_by(|a, b| stems[*a as usize].cmp(&stems[*b as usize]));
        mine.dedup();
        let title = titles[doc as usize];
        for (i, &a) in mine.iter().enumerate() {
            for &b in &mine[i + 1..] {
                pairs.entry((a, b)).or_default().offer(
                    K_WORD,
                    || Hit {
                        doc,
                        title,
                        fields: docs::TITLE,
                        words: Vec::new(),
                    },
                    docs::TITLE,
                    title,
                );
            }
        }
    }
    let mut by_file: HashMap<String, Vec<(String, &Top)>> = HashMap::new();
    for ((a, b), top) in &pairs {
        if needs_file(tops, title_stems, *a, *b, top) {
            let key = pair_key(&stems[*a as usize], &stems[*b as usize]);
            by_file
                .entry(text::file_name(&key))
                .or_default()
                .push((key, top));
        }
    }
    let files: Vec<(String, Vec<u8>)> = by_file
        .into_par_iter()
        .map(|(name, entries)| pair_file(&name, entries, records))
        .collect();
    if let Some(slot) = keep {
        *slot = Some(PairIndex::new(stems, tops, title_stems, pairs));
    }
    files
}

/// Whether the pair of stems `a` and `b` (with the documents `top` whose titles hold
/// both) needs a file. The page already shows a screen of records with both words when
/// the two word files keep that many (a record in one's best with the other word in its
/// title counts): such a pair needs no file, and the query saves its bytes. The word
/// files change with bodies, so this is decided on every build.
fn needs_file(tops: &[Top], title_stems: &TitleStems, a: u32, b: u32, top: &Top) -> bool {
    let both = |doc: u32| {
        let ts = title_stems.of(doc);
        ts.contains(&a) && ts.contains(&b)
    };
    let mut seen: Vec<u32> = tops[a as usize]
        .hits
        .iter()
        .chain(&tops[b as usize].hits)
        .map(|h| h.doc)
        .filter(|&d| both(d))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len() < (top.count as usize).min(SCREEN)
}

/// The pair file `name` of the pairs `entries` (key, documents).
fn pair_file(
    name: &str,
    mut entries: Vec<(String, &Top)>,
    records: &[String],
) -> (String, Vec<u8>) {
    entries.sort_by(|x, y| x.0.cmp(&y.0));
    let mut table = Table::default();
    let mut body = String::from("{\"s\":[");
    for (n, (key, top)) in entries.iter().enumerate() {
        if n > 0 {
            body.push(',');
        }
        let _ = write!(body, "{{\"k\":{},\"n\":{},\"w\":[", json(key), top.count);
        push_hits(&mut body, &mut table, &top.hits, |_| 0);
    }
    table.finish(&mut body, records);
    (format!("q/{name}.json"), body.into_bytes())
}

/// Every pair of common title stems of a build, by the stems' numbers, with the
/// documents whose titles hold both, and which pairs have a file: kept by `serve`
/// (`patch`) for edits that change no title, which change no pair's documents.
pub(super) struct PairIndex {
    pairs: Vec<((u32, u32), Top)>,
    /// Stem → its pairs.
    by_stem: FxHashMap<u32, Vec<usize>>,
    has_file: Vec<bool>,
    /// File name → its pairs.
    files: HashMap<String, BTreeSet<usize>>,
}

impl PairIndex {
    fn new(
        stems: &[String],
        tops: &[Top],
        title_stems: &TitleStems,
        pairs: FxHashMap<(u32, u32), Top>,
    ) -> PairIndex {
        let pairs: Vec<((u32, u32), Top)> = pairs.into_iter().collect();
        let mut by_stem: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        let mut files: HashMap<String, BTreeSet<usize>> = HashMap::new();
        let mut has_file = Vec::with_capacity(pairs.len());
        for (k, ((a, b), top)) in pairs.iter().enumerate() {
            by_stem.entry(*a).or_default().push(k);
            by_stem.entry(*b).or_default().push(k);
            let needed = needs_file(tops, title_stems, *a, *b, top);
            has_file.push(needed);
            if needed {
                files.entry(file_of(stems, *a, *b)).or_default().insert(k);
            }
        }
        PairIndex {
            pairs,
            by_stem,
            has_file,
            files,
        }
    }

    /// After an edit that changed no title: the pair files made again (or gone, None),
    /// for the stems whose best documents changed (`stems_hit`) and the documents whose
    /// records changed (`docs`).
    pub(super) fn update(
        &mut self,
        stems: &[String],
        tops: &[Top],
        title_stems: &TitleStems,
        records: &[String],
        stems_hit: &[u32],
        docs: &[u32],
    ) -> Vec<(String, Option<Vec<u8>>)> {
        let mut dirty: BTreeSet<String> = BTreeSet::new();
        for s in stems_hit {
            for &k in self.by_stem.get(s).into_iter().flatten() {
                let ((a, b), top) = &self.pairs[k];
                let needed = needs_file(tops, title_stems, *a, *b, top);
                if needed == self.has_file[k] {
                    continue;
                }
                self.has_file[k] = needed;
                let name = file_of(stems, *a, *b);
                let set = self.files.entry(name.clone()).or_default();
                if needed {
                    set.insert(k);
                } else {
                    set.remove(&k);
                }
                dirty.insert(name);
            }
        }
        for &d in docs {
            for s in title_stems.of(d) {
                for &k in self.by_stem.get(s).into_iter().flatten() {
                    let ((a, b), top) = &self.pairs[k];
                    if self.has_file[k] && top.hits.iter().any(|h| h.doc == d) {
                        dirty.insert(file_of(stems, *a, *b));
                    }
                }
            }
        }
        let dirty: Vec<String> = dirty.into_iter().collect();
        dirty
            .par_iter()
            .map(|name| {
                let entries: Vec<(String, &Top)> = self.files[name]
                    .iter()
                    .map(|&k| {
                        let ((a, b), top) = &self.pairs[k];
                        (pair_key(&stems[*a as usize], &stems[*b as usize]), top)
                    })
                    .collect();
                if entries.is_empty() {
                    (format!("q/{name}.json"), None)
                } else {
                    let (n, bytes) = pair_file(name, entries, records);
                    (n, Some(bytes))
                }
            })
            .collect()
    }
}

/// The name of the file of the pair of stems `a` and `b`.
fn file_of(stems: &[String], a: u32, b: u32) -> String {
    text::file_name(&pair_key(&stems[a as usize], &stems[b as usize]))
}
