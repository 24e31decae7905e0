//! The large files of the HSDS export, written as the records are made: `services.json`
//! and every CSV table stay open while the services are mapped chunk by chunk, so that
//! ten thousand services never sit in memory as text at once. Paths are checked by the
//! staging folder and files are created new, as every other output file.

use std::fs::File;
use std::io::{BufWriter, Write};

use super::tables::{Table, COUNT};
use crate::write::Staging;

/// An output file open for writing.
pub struct Sink {
    w: BufWriter<File>,
    rel: String,
}

impl Sink {
    pub fn create(out: &Staging, rel: &str) -> Result<Sink, String> {
        let path = out.resolve(rel).map_err(|e| e.0)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("не удалось создать {}: {e}", parent.display()))?;
        }
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| format!("не удалось создать {}: {e}", path.display()))?;
        Ok(Sink {
            w: BufWriter::with_capacity(1 << 17, file),
            rel: rel.to_string(),
        })
    }

    pub fn put(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.w
            .write_all(bytes)
            .map_err(|e| format!("не удалось записать {}: {e}", self.rel))
    }

    pub fn finish(mut self) -> Result<(), String> {
        self.w
            .flush()
            .map_err(|e| format!("не удалось записать {}: {e}", self.rel))
    }
}

/// A JSON file holding one page of HSDS's API `Page`, every object in `contents`.
pub struct PageFile {
    sink: Sink,
    first: bool,
}

impl PageFile {
    /// `total` is the number of objects the page will hold.
    pub fn create(out: &Staging, rel: &str, total: usize) -> Result<PageFile, String> {
        let mut sink = Sink::create(out, rel)?;
        sink.put(
            format!(
                "{{\"total_items\":{total},\"total_pages\":1,\"page_number\":1,\
                 \"size\":{total},\"first_page\":true,\"last_page\":true,\
                 \"empty\":{},\"contents\":[",
                total == 0
            )
            .as_bytes(),
        )?;
        Ok(PageFile { sink, first: true })
    }

    pub fn push(&mut self, json: &str) -> Result<(), String> {
        if !self.first {
            self.sink.put(b",")?;
        }
        self.first = false;
        self.sink.put(json.as_bytes())
    }

    pub fn finish(mut self) -> Result<(), String> {
        self.sink.put(b"]}")?;
        self.sink.finish()
    }
}

/// Every CSV table, open, each begun with its header.
pub struct TableFiles(Vec<Sink>);

impl TableFiles {
    pub fn create(out: &Staging, dir: &str, tables: &[Table]) -> Result<TableFiles, String> {
        let sinks = tables
            .iter()
            .map(|t| {
                let mut sink = Sink::create(out, &format!("{dir}/{}", t.path))?;
                sink.put(t.header().as_bytes())?;
                Ok(sink)
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(TableFiles(sinks))
    }

    /// Append one record's rows of every table.
    pub fn put(&mut self, rows: &[String; COUNT]) -> Result<(), String> {
        for (sink, rows) in self.0.iter_mut().zip(rows) {
            if !rows.is_empty() {
                sink.put(rows.as_bytes())?;
            }
        }
        Ok(())
    }

    pub fn finish(self) -> Result<(), String> {
        self.0.into_iter().try_for_each(Sink::finish)
    }
}
