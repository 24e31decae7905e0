//! Information quality: every service and provider scored against a published rubric
//! (`rubric.rs`), with the freshness of `extra.reviewed`; summed per provider, category
//! and region (`summary.rs`) for `socnav report` (`report.rs`), `socnav check --strict`
//! and the public page `/quality/`.

pub mod report;
pub mod rubric;
pub mod summary;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::date::Date;
use crate::model::{Page, Site};
use crate::schema::Kind;
use rubric::{Criterion, FRESHNESS};

/// Thresholds from `[extra.quality]` in config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// A record checked longer ago than this many months gets a warning.
    pub warn_months: u32,
    /// A record checked longer ago than this many months is stale.
    pub stale_months: u32,
    /// `check --strict` fails on scores below this (0–100).
    pub min_score: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            warn_months: 6,
            stale_months: 12,
            min_score: 60,
        }
    }
}

/// How current a record is, from `extra.reviewed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Freshness {
    Fresh,
    /// Older than `warn_months`: check it soon.
    Aging,
    /// Older than `stale_months`.
    Stale,
}

impl Freshness {
    pub fn of(reviewed: Option<Date>, today: Date, t: &Thresholds) -> Freshness {
        match reviewed {
            Some(d) if d >= today.months_before(t.warn_months) => Freshness::Fresh,
            Some(d) if d >= today.months_before(t.stale_months) => Freshness::Aging,
            _ => Freshness::Stale,
        }
    }

    /// In Russian, for `socnav report` (pages take it from the translation tables:
    /// `Labels::freshness`).
    pub fn label(self) -> &'static str {
        match self {
            Freshness::Fresh => "актуально",
            Freshness::Aging => "пора проверить",
            Freshness::Stale => "устарело",
        }
    }

    /// The share of the freshness criterion's points a record earns.
    fn points(self, of: u32) -> u32 {
        match self {
            Freshness::Fresh => of,
            Freshness::Aging => of / 2,
            Freshness::Stale => 0,
        }
    }
}

/// One record's score.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    pub kind: Kind,
    pub slug: String,
    pub title: String,
    /// The source file, relative to the site root.
    pub file: String,
    pub url: String,
    /// Points earned and the most the record could earn (criteria that apply).
    pub points: u32,
    pub max: u32,
    /// `points` as a whole percentage of `max`.
    pub score: u32,
    pub reviewed: Option<String>,
    pub freshness: Freshness,
    /// Keys of the criteria the record misses (fully or, for freshness, partly).
    pub gaps: Vec<&'static str>,
    /// Index of the page in the site model.
    #[serde(skip)]
    pub page: usize,
}

/// Score one page against its kind's rubric (`None` for kinds that are not scored).
pub fn score(site: &Site, page: usize, t: &Thresholds) -> Option<Score> {
    let p: &Page = &site.pages[page];
    let rubric: &[Criterion] = rubric::of(p.kind?)?;
    let freshness = Freshness::of(p.reviewed, site.today, t);
    let (mut points, mut max, mut gaps) = (0, 0, Vec::new());
    for c in rubric {
        let Some(met) = (c.test)(site, p) else {
            continue;
        };
        max += c.points;
        let earned = match (c.key, met) {
            (FRESHNESS, true) => freshness.points(c.points),
            (_, true) => c.points,
            (_, false) => 0,
        };
        points += earned;
        if earned < c.points {
            gaps.push(c.key);
        }
    }
    Some(Score {
        kind: p.kind?,
        slug: p.slug.clone(),
        title: p.title.clone(),
        file: p.rel.clone(),
        url: p.url.clone(),
        points,
        max,
        score: (points * 100 + max / 2).checked_div(max).unwrap_or(100),
        reviewed: p.reviewed.map(|d| d.to_string()),
        freshness,
        gaps,
        page,
    })
}

/// Every scored record, in page order.
pub fn score_site(site: &Site) -> Vec<Score> {
    let t = site.settings.quality;
    (0..site.pages.len())
        .into_par_iter()
        .filter_map(|i| score(site, i, &t))
        .collect()
}

/// The criterion of a kind with this key.
pub fn criterion(kind: Kind, key: &str) -> Option<&'static Criterion> {
    rubric::of(kind)?.iter().find(|c| c.key == key)
}

/// Load, check and model the content of a site, for scoring. `Err` carries the
/// diagnostics that stop it and the exit code: 2 when the site cannot be read (no
/// config.toml, no content/), 1 for content errors.
pub fn load_site(
    root: &std::path::Path,
) -> Result<Site, (Vec<crate::diagnostics::Diagnostic>, i32)> {
    let loaded = crate::load::load(root).map_err(|f| (vec![*f.0], 2))?;
    let today = Date::today();
    let (outcome, site) = crate::pipeline::run_to_site(&loaded, today, false, false);
    match site {
        Some(site) => Ok(site),
        None => Err((
            outcome
                .diags
                .into_iter()
                .filter(|d| d.severity == crate::diagnostics::Severity::Error)
                .collect(),
            1,
        )),
    }
}

/// What `check --strict` adds: an error for each stale record (at its `reviewed` line)
/// and for each score under the threshold (listing what is missing).
pub fn strict_diagnostics(site: &Site) -> Vec<crate::diagnostics::Diagnostic> {
    use crate::diagnostics::Diagnostic;
    let t = site.settings.quality;
    let scores = score_site(site);
    let mut diags = Vec::new();
    for s in &scores {
        let stale = s.freshness == Freshness::Stale;
        let low = s.score < t.min_score;
        if !stale && !low {
            continue;
        }
        // The record's file again, for where its keys are written.
        let file = crate::load::read_content_file(
            &site.root,
            &site.root.join("content"),
            &site.root.join(&s.file),
        )
        .ok();
        let at = |d: Diagnostic, key: &str| match file
            .as_ref()
            .and_then(|f| Some((f, f.key_span(key)?)))
        {
            Some((f, span)) => d.at(&f.text, span),
            None => d,
        };
        if stale {
            let d = Diagnostic::new(
                "stale",
                &s.file,
                match &s.reviewed {
                    Some(r) => format!(
                        "сведения устарели: последняя проверка {r}, больше {} мес. назад",
                        t.stale_months
                    ),
                    None => "не указана дата проверки сведений".to_string(),
                },
            )
            .field("extra.reviewed")
            .help("сверьте запись с источниками (extra.sources) и запишите в extra.reviewed дату проверки");
            diags.push(at(d, "extra.reviewed"));
        }
        if low {
            let missing: Vec<String> = s
                .gaps
                .iter()
                .filter_map(|g| criterion(s.kind, g))
                .map(|c| format!("{} ({})", c.label, c.fix))
                .collect();
            let d = Diagnostic::new(
                "low-score",
                &s.file,
                format!(
                    "полнота сведений {} из 100, ниже порога {} (config.toml, [extra.quality] min_score)",
                    s.score, t.min_score
                ),
            )
            .help(format!("не хватает: {}", missing.join("; ")));
            diags.push(at(d, "title"));
        }
    }
    diags
}
