//! Diagnostics: what an editor reads when content is wrong.
//!
//! Every problem carries the file (relative to the site root), the 1-based line and column,
//! the field path (`extra.apply.steps`), what is wrong and what to do. Messages are Russian:
//! editors read them. They render three ways: human (compiler-style with a source snippet),
//! JSON (a machine-readable list) and GitHub Actions annotations.

use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the content.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine code, e.g. `unknown-key`.
    pub code: &'static str,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Dotted field path, when the problem is about a field.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

impl Diagnostic {
    pub fn new(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_string(),
            line: 1,
            column: 1,
            field: None,
            message: message.into(),
            help: None,
            span: None,
        }
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Place the diagnostic at a byte span of `text` (the whole file).
    pub fn at(mut self, text: &str, span: Range<usize>) -> Self {
        let (line, column) = line_col(text, span.start);
        self.line = line;
        self.column = column;
        self.span = Some(span);
        self
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let mut column = text[line_start..offset].chars().count() + 1;
    // A byte-order mark is invisible to editors: do not count it.
    if line_start == 0 && text.starts_with('\u{feff}') && offset > 0 {
        column -= 1;
    }
    (line, column)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Suggest the closest candidate to a misspelt word, if one is close enough.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_lc = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let c_lc = c.to_lowercase();
        // Edit distance relative to length catches typos in long slugs without
        // suggesting every slug that merely shares a prefix.
        let edits = strsim::normalized_damerau_levenshtein(&word_lc, &c_lc);
        let jw = strsim::jaro_winkler(&word_lc, &c_lc);
        let score = edits.max(if jw >= 0.9 { jw - 0.1 } else { 0.0 });
        if score > best.map(|b| b.0).unwrap_or(0.0) {
            best = Some((score, c));
        }
    }
    best.filter(|(score, _)| *score >= 0.66)
        .map(|(_, c)| c.to_string())
}

/// Sort by file, then position, then message, so output is stable across runs.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
}

/// Output format of `socnav check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Render diagnostics in the requested format. `root` is used to read source lines for
/// the human format.
pub fn render(diags: &[Diagnostic], format: Format, root: &Path, color: bool) -> String {
    match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(diags).expect("diagnostics serialise");
            s.push('\n');
            s
        }
        Format::Github => diags.iter().map(github_line).collect(),
        Format::Human => render_human(diags, root, color),
    }
}

fn github_line(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut text = d.message.clone();
    if let Some(f) = &d.field {
        text = format!("{f}: {text}");
    }
    if let Some(h) = &d.help {
        text.push_str(". ");
        text.push_str(h);
    }
    format!(
        "::{level} file={},line={},col={},title={}::{}\n",
        gh_escape_prop(&d.file),
        d.line,
        d.column,
        gh_escape_prop(d.code),
        gh_escape_data(&text)
    )
}

fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_escape_prop(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn render_human(diags: &[Diagnostic], root: &Path, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut cache: Option<(String, String)> = None;
    for d in diags {
        let level = match d.severity {
            Severity::Error => Level::ERROR.with_name("ошибка"),
            Severity::Warning => Level::WARNING.with_name("предупреждение"),
        };
        let title = match &d.field {
            Some(f) => format!("{} (поле {f})", d.message),
            None => d.message.clone(),
        };
        if cache.as_ref().map(|c| &c.0) != Some(&d.file) {
            let text = std::fs::read(root.join(&d.file))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            cache = Some((d.file.clone(), text));
        }
        let text = &cache.as_ref().expect("cache set").1;
        let title = level.primary_title(title).id(d.code);
        let path = d.file.clone();
        let group = if let Some(span) = d
            .span
            .clone()
            .filter(|s| s.end <= text.len() && !text.is_empty())
        {
            let (src, range, first_line) = excerpt(text, span);
            title.element(
                Snippet::source(src)
                    .line_start(first_line)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(range)),
            )
        } else {
            title.element(
                Snippet::<annotate_snippets::Annotation>::source("")
                    .path(format!("{path}:{}:{}", d.line, d.column)),
            )
        };
        let mut report: Vec<Group> = vec![group];
        if let Some(h) = &d.help {
            report.push(Group::with_title(
                Level::HELP
                    .with_name("что сделать")
                    .secondary_title(h.clone()),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The lines around a span, with the span re-based onto the excerpt.
fn excerpt(text: &str, span: Range<usize>) -> (&str, Range<usize>, usize) {
    let start = text[..span.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    // Show at most the first line of a multi-line span.
    let line_end = text[span.start..]
        .find('\n')
        .map(|i| span.start + i)
        .unwrap_or(text.len());
    // Windows line endings: leave the carriage return out of the excerpt.
    let line_end = if text[..line_end].ends_with('\r') {
        line_end - 1
    } else {
        line_end
    };
    let end = span.end.min(line_end).max(span.start);
    let src = &text[start..line_end.max(start)];
    let first_line = text[..start].bytes().filter(|&b| b == b'\n').count() + 1;
    let mut range = (span.start - start)..(end - start);
    if range.is_empty() {
        // Point at one whole character (the span may sit before a multi-byte letter).
        match src[range.start..].chars().next() {
            Some(c) => range.end = range.start + c.len_utf8(),
            None => {
                if let Some(c) = src[..range.start].chars().next_back() {
                    range.start -= c.len_utf8();
                }
            }
        }
    }
    (src, range, first_line)
}

/// A path relative to root, with forward slashes, for messages.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.to_string_lossy().replace('\\', "/")
}

/// Russian plural form: `plural(n, "ошибка", "ошибки", "ошибок")`.
pub fn plural<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let n100 = n % 100;
    let n10 = n % 10;
    if (11..=14).contains(&n100) {
        many
    } else if n10 == 1 {
        one
    } else if (2..=4).contains(&n10) {
        few
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "а = 1\nбб = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        let off = text.find("бб").unwrap();
        assert_eq!(line_col(text, off), (2, 1));
        let off = text.find("= 2").unwrap();
        assert_eq!(line_col(text, off), (2, 4));
    }

    #[test]
    fn bom_and_crlf_do_not_shift_or_show() {
        let text = "\u{feff}+++\r\nform = \"x\"\r\n";
        assert_eq!(line_col(text, 3), (1, 1));
        let off = text.find("\"x\"").unwrap();
        let (src, range, line) = excerpt(text, off..off + 3);
        assert_eq!((src, &src[range], line), ("form = \"x\"", "\"x\"", 2));
    }

    #[test]
    fn excerpts_never_split_a_letter() {
        let text = "Привет\n";
        let (src, range, _) = excerpt(text, 0..0);
        assert_eq!(&src[range], "П");
        let (src, range, _) = excerpt(text, 12..12);
        assert_eq!(&src[range], "т");
    }

    #[test]
    fn suggests_close_words_only() {
        let c = ["providers", "standards", "reviewed"];
        assert_eq!(did_you_mean("provders", c).as_deref(), Some("providers"));
        assert_eq!(did_you_mean("zzz", c), None);
    }

    #[test]
    fn russian_plurals() {
        assert_eq!(plural(1, "ошибка", "ошибки", "ошибок"), "ошибка");
        assert_eq!(plural(3, "ошибка", "ошибки", "ошибок"), "ошибки");
        assert_eq!(plural(11, "ошибка", "ошибки", "ошибок"), "ошибок");
        assert_eq!(plural(25, "ошибка", "ошибки", "ошибок"), "ошибок");
    }

    #[test]
    fn github_annotation_escapes() {
        let d = Diagnostic::new("x", "a,b.md", "строка\nдве").field("extra.x");
        let line = github_line(&d);
        assert!(
            line.starts_with("::error file=a%2Cb.md,line=1,col=1,title=x::extra.x: строка%0Aдве")
        );
    }
}
