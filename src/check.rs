//! `socnav check`: everything wrong with the content, in one run.

use std::path::Path;

use crate::diagnostics::{self, plural, Diagnostic, Format};
use crate::model::date::Date;
use crate::pipeline::Outcome;

/// Load and validate. `Err` is a problem that stops everything (no config, no content/).
/// `strict` also fails on stale records and scores under the threshold set in
/// config.toml (`[extra.quality]`).
pub fn check(root: &Path, strict: bool) -> Result<Outcome, Box<Diagnostic>> {
    let loaded = crate::load::load(root).map_err(|f| f.0)?;
    let today = Date::today();
    if !strict {
        return Ok(crate::pipeline::run(&loaded, today, None));
    }
    let (mut outcome, site) = crate::pipeline::run_to_site(&loaded, today, false, false);
    if let Some(site) = site {
        outcome
            .diags
            .extend(crate::quality::strict_diagnostics(&site));
        diagnostics::sort(&mut outcome.diags);
    }
    Ok(outcome)
}

/// The report printed to the editor, ending with a one-line verdict.
pub fn report(outcome: &Outcome, format: Format, root: &Path, color: bool) -> String {
    let mut out = diagnostics::render(&outcome.diags, format, root, color);
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
                let mut f: Vec<&str> = outcome.diags.iter().map(|d| d.file.as_str()).collect();
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
