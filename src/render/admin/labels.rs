//! What the editor's form calls each field: a short Russian label per field path of
//! every kind (the schema's Russian text becomes the hint under it), the collections'
//! names, and the few hints that only make sense in the form.

use crate::schema::Kind;

/// The collection's name in the editor's menu (plural).
pub fn collection(kind: Kind) -> &'static str {
    match kind {
        Kind::Service => "Меры поддержки",
        Kind::Provider => "Организации",
        Kind::Standard => "Стандарты",
        Kind::Situation => "Жизненные ситуации",
    }
}

/// One line above the collection's list of records.
pub fn collection_description(kind: Kind) -> &'static str {
    match kind {
        Kind::Service => "Меры поддержки и социальные услуги: кому положены, какие нужны документы, куда обращаться, сроки и что делать при отказе.",
        Kind::Provider => "Ведомства, учреждения и некоммерческие организации, которые предоставляют меры поддержки.",
        Kind::Standard => "Стандарты социальных услуг: национальные, региональные, стандарты организаций.",
        Kind::Situation => "Жизненные ситуации: что делать по шагам и какие меры поддержки есть на каждом шаге.",
    }
}

/// The label of the field at a dotted path of a kind's schema (`extra.apply.steps`).
pub fn field(kind: Kind, path: &str) -> Option<&'static str> {
    let by_kind = match (kind, path) {
        (Kind::Service, "extra") => Some("Сведения о мере"),
        (Kind::Provider, "extra") => Some("Сведения об организации"),
        (Kind::Standard, "extra") => Some("Сведения о стандарте"),
        (Kind::Situation, "extra") => Some("Сведения о ситуации"),
        (Kind::Provider, "extra.type") => Some("Вид организации"),
        (Kind::Standard, "extra.type") => Some("Вид стандарта"),
        (Kind::Service, "extra.contacts") => Some("Контакты для вопросов"),
        (Kind::Provider, "extra.contacts") => Some("Контакты"),
        (Kind::Standard, "title") => Some("Полное название"),
        (Kind::Situation, "title") => Some("Ситуация"),
        _ => None,
    };
    by_kind.or(match path {
        "title" => Some("Название"),
        "description" => Some("Кратко"),
        "date" => Some("Дата начала действия или публикации"),
        "updated" => Some("Дата изменения правил"),
        "weight" => Some("Порядок в списках"),
        "draft" => Some("Черновик (не публиковать)"),
        "slug" => Some("Адрес страницы"),
        "path" => Some("Полный адрес страницы"),
        "aliases" => Some("Старые адреса"),
        "template" => Some("Шаблон страницы"),
        "authors" => Some("Авторы"),
        "in_search_index" => Some("Показывать в поиске"),
        "taxonomies" => Some("Темы, группы и регионы"),
        "taxonomies.categories" => Some("Категории"),
        "taxonomies.audiences" => Some("Для кого"),
        "taxonomies.regions" => Some("Регионы"),
        // service
        "extra.form" => Some("Форма помощи"),
        "extra.level" => Some("Уровень"),
        "extra.providers" => Some("Кто предоставляет"),
        "extra.standards" => Some("Стандарты"),
        "extra.cost" => Some("Стоимость"),
        "extra.reviewed" => Some("Дата проверки"),
        "extra.sources" => Some("Источники"),
        "extra.eligibility" => Some("Кто может получить"),
        "extra.eligibility.criteria" => Some("Условия"),
        "extra.eligibility.age_min" => Some("Возраст от, лет"),
        "extra.eligibility.age_max" => Some("Возраст до, лет"),
        "extra.eligibility.age_of" => Some("Чей это возраст"),
        "extra.documents" => Some("Документы"),
        "extra.documents.ref" => Some("Документ из словаря"),
        "extra.documents.name" => Some("Название документа"),
        "extra.documents.note" => Some("Пояснение"),
        "extra.documents.condition" => Some("Когда нужен"),
        "extra.documents.optional" => Some("Необязательный документ"),
        "extra.apply" => Some("Как подать заявление"),
        "extra.apply.channels" => Some("Способы подачи"),
        "extra.apply.url" => Some("Страница для подачи онлайн"),
        "extra.apply.where" => Some("Куда обращаться"),
        "extra.apply.steps" => Some("Порядок действий"),
        "extra.deadlines" => Some("Сроки"),
        "extra.deadlines.apply_within" => Some("Обратиться до"),
        "extra.deadlines.decision_days" => Some("Срок решения, дней"),
        "extra.deadlines.decision" => Some("Срок решения словами"),
        "extra.deadlines.delivery" => Some("Когда выплачивают или предоставляют"),
        "extra.refusal" => Some("Если отказали"),
        "extra.refusal.reasons" => Some("Причины отказа"),
        "extra.refusal.reapply" => Some("Как обратиться повторно"),
        "extra.refusal.appeal" => Some("Как обжаловать"),
        "extra.legal_basis" => Some("Правовые основания"),
        "extra.legal_basis.title" => Some("Название акта"),
        "extra.legal_basis.url" => Some("Ссылка на текст акта"),
        "extra.contacts.phone" => Some("Телефон"),
        "extra.contacts.email" => Some("Электронная почта"),
        "extra.contacts.url" => Some("Сайт"),
        // provider
        "extra.inn" => Some("ИНН"),
        "extra.ogrn" => Some("ОГРН"),
        "extra.in_registry" => Some("В реестре поставщиков социальных услуг"),
        "extra.activities" => Some("Виды деятельности"),
        "extra.address" => Some("Адрес"),
        "extra.location" => Some("Координаты на карте"),
        "extra.location.lat" => Some("Широта"),
        "extra.location.lon" => Some("Долгота"),
        "extra.hours" => Some("Часы приёма"),
        // standard
        "extra.code" => Some("Обозначение"),
        "extra.status" => Some("Статус"),
        "extra.adopted" => Some("Дата принятия"),
        "extra.effective" => Some("Дата введения в действие"),
        "extra.superseded_by" => Some("Заменён стандартом"),
        "extra.developer" => Some("Разработчик"),
        "extra.discussion_until" => Some("Обсуждение до"),
        "extra.files" => Some("Файлы"),
        // situation
        "extra.steps" => Some("Шаги"),
        "extra.steps.title" => Some("Что сделать"),
        "extra.steps.text" => Some("Пояснение"),
        "extra.steps.services" => Some("Меры поддержки этого шага"),
        _ => None,
    })
}

/// What the form adds to the schema's hint for a field, where editing in a form differs
/// from editing the file.
pub fn form_hint(path: &str) -> Option<&'static str> {
    match path {
        "slug" => Some("Для новой записи: оставьте пустым, и адрес составится из названия латиницей, или впишите свой. У опубликованной записи не меняйте: сменится адрес страницы."),
        "extra.developer" => Some("Если разработчик есть в разделе «Организации», впишите имя его файла: тогда на странице будет ссылка."),
        "extra.files" => Some("Файлы кладут в папку записи через git; здесь — только их имена."),
        "extra.documents" => Some("У каждого документа заполните одно из двух: «Документ из словаря» или «Название документа»."),
        _ => None,
    }
}

/// The label of one item of a list of plain values (steps, conditions, links).
pub fn list_item(path: &str) -> &'static str {
    match path {
        "extra.sources" => "Ссылка",
        "extra.eligibility.criteria" => "Условие",
        "extra.apply.steps" | "extra.refusal.appeal" => "Шаг",
        "extra.refusal.reasons" => "Причина",
        "extra.activities" => "Вид деятельности",
        "extra.files" => "Файл",
        "aliases" => "Адрес",
        "authors" => "Автор",
        _ => "Пункт",
    }
}

/// The label of one item of a list of tables ("Добавить <label>").
pub fn table_item(path: &str) -> &'static str {
    match path {
        "extra.documents" => "документ",
        "extra.legal_basis" => "акт",
        "extra.steps" => "шаг",
        _ => "пункт",
    }
}
