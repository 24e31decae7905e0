//! Rules that span several fields or need arithmetic: dates, conditional requirements,
//! control digits, URL schemes, safe slugs, paths and aliases.

use crate::diagnostics::Diagnostic;
use crate::load::{ContentFile, Node, Value};
use crate::model::date::Date;
use crate::model::paths::{good_slug, normalize_path};
use crate::schema::Kind;

/// URLs in content may only be http(s), mailto or tel: no `javascript:`, no `data:`.
pub fn check_url(s: &str) -> Result<(), String> {
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("в адресе есть пробелы или невидимые символы".into());
    }
    let lower = s.to_ascii_lowercase();
    let ok_scheme = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p));
    if !ok_scheme {
        return Err(format!(
            "недопустимый адрес «{s}»: разрешены только ссылки http, https, mailto и tel"
        ));
    }
    if (lower.starts_with("http://") || lower.starts_with("https://"))
        && lower
            .split("//")
            .nth(1)
            .is_none_or(|h| h.is_empty() || h.starts_with('/'))
    {
        return Err(format!("в адресе «{s}» нет имени сайта"));
    }
    Ok(())
}

fn digits(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

fn weighted(d: &[u32], w: &[u32]) -> u32 {
    (d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11) % 10
}

/// INN: 10 digits (organisation) or 12 (person), with control digits.
pub fn check_inn(s: &str) -> Result<(), String> {
    let d = digits(s).ok_or_else(|| format!("ИНН «{s}» должен состоять только из цифр"))?;
    let ok = match d.len() {
        10 => weighted(&d, &[2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9],
        12 => {
            weighted(&d, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[10]
                && weighted(&d, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[11]
        }
        n => {
            return Err(format!(
                "в ИНН «{s}» {n} цифр, а нужно 10 (организация) или 12"
            ))
        }
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "ИНН «{s}» не проходит проверку контрольных цифр: в номере опечатка"
        ))
    }
}

/// OGRN: 13 digits (organisation) or 15 (OGRNIP), with a control digit.
pub fn check_ogrn(s: &str) -> Result<(), String> {
    let d = digits(s).ok_or_else(|| format!("ОГРН «{s}» должен состоять только из цифр"))?;
    let (len, modulus) = match d.len() {
        13 => (13, 11u64),
        15 => (15, 13u64),
        n => {
            return Err(format!(
                "в ОГРН «{s}» {n} цифр, а нужно 13 (или 15 для ОГРНИП)"
            ))
        }
    };
    let body: u64 = s[..len - 1]
        .parse()
        .map_err(|_| format!("ОГРН «{s}» не число"))?;
    if (body % modulus) % 10 == u64::from(d[len - 1]) {
        Ok(())
    } else {
        Err(format!(
            "ОГРН «{s}» не проходит проверку контрольной цифры: в номере опечатка"
        ))
    }
}

pub struct Rules<'a> {
    pub file: &'a ContentFile,
    pub today: Date,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Rules<'a> {
    fn err(&mut self, code: &'static str, node: &Node, field: &str, msg: String, help: String) {
        self.diags.push(
            Diagnostic::new(code, &self.file.rel, msg)
                .field(field)
                .help(help)
                .at(&self.file.text, node.span.clone()),
        );
    }

    fn node(&self, path: &str) -> Option<&'a Node> {
        self.file.front.as_ref()?.path(path)
    }

    /// Rules every page and section follows.
    /// Images in a body must be the site's own files: an image from another site is a
    /// request to a third party on every visit (and a way to track visitors).
    fn body_images(&mut self) {
        let f = self.file;
        let Some(body) = f.text.get(f.body.clone()) else {
            return;
        };
        if !body.contains("![") && !body.contains("<img") {
            return;
        }
        let external = |url: &str| {
            let u = url.trim().to_ascii_lowercase();
            u.starts_with("//") || u.contains("://") || u.starts_with("data:")
        };
        let mut found: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        let parser = pulldown_cmark::Parser::new(body).into_offset_iter();
        for (ev, range) in parser {
            match ev {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. })
                    if external(&dest_url) =>
                {
                    found.push((range, dest_url.to_string()));
                }
                pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                    let lower = h.to_ascii_lowercase();
                    if let Some(i) = lower.find("<img") {
                        let src = lower[i..]
                            .split("src=")
                            .nth(1)
                            .map(|s| s.trim_start_matches(['"', '\'']))
                            .and_then(|s| s.split(['"', '\'', ' ', '>']).next())
                            .unwrap_or("");
                        if external(src) {
                            found.push((range, src.to_string()));
                        }
                    }
                }
                _ => {}
            }
        }
        for (range, url) in found {
            let span = f.body.start + range.start..f.body.start + range.end;
            self.diags.push(
                Diagnostic::new(
                    "external-image",
                    &f.rel,
                    format!("изображение загружается с другого сайта: {url}"),
                )
                .at(&f.text, span)
                .help("скачайте изображение и положите его рядом со страницей (папка страницы, как в Zola) или в static/, и укажите путь к файлу: ![описание](schema.png)"),
            );
        }
    }

    pub fn common(&mut self) {
        self.body_images();
        if let (Some(date), Some(updated)) = (self.node("date"), self.node("updated")) {
            if let (Some(d), Some(u)) = (date.as_date(), updated.as_date()) {
                if u < d {
                    self.err(
                        "dates",
                        updated,
                        "updated",
                        format!("дата изменения {u} раньше даты начала {d}"),
                        "updated не может быть раньше date: проверьте обе даты".into(),
                    );
                }
            }
        }
        if let Some(slug) = self.node("slug") {
            if let Some(s) = slug.as_str() {
                if !good_slug(s) {
                    self.err("slug", slug, "slug", format!("недопустимый адрес «{s}»"),
                        "используйте только латинские строчные буквы, цифры и дефис: edinoe-posobie".into());
                }
            }
        }
        if let Some(path) = self.node("path") {
            if let Some(s) = path.as_str() {
                if normalize_path(s).is_none() {
                    self.err("path", path, "path", format!("недопустимый путь «{s}»"),
                            "путь — это части адреса через «/», из латинских букв, цифр и дефиса, без «..»".into());
                }
            }
        }
        if let Some(Value::Array(items)) = self.node("aliases").map(|n| &n.value) {
            for (i, item) in items.iter().enumerate() {
                if let Some(s) = item.as_str() {
                    if normalize_path(s).is_none() {
                        self.err("alias", item, &format!("aliases[{i}]"), format!("недопустимый старый адрес «{s}»"),
                            "укажите путь на этом же сайте, например /old/posobie/, без «..», «\\» и адреса другого сайта".into());
                    }
                }
            }
        }
        // Folder and file names become parts of URLs and output paths.
        let plain_name_bad = self.file.record_kind.is_none()
            && self.file.kind == crate::load::FileKind::Page
            && self.file.str_at("slug").is_none()
            && self.file.str_at("path").is_none()
            && !crate::model::paths::safe_segment(&self.file.file_slug);
        let folder_bad = self
            .file
            .components
            .iter()
            .any(|c| !crate::model::paths::safe_segment(c));
        if plain_name_bad || folder_bad {
            let d = Diagnostic::new("file-name", &self.file.rel, format!("недопустимое имя файла или папки: {}", self.file.rel))
                .help("имена файлов и папок становятся адресами страниц: используйте латинские буквы, цифры и дефис, без пробелов");
            self.diags.push(d);
        }
        if let Some(p) = self.node("paginate_path") {
            if let Some(s) = p.as_str() {
                if !crate::model::paths::safe_segment(s) {
                    self.err(
                        "path",
                        p,
                        "paginate_path",
                        format!("недопустимая часть адреса «{s}»"),
                        "одно слово латиницей, например page".into(),
                    );
                }
            }
        }
        if self.file.record_kind.is_some()
            && self.file.front.is_some()
            && self.file.str_at("slug").is_none()
            && !good_slug(&self.file.file_slug)
        {
            let d = Diagnostic::new("slug", &self.file.rel, format!("недопустимое имя файла «{}»", self.file.file_slug))
                .help("имя файла станет адресом страницы: используйте латинские строчные буквы, цифры и дефис, например edinoe-posobie.md");
            self.diags.push(d);
        }
    }

    /// Rules of the four record kinds.
    pub fn record(&mut self, kind: Kind) {
        if let Some(r) = self.node("extra.reviewed") {
            if let Some(d) = r.as_date() {
                if d > self.today {
                    self.err(
                        "future-date",
                        r,
                        "extra.reviewed",
                        format!("дата проверки {d} ещё не наступила"),
                        format!(
                            "укажите день, когда вы сверили сведения с источником (не позже {})",
                            self.today
                        ),
                    );
                }
            }
        }
        match kind {
            Kind::Service => self.service(),
            Kind::Provider => self.provider(),
            Kind::Standard => self.standard(),
            Kind::Situation => {}
        }
    }

    fn service(&mut self) {
        if let (Some(min), Some(max)) = (
            self.node("extra.eligibility.age_min"),
            self.node("extra.eligibility.age_max"),
        ) {
            if let (Value::Int(a), Value::Int(b)) = (&min.value, &max.value) {
                if a > b {
                    self.err(
                        "age",
                        max,
                        "extra.eligibility.age_max",
                        format!("наибольший возраст {b} меньше наименьшего {a}"),
                        "проверьте age_min и age_max".into(),
                    );
                }
            }
        }
        for (name, node) in [
            ("age_min", "extra.eligibility.age_min"),
            ("age_max", "extra.eligibility.age_max"),
        ] {
            if let Some(n) = self.node(node) {
                if let Value::Int(v) = n.value {
                    if !(0..=130).contains(&v) {
                        self.err(
                            "age",
                            n,
                            node,
                            format!("возраст {v} вне разумных пределов"),
                            format!("{name} — число лет от 0 до 130"),
                        );
                    }
                }
            }
        }
        if let Some(Value::Array(docs)) = self.node("extra.documents").map(|n| &n.value) {
            for (i, doc) in docs.iter().enumerate() {
                let Some(t) = doc.as_table() else { continue };
                let path = format!("extra.documents[{i}]");
                match (t.get("ref").is_some(), t.get("name").is_some()) {
                    (false, false) => self.err("document", doc, &path, "у документа нет ни ref, ни name".into(),
                        "укажите ref = \"ключ из data/documents.toml\" или name = \"Название документа\"".into()),
                    (true, true) => self.err("document", doc, &path, "у документа указаны и ref, и name".into(),
                        "оставьте что-то одно: ref для документа из словаря или name для остальных".into()),
                    _ => {}
                }
            }
        }
        if let Some(Value::Int(days)) = self.node("extra.deadlines.decision_days").map(|n| &n.value)
        {
            if *days <= 0 || *days > 365 {
                let n = self.node("extra.deadlines.decision_days").expect("present");
                self.err(
                    "deadline",
                    n,
                    "extra.deadlines.decision_days",
                    format!("срок решения {days} дней вне разумных пределов"),
                    "укажите число дней от 1 до 365 или уберите поле".into(),
                );
            }
        }
    }

    fn provider(&mut self) {
        let contacts = self.node("extra.contacts");
        let has_way = contacts.and_then(|c| c.as_table()).is_some_and(|t| {
            ["phone", "email", "url"].iter().any(|k| {
                t.get(k)
                    .and_then(|n| n.as_str())
                    .is_some_and(|s| !s.trim().is_empty())
            })
        });
        if !has_way && self.node("extra").is_some() {
            let d = Diagnostic::new(
                "contacts",
                &self.file.rel,
                "не указано, как связаться с организацией",
            )
            .field("extra.contacts")
            .help("добавьте таблицу [extra.contacts] хотя бы с одним полем: phone, email или url");
            let d = match contacts.or(self.node("extra")) {
                Some(n) => d.at(&self.file.text, n.span.start..n.span.start),
                None => d,
            };
            self.diags.push(d);
        }
        if let Some(loc) = self.node("extra.location") {
            for (k, lim) in [("lat", 90.0), ("lon", 180.0)] {
                if let Some(n) = loc.path(k) {
                    let v = match n.value {
                        Value::Float(f) => f,
                        Value::Int(i) => i as f64,
                        _ => continue,
                    };
                    if v.abs() > lim {
                        self.err(
                            "location",
                            n,
                            &format!("extra.location.{k}"),
                            format!("координата {v} вне допустимых пределов"),
                            "широта от -90 до 90, долгота от -180 до 180: возьмите их из карты"
                                .into(),
                        );
                    }
                }
            }
        }
        if let Some(e) = self
            .node("extra.contacts.email")
            .and_then(|n| n.as_str().map(|s| (n, s)))
        {
            if !e.1.contains('@') || e.1.contains(char::is_whitespace) {
                self.err(
                    "email",
                    e.0,
                    "extra.contacts.email",
                    format!("«{}» не похоже на адрес почты", e.1),
                    "адрес выглядит так: info@example.ru".into(),
                );
            }
        }
    }

    fn standard(&mut self) {
        let status = self.node("extra.status").and_then(|n| n.as_str());
        let at = |n: Option<&Node>| n.map(|n| n.span.start..n.span.start);
        if status == Some("superseded") && self.node("extra.superseded_by").is_none() {
            let mut d = Diagnostic::new(
                "missing-key",
                &self.file.rel,
                "у заменённого стандарта не указан преемник",
            )
            .field("extra.superseded_by")
            .help("добавьте superseded_by = \"имя файла нового стандарта\"");
            if let Some(s) = at(self.node("extra.status")) {
                d = d.at(&self.file.text, s);
            }
            self.diags.push(d);
        }
        if status == Some("public-discussion") && self.node("extra.discussion_until").is_none() {
            let mut d = Diagnostic::new(
                "missing-key",
                &self.file.rel,
                "у стандарта на обсуждении не указан срок обсуждения",
            )
            .field("extra.discussion_until")
            .help("добавьте discussion_until = ГГГГ-ММ-ДД — последний день приёма отзывов");
            if let Some(s) = at(self.node("extra.status")) {
                d = d.at(&self.file.text, s);
            }
            self.diags.push(d);
        }
        if let Some(n) = self.node("extra.superseded_by") {
            if n.as_str() == Some(crate::model::paths::page_slug(self.file).as_str()) {
                self.err(
                    "superseded",
                    n,
                    "extra.superseded_by",
                    "стандарт не может заменять сам себя".into(),
                    "укажите имя файла нового стандарта".into(),
                );
            }
        }
        if let (Some(a), Some(e)) = (self.node("extra.adopted"), self.node("extra.effective")) {
            if let (Some(a), Some(ed)) = (a.as_date(), e.as_date()) {
                if ed < a {
                    self.err(
                        "dates",
                        e,
                        "extra.effective",
                        format!("дата введения {ed} раньше даты принятия {a}"),
                        "проверьте adopted и effective".into(),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inn_control_digits() {
        assert!(check_inn("7707083893").is_ok()); // Sberbank
        assert!(check_inn("7707083894").is_err());
        assert!(check_inn("500100732259").is_ok());
        assert!(check_inn("12345").is_err());
        assert!(check_inn("770708389x").is_err());
    }

    #[test]
    fn ogrn_control_digit() {
        assert!(check_ogrn("1027700132195").is_ok()); // Sberbank
        assert!(check_ogrn("1027700132196").is_err());
        assert!(check_ogrn("304500116000157").is_ok());
    }

    #[test]
    fn url_schemes() {
        assert!(check_url("https://sfr.gov.ru/").is_ok());
        assert!(check_url("tel:+78001000001").is_ok());
        assert!(check_url("mailto:a@b.ru").is_ok());
        assert!(check_url("javascript:alert(1)").is_err());
        assert!(check_url("JavaScript:alert(1)").is_err());
        assert!(check_url("data:text/html,x").is_err());
        assert!(check_url("//evil.example").is_err());
        assert!(check_url("https://").is_err());
        assert!(check_url("https://a b").is_err());
    }
}
