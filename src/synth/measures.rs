//! Categories of measures (`CATS`), their measure kinds, adjectives and the federal acts they cite.

#[derive(Clone, Copy)]
pub(super) enum G {
    M,
    F,
    N,
}

/// An adjective in the masculine, feminine and neuter.
pub(super) type Adj = (&'static str, &'static str, &'static str);

pub(super) fn agree(a: &Adj, g: G) -> &'static str {
    match g {
        G::M => a.0,
        G::F => a.1,
        G::N => a.2,
    }
}

pub(super) const ADJ_MONEY: &[Adj] = &[
    ("ежемесячный", "ежемесячная", "ежемесячное"),
    ("единовременный", "единовременная", "единовременное"),
    ("ежегодный", "ежегодная", "ежегодное"),
    ("дополнительный", "дополнительная", "дополнительное"),
];
pub(super) const ADJ_BENEFIT: &[Adj] = &[("дополнительный", "дополнительная", "дополнительное")];
pub(super) const ADJ_SERVICE: &[Adj] = &[
    ("бесплатный", "бесплатная", "бесплатное"),
    ("срочный", "срочная", "срочное"),
    ("дополнительный", "дополнительная", "дополнительное"),
];

/// A kind of measure: form (schema enum), noun with its gender, and what follows it.
pub(super) struct Measure {
    pub(super) form: &'static str,
    pub(super) noun: &'static str,
    pub(super) g: G,
    pub(super) tail: &'static str,
}

pub(super) const fn m(form: &'static str, noun: &'static str, g: G, tail: &'static str) -> Measure {
    Measure {
        form,
        noun,
        g,
        tail,
    }
}

pub(super) struct Cat {
    pub(super) key: &'static str,
    pub(super) measures: &'static [Measure],
    pub(super) audiences: &'static [&'static str],
    pub(super) docs: &'static [&'static str],
    pub(super) named_docs: &'static [&'static str],
    pub(super) acts: &'static [&'static str],
    /// "по вопросам ..." (genitive).
    pub(super) topic: &'static str,
    /// "..., если <cond>": when the measure is granted, for descriptions.
    pub(super) conds: &'static [&'static str],
}

pub(super) const ACT_81: &str =
    "Федеральный закон от 19.05.1995 № 81-ФЗ «О государственных пособиях гражданам, имеющим детей»";
pub(super) const ACT_256: &str = "Федеральный закон от 29.12.2006 № 256-ФЗ «О дополнительных мерах государственной поддержки семей, имеющих детей»";
pub(super) const ACT_400: &str = "Федеральный закон от 28.12.2013 № 400-ФЗ «О страховых пенсиях»";
pub(super) const ACT_166: &str = "Федеральный закон от 15.12.2001 № 166-ФЗ «О государственном пенсионном обеспечении в Российской Федерации»";
pub(super) const ACT_178: &str =
    "Федеральный закон от 17.07.1999 № 178-ФЗ «О государственной социальной помощи»";
pub(super) const ACT_181: &str = "Федеральный закон от 24.11.1995 № 181-ФЗ «О социальной защите инвалидов в Российской Федерации»";
pub(super) const ACT_1032: &str = "Закон Российской Федерации от 19.04.1991 № 1032-1 «О занятости населения в Российской Федерации»";
pub(super) const ACT_ZHK: &str = "Жилищный кодекс Российской Федерации от 29.12.2004 № 188-ФЗ";
pub(super) const ACT_442: &str = "Федеральный закон от 28.12.2013 № 442-ФЗ «Об основах социального обслуживания граждан в Российской Федерации»";
pub(super) const ACT_324: &str = "Федеральный закон от 21.11.2011 № 324-ФЗ «О бесплатной юридической помощи в Российской Федерации»";
pub(super) const ACT_NK: &str =
    "Налоговый кодекс Российской Федерации (часть вторая) от 05.08.2000 № 117-ФЗ";
pub(super) const ACT_5: &str = "Федеральный закон от 12.01.1995 № 5-ФЗ «О ветеранах»";
pub(super) const ACT_159: &str = "Федеральный закон от 21.12.1996 № 159-ФЗ «О дополнительных гарантиях по социальной поддержке детей-сирот и детей, оставшихся без попечения родителей»";

pub(super) const CATS: &[Cat] = &[
    Cat {
        key: "family",
        measures: &[
            m("payment", "пособие", G::N, "при рождении ребёнка"),
            m(
                "payment",
                "выплата",
                G::F,
                "на ребёнка в возрасте от трёх до семи лет",
            ),
            m(
                "payment",
                "компенсация",
                G::F,
                "части родительской платы за детский сад",
            ),
            m(
                "benefit",
                "льгота",
                G::F,
                "на проезд школьников в общественном транспорте",
            ),
            m("in-kind", "набор", G::M, "детских вещей для новорождённого"),
            m(
                "certificate",
                "сертификат",
                G::M,
                "на отдых и оздоровление детей",
            ),
            m(
                "service",
                "социальное сопровождение",
                G::N,
                "семей с детьми",
            ),
            m("consultation", "консультация", G::F, "семейного психолога"),
        ],
        audiences: &[
            "families-with-children",
            "pregnant",
            "large-families",
            "low-income",
            "disabled-children",
            "orphans",
        ],
        docs: &[
            "birth-certificate",
            "marriage-certificate",
            "income-certificate",
            "family-composition",
            "bank-details",
            "guardianship-decision",
            "pregnancy-registration",
            "registration-proof",
        ],
        named_docs: &[
            "Справка из школы или колледжа об очном обучении ребёнка",
            "Справка о рождении из ЗАГС",
            "Удостоверение многодетной семьи",
            "Справка о постановке на учёт по беременности в ранние сроки",
        ],
        acts: &[ACT_81, ACT_256],
        topic: "поддержки семей с детьми",
        conds: &[
            "доход семьи ниже прожиточного минимума",
            "ребёнок живёт вместе с заявителем",
            "заявление подано в установленный срок",
        ],
    },
    Cat {
        key: "pensions",
        measures: &[
            m(
                "payment",
                "доплата",
                G::F,
                "к пенсии до прожиточного минимума",
            ),
            m("payment", "выплата", G::F, "к юбилею супружеской жизни"),
            m(
                "benefit",
                "компенсация",
                G::F,
                "расходов на зубопротезирование",
            ),
            m(
                "benefit",
                "компенсация",
                G::F,
                "стоимости проезда к месту отдыха и обратно",
            ),
            m("service", "доставка", G::F, "пенсии на дом"),
            m(
                "consultation",
                "консультация",
                G::F,
                "по вопросам назначения пенсии",
            ),
        ],
        audiences: &["pensioners", "elderly", "veterans", "pre-pensioners"],
        docs: &[
            "pension-info",
            "employment-record",
            "bank-details",
            "veteran-certificate",
            "marriage-certificate",
        ],
        named_docs: &[
            "Справка о стаже работы в районах Крайнего Севера",
            "Справка из военного комиссариата о прохождении службы",
            "Проездные документы",
            "Смета на зубопротезирование из поликлиники",
        ],
        acts: &[ACT_400, ACT_166, ACT_178],
        topic: "пенсионного обеспечения",
        conds: &[
            "человек получает пенсию и не работает",
            "размер пенсии ниже прожиточного минимума",
            "право на меру подтверждено документами",
        ],
    },
    Cat {
        key: "disability",
        measures: &[
            m(
                "payment",
                "выплата",
                G::F,
                "на приобретение технических средств реабилитации",
            ),
            m(
                "benefit",
                "компенсация",
                G::F,
                "расходов на приспособление жилья для человека с инвалидностью",
            ),
            m(
                "service",
                "реабилитация",
                G::F,
                "людей с инвалидностью в центре дневного пребывания",
            ),
            m("service", "услуга", G::F, "социального такси"),
            m(
                "in-kind",
                "техническое средство",
                G::N,
                "реабилитации во временное пользование",
            ),
            m(
                "consultation",
                "консультация",
                G::F,
                "по подбору средств реабилитации",
            ),
        ],
        audiences: &["disabled", "disabled-children", "caregivers"],
        docs: &[
            "disability-certificate",
            "ipra",
            "mse-referral",
            "bank-details",
        ],
        named_docs: &[
            "Заключение врачебной комиссии о нуждаемости в средстве реабилитации",
            "Товарный чек на средство реабилитации",
            "Акт обследования жилого помещения",
        ],
        acts: &[ACT_181],
        topic: "реабилитации людей с инвалидностью",
        conds: &[
            "мера записана в индивидуальной программе реабилитации",
            "инвалидность установлена бюро медико-социальной экспертизы",
            "человек нуждается в постороннем уходе",
        ],
    },
    Cat {
        key: "employment",
        measures: &[
            m("payment", "пособие", G::N, "по безработице"),
            m("payment", "выплата", G::F, "на открытие собственного дела"),
            m(
                "service",
                "профессиональное обучение",
                G::N,
                "по направлению центра занятости",
            ),
            m("service", "содействие", G::N, "в поиске подходящей работы"),
            m(
                "benefit",
                "компенсация",
                G::F,
                "расходов на переезд к новому месту работы",
            ),
            m(
                "consultation",
                "консультация",
                G::F,
                "по профессиональной ориентации",
            ),
        ],
        audiences: &[
            "unemployed",
            "pre-pensioners",
            "disabled",
            "orphans",
            "families-with-children",
        ],
        docs: &[
            "employment-record",
            "education-document",
            "business-plan",
            "military-id",
            "income-certificate",
        ],
        named_docs: &[
            "Справка о среднем заработке за последние три месяца работы",
            "Резюме",
            "Справка о прекращении предпринимательской деятельности",
        ],
        acts: &[ACT_1032],
        topic: "трудоустройства и обучения",
        conds: &[
            "человек зарегистрирован в центре занятости",
            "человек ищет подходящую работу",
            "заявление подано в установленный срок",
        ],
    },
    Cat {
        key: "housing",
        measures: &[
            m(
                "payment",
                "субсидия",
                G::F,
                "на оплату жилья и коммунальных услуг",
            ),
            m(
                "benefit",
                "компенсация",
                G::F,
                "расходов на оплату жилья и коммунальных услуг",
            ),
            m(
                "payment",
                "выплата",
                G::F,
                "на погашение ипотечного кредита",
            ),
            m(
                "benefit",
                "компенсация",
                G::F,
                "расходов на подключение дома к газу",
            ),
            m("in-kind", "обеспечение", G::N, "твёрдым топливом"),
            m(
                "certificate",
                "сертификат",
                G::M,
                "на улучшение жилищных условий",
            ),
        ],
        audiences: &[
            "large-families",
            "low-income",
            "veterans",
            "disabled",
            "pensioners",
            "families-with-children",
        ],
        docs: &[
            "housing-documents",
            "utility-bills",
            "family-composition",
            "loan-agreement",
            "registration-proof",
            "income-certificate",
        ],
        named_docs: &[
            "Справка об отсутствии задолженности за жилищно-коммунальные услуги",
            "Договор с газораспределительной организацией",
            "Договор социального найма",
        ],
        acts: &[ACT_ZHK, ACT_178],
        topic: "оплаты жилья и коммунальных услуг",
        conds: &[
            "расходы на жильё больше допустимой доли дохода семьи",
            "нет долга за жилищно-коммунальные услуги",
            "право на меру подтверждено документами",
        ],
    },
    Cat {
        key: "low-income",
        measures: &[
            m(
                "payment",
                "помощь",
                G::F,
                "на основании социального контракта",
            ),
            m("payment", "выплата", G::F, "на подготовку детей к школе"),
            m(
                "in-kind",
                "продуктовый набор",
                G::M,
                "для семей в трудной жизненной ситуации",
            ),
            m("in-kind", "помощь", G::F, "одеждой и обувью"),
            m(
                "payment",
                "материальная помощь",
                G::F,
                "в трудной жизненной ситуации",
            ),
            m("benefit", "компенсация", G::F, "стоимости лекарств"),
        ],
        audiences: &[
            "low-income",
            "families-with-children",
            "pensioners",
            "large-families",
        ],
        docs: &[
            "income-certificate",
            "family-composition",
            "registration-proof",
            "bank-details",
            "employment-record",
        ],
        named_docs: &[
            "Программа социальной адаптации",
            "Акт обследования материально-бытовых условий",
            "Справка о пожаре или другом бедствии",
        ],
        acts: &[ACT_178],
        topic: "государственной социальной помощи",
        conds: &[
            "доход семьи ниже прожиточного минимума",
            "семья оказалась в трудной жизненной ситуации",
            "семья признана малоимущей",
        ],
    },
    Cat {
        key: "social-services",
        measures: &[
            m("service", "социальное обслуживание", G::N, "на дому"),
            m(
                "service",
                "социальное обслуживание",
                G::N,
                "в полустационарной форме",
            ),
            m(
                "service",
                "услуга",
                G::F,
                "сиделки для одиноких пожилых людей",
            ),
            m(
                "service",
                "прокат",
                G::M,
                "технических средств реабилитации",
            ),
            m(
                "service",
                "обучение",
                G::N,
                "родственников уходу за пожилыми людьми",
            ),
            m(
                "in-kind",
                "горячее питание",
                G::N,
                "для одиноких пожилых людей",
            ),
        ],
        audiences: &[
            "elderly",
            "disabled",
            "caregivers",
            "families-with-children",
            "pensioners",
        ],
        docs: &[
            "disability-certificate",
            "income-certificate",
            "family-composition",
            "ipra",
        ],
        named_docs: &[
            "Медицинское заключение об отсутствии противопоказаний к социальному обслуживанию",
            "Индивидуальная программа предоставления социальных услуг",
            "Договор о предоставлении социальных услуг",
        ],
        acts: &[ACT_442],
        topic: "социального обслуживания",
        conds: &[
            "человек признан нуждающимся в социальном обслуживании",
            "человек частично утратил способность обслуживать себя",
            "в семье нет никого, кто может ухаживать",
        ],
    },
    Cat {
        key: "health",
        measures: &[
            m("in-kind", "путёвка", G::F, "на санаторно-курортное лечение"),
            m(
                "benefit",
                "компенсация",
                G::F,
                "стоимости проезда к месту лечения",
            ),
            m("benefit", "льгота", G::F, "на бесплатные лекарства"),
            m(
                "in-kind",
                "слуховой аппарат",
                G::M,
                "для детей с нарушением слуха",
            ),
            m(
                "service",
                "медицинская реабилитация",
                G::F,
                "после тяжёлой болезни",
            ),
        ],
        audiences: &[
            "disabled",
            "veterans",
            "pensioners",
            "disabled-children",
            "elderly",
        ],
        docs: &[
            "ipra",
            "disability-certificate",
            "sick-leave",
            "veteran-certificate",
        ],
        named_docs: &[
            "Справка для получения путёвки по форме 070/у",
            "Рецепт врача",
            "Выписка из медицинской карты",
        ],
        acts: &[ACT_178, ACT_181],
        topic: "лечения и реабилитации",
        conds: &[
            "есть медицинские показания и справка врача",
            "человек имеет право на набор социальных услуг",
            "право на меру подтверждено документами",
        ],
    },
    Cat {
        key: "legal-aid",
        measures: &[
            m(
                "consultation",
                "юридическая консультация",
                G::F,
                "по вопросам социальной защиты",
            ),
            m(
                "consultation",
                "консультация",
                G::F,
                "адвоката по жилищным вопросам",
            ),
            m("service", "помощь", G::F, "в составлении жалоб и заявлений"),
            m(
                "service",
                "представительство",
                G::N,
                "в суде по социальным спорам",
            ),
        ],
        audiences: &[
            "low-income",
            "disabled",
            "pensioners",
            "veterans",
            "orphans",
            "large-families",
        ],
        docs: &[
            "power-of-attorney",
            "income-certificate",
            "disability-certificate",
        ],
        named_docs: &[
            "Копия решения, которое вы хотите обжаловать",
            "Переписка с ведомством",
            "Справка о признании семьи малоимущей",
        ],
        acts: &[ACT_324],
        topic: "защиты прав в суде и ведомствах",
        conds: &[
            "человек относится к категории, которой положена бесплатная помощь",
            "вопрос касается социальных выплат или услуг",
            "доход семьи ниже прожиточного минимума",
        ],
    },
    Cat {
        key: "taxes",
        measures: &[
            m(
                "benefit",
                "льгота",
                G::F,
                "по налогу на имущество физических лиц",
            ),
            m("benefit", "льгота", G::F, "по транспортному налогу"),
            m("benefit", "налоговый вычет", G::M, "на лечение и лекарства"),
            m("benefit", "налоговый вычет", G::M, "на обучение детей"),
            m("benefit", "льгота", G::F, "по земельному налогу"),
        ],
        audiences: &[
            "pensioners",
            "large-families",
            "disabled",
            "veterans",
            "families-with-children",
            "pre-pensioners",
        ],
        docs: &[
            "inn",
            "housing-documents",
            "education-contract",
            "pension-info",
        ],
        named_docs: &[
            "Справка об оплате медицинских услуг для налоговой",
            "Налоговая декларация 3-НДФЛ",
            "Чеки об оплате лекарств",
        ],
        acts: &[ACT_NK],
        topic: "налоговых льгот",
        conds: &[
            "расходы подтверждены документами",
            "человек относится к льготной категории",
            "заявление о льготе подано в налоговую",
        ],
    },
];
