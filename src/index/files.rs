//! The files of the sharded index, made from the ranking (`shards.rs`, `patch.rs`):
//! word files (`w/`), prefix files (`p/`) and filter files (`f/`), with the document
//! table and JSON pieces they share with the pair files (`pairs.rs`).

use std::collections::HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;

use super::shards::{Hit, Top, Word, COMPLETIONS, FORMS, K_FILTER};
use super::text;
use crate::model::Site;
use crate::schema::Kind;

/// A file's document table: doc id → local index, in order of first use.
#[derive(Default)]
pub(super) struct Table {
    local: HashMap<u32, usize>,
    order: Vec<u32>,
}

impl Table {
    pub(super) fn id(&mut self, doc: u32) -> usize {
        let next = self.order.len();
        *self.local.entry(doc).or_insert_with(|| {
            self.order.push(doc);
            next
        })
    }

    pub(super) fn finish(self, body: &mut String, records: &[String]) {
        body.push_str("],\"d\":[");
        for (n, d) in self.order.iter().enumerate() {
            if n > 0 {
                body.push(',');
            }
            body.push_str(&records[*d as usize]);
        }
        body.push_str("]}");
    }
}

pub(super) fn json(s: &str) -> String {
    crate::json::to_string(s)
}

/// Append the words with these ids as a comma-separated list of JSON strings.
fn push_words(body: &mut String, ids: &[u32], words: &[Word]) {
    for (i, w) in ids.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&json(&words[*w as usize].text));
    }
}

/// Close a word list and write the hits: `],"p":[[doc, fields, extra], ...]}`, where
/// `extra` is what the file kind says about the hit's words.
pub(super) fn push_hits(
    body: &mut String,
    table: &mut Table,
    hits: &[Hit],
    extra: impl Fn(&Hit) -> u32,
) {
    body.push_str("],\"p\":[");
    for (i, h) in hits.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        let _ = write!(body, "[{},{},{}]", table.id(h.doc), h.fields, extra(h));
    }
    body.push_str("]}");
}

/// The word forms of a stem (its words `ids`), commonest first; words no document has
/// any more (kept by `serve` between edits) are left out.
pub(super) fn forms_of(ids: impl Iterator<Item = u32>, words: &[Word]) -> Vec<u32> {
    let mut f: Vec<u32> = ids.filter(|&w| words[w as usize].df > 0).collect();
    f.sort_by(|a, b| {
        words[*b as usize]
            .df
            .cmp(&words[*a as usize].df)
            .then_with(|| words[*a as usize].text.cmp(&words[*b as usize].text))
    });
    f.truncate(FORMS);
    f
}

/// The words of each stem.
pub(super) fn words_by_stem(stem_count: usize, words: &[Word]) -> Vec<Vec<u32>> {
    let mut by: Vec<Vec<u32>> = vec![Vec::new(); stem_count];
    for (id, w) in words.iter().enumerate() {
        by[w.stem as usize].push(id as u32);
    }
    by
}

/// The name of the word file of a stem.
pub(super) fn word_file_name(stem: &str) -> String {
    text::file_name(&text::skeleton(stem))
}

/// The stems of each word file (with documents).
pub(super) fn word_file_stems(stems: &[String], tops: &[Top]) -> HashMap<String, Vec<u32>> {
    let mut by_file: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, stem) in stems.iter().enumerate() {
        if tops[id].count > 0 {
            by_file
                .entry(word_file_name(stem))
                .or_default()
                .push(id as u32);
        }
    }
    by_file
}

pub(super) fn word_files(
    stems: &[String],
    tops: &[Top],
    words: &[Word],
    records: &[String],
) -> Vec<(String, Vec<u8>)> {
    let by_stem = words_by_stem(stems.len(), words);
    let mut out: Vec<(String, Vec<u8>)> = word_file_stems(stems, tops)
        .into_par_iter()
        .map(|(name, ids)| {
            let forms = |s: u32| forms_of(by_stem[s as usize].iter().copied(), words);
            word_file(&name, &ids, stems, tops, words, records, forms)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The word file `name` of the stems `ids` (those with documents), whose forms `forms` gives.
pub(super) fn word_file(
    name: &str,
    ids: &[u32],
    stems: &[String],
    tops: &[Top],
    words: &[Word],
    records: &[String],
    forms: impl Fn(u32) -> Vec<u32>,
) -> (String, Vec<u8>) {
    // By sound skeleton, then stem: the same order whatever numbers the stems got.
    let mut entries: Vec<(String, u32)> = ids
        .iter()
        .filter(|&&id| tops[id as usize].count > 0)
        .map(|&id| (text::skeleton(&stems[id as usize]), id))
        .collect();
    entries.sort_by(|a, b| (&a.0, &stems[a.1 as usize]).cmp(&(&b.0, &stems[b.1 as usize])));
    let mut table = Table::default();
    let mut body = String::from("{\"s\":[");
    for (n, (key, id)) in entries.iter().enumerate() {
        if n > 0 {
            body.push(',');
        }
        let id = *id as usize;
        let f = forms(id as u32);
        let _ = write!(
            body,
            "{{\"k\":{},\"t\":{},\"n\":{},\"f\":[",
            json(key),
            json(&stems[id]),
            tops[id].count
        );
        push_words(&mut body, &f, words);
        // Per hit, the mask of the listed forms it contains.
        push_hits(&mut body, &mut table, &tops[id].hits, |h| {
            h.words
                .iter()
                .filter_map(|w| f.iter().position(|x| x == w))
                .fold(0, |m, bit| m | (1 << bit))
        });
    }
    table.finish(&mut body, records);
    (format!("w/{name}.json"), body.into_bytes())
}

/// The prefixes of each prefix file (with documents).
pub(super) fn prefix_file_ids(prefixes: &[String], tops: &[Top]) -> HashMap<String, Vec<u32>> {
    let mut by_file: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, p) in prefixes.iter().enumerate() {
        if tops[id].count > 0 {
            by_file
                .entry(text::file_name(p))
                .or_default()
                .push(id as u32);
        }
    }
    by_file
}

pub(super) fn prefix_files(
    prefixes: &[String],
    tops: &[Top],
    words: &[Word],
    records: &[String],
) -> Vec<(String, Vec<u8>)> {
    prefix_file_ids(prefixes, tops)
        .into_par_iter()
        .map(|(name, ids)| prefix_file(&name, &ids, prefixes, tops, words, records))
        .collect()
}

/// The prefix file `name` of the prefixes `ids` (those with documents).
pub(super) fn prefix_file(
    name: &str,
    ids: &[u32],
    prefixes: &[String],
    tops: &[Top],
    words: &[Word],
    records: &[String],
) -> (String, Vec<u8>) {
    let mut ids: Vec<usize> = ids
        .iter()
        .map(|&id| id as usize)
        .filter(|&id| tops[id].count > 0)
        .collect();
    ids.sort_by(|a, b| prefixes[*a].cmp(&prefixes[*b]));
    let mut table = Table::default();
    let mut body = String::from("{\"s\":[");
    for (n, id) in ids.iter().enumerate() {
        if n > 0 {
            body.push(',');
        }
        let top = &tops[*id];
        // Completions: the words of the kept hits, commonest first (then by spelling,
        // whatever numbers the words got).
        let mut comp: Vec<u32> = top.hits.iter().map(|h| h.words[0]).collect();
        comp.sort_by(|a, b| {
            let (wa, wb) = (&words[*a as usize], &words[*b as usize]);
            wb.df.cmp(&wa.df).then_with(|| wa.text.cmp(&wb.text))
        });
        comp.dedup();
        comp.truncate(COMPLETIONS);
        let _ = write!(
            body,
            "{{\"k\":{},\"n\":{},\"w\":[",
            json(&prefixes[*id]),
            top.count
        );
        push_words(&mut body, &comp, words);
        // Per hit, which completion it is.
        push_hits(&mut body, &mut table, &top.hits, |h| {
            comp.iter().position(|w| *w == h.words[0]).unwrap_or(0) as u32
        });
    }
    table.finish(&mut body, records);
    (format!("p/{name}.json"), body.into_bytes())
}

/// Filter keys: `kind/<kind>` and `<taxonomy>/<term>`.
pub(super) fn filter_files(
    site: &Site,
    pages: &[usize],
    records: &[String],
) -> Vec<(String, Vec<u8>)> {
    let mut lists: Vec<(String, String, Vec<u32>)> = Vec::new();
    for kind in Kind::ALL {
        let docs: Vec<u32> = pages
            .iter()
            .enumerate()
            .filter(|(_, &i)| site.pages[i].kind == Some(kind))
            .map(|(d, _)| d as u32)
            .collect();
        let url = site
            .sections
            .iter()
            .find(|s| s.kind == Some(kind))
            .map(|s| s.url.clone())
            .unwrap_or_default();
        if !docs.is_empty() {
            lists.push((format!("kind/{}", kind.name()), url, docs));
        }
    }
    let position: HashMap<usize, u32> = pages
        .iter()
        .enumerate()
        .map(|(d, &i)| (i, d as u32))
        .collect();
    for tax in &site.taxonomies {
        for (term, members) in &tax.terms {
            let mut docs: Vec<u32> = members
                .iter()
                .filter_map(|i| position.get(i).copied())
                .collect();
            docs.sort_unstable();
            if !docs.is_empty() {
                lists.push((
                    format!("{}/{term}", tax.name),
                    format!("/{}/{term}/", tax.name),
                    docs,
                ));
            }
        }
    }
    let mut by_file: HashMap<String, Vec<usize>> = HashMap::new();
    for (n, (key, _, _)) in lists.iter().enumerate() {
        by_file.entry(text::file_name(key)).or_default().push(n);
    }
    by_file
        .into_iter()
        .map(|(name, ids)| {
            let mut table = Table::default();
            let mut body = String::from("{\"s\":[");
            for (n, id) in ids.iter().enumerate() {
                let (key, url, docs) = &lists[*id];
                if n > 0 {
                    body.push(',');
                }
                let _ = write!(
                    body,
                    "{{\"k\":{},\"n\":{},\"u\":{},\"p\":[",
                    json(key),
                    docs.len(),
                    json(url)
                );
                for (i, d) in docs.iter().take(K_FILTER).enumerate() {
                    if i > 0 {
                        body.push(',');
                    }
                    let _ = write!(body, "{}", table.id(*d));
                }
                body.push_str("]}");
            }
            table.finish(&mut body, records);
            (format!("f/{name}.json"), body.into_bytes())
        })
        .collect()
}
