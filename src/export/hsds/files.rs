//! The large files of the HSDS export, written as the records are made: `services.json`
//! and every CSV table stay open while the services are mapped chunk by chunk, so that
//! ten thousand services never sit in memory as text at once. Paths are checked by the
//! staging folder and files are created new, as every other output file.

use super::tables::{Table, COUNT};
use crate::write::{Sink, Staging};

/// A JSON file holding one page of HSDS's API `Page`, every object in `contents`.
pub struct PageFile {
    sink: Sink,
    first: bool,
}

impl PageFile {
    /// `total` is the number of objects the page will hold.
    pub fn create(out: &Staging, rel: &str, total: usize) -> Result<PageFile, String> {
        let mut sink = out.create(rel)?;
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
        Ok(self.sink.put(json.as_bytes())?)
    }

    /// `push`, remembering where the object lies under `key` (`write::Layout`).
    pub fn push_piece(&mut self, key: usize, json: &str) -> Result<(), String> {
        if !self.first {
            self.sink.put(b",")?;
        }
        self.first = false;
        Ok(self.sink.piece(key, json.as_bytes())?)
    }

    pub fn finish(mut self) -> Result<(), String> {
        self.sink.put(b"]}")?;
        Ok(self.sink.finish()?)
    }
}

/// Every CSV table, open, each begun with its header.
pub struct TableFiles(Vec<Sink>);

impl TableFiles {
    pub fn create(out: &Staging, dir: &str, tables: &[Table]) -> Result<TableFiles, String> {
        let sinks = tables
            .iter()
            .map(|t| {
                let mut sink = out.create(&format!("{dir}/{}", t.path))?;
                sink.put(t.header().as_bytes())?;
                Ok(sink)
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(TableFiles(sinks))
    }

    /// Append one record's rows of every table, remembering where they lie under `key`
    /// (`write::Layout`; none may be empty, and still have a place).
    pub fn put(&mut self, key: usize, rows: &[String; COUNT]) -> Result<(), String> {
        for (sink, rows) in self.0.iter_mut().zip(rows) {
            sink.piece(key, rows.as_bytes())?;
        }
        Ok(())
    }

    pub fn finish(self) -> Result<(), String> {
        Ok(self.0.into_iter().try_for_each(Sink::finish)?)
    }
}
