//! The words of each search document: read from the page (its fields and the start of
//! its body), or remembered from the last build (`WordCache`, kept by `serve`).

use rustc_hash::FxHashMap;

use super::docs;
use super::text;
use crate::model::Site;

/// The words of one document: (chunk-local word id, field weight).
pub(super) type DocWords = Vec<(u32, u8)>;

pub(super) struct Chunk {
    pub(super) vocab: Vec<String>,
    pub(super) docs: Vec<DocWords>,
}

/// The words of every document as last read, kept by `serve` between builds: after an
/// edit that changed only some bodies, only those documents are read and split again.
#[derive(Default)]
pub struct WordCache {
    /// Words, each stored once; `docs` refer to them by number.
    words: Vec<String>,
    ids: FxHashMap<String, u32>,
    /// Per page (index into `site.pages`): its words in order of first use, with their
    /// field weights, as `tokenize` found them.
    pub(super) docs: Vec<Option<Vec<(u32, u8)>>>,
    /// The documents of the last build in index order, their title numbers and their
    /// result records (all from front matter only).
    pub(super) order: Option<super::shards::Order>,
    /// The pairs of title stems of the last build (`pairs::PairIndex`).
    pub(super) pairs: Option<super::pairs::PairIndex>,
    /// The ranking of the last build (`patch`).
    pub(super) ranked: Option<super::patch::Ranked>,
}

impl WordCache {
    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(w.to_string());
        self.ids.insert(w.to_string(), id);
        id
    }
}

impl WordCache {
    /// Remember the words of a chunk's documents (`pages`, in order).
    pub(super) fn keep(&mut self, chunk: &Chunk, pages: &[usize]) {
        let missing: Vec<usize> = (0..pages.len())
            .filter(|&n| self.docs[pages[n]].is_none())
            .collect();
        if missing.is_empty() {
            return;
        }
        let mut map: Vec<Option<u32>> = vec![None; chunk.vocab.len()];
        for n in missing {
            let words = chunk.docs[n]
                .iter()
                .map(|&(local, fields)| {
                    let cid = match map[local as usize] {
                        Some(cid) => cid,
                        None => {
                            let cid = self.intern(&chunk.vocab[local as usize]);
                            map[local as usize] = Some(cid);
                            cid
                        }
                    };
                    (cid, fields)
                })
                .collect();
            self.docs[pages[n]] = Some(words);
        }
    }
}

/// Read and split the documents of one chunk (those not in `cache`).
pub(super) fn tokenize(
    site: &Site,
    pages: &[usize],
    cache: Option<&WordCache>,
) -> Result<Chunk, String> {
    let mut vocab: Vec<String> = Vec::new();
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    // Per word: the last document that used it (+1) and its weight there.
    let mut mark: Vec<u32> = Vec::new();
    let mut weight: Vec<u8> = Vec::new();
    let mut docs = Vec::with_capacity(pages.len());
    // Cached words: cache number → chunk number. A word first met in a document read
    // afresh may get a second chunk number here; both lead to the same word when the
    // chunk is merged, so the index is the same as when every document is read.
    let mut cached_ids: FxHashMap<u32, u32> = FxHashMap::default();
    for (n, &i) in pages.iter().enumerate() {
        if let Some(words) = cache.and_then(|c| c.docs.get(i)?.as_ref()) {
            let c = cache.expect("cache present");
            docs.push(
                words
                    .iter()
                    .map(|&(cid, fields)| {
                        let local = *cached_ids.entry(cid).or_insert_with(|| {
                            vocab.push(c.words[cid as usize].clone());
                            mark.push(0);
                            weight.push(0);
                            vocab.len() as u32 - 1
                        });
                        (local, fields)
                    })
                    .collect(),
            );
            continue;
        }
        let page = &site.pages[i];
        let body = if page.body.is_empty() {
            String::new()
        } else {
            // A record's body is indexed only up to its first RECORD_BODY_BYTES.
            let max = match page.kind {
                Some(_) => docs::RECORD_BODY_BYTES,
                None => usize::MAX,
            };
            crate::render::read_body_prefix(&site.root.join(&page.rel), page.body.clone(), max)
                .map_err(|e| format!("{}: {e}", page.rel))?
        };
        let stamp = n as u32 + 1;
        let mut used: Vec<u32> = Vec::new();
        for (fields, part) in docs::fields(site, page, &body).parts {
            text::each_word(&part, |w| {
                let id = match ids.get(w) {
                    Some(&id) => id,
                    None => {
                        if text::is_stop_word(w) {
                            return;
                        }
                        let id = vocab.len() as u32;
                        ids.insert(w.to_string(), id);
                        vocab.push(w.to_string());
                        mark.push(0);
                        weight.push(0);
                        id
                    }
                };
                let k = id as usize;
                if mark[k] != stamp {
                    mark[k] = stamp;
                    weight[k] = 0;
                    used.push(id);
                }
                weight[k] |= fields;
            });
        }
        docs.push(
            used.into_iter()
                .map(|id| (id, weight[id as usize]))
                .collect(),
        );
    }
    Ok(Chunk { vocab, docs })
}
