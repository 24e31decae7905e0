//! Writing the open data again after edits to the front matter of some records (the
//! preview's quick path, `serve`). The pages, their order and their kinds are those of
//! the last build, so each large file keeps its shape: only the pieces of the records
//! the edit reaches change (`write::Layout` says where each lies). Those are made
//! again; everything else is copied from the last build's file by the kernel.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::{catalogue_head, csv, hsds, record_pieces, write_record, HEAD};
use crate::model::Site;
use crate::schema::Kind;
use crate::write::{Layout, Staging};

/// Write into `out` the open-data files that change when the pages `redo` are made
/// again, from the files of the last build in `old` and their `layouts` (updated to
/// those of the new files).
pub fn rewrite(
    site: &Site,
    old: &Path,
    out: &Staging,
    layouts: &mut [Layout],
    redo: &[usize],
) -> Result<(), String> {
    let mut new: HashMap<String, HashMap<usize, String>> = HashMap::new();
    let mut add = |file: String, key: usize, bytes: String| {
        new.entry(file).or_default().insert(key, bytes);
    };
    add("opendata/catalogue.json".into(), HEAD, catalogue_head(site));
    let records: Vec<(usize, Kind, String, String)> = redo
        .par_iter()
        .filter_map(|&i| {
            let kind = site.pages[i].kind?;
            let (text, row) = record_pieces(site, &site.pages[i], &csv::Columns::of(kind))?;
            Some(write_record(site, out, i, &text).map(|()| (i, kind, text, row)))
        })
        .collect::<Result<_, String>>()?;
    for (i, kind, text, row) in records {
        add("opendata/catalogue.json".into(), i, text);
        add(format!("opendata/{}.csv", kind.section()), i, row);
    }
    for (file, key, bytes) in hsds::pieces(site, out, redo)? {
        add(file, key, bytes);
    }
    layouts
        .par_iter_mut()
        .filter_map(|l| new.get(&l.rel).map(|pieces| (l, pieces)))
        .try_for_each(|(l, pieces)| {
            // Most files hold none of what the edit changed: those stay as they are.
            let changed = changed_pieces(old, l, pieces)?;
            if changed.is_empty() {
                return Ok(());
            }
            splice(old, out, l, &changed)
        })
}

/// The `pieces` that differ from the bytes they replace in the last build's file.
fn changed_pieces<'a>(
    old: &Path,
    layout: &Layout,
    pieces: &'a HashMap<usize, String>,
) -> Result<HashMap<usize, &'a String>, String> {
    use std::os::unix::fs::FileExt;
    let path = old.join(&layout.rel);
    let file = std::fs::File::open(&path)
        .map_err(|e| format!("не удалось прочитать {}: {e}", path.display()))?;
    let mut changed = HashMap::new();
    let mut buf = Vec::new();
    for (key, r) in &layout.pieces {
        let Some(new) = pieces.get(key) else { continue };
        let same = new.len() as u64 == r.end - r.start && {
            buf.resize(new.len(), 0);
            file.read_exact_at(&mut buf, r.start)
                .map_err(|e| format!("не удалось прочитать {}: {e}", path.display()))?;
            buf == new.as_bytes()
        };
        if !same {
            changed.insert(*key, new);
        }
    }
    Ok(changed)
}

/// Write the file of `layout` with `pieces` in place of the old ones, copying the rest
/// from the file in `old`; `layout` becomes the new file's.
fn splice(
    old: &Path,
    out: &Staging,
    layout: &mut Layout,
    pieces: &HashMap<usize, &String>,
) -> Result<(), String> {
    let path = old.join(&layout.rel);
    let from = std::fs::File::open(&path)
        .map_err(|e| format!("не удалось прочитать {}: {e}", path.display()))?;
    let len = from
        .metadata()
        .map_err(|e| format!("не удалось прочитать {}: {e}", path.display()))?
        .len();
    let mut sink = out.create(&layout.rel)?;
    let mut copy_from = 0u64;
    // Where the copied bytes land, less where they were.
    let mut shift: i64 = 0;
    let mut placed = Vec::with_capacity(layout.pieces.len());
    for (key, r) in &layout.pieces {
        match pieces.get(key) {
            Some(bytes) => {
                sink.put_from(&from, copy_from..r.start)?;
                let start = sink.position();
                sink.put(bytes.as_bytes())?;
                placed.push((*key, start..sink.position()));
                copy_from = r.end;
                shift = sink.position() as i64 - r.end as i64;
            }
            None => {
                let moved = |x: u64| (x as i64 + shift) as u64;
                placed.push((*key, moved(r.start)..moved(r.end)));
            }
        }
    }
    sink.put_from(&from, copy_from..len)?;
    sink.set_layout(placed.clone());
    // The sink would hand its layout to the staging folder: the caller keeps this one.
    sink.finish()?;
    layout.pieces = placed;
    Ok(())
}
