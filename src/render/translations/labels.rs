//! The interface words Rust puts into pages (kind and choice labels, month names, the
//! menu item and list titles made in Rust…), looked up once per build in the translation
//! tables for the site's default language and kept here, so that rendering a page only
//! reads a field (no `trans()` call, no key made per page).
//!
//! The keys follow the tables' prefixes (docs/translations.md): `kind_*`, `choice_*`,
//! `month_*`, and the prefix of the page that shows a string (`site_`, `service_`,
//! `taxonomy_`, `directory_`, `quality_`). [`Labels::keys`] lists every key read here.
//!
//! The Russian strings of kinds and choices are also in `schema` (`Kind::label`,
//! `Choice::label`): there they are for editors (messages, `socnav new`, the editor's
//! form) and open data, which stay Russian; `ru.toml` holds the same text for pages.

use crate::model::date::Date;
use crate::quality::{rubric, Freshness};
use crate::schema::{self, Choice, Kind};

use super::Translations;

/// A list of choices whose labels pages show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    Form,
    Level,
    Cost,
    Channel,
    ProviderType,
    StandardType,
    StandardStatus,
}

impl Choices {
    pub const ALL: [Choices; 7] = [
        Choices::Form,
        Choices::Level,
        Choices::Cost,
        Choices::Channel,
        Choices::ProviderType,
        Choices::StandardType,
        Choices::StandardStatus,
    ];

    /// The schema's list of allowed values.
    pub fn list(self) -> &'static [Choice] {
        match self {
            Choices::Form => schema::FORMS,
            Choices::Level => schema::LEVELS,
            Choices::Cost => schema::COSTS,
            Choices::Channel => schema::CHANNELS,
            Choices::ProviderType => schema::PROVIDER_TYPES,
            Choices::StandardType => schema::STANDARD_TYPES,
            Choices::StandardStatus => schema::STANDARD_STATUSES,
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Choices::Form => "choice_form_",
            Choices::Level => "choice_level_",
            Choices::Cost => "choice_cost_",
            Choices::Channel => "choice_channel_",
            Choices::ProviderType => "choice_provider_type_",
            Choices::StandardType => "choice_standard_type_",
            Choices::StandardStatus => "choice_standard_status_",
        }
    }

    /// The table key of a value's label: `choice_form_in_kind` for the form `in-kind`.
    pub fn key(self, value: &str) -> String {
        format!("{}{}", self.prefix(), value.replace('-', "_"))
    }
}

/// Month names in key order: `month_january`, `month_january_date`…
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Declares [`Words`], the single strings, with the key of each.
macro_rules! words {
    ($($(#[$doc:meta])* $field:ident = $key:literal,)*) => {
        /// Single strings, each from one key of the tables.
        #[derive(Debug, Default, Clone)]
        pub struct Words {
            $($(#[$doc])* pub $field: String,)*
        }

        impl Words {
            const KEYS: &'static [&'static str] = &[$($key),*];

            fn resolve(get: &mut impl FnMut(&str) -> Result<String, String>) -> Result<Words, String> {
                Ok(Words { $($field: get($key)?,)* })
            }
        }
    };
}

words! {
    /// The main menu's item for the categories taxonomy (`nav`).
    menu_categories = "site_menu_categories",
    /// Titles of the taxonomies (`taxonomy.title`).
    taxonomy_categories = "taxonomy_categories",
    taxonomy_audiences = "taxonomy_audiences",
    taxonomy_regions = "taxonomy_regions",
    /// Orderings of the provider directory and the standards catalogue (`ordering.title`).
    by_category = "directory_by_category",
    by_audience = "directory_by_audience",
    by_provider_type = "directory_by_provider_type",
    by_region = "directory_by_region",
    by_status = "directory_by_status",
    by_standard_type = "directory_by_standard_type",
    /// Chart titles of `/quality/` (the histogram's has `{kind}`).
    histogram_title = "quality_histogram_title",
    category_chart_title = "quality_category_chart_title",
    provider_chart_title = "quality_provider_chart_title",
    /// Text inside the SVG charts (the threshold's has `{min}`).
    chart_axis = "quality_chart_axis",
    chart_threshold = "quality_chart_threshold",
    /// The Atom feed's title (`{title}`: the site's title).
    feed_title = "feed_title",
    /// The built-in redirect page of a moved address (no `alias.html` in the theme).
    alias_title = "alias_title",
    alias_text = "alias_text",
    /// JSON-LD `areaServed` of a federal record: the country's name.
    country = "jsonld_country",
    /// Facts under a search result: a service's decision time (`{decision}`), a
    /// situation's number of steps (`{n}`).
    fact_decision = "search_fact_decision",
    fact_steps = "search_fact_steps",
}

/// The words of one language, resolved once per build.
#[derive(Debug, Default, Clone)]
pub struct Labels {
    /// By `Kind::ALL` order, then the label of a plain page.
    kinds: [String; 5],
    /// Kinds as headings of `/quality/` («Меры поддержки»), by `Kind::ALL` order.
    kind_titles: [String; 4],
    /// `Freshness` labels: fresh, aging, stale.
    freshness: [String; 3],
    /// The rubric of `/quality/` by `Kind::ALL` order (empty for a kind not scored):
    /// each criterion's label and fix, in the rubric's order.
    rubric: [Vec<RubricItem>; 4],
    /// Labels of each list of `Choices::ALL`, in the schema's order.
    choices: [Vec<String>; 7],
    /// Month names on their own (`Ноябрь 2026`) and in a date (`10 ноября 2026`).
    months: [String; 12],
    months_date: [String; 12],
    /// A document's condition: «Нужен, если {condition}».
    needed_if: NeededIf,
    pub words: Words,
}

/// A rubric criterion as `/quality/` shows it.
#[derive(Debug, Default, Clone)]
pub struct RubricItem {
    /// What the citizen gets («Кто предоставляет меру»).
    pub label: String,
    /// What the editor should add when it is missing.
    pub fix: String,
}

/// `service_document_needed_if` around its `{condition}`, and the word before the
/// condition («если», "if") that an editor may have written at its start already.
#[derive(Debug, Default, Clone)]
struct NeededIf {
    before: String,
    after: String,
    /// The word as written, capitalised and in capitals, each with a space after it.
    word: [String; 3],
}

impl Labels {
    /// The labels of the site's default language, with its overrides from config.toml.
    pub fn of_default_language(t: &Translations) -> Result<Labels, String> {
        Labels::of(t, &t.default_language)
    }

    /// The labels of language `lang` (for its translated pages).
    pub fn of(t: &Translations, lang: &str) -> Result<Labels, String> {
        Labels::resolve(|key| t.get(key, lang).map(str::to_owned))
    }

    /// The labels from a lookup of each key.
    pub fn resolve(mut get: impl FnMut(&str) -> Result<String, String>) -> Result<Labels, String> {
        let mut kinds: [String; 5] = Default::default();
        for (slot, name) in kinds.iter_mut().zip(kind_names()) {
            *slot = get(&format!("kind_{name}"))?;
        }
        let mut kind_titles: [String; 4] = Default::default();
        for (slot, kind) in kind_titles.iter_mut().zip(Kind::ALL) {
            *slot = get(&kind_title_key(kind))?;
        }
        let mut freshness: [String; 3] = Default::default();
        for (slot, f) in freshness.iter_mut().zip(FRESHNESS) {
            *slot = get(&freshness_key(f))?;
        }
        let mut rubric: [Vec<RubricItem>; 4] = Default::default();
        for (slot, kind) in rubric.iter_mut().zip(Kind::ALL) {
            for c in rubric::of(kind).unwrap_or_default() {
                let key = rubric_key(kind, c.key);
                slot.push(RubricItem {
                    label: get(&key)?,
                    fix: get(&format!("{key}_fix"))?,
                });
            }
        }
        let mut choices: [Vec<String>; 7] = Default::default();
        for (slot, set) in choices.iter_mut().zip(Choices::ALL) {
            *slot = set
                .list()
                .iter()
                .map(|c| get(&set.key(c.key)))
                .collect::<Result<_, _>>()?;
        }
        let mut months: [String; 12] = Default::default();
        let mut months_date: [String; 12] = Default::default();
        for (i, name) in MONTHS.iter().enumerate() {
            months[i] = get(&format!("month_{name}"))?;
            months_date[i] = get(&format!("month_{name}_date"))?;
        }
        let needed_if = NeededIf::new(&get("service_document_needed_if")?);
        Ok(Labels {
            kinds,
            kind_titles,
            freshness,
            rubric,
            choices,
            months,
            months_date,
            needed_if,
            words: Words::resolve(&mut get)?,
        })
    }

    /// Every key the labels are read from.
    pub fn keys() -> Vec<String> {
        let mut keys: Vec<String> = kind_names().map(|n| format!("kind_{n}")).collect();
        keys.extend(Kind::ALL.into_iter().map(kind_title_key));
        keys.extend(FRESHNESS.into_iter().map(freshness_key));
        for kind in Kind::ALL {
            for c in rubric::of(kind).unwrap_or_default() {
                let key = rubric_key(kind, c.key);
                let fix = format!("{key}_fix");
                keys.extend([key, fix]);
            }
        }
        for set in Choices::ALL {
            keys.extend(set.list().iter().map(|c| set.key(c.key)));
        }
        for name in MONTHS {
            keys.push(format!("month_{name}"));
            keys.push(format!("month_{name}_date"));
        }
        keys.push("service_document_needed_if".into());
        keys.extend(Words::KEYS.iter().map(|k| k.to_string()));
        keys
    }

    /// What a citizen sees as the kind of a record; a plain page's for `None`.
    pub fn kind(&self, kind: Option<Kind>) -> &str {
        let i = kind.map_or(4, |k| Kind::ALL.iter().position(|x| *x == k).unwrap_or(4));
        &self.kinds[i]
    }

    /// A kind as a heading of `/quality/`: «Меры поддержки», "Support measures".
    pub fn kind_title(&self, kind: Kind) -> &str {
        &self.kind_titles[kind_index(kind)]
    }

    /// How current a record is, in words: «актуально», "up to date".
    pub fn freshness(&self, f: Freshness) -> &str {
        let i = FRESHNESS.iter().position(|x| *x == f).unwrap_or(0);
        &self.freshness[i]
    }

    /// The label and fix of each criterion of a kind's rubric, in the rubric's order
    /// (none for a kind that is not scored).
    pub fn rubric(&self, kind: Kind) -> &[RubricItem] {
        &self.rubric[kind_index(kind)]
    }

    /// The label and fix of a kind's criterion with this key.
    pub fn criterion(&self, kind: Kind, key: &str) -> Option<&RubricItem> {
        let i = rubric::of(kind)?.iter().position(|c| c.key == key)?;
        self.rubric(kind).get(i)
    }

    /// The label of a choice's value (none for a value the list does not have).
    pub fn choice(&self, set: Choices, value: &str) -> Option<&str> {
        let i = set.list().iter().position(|c| c.key == value)?;
        let list = &self.choices[Choices::ALL.iter().position(|s| *s == set)?];
        list.get(i).map(String::as_str)
    }

    /// `10 ноября 2026`, `10 November 2026`.
    pub fn date(&self, d: Date) -> String {
        format!("{} {} {}", d.day, self.months_date[month_index(d)], d.year)
    }

    /// `Ноябрь 2026`, `November 2026`.
    pub fn month_year(&self, d: Date) -> String {
        format!("{} {}", self.months[month_index(d)], d.year)
    }

    /// A document's condition as the sentence the page shows («Нужен, если …»), whether
    /// the editor wrote «если …», «Если …» or just the condition.
    pub fn needed_if(&self, condition: &str) -> String {
        let n = &self.needed_if;
        let c = condition.trim();
        let rest = n
            .word
            .iter()
            .filter(|w| !w.trim().is_empty())
            .find_map(|w| c.strip_prefix(w.as_str()))
            .unwrap_or(c);
        // Lower-case the first letter unless the word is an abbreviation (МФЦ, СФР).
        let mut chars = rest.chars();
        let rest = match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
                a.to_lowercase().chain(rest.chars().skip(1)).collect()
            }
            _ => rest.to_string(),
        };
        format!("{}{rest}{}", n.before, n.after)
    }
}

impl NeededIf {
    fn new(text: &str) -> NeededIf {
        let (before, after) = text.split_once("{condition}").unwrap_or((text, ""));
        let word = before.split_whitespace().next_back().unwrap_or("");
        let mut chars = word.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        NeededIf {
            before: before.to_string(),
            after: after.to_string(),
            word: [word.to_string(), capitalised, word.to_uppercase()].map(|w| format!("{w} ")),
        }
    }
}

/// `service`, `provider`, `standard`, `situation`, then `page`.
fn kind_names() -> impl Iterator<Item = &'static str> {
    Kind::ALL.into_iter().map(Kind::name).chain(["page"])
}

/// `Freshness` values in the order of `Labels::freshness`.
const FRESHNESS: [Freshness; 3] = [Freshness::Fresh, Freshness::Aging, Freshness::Stale];

/// `quality_freshness_fresh`…
fn freshness_key(f: Freshness) -> String {
    let name = match f {
        Freshness::Fresh => "fresh",
        Freshness::Aging => "aging",
        Freshness::Stale => "stale",
    };
    format!("quality_freshness_{name}")
}

/// `kind_title_service`…
fn kind_title_key(kind: Kind) -> String {
    format!("kind_title_{}", kind.name())
}

/// `quality_rubric_service_providers` (the label; `…_fix` is the fix).
fn rubric_key(kind: Kind, criterion: &str) -> String {
    format!("quality_rubric_{}_{criterion}", kind.name())
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|x| *x == kind).unwrap_or(0)
}

fn month_index(d: Date) -> usize {
    (d.month.clamp(1, 12) - 1) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(lang: &str) -> std::collections::BTreeMap<String, String> {
        let path = format!(
            "{}/themes/navigator/translations/{lang}.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn labels(lang: &str) -> Labels {
        let t = table(lang);
        Labels::resolve(|k| t.get(k).cloned().ok_or_else(|| format!("no {k}"))).unwrap()
    }

    #[test]
    fn russian_labels_are_the_schema_labels() {
        let ru = labels("ru");
        for kind in Kind::ALL {
            assert_eq!(ru.kind(Some(kind)), kind.label());
        }
        assert_eq!(ru.kind(None), "Страница");
        for set in Choices::ALL {
            for c in set.list() {
                assert_eq!(ru.choice(set, c.key), Some(c.label), "{}", set.key(c.key));
            }
            assert_eq!(ru.choice(set, "no-such-value"), None);
        }
    }

    #[test]
    fn russian_quality_words_are_those_of_socnav_report() {
        // `socnav report` and `check --strict` keep the Russian words in Rust for editors;
        // /quality/ shows the table's, which must say the same.
        let ru = labels("ru");
        for kind in Kind::ALL {
            assert_eq!(
                ru.kind_title(kind),
                crate::quality::summary::kind_title(kind)
            );
            let criteria = rubric::of(kind).unwrap_or_default();
            assert_eq!(ru.rubric(kind).len(), criteria.len());
            for c in criteria {
                let t = ru.criterion(kind, c.key).unwrap();
                assert_eq!(
                    (t.label.as_str(), t.fix.as_str()),
                    (c.label, c.fix),
                    "{}",
                    c.key
                );
            }
        }
        for f in FRESHNESS {
            assert_eq!(ru.freshness(f), f.label());
        }
        let en = labels("en");
        assert_eq!(en.kind_title(Kind::Service), "Support measures");
        assert_eq!(en.freshness(Freshness::Aging), "time to check");
        assert_eq!(
            en.criterion(Kind::Provider, "phone")
                .map(|c| c.label.as_str()),
            Some("Phone")
        );
        assert!(en.criterion(Kind::Standard, "phone").is_none());
    }

    #[test]
    fn dates_and_months_in_russian_and_english() {
        let d = Date::parse("2026-11-10").unwrap();
        let (ru, en) = (labels("ru"), labels("en"));
        assert_eq!(ru.date(d), "10 ноября 2026");
        assert_eq!(ru.month_year(d), "Ноябрь 2026");
        assert_eq!(en.date(d), "10 November 2026");
        assert_eq!(en.month_year(d), "November 2026");
        assert_eq!(
            ru.date(Date::parse("2024-02-29").unwrap()),
            "29 февраля 2024"
        );
        assert_eq!(en.choice(Choices::Form, "in-kind"), Some("Help in kind"));
        assert_eq!(en.kind(Some(Kind::Provider)), "Organisation");
    }

    #[test]
    fn a_condition_reads_as_one_sentence() {
        let ru = labels("ru");
        assert_eq!(
            ru.needed_if("если доход не виден"),
            "Нужен, если доход не виден"
        );
        assert_eq!(ru.needed_if(" Если Доход "), "Нужен, если доход");
        assert_eq!(ru.needed_if("ЕСЛИ нет СНИЛС"), "Нужен, если нет СНИЛС");
        assert_eq!(ru.needed_if("МФЦ не принял"), "Нужен, если МФЦ не принял");
        let en = labels("en");
        assert_eq!(
            en.needed_if("If the child is under 3"),
            "Needed if the child is under 3"
        );
        assert_eq!(en.needed_if("you moved"), "Needed if you moved");
    }

    #[test]
    fn every_key_read_is_listed_and_a_missing_one_is_named() {
        let mut asked = Vec::new();
        Labels::resolve(|k| {
            asked.push(k.to_string());
            Ok(String::new())
        })
        .unwrap();
        assert_eq!(asked, Labels::keys());
        let e = Labels::resolve(|k| {
            if k == "month_may_date" {
                Err(format!("нет перевода «{k}»"))
            } else {
                Ok(k.to_string())
            }
        })
        .unwrap_err();
        assert!(e.contains("month_may_date"), "{e}");
    }
}
