//! Template contexts: small, precomputed, and exactly what `docs/templates.md` promises.
//! Every field is always present (absent values are `none`), because Tera 2 treats a
//! missing field as an error.

use serde::Serialize;

use crate::model::date::Date;
use crate::model::records::{Contacts, Service};
use crate::model::{Page, Record, Site};
use crate::schema::{Dict, Kind};

use super::translations::labels::Choices;

#[derive(Debug, Clone, Serialize)]
pub struct TermCtx {
    pub key: String,
    pub title: String,
    pub description: Option<String>,
    pub url: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub kind: &'static str,
    pub kind_label: String,
    pub title: String,
    pub description: Option<String>,
    pub url: String,
    pub level: Option<String>,
    pub level_label: Option<String>,
    pub form_label: Option<String>,
    /// Form and level, joined by " · " for a card's meta line (made here once: building
    /// it in the card template cost 6% of a build).
    pub meta: Option<String>,
    pub region_titles: Vec<String>,
    /// The same titles joined by ", ", and the keys by " ", as cards print them (joining
    /// in the template, once per card in every list, cost 5% of a build).
    pub region_titles_text: String,
    pub regions_attr: String,
    /// Region keys, for the script that marks measures of the visitor's region.
    pub regions: Vec<String>,
    /// A service's key facts for lists: cost, decision time, where to apply.
    pub facts: Option<CardFacts>,
    /// Keys the directory script sorts and filters providers and standards by.
    pub sort: Option<SortKeys>,
    /// A provider's postal address and `geo:` link, so that a list of providers is
    /// also their map for readers without JavaScript.
    pub address: Option<String>,
    pub geo_href: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SortKeys {
    /// Provider type or standard type, with its label.
    pub kind: String,
    pub kind_label: String,
    /// Standard status.
    pub status: Option<String>,
    /// First field of activity and target group (titles), for ordering.
    pub category: Option<String>,
    pub audience: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CardFacts {
    pub cost_label: Option<String>,
    pub decision: String,
    #[serde(rename = "where")]
    pub place: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactsCtx {
    pub phone: Option<String>,
    pub phone_href: Option<String>,
    pub email: Option<String>,
    pub email_href: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    pub name: String,
    pub url: String,
}

/// Everything shared by all page contexts.
#[derive(Debug, Serialize)]
pub struct Base<'a> {
    pub kind: &'static str,
    pub slug: &'a str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub url: &'a str,
    pub permalink: String,
    pub content: String,
    pub date: Option<String>,
    pub date_human: Option<String>,
    pub updated: Option<String>,
    pub updated_human: Option<String>,
    pub reviewed: Option<String>,
    pub reviewed_human: Option<String>,
    /// When the source file last changed: git history, else `updated` (or `date`).
    pub changed: Option<String>,
    pub changed_human: Option<String>,
    pub attachments: Vec<Attachment>,
    /// «Предложить правку»: the source file in the repository's web editor.
    pub edit_url: Option<String>,
    /// schema.org JSON-LD of a record, escaped for a script element.
    pub jsonld: Option<String>,
    /// The record as open data (`/opendata/<kind>/<slug>.json`).
    pub json_url: Option<String>,
}

pub fn iso(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

pub fn base<'a>(site: &'a Site, p: &'a Page, content: String) -> Base<'a> {
    let changed = super::feeds::file_changed(p);
    let labels = &site.labels;
    let human = |d: Option<Date>| d.map(|d| labels.date(d));
    Base {
        kind: p.kind.map(Kind::name).unwrap_or("page"),
        slug: &p.slug,
        title: &p.title,
        description: p.description.as_deref(),
        url: &p.url,
        permalink: format!("{}{}", site.config.base(), p.url),
        content,
        date: iso(p.date),
        date_human: human(p.date),
        updated: iso(p.updated),
        updated_human: human(p.updated),
        reviewed: iso(p.reviewed),
        reviewed_human: human(p.reviewed),
        changed: iso(changed),
        changed_human: human(changed),
        attachments: p
            .attachments
            .iter()
            .map(|(name, _)| Attachment {
                name: name.clone(),
                url: format!("{}{}", p.url, name),
            })
            .collect(),
        edit_url: edit_url(site, p),
        jsonld: super::jsonld::for_page(site, p),
        json_url: p.kind.map(|k| crate::export::record_url(k, &p.slug)),
    }
}

/// `<repository>/edit/<branch>/<file>` (GitHub, Gitea and Forgejo take this form).
fn edit_url(site: &Site, p: &Page) -> Option<String> {
    let s = &site.settings;
    let repo = s.repository.as_deref()?;
    let path: String = p
        .rel
        .split('/')
        .map(crate::model::paths::url_segment)
        .collect::<Vec<_>>()
        .join("/");
    Some(format!("{repo}/edit/{}/{path}", s.repository_branch))
}

/// `8 800 100-00-01` → `tel:+78001000001`. Only the first number of a list is linked.
pub fn tel_href(phone: &str) -> Option<String> {
    let first = phone.split([',', ';']).next().unwrap_or(phone);
    let plus = first.trim_start().starts_with('+');
    let digits: String = first.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 3 {
        return None;
    }
    Some(if plus {
        format!("tel:+{digits}")
    } else if digits.len() == 11 && digits.starts_with('8') {
        format!("tel:+7{}", &digits[1..])
    } else {
        format!("tel:{digits}")
    })
}

pub fn contacts(c: &Contacts) -> ContactsCtx {
    ContactsCtx {
        phone: c.phone.clone(),
        phone_href: c.phone.as_deref().and_then(tel_href),
        email: c.email.clone(),
        email_href: c.email.as_ref().map(|e| format!("mailto:{e}")),
        url: c.url.clone(),
    }
}

pub fn term_url(taxonomy: &str, key: &str) -> String {
    format!("/{taxonomy}/{key}/")
}

/// Terms of a taxonomy as the templates see them. `count` is filled by the caller.
pub fn terms(site: &Site, taxonomy: &str, keys: &[String]) -> Vec<TermCtx> {
    let dict = Dict::taxonomy(taxonomy).map(|d| site.dicts.get(d));
    keys.iter()
        .map(|k| {
            let t = dict.and_then(|d| d.get(k));
            TermCtx {
                key: k.clone(),
                title: t.map(|t| t.title.clone()).unwrap_or_else(|| k.clone()),
                description: t.and_then(|t| t.description.clone()),
                url: term_url(taxonomy, k),
                count: site
                    .taxonomies
                    .iter()
                    .find(|x| x.name == taxonomy)
                    .and_then(|x| x.terms.get(k))
                    .map(Vec::len)
                    .unwrap_or(0),
            }
        })
        .collect()
}

pub fn summary(site: &Site, p: &Page) -> Summary {
    let labels = &site.labels;
    let label = |set: Choices, value: &str| labels.choice(set, value).map(str::to_owned);
    let (level, level_label, form_label) = match &p.record {
        Record::Service(s) => (
            Some(s.level.clone()),
            label(Choices::Level, &s.level),
            label(Choices::Form, &s.form),
        ),
        Record::Provider(pr) => (None, None, label(Choices::ProviderType, &pr.kind)),
        Record::Standard(st) => (None, None, label(Choices::StandardStatus, &st.status)),
        _ => (None, None, None),
    };
    let meta = [form_label.as_deref(), level_label.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<&str>>()
        .join(" · ");
    let region_titles: Vec<String> = p
        .taxonomies
        .regions
        .iter()
        .map(|r| {
            site.dicts
                .regions
                .get(r)
                .map(|t| t.title.clone())
                .unwrap_or_else(|| r.clone())
        })
        .collect();
    Summary {
        kind: p.kind.map(Kind::name).unwrap_or("page"),
        kind_label: labels.kind(p.kind).to_owned(),
        title: p.title.clone(),
        description: p.description.clone(),
        url: p.url.clone(),
        level,
        level_label,
        form_label,
        meta: (!meta.is_empty()).then_some(meta),
        region_titles_text: region_titles.join(", "),
        region_titles,
        regions_attr: p.taxonomies.regions.join(" "),
        regions: p.taxonomies.regions.clone(),
        facts: match &p.record {
            Record::Service(s) => Some(CardFacts {
                cost_label: label(Choices::Cost, s.cost.as_deref().unwrap_or("free")),
                decision: s.deadlines.decision.clone(),
                place: s.apply.place.clone(),
            }),
            _ => None,
        },
        sort: match &p.record {
            Record::Provider(pr) => Some(SortKeys {
                kind: pr.kind.clone(),
                kind_label: label(Choices::ProviderType, &pr.kind)
                    .unwrap_or_else(|| pr.kind.clone()),
                status: None,
                category: p
                    .taxonomies
                    .categories
                    .first()
                    .map(|k| site.term_title("categories", k)),
                audience: p
                    .taxonomies
                    .audiences
                    .first()
                    .map(|k| site.term_title("audiences", k)),
            }),
            Record::Standard(st) => Some(SortKeys {
                kind: st.kind.clone(),
                kind_label: label(Choices::StandardType, &st.kind)
                    .unwrap_or_else(|| st.kind.clone()),
                status: Some(st.status.clone()),
                category: None,
                audience: None,
            }),
            _ => None,
        },
        address: match &p.record {
            Record::Provider(pr) => pr.address.clone(),
            _ => None,
        },
        geo_href: match &p.record {
            Record::Provider(pr) => pr.location.as_ref().map(geo_href),
            _ => None,
        },
    }
}

/// A `geo:` link (RFC 5870) to a place, which phones open in their map app.
pub fn geo_href(l: &crate::model::records::Location) -> String {
    format!("geo:{},{}", l.lat, l.lon)
}

// ---- service ----------------------------------------------------------------------

#[derive(Serialize)]
/// A service page's own fields. Its `categories`, `audiences`, `regions`, `providers` and
/// `standards` are shared with many other pages: the renderer adds them from values
/// converted once (see `render::Shared`).
pub struct ServiceCtx<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub form: &'a str,
    pub form_label: Option<&'a str>,
    pub level: &'a str,
    pub level_label: Option<&'a str>,
    pub cost: &'a str,
    pub cost_label: Option<&'a str>,
    pub eligibility: &'a crate::model::records::Eligibility,
    pub documents: Vec<DocumentCtx>,
    pub apply: ApplyCtx<'a>,
    pub deadlines: &'a crate::model::records::Deadlines,
    pub refusal: &'a crate::model::records::Refusal,
    pub legal_basis: Vec<Link>,
    pub contacts: Option<ContactsCtx>,
    pub sources: &'a [String],
    pub situations: Vec<SituationRef>,
}

#[derive(Serialize)]
pub struct DocumentCtx {
    pub title: String,
    pub how_to_get: Option<String>,
    pub note: Option<String>,
    pub condition: Option<String>,
    pub optional: bool,
}

#[derive(Serialize)]
pub struct ApplyCtx<'a> {
    pub channels: Vec<Choice<'a>>,
    pub url: Option<&'a str>,
    #[serde(rename = "where")]
    pub place: &'a str,
    pub steps: &'a [String],
}

#[derive(Serialize)]
pub struct Choice<'a> {
    pub key: String,
    pub label: &'a str,
}

#[derive(Serialize)]
pub struct ProviderRef {
    pub title: String,
    pub url: Option<String>,
    pub description: Option<String>,
    pub contacts: Option<ContactsCtx>,
    pub address: Option<String>,
    pub hours: Option<String>,
}

#[derive(Serialize)]
pub struct StandardRef<'a> {
    pub title: String,
    pub code: String,
    pub url: Option<String>,
    pub status: String,
    pub status_label: Option<&'a str>,
}

#[derive(Serialize)]
pub struct SituationRef {
    pub title: String,
    pub url: String,
    pub step_number: usize,
    pub step_title: String,
    /// The whole route, with this service's step marked, to show beside the service.
    pub steps: Vec<RouteStep>,
}

#[derive(Serialize)]
pub struct RouteStep {
    pub number: usize,
    pub title: String,
    pub current: bool,
    /// The step on the situation's page (none for the current step).
    pub url: Option<String>,
}

pub fn service<'a>(site: &'a Site, p: &'a Page, s: &'a Service, content: String) -> ServiceCtx<'a> {
    let cost = s.cost.as_deref().unwrap_or("free");
    let labels = &site.labels;
    ServiceCtx {
        base: base(site, p, content),
        form: &s.form,
        form_label: labels.choice(Choices::Form, &s.form),
        level: &s.level,
        level_label: labels.choice(Choices::Level, &s.level),
        cost,
        cost_label: labels.choice(Choices::Cost, cost),
        eligibility: &s.eligibility,
        documents: s
            .documents
            .iter()
            .map(|d| {
                let term = d
                    .reference
                    .as_deref()
                    .and_then(|r| site.dicts.documents.get(r));
                DocumentCtx {
                    title: term
                        .map(|t| t.title.clone())
                        .or_else(|| d.name.clone())
                        .or_else(|| d.reference.clone())
                        .unwrap_or_default(),
                    how_to_get: term.and_then(|t| t.how_to_get.clone()),
                    note: d.note.clone(),
                    // «Нужен, если …»
                    condition: d.condition.as_deref().map(|c| labels.needed_if(c)),
                    optional: d.optional,
                }
            })
            .collect(),
        apply: ApplyCtx {
            channels: s
                .apply
                .channels
                .iter()
                .map(|c| Choice {
                    key: c.clone(),
                    label: labels.choice(Choices::Channel, c).unwrap_or(""),
                })
                .collect(),
            url: s.apply.url.as_deref(),
            place: &s.apply.place,
            steps: &s.apply.steps,
        },
        deadlines: &s.deadlines,
        refusal: &s.refusal,
        legal_basis: s
            .legal_basis
            .iter()
            .map(|a| Link {
                title: a.title.clone(),
                url: a.url.clone(),
            })
            .collect(),
        contacts: s.contacts.as_ref().map(contacts),
        sources: &s.sources,
        situations: p
            .links
            .situations
            .iter()
            .map(|&(i, step)| {
                let sp = &site.pages[i];
                let route: &[crate::model::records::Step] = match &sp.record {
                    Record::Situation(sit) => &sit.steps,
                    _ => &[],
                };
                SituationRef {
                    title: sp.title.clone(),
                    url: sp.url.clone(),
                    step_number: step + 1,
                    step_title: route.get(step).map(|s| s.title.clone()).unwrap_or_default(),
                    steps: route
                        .iter()
                        .enumerate()
                        .map(|(n, st): (usize, &crate::model::records::Step)| RouteStep {
                            number: n + 1,
                            title: st.title.clone(),
                            current: n == step,
                            url: (n != step).then(|| format!("{}#shag-{}", sp.url, n + 1)),
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

/// A provider as a service page shows it (or just the slug when it is not published).
pub fn provider_ref(site: &Site, slug: &str) -> ProviderRef {
    match site.find(Kind::Provider, slug).map(|i| &site.pages[i]) {
        Some(pp) => {
            let pr = match &pp.record {
                Record::Provider(pr) => Some(pr),
                _ => None,
            };
            ProviderRef {
                title: pp.title.clone(),
                url: Some(pp.url.clone()),
                description: pp.description.clone(),
                contacts: pr.map(|pr| contacts(&pr.contacts)),
                address: pr.and_then(|pr| pr.address.clone()),
                hours: pr.and_then(|pr| pr.hours.clone()),
            }
        }
        None => ProviderRef {
            title: slug.to_string(),
            url: None,
            description: None,
            contacts: None,
            address: None,
            hours: None,
        },
    }
}

pub fn standard_ref<'a>(site: &'a Site, slug: &str) -> StandardRef<'a> {
    match site.find(Kind::Standard, slug).map(|i| &site.pages[i]) {
        Some(sp) => {
            let (code, status) = match &sp.record {
                Record::Standard(st) => (st.code.clone(), st.status.clone()),
                _ => (String::new(), String::new()),
            };
            StandardRef {
                title: sp.title.clone(),
                status_label: site.labels.choice(Choices::StandardStatus, &status),
                code,
                url: Some(sp.url.clone()),
                status,
            }
        }
        None => StandardRef {
            title: slug.to_string(),
            code: slug.to_string(),
            url: None,
            status: String::new(),
            status_label: None,
        },
    }
}

// ---- provider, standard, situation ----------------------------------------------------

#[derive(Serialize)]
/// A provider page's own fields; `services` and `standards` (reverse links) are added by
/// the renderer from summaries converted once.
pub struct ProviderCtx<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    #[serde(rename = "type")]
    pub kind_key: &'a str,
    pub type_label: Option<&'a str>,
    pub inn: Option<&'a str>,
    pub ogrn: Option<&'a str>,
    pub in_registry: Option<bool>,
    pub activities: &'a [String],
    pub address: Option<&'a str>,
    pub location: Option<LocationCtx>,
    pub hours: Option<&'a str>,
    pub contacts: ContactsCtx,
    pub categories: Vec<TermCtx>,
    pub audiences: Vec<TermCtx>,
    pub regions: Vec<TermCtx>,
    pub sources: &'a [String],
}

#[derive(Serialize)]
pub struct LocationCtx {
    pub lat: f64,
    pub lon: f64,
    pub geo_href: String,
}

#[derive(Serialize)]
/// A standard page's own fields; `services` and `supersedes` (reverse links) are added by
/// the renderer from summaries converted once.
pub struct StandardCtx<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub code: &'a str,
    #[serde(rename = "type")]
    pub kind_key: &'a str,
    pub type_label: Option<&'a str>,
    pub status: &'a str,
    pub status_label: Option<&'a str>,
    pub adopted: Option<String>,
    pub adopted_human: Option<String>,
    pub effective: Option<String>,
    pub effective_human: Option<String>,
    pub superseded_by: Option<StandardRef<'a>>,
    pub developer: Option<Link>,
    pub discussion_until: Option<String>,
    pub discussion_until_human: Option<String>,
    /// In public discussion and the comment period has not ended: comments are taken.
    pub discussion_open: bool,
    pub files: Vec<Attachment>,
    pub categories: Vec<TermCtx>,
    pub sources: &'a [String],
}

#[derive(Serialize)]
pub struct SituationCtx<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub steps: Vec<StepCtx<'a>>,
    pub audiences: Vec<TermCtx>,
    pub sources: &'a [String],
}

#[derive(Serialize)]
pub struct StepCtx<'a> {
    pub number: usize,
    pub title: String,
    pub text: Option<String>,
    /// The services' summaries (`Summary`), as converted once for the whole build.
    pub services: Vec<&'a tera::Value>,
}
