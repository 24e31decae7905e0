//! The public information-quality page `/quality/` (theme template `quality.html`): the
//! rubric, the distribution of scores, scores by category, region and provider, the
//! records that need checking and the most common gaps. Charts are SVG drawn here.

use serde::Serialize;

use super::charts;
use super::{RenderError, Renderer};
use crate::quality::summary::{summarise, Group};
use crate::quality::{rubric, Freshness};
use crate::schema::Kind;

/// The page's address.
pub(super) const URL: &str = "/quality/";
/// Every score, summed and per record, for download (the `socnav report --format csv` table).
const CSV: &str = "/quality/scores.csv";
/// Rows shown in each list on the page; the CSV has them all.
const LIMIT: usize = 100;
/// Bars drawn in a chart (the lowest groups come first).
const BARS: usize = 20;

/// A criterion of the rubric, in the site's language.
#[derive(Serialize)]
struct Criterion<'a> {
    label: &'a str,
    points: u32,
    fix: &'a str,
}

#[derive(Serialize)]
struct Band {
    label: String,
    count: usize,
}

#[derive(Serialize)]
struct KindCtx<'a> {
    key: &'static str,
    title: &'a str,
    group: Group,
    rubric: Vec<Criterion<'a>>,
    max: u32,
    histogram: String,
    bands: Vec<Band>,
    gaps: Vec<GapCtx<'a>>,
}

#[derive(Serialize)]
struct GapCtx<'a> {
    label: &'a str,
    records: usize,
    percent: u32,
}

#[derive(Serialize)]
struct RecordCtx<'a> {
    title: String,
    url: String,
    kind: &'static str,
    score: u32,
    reviewed: Option<String>,
    freshness: Freshness,
    freshness_label: &'a str,
}

#[derive(Serialize)]
struct QualityCtx<'a> {
    warn_months: u32,
    stale_months: u32,
    min_score: u32,
    kinds: Vec<KindCtx<'a>>,
    by_category: Vec<Group>,
    category_chart: String,
    by_region: Vec<Group>,
    by_provider: Vec<Group>,
    provider_chart: String,
    outdated: Vec<RecordCtx<'a>>,
    below: Vec<RecordCtx<'a>>,
    /// Totals of the lists cut to `LIMIT` rows on the page.
    outdated_total: usize,
    below_total: usize,
    providers_total: usize,
    limit: usize,
    csv: &'static str,
}

impl Renderer<'_> {
    /// Write `/quality/` when the theme has a `quality.html` template.
    pub(super) fn quality(&self) -> Result<(), RenderError> {
        if !self.tera.contains_template("quality.html") {
            return Ok(());
        }
        let site = self.site;
        let labels = &site.labels;
        let words = &labels.words;
        let scores = &self.scores;
        let s = summarise(site, scores);
        let record = |&i: &usize| {
            let r = &scores[i];
            RecordCtx {
                title: r.title.clone(),
                url: r.url.clone(),
                kind: r.kind.name(),
                score: r.score,
                reviewed: r.reviewed.clone(),
                freshness: r.freshness,
                freshness_label: labels.freshness(r.freshness),
            }
        };
        let kinds = s
            .kinds
            .iter()
            .map(|g| {
                let kind = Kind::from_name(&g.key).expect("kind groups are keyed by kind");
                let criteria = rubric::of(kind).expect("scored kinds have a rubric");
                let bands = s
                    .distribution
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map(|(_, b)| *b)
                    .unwrap_or_default();
                let title = labels.kind_title(kind);
                KindCtx {
                    key: kind.name(),
                    title,
                    group: Group {
                        title: title.to_string(),
                        ..g.clone()
                    },
                    rubric: criteria
                        .iter()
                        .zip(labels.rubric(kind))
                        .map(|(c, t)| Criterion {
                            label: &t.label,
                            points: c.points,
                            fix: &t.fix,
                        })
                        .collect(),
                    max: criteria.iter().map(|c| c.points).sum(),
                    histogram: charts::histogram(
                        &words.histogram_title.replace("{kind}", title),
                        &words.chart_axis,
                        &bands,
                    ),
                    bands: bands
                        .iter()
                        .enumerate()
                        .map(|(i, &count)| Band {
                            label: charts::band_label(i),
                            count,
                        })
                        .collect(),
                    gaps: s
                        .gaps
                        .iter()
                        .filter(|x| x.kind == kind)
                        .map(|x| GapCtx {
                            label: labels
                                .criterion(kind, x.key)
                                .map_or(x.label, |c| c.label.as_str()),
                            records: x.records,
                            percent: x.percent,
                        })
                        .collect(),
                }
            })
            .collect();
        let threshold = words
            .chart_threshold
            .replace("{min}", &s.min_score.to_string());
        let chart = |title: &str, groups: &[Group]| {
            let rows: Vec<(String, u32)> = groups
                .iter()
                .take(BARS)
                .map(|g| (g.title.clone(), g.mean))
                .collect();
            charts::bars(title, &rows, s.min_score, &threshold)
        };
        let q = QualityCtx {
            warn_months: s.warn_months,
            stale_months: s.stale_months,
            min_score: s.min_score,
            kinds,
            category_chart: chart(&words.category_chart_title, &s.by_category),
            provider_chart: chart(&words.provider_chart_title, &s.by_provider),
            by_category: s.by_category.clone(),
            by_region: s.by_region.clone(),
            by_provider: s.by_provider.iter().take(LIMIT).cloned().collect(),
            outdated: s.outdated.iter().take(LIMIT).map(record).collect(),
            below: s.below.iter().take(LIMIT).map(record).collect(),
            outdated_total: s.outdated.len(),
            below_total: s.below.len(),
            providers_total: s.by_provider.len(),
            limit: LIMIT,
            csv: CSV,
        };
        self.out.write(
            CSV.trim_start_matches('/'),
            crate::quality::report::csv(&s, scores).as_bytes(),
        )?;
        let mut ctx = self.ctx(URL);
        ctx.insert("quality", &q);
        self.render_page("quality.html", &ctx, URL)
    }
}
