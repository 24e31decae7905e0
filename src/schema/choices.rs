//! Allowed values of enum fields, with the labels citizens see.

use super::Choice;

pub const FORMS: &[Choice] = &[
    Choice {
        key: "payment",
        label: "Выплата",
    },
    Choice {
        key: "benefit",
        label: "Льгота",
    },
    Choice {
        key: "service",
        label: "Услуга",
    },
    Choice {
        key: "certificate",
        label: "Сертификат",
    },
    Choice {
        key: "consultation",
        label: "Консультация",
    },
    Choice {
        key: "in-kind",
        label: "Помощь в натуральной форме",
    },
];

pub const LEVELS: &[Choice] = &[
    Choice {
        key: "federal",
        label: "Федеральная мера",
    },
    Choice {
        key: "regional",
        label: "Региональная мера",
    },
    Choice {
        key: "municipal",
        label: "Муниципальная мера",
    },
    Choice {
        key: "non-state",
        label: "Помощь негосударственной организации",
    },
];

/// Whose age `age_min` and `age_max` bound: the applicant's own (the default) or the
/// child's the measure is for (child benefits).
pub const AGE_OF: &[Choice] = &[
    Choice {
        key: "applicant",
        label: "Заявитель",
    },
    Choice {
        key: "child",
        label: "Ребёнок",
    },
];

pub const COSTS: &[Choice] = &[
    Choice {
        key: "free",
        label: "Бесплатно",
    },
    Choice {
        key: "partial",
        label: "Частично платно",
    },
    Choice {
        key: "paid",
        label: "Платно",
    },
];

pub const CHANNELS: &[Choice] = &[
    Choice {
        key: "online",
        label: "Онлайн (Госуслуги или сайт ведомства)",
    },
    Choice {
        key: "mfc",
        label: "В МФЦ",
    },
    Choice {
        key: "in-person",
        label: "Лично в ведомстве",
    },
    Choice {
        key: "mail",
        label: "По почте",
    },
    Choice {
        key: "phone",
        label: "По телефону",
    },
];

pub const PROVIDER_TYPES: &[Choice] = &[
    Choice {
        key: "state-body",
        label: "Государственный орган",
    },
    Choice {
        key: "state-institution",
        label: "Государственное учреждение",
    },
    Choice {
        key: "municipal-institution",
        label: "Муниципальное учреждение",
    },
    Choice {
        key: "non-profit",
        label: "Некоммерческая организация",
    },
    Choice {
        key: "social-business",
        label: "Социальное предприятие",
    },
];

pub const STANDARD_TYPES: &[Choice] = &[
    Choice {
        key: "national",
        label: "Национальный стандарт",
    },
    Choice {
        key: "interstate",
        label: "Межгосударственный стандарт",
    },
    Choice {
        key: "international",
        label: "Международный стандарт",
    },
    Choice {
        key: "regional",
        label: "Региональный стандарт",
    },
    Choice {
        key: "organisation",
        label: "Стандарт организации",
    },
];

pub const STANDARD_STATUSES: &[Choice] = &[
    Choice {
        key: "in-force",
        label: "Действует",
    },
    Choice {
        key: "draft",
        label: "Проект",
    },
    Choice {
        key: "public-discussion",
        label: "Общественное обсуждение",
    },
    Choice {
        key: "superseded",
        label: "Заменён",
    },
    Choice {
        key: "withdrawn",
        label: "Отменён",
    },
];

/// Zola's `sort_by` values for sections.
pub const SORT_BY: &[Choice] = &[
    Choice {
        key: "title",
        label: "По названию",
    },
    Choice {
        key: "title_bytes",
        label: "По названию (побайтно)",
    },
    Choice {
        key: "weight",
        label: "По весу (weight)",
    },
    Choice {
        key: "date",
        label: "По дате, новые сначала",
    },
    Choice {
        key: "update_date",
        label: "По дате изменения, новые сначала",
    },
    Choice {
        key: "slug",
        label: "По адресу",
    },
    Choice {
        key: "none",
        label: "Как лежат файлы",
    },
];
