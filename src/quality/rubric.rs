//! The rubric: for each kind that is scored, the pieces of information a citizen needs,
//! each worth some points. It follows how public experts score institutions' websites:
//! who gives the measure, to whom, which documents, where and how to apply, how long it
//! takes, what to do when refused, whom to ask, and whether the facts are current.
//!
//! A criterion that does not apply to a record (no online channel, so no online link to
//! give) is left out of that record's maximum instead of counting against it.

use crate::model::{Page, Record, Site};
use crate::schema::Kind;

/// One piece of information the rubric asks for.
pub struct Criterion {
    /// Stable key (reports, JSON, CSV).
    pub key: &'static str,
    /// What the citizen gets, in Russian (`socnav report`, `check --strict`; `/quality/`
    /// shows `quality_rubric_<kind>_<key>` of the translation tables, the same in
    /// `ru.toml`).
    pub label: &'static str,
    /// What the editor should add when it is missing, in Russian
    /// (`quality_rubric_<kind>_<key>_fix` on `/quality/`).
    pub fix: &'static str,
    pub points: u32,
    /// `None`: the criterion does not apply to this record; `Some(met)` otherwise.
    pub test: fn(&Site, &Page) -> Option<bool>,
}

/// The criterion for currency: its points depend on `extra.reviewed` (see `Freshness`).
pub const FRESHNESS: &str = "fresh";

/// The rubric of a kind, or `None` for kinds that are not scored.
pub fn of(kind: Kind) -> Option<&'static [Criterion]> {
    match kind {
        Kind::Service => Some(SERVICE),
        Kind::Provider => Some(PROVIDER),
        Kind::Standard | Kind::Situation => None,
    }
}

fn service(p: &Page) -> &crate::model::records::Service {
    match &p.record {
        Record::Service(s) => s,
        _ => unreachable!("service criteria are tested on services"),
    }
}

fn provider(p: &Page) -> &crate::model::records::Provider {
    match &p.record {
        Record::Provider(pr) => pr,
        _ => unreachable!("provider criteria are tested on providers"),
    }
}

fn filled(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|s| !s.trim().is_empty())
}

fn has_contacts(c: &crate::model::records::Contacts) -> bool {
    filled(&c.phone) || filled(&c.email) || filled(&c.url)
}

/// Freshness is scored by `super::score`; here it only says the criterion applies.
fn reviewed(_: &Site, p: &Page) -> Option<bool> {
    Some(p.reviewed.is_some())
}

pub static SERVICE: &[Criterion] = &[
    Criterion {
        key: "providers",
        label: "Кто предоставляет меру",
        fix: "укажите организации в extra.providers",
        points: 10,
        test: |_, p| Some(!service(p).providers.is_empty()),
    },
    Criterion {
        key: "eligibility",
        label: "Кто может получить: условия",
        fix: "перечислите условия в extra.eligibility.criteria",
        points: 10,
        test: |_, p| Some(!service(p).eligibility.criteria.is_empty()),
    },
    Criterion {
        key: "documents",
        label: "Какие документы нужны",
        fix: "перечислите документы в [[extra.documents]]",
        points: 10,
        test: |_, p| Some(!service(p).documents.is_empty()),
    },
    Criterion {
        key: "documents_where",
        label: "Где взять каждый документ",
        fix: "для каждого документа укажите, где его получить: ссылкой ref на справочник data/documents.toml с полем how_to_get или примечанием note",
        points: 5,
        test: |site, p| {
            let docs = &service(p).documents;
            if docs.is_empty() {
                return None;
            }
            Some(docs.iter().all(|d| {
                filled(&d.note)
                    || d
                        .reference
                        .as_deref()
                        .and_then(|r| site.dicts.documents.get(r))
                        .is_some_and(|t| filled(&t.how_to_get))
            }))
        },
    },
    Criterion {
        key: "apply_place",
        label: "Куда обращаться",
        fix: "опишите место подачи в extra.apply.place",
        points: 5,
        test: |_, p| Some(!service(p).apply.place.trim().is_empty()),
    },
    Criterion {
        key: "apply_steps",
        label: "Как подать заявление: шаги",
        fix: "перечислите шаги в extra.apply.steps",
        points: 10,
        test: |_, p| Some(!service(p).apply.steps.is_empty()),
    },
    Criterion {
        key: "apply_online",
        label: "Ссылка для подачи онлайн",
        fix: "укажите ссылку на электронную подачу в extra.apply.url",
        points: 5,
        test: |_, p| {
            let a = &service(p).apply;
            let online = a.channels.iter().any(|c| c == "online");
            online.then(|| filled(&a.url))
        },
    },
    Criterion {
        key: "deadline_apply",
        label: "Когда обращаться",
        fix: "укажите срок обращения в extra.deadlines.apply_within",
        points: 5,
        test: |_, p| Some(filled(&service(p).deadlines.apply_within)),
    },
    Criterion {
        key: "deadline_decision",
        label: "Сколько ждать решения",
        fix: "укажите срок решения в extra.deadlines.decision",
        points: 5,
        test: |_, p| Some(!service(p).deadlines.decision.trim().is_empty()),
    },
    Criterion {
        key: "deadline_delivery",
        label: "Когда выплатят или предоставят",
        fix: "укажите срок выплаты или предоставления в extra.deadlines.delivery",
        points: 5,
        test: |_, p| Some(filled(&service(p).deadlines.delivery)),
    },
    Criterion {
        key: "refusal_reasons",
        label: "Причины отказа",
        fix: "перечислите причины отказа в extra.refusal.reasons",
        points: 5,
        test: |_, p| Some(!service(p).refusal.reasons.is_empty()),
    },
    Criterion {
        key: "refusal_reapply",
        label: "Как обратиться повторно после отказа",
        fix: "опишите повторное обращение в extra.refusal.reapply",
        points: 5,
        test: |_, p| Some(filled(&service(p).refusal.reapply)),
    },
    Criterion {
        key: "refusal_appeal",
        label: "Как обжаловать отказ",
        fix: "перечислите шаги обжалования в extra.refusal.appeal",
        points: 5,
        test: |_, p| Some(!service(p).refusal.appeal.is_empty()),
    },
    Criterion {
        key: "contacts",
        label: "Куда звонить или писать с вопросами",
        fix: "укажите телефон, почту или сайт в extra.contacts или в записи организации",
        points: 5,
        test: |site, p| {
            let s = service(p);
            Some(
                s.contacts.as_ref().is_some_and(has_contacts)
                    || s.providers.iter().any(|slug| {
                        site.find(Kind::Provider, slug).is_some_and(|i| {
                            matches!(&site.pages[i].record, Record::Provider(pr) if has_contacts(&pr.contacts))
                        })
                    }),
            )
        },
    },
    Criterion {
        key: "legal_basis",
        label: "Нормативные акты со ссылками на текст",
        fix: "перечислите акты в [[extra.legal_basis]] и дайте каждому ссылку url",
        points: 5,
        test: |_, p| {
            let acts = &service(p).legal_basis;
            Some(!acts.is_empty() && acts.iter().all(|a| filled(&a.url)))
        },
    },
    Criterion {
        key: "sources",
        label: "Источники сведений",
        fix: "укажите ссылки на источники в extra.sources",
        points: 5,
        test: |_, p| Some(!service(p).sources.is_empty()),
    },
    Criterion {
        key: FRESHNESS,
        label: "Сведения проверены недавно",
        fix: "сверьте сведения с источниками и обновите дату extra.reviewed",
        points: 10,
        test: reviewed,
    },
];

pub static PROVIDER: &[Criterion] = &[
    Criterion {
        key: "description",
        label: "Чем занимается организация",
        fix: "опишите организацию в description",
        points: 10,
        test: |_, p| Some(filled(&p.description)),
    },
    Criterion {
        key: "address",
        label: "Адрес",
        fix: "укажите адрес в extra.address",
        points: 10,
        test: |_, p| Some(filled(&provider(p).address)),
    },
    Criterion {
        key: "location",
        label: "Место на карте",
        fix: "укажите координаты в extra.location (lat, lon)",
        points: 5,
        test: |_, p| Some(provider(p).location.is_some()),
    },
    Criterion {
        key: "hours",
        label: "Часы работы",
        fix: "укажите часы работы в extra.hours",
        points: 10,
        test: |_, p| Some(filled(&provider(p).hours)),
    },
    Criterion {
        key: "phone",
        label: "Телефон",
        fix: "укажите телефон в extra.contacts.phone",
        points: 15,
        test: |_, p| Some(filled(&provider(p).contacts.phone)),
    },
    Criterion {
        key: "email_or_site",
        label: "Электронная почта или сайт",
        fix: "укажите extra.contacts.email или extra.contacts.url",
        points: 10,
        test: |_, p| {
            let c = &provider(p).contacts;
            Some(filled(&c.email) || filled(&c.url))
        },
    },
    Criterion {
        key: "activities",
        label: "Виды деятельности",
        fix: "перечислите виды деятельности в extra.activities",
        points: 5,
        test: |_, p| Some(!provider(p).activities.is_empty()),
    },
    Criterion {
        key: "audiences",
        label: "С кем работает (целевые группы)",
        fix: "укажите целевые группы в taxonomies.audiences",
        points: 5,
        test: |_, p| Some(!p.taxonomies.audiences.is_empty()),
    },
    Criterion {
        key: "regions",
        label: "Где работает",
        fix: "укажите регионы в taxonomies.regions",
        points: 5,
        test: |_, p| Some(!p.taxonomies.regions.is_empty()),
    },
    Criterion {
        key: "requisites",
        label: "ИНН и ОГРН",
        fix: "укажите extra.inn и extra.ogrn",
        points: 5,
        test: |_, p| {
            let pr = provider(p);
            Some(filled(&pr.inn) && filled(&pr.ogrn))
        },
    },
    Criterion {
        key: "services",
        label: "Какие меры предоставляет",
        fix: "укажите организацию в extra.providers её мер поддержки",
        points: 5,
        // A body that only develops standards (ISO, Rosstandart) delivers no measures.
        test: |_, p| {
            let l = &p.links;
            (!l.services.is_empty() || l.developed.is_empty()).then_some(!l.services.is_empty())
        },
    },
    Criterion {
        key: "sources",
        label: "Источники сведений",
        fix: "укажите ссылки на источники в extra.sources",
        points: 5,
        test: |_, p| Some(!provider(p).sources.is_empty()),
    },
    Criterion {
        key: FRESHNESS,
        label: "Сведения проверены недавно",
        fix: "сверьте сведения с источниками и обновите дату extra.reviewed",
        points: 10,
        test: reviewed,
    },
];
