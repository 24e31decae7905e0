//! Stage 5: the search indexes.
//!
//! - [`shards`]: socnav's own index for slow connections. The words of a query decide
//!   which small files to fetch (no manifest), all at once, and each file carries what
//!   the first results need. Format: `docs/search-index.md`.
//! - [`zola`]: Zola's elasticlunr index (`search_index.ru.json`/`.js`), when
//!   `build_search_index = true`, so Zola themes' search scripts keep working.
//!
//! [`text`] holds the analysis both share with the browser script.

pub mod docs;
mod files;
mod pairs;
mod patch;
pub mod shards;
pub mod text;
mod words;
pub mod zola;

use std::collections::BTreeSet;
use std::path::Path;

pub use pairs::pair_key;
pub use shards::{build_shards, ShardStats, Shards, Since};
pub use words::WordCache;

use rayon::prelude::*;

use crate::model::Site;
use crate::write::{Staging, WriteError};

/// An empty shard, which hosts can serve for index files that do not exist (netlify.toml
/// does), so that a word found nowhere costs a few bytes instead of the 404 page.
pub const NONE_FILE: &str = "search/none.json";

/// Both indexes of a site, in memory until written.
pub struct Indexes {
    pub shards: Shards,
    pub zola: Vec<(String, Vec<u8>)>,
}

/// Build the indexes. Runs before rendering: pages name the index folder.
pub fn build(site: &Site) -> Result<Indexes, String> {
    let (shards, zola) = rayon::join(|| build_shards(site), || zola::build(site));
    Ok(Indexes {
        shards: shards?,
        zola: zola?,
    })
}

/// `build`, keeping every document's words in `cache` for `build_after_edits`.
pub fn build_filling(site: &Site, cache: &mut WordCache) -> Result<Indexes, String> {
    let (shards, zola) = rayon::join(
        || shards::build_shards_filling(site, cache),
        || zola::build(site),
    );
    Ok(Indexes {
        shards: shards?,
        zola: zola?,
    })
}

/// `build` after the edit `since` the cache was filled.
pub fn build_after_edits(
    site: &Site,
    cache: &mut WordCache,
    since: shards::Since,
) -> Result<Indexes, String> {
    let (shards, zola) = rayon::join(
        || shards::build_shards_after_edits(site, cache, since),
        || zola::build(site),
    );
    Ok(Indexes {
        shards: shards?,
        zola: zola?,
    })
}

impl Indexes {
    /// No index at all (for measuring what the index costs).
    pub fn empty() -> Indexes {
        Indexes {
            shards: Shards {
                dir: "search/none/".into(),
                files: Vec::new(),
                hashes: Vec::new(),
                stats: ShardStats::default(),
            },
            zola: Vec::new(),
        }
    }

    /// URL path of the sharded index folder, for templates: `<base path>/search/<hash>/`.
    pub fn url(&self) -> String {
        format!("/{}", self.shards.dir)
    }

    /// The index once written: names, hashes and figures kept, the files' bytes dropped.
    pub fn written(mut self) -> Indexes {
        for (_, bytes) in &mut self.shards.files {
            *bytes = Vec::new();
        }
        for (_, bytes) in &mut self.zola {
            *bytes = Vec::new();
        }
        self
    }

    pub fn write(&self, out: &Staging) -> Result<(), WriteError> {
        self.shards
            .files
            .par_iter()
            .map(|(name, bytes)| (format!("{}{name}", self.shards.dir), bytes))
            .chain(self.zola.par_iter().map(|(n, b)| (n.clone(), b)))
            .chain(rayon::iter::once((
                NONE_FILE.to_string(),
                &br#"{"s":[],"d":[]}"#.to_vec(),
            )))
            .try_for_each(|(name, bytes)| out.write(&name, bytes))
    }
}

/// Every distinct normalised word in the text files under `content/` and `data/`, with
/// its stem, sorted. `socnav stems` prints it for the stemmer agreement test.
pub fn vocabulary(root: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut words = BTreeSet::new();
    for dir in ["content", "data"] {
        let dir = root.join(dir);
        if dir.is_dir() {
            collect_words(&dir, &mut words)?;
        }
    }
    let stemmer = text::russian();
    Ok(words
        .into_iter()
        .map(|w| {
            let s = text::stem(&stemmer, &w);
            (w, s)
        })
        .collect())
}

fn collect_words(dir: &Path, words: &mut BTreeSet<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let ty = entry.file_type()?;
        let path = entry.path();
        if ty.is_dir() {
            collect_words(&path, words)?;
        } else if ty.is_file()
            && path
                .extension()
                .is_some_and(|e| e == "md" || e == "toml" || e == "txt")
        {
            if let Ok(text) = std::fs::read_to_string(&path) {
                text::each_word(&text, |w| {
                    if !words.contains(w) {
                        words.insert(w.to_string());
                    }
                });
            }
        }
    }
    Ok(())
}
