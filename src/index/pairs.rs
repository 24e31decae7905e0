//! Pair files of the search index (`q/<name>.json`): for two stems that are each in the
//! titles of more documents than a word file keeps, the documents whose titles hold both
//! (`docs/search-index.md`). Built with the word files (`shards.rs`), from the title stems
//! each document's ranking records.

use std::collections::HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::docs;
use super::shards::{json, push_hits, Hit, Table, Top, K_WORD, SCREEN};
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
    fn of(&self, doc: u32) -> &[u32] {
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
    cache: Option<&mut Option<PairCache>>,
    body_edits: bool,
) -> Vec<(String, Vec<u8>)> {
    // A stem in K_WORD titles or fewer has all of them in its own file (title hits rank
    // first there), and the page finds the other word in their titles: no pair needed.
    let mut in_titles = vec![0usize; tops.len()];
    for &s in &title_stems.stems {
        in_titles[s as usize] += 1;
    }
    let common = |s: u32| in_titles[s as usize] > K_WORD;
    let cached = cache
        .as_deref()
        .and_then(Option::as_ref)
        .filter(|_| body_edits);
    let mut pairs: FxHashMap<(u32, u32), Top> = FxHashMap::default();
    if let Some(c) = cached {
        // Stem numbers change from build to build; stem texts do not.
        let id: HashMap<&str, u32> = stems
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i as u32))
            .collect();
        for (a, b, top) in &c.tops {
            if let (Some(&a), Some(&b)) = (id.get(a.as_str()), id.get(b.as_str())) {
                pairs.insert((a, b), top.clone());
            }
        }
    } else {
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
    }
    // The page already shows a screen of records with both words when the two word
    // files keep that many (a record in one's best with the other word in its title
    // counts): such a pair needs no file, and the query saves its bytes. The word files
    // change with bodies, so this is decided on every build.
    let both = |doc: u32, a: u32, b: u32| {
        let ts = title_stems.of(doc);
        ts.contains(&a) && ts.contains(&b)
    };
    let needs_file = |&(a, b): &(u32, u32), top: &Top| {
        let mut seen: Vec<u32> = tops[a as usize]
            .hits
            .iter()
            .chain(&tops[b as usize].hits)
            .map(|h| h.doc)
            .filter(|&d| both(d, a, b))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len() < (top.count as usize).min(SCREEN)
    };
    let text = |(a, b): (u32, u32)| (stems[a as usize].clone(), stems[b as usize].clone());
    let mut kept: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, top)| needs_file(k, top))
        .map(|(k, _)| text(*k))
        .collect();
    kept.sort_unstable();
    if let Some(c) = cached {
        if c.kept == kept {
            return c.files.clone();
        }
    }
    let all = cache.is_some().then(|| {
        pairs
            .iter()
            .map(|(k, top)| {
                let (a, b) = text(*k);
                (a, b, top.clone())
            })
            .collect::<Vec<_>>()
    });
    pairs.retain(|k, top| needs_file(k, top));
    let mut by_file: HashMap<String, Vec<(String, &Top)>> = HashMap::new();
    for ((a, b), top) in &pairs {
        let key = pair_key(&stems[*a as usize], &stems[*b as usize]);
        by_file
            .entry(text::file_name(&key))
            .or_default()
            .push((key, top));
    }
    let files: Vec<(String, Vec<u8>)> = by_file
        .into_par_iter()
        .map(|(name, mut entries)| {
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
        })
        .collect();
    if let (Some(slot), Some(tops)) = (cache, all) {
        *slot = Some(PairCache {
            tops,
            kept,
            files: files.clone(),
        });
    }
    files
}

/// What pair files a build made, for `serve` to reuse after body edits (which change
/// neither titles nor the order of documents): every pair of common title stems, as
/// texts, with the records whose titles hold both; which pairs got a file; the files.
#[derive(Default)]
pub(super) struct PairCache {
    tops: Vec<(String, String, Top)>,
    kept: Vec<(String, String)>,
    files: Vec<(String, Vec<u8>)>,
}
