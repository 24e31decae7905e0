// Relevance of the search against the bundled catalogue (content/): each query a citizen
// might type, with the record they are looking for. search.test.mjs types each one into
// the search page and asserts that record is among the first three results; it prints a
// table of query -> rank.
//
// `want`: the URL of the record that must be in the top 3.
// `region`: instead of one record, every one of the top 3 must be listed on the page of
// that region (/regions/<region>/).
// `why`: where the words are found in the record, for whoever edits the content.
export const TOP = 3;

export const QUERIES = [
  { q: "материнский капитал", want: "/services/matkapital-sertifikat/", why: "title" },
  { q: "сертификат на материнский капитал", want: "/services/matkapital-sertifikat/", why: "title" },
  { q: "материнский капитал на жильё", want: "/services/matkapital-zhile/", why: "title" },
  { q: "пособие на ребёнка", want: "/services/edinoe-posobie/", why: "title: пособие на детей" },
  { q: "пособие по безработице", want: "/services/posobie-po-bezrabotice/", why: "title" },
  { q: "пособие по безработеце", want: "/services/posobie-po-bezrabotice/", why: "typo in a long word" },
  { q: "пенсия по инвалидности", want: "/services/pensiya-po-invalidnosti/", why: "title" },
  { q: "страховая пенсия по старости", want: "/services/strahovaya-pensiya-po-starosti/", why: "title" },
  { q: "социальная пенсия", want: "/services/socialnaya-pensiya/", why: "title" },
  { q: "потеря кормильца", want: "/services/pensiya-po-potere-kormiltsa/", why: "title, other word forms" },
  { q: "доплата к пенсии", want: "/services/socialnaya-doplata-k-pensii/", why: "title" },
  { q: "социальный контракт", want: "/services/socialnyy-kontrakt/", why: "the whole title" },
  { q: "субсидия жкх", want: "/services/subsidiya-zhkh/", why: "title + description" },
  { q: "субсидия на коммуналку", want: "/services/subsidiya-zhkh/", why: "title + colloquial word" },
  { q: "пособие по беременности и родам", want: "/services/posobie-po-beremennosti-i-rodam/", why: "title" },
  { q: "декрет", want: "/services/posobie-po-beremennosti-i-rodam/", why: "body only" },
  { q: "пособие на погребение", want: "/services/posobie-na-pogrebenie/", why: "title" },
  { q: "похороны", want: "/services/posobie-na-pogrebenie/", why: "description" },
  { q: "ветеран труда", want: "/services/kurgan-zvanie-veteran-truda/", why: "title" },
  { q: "удостоверение многодетной семьи", want: "/services/kurgan-udostoverenie-mnogodetnoy-semi/", why: "title" },
  { q: "земельный участок", want: "/services/kurgan-zemelnyy-uchastok-mnogodetnym/", why: "title" },
  { q: "450 тысяч на ипотеку", want: "/services/mnogodetnym-450-tysyach/", why: "number + title" },
  { q: "налоговый вычет на детей", want: "/services/nalogovyy-vychet-na-detey/", why: "title" },
  { q: "технические средства реабилитации", want: "/services/tehnicheskie-sredstva-reabilitacii/", why: "title" },
  { q: "инвалидная коляска", want: "/services/tehnicheskie-sredstva-reabilitacii/", why: "body" },
  { q: "установление инвалидности", want: "/services/ustanovlenie-invalidnosti/", why: "title" },
  { q: "едв инвалидам", want: "/services/edv-invalidam/", why: "abbreviation in title" },
  { q: "нсу", want: "/services/nabor-socialnyh-uslug/", why: "abbreviation in title" },
  { q: "бесплатный юрист", want: "/services/besplatnaya-yuridicheskaya-pomoshch/", why: "title + body" },
  { q: "детский сад", want: "/services/kurgan-kompensaciya-roditelskoy-platy/", why: "title" },
  { q: "путёвка в лагерь", want: "/services/kurgan-otdyh-i-ozdorovlenie-detey/", why: "title + body" },
  { q: "обслуживание на дому", want: "/services/socialnoe-obsluzhivanie-na-domu/", why: "title" },
  { q: "рождение ребенка", want: "/situations/rozhdenie-rebenka/", why: "situation title, е for ё" },
  { q: "потеря работы", want: "/situations/poterya-raboty/", why: "situation title" },
  { q: "сократили с работы", want: "/situations/poterya-raboty/", why: "situation description" },
  { q: "нет денег на еду", want: "/situations/nizkiy-dohod/", why: "situation description" },
  { q: "умер близкий", want: "/situations/smert-blizkogo/", why: "situation description" },
  { q: "выход на пенсию", want: "/situations/vyhod-na-pensiyu/", why: "situation title" },
  { q: "мфц", want: "/providers/mfc-kurgan/", why: "provider title" },
  { q: "мсэ", want: "/providers/mse-kurgan/", why: "abbreviation in a provider's text" },
  { q: "центр занятости", want: "/providers/czn-kurgan/", why: "provider title" },
  { q: "красный крест", want: "/providers/krasnyy-krest-kurgan/", why: "provider title" },
  { q: "социальный фонд", want: "/providers/sfr/", why: "provider title" },
  { q: "загс", want: "/providers/zags-kurgan/", why: "provider title" },
  { q: "гост 52142", want: "/standards/gost-r-52142-2013/", why: "standard code" },
  { q: "ГОСТ Р 52143-2013", want: "/standards/gost-r-52143-2013/", why: "the full code" },
  { q: "iso 9001", want: "/standards/iso-9001-2015/", why: "standard code" },
  { q: "стандарт сопровождения семей", want: "/standards/sto-soprovozhdenie-semey-2026/", why: "standard title" },
  { q: "курган", region: "kurgan", why: "regional records of Kurgan oblast" },
  { q: "курганская область", region: "kurgan", why: "regional records of Kurgan oblast" },
];
