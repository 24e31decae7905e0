//! The service record generator (`World::service`).

use super::rng::write_taxonomies;
use super::{
    audiences::{audience_ages, audience_criteria, audience_forms, form_words, GENERIC_CRITERIA},
    measures::{agree, Adj, ACT_159, ACT_5, ADJ_BENEFIT, ADJ_MONEY, ADJ_SERVICE, CATS},
    phrases::{
        AMOUNT_BENEFIT, AMOUNT_CERTIFICATE, AMOUNT_CONSULTATION, AMOUNT_IN_KIND, AMOUNT_PAYMENT,
        AMOUNT_SERVICE, APPEAL_FIRST, APPEAL_LAST, APPEAL_MIDDLE, APPLY_WITHIN, CHANNEL_WORDS,
        DEADLINE_BANK, DELIVERY_PAYMENT, DELIVERY_SERVICE, HOW_END, IMPORTANT, INTRO, REAPPLY,
        REFUSAL_REASONS, REFUSAL_REASONS_SERVICE, REFUSAL_TEXT, STEP_DECISION, STEP_FINAL_MONEY,
        STEP_FINAL_SERVICE, STEP_FIRST, STEP_MIDDLE_MONEY, STEP_MIDDLE_SERVICE, STEP_SUBMIT, WHERE,
        WHO_END,
    },
    regions::{phone, REGIONS},
    rng::{
        cap, fill, fit, q, q_block, q_list, rubles, sentences, words, Body, LowerFirst, Rng,
        S_SERVICE,
    },
    world::World,
};
use std::fmt::Write as _;

impl World {
    pub(super) fn service(&self, i: usize) -> String {
        let mut r = Rng::new(self.seed, S_SERVICE, i as u64);
        let ci = self.service_cat(i);
        let cat = &CATS[ci];
        let measure = r.pick(cat.measures);
        let form = measure.form;
        let money = matches!(form, "payment" | "benefit" | "certificate");

        // Where it applies: one service in ten is regional.
        let region = if r.chance(10) {
            Some(r.below(REGIONS.len()))
        } else {
            None
        };
        let reg = region.map(|x| &REGIONS[x]);
        let region_in = match reg {
            Some(g) => format!("в {}", g.prep),
            None => "в России".to_string(),
        };
        let level = match region {
            None => {
                if r.chance(5) {
                    "non-state"
                } else {
                    "federal"
                }
            }
            Some(_) => {
                if r.chance(25) {
                    "municipal"
                } else {
                    "regional"
                }
            }
        };
        let level_body = match (level, reg) {
            ("federal", _) => "федеральный закон".to_string(),
            ("non-state", _) => "некоммерческая организация".to_string(),
            ("municipal", Some(g)) => format!("местная администрация {}", g.city_gen),
            (_, Some(g)) => format!("закон {}", g.gen),
            _ => "закон".to_string(),
        };

        // Audiences and categories.
        let auds = self.auds_of(cat.audiences);
        let n_aud = r.range(1, 3.min(auds.len()));
        let auds = r.some(&auds, n_aud);
        let main_aud = auds[0];
        let (aud_dat, aud_gen) = audience_forms(main_aud);
        let mut cats = vec![cat.key];
        if r.chance(40) {
            let other = CATS[self.cats[r.below(self.cats.len())]].key;
            if !cats.contains(&other) {
                cats.push(other);
            }
        }

        // Title and description.
        let adjs: &[Adj] = match form {
            "payment" | "certificate" => ADJ_MONEY,
            "benefit" => ADJ_BENEFIT,
            _ => ADJ_SERVICE,
        };
        let mut what = String::new();
        if r.chance(55) {
            what.push_str(agree(r.pick(adjs), measure.g));
            what.push(' ');
        }
        what.push_str(measure.noun);
        what.push(' ');
        what.push_str(measure.tail);
        let mut title = cap(&what);
        if r.chance(50) && !measure.tail.contains(aud_gen) {
            let _ = write!(title, " для {aud_gen}");
        }
        if let Some(g) = reg {
            let _ = write!(title, " в {}", g.prep);
        }
        let title = fit(title, 200);
        let (verb, amount_heading) = form_words(form);
        let cond = r.one(cat.conds);
        let description = match r.below(3) {
            0 => format!("{} {verb} {aud_dat} {region_in}, если {cond}.", cap(&what)),
            1 if measure.tail.contains(aud_gen) => format!(
                "{} {region_in}: кому положено, какие нужны документы и куда обращаться.",
                cap(&what)
            ),
            1 => format!(
                "{} для {aud_gen}: кому положено, какие нужны документы и куда обращаться.",
                cap(&what)
            ),
            _ => format!("Помощь {aud_dat} {region_in}: {what}, если {cond}."),
        };
        let description = fit(description, 200);

        // Providers: from the service's region when it has some, else federal ones.
        let pool: &[usize] = match region {
            Some(x) if !self.by_region[x].is_empty() => &self.by_region[x],
            _ if !self.federal.is_empty() => &self.federal,
            _ => &[],
        };
        let n_prov = r.range(1, 3);
        let mut provs: Vec<usize> = if pool.is_empty() {
            r.distinct(self.providers.len(), n_prov)
        } else if region.is_none() && r.chance(10) {
            // The big federal bodies deliver a large share of federal measures.
            vec![pool[r.below(pool.len().min(5))]]
        } else {
            r.some(pool, n_prov.min(pool.len()))
        };
        if provs.len() < n_prov && !self.providers.is_empty() {
            let extra = r.below(self.providers.len());
            if !provs.contains(&extra) {
                provs.push(extra);
            }
        }
        let main_provider = &self.providers[provs[0]];
        let standards = if self.standard_slugs.is_empty() {
            Vec::new()
        } else {
            let k = r.range(0, 2);
            r.distinct(self.standard_slugs.len(), k)
        };
        let cost = if money {
            "free"
        } else {
            *r.pick(&["free", "free", "free", "partial", "paid"])
        };

        let date = r.date(2012, 2025);
        let updated = if r.chance(50) {
            Some(date.later(&mut r))
        } else {
            None
        };
        let reviewed = r.date(2025, 2026);

        // Eligibility.
        let mut criteria: Vec<String> = Vec::new();
        for c in audience_criteria(main_aud) {
            if criteria.is_empty() || r.chance(80) {
                criteria.push(c.to_string());
            }
        }
        let n_crit = r.range(3, 8).max(criteria.len());
        let generic = sentences(
            &mut r,
            GENERIC_CRITERIA,
            n_crit.saturating_sub(criteria.len()),
            &[("region_in", &region_in)],
        );
        criteria.extend(generic);
        criteria.truncate(8);
        let ages = audience_ages(main_aud);

        // Documents: 3..8, mixing dictionary references and named documents.
        let mut docs: Vec<String> = Vec::new();
        let n_docs = r.range(3, 8);
        for k in ["application", "passport", "snils"] {
            if self.has_doc(k) && docs.len() < n_docs && (k != "snils" || r.chance(70)) {
                docs.push(format!("[[extra.documents]]\nref = {}\n", q(k)));
            }
        }
        let specific: Vec<&str> = cat
            .docs
            .iter()
            .copied()
            .filter(|d| self.has_doc(d))
            .collect();
        let mut named = r.some(cat.named_docs, 2).into_iter();
        let mut specific = r.some(&specific, specific.len()).into_iter();
        while docs.len() < n_docs {
            let use_name = r.chance(35);
            let mut entry = match (use_name, specific.next()) {
                (false, Some(d)) => format!("[[extra.documents]]\nref = {}\n", q(d)),
                _ => match named.next() {
                    Some(n) => format!("[[extra.documents]]\nname = {}\n", q(n)),
                    None => break,
                },
            };
            if r.chance(25) {
                let _ = writeln!(
                    entry,
                    "note = {}",
                    q(r.one(&[
                        "Обычно ведомство получает эти сведения само.",
                        "Подойдёт копия, заверять её не нужно.",
                        "Оригинал покажите при подаче заявления.",
                        "Документ должен быть выдан не раньше чем за 30 дней.",
                    ]))
                );
            }
            if r.chance(20) {
                let _ = writeln!(
                    entry,
                    "condition = {}",
                    q(r.one(&[
                        "Если заявление подаёт представитель",
                        "Если сведений нет в государственных реестрах",
                        "Если в семье есть дети старше 18 лет, которые учатся очно",
                        "Если документ выдан в другой стране",
                    ]))
                );
                let _ = writeln!(entry, "optional = true");
            }
            docs.push(entry);
        }

        // Applying.
        let mut channels: Vec<&str> = Vec::new();
        for (c, pct) in [
            ("online", 75),
            ("mfc", 70),
            ("in-person", 60),
            ("mail", 15),
            ("phone", if form == "consultation" { 70 } else { 10 }),
        ] {
            if r.chance(pct) {
                channels.push(c);
            }
        }
        if channels.is_empty() {
            channels.push("in-person");
        }
        let service_like = matches!(form, "service" | "in-kind" | "consultation");
        let mut steps = vec![
            r.pick(STEP_FIRST).to_string(),
            r.pick(STEP_SUBMIT).to_string(),
        ];
        let middle = if service_like {
            STEP_MIDDLE_SERVICE
        } else {
            STEP_MIDDLE_MONEY
        };
        let n_mid = r.range(0, 2);
        steps.extend(r.some(middle, n_mid).into_iter().map(String::from));
        steps.push(r.pick(STEP_DECISION).to_string());
        if r.chance(50) {
            steps.push(
                r.pick(if service_like {
                    STEP_FINAL_SERVICE
                } else {
                    STEP_FINAL_MONEY
                })
                .to_string(),
            );
        }
        let where_ = fill(r.one(WHERE), &[("provider", &main_provider.title)]);

        // Deadlines.
        let decision_days = *r.pick(&[5usize, 7, 10, 15, 20, 30]);
        let decision = if r.chance(30) {
            format!("{} со дня подачи заявления; если нужны дополнительные сведения, срок могут продлить", words(decision_days, "рабочий день", "рабочих дня", "рабочих дней"))
        } else {
            words(decision_days, "рабочий день", "рабочих дня", "рабочих дней")
        };
        let apply_within = if r.chance(60) {
            Some(*r.pick(APPLY_WITHIN))
        } else {
            None
        };
        let delivery = if r.chance(70) {
            Some(*r.pick(if service_like {
                DELIVERY_SERVICE
            } else {
                DELIVERY_PAYMENT
            }))
        } else {
            None
        };

        // Refusal.
        let mut reasons_bank: Vec<&str> = REFUSAL_REASONS.to_vec();
        if service_like {
            reasons_bank.extend_from_slice(REFUSAL_REASONS_SERVICE);
        }
        let n_reasons = r.range(2, 5);
        let reasons = sentences(
            &mut r,
            &reasons_bank,
            n_reasons,
            &[("region_in", &region_in)],
        );
        let reapply = if r.chance(70) {
            Some(*r.pick(REAPPLY))
        } else {
            None
        };
        let mut appeal = vec![r.pick(APPEAL_FIRST).to_string()];
        let n_app = r.range(1, 2);
        appeal.extend(r.some(APPEAL_MIDDLE, n_app).into_iter().map(String::from));
        appeal.push(r.pick(APPEAL_LAST).to_string());

        // Legal basis: 1..3 acts.
        let mut acts: Vec<(String, bool)> = Vec::new();
        if let Some(g) = reg {
            let d = r.date(2005, 2025);
            acts.push((
                if level == "municipal" {
                    format!("Постановление администрации г. {} от {} № {} «О дополнительных мерах социальной поддержки отдельных категорий граждан»", g.city_gen, d.dotted(), r.range(100, 2999))
                } else {
                    format!("Закон {} от {} № {}-ОЗ «О социальной поддержке отдельных категорий граждан в {}»", g.gen, d.dotted(), r.range(10, 250), g.prep)
                },
                false,
            ));
            if r.chance(50) {
                let d2 = r.date(2010, 2025);
                acts.push((format!("Постановление Правительства {} от {} № {}-п «Об утверждении порядка предоставления мер социальной поддержки»", g.gen, d2.dotted(), r.range(10, 700)), false));
            }
        }
        let n_fed = r
            .range(1, 3)
            .saturating_sub(acts.len())
            .max(if acts.is_empty() { 1 } else { 0 });
        for a in r.some(cat.acts, n_fed) {
            acts.push((a.to_string(), r.chance(40)));
        }
        if acts.len() < 3 && auds.contains(&"veterans") {
            acts.push((ACT_5.to_string(), false));
        }
        if acts.len() < 3 && auds.contains(&"orphans") {
            acts.push((ACT_159.to_string(), false));
        }

        let amount = match form {
            "payment" => r.range(100, 5000) * 10,
            "benefit" => r.range(50, 3000) * 10,
            _ => r.range(300, 6000) * 10,
        };

        // ---- front matter ----
        let mut s = String::with_capacity(10_000);
        let _ = writeln!(s, "+++");
        let _ = writeln!(s, "title = {}", q(&title));
        let _ = writeln!(s, "description = {}", q(&description));
        let _ = writeln!(s, "date = {date}");
        if let Some(u) = updated {
            let _ = writeln!(s, "updated = {u}");
        }
        write_taxonomies(
            &mut s,
            &cats,
            &auds,
            reg.map(|g| g.key).unwrap_or("federal"),
        );
        let _ = writeln!(s, "\n[extra]");
        let _ = writeln!(s, "form = {}", q(form));
        let _ = writeln!(s, "level = {}", q(level));
        let pslugs: Vec<&str> = provs
            .iter()
            .map(|&p| self.providers[p].slug.as_str())
            .collect();
        let _ = writeln!(s, "providers = {}", q_list(&pslugs));
        if !standards.is_empty() || r.chance(30) {
            let st: Vec<&str> = standards
                .iter()
                .map(|&k| self.standard_slugs[k].as_str())
                .collect();
            let _ = writeln!(s, "standards = {}", q_list(&st));
        }
        let _ = writeln!(s, "cost = {}", q(cost));
        let _ = writeln!(s, "reviewed = {reviewed}");
        let mut sources = vec!["https://www.gosuslugi.ru/".to_string()];
        if r.chance(60) {
            sources.push(format!("https://{}.example.org/", main_provider.slug));
        }
        let _ = writeln!(s, "sources = {}", q_list(&sources));
        let _ = writeln!(s, "\n[extra.eligibility]");
        let _ = writeln!(s, "criteria = {}", q_block(&criteria));
        if let Some((lo, hi)) = ages {
            let _ = writeln!(s, "age_min = {lo}");
            let _ = writeln!(s, "age_max = {hi}");
            if main_aud == "disabled-children" {
                let _ = writeln!(s, "age_of = \"child\"");
            }
        }
        s.push('\n');
        for d in &docs {
            s.push_str(d);
        }
        let _ = writeln!(s, "\n[extra.apply]");
        let _ = writeln!(s, "channels = {}", q_list(&channels));
        if channels.contains(&"online") {
            let _ = writeln!(s, "url = \"https://www.gosuslugi.ru/\"");
        }
        let _ = writeln!(s, "where = {}", q(&where_));
        let _ = writeln!(s, "steps = {}", q_block(&steps));
        let _ = writeln!(s, "\n[extra.deadlines]");
        if let Some(a) = apply_within {
            let _ = writeln!(s, "apply_within = {}", q(a));
        }
        let _ = writeln!(s, "decision_days = {decision_days}");
        let _ = writeln!(s, "decision = {}", q(&decision));
        if let Some(d) = delivery {
            let _ = writeln!(s, "delivery = {}", q(d));
        }
        let _ = writeln!(s, "\n[extra.refusal]");
        let _ = writeln!(s, "reasons = {}", q_block(&reasons));
        if let Some(a) = reapply {
            let _ = writeln!(s, "reapply = {}", q(a));
        }
        let _ = writeln!(s, "appeal = {}", q_block(&appeal));
        for (t, url) in &acts {
            let _ = writeln!(s, "\n[[extra.legal_basis]]\ntitle = {}", q(t));
            if *url {
                let _ = writeln!(s, "url = \"http://pravo.gov.ru/\"");
            }
        }
        if r.chance(50) {
            let code = main_provider
                .region
                .map(|x| REGIONS[x].phone)
                .unwrap_or("495");
            let _ = writeln!(s, "\n[extra.contacts]\nphone = {}", q(&phone(&mut r, code)));
            if r.chance(50) {
                let _ = writeln!(
                    s,
                    "url = {}",
                    q(&format!("https://{}.example.org/", main_provider.slug))
                );
            }
        }
        let _ = writeln!(s, "+++\n");

        // ---- body: about 400 words ----
        let slots: &[(&str, &str)] = &[("region_in", &region_in), ("level_body", &level_body)];
        let mut b = Body::new();
        let mut intro = vec![format!(
            "{} — это мера поддержки для {aud_gen} {region_in}.",
            cap(&what)
        )];
        let n_intro = r.range(3, 4);
        intro.extend(sentences(&mut r, INTRO, n_intro, slots));
        b.para(&intro);

        b.heading("Кому положено");
        b.para(&[
            format!("Мера положена {aud_dat} {region_in}."),
            "Нужно, чтобы выполнялись все условия:".to_string(),
        ]);
        b.bullets(&criteria[..criteria.len().min(5)]);
        let n_who = r.range(2, 3);
        b.para(&sentences(&mut r, WHO_END, n_who, slots));

        b.heading(amount_heading);
        let mut amount_text = Vec::new();
        match form {
            "payment" => {
                let period = r.pick(&["в месяц", "один раз", "в год"]);
                amount_text.push(format!(
                    "Размер выплаты — {} рублей {period}.",
                    rubles(amount)
                ));
                let n = r.range(3, 4);
                amount_text.extend(sentences(&mut r, AMOUNT_PAYMENT, n, slots));
            }
            "benefit" => {
                amount_text.push(format!(
                    "Льгота помогает сэкономить до {} рублей в год.",
                    rubles(amount)
                ));
                let n = r.range(3, 4);
                amount_text.extend(sentences(&mut r, AMOUNT_BENEFIT, n, slots));
            }
            "certificate" => {
                amount_text.push(format!("Номинал сертификата — {} рублей.", rubles(amount)));
                amount_text.extend(sentences(&mut r, AMOUNT_CERTIFICATE, 3, slots));
            }
            other => {
                amount_text.push(match cost {
                    "partial" => "Часть стоимости оплачивает получатель, но не больше половины его среднедушевого дохода.".to_string(),
                    "paid" => format!("Услуга платная, по тарифам, которые утверждены {region_in}."),
                    _ => "Это бесплатно.".to_string(),
                });
                if other == "consultation" {
                    amount_text.push(format!(
                        "Специалисты консультируют по вопросам {}.",
                        cat.topic
                    ));
                }
                let bank = match other {
                    "consultation" => AMOUNT_CONSULTATION,
                    "in-kind" => AMOUNT_IN_KIND,
                    _ => AMOUNT_SERVICE,
                };
                let n = r.range(3, 4);
                amount_text.extend(sentences(&mut r, bank, n, slots));
            }
        }
        b.para(&amount_text);

        b.heading("Как оформить");
        let ch: Vec<&str> = channels
            .iter()
            .filter_map(|c| CHANNEL_WORDS.iter().find(|(k, _)| k == c).map(|(_, w)| *w))
            .collect();
        let ch_text = match ch.len() {
            1 => ch[0].to_string(),
            n => format!("{} или {}", ch[..n - 1].join(", "), ch[n - 1]),
        };
        b.para(&[
            format!("Подать заявление можно {ch_text}."),
            format!("Меру оформляет {}.", main_provider.title),
            "Порядок такой:".to_string(),
        ]);
        b.numbered(&steps);
        b.para(&sentences(&mut r, HOW_END, 2, slots));

        b.heading("Сроки");
        let mut dl = vec![format!(
            "Решение принимают за {}.",
            words(decision_days, "рабочий день", "рабочих дня", "рабочих дней")
        )];
        if let Some(a) = apply_within {
            dl.push(format!(
                "Когда обращаться: {}",
                a.chars()
                    .next()
                    .map(|c| c
                        .to_lowercase()
                        .chain(a.chars().skip(1))
                        .collect::<String>())
                    .unwrap_or_default()
            ));
        }
        if let Some(d) = delivery {
            dl.push(format!(
                "Как предоставляют: {}",
                d.chars()
                    .next()
                    .map(|c| c
                        .to_lowercase()
                        .chain(d.chars().skip(1))
                        .collect::<String>())
                    .unwrap_or_default()
            ));
        }
        dl.extend(sentences(&mut r, DEADLINE_BANK, 2, slots));
        b.para(&dl);

        b.heading("Важно знать");
        let n_imp = r.range(3, 4);
        b.bullets(&sentences(&mut r, IMPORTANT, n_imp, slots));

        b.heading("Если отказали");
        let mut rf = vec![format!(
            "Чаще всего отказывают по таким причинам: {}",
            reasons
                .iter()
                .map(|x| x.trim_end_matches('.').to_lowercase_first())
                .collect::<Vec<_>>()
                .join("; ")
                + "."
        )];
        let n_rf = r.range(3, 4);
        rf.extend(sentences(&mut r, REFUSAL_TEXT, n_rf, slots));
        b.para(&rf);

        s.push_str(b.0.trim_end());
        s.push('\n');
        s
    }
}
