//! Scores summed up: per kind, per provider (the services it delivers), per category and
//! per region, the distribution of scores, the stale records and the most common gaps.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{criterion, Freshness, Score};
use crate::model::Site;
use crate::schema::Kind;

/// A group of records (a kind, a provider's services, a category, a region).
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Term key or provider slug (empty for a whole kind).
    pub key: String,
    pub title: String,
    pub url: Option<String>,
    pub records: usize,
    /// Mean score, rounded.
    pub mean: u32,
    /// Lowest score in the group.
    pub min: u32,
    /// Records that are stale.
    pub stale: usize,
}

/// How often a criterion is missed.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub kind: Kind,
    pub key: &'static str,
    pub label: &'static str,
    pub fix: &'static str,
    pub records: usize,
    /// Share of the kind's records that miss it, in whole percent.
    pub percent: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub warn_months: u32,
    pub stale_months: u32,
    pub min_score: u32,
    pub kinds: Vec<Group>,
    /// Per kind: counts of scores in ten bands (0–9, 10–19, …, 90–100).
    pub distribution: Vec<(Kind, [usize; 10])>,
    pub by_provider: Vec<Group>,
    pub by_category: Vec<Group>,
    pub by_region: Vec<Group>,
    pub gaps: Vec<Gap>,
    /// Indexes into the scores of records that are stale or aging, oldest first.
    pub outdated: Vec<usize>,
    /// Indexes into the scores below `min_score`, lowest first.
    pub below: Vec<usize>,
}

fn group<'a>(
    key: &str,
    title: &str,
    url: Option<&str>,
    scores: impl Iterator<Item = &'a Score>,
) -> Group {
    let (mut n, mut sum, mut min, mut stale) = (0usize, 0u64, 100u32, 0usize);
    for s in scores {
        n += 1;
        sum += u64::from(s.score);
        min = min.min(s.score);
        stale += usize::from(s.freshness == Freshness::Stale);
    }
    Group {
        key: key.to_string(),
        title: title.to_string(),
        url: url.map(str::to_string),
        records: n,
        mean: if n == 0 {
            0
        } else {
            ((sum + n as u64 / 2) / n as u64) as u32
        },
        min: if n == 0 { 0 } else { min },
        stale,
    }
}

/// The Russian name of a scored kind, as a heading of `socnav report` (pages take it
/// from the translation tables: `Labels::kind_title`).
pub fn kind_title(k: Kind) -> &'static str {
    match k {
        Kind::Service => "Меры поддержки",
        Kind::Provider => "Организации",
        Kind::Standard => "Стандарты",
        Kind::Situation => "Жизненные ситуации",
    }
}

pub fn summarise(site: &Site, scores: &[Score]) -> Summary {
    let t = site.settings.quality;
    let of_kind = |k: Kind| scores.iter().filter(move |s| s.kind == k);
    let scored = [Kind::Service, Kind::Provider];
    let kinds = scored
        .iter()
        .map(|&k| group(k.name(), kind_title(k), None, of_kind(k)))
        .collect();
    let distribution = scored
        .iter()
        .map(|&k| {
            let mut bands = [0usize; 10];
            for s in of_kind(k) {
                bands[(s.score as usize / 10).min(9)] += 1;
            }
            (k, bands)
        })
        .collect();
    // Services by page index, to sum them per provider.
    let by_page: BTreeMap<usize, &Score> = scores.iter().map(|s| (s.page, s)).collect();
    let mut by_provider: Vec<Group> = scores
        .iter()
        .filter(|s| s.kind == Kind::Provider)
        .map(|s| {
            let services = site.pages[s.page]
                .links
                .services
                .iter()
                .filter_map(|i| by_page.get(i).copied());
            group(&s.slug, &s.title, Some(&s.url), services)
        })
        .filter(|g| g.records > 0)
        .collect();
    by_provider.sort_by(|a, b| a.mean.cmp(&b.mean).then(a.title.cmp(&b.title)));
    let terms = |taxonomy: &str| -> Vec<Group> {
        let mut members: BTreeMap<&str, Vec<&Score>> = BTreeMap::new();
        for s in of_kind(Kind::Service) {
            let p = &site.pages[s.page];
            let keys = match taxonomy {
                "categories" => &p.taxonomies.categories,
                _ => &p.taxonomies.regions,
            };
            for k in keys {
                members.entry(k).or_default().push(s);
            }
        }
        let mut groups: Vec<Group> = members
            .into_iter()
            .map(|(k, v)| {
                let url = site
                    .config
                    .has_taxonomy(taxonomy)
                    .then(|| format!("/{taxonomy}/{}/", crate::model::paths::url_segment(k)));
                group(
                    k,
                    &site.term_title(taxonomy, k),
                    url.as_deref(),
                    v.into_iter(),
                )
            })
            .collect();
        groups.sort_by(|a, b| a.mean.cmp(&b.mean).then(a.title.cmp(&b.title)));
        groups
    };
    let mut gaps: Vec<Gap> = Vec::new();
    for &k in &scored {
        let total = of_kind(k).count();
        let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
        for s in of_kind(k) {
            for g in &s.gaps {
                *counts.entry(g).or_default() += 1;
            }
        }
        for (key, n) in counts {
            let c = criterion(k, key).expect("gaps are rubric keys");
            gaps.push(Gap {
                kind: k,
                key,
                label: c.label,
                fix: c.fix,
                records: n,
                percent: ((n * 100 + total / 2) / total.max(1)) as u32,
            });
        }
    }
    gaps.sort_by(|a, b| b.records.cmp(&a.records).then(a.key.cmp(b.key)));
    let mut outdated: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i].freshness != Freshness::Fresh)
        .collect();
    outdated.sort_by(|&a, &b| {
        scores[a]
            .reviewed
            .cmp(&scores[b].reviewed)
            .then(scores[a].title.cmp(&scores[b].title))
    });
    let mut below: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i].score < t.min_score)
        .collect();
    below.sort_by(|&a, &b| {
        scores[a]
            .score
            .cmp(&scores[b].score)
            .then(scores[a].title.cmp(&scores[b].title))
    });
    Summary {
        warn_months: t.warn_months,
        stale_months: t.stale_months,
        min_score: t.min_score,
        kinds,
        distribution,
        by_provider,
        by_category: terms("categories"),
        by_region: terms("regions"),
        gaps,
        outdated,
        below,
    }
}
