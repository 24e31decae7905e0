//! The field tables of every kind of record, of sections and of plain pages: what each
//! key is, whether it is required, and what it means (Russian for editors, English for
//! the README).

use super::*;

// ---- Zola's top-level page keys --------------------------------------------------------

const fn f(name: &'static str, ty: Ty, req: Req, ru: &'static str, en: &'static str) -> Field {
    Field {
        name,
        ty,
        req,
        ru,
        en,
    }
}

const TITLE: Field = f(
    "title",
    Ty::Str { max: 200 },
    Req::Required,
    "название, как его скажет человек",
    "name of the record",
);
const DESCRIPTION: Field = f(
    "description",
    Ty::Str { max: 200 },
    Req::Required,
    "одно предложение: суть, не длиннее 200 знаков",
    "one-sentence summary (<= 200 chars)",
);
const DESCRIPTION_OPT: Field = f(
    "description",
    Ty::Str { max: 200 },
    Req::Optional,
    "одно предложение: суть, не длиннее 200 знаков",
    "one-sentence summary (<= 200 chars)",
);
const DATE: Field = f(
    "date",
    Ty::Date,
    Req::Optional,
    "дата начала действия или публикации (ГГГГ-ММ-ДД)",
    "start or publication date",
);
const UPDATED: Field = f(
    "updated",
    Ty::Date,
    Req::Optional,
    "дата последнего изменения правил; не раньше date",
    "last change of the rules; not before date",
);
const WEIGHT: Field = f(
    "weight",
    Ty::Int,
    Req::Optional,
    "порядок в списках: меньше — выше",
    "order in lists (lower first)",
);
const DRAFT: Field = f(
    "draft",
    Ty::Bool,
    Req::Optional,
    "черновик (true — не публиковать)",
    "draft: not published unless --drafts",
);
const SLUG: Field = f(
    "slug",
    Ty::Str { max: 100 },
    Req::Optional,
    "адрес страницы вместо имени файла (латиница, цифры, дефис)",
    "URL slug instead of the file name",
);
const PATH: Field = f(
    "path",
    Ty::Str { max: 200 },
    Req::Optional,
    "полный адрес страницы от корня сайта",
    "full URL path instead of section/slug",
);
const ALIASES: Field = f(
    "aliases",
    Ty::List(&Ty::Str { max: 200 }),
    Req::Optional,
    "старые адреса, с которых нужно перенаправлять сюда",
    "old URLs that redirect here",
);
const TEMPLATE: Field = f(
    "template",
    Ty::Str { max: 100 },
    Req::Optional,
    "другой шаблон страницы",
    "template to render with instead of the kind's default",
);
const AUTHORS: Field = f(
    "authors",
    Ty::List(&Ty::Str { max: 200 }),
    Req::Optional,
    "авторы",
    "authors",
);
const IN_SEARCH_INDEX: Field = f(
    "in_search_index",
    Ty::Bool,
    Req::Optional,
    "показывать в поиске (false — скрыть)",
    "false keeps the page out of search",
);

const REVIEWED: Field = f(
    "reviewed",
    Ty::Date,
    Req::Required,
    "когда редактор последний раз сверил факты с источником (не в будущем)",
    "when an editor last checked the facts against the source (not in the future)",
);
const SOURCES_REQ: Field = f(
    "sources",
    Ty::List(&Ty::Url),
    Req::NonEmpty,
    "откуда взяты сведения: ссылки на официальные страницы и акты",
    "where the facts come from (URLs)",
);
const SOURCES_OPT: Field = f(
    "sources",
    Ty::List(&Ty::Url),
    Req::Optional,
    "откуда взяты сведения: ссылки на официальные страницы",
    "where the facts come from (URLs)",
);

const CONTACT_FIELDS: &[Field] = &[
    f(
        "phone",
        Ty::Str { max: 60 },
        Req::Optional,
        "телефон",
        "phone number",
    ),
    f(
        "email",
        Ty::Str { max: 120 },
        Req::Optional,
        "электронная почта",
        "e-mail address",
    ),
    f(
        "url",
        Ty::Url,
        Req::Optional,
        "сайт или страница",
        "web page",
    ),
];

/// The `[taxonomies]` table: every list required (with at least one term) for services and
/// providers, every list optional elsewhere.
const fn taxonomies(req: Req) -> Field {
    let fields: &'static [Field] = match req {
        Req::Required | Req::NonEmpty => TAX_ALL,
        _ => TAX_OPTIONAL,
    };
    f(
        "taxonomies",
        Ty::Table(fields),
        req,
        "таксономии: к чему относится запись",
        "taxonomy terms",
    )
}

const TAX_ALL: &[Field] = &[
    f(
        "categories",
        Ty::List(&Ty::Term(Dict::Categories)),
        Req::NonEmpty,
        "категории из data/categories.toml",
        "category terms from data/categories.toml",
    ),
    f(
        "audiences",
        Ty::List(&Ty::Term(Dict::Audiences)),
        Req::NonEmpty,
        "для кого: группы из data/audiences.toml",
        "target groups from data/audiences.toml",
    ),
    f(
        "regions",
        Ty::List(&Ty::Term(Dict::Regions)),
        Req::NonEmpty,
        "где действует: регионы из data/regions.toml (federal — вся Россия)",
        "where it applies, from data/regions.toml (`federal` = whole country)",
    ),
];
const TAX_OPTIONAL: &[Field] = &[
    f(
        "categories",
        Ty::List(&Ty::Term(Dict::Categories)),
        Req::Optional,
        "категории из data/categories.toml",
        "category terms from data/categories.toml",
    ),
    f(
        "audiences",
        Ty::List(&Ty::Term(Dict::Audiences)),
        Req::Optional,
        "для кого: группы из data/audiences.toml",
        "target groups from data/audiences.toml",
    ),
    f(
        "regions",
        Ty::List(&Ty::Term(Dict::Regions)),
        Req::Optional,
        "где действует: регионы из data/regions.toml",
        "regions from data/regions.toml",
    ),
];

// ---- service -----------------------------------------------------------------------

const SERVICE_EXTRA: &[Field] = &[
    f(
        "form",
        Ty::Enum(FORMS),
        Req::Required,
        "форма помощи",
        "form of support",
    ),
    f(
        "level",
        Ty::Enum(LEVELS),
        Req::Required,
        "уровень: кто устанавливает меру",
        "who establishes the measure",
    ),
    f(
        "providers",
        Ty::List(&Ty::Ref(Kind::Provider)),
        Req::NonEmpty,
        "кто предоставляет: имена файлов организаций из content/providers/",
        "provider slugs (content/providers/)",
    ),
    f(
        "standards",
        Ty::List(&Ty::Ref(Kind::Standard)),
        Req::Optional,
        "стандарты, которым подчиняется услуга (content/standards/)",
        "standards that govern it",
    ),
    f(
        "cost",
        Ty::Enum(COSTS),
        Req::Optional,
        "стоимость для человека (по умолчанию free)",
        "cost to the citizen (default `free`)",
    ),
    REVIEWED,
    SOURCES_REQ,
    f(
        "eligibility",
        Ty::Table(ELIGIBILITY),
        Req::Required,
        "кто может получить",
        "who is eligible",
    ),
    f(
        "documents",
        Ty::TableList(DOCUMENT),
        Req::NonEmpty,
        "какие документы нужны: ref из data/documents.toml или name",
        "documents: `ref` to data/documents.toml or `name`",
    ),
    f(
        "apply",
        Ty::Table(APPLY),
        Req::Required,
        "как и где подать заявление",
        "how and where to apply",
    ),
    f(
        "deadlines",
        Ty::Table(DEADLINES),
        Req::Required,
        "сроки",
        "deadlines",
    ),
    f(
        "refusal",
        Ty::Table(REFUSAL),
        Req::Required,
        "если отказали",
        "refusal and appeal",
    ),
    f(
        "legal_basis",
        Ty::TableList(LEGAL_ACT),
        Req::NonEmpty,
        "нормативные акты, которые устанавливают меру",
        "acts that establish it",
    ),
    f(
        "contacts",
        Ty::Table(CONTACT_FIELDS),
        Req::Optional,
        "горячая линия или страница для вопросов",
        "hotline or page for questions",
    ),
];

const ELIGIBILITY: &[Field] = &[
    f(
        "criteria",
        Ty::List(&Ty::Text),
        Req::NonEmpty,
        "условия, по одному в строке списка",
        "one condition per item",
    ),
    f(
        "age_min",
        Ty::Int,
        Req::Optional,
        "наименьший возраст, лет",
        "minimum age, years",
    ),
    f(
        "age_max",
        Ty::Int,
        Req::Optional,
        "наибольший возраст, лет",
        "maximum age, years",
    ),
    f(
        "age_of",
        Ty::Enum(AGE_OF),
        Req::Optional,
        "чей это возраст: applicant — самого человека (по умолчанию), child — ребёнка, на которого назначают меру",
        "whose age the bounds are: `applicant` (default) or `child` (the child the measure is for)",
    ),
];

const DOCUMENT: &[Field] = &[
    f(
        "ref",
        Ty::Term(Dict::Documents),
        Req::When("нужен ref или name"),
        "ключ документа из data/documents.toml",
        "key in data/documents.toml (or give `name`)",
    ),
    f(
        "name",
        Ty::Str { max: 200 },
        Req::When("нужен ref или name"),
        "название документа, если его нет в словаре",
        "document name when not in the dictionary",
    ),
    f("note", Ty::Text, Req::Optional, "пояснение", "note"),
    f(
        "condition",
        Ty::Text,
        Req::Optional,
        "когда документ нужен",
        "when it is needed",
    ),
    f(
        "optional",
        Ty::Bool,
        Req::Optional,
        "документ необязателен (true или false)",
        "not mandatory",
    ),
];

const APPLY: &[Field] = &[
    f(
        "channels",
        Ty::List(&Ty::Enum(CHANNELS)),
        Req::NonEmpty,
        "способы подать заявление",
        "ways to apply",
    ),
    f(
        "url",
        Ty::Url,
        Req::Optional,
        "страница для подачи онлайн",
        "online application page",
    ),
    f(
        "where",
        Ty::Text,
        Req::Required,
        "куда обращаться",
        "the place to apply",
    ),
    f(
        "steps",
        Ty::List(&Ty::Text),
        Req::NonEmpty,
        "порядок действий, по шагам",
        "the procedure, step by step",
    ),
];

const DEADLINES: &[Field] = &[
    f(
        "apply_within",
        Ty::Text,
        Req::Optional,
        "до какого срока нужно обратиться",
        "by when one must apply",
    ),
    f(
        "decision_days",
        Ty::Int,
        Req::Optional,
        "срок решения в днях (число)",
        "days to a decision",
    ),
    f(
        "decision",
        Ty::Text,
        Req::Required,
        "срок решения словами: «10 рабочих дней»",
        "decision period in words",
    ),
    f(
        "delivery",
        Ty::Text,
        Req::Optional,
        "когда и как часто выплачивают или предоставляют",
        "when and how often it is delivered",
    ),
];

const REFUSAL: &[Field] = &[
    f(
        "reasons",
        Ty::List(&Ty::Text),
        Req::NonEmpty,
        "основания для отказа",
        "grounds for refusal",
    ),
    f(
        "reapply",
        Ty::Text,
        Req::Optional,
        "как обратиться повторно",
        "how to apply again",
    ),
    f(
        "appeal",
        Ty::List(&Ty::Text),
        Req::NonEmpty,
        "как обжаловать отказ, по шагам",
        "how to appeal, step by step",
    ),
];

const LEGAL_ACT: &[Field] = &[
    f(
        "title",
        Ty::Text,
        Req::Required,
        "название акта с датой и номером",
        "title of the act with date and number",
    ),
    f(
        "url",
        Ty::Url,
        Req::Optional,
        "ссылка на текст акта",
        "link to the text",
    ),
];

pub const SERVICE: &[Field] = &[
    TITLE,
    DESCRIPTION,
    DATE,
    UPDATED,
    WEIGHT,
    DRAFT,
    SLUG,
    PATH,
    ALIASES,
    TEMPLATE,
    AUTHORS,
    IN_SEARCH_INDEX,
    taxonomies(Req::Required),
    f(
        "extra",
        Ty::Table(SERVICE_EXTRA),
        Req::Required,
        "поля навигатора",
        "navigator fields",
    ),
];

// ---- provider ----------------------------------------------------------------------

const LOCATION: &[Field] = &[
    f("lat", Ty::Float, Req::Required, "широта", "latitude"),
    f("lon", Ty::Float, Req::Required, "долгота", "longitude"),
];

const PROVIDER_EXTRA: &[Field] = &[
    f(
        "type",
        Ty::Enum(PROVIDER_TYPES),
        Req::Required,
        "вид организации",
        "kind of organisation",
    ),
    f(
        "inn",
        Ty::Inn,
        Req::Optional,
        "ИНН (10 или 12 цифр), проверяется по контрольным цифрам",
        "taxpayer number, control digits checked",
    ),
    f(
        "ogrn",
        Ty::Ogrn,
        Req::Optional,
        "ОГРН (13 или 15 цифр), проверяется по контрольной цифре",
        "registration number, control digit checked",
    ),
    f(
        "in_registry",
        Ty::Bool,
        Req::Optional,
        "входит в региональный реестр поставщиков социальных услуг",
        "in the regional register of social-service providers",
    ),
    f(
        "activities",
        Ty::List(&Ty::Text),
        Req::Optional,
        "виды деятельности и мероприятий",
        "kinds of activity and events",
    ),
    f(
        "address",
        Ty::Text,
        Req::Optional,
        "почтовый адрес",
        "postal address",
    ),
    f(
        "location",
        Ty::Table(LOCATION),
        Req::Optional,
        "координаты для карты: { lat = 55.44, lon = 65.34 }",
        "coordinates for maps",
    ),
    f(
        "hours",
        Ty::Text,
        Req::Optional,
        "часы приёма",
        "opening hours",
    ),
    f(
        "contacts",
        Ty::Table(CONTACT_FIELDS),
        Req::When("нужен хотя бы один способ связи"),
        "как связаться: phone, email или url — хотя бы одно",
        "how to reach it: at least one of phone, email, url",
    ),
    REVIEWED,
    SOURCES_OPT,
];

pub const PROVIDER: &[Field] = &[
    TITLE,
    DESCRIPTION,
    DATE,
    UPDATED,
    WEIGHT,
    DRAFT,
    SLUG,
    PATH,
    ALIASES,
    TEMPLATE,
    AUTHORS,
    IN_SEARCH_INDEX,
    taxonomies(Req::Required),
    f(
        "extra",
        Ty::Table(PROVIDER_EXTRA),
        Req::Required,
        "поля навигатора",
        "navigator fields",
    ),
];

// ---- standard ----------------------------------------------------------------------

const STANDARD_EXTRA: &[Field] = &[
    f(
        "code",
        Ty::Str { max: 100 },
        Req::Required,
        "обозначение: «ГОСТ Р 52143-2013», «ISO 9001:2015»",
        "designation",
    ),
    f(
        "type",
        Ty::Enum(STANDARD_TYPES),
        Req::Required,
        "вид стандарта",
        "kind of standard",
    ),
    f(
        "status",
        Ty::Enum(STANDARD_STATUSES),
        Req::Required,
        "статус",
        "status",
    ),
    f(
        "adopted",
        Ty::Date,
        Req::Optional,
        "дата принятия",
        "adoption date",
    ),
    f(
        "effective",
        Ty::Date,
        Req::Optional,
        "дата введения в действие",
        "effective date",
    ),
    f(
        "superseded_by",
        Ty::Ref(Kind::Standard),
        Req::When("нужно, если status = \"superseded\""),
        "стандарт, который заменил этот (имя файла)",
        "successor standard (when superseded)",
    ),
    f(
        "developer",
        Ty::RefOrText(Kind::Provider),
        Req::Optional,
        "разработчик: имя файла организации или текст",
        "developer: provider slug or text",
    ),
    f(
        "discussion_until",
        Ty::Date,
        Req::When("нужно, если status = \"public-discussion\""),
        "до какой даты идёт общественное обсуждение",
        "end of the comment period (when in public discussion)",
    ),
    f(
        "files",
        Ty::List(&Ty::BundleFile),
        Req::Optional,
        "файлы рядом с index.md в папке стандарта",
        "attachments in the page bundle",
    ),
    REVIEWED,
    SOURCES_OPT,
];

pub const STANDARD: &[Field] = &[
    TITLE,
    DESCRIPTION_OPT,
    DATE,
    UPDATED,
    WEIGHT,
    DRAFT,
    SLUG,
    PATH,
    ALIASES,
    TEMPLATE,
    AUTHORS,
    IN_SEARCH_INDEX,
    taxonomies(Req::Optional),
    f(
        "extra",
        Ty::Table(STANDARD_EXTRA),
        Req::Required,
        "поля навигатора",
        "navigator fields",
    ),
];

// ---- situation ---------------------------------------------------------------------

const STEP: &[Field] = &[
    f(
        "title",
        Ty::Str { max: 200 },
        Req::Required,
        "что сделать",
        "what to do",
    ),
    f(
        "text",
        Ty::Text,
        Req::Optional,
        "пояснение к шагу",
        "explanation",
    ),
    f(
        "services",
        Ty::List(&Ty::Ref(Kind::Service)),
        Req::Optional,
        "меры поддержки этого шага (имена файлов)",
        "service slugs of this step",
    ),
];

const SITUATION_EXTRA: &[Field] = &[
    f(
        "steps",
        Ty::TableList(STEP),
        Req::NonEmpty,
        "шаги по порядку",
        "steps, in order",
    ),
    REVIEWED,
    SOURCES_OPT,
];

pub const SITUATION: &[Field] = &[
    TITLE,
    DESCRIPTION,
    DATE,
    UPDATED,
    WEIGHT,
    DRAFT,
    SLUG,
    PATH,
    ALIASES,
    TEMPLATE,
    AUTHORS,
    IN_SEARCH_INDEX,
    taxonomies(Req::Optional),
    f(
        "extra",
        Ty::Table(SITUATION_EXTRA),
        Req::Required,
        "поля навигатора",
        "navigator fields",
    ),
];

// ---- plain Zola pages and sections -------------------------------------------------

const ANY_EXTRA: Field = f(
    "extra",
    Ty::Any,
    Req::Optional,
    "свои поля шаблона",
    "free-form template data",
);
const TAX_ANY: Field = taxonomies(Req::Optional);

pub const PLAIN_PAGE: &[Field] = &[
    f(
        "title",
        Ty::Str { max: 200 },
        Req::Optional,
        "заголовок",
        "title",
    ),
    DESCRIPTION_OPT,
    DATE,
    UPDATED,
    WEIGHT,
    DRAFT,
    SLUG,
    PATH,
    ALIASES,
    TEMPLATE,
    AUTHORS,
    IN_SEARCH_INDEX,
    TAX_ANY,
    ANY_EXTRA,
];

pub const SECTION: &[Field] = &[
    f(
        "title",
        Ty::Str { max: 200 },
        Req::Optional,
        "заголовок раздела",
        "title",
    ),
    DESCRIPTION_OPT,
    f(
        "sort_by",
        Ty::Enum(SORT_BY),
        Req::Optional,
        "порядок записей в списке раздела (по умолчанию title)",
        "order of the section's list (default `title`)",
    ),
    WEIGHT,
    DRAFT,
    TEMPLATE,
    ALIASES,
    IN_SEARCH_INDEX,
    f(
        "page_template",
        Ty::Str { max: 100 },
        Req::Optional,
        "шаблон страниц раздела",
        "template of the section's pages",
    ),
    f(
        "paginate_by",
        Ty::Int,
        Req::Optional,
        "сколько записей на странице списка",
        "records per list page",
    ),
    f(
        "paginate_path",
        Ty::Str { max: 50 },
        Req::Optional,
        "часть адреса страниц списка (page)",
        "path segment of list pages",
    ),
    f(
        "paginate_reversed",
        Ty::Bool,
        Req::Optional,
        "обратный порядок",
        "reverse order",
    ),
    f(
        "insert_anchor_links",
        Ty::Str { max: 20 },
        Req::Optional,
        "якоря у заголовков",
        "heading anchors",
    ),
    f(
        "render",
        Ty::Bool,
        Req::Optional,
        "false — не создавать страницу раздела",
        "false: no page for the section",
    ),
    f(
        "redirect_to",
        Ty::Str { max: 200 },
        Req::Optional,
        "перенаправить раздел",
        "redirect the section",
    ),
    f(
        "transparent",
        Ty::Bool,
        Req::Optional,
        "страницы раздела входят в родительский",
        "pages belong to the parent",
    ),
    f(
        "generate_feeds",
        Ty::Bool,
        Req::Optional,
        "лента раздела",
        "section feed",
    ),
    f(
        "sort_by_weight",
        Ty::Bool,
        Req::Optional,
        "устаревшее",
        "deprecated",
    ),
    ANY_EXTRA,
];
