//! socnav's sharded search index: many small JSON files whose names the query's words
//! decide, so a query costs one round of parallel fetches and no manifest.
//!
//! - `w/<file_name(skeleton)>.json`: for every stem with that sound skeleton, its
//!   document count, its commonest word forms and its best documents.
//! - `p/<file_name(prefix)>.json`: for a word prefix of 2 to 4 letters, the best
//!   documents having a word that starts with it, and which word.
//! - `f/<file_name(filter)>.json`: for a kind or a taxonomy term, its first documents
//!   (for a filter used without words) and the page that lists them all.
//! - `q/<file_name(pair)>.json`: for two common title stems, the documents whose titles
//!   hold both (`pairs.rs`).
//!
//! Each file carries the records of the documents it names, so results render from it.
//! The files live under `search/<hash>/`, a name that changes with their content, so they
//! can be cached for ever. The format is documented in `docs/search-index.md`.
//!
//! This file ranks documents for stems and prefixes; `files.rs` writes the files, and
//! `patch.rs` ranks again only what an edit reaches (`serve`).

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use super::docs::{self, kind_code};
use super::files::{filter_files, prefix_files, word_files};
use super::pairs;
use super::text::{self, StemCache};
use super::words::{tokenize, Chunk, DocWords, WordCache};
use crate::model::Site;

/// Documents kept per stem: the first screen of results, with a few to spare for
/// filters and for words that combine.
pub const K_WORD: usize = 12;
/// Results on the search page's first screen.
pub const SCREEN: usize = 10;
/// Documents kept per prefix.
pub const K_PREFIX: usize = 8;
/// Documents kept per filter.
pub const K_FILTER: usize = 20;
/// Word forms listed per stem (to tell a whole-word match from a stem match).
pub const FORMS: usize = 16;
/// Completions listed per prefix.
pub const COMPLETIONS: usize = 24;

#[derive(Debug, Default, Clone)]
pub struct ShardStats {
    pub documents: usize,
    pub stems: usize,
    pub files: usize,
    pub bytes: usize,
}

/// The index, built in memory: files relative to the output root.
pub struct Shards {
    /// Folder of the files, relative to the output root, with a trailing slash:
    /// `search/<hash>/`.
    pub dir: String,
    /// After an edit in `serve` (`patch::update`), files equal to the last build's are
    /// listed with no bytes: `serve` keeps them.
    pub files: Vec<(String, Vec<u8>)>,
    /// A hash of each file's bytes (the folder name is made of them; `serve` compares
    /// them to write only the files that changed).
    pub hashes: Vec<u64>,
    pub stats: ShardStats,
}

impl Shards {
    /// Each file's name with the hash of its bytes.
    pub fn file_hashes(&self) -> Vec<(String, u64)> {
        self.files
            .iter()
            .map(|(n, _)| n.clone())
            .zip(self.hashes.iter().copied())
            .collect()
    }
}

/// The index's folder, named after its files (`search/<hash>/`).
pub(super) fn dir_name(files: &[(String, Vec<u8>)], hashes: &[u64]) -> String {
    let mut all = Vec::new();
    for ((name, _), h) in files.iter().zip(hashes) {
        all.extend_from_slice(name.as_bytes());
        all.extend_from_slice(&h.to_le_bytes());
    }
    format!("search/{}/", &crate::write::content_hash(&all)[..10])
}

/// A 64-bit hash of a file's bytes (FxHash: fast, and the same on every machine).
pub fn file_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// One kept document of a stem or prefix: doc id, field weight, word ids.
#[derive(Clone)]
pub(super) struct Hit {
    pub(super) doc: u32,
    /// Same number for records with the same title.
    pub(super) title: u32,
    pub(super) fields: u8,
    pub(super) words: Vec<u32>,
}

#[derive(Default, Clone)]
pub(super) struct Top {
    pub(super) count: u32,
    pub(super) hits: Vec<Hit>,
}

impl Top {
    /// Keep the best `k` by weight, then by document order. Documents arrive in order, so
    /// a newcomer goes after every kept hit of equal or higher weight. Of records with the
    /// same title (which arrive one after another) and the same weight, only the first is
    /// kept: the few places go to different records, so that a word shared by many of
    /// them still leaves room for the ones a second word of the query picks out.
    pub(super) fn offer(&mut self, k: usize, hit: impl FnOnce() -> Hit, fields: u8, title: u32) {
        self.count += 1;
        if self.hits.len() == k && self.hits[k - 1].fields >= fields {
            return;
        }
        let at = self.hits.partition_point(|h| h.fields >= fields);
        if at > 0 && self.hits[at - 1].fields == fields && self.hits[at - 1].title == title {
            return;
        }
        self.hits.insert(at, hit());
        self.hits.truncate(k);
    }
}

/// What one document has of a stem or prefix, gathered while its words are read.
#[derive(Clone, Default)]
struct Acc {
    stamp: u32,
    fields: u8,
    /// Weight of the word kept for a prefix.
    best: u8,
    /// Stems: every word of the stem in the document. Prefixes: the word in the
    /// heaviest field (the completion shown).
    words: Vec<u32>,
}

impl Acc {
    /// Add a word; true when this is the document's first word here.
    fn add(&mut self, stamp: u32, fields: u8, word: u32, all: bool) -> bool {
        let first = self.stamp != stamp;
        if first {
            self.stamp = stamp;
            self.fields = 0;
            self.best = 0;
            self.words.clear();
        }
        if all || self.words.is_empty() {
            self.words.push(word);
        } else if fields > self.best {
            self.words[0] = word;
        }
        self.best = self.best.max(fields);
        self.fields |= fields;
        first
    }
}

pub(super) struct Word {
    pub(super) text: String,
    pub(super) stem: u32,
    pub(super) prefixes: Vec<u32>,
    /// Documents with the word.
    pub(super) df: u32,
}

pub fn build_shards(site: &Site) -> Result<Shards, String> {
    build(site, None)
}

/// What changed since the word cache was filled.
#[derive(Clone, Copy)]
pub enum Since<'a> {
    /// Nothing: fill the cache anew.
    Nothing,
    /// Only the bodies of these pages (the same pages, front matter and order).
    Bodies(&'a [usize]),
    /// The front matter (and maybe bodies) of these pages; the same pages otherwise.
    /// With `same_order`, none changed what orders the documents (kind, status, title,
    /// URL, whether it is indexed).
    FrontMatter {
        pages: &'a [usize],
        same_order: bool,
    },
}

impl Since<'_> {
    fn pages(&self) -> &[usize] {
        match self {
            Since::Nothing => &[],
            Since::Bodies(p) | Since::FrontMatter { pages: p, .. } => p,
        }
    }
}

/// Build the index and fill `cache` with every document's words.
pub fn build_shards_filling(site: &Site, cache: &mut WordCache) -> Result<Shards, String> {
    *cache = WordCache::default();
    build(site, Some((cache, Since::Nothing)))
}

/// Build the index again after the edit `since` the cache was filled: the other
/// documents' words come from the cache.
pub fn build_shards_after_edits(
    site: &Site,
    cache: &mut WordCache,
    since: Since,
) -> Result<Shards, String> {
    build(site, Some((cache, since)))
}

fn build(site: &Site, mut cache: Option<(&mut WordCache, Since)>) -> Result<Shards, String> {
    if let Some((c, since)) = cache.as_mut() {
        c.docs.resize(site.pages.len(), None);
        for &i in since.pages() {
            c.docs[i] = None;
        }
    }
    // Edits that keep the order of documents: rank again only what they reach.
    if let Some((c, since)) = cache.as_mut() {
        if let Some(done) = super::patch::update(site, c, *since) {
            return done;
        }
    }
    let t0 = std::time::Instant::now();
    // After body edits the documents, their order and their records are those of the
    // last build (they come from front matter only); after front-matter edits, the
    // records of the other documents are, where their rank did not change.
    let (pages, titles, records) = match cache.as_mut() {
        Some((c, Since::Bodies(_))) => c.order.take().unwrap_or_else(|| order(site)),
        Some((c, Since::FrontMatter { pages, same_order })) => match c.order.take() {
            Some(old) if *same_order => records_again(site, old, pages),
            Some(old) => order_reusing(site, old, pages),
            None => order(site),
        },
        _ => order(site),
    };
    let mut words: Vec<Word> = Vec::new();
    let mut word_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut stems = StemCache::default();
    let mut prefix_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut prefix_text: Vec<String> = Vec::new();
    let mut prefix_top: Vec<Top> = Vec::new();
    let mut prefix_acc: Vec<Acc> = Vec::new();
    let mut ranked = StemRank::default();
    // Each document's words by their numbers here, for `serve` (`patch::Ranked`).
    let mut doc_words: Vec<Vec<(u32, u8)>> = Vec::new();

    if std::env::var_os("SOCNAV_TIMINGS").is_some() {
        eprintln!("    index: records {:.3} s", t0.elapsed().as_secs_f64());
    }
    const CHUNK: usize = 1024;
    let chunks: Vec<&[usize]> = pages.chunks(CHUNK).collect();
    let mut doc_base = 0u32;
    let mut t_tok = 0.0;
    let mut t_map = 0.0;
    for batch in chunks.chunks(4) {
        let tt = std::time::Instant::now();
        let results: Vec<Result<Chunk, String>> = {
            let read = cache.as_ref().map(|(c, _)| &**c);
            batch.par_iter().map(|c| tokenize(site, c, read)).collect()
        };
        t_tok += tt.elapsed().as_secs_f64();
        for (chunk, pages_of) in results.into_iter().zip(batch) {
            let chunk = chunk?;
            if let Some((c, _)) = cache.as_mut() {
                c.keep(&chunk, pages_of);
            }
            let tm = std::time::Instant::now();
            let map: Vec<u32> = chunk
                .vocab
                .into_iter()
                .map(|w| {
                    if let Some(&id) = word_ids.get(&w) {
                        return id;
                    }
                    let id = words.len() as u32;
                    word_ids.insert(w.clone(), id);
                    words.push(new_word(w, &mut stems, &mut prefix_ids, &mut prefix_text));
                    id
                })
                .collect();
            t_map += tm.elapsed().as_secs_f64();
            ranked.top.resize_with(stems.stems.len(), Top::default);
            prefix_top.resize_with(prefix_text.len(), Top::default);
            ranked.acc.resize(ranked.top.len(), Acc::default());
            prefix_acc.resize(prefix_top.len(), Acc::default());
            // Stems and prefixes are ranked side by side: each pass reads every
            // document's words, and they share nothing but the word table.
            let chunk_docs = chunk.docs;
            if cache.is_some() {
                doc_words.extend(
                    chunk_docs
                        .iter()
                        .map(|dw| dw.iter().map(|&(l, f)| (map[l as usize], f)).collect()),
                );
            }
            let (words_ref, titles_ref) = (&words, &titles);
            let (df, _) = rayon::join(
                || {
                    rank_stems(
                        &chunk_docs,
                        doc_base,
                        &map,
                        words_ref,
                        titles_ref,
                        &mut ranked,
                    )
                },
                || {
                    rank_prefixes(
                        &chunk_docs,
                        doc_base,
                        &map,
                        words_ref,
                        titles_ref,
                        &mut prefix_acc,
                        &mut prefix_top,
                    )
                },
            );
            for id in df {
                words[id as usize].df += 1;
            }
            doc_base += CHUNK as u32;
        }
    }

    let timings = std::env::var_os("SOCNAV_TIMINGS").is_some();
    if timings {
        eprintln!(
            "    index: words read and ranked {:.3} s (reading {t_tok:.3} s, word table {t_map:.3} s)",
            t0.elapsed().as_secs_f64()
        );
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    files.extend(word_files(&stems.stems, &ranked.top, &words, &records));
    files.extend(prefix_files(&prefix_text, &prefix_top, &words, &records));
    files.extend(filter_files(site, &pages, &records));
    files.extend(pairs::pair_files(
        &stems.stems,
        &ranked.top,
        &ranked.titles,
        &titles,
        &records,
        cache.as_mut().map(|(c, _)| &mut c.pairs),
    ));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    if timings {
        eprintln!("    index: files made {:.3} s", t0.elapsed().as_secs_f64());
    }

    let hashes: Vec<u64> = files.par_iter().map(|(_, b)| file_hash(b)).collect();
    if timings {
        eprintln!(
            "    index: files hashed {:.3} s",
            t0.elapsed().as_secs_f64()
        );
    }
    let dir = dir_name(&files, &hashes);
    let stats = ShardStats {
        documents: pages.len(),
        stems: stems.stems.len(),
        files: files.len(),
        bytes: files.iter().map(|f| f.1.len()).sum(),
    };
    if let Some((c, _)) = cache {
        c.order = Some((pages, titles, records));
        c.ranked = Some(super::patch::Ranked::new(
            super::patch::Tables {
                words,
                word_ids,
                stems,
                prefix_text,
                prefix_ids,
            },
            doc_words,
            ranked.top,
            prefix_top,
            ranked.titles,
            &files,
            &hashes,
        ));
    }
    Ok(Shards {
        dir,
        files,
        hashes,
        stats,
    })
}

/// Offer each document of a chunk to the stems of its words; returns the word of every
/// (document, word) pair, for the document frequencies.
fn rank_stems(
    chunk: &[DocWords],
    doc_base: u32,
    map: &[u32],
    words: &[Word],
    titles: &[u32],
    ranked: &mut StemRank,
) -> Vec<u32> {
    let mut seen = Vec::new();
    let mut stems_used = Vec::new();
    let StemRank {
        top,
        acc,
        titles: title_stems,
    } = ranked;
    for (n, dw) in chunk.iter().enumerate() {
        let doc = doc_base + n as u32;
        let stamp = doc + 1;
        stems_used.clear();
        for &(local, fields) in dw {
            let id = map[local as usize];
            seen.push(id);
            let stem = words[id as usize].stem;
            if acc[stem as usize].add(stamp, fields, id, true) {
                stems_used.push(stem);
            }
        }
        let title = titles[doc as usize];
        title_stems.start(doc);
        for &s in &stems_used {
            let acc = &mut acc[s as usize];
            let fields = acc.fields;
            if fields & docs::TITLE != 0 {
                title_stems.push(s);
            }
            // The words move into the hit only when it is kept: a rejected offer leaves
            // them (and their allocation) for the next document.
            top[s as usize].offer(
                K_WORD,
                || Hit {
                    doc,
                    title,
                    fields,
                    words: std::mem::take(&mut acc.words),
                },
                fields,
                title,
            );
        }
    }
    seen
}

/// Offer each document of a chunk to the prefixes of its words. Prefixes serve the word
/// being typed: they come from the fields a result is recognised by (title, description,
/// eligibility), not from body text, which would cost a third of the index's time.
fn rank_prefixes(
    chunk: &[DocWords],
    doc_base: u32,
    map: &[u32],
    words: &[Word],
    titles: &[u32],
    prefix_acc: &mut [Acc],
    prefix_top: &mut [Top],
) {
    let mut prefixes_used = Vec::new();
    for (n, dw) in chunk.iter().enumerate() {
        let doc = doc_base + n as u32;
        let stamp = doc + 1;
        prefixes_used.clear();
        for &(local, fields) in dw {
            if fields > docs::BODY {
                let id = map[local as usize];
                for &p in &words[id as usize].prefixes {
                    if prefix_acc[p as usize].add(stamp, fields, id, false) {
                        prefixes_used.push(p);
                    }
                }
            }
        }
        let title = titles[doc as usize];
        for &p in &prefixes_used {
            let acc = &mut prefix_acc[p as usize];
            let (fields, best) = (acc.fields, acc.words[0]);
            prefix_top[p as usize].offer(
                K_PREFIX,
                || Hit {
                    doc,
                    title,
                    fields,
                    words: vec![best],
                },
                fields,
                title,
            );
        }
    }
}

/// Pages in index order, the title number of each, and each one's result record.
pub(super) type Order = (Vec<usize>, Vec<u32>, Vec<String>);

/// The documents in index order: by kind, status, title and URL. Records with the same
/// title share a number (they are next to each other).
fn order(site: &Site) -> Order {
    let (pages, titles) = ranks(site);
    let records: Vec<String> = pages
        .par_iter()
        .enumerate()
        .map(|(rank, &i)| docs::record_json(site, &site.pages[i], rank))
        .collect();
    (pages, titles, records)
}

/// `order` after the front matter of the pages `changed` was edited: the records of
/// the last build (`old`) are kept where the page and its rank are the same.
fn order_reusing(site: &Site, old: Order, changed: &[usize]) -> Order {
    let (old_pages, _, old_records) = old;
    let (pages, titles) = ranks(site);
    let mut old_records: Vec<Option<String>> = old_records.into_iter().map(Some).collect();
    let kept: Vec<Option<String>> = pages
        .iter()
        .enumerate()
        .map(|(rank, i)| {
            let same = old_pages.get(rank) == Some(i) && !changed.contains(i);
            same.then(|| old_records[rank].take()).flatten()
        })
        .collect();
    let records = kept
        .into_par_iter()
        .zip(pages.par_iter().enumerate())
        .map(|(r, (rank, &i))| r.unwrap_or_else(|| docs::record_json(site, &site.pages[i], rank)))
        .collect();
    (pages, titles, records)
}

/// `order` when the pages `changed` kept their ranks: only their records are new.
pub(super) fn records_again(site: &Site, old: Order, changed: &[usize]) -> Order {
    let (pages, titles, mut records) = old;
    for (rank, i) in pages.iter().enumerate() {
        if changed.contains(i) {
            records[rank] = docs::record_json(site, &site.pages[*i], rank);
        }
    }
    (pages, titles, records)
}

/// The documents in index order, and the title number of each.
fn ranks(site: &Site) -> (Vec<usize>, Vec<u32>) {
    let mut pages: Vec<usize> = (0..site.pages.len())
        .filter(|&i| site.pages[i].in_search_index)
        .collect();
    pages.sort_by_cached_key(|&i| {
        let p = &site.pages[i];
        (
            kind_code(p.kind),
            docs::status_rank(p),
            p.title.to_lowercase(),
            p.url.clone(),
        )
    });
    let mut titles: Vec<u32> = Vec::with_capacity(pages.len());
    for (n, &i) in pages.iter().enumerate() {
        let same = n > 0 && {
            let (a, b) = (&site.pages[pages[n - 1]], &site.pages[i]);
            a.kind == b.kind && a.title.to_lowercase() == b.title.to_lowercase()
        };
        let last = titles.last().copied().unwrap_or(0);
        titles.push(if same { last } else { last + 1 });
    }
    (pages, titles)
}

/// What ranking stems gathers: per stem, the document being read and the best
/// documents so far; per document, the stems in its title (for pair files).
#[derive(Default)]
struct StemRank {
    acc: Vec<Acc>,
    top: Vec<Top>,
    titles: pairs::TitleStems,
}

/// A word's stem and prefixes, entered in the tables of stems and prefixes.
pub(super) fn new_word(
    w: String,
    stems: &mut StemCache,
    prefix_ids: &mut FxHashMap<String, u32>,
    prefix_text: &mut Vec<String>,
) -> Word {
    let stem = stems.stem_id(&w);
    let prefixes = (text::PREFIX_MIN..=text::PREFIX_MAX)
        .filter(|&n| w.chars().count() >= n)
        .map(|n| {
            let p: String = w.chars().take(n).collect();
            let next = prefix_text.len() as u32;
            *prefix_ids.entry(p.clone()).or_insert_with(|| {
                prefix_text.push(p);
                next
            })
        })
        .collect();
    Word {
        text: w,
        stem,
        prefixes,
        df: 0,
    }
}
