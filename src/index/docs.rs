//! What the index knows of each page: the fields it searches, with their weights, and
//! the short record a result is drawn from.

use crate::model::{Page, Record, Site};
use crate::render::translations::labels::Choices;
use crate::schema::Kind;

/// Field weights, as bits: a word's weight in a document is the OR of the fields it
/// occurs in, so comparing weights as numbers ranks title over description over
/// eligibility over the rest.
pub const TITLE: u8 = 8;
pub const DESCRIPTION: u8 = 4;
pub const ELIGIBILITY: u8 = 2;
pub const BODY: u8 = 1;

/// Standards in force come before drafts, and both before withdrawn ones.
pub fn status_rank(page: &Page) -> u8 {
    match &page.record {
        Record::Standard(s) => match s.status.as_str() {
            "in-force" => 0,
            "draft" | "public-discussion" => 1,
            _ => 2,
        },
        _ => 0,
    }
}

/// Kind codes in records, in the order results of equal weight are listed.
pub fn kind_code(kind: Option<Kind>) -> u8 {
    match kind {
        Some(Kind::Service) => 0,
        Some(Kind::Situation) => 1,
        Some(Kind::Provider) => 2,
        Some(Kind::Standard) => 3,
        None => 4,
    }
}

/// How much of a record's Markdown body is indexed (about 1,200 Cyrillic letters).
pub const RECORD_BODY_BYTES: usize = 2400;

/// A description is cut to this many characters in a result.
pub const SUMMARY_CHARS: usize = 110;

/// The searchable text of one page, by weight.
pub struct Fields<'a> {
    pub parts: Vec<(u8, std::borrow::Cow<'a, str>)>,
}

/// The texts of a page by field, the body included.
pub fn fields<'a>(site: &'a Site, page: &'a Page, body: &'a str) -> Fields<'a> {
    use std::borrow::Cow::Borrowed;
    let mut parts = vec![(TITLE, Borrowed(page.title.as_str()))];
    if let Some(d) = &page.description {
        parts.push((DESCRIPTION, Borrowed(d.as_str())));
    }
    for (name, terms) in [
        ("categories", &page.taxonomies.categories),
        ("audiences", &page.taxonomies.audiences),
        ("regions", &page.taxonomies.regions),
    ] {
        let dict = match name {
            "categories" => &site.dicts.categories,
            "audiences" => &site.dicts.audiences,
            _ => &site.dicts.regions,
        };
        for t in terms {
            if let Some(label) = dict.label(t) {
                parts.push((ELIGIBILITY, Borrowed(label)));
            }
        }
    }
    match &page.record {
        Record::Service(s) => {
            for c in &s.eligibility.criteria {
                parts.push((ELIGIBILITY, Borrowed(c.as_str())));
            }
            for d in &s.documents {
                if let Some(n) = &d.name {
                    parts.push((BODY, Borrowed(n.as_str())));
                } else if let Some(label) = d
                    .reference
                    .as_deref()
                    .and_then(|r| site.dicts.documents.label(r))
                {
                    parts.push((BODY, Borrowed(label)));
                }
            }
            parts.push((BODY, Borrowed(s.apply.place.as_str())));
        }
        Record::Provider(p) => {
            for a in &p.activities {
                parts.push((ELIGIBILITY, Borrowed(a.as_str())));
            }
            if let Some(a) = &p.address {
                parts.push((BODY, Borrowed(a.as_str())));
            }
        }
        Record::Standard(s) => {
            // The code is how people name a standard: it weighs as the title.
            parts.push((TITLE, Borrowed(s.code.as_str())));
            if let Some(d) = &s.developer {
                parts.push((BODY, Borrowed(d.as_str())));
            }
        }
        Record::Situation(s) => {
            for step in &s.steps {
                parts.push((ELIGIBILITY, Borrowed(step.title.as_str())));
            }
        }
        Record::Plain => {}
    }
    // A record's body is indexed up to its first RECORD_BODY_BYTES: the part read first,
    // while the rest mostly retells the fields above, which are indexed in full. Plain
    // pages have nothing but their body and are indexed whole.
    let body = if page.kind.is_some() && body.len() > RECORD_BODY_BYTES {
        let mut end = RECORD_BODY_BYTES;
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        &body[..end]
    } else {
        body
    };
    parts.push((BODY, Borrowed(body)));
    Fields { parts }
}

/// The record a result is drawn from, as a JSON array:
/// `[kind, url, title, summary, facts, terms, rank]` (see docs/search-index.md); `rank`
/// is the document's place in the index order, which breaks ties between results.
pub fn record_json(site: &Site, page: &Page, rank: usize) -> String {
    let summary = page
        .description
        .as_deref()
        .map(|d| cut(d, SUMMARY_CHARS))
        .unwrap_or_default();
    let facts = facts(site, page).join(" · ");
    let mut terms = String::new();
    for (code, list) in [
        ('c', &page.taxonomies.categories),
        ('a', &page.taxonomies.audiences),
        ('r', &page.taxonomies.regions),
    ] {
        for t in list {
            if !terms.is_empty() {
                terms.push(' ');
            }
            terms.push(code);
            terms.push(':');
            terms.push_str(t);
        }
    }
    crate::json::to_string(&(
        kind_code(page.kind),
        &page.url,
        &page.title,
        summary,
        facts,
        terms,
        rank,
    ))
}

/// Key facts shown under a result, in the site's language (`site.labels`).
fn facts(site: &Site, page: &Page) -> Vec<String> {
    let labels = &site.labels;
    let mut out = Vec::new();
    match &page.record {
        Record::Service(s) => {
            if let Some(cost) = s
                .cost
                .as_deref()
                .and_then(|c| labels.choice(Choices::Cost, c))
            {
                out.push(cost.to_string());
            }
            out.push(
                labels
                    .words
                    .fact_decision
                    .replace("{decision}", &cut(&s.deadlines.decision, 40)),
            );
            for r in &page.taxonomies.regions {
                if let Some(l) = site.dicts.regions.label(r) {
                    out.push(l.to_string());
                }
            }
        }
        Record::Provider(p) => {
            if let Some(l) = labels.choice(Choices::ProviderType, &p.kind) {
                out.push(l.to_string());
            }
            if let Some(phone) = &p.contacts.phone {
                out.push(phone.clone());
            }
        }
        Record::Standard(s) => {
            out.push(s.code.clone());
            if let Some(l) = labels.choice(Choices::StandardStatus, &s.status) {
                out.push(l.to_string());
            }
        }
        Record::Situation(s) => out.push(
            labels
                .words
                .fact_steps
                .replace("{n}", &s.steps.len().to_string()),
        ),
        Record::Plain => {}
    }
    out
}

/// Cut a text to at most `max` characters at a word boundary, with an ellipsis.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut end = text
        .char_indices()
        .nth(max)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    if let Some(space) = text[..end].rfind(' ') {
        end = space;
    }
    format!(
        "{}…",
        text[..end].trim_end_matches([',', ';', ':', ' ', '—'])
    )
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn cut_at_word_boundary() {
        assert_eq!(cut("короткий текст", 50), "короткий текст");
        assert_eq!(
            cut("пособие на ребёнка, выплата", 20),
            "пособие на ребёнка…"
        );
    }
}
