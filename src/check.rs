//! `socnav check`: everything wrong with the content, in one run.

use std::path::Path;

use crate::diagnostics::{self, plural, Diagnostic, Format, Severity};
use crate::model::date::Date;

pub struct CheckOutcome {
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
}

impl CheckOutcome {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

/// Load and validate. `Err` is a problem that stops everything (no config, no content/).
pub fn check(root: &Path) -> Result<CheckOutcome, Box<Diagnostic>> {
    let loaded = crate::load::load(root).map_err(|f| f.0)?;
    let outcome = crate::pipeline::run(&loaded, Date::today(), None);
    Ok(CheckOutcome {
        files: outcome.files,
        diagnostics: outcome.diags,
    })
}

/// The report printed to the editor, ending with a one-line verdict.
pub fn report(outcome: &CheckOutcome, format: Format, root: &Path, color: bool) -> String {
    let mut out = diagnostics::render(&outcome.diagnostics, format, root, color);
    if format == Format::Human {
        let n = outcome.errors();
        let files = outcome.files;
        if n == 0 {
            out.push_str(&format!(
                "Ошибок нет: проверено {files} {}.\n",
                plural(files, "файл", "файла", "файлов")
            ));
        } else {
            let in_files = {
                let mut f: Vec<&str> = outcome
                    .diagnostics
                    .iter()
                    .map(|d| d.file.as_str())
                    .collect();
                f.dedup();
                f.len()
            };
            out.push_str(&format!(
                "Найдено {n} {} в {in_files} {} из {files}. Исправьте их и запустите socnav check снова.\n",
                plural(n, "ошибка", "ошибки", "ошибок"),
                plural(in_files, "файле", "файлах", "файлах"),
            ));
        }
    }
    out
}
