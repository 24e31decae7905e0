//! When each content file was added and last changed, from git history (`git log`, run
//! once per build). Outside a git repository, or without git, there are no dates and
//! pages fall back to their `updated`/`date` fields.
//!
//! In a shallow clone the oldest fetched commit seems to add every file, so the dates it
//! gives are not trusted: files changed only there fall back too, and no file gets an
//! "added" date (fetch the full history, `git fetch --unshallow`, for those).

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::model::date::Date;

/// Dates of files under `content/`, keyed by their path relative to the site root.
#[derive(Debug, Default, Clone)]
pub struct FileDates {
    dates: HashMap<String, Dates>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    /// The commit that added the file (None in a shallow clone).
    pub added: Option<Date>,
    /// The last commit that changed it.
    pub changed: Date,
}

impl FileDates {
    pub fn get(&self, rel: &str) -> Option<Dates> {
        self.dates.get(rel).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout).ok()
}

/// Read the dates of every file under `<root>/content` from git history.
pub fn file_dates(root: &Path) -> FileDates {
    let Some(log) = git(
        root,
        &[
            "-c",
            "core.quotepath=off",
            "log",
            "--format=%x01%cs",
            "--name-only",
            "--no-renames",
            "--relative",
            "--",
            "content",
        ],
    ) else {
        return FileDates::default();
    };
    let shallow =
        git(root, &["rev-parse", "--is-shallow-repository"]).is_some_and(|s| s.trim() == "true");
    parse(&log, shallow)
}

/// Parse `git log --format=%x01%cs --name-only` (newest commit first).
fn parse(log: &str, shallow: bool) -> FileDates {
    // Per file: (newest commit index, its date, oldest commit index, its date).
    let mut seen: HashMap<&str, (usize, Date, usize, Date)> = HashMap::new();
    let mut commit: Option<(usize, Date)> = None;
    let mut count = 0;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\u{1}') {
            commit = Date::parse(date.trim()).map(|d| (count, d));
            count += 1;
        } else if !line.trim().is_empty() {
            if let Some((i, d)) = commit {
                seen.entry(line)
                    .and_modify(|e| (e.2, e.3) = (i, d))
                    .or_insert((i, d, i, d));
            }
        }
    }
    let boundary = count.saturating_sub(1);
    let dates = seen
        .into_iter()
        .filter(|(_, (newest, ..))| !(shallow && *newest == boundary))
        .map(|(path, (_, changed, _, added))| {
            (
                path.to_string(),
                Dates {
                    added: (!shallow).then_some(added),
                    changed,
                },
            )
        })
        .collect();
    FileDates { dates }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "\u{1}2026-11-20\n\ncontent/services/a.md\n\u{1}2026-10-01\n\ncontent/services/a.md\ncontent/services/b.md\n\u{1}2026-09-01\n\ncontent/services/c.md\ncontent/services/a.md\n";

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn newest_commit_is_the_change_oldest_the_addition() {
        let f = parse(LOG, false);
        assert_eq!(
            f.get("content/services/a.md"),
            Some(Dates {
                added: Some(d("2026-09-01")),
                changed: d("2026-11-20")
            })
        );
        assert_eq!(
            f.get("content/services/b.md").unwrap().changed,
            d("2026-10-01")
        );
        assert_eq!(
            f.get("content/services/c.md").unwrap().changed,
            d("2026-09-01")
        );
        assert_eq!(f.get("content/services/x.md"), None);
    }

    #[test]
    fn a_shallow_clone_trusts_no_date_from_its_oldest_commit() {
        let f = parse(LOG, true);
        // c.md is only in the boundary commit: unknown.
        assert_eq!(f.get("content/services/c.md"), None);
        let a = f.get("content/services/a.md").unwrap();
        assert_eq!((a.added, a.changed), (None, d("2026-11-20")));
    }
}
