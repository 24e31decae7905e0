//! Ranking again only what an edit reaches, for `serve`. When the documents keep their
//! order (body edits, and front-matter edits that keep every title, status and indexing
//! flag), only the stems and prefixes of the edited documents' old and new words are
//! ranked again, from the lists of documents kept for each, and only the files that hold
//! them (with the filter and pair files) are made again.
//!
//! The result is the same, file for file, as a full build (the property test in
//! tests/serve.rs holds it to that). Words and stems get other numbers here than in a
//! full build (new ones are added at the end, and words no document has any more stay),
//! so nothing in the files depends on those numbers: forms and completions are ordered
//! by document count and then spelling, stems by skeleton and then spelling, and words
//! without documents are left out.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::docs;
use super::files::{
    filter_files, forms_of, prefix_file, prefix_file_ids, word_file, word_file_name,
    word_file_stems, words_by_stem,
};
use super::pairs::TitleStems;
use super::shards::{
    file_hash, new_word, records_again, Hit, ShardStats, Shards, Since, Top, Word, K_PREFIX, K_WORD,
};
use super::text::{self, StemCache};
use super::words::{tokenize, WordCache};
use crate::model::Site;

/// The word, stem and prefix tables of a build.
pub(super) struct Tables {
    pub(super) words: Vec<Word>,
    pub(super) word_ids: FxHashMap<String, u32>,
    pub(super) stems: StemCache,
    pub(super) prefix_text: Vec<String>,
    pub(super) prefix_ids: FxHashMap<String, u32>,
}

/// The ranked index of the last build, kept by `serve` between edits.
pub struct Ranked {
    t: Tables,
    /// Per document (index order): its words with their field weights, in order of
    /// first use.
    doc_words: Vec<Vec<(u32, u8)>>,
    /// Per stem: the documents with a word of it, and the fields it is in, in order.
    stem_docs: Vec<Vec<(u32, u8)>>,
    /// Per prefix: the documents with a word starting with it outside the body.
    prefix_docs: Vec<Vec<(u32, u8)>>,
    /// Per stem: its words.
    stem_words: Vec<Vec<u32>>,
    top: Vec<Top>,
    prefix_top: Vec<Top>,
    titles: TitleStems,
    /// Word file → its stems, prefix file → its prefixes (all that had documents).
    word_files: HashMap<String, Vec<u32>>,
    prefix_files: HashMap<String, Vec<u32>>,
    /// Every file of the index: name → hash and length.
    files: BTreeMap<String, (u64, usize)>,
}

impl Ranked {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        t: Tables,
        doc_words: Vec<Vec<(u32, u8)>>,
        top: Vec<Top>,
        prefix_top: Vec<Top>,
        titles: TitleStems,
        files: &[(String, Vec<u8>)],
        hashes: &[u64],
    ) -> Ranked {
        let (stem_docs, prefix_docs) = rayon::join(
            || postings(&doc_words, top.len(), |w| vec![t.words[w as usize].stem], 0),
            || {
                postings(
                    &doc_words,
                    prefix_top.len(),
                    |w| t.words[w as usize].prefixes.clone(),
                    docs::BODY,
                )
            },
        );
        let stem_words = words_by_stem(t.stems.stems.len(), &t.words);
        let word_files = word_file_stems(&t.stems.stems, &top);
        let prefix_files = prefix_file_ids(&t.prefix_text, &prefix_top);
        let files = files
            .iter()
            .zip(hashes)
            .map(|((name, bytes), h)| (name.clone(), (*h, bytes.len())))
            .collect();
        Ranked {
            t,
            doc_words,
            stem_docs,
            prefix_docs,
            stem_words,
            top,
            prefix_top,
            titles,
            word_files,
            prefix_files,
            files,
        }
    }

    /// The number of a word, entered in the tables when new.
    fn intern(&mut self, w: String) -> u32 {
        if let Some(&id) = self.t.word_ids.get(&w) {
            return id;
        }
        let id = self.t.words.len() as u32;
        self.t.word_ids.insert(w.clone(), id);
        let t = &mut self.t;
        let word = new_word(w, &mut t.stems, &mut t.prefix_ids, &mut t.prefix_text);
        let stems = t.stems.stems.len();
        self.stem_docs.resize_with(stems, Vec::new);
        self.stem_words.resize_with(stems, Vec::new);
        self.top.resize_with(stems, Top::default);
        let prefixes = t.prefix_text.len();
        self.prefix_docs.resize_with(prefixes, Vec::new);
        self.prefix_top.resize_with(prefixes, Top::default);
        self.stem_words[word.stem as usize].push(id);
        t.words.push(word);
        id
    }

    /// A document's stems, in order of first use, with the fields they are in and its
    /// words of each.
    fn stems_of(&self, dw: &[(u32, u8)]) -> Vec<(u32, u8, Vec<u32>)> {
        let mut out: Vec<(u32, u8, Vec<u32>)> = Vec::new();
        for &(w, f) in dw {
            let s = self.t.words[w as usize].stem;
            match out.iter_mut().find(|e| e.0 == s) {
                Some(e) => {
                    e.1 |= f;
                    e.2.push(w);
                }
                None => out.push((s, f, vec![w])),
            }
        }
        out
    }

    /// A document's prefixes outside the body, with the fields they are in and the word
    /// a full build keeps for each: the first in the heaviest field.
    fn prefixes_of(&self, dw: &[(u32, u8)]) -> Vec<(u32, u8, u32)> {
        // (prefix, fields, word, weight of the word)
        let mut out: Vec<(u32, u8, u32, u8)> = Vec::new();
        for &(w, f) in dw.iter().filter(|e| e.1 > docs::BODY) {
            for &p in &self.t.words[w as usize].prefixes {
                match out.iter_mut().find(|e| e.0 == p) {
                    Some(e) => {
                        e.1 |= f;
                        if f > e.3 {
                            e.2 = w;
                            e.3 = f;
                        }
                    }
                    None => out.push((p, f, w, f)),
                }
            }
        }
        out.into_iter().map(|(p, f, w, _)| (p, f, w)).collect()
    }

    /// The best documents of stem `s`, as a full build ranks them.
    fn stem_top(&self, s: u32, titles: &[u32]) -> Top {
        let mut top = Top::default();
        for &(doc, fields) in &self.stem_docs[s as usize] {
            let title = titles[doc as usize];
            let words = || {
                self.doc_words[doc as usize]
                    .iter()
                    .map(|e| e.0)
                    .filter(|&w| self.t.words[w as usize].stem == s)
                    .collect()
            };
            top.offer(
                K_WORD,
                || Hit {
                    doc,
                    title,
                    fields,
                    words: words(),
                },
                fields,
                title,
            );
        }
        top
    }

    /// The best documents of prefix `p`, each with its word in the heaviest field (the
    /// first such), as a full build ranks them.
    fn prefix_top(&self, p: u32, titles: &[u32]) -> Top {
        let mut top = Top::default();
        for &(doc, fields) in &self.prefix_docs[p as usize] {
            let title = titles[doc as usize];
            let best = || {
                let (mut best, mut weight) = (None, 0);
                for &(w, f) in &self.doc_words[doc as usize] {
                    if f > docs::BODY && self.t.words[w as usize].prefixes.contains(&p) {
                        if best.is_none() || f > weight {
                            best = Some(w);
                        }
                        weight = weight.max(f);
                    }
                }
                best.expect("a document listed for a prefix has a word with it")
            };
            top.offer(
                K_PREFIX,
                || Hit {
                    doc,
                    title,
                    fields,
                    words: vec![best()],
                },
                fields,
                title,
            );
        }
        top
    }
}

/// Per key (a word's stem or prefixes, `keys`): the documents with a word of it in a
/// field heavier than `above`, and those fields, in document order.
fn postings(
    doc_words: &[Vec<(u32, u8)>],
    n: usize,
    keys: impl Fn(u32) -> Vec<u32>,
    above: u8,
) -> Vec<Vec<(u32, u8)>> {
    let mut lists: Vec<Vec<(u32, u8)>> = vec![Vec::new(); n];
    for (d, dw) in doc_words.iter().enumerate() {
        let d = d as u32;
        for &(w, f) in dw.iter().filter(|e| e.1 > above) {
            for k in keys(w) {
                let list = &mut lists[k as usize];
                match list.last_mut() {
                    Some((doc, fields)) if *doc == d => *fields |= f,
                    _ => list.push((d, f)),
                }
            }
        }
    }
    lists
}

/// Set document `d`'s fields in a list of documents (None: take it out).
fn set(list: &mut Vec<(u32, u8)>, d: u32, fields: Option<u8>) {
    match (list.binary_search_by_key(&d, |e| e.0), fields) {
        (Ok(i), Some(f)) => list[i].1 = f,
        (Ok(i), None) => {
            list.remove(i);
        }
        (Err(i), Some(f)) => list.insert(i, (d, f)),
        (Err(_), None) => {}
    }
}

/// The index after the edit `since`, when it keeps the order of documents and the last
/// build's ranking is in `c`; None otherwise (the caller builds it in full). The files
/// not made again are in the result with their hashes and no bytes (`Shards::files`).
pub(super) fn update(
    site: &Site,
    c: &mut WordCache,
    since: Since,
) -> Option<Result<Shards, String>> {
    let timings = std::env::var_os("SOCNAV_TIMINGS").is_some();
    let t0 = std::time::Instant::now();
    let (changed, front) = match since {
        Since::Bodies(p) => (p, false),
        Since::FrontMatter {
            pages,
            same_order: true,
        } => (pages, true),
        _ => return None,
    };
    if c.ranked.is_none() || c.order.is_none() || c.pairs.is_none() {
        return None;
    }
    let mut r = c.ranked.take()?;
    let order = c.order.take()?;
    let (pages, titles, records) = if front {
        records_again(site, order, changed)
    } else {
        order
    };
    // The edited pages that are documents, and their numbers.
    let edited: Vec<(usize, u32)> = changed
        .iter()
        .filter_map(|&i| pages.iter().position(|&p| p == i).map(|d| (i, d as u32)))
        .collect();
    let read: Vec<usize> = edited.iter().map(|e| e.0).collect();
    let chunk = match tokenize(site, &read, None) {
        Ok(chunk) => chunk,
        Err(e) => return Some(Err(e)),
    };
    c.keep(&chunk, &read);
    let map: Vec<u32> = chunk.vocab.into_iter().map(|w| r.intern(w)).collect();
    let new_words: Vec<Vec<(u32, u8)>> = chunk
        .docs
        .iter()
        .map(|dw| dw.iter().map(|&(l, f)| (map[l as usize], f)).collect())
        .collect();
    // Title stems decide the pair files; a changed one (a standard's code) is a full build.
    let title_stems = |s: Vec<(u32, u8)>| -> Vec<u32> {
        s.into_iter()
            .filter(|e| e.1 & docs::TITLE != 0)
            .map(|e| e.0)
            .collect()
    };
    let same_titles = edited.iter().zip(&new_words).all(|(&(_, d), dw)| {
        let stems: Vec<(u32, u8)> = r.stems_of(dw).into_iter().map(|e| (e.0, e.1)).collect();
        title_stems(stems) == r.titles.of(d)
    });
    if !same_titles {
        c.order = Some((pages, titles, records));
        return None;
    }

    // Stems and prefixes whose documents changed (to rank again), and prefixes whose
    // files list a word whose document count changed.
    let mut stems_hit: BTreeSet<u32> = BTreeSet::new();
    let mut prefixes_hit: BTreeSet<u32> = BTreeSet::new();
    let mut completions_hit: BTreeSet<u32> = BTreeSet::new();
    for (&(_, d), new) in edited.iter().zip(new_words) {
        let old = std::mem::replace(&mut r.doc_words[d as usize], new);
        let new = &r.doc_words[d as usize];
        let (old_stems, new_stems) = (r.stems_of(&old), r.stems_of(new));
        let (old_prefixes, new_prefixes) = (r.prefixes_of(&old), r.prefixes_of(new));
        let mut delta: FxHashMap<u32, i32> = FxHashMap::default();
        for &(w, _) in &old {
            *delta.entry(w).or_default() -= 1;
        }
        for &(w, _) in new {
            *delta.entry(w).or_default() += 1;
        }
        for (w, n) in delta.into_iter().filter(|e| e.1 != 0) {
            let word = &mut r.t.words[w as usize];
            word.df = word
                .df
                .checked_add_signed(n)
                .expect("document counts stay whole");
            completions_hit.extend(word.prefixes.iter().copied());
        }
        // A document's record changed with its front matter: every file naming it.
        for e in old_stems.iter().filter(|e| front || !new_stems.contains(e)) {
            set(&mut r.stem_docs[e.0 as usize], d, None);
            stems_hit.insert(e.0);
        }
        for e in new_stems.iter().filter(|e| front || !old_stems.contains(e)) {
            set(&mut r.stem_docs[e.0 as usize], d, Some(e.1));
            stems_hit.insert(e.0);
        }
        for e in old_prefixes
            .iter()
            .filter(|e| front || !new_prefixes.contains(e))
        {
            set(&mut r.prefix_docs[e.0 as usize], d, None);
            prefixes_hit.insert(e.0);
        }
        for e in new_prefixes
            .iter()
            .filter(|e| front || !old_prefixes.contains(e))
        {
            set(&mut r.prefix_docs[e.0 as usize], d, Some(e.1));
            prefixes_hit.insert(e.0);
        }
    }
    let stems_hit: Vec<u32> = stems_hit.into_iter().collect();
    let prefixes_hit: Vec<u32> = prefixes_hit.into_iter().collect();
    let (stem_tops, prefix_tops): (Vec<Top>, Vec<Top>) = rayon::join(
        || {
            stems_hit
                .par_iter()
                .map(|&s| r.stem_top(s, &titles))
                .collect()
        },
        || {
            prefixes_hit
                .par_iter()
                .map(|&p| r.prefix_top(p, &titles))
                .collect()
        },
    );
    for (&s, top) in stems_hit.iter().zip(stem_tops) {
        r.top[s as usize] = top;
    }
    for (&p, top) in prefixes_hit.iter().zip(prefix_tops) {
        r.prefix_top[p as usize] = top;
    }
    if timings {
        eprintln!(
            "    index: ranked again {:.3} s",
            t0.elapsed().as_secs_f64()
        );
    }

    // The word and prefix files to make again, with their stems or prefixes.
    let mut word_names: BTreeSet<String> = BTreeSet::new();
    for &s in &stems_hit {
        let name = word_file_name(&r.t.stems.stems[s as usize]);
        let list = r.word_files.entry(name.clone()).or_default();
        if !list.contains(&s) {
            list.push(s);
        }
        word_names.insert(name);
    }
    let mut prefix_names: BTreeSet<String> = BTreeSet::new();
    for &p in prefixes_hit.iter().chain(&completions_hit) {
        let name = text::file_name(&r.t.prefix_text[p as usize]);
        let list = r.prefix_files.entry(name.clone()).or_default();
        if !list.contains(&p) {
            list.push(p);
        }
        prefix_names.insert(name);
    }
    let made: Vec<(String, Option<Vec<u8>>)> = {
        let r = &r;
        let t = &r.t;
        let words = |name: &String| {
            let ids = &r.word_files[name];
            let any = ids.iter().any(|&s| r.top[s as usize].count > 0);
            let forms = |s: u32| forms_of(r.stem_words[s as usize].iter().copied(), &t.words);
            let file = any
                .then(|| word_file(name, ids, &t.stems.stems, &r.top, &t.words, &records, forms).1);
            (format!("w/{name}.json"), file)
        };
        let prefixes = |name: &String| {
            let ids = &r.prefix_files[name];
            let any = ids.iter().any(|&p| r.prefix_top[p as usize].count > 0);
            let file = any.then(|| {
                prefix_file(name, ids, &t.prefix_text, &r.prefix_top, &t.words, &records).1
            });
            (format!("p/{name}.json"), file)
        };
        let word_names: Vec<&String> = word_names.iter().collect();
        let prefix_names: Vec<&String> = prefix_names.iter().collect();
        word_names
            .par_iter()
            .map(|n| words(n))
            .chain(prefix_names.par_iter().map(|n| prefixes(n)))
            .collect()
    };
    if timings {
        eprintln!(
            "    index: words and prefixes {:.3} s",
            t0.elapsed().as_secs_f64()
        );
    }
    // Pair files hold the edited documents' records (front matter), or may be needed or
    // not any more where the best documents of one of their stems changed.
    let docs: Vec<u32> = if front {
        edited.iter().map(|e| e.1).collect()
    } else {
        Vec::new()
    };
    let pair_files = c.pairs.as_mut().expect("checked above").update(
        &r.t.stems.stems,
        &r.top,
        &r.titles,
        &records,
        &stems_hit,
        &docs,
    );
    // Filter files are made whole: they are few and quick.
    let filters = filter_files(site, &pages, &records);
    r.files.retain(|name, _| !name.starts_with("f/"));
    let mut bytes: HashMap<String, Vec<u8>> = HashMap::new();
    let made = made
        .into_iter()
        .chain(pair_files)
        .chain(filters.into_iter().map(|(n, b)| (n, Some(b))));
    for (name, file) in made {
        match file {
            Some(b) => {
                r.files.insert(name.clone(), (file_hash(&b), b.len()));
                bytes.insert(name, b);
            }
            None => {
                r.files.remove(&name);
            }
        }
    }
    let mut files = Vec::with_capacity(r.files.len());
    let mut hashes = Vec::with_capacity(r.files.len());
    for (name, (hash, _)) in &r.files {
        files.push((name.clone(), bytes.remove(name).unwrap_or_default()));
        hashes.push(*hash);
    }
    let stats = ShardStats {
        documents: pages.len(),
        stems: r.top.iter().filter(|t| t.count > 0).count(),
        files: files.len(),
        bytes: r.files.values().map(|f| f.1).sum(),
    };
    let dir = super::shards::dir_name(&files, &hashes);
    if timings {
        eprintln!("    index: files made {:.3} s", t0.elapsed().as_secs_f64());
    }
    c.order = Some((pages, titles, records));
    c.ranked = Some(r);
    Some(Ok(Shards {
        dir,
        files,
        hashes,
        stats,
    }))
}
