//! The provider, standard and life-situation record generators.

use super::rng::write_taxonomies;
use super::{
    audiences::audience_forms,
    measures::CATS,
    orgs::{HOURS, STREETS},
    phrases::{STANDARD_BODY, STANDARD_TOPICS},
    regions::{phone, MOSCOW, REGIONS},
    rng::{fill, fit, q, q_list, sentences, Body, Rng, S_PROVIDER, S_SITUATION, S_STANDARD},
    situations::SITUATION_BANK,
    world::World,
};
use std::fmt::Write as _;

impl World {
    // ---- provider ------------------------------------------------------------------

    pub(super) fn provider(&self, i: usize) -> String {
        let p = &self.providers[i];
        let mut r = Rng::new(self.seed, S_PROVIDER, i as u64);
        let reg = p.region.map(|x| &REGIONS[x]);
        let g = reg.unwrap_or(&MOSCOW);
        let region_in = match reg {
            Some(g) => format!("в {}", g.prep),
            None => "по всей России".to_string(),
        };
        let org = p.org;
        let mut cats: Vec<&str> = org
            .cats
            .iter()
            .copied()
            .filter(|c| self.cat_present(c))
            .collect();
        if cats.is_empty() {
            cats.push(CATS[self.cats[0]].key);
        }
        let n_cats = r.range(1, cats.len());
        let cats = r.some(&cats, n_cats);
        let auds = self.auds_of(org.auds);
        let n_auds = r.range(1, auds.len().min(4));
        let auds = r.some(&auds, n_auds);
        let description = fit(fill(org.desc, &[("region_in", &region_in)]), 200);
        let n_act = r.range(2, org.activities.len().min(5));
        let activities = r.some(org.activities, n_act);
        let street = r.pick(STREETS);
        let house = r.range(1, 180);
        let address = format!("г. {}, ул. {street}, д. {house}", g.city);
        let lat = g.lat + (r.below(2001) as f64 - 1000.0) / 10_000.0;
        let lon = g.lon + (r.below(2001) as f64 - 1000.0) / 10_000.0;
        let hours = r.pick(HOURS);
        let since = r.range(1992, 2022);
        let reviewed = r.date(2025, 2026);

        let mut s = String::with_capacity(3000);
        let _ = writeln!(s, "+++");
        let _ = writeln!(s, "title = {}", q(&p.title));
        let _ = writeln!(s, "description = {}", q(&description));
        write_taxonomies(
            &mut s,
            &cats,
            &auds,
            reg.map(|g| g.key).unwrap_or("federal"),
        );
        let _ = writeln!(s, "\n[extra]");
        let _ = writeln!(s, "type = {}", q(org.ty));
        if org.ty != "state-body" {
            let _ = writeln!(s, "in_registry = {}", r.chance(70));
        }
        let _ = writeln!(s, "activities = {}", q_list(&activities));
        let _ = writeln!(s, "address = {}", q(&address));
        let _ = writeln!(s, "location = {{ lat = {lat:.4}, lon = {lon:.4} }}");
        let _ = writeln!(s, "hours = {}", q(hours));
        let _ = writeln!(s, "reviewed = {reviewed}");
        let url = format!("https://{}.example.org/", p.slug);
        let _ = writeln!(s, "sources = {}", q_list(&[url.as_str()]));
        let _ = writeln!(s, "\n[extra.contacts]");
        let ph = phone(&mut r, g.phone);
        let _ = writeln!(s, "phone = {}", q(&ph));
        if r.chance(70) {
            let _ = writeln!(s, "email = {}", q(&format!("info@{}.example.org", p.slug)));
        }
        let _ = writeln!(s, "url = {}", q(&url));
        let _ = writeln!(s, "+++\n");

        let mut b = Body::new();
        let aud_dat: Vec<&str> = auds.iter().map(|a| audience_forms(a).0).collect();
        let aud_text = match aud_dat.len() {
            1 => aud_dat[0].to_string(),
            n => format!("{} и {}", aud_dat[..n - 1].join(", "), aud_dat[n - 1]),
        };
        b.para(&[
            format!("{} работает {region_in} с {since} года.", p.title),
            format!("Организация помогает {aud_text}."),
            description.clone(),
        ]);
        b.para(&["Чем здесь могут помочь:".to_string()]);
        b.bullets(&activities);
        b.heading("Как обратиться");
        b.para(&[
            format!("Приём ведут по адресу: {address}."),
            format!("Часы работы: {hours}."),
            format!("Телефон для справок: {ph}."),
            r.pick(&[
                "Перед визитом позвоните: часы приёма иногда меняются.",
                "Записаться на приём можно по телефону или через сайт.",
                "Если вы не можете прийти сами, специалист может приехать на дом.",
            ])
            .to_string(),
        ]);
        if p.seq % 3 == 0 {
            b.para(&[r.pick(&[
                "Организация входит в систему социального обслуживания и работает по стандартам, которые утверждены в регионе.",
                "Сотрудники проходят обучение и аттестацию, а качество их работы проверяют каждый год.",
                "Помощь оказывают бесплатно или за небольшую плату, в зависимости от дохода семьи.",
            ])
            .to_string()]);
        }
        s.push_str(b.0.trim_end());
        s.push('\n');
        s
    }

    // ---- standard ------------------------------------------------------------------

    pub(super) fn standard(&self, i: usize) -> String {
        let mut r = Rng::new(self.seed, S_STANDARD, i as u64);
        let n = self.standard_slugs.len();
        let topic = STANDARD_TOPICS[i % STANDARD_TOPICS.len()];
        let ty = *r.pick(&[
            "national",
            "national",
            "national",
            "national",
            "interstate",
            "international",
            "regional",
            "organisation",
        ]);
        let status = {
            let x = r.below(100);
            if x < 10 && i + 1 < n {
                "superseded"
            } else if x < 15 {
                "public-discussion"
            } else if x < 20 {
                "draft"
            } else if x < 24 {
                "withdrawn"
            } else {
                "in-force"
            }
        };
        let adopted = r.date(2003, 2025);
        let year = adopted.0;
        let reg = r.pick(REGIONS);
        let code = match ty {
            "national" => format!("ГОСТ Р {}-{year}", 52000 + i),
            "interstate" => format!("ГОСТ {}-{year}", 34000 + i),
            "international" => format!("ISO {}:{year}", 20000 + i),
            "regional" => format!("РС {}-{:03}-{year}", reg.phone, i % 1000),
            _ => format!(
                "СТО {:08}-{:03}-{year}",
                10_000_000 + r.below(89_999_999),
                i % 1000
            ),
        };
        let title = match ty {
            "regional" => format!("Социальное обслуживание населения {}. {topic}", reg.gen),
            "international" => format!("Социальные услуги. {topic}"),
            _ => format!("Социальное обслуживание населения. {topic}"),
        };
        let description = fit(
            format!(
                "{} «{topic}»: что он требует от поставщиков социальных услуг и как проверить качество.",
                match ty {
                    "national" => "Национальный стандарт",
                    "interstate" => "Межгосударственный стандарт",
                    "international" => "Международный стандарт",
                    "regional" => "Региональный стандарт",
                    _ => "Стандарт организации",
                },
            ),
            200,
        );
        let mut s = String::with_capacity(2500);
        let _ = writeln!(s, "+++");
        let _ = writeln!(s, "title = {}", q(&title));
        let _ = writeln!(s, "description = {}", q(&description));
        let _ = writeln!(s, "\n[taxonomies]");
        let mut cats = Vec::new();
        for c in ["standards", "social-services"] {
            if self.categories.iter().any(|k| k == c) {
                cats.push(c);
            }
        }
        if !cats.is_empty() {
            let _ = writeln!(s, "categories = {}", q_list(&cats));
        }
        let _ = writeln!(s, "\n[extra]");
        let _ = writeln!(s, "code = {}", q(&code));
        let _ = writeln!(s, "type = {}", q(ty));
        let _ = writeln!(s, "status = {}", q(status));
        if !matches!(status, "draft" | "public-discussion") {
            let _ = writeln!(s, "adopted = {adopted}");
            let _ = writeln!(
                s,
                "effective = {}",
                adopted.plus_months(r.range(3, 12) as u32)
            );
        }
        if status == "superseded" {
            let _ = writeln!(s, "superseded_by = {}", q(&self.standard_slugs[i + 1]));
        }
        if status == "public-discussion" {
            let _ = writeln!(
                s,
                "discussion_until = 2027-{:02}-{:02}",
                r.range(1, 3),
                r.range(1, 28)
            );
        }
        if !self.providers.is_empty() && r.chance(40) {
            let _ = writeln!(
                s,
                "developer = {}",
                q(&self.providers[r.below(self.providers.len())].slug)
            );
        } else {
            let _ = writeln!(s, "developer = \"Технический комитет по стандартизации «Социальное обслуживание населения»\"");
        }
        let _ = writeln!(s, "reviewed = {}", r.date(2025, 2026));
        let _ = writeln!(s, "sources = [\"https://www.rst.gov.ru/\"]");
        let _ = writeln!(s, "+++\n");
        let mut b = Body::new();
        b.para(&[format!("Стандарт {code} входит в серию документов о социальном обслуживании населения. Его тема — «{topic}».")]);
        let k = r.range(4, 6);
        b.para(&sentences(&mut r, STANDARD_BODY, k, &[]));
        match status {
            "superseded" => b.para(&["Стандарт заменён новой редакцией: ссылка на неё есть на этой странице.".to_string()]),
            "public-discussion" => b.para(&["Проект стандарта обсуждают публично: отзывы принимают до даты, указанной на этой странице.".to_string()]),
            "withdrawn" => b.para(&["Стандарт отменён и больше не применяется.".to_string()]),
            _ => {}
        }
        s.push_str(b.0.trim_end());
        s.push('\n');
        s
    }

    // ---- situation -----------------------------------------------------------------

    /// Up to k distinct services whose main category is one of `cats`.
    pub(super) fn services_of(&self, r: &mut Rng, cats: &[&str], k: usize) -> Vec<String> {
        let mut out: Vec<usize> = Vec::new();
        if self.services == 0 {
            return Vec::new();
        }
        let mut tries = 0;
        while out.len() < k && tries < 400 {
            tries += 1;
            let i = r.below(self.services);
            if out.contains(&i) {
                continue;
            }
            if cats.contains(&CATS[self.service_cat(i)].key) || tries > 300 {
                out.push(i);
            }
        }
        out.into_iter().map(|i| self.service_slug(i)).collect()
    }

    pub(super) fn situation(&self, i: usize) -> String {
        let sit = &SITUATION_BANK[i];
        let mut r = Rng::new(self.seed, S_SITUATION, i as u64);
        let mut s = String::with_capacity(3000);
        let _ = writeln!(s, "+++");
        let _ = writeln!(s, "title = {}", q(sit.title));
        let _ = writeln!(s, "description = {}", q(sit.description));
        let _ = writeln!(s, "weight = {}", i + 1);
        let auds = self.auds_of(sit.audiences);
        if !auds.is_empty() {
            let _ = writeln!(s, "\n[taxonomies]\naudiences = {}", q_list(&auds));
        }
        let _ = writeln!(s, "\n[extra]");
        let _ = writeln!(s, "reviewed = {}", r.date(2025, 2026));
        let _ = writeln!(s, "sources = [\"https://www.gosuslugi.ru/\"]");
        let mut steps: Vec<(String, String, Vec<String>)> = Vec::new();
        for (t, x) in sit.steps {
            let k = r.range(0, 3);
            steps.push((
                t.to_string(),
                x.to_string(),
                self.services_of(&mut r, sit.cats, k),
            ));
        }
        let k = r.range(2, 5);
        steps.push((
            "Оформите положенные выплаты и услуги".into(),
            "Подайте заявления на меры поддержки, которые вам подходят. Большинство из них можно оформить на Госуслугах или в МФЦ.".into(),
            self.services_of(&mut r, sit.cats, k),
        ));
        let k = r.range(0, 2);
        steps.push((
            "Если вам отказали".into(),
            "Попросите письменный отказ с причиной. Его можно обжаловать у руководителя ведомства, в прокуратуре или в суде.".into(),
            self.services_of(&mut r, &["legal-aid"], k),
        ));
        for (t, x, svc) in &steps {
            let _ = writeln!(
                s,
                "\n[[extra.steps]]\ntitle = {}\ntext = {}\nservices = {}",
                q(t),
                q(x),
                q_list(svc)
            );
        }
        let _ = writeln!(s, "+++\n");
        let mut b = Body::new();
        b.para(&[
            format!("{}. Здесь собраны шаги по порядку.", sit.description.trim_end_matches('.')),
            "Многие выплаты нужно оформить в определённый срок, поэтому не откладывайте заявления.".into(),
            "Большинство заявлений можно подать на Госуслугах, в МФЦ или в организации, которая оказывает помощь.".into(),
        ]);
        b.para(&["Не обязательно проходить все шаги. Выберите те, что относятся к вам. Если не уверены, что вам положено, спросите в МФЦ или в отделе социальной защиты.".into()]);
        s.push_str(b.0.trim_end());
        s.push('\n');
        s
    }
}
