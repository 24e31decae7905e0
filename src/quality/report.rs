//! `socnav report`: the scores as a human-readable report (Russian), JSON or CSV.

use serde::Serialize;

use super::summary::{kind_title, Gap, Group, Summary};
use super::{Freshness, Score};
use crate::diagnostics::plural;
use crate::schema::Kind;

#[derive(Serialize)]
struct Json<'a> {
    warn_months: u32,
    stale_months: u32,
    min_score: u32,
    kinds: &'a [Group],
    distribution: &'a [(Kind, [usize; 10])],
    by_provider: &'a [Group],
    by_category: &'a [Group],
    by_region: &'a [Group],
    gaps: &'a [Gap],
    records: &'a [Score],
}

pub fn json(summary: &Summary, scores: &[Score]) -> String {
    let s = summary;
    serde_json::to_string_pretty(&Json {
        warn_months: s.warn_months,
        stale_months: s.stale_months,
        min_score: s.min_score,
        kinds: &s.kinds,
        distribution: &s.distribution,
        by_provider: &s.by_provider,
        by_category: &s.by_category,
        by_region: &s.by_region,
        gaps: &s.gaps,
        records: scores,
    })
    .expect("a report serialises")
        + "\n"
}

/// One table: a line per record, then per provider, category and region, then per gap.
/// Columns: `level` (record, provider, category, region, gap), `kind`, `key` (slug, term
/// or criterion), `title`, `file`, `url`, `records`, `score` (the record's score or the
/// group's mean; for a gap, the share of records that miss it), `min`, `reviewed`,
/// `freshness`, `gaps` (criterion keys joined with ` | `).
pub fn csv(summary: &Summary, scores: &[Score]) -> String {
    let mut out =
        String::from("level,kind,key,title,file,url,records,score,min,reviewed,freshness,gaps\r\n");
    let mut row = |cells: [&str; 12]| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            crate::export::csv::push_quoted(&mut out, c);
        }
        out.push_str("\r\n");
    };
    for s in scores {
        row([
            "record",
            s.kind.name(),
            &s.slug,
            &s.title,
            &s.file,
            &s.url,
            "1",
            &s.score.to_string(),
            &s.score.to_string(),
            s.reviewed.as_deref().unwrap_or(""),
            freshness_key(s.freshness),
            &s.gaps.join(" | "),
        ]);
    }
    for (level, groups) in [
        ("provider", &summary.by_provider),
        ("category", &summary.by_category),
        ("region", &summary.by_region),
    ] {
        for g in groups {
            row([
                level,
                "service",
                &g.key,
                &g.title,
                "",
                g.url.as_deref().unwrap_or(""),
                &g.records.to_string(),
                &g.mean.to_string(),
                &g.min.to_string(),
                "",
                "",
                "",
            ]);
        }
    }
    for g in &summary.gaps {
        row([
            "gap",
            g.kind.name(),
            g.key,
            g.label,
            "",
            "",
            &g.records.to_string(),
            &g.percent.to_string(),
            "",
            "",
            "",
            "",
        ]);
    }
    out
}

fn freshness_key(f: Freshness) -> &'static str {
    match f {
        Freshness::Fresh => "fresh",
        Freshness::Aging => "aging",
        Freshness::Stale => "stale",
    }
}

fn records_word(k: Kind, n: usize) -> &'static str {
    match k {
        Kind::Service => plural(n, "мера поддержки", "меры поддержки", "мер поддержки"),
        _ => plural(n, "организация", "организации", "организаций"),
    }
}

fn groups(out: &mut String, heading: &str, groups: &[Group]) {
    if groups.is_empty() {
        return;
    }
    out.push_str(&format!(
        "\n{heading} (средняя оценка · худшая · мер · устарело)\n"
    ));
    for g in groups {
        out.push_str(&format!(
            "  {:>3} · {:>3} · {:>4} · {:>3}  {}\n",
            g.mean, g.min, g.records, g.stale, g.title
        ));
    }
}

/// The report for a person: totals, common gaps, sums by group, outdated records, then
/// every record from the lowest score up with what it lacks.
pub fn human(summary: &Summary, scores: &[Score]) -> String {
    let s = summary;
    let mut out = String::from("Качество сведений\n");
    for g in &s.kinds {
        let k = Kind::from_name(&g.key).expect("kind groups are keyed by kind");
        out.push_str(&format!(
            "  {}: {} {}, средняя оценка {} из 100, худшая {}\n",
            kind_title(k),
            g.records,
            records_word(k, g.records),
            g.mean,
            g.min
        ));
    }
    out.push_str(&format!(
        "  Пороги: проверить через {} мес., устаревает через {} мес., минимальная оценка {} (config.toml, [extra.quality])\n",
        s.warn_months, s.stale_months, s.min_score
    ));
    if !s.gaps.is_empty() {
        out.push_str("\nЧаще всего не хватает\n");
        for g in s.gaps.iter().take(10) {
            out.push_str(&format!(
                "  {:>3}% · {} {}: {} — {}\n",
                g.percent,
                g.records,
                records_word(g.kind, g.records),
                g.label,
                g.fix
            ));
        }
    }
    groups(
        &mut out,
        "По организациям: их меры поддержки",
        &s.by_provider,
    );
    groups(&mut out, "По категориям", &s.by_category);
    groups(&mut out, "По регионам", &s.by_region);
    if !s.outdated.is_empty() {
        out.push_str("\nПора проверить и устаревшие\n");
        for &i in &s.outdated {
            let r = &scores[i];
            out.push_str(&format!(
                "  {}  проверено {} — {}\n",
                r.file,
                r.reviewed.as_deref().unwrap_or("не указано"),
                r.freshness.label()
            ));
        }
    }
    out.push_str("\nЗаписи, от низкой оценки к высокой\n");
    let mut order: Vec<&Score> = scores.iter().collect();
    order.sort_by(|a, b| a.score.cmp(&b.score).then(a.file.cmp(&b.file)));
    for r in order {
        out.push_str(&format!("  {:>3}  {}  {}", r.score, r.file, r.title));
        if !r.gaps.is_empty() {
            let labels: Vec<&str> = r
                .gaps
                .iter()
                .filter_map(|g| super::criterion(r.kind, g).map(|c| c.label))
                .collect();
            out.push_str(&format!(" — не хватает: {}", labels.join("; ")));
        }
        out.push('\n');
    }
    let below = s.below.len();
    out.push_str(&format!(
        "\nНиже порога {}: {} {}.\n",
        s.min_score,
        below,
        plural(below, "запись", "записи", "записей")
    ));
    out
}
