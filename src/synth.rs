//! Synthetic catalogues for benchmarks: `socnav synth --out DIR --services N`.
//!
//! Writes a complete site in Zola's layout (config.toml, data/, themes/navigator, content/)
//! with N services, M providers, K standards and 20 life situations. Every record follows
//! docs/record-format.md and passes `socnav check`: enum values come from the schema,
//! references name only generated slugs, taxonomy terms come from the data/ dictionaries
//! (the real ones, compiled in, plus 20 synthetic regions), dates are not later than
//! 2026-11-01 (except a public discussion's end date, which may lie ahead).
//!
//! The text is Russian assembled from phrase banks: a service body has about 400 words
//! with `##` headings and lists, like the catalogues in docs/lessons-from-anchors.md.
//! Output is a pure function of the spec: each record draws from its own splitmix64
//! stream seeded by (seed, kind, index), so records can be written in parallel and a
//! given seed always gives the same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use rayon::prelude::*;

/// What to generate.
pub struct Spec {
    pub services: usize,
    pub providers: usize,
    pub standards: usize,
    pub seed: u64,
}

/// The number of life situations written (at most; the bank has this many).
pub const SITUATIONS: usize = 20;

/// Generate a synthetic site into `out`, which must not exist or be an empty folder.
pub fn generate(out: &Path, spec: &Spec) -> Result<(), String> {
    prepare_out(out)?;
    let dicts = Dicts::load()?;
    let world = World::new(spec, &dicts)?;

    for dir in [
        "content/services",
        "content/providers",
        "content/standards",
        "content/situations",
        "data",
        "themes",
    ] {
        mkdir(&out.join(dir))?;
    }
    write(&out.join("config.toml"), &config_toml(spec))?;
    write_data(out, &dicts)?;
    let theme_src = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/navigator");
    copy_dir(&theme_src, &out.join("themes/navigator"))?;
    write_sections(out, spec)?;

    let content = out.join("content");
    let dir = content.join("providers");
    (0..world.providers.len())
        .into_par_iter()
        .try_for_each(|i| {
            write(
                &dir.join(format!("{}.md", world.providers[i].slug)),
                &world.provider(i),
            )
        })?;
    let dir = content.join("standards");
    (0..world.standard_slugs.len())
        .into_par_iter()
        .try_for_each(|i| {
            write(
                &dir.join(format!("{}.md", world.standard_slugs[i])),
                &world.standard(i),
            )
        })?;
    let dir = content.join("services");
    (0..spec.services)
        .into_par_iter()
        .with_min_len(64)
        .try_for_each(|i| {
            write(
                &dir.join(format!("{}.md", world.service_slug(i))),
                &world.service(i),
            )
        })?;
    let dir = content.join("situations");
    (0..SITUATION_BANK.len().min(SITUATIONS))
        .into_par_iter()
        .try_for_each(|i| {
            write(
                &dir.join(format!("{}.md", SITUATION_BANK[i].slug)),
                &world.situation(i),
            )
        })?;
    Ok(())
}

// ---- files -----------------------------------------------------------------------------

fn prepare_out(out: &Path) -> Result<(), String> {
    match fs::metadata(out) {
        Ok(m) if !m.is_dir() => Err(format!("{} уже существует и это не папка", out.display())),
        Ok(_) => {
            let mut it = fs::read_dir(out).map_err(|e| format!("{}: {e}", out.display()))?;
            if it.next().is_some() {
                Err(format!(
                    "папка {} не пуста: укажите новую или пустую папку, чтобы не смешать каталоги",
                    out.display()
                ))
            } else {
                Ok(())
            }
        }
        Err(_) => mkdir(out),
    }
}

fn mkdir(p: &Path) -> Result<(), String> {
    fs::create_dir_all(p).map_err(|e| format!("не удалось создать {}: {e}", p.display()))
}

fn write(p: &Path, text: &str) -> Result<(), String> {
    fs::write(p, text).map_err(|e| format!("не удалось записать {}: {e}", p.display()))
}

fn copy_dir(src: &Path, dst: &Path) -> Result<(), String> {
    mkdir(dst)?;
    let entries = fs::read_dir(src)
        .map_err(|e| format!("не удалось прочитать тему {}: {e}", src.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", src.display()))?;
        let from = entry.path();
        let to = dst.join(entry.file_name());
        let ty = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", from.display()))?;
        if ty.is_dir() {
            copy_dir(&from, &to)?;
        } else {
            fs::copy(&from, &to)
                .map_err(|e| format!("не удалось скопировать {}: {e}", from.display()))?;
        }
    }
    Ok(())
}

fn config_toml(spec: &Spec) -> String {
    format!(
        r#"# Synthetic catalogue written by `socnav synth` (seed {seed}): {s} services, {p} providers, {k} standards.
# Site configuration, in Zola's format: stock Zola reads this file too.
base_url = "https://synth.socnav.example"
title = "Навигатор мер социальной поддержки (синтетический каталог)"
description = "Синтетический каталог для замеров скорости: меры поддержки, организации, стандарты и жизненные ситуации."
default_language = "ru"
theme = "navigator"
build_search_index = false
generate_sitemap = true
generate_robots_txt = true

taxonomies = [
    {{ name = "categories", paginate_by = 50 }},
    {{ name = "audiences", paginate_by = 50 }},
    {{ name = "regions", paginate_by = 50 }},
]

[markdown]
highlight_code = false

[extra]
# socnav settings live here, so that stock Zola accepts this file.
repository = "https://github.com/socnav/socnav"
"#,
        seed = spec.seed,
        s = spec.services,
        p = spec.providers,
        k = spec.standards
    )
}

fn write_data(out: &Path, dicts: &Dicts) -> Result<(), String> {
    let data = out.join("data");
    write(&data.join("categories.toml"), CATEGORIES_TOML)?;
    write(&data.join("audiences.toml"), AUDIENCES_TOML)?;
    write(&data.join("documents.toml"), DOCUMENTS_TOML)?;
    let mut regions = String::from(REGIONS_TOML);
    if !regions.ends_with('\n') {
        regions.push('\n');
    }
    let mut first = true;
    if !dicts.regions.iter().any(|k| k == "federal") {
        regions.push_str("\n[federal]\ntitle = \"Вся Россия\"\n");
    }
    for r in REGIONS {
        if dicts.regions.iter().any(|k| k == r.key) {
            continue;
        }
        if first {
            regions.push_str("\n# Synthetic regions added by `socnav synth`.\n");
            first = false;
        }
        let _ = write!(regions, "\n[{}]\ntitle = \"{}\"\n", r.key, r.nom);
    }
    write(&data.join("regions.toml"), &regions)
}

fn write_sections(out: &Path, spec: &Spec) -> Result<(), String> {
    let c = out.join("content");
    write(
        &c.join("_index.md"),
        &format!(
            "+++\ntitle = \"Навигатор мер социальной поддержки\"\ndescription = \"Синтетический каталог: {} мер поддержки, {} организаций и {} стандартов для замеров скорости сборки.\"\n+++\n\n\
Здравствуйте! Этот сайт помогает разобраться, какая поддержка от государства вам может быть положена. Здесь собраны пособия, выплаты, льготы и социальные услуги.\n\n\
**Это синтетический каталог.** Записи собраны автоматически из готовых фраз и нужны только для проверки скорости сборки. Не используйте их как источник сведений.\n\n\
- Откройте раздел «Жизненные ситуации», если с вами что-то случилось.\n\
- Откройте раздел «Меры поддержки», если знаете, что ищете.\n\
- На странице каждой меры есть условия, документы, сроки, причины отказа и порядок обжалования.\n",
            spec.services, spec.providers, spec.standards
        ),
    )?;
    write(
        &c.join("about.md"),
        "+++\ntitle = \"О каталоге\"\ndescription = \"Откуда взялись записи этого каталога.\"\n+++\n\n\
Каталог создан командой socnav synth. Названия, адреса, телефоны и нормативные акты регионов здесь вымышлены. \
Каталог нужен разработчикам, чтобы измерить, как быстро генератор собирает большой сайт.\n",
    )?;
    write(
        &c.join("services/_index.md"),
        "+++\ntitle = \"Меры поддержки\"\ndescription = \"Все пособия, выплаты, льготы и социальные услуги в навигаторе.\"\nsort_by = \"title\"\npaginate_by = 50\n+++\n\n\
Здесь собраны меры поддержки, которые действуют по всей России и в регионах. Отберите нужные по теме, по тому, для кого мера, или по региону.\n\n\
На странице каждой меры указано, кому она положена, какие нужны документы, куда обращаться, какие сроки и что делать при отказе.\n",
    )?;
    write(
        &c.join("providers/_index.md"),
        "+++\ntitle = \"Кто помогает\"\ndescription = \"Государственные органы, учреждения и некоммерческие организации, которые назначают выплаты и оказывают социальные услуги.\"\nsort_by = \"title\"\npaginate_by = 50\n+++\n\n\
Здесь собраны организации, к которым можно обратиться за помощью: ведомства, социальные центры и некоммерческие организации.\n\n\
Адреса и часы работы приёмных меняются, поэтому перед визитом проверьте их по телефону.\n",
    )?;
    write(
        &c.join("standards/_index.md"),
        "+++\ntitle = \"Стандарты социальных услуг\"\ndescription = \"Национальные, региональные и международные стандарты, которые описывают виды и качество социальных услуг.\"\nsort_by = \"title\"\npaginate_by = 50\n+++\n\n\
Стандарты описывают, какими бывают социальные услуги, какого качества они должны быть и как это качество проверяют.\n\n\
У каждого стандарта указан его статус: действует он, заменён новым или только обсуждается.\n",
    )?;
    write(
        &c.join("situations/_index.md"),
        "+++\ntitle = \"Жизненные ситуации\"\ndescription = \"Пошаговые маршруты: что делать и куда обращаться, когда в жизни происходит важное событие.\"\nsort_by = \"weight\"\n+++\n\n\
Выберите ситуацию, которая похожа на вашу. Внутри — шаги по порядку и ссылки на меры поддержки.\n",
    )
}

// ---- the real dictionaries, compiled in ------------------------------------------------

const CATEGORIES_TOML: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/categories.toml"));
const AUDIENCES_TOML: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/audiences.toml"));
const DOCUMENTS_TOML: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/documents.toml"));
const REGIONS_TOML: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/regions.toml"));

/// The keys of the compiled-in dictionaries, so that only existing terms are used.
struct Dicts {
    categories: Vec<String>,
    audiences: Vec<String>,
    documents: Vec<String>,
    regions: Vec<String>,
}

impl Dicts {
    fn load() -> Result<Dicts, String> {
        fn keys(name: &str, text: &str) -> Result<Vec<String>, String> {
            let t: toml::Table = toml::from_str(text).map_err(|e| format!("data/{name}: {e}"))?;
            Ok(t.keys().cloned().collect())
        }
        Ok(Dicts {
            categories: keys("categories.toml", CATEGORIES_TOML)?,
            audiences: keys("audiences.toml", AUDIENCES_TOML)?,
            documents: keys("documents.toml", DOCUMENTS_TOML)?,
            regions: keys("regions.toml", REGIONS_TOML)?,
        })
    }
}

// ---- randomness ----------------------------------------------------------------------

/// splitmix64: tiny, fast, and good enough for test data.
struct Rng(u64);

const S_SERVICE: u64 = 1;
const S_PROVIDER: u64 = 2;
const S_STANDARD: u64 = 3;
const S_SITUATION: u64 = 4;
const S_CATEGORY: u64 = 5;
const S_PLAN: u64 = 6;

impl Rng {
    fn new(seed: u64, stream: u64, index: u64) -> Rng {
        let mut r = Rng(seed
            ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03).rotate_left(17));
        r.next();
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n as u64) as usize
    }

    /// lo..=hi.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One string of a bank.
    fn one(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// k distinct indices of 0..n, in draw order (all of them when k >= n).
    fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        if k >= n {
            let mut all: Vec<usize> = (0..n).collect();
            self.shuffle(&mut all);
            return all;
        }
        let mut out = Vec::with_capacity(k);
        while out.len() < k {
            let x = self.below(n);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }

    /// k distinct items of a slice.
    fn some<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        self.distinct(items.len(), k)
            .into_iter()
            .map(|i| items[i])
            .collect()
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// A date between two years, never later than 2026-11-01.
    fn date(&mut self, from_year: u32, to_year: u32) -> Day {
        let y = self.range(from_year as usize, to_year as usize) as u32;
        let max_m = if y >= 2026 { 10 } else { 12 };
        Day(
            y.min(2026),
            self.range(1, max_m) as u32,
            self.range(1, 28) as u32,
        )
    }
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
struct Day(u32, u32, u32);

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

impl Day {
    fn dotted(self) -> String {
        format!("{:02}.{:02}.{:04}", self.2, self.1, self.0)
    }
    /// Some months later, never after 2026-11-01.
    fn plus_months(self, n: u32) -> Day {
        let m0 = self.1 - 1 + n;
        let d = Day(self.0 + m0 / 12, m0 % 12 + 1, self.2);
        let last = Day(2026, 11, 1);
        if d > last {
            if self > last {
                self
            } else {
                last
            }
        } else {
            d
        }
    }

    fn later(self, r: &mut Rng) -> Day {
        let mut d = r.date(self.0, 2026);
        if d <= self {
            d = self;
        }
        d
    }
}

// ---- text helpers --------------------------------------------------------------------

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn q_list<S: AsRef<str>>(items: &[S]) -> String {
    let v: Vec<String> = items.iter().map(|s| q(s.as_ref())).collect();
    format!("[{}]", v.join(", "))
}

/// A multi-line TOML array of strings.
fn q_block<S: AsRef<str>>(items: &[S]) -> String {
    let mut s = String::from("[\n");
    for i in items {
        let _ = writeln!(s, "  {},", q(i.as_ref()));
    }
    s.push(']');
    s
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Cut to at most `max` characters at a word boundary, ending with a full stop.
fn fit(s: String, max: usize) -> String {
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(i) => cut[..i].trim_end_matches([',', ':', ';']).to_string(),
        None => cut,
    };
    format!("{cut}.")
}

/// Replace `{key}` slots.
fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in slots {
        let pat = format!("{{{k}}}");
        if out.contains(&pat) {
            out = out.replace(&pat, v);
        }
    }
    out
}

fn rubles(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn words(n: usize, one: &str, few: &str, many: &str) -> String {
    let w = if n % 10 == 1 && n % 100 != 11 {
        one
    } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
        few
    } else {
        many
    };
    format!("{n} {w}")
}

/// A Markdown body under construction.
struct Body(String);

impl Body {
    fn new() -> Body {
        Body(String::with_capacity(4096))
    }
    fn para(&mut self, sentences: &[String]) {
        self.0.push_str(&sentences.join(" "));
        self.0.push_str("\n\n");
    }
    fn heading(&mut self, h: &str) {
        let _ = write!(self.0, "## {h}\n\n");
    }
    fn bullets<S: AsRef<str>>(&mut self, items: &[S]) {
        for i in items {
            let _ = writeln!(self.0, "- {}", i.as_ref());
        }
        self.0.push('\n');
    }
    fn numbered<S: AsRef<str>>(&mut self, items: &[S]) {
        for (n, i) in items.iter().enumerate() {
            let _ = writeln!(self.0, "{}. {}", n + 1, i.as_ref());
        }
        self.0.push('\n');
    }
}

/// Pick `k` sentences of a bank, filled with the slots.
fn sentences(r: &mut Rng, bank: &[&str], k: usize, slots: &[(&str, &str)]) -> Vec<String> {
    r.some(bank, k)
        .into_iter()
        .map(|s| fill(s, slots))
        .collect()
}

// ---- regions -------------------------------------------------------------------------

struct Region {
    key: &'static str,
    /// Name, genitive, prepositional ("в ..."), centre and its genitive.
    nom: &'static str,
    gen: &'static str,
    prep: &'static str,
    city: &'static str,
    city_gen: &'static str,
    lat: f64,
    lon: f64,
    phone: &'static str,
}

#[allow(clippy::too_many_arguments)]
const fn reg(
    key: &'static str,
    nom: &'static str,
    gen: &'static str,
    prep: &'static str,
    city: &'static str,
    city_gen: &'static str,
    lat: f64,
    lon: f64,
    phone: &'static str,
) -> Region {
    Region {
        key,
        nom,
        gen,
        prep,
        city,
        city_gen,
        lat,
        lon,
        phone,
    }
}

/// Regions a regional record may name: Kurgan (in the real dictionary) and 20 more.
const REGIONS: &[Region] = &[
    reg(
        "kurgan",
        "Курганская область",
        "Курганской области",
        "Курганской области",
        "Курган",
        "Кургана",
        55.44,
        65.34,
        "3522",
    ),
    reg(
        "tyumen",
        "Тюменская область",
        "Тюменской области",
        "Тюменской области",
        "Тюмень",
        "Тюмени",
        57.15,
        65.53,
        "3452",
    ),
    reg(
        "omsk",
        "Омская область",
        "Омской области",
        "Омской области",
        "Омск",
        "Омска",
        54.99,
        73.37,
        "3812",
    ),
    reg(
        "chelyabinsk",
        "Челябинская область",
        "Челябинской области",
        "Челябинской области",
        "Челябинск",
        "Челябинска",
        55.16,
        61.40,
        "351",
    ),
    reg(
        "sverdlovsk",
        "Свердловская область",
        "Свердловской области",
        "Свердловской области",
        "Екатеринбург",
        "Екатеринбурга",
        56.84,
        60.61,
        "343",
    ),
    reg(
        "novosibirsk",
        "Новосибирская область",
        "Новосибирской области",
        "Новосибирской области",
        "Новосибирск",
        "Новосибирска",
        55.03,
        82.92,
        "383",
    ),
    reg(
        "tomsk",
        "Томская область",
        "Томской области",
        "Томской области",
        "Томск",
        "Томска",
        56.48,
        84.95,
        "3822",
    ),
    reg(
        "altai-krai",
        "Алтайский край",
        "Алтайского края",
        "Алтайском крае",
        "Барнаул",
        "Барнаула",
        53.35,
        83.78,
        "3852",
    ),
    reg(
        "bashkortostan",
        "Республика Башкортостан",
        "Республики Башкортостан",
        "Республике Башкортостан",
        "Уфа",
        "Уфы",
        54.74,
        55.97,
        "347",
    ),
    reg(
        "tatarstan",
        "Республика Татарстан",
        "Республики Татарстан",
        "Республике Татарстан",
        "Казань",
        "Казани",
        55.79,
        49.12,
        "843",
    ),
    reg(
        "perm",
        "Пермский край",
        "Пермского края",
        "Пермском крае",
        "Пермь",
        "Перми",
        58.01,
        56.25,
        "342",
    ),
    reg(
        "orenburg",
        "Оренбургская область",
        "Оренбургской области",
        "Оренбургской области",
        "Оренбург",
        "Оренбурга",
        51.77,
        55.10,
        "3532",
    ),
    reg(
        "samara",
        "Самарская область",
        "Самарской области",
        "Самарской области",
        "Самара",
        "Самары",
        53.20,
        50.15,
        "846",
    ),
    reg(
        "saratov",
        "Саратовская область",
        "Саратовской области",
        "Саратовской области",
        "Саратов",
        "Саратова",
        51.53,
        46.03,
        "8452",
    ),
    reg(
        "volgograd",
        "Волгоградская область",
        "Волгоградской области",
        "Волгоградской области",
        "Волгоград",
        "Волгограда",
        48.71,
        44.51,
        "8442",
    ),
    reg(
        "rostov",
        "Ростовская область",
        "Ростовской области",
        "Ростовской области",
        "Ростов-на-Дону",
        "Ростова-на-Дону",
        47.23,
        39.72,
        "863",
    ),
    reg(
        "krasnodar",
        "Краснодарский край",
        "Краснодарского края",
        "Краснодарском крае",
        "Краснодар",
        "Краснодара",
        45.04,
        38.98,
        "861",
    ),
    reg(
        "voronezh",
        "Воронежская область",
        "Воронежской области",
        "Воронежской области",
        "Воронеж",
        "Воронежа",
        51.67,
        39.18,
        "473",
    ),
    reg(
        "yaroslavl",
        "Ярославская область",
        "Ярославской области",
        "Ярославской области",
        "Ярославль",
        "Ярославля",
        57.63,
        39.87,
        "4852",
    ),
    reg(
        "tver",
        "Тверская область",
        "Тверской области",
        "Тверской области",
        "Тверь",
        "Твери",
        56.86,
        35.90,
        "4822",
    ),
    reg(
        "kaluga",
        "Калужская область",
        "Калужской области",
        "Калужской области",
        "Калуга",
        "Калуги",
        54.51,
        36.26,
        "4842",
    ),
];

const MOSCOW: Region = reg(
    "federal",
    "Вся Россия",
    "России",
    "России",
    "Москва",
    "Москвы",
    55.75,
    37.62,
    "495",
);

fn phone(r: &mut Rng, code: &str) -> String {
    let rest = 10 - code.len();
    let digits: String = (0..rest)
        .map(|i| {
            char::from(
                b'0' + if i == 0 {
                    2 + r.below(7) as u8
                } else {
                    r.below(10) as u8
                },
            )
        })
        .collect();
    let d = digits.as_str();
    let body = match rest {
        7 => format!("{}-{}-{}", &d[..3], &d[3..5], &d[5..]),
        6 => format!("{}-{}-{}", &d[..2], &d[2..4], &d[4..]),
        _ => format!("{}-{}", &d[..rest - 2], &d[rest - 2..]),
    };
    format!("+7 ({code}) {body}")
}

// ---- categories and measures -----------------------------------------------------------

#[derive(Clone, Copy)]
enum G {
    M,
    F,
    N,
}

/// An adjective in the masculine, feminine and neuter.
type Adj = (&'static str, &'static str, &'static str);

fn agree(a: &Adj, g: G) -> &'static str {
    match g {
        G::M => a.0,
        G::F => a.1,
        G::N => a.2,
    }
}

const ADJ_MONEY: &[Adj] = &[
    ("ежемесячный", "ежемесячная", "ежемесячное"),
    ("единовременный", "единовременная", "единовременное"),
    ("ежегодный", "ежегодная", "ежегодное"),
    ("дополнительный", "дополнительная", "дополнительное"),
];
const ADJ_BENEFIT: &[Adj] = &[("дополнительный", "дополнительная", "дополнительное")];
const ADJ_SERVICE: &[Adj] = &[
    ("бесплатный", "бесплатная", "бесплатное"),
    ("срочный", "срочная", "срочное"),
    ("дополнительный", "дополнительная", "дополнительное"),
];

/// A kind of measure: form (schema enum), noun with its gender, and what follows it.
struct Measure {
    form: &'static str,
    noun: &'static str,
    g: G,
    tail: &'static str,
}

const fn m(form: &'static str, noun: &'static str, g: G, tail: &'static str) -> Measure {
    Measure {
        form,
        noun,
        g,
        tail,
    }
}

struct Cat {
    key: &'static str,
    measures: &'static [Measure],
    audiences: &'static [&'static str],
    docs: &'static [&'static str],
    named_docs: &'static [&'static str],
    acts: &'static [&'static str],
    /// "по вопросам ..." (genitive).
    topic: &'static str,
    /// "..., если <cond>": when the measure is granted, for descriptions.
    conds: &'static [&'static str],
}

const ACT_81: &str =
    "Федеральный закон от 19.05.1995 № 81-ФЗ «О государственных пособиях гражданам, имеющим детей»";
const ACT_256: &str = "Федеральный закон от 29.12.2006 № 256-ФЗ «О дополнительных мерах государственной поддержки семей, имеющих детей»";
const ACT_400: &str = "Федеральный закон от 28.12.2013 № 400-ФЗ «О страховых пенсиях»";
const ACT_166: &str = "Федеральный закон от 15.12.2001 № 166-ФЗ «О государственном пенсионном обеспечении в Российской Федерации»";
const ACT_178: &str =
    "Федеральный закон от 17.07.1999 № 178-ФЗ «О государственной социальной помощи»";
const ACT_181: &str = "Федеральный закон от 24.11.1995 № 181-ФЗ «О социальной защите инвалидов в Российской Федерации»";
const ACT_1032: &str = "Закон Российской Федерации от 19.04.1991 № 1032-1 «О занятости населения в Российской Федерации»";
const ACT_ZHK: &str = "Жилищный кодекс Российской Федерации от 29.12.2004 № 188-ФЗ";
const ACT_442: &str = "Федеральный закон от 28.12.2013 № 442-ФЗ «Об основах социального обслуживания граждан в Российской Федерации»";
const ACT_324: &str = "Федеральный закон от 21.11.2011 № 324-ФЗ «О бесплатной юридической помощи в Российской Федерации»";
const ACT_NK: &str = "Налоговый кодекс Российской Федерации (часть вторая) от 05.08.2000 № 117-ФЗ";
const ACT_5: &str = "Федеральный закон от 12.01.1995 № 5-ФЗ «О ветеранах»";
const ACT_159: &str = "Федеральный закон от 21.12.1996 № 159-ФЗ «О дополнительных гарантиях по социальной поддержке детей-сирот и детей, оставшихся без попечения родителей»";

const CATS: &[Cat] = &[
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

/// Dative and genitive of each audience.
fn audience_forms(key: &str) -> (&'static str, &'static str) {
    match key {
        "families-with-children" => ("семьям с детьми", "семей с детьми"),
        "pregnant" => ("беременным женщинам", "беременных женщин"),
        "large-families" => ("многодетным семьям", "многодетных семей"),
        "disabled" => ("людям с инвалидностью", "людей с инвалидностью"),
        "disabled-children" => (
            "семьям, которые воспитывают детей с инвалидностью",
            "семей, которые воспитывают детей с инвалидностью",
        ),
        "pensioners" => ("пенсионерам", "пенсионеров"),
        "pre-pensioners" => (
            "людям предпенсионного возраста",
            "людей предпенсионного возраста",
        ),
        "unemployed" => (
            "безработным и тем, кто ищет работу",
            "безработных и тех, кто ищет работу",
        ),
        "low-income" => (
            "малоимущим семьям и одиноким людям",
            "малоимущих семей и одиноких людей",
        ),
        "veterans" => ("ветеранам", "ветеранов"),
        "elderly" => ("пожилым людям", "пожилых людей"),
        "caregivers" => (
            "тем, кто ухаживает за близкими",
            "тех, кто ухаживает за близкими",
        ),
        "orphans" => (
            "детям-сиротам и выпускникам детских домов",
            "детей-сирот и выпускников детских домов",
        ),
        _ => ("жителям", "жителей"),
    }
}

fn audience_criteria(key: &str) -> &'static [&'static str] {
    match key {
        "families-with-children" => &["В семье есть ребёнок младше 18 лет.", "Ребёнок живёт вместе с вами.", "Вы родитель, усыновитель или опекун ребёнка."],
        "pregnant" => &["Срок беременности — не меньше шести недель.", "Вы встали на учёт в женской консультации до 12 недель беременности."],
        "large-families" => &["В семье трое и больше детей младше 18 лет или младше 23 лет, если ребёнок учится очно.", "У семьи есть удостоверение многодетной семьи."],
        "disabled" => &["Вам установлена инвалидность I, II или III группы.", "Мера предусмотрена вашей индивидуальной программой реабилитации."],
        "disabled-children" => &["Ребёнку установлена категория «ребёнок-инвалид».", "Вы родитель, усыновитель или опекун ребёнка с инвалидностью."],
        "pensioners" => &["Вы получаете пенсию по старости, по инвалидности или по потере кормильца.", "Вы не работаете и не ведёте предпринимательскую деятельность."],
        "pre-pensioners" => &["До пенсии по старости осталось не больше пяти лет.", "Вы потеряли работу или хотите пройти переобучение."],
        "unemployed" => &["Вы зарегистрированы в центре занятости как безработный.", "Вы не получаете пенсию и не учитесь очно."],
        "low-income" => &["Доход на человека в семье ниже прожиточного минимума.", "Семью признали малоимущей в отделе социальной защиты."],
        "veterans" => &["У вас есть удостоверение ветерана.", "Вы не получаете такую же меру по другому основанию."],
        "elderly" => &["Вам исполнилось 65 лет или больше.", "Вы частично утратили способность обслуживать себя сами."],
        "caregivers" => &["Вы ухаживаете за человеком с инвалидностью I группы или за пожилым человеком старше 80 лет.", "Вы трудоспособны и не работаете."],
        "orphans" => &["Вы из числа детей-сирот или детей, оставшихся без попечения родителей.", "Вам ещё нет 23 лет."],
        _ => &["Вы относитесь к категории граждан, которым положена мера."],
    }
}

fn audience_ages(key: &str) -> Option<(u32, u32)> {
    match key {
        "orphans" => Some((14, 23)),
        "disabled-children" => Some((0, 17)),
        "elderly" => Some((65, 120)),
        "pre-pensioners" => Some((50, 65)),
        "unemployed" => Some((16, 70)),
        _ => None,
    }
}

const GENERIC_CRITERIA: &[&str] = &[
    "Вы гражданин России и постоянно живёте {region_in}.",
    "Вы обращаетесь впервые или срок прошлого назначения закончился.",
    "Имущество семьи не больше допустимого: число квартир, домов и машин ограничено.",
    "Вы не получаете такую же выплату от другого ведомства.",
    "Взрослые члены семьи работают или у них есть уважительная причина не работать.",
    "Заявление подано в установленный срок.",
    "Вы живёте по месту регистрации не меньше одного года.",
    "У вас нет долгов по алиментам, подтверждённых решением суда.",
];

const MEASURE_FORM_WORDS: &[(&str, &str, &str)] = &[
    // form, verb, heading of the "what you get" section
    ("payment", "назначается", "Сколько платят"),
    ("benefit", "предоставляется", "Какая льгота положена"),
    ("service", "предоставляется", "Что входит в услугу"),
    (
        "certificate",
        "выдаётся",
        "На что можно потратить сертификат",
    ),
    ("consultation", "проводится", "Как проходит консультация"),
    ("in-kind", "выдаётся", "Что выдают"),
];

fn form_words(form: &str) -> (&'static str, &'static str) {
    MEASURE_FORM_WORDS
        .iter()
        .find(|(f, _, _)| *f == form)
        .map(|(_, v, h)| (*v, *h))
        .unwrap_or(("предоставляется", "Что положено"))
}

const INTRO: &[&str] = &[
    "Мера помогает справиться с расходами, которые трудно покрыть из обычного дохода.",
    "Право на меру не зависит от того, работаете вы или нет.",
    "Оформить её можно один раз, а если условия сохраняются, продлевать каждый год.",
    "Многие сведения ведомство запрашивает само, поэтому документов нужно немного.",
    "Мера действует много лет, но условия её получения время от времени меняются.",
    "На этой странице собрано главное: кому положено, какие нужны документы, куда обращаться и что делать при отказе.",
    "Если вы не уверены, подходит ли вам мера, позвоните на горячую линию или спросите в МФЦ.",
    "Размер помощи и порядок её получения установлены законом, поэтому сотрудник не может отказать без причины.",
    "Заявление можно подать за себя или за члена семьи по доверенности.",
    "Решение принимают по сведениям из государственных реестров и по документам, которые вы принесёте.",
    "Меру устанавливает {level_body}, поэтому условия одинаковы для всех, кто живёт {region_in}.",
];

const WHO_END: &[&str] = &[
    "Если хотя бы одно условие не выполняется, в назначении откажут, но вы можете обратиться снова, когда обстоятельства изменятся.",
    "Доход считают за двенадцать месяцев, которые заканчиваются за месяц до подачи заявления.",
    "В доход включают зарплату, пенсии, пособия, стипендии и алименты.",
    "Если вы сомневаетесь, подходите ли под условия, всё равно подайте заявление: ведомство само проверит сведения.",
    "Иностранным гражданам мера обычно не положена, кроме случаев, прямо указанных в законе.",
    "Условия проверяют на день подачи заявления, поэтому собирайте справки не раньше чем за месяц.",
];

const AMOUNT_PAYMENT: &[&str] = &[
    "Сумму каждый год индексируют с учётом роста цен.",
    "В районах с районным коэффициентом сумма больше.",
    "Деньги перечисляют на счёт карты «Мир» или выдают через почтовое отделение.",
    "Выплату не учитывают как доход, когда назначают другие меры поддержки.",
    "С выплаты не удерживают налог на доходы физических лиц.",
    "Если право на выплату есть у двух членов семьи, её получает один из них.",
    "Первую выплату переводят в течение месяца после решения.",
];
const AMOUNT_BENEFIT: &[&str] = &[
    "Скидку применяют сами, после того как ведомство внесёт сведения о вас в реестр.",
    "Компенсацию перечисляют после того, как вы оплатите расходы и принесёте чеки.",
    "Льгота действует, пока вы относитесь к льготной категории.",
    "Если у вас есть право на несколько похожих льгот, выбирают одну, самую выгодную.",
    "Размер компенсации зависит от того, сколько человек живёт в семье.",
    "Сведения о льготе передают в налоговую и в расчётный центр без вашего участия.",
];
const AMOUNT_SERVICE: &[&str] = &[
    "Социальный работник помогает купить продукты и лекарства, оплатить коммунальные услуги, убрать в квартире.",
    "Объём помощи записывают в индивидуальную программу предоставления социальных услуг.",
    "Услуги оказывают на дому, в центре социального обслуживания или дистанционно.",
    "Специалисты помогают сохранить самостоятельность и как можно дольше жить дома.",
    "Поставщика услуг можно выбрать из регионального реестра.",
    "Если состояние изменилось, программу пересматривают по вашему заявлению.",
];
const AMOUNT_CERTIFICATE: &[&str] = &[
    "Сертификатом можно расплатиться у любого поставщика из реестра.",
    "Неиспользованный остаток сгорает в конце календарного года.",
    "Сертификат выдают в электронном виде, он приходит в личный кабинет на Госуслугах.",
    "Перед покупкой уточните у поставщика, принимает ли он сертификат.",
];
const AMOUNT_CONSULTATION: &[&str] = &[
    "Консультация длится от тридцати минут до часа.",
    "Можно прийти лично, позвонить или получить ответ письменно.",
    "Специалист объяснит ваши права и поможет составить заявление.",
    "Возьмите с собой документы, о которых хотите спросить.",
    "Записаться можно по телефону или на сайте организации.",
];
const AMOUNT_IN_KIND: &[&str] = &[
    "Набор собирают с учётом возраста и состава семьи.",
    "Помощь выдают в центре социального обслуживания по предварительной записи.",
    "Помощь можно получить не чаще одного раза в год.",
    "Если вы не можете прийти сами, помощь привезут на дом.",
];

const HOW_END: &[&str] = &[
    "Если вы подаёте документы в МФЦ, сохраните расписку: в ней указан срок ответа.",
    "Через Госуслуги удобнее: статус заявления виден в личном кабинете.",
    "Если вы не можете прийти сами, заявление подаст представитель по доверенности.",
    "Копии документов в МФЦ сделают бесплатно.",
    "Сотрудник обязан принять заявление, даже если каких-то документов не хватает.",
];

const DEADLINE_BANK: &[&str] = &[
    "Срок считают со дня, когда ведомство получило все документы.",
    "Если сведений не хватает, срок могут продлить, но об этом обязаны сообщить.",
    "Пропущенный срок не всегда лишает права на меру, но помощь могут назначить не с первого месяца.",
    "В праздничные дни сроки сдвигаются на ближайший рабочий день.",
];

const APPLY_WITHIN: &[&str] = &[
    "В течение шести месяцев со дня, когда появилось право на меру.",
    "Не позднее 30 дней после возникновения права.",
    "В любое время, срок обращения не ограничен.",
    "До 1 декабря текущего года.",
    "В течение года после окончания обучения.",
];

const DELIVERY_PAYMENT: &[&str] = &[
    "Каждый месяц, до 25-го числа.",
    "Один раз, в течение 10 рабочих дней после решения.",
    "Раз в год, до 1 июля.",
    "Каждый месяц в течение года, затем нужно подать новое заявление.",
];
const DELIVERY_SERVICE: &[&str] = &[
    "Социальный работник приходит два или три раза в неделю.",
    "В течение срока действия индивидуальной программы.",
    "В день обращения или на следующий день.",
    "По графику, который согласуют с вами.",
];

const IMPORTANT: &[&str] = &[
    "Сообщайте об изменениях в семье и доходах в течение 10 рабочих дней.",
    "Если выплату назначили по ошибке, её могут потребовать вернуть.",
    "Мошенники звонят от имени соцзащиты: сотрудники никогда не просят код из СМС.",
    "Сохраняйте копии заявлений и уведомлений о решении.",
    "Меру можно получать одновременно с другими пособиями, если закон не запрещает.",
    "При переезде в другой регион право на региональные меры нужно оформлять заново.",
    "Справки действительны 30 дней, поэтому не берите их заранее.",
    "За консультацию и приём документов не берут плату.",
];

const REFUSAL_TEXT: &[&str] = &[
    "В уведомлении об отказе обязаны указать причину и норму закона.",
    "Часто отказ связан с ошибкой в сведениях о доходах или составе семьи.",
    "Исправьте ошибку и подайте заявление снова.",
    "Если вы не согласны с решением, подайте жалобу руководителю ведомства или в прокуратуру.",
    "Обратиться в суд можно и без досудебной жалобы.",
    "Бесплатную юридическую помощь оказывают государственные юридические бюро и адвокаты по государственной программе.",
];

const STEP_FIRST: &[&str] = &[
    "Проверьте, подходите ли вы под условия, и соберите документы.",
    "Уточните условия на горячей линии или в МФЦ и подготовьте документы.",
];
const STEP_SUBMIT: &[&str] = &[
    "Подайте заявление на Госуслугах, в МФЦ или лично в ведомстве.",
    "Подайте заявление в МФЦ или в организации, которая оказывает помощь.",
];
const STEP_MIDDLE_MONEY: &[&str] = &[
    "Если попросят, донесите недостающие документы в течение 5 рабочих дней.",
    "Дождитесь, пока ведомство запросит сведения о доходах в других органах.",
    "Ответьте на звонок специалиста, если нужно уточнить сведения.",
];
const STEP_MIDDLE_SERVICE: &[&str] = &[
    "Дождитесь визита специалиста, который оценит, какая помощь вам нужна.",
    "Обсудите со специалистом, какие услуги вам нужны и как часто.",
    "Получите индивидуальную программу предоставления социальных услуг.",
];
const STEP_DECISION: &[&str] = &[
    "Получите уведомление о решении в личном кабинете Госуслуг или письмом.",
    "Узнайте о решении по телефону или в личном кабинете.",
];
const STEP_FINAL_MONEY: &[&str] = &[
    "Проверьте первое зачисление на счёт.",
    "Через год подайте новое заявление, чтобы помощь продолжилась.",
];
const STEP_FINAL_SERVICE: &[&str] = &[
    "Заключите договор с поставщиком социальных услуг.",
    "Согласуйте график, по которому вам будут помогать.",
];

const REFUSAL_REASONS: &[&str] = &[
    "Доход семьи выше прожиточного минимума.",
    "В заявлении неполные или недостоверные сведения.",
    "Не представлены документы, которые нужно принести самому.",
    "Заявитель не относится к категории граждан, которым положена мера.",
    "Заявитель уже получает такую же меру по другому основанию.",
    "Заявитель не живёт постоянно {region_in}.",
    "Пропущен срок обращения.",
];
const REFUSAL_REASONS_SERVICE: &[&str] = &[
    "Есть медицинские противопоказания к получению услуги.",
    "Человек не признан нуждающимся в социальном обслуживании.",
];
const REAPPLY: &[&str] = &[
    "Устраните причину отказа и подайте заявление снова. Число обращений не ограничено.",
    "Подайте новое заявление, когда изменятся доход или состав семьи.",
    "Соберите недостающие документы и обратитесь повторно в любое время.",
];
const APPEAL_FIRST: &[&str] = &[
    "Прочитайте причину отказа в уведомлении: в нём указана норма закона.",
    "Попросите письменный отказ с указанием причины, если вам отказали устно.",
];
const APPEAL_MIDDLE: &[&str] = &[
    "Подайте жалобу руководителю организации, которая отказала, в течение трёх месяцев.",
    "Подайте досудебную жалобу через Госуслуги или в МФЦ.",
    "Обратитесь в прокуратуру, если считаете, что нарушены ваши права.",
    "Пожалуйтесь в вышестоящее министерство или ведомство.",
];
const APPEAL_LAST: &[&str] = &[
    "Подайте иск в районный суд по месту жительства.",
    "Обратитесь в суд: в делах о социальных выплатах госпошлину не платят.",
];

const WHERE: &[&str] = &[
    "МФЦ, Госуслуги или {provider}",
    "{provider}, МФЦ по месту жительства",
    "Отдел социальной защиты по месту жительства или МФЦ",
    "{provider}",
];

const CHANNEL_WORDS: &[(&str, &str)] = &[
    ("online", "на Госуслугах"),
    ("mfc", "в МФЦ"),
    ("in-person", "лично в организации"),
    ("mail", "по почте"),
    ("phone", "по телефону"),
];

// ---- providers -------------------------------------------------------------------------

/// A pattern of provider names.
struct Org {
    ty: &'static str,
    name: &'static str,
    desc: &'static str,
    cats: &'static [&'static str],
    auds: &'static [&'static str],
    activities: &'static [&'static str],
}

const NAMES: &[&str] = &[
    "Забота",
    "Надежда",
    "Милосердие",
    "Доброе сердце",
    "Опора",
    "Родник",
    "Исток",
    "Гармония",
    "Семья",
    "Радуга",
    "Тёплый дом",
    "Рука помощи",
    "Солнечный круг",
    "Открытые двери",
    "Луч",
    "Берегиня",
    "Доверие",
    "Участие",
    "Содействие",
    "Добрые руки",
    "Вместе",
    "Наш дом",
    "Возрождение",
    "Светлячок",
    "Преодоление",
    "Мир для всех",
    "Островок",
    "Созвездие",
    "Добрый день",
    "Сфера",
];

const DISTRICTS: &[&str] = &[
    "Центрального",
    "Ленинского",
    "Октябрьского",
    "Кировского",
    "Советского",
    "Заречного",
    "Калининского",
    "Железнодорожного",
    "Северного",
    "Восточного",
    "Южного",
    "Первомайского",
];

const STREETS: &[&str] = &[
    "Ленина",
    "Советская",
    "Мира",
    "Гагарина",
    "Пушкина",
    "Кирова",
    "Садовая",
    "Молодёжная",
    "Школьная",
    "Гоголя",
    "Куйбышева",
    "Комсомольская",
    "Набережная",
    "Лесная",
    "Строителей",
];

const HOURS: &[&str] = &[
    "Пн–Чт 8:30–17:30, Пт 8:30–16:15, обед 12:30–13:18",
    "Пн–Пт 9:00–18:00, без обеда",
    "Пн–Пт 8:00–17:00, Сб 9:00–13:00",
    "Ежедневно 9:00–20:00",
    "Пн, Ср, Пт 10:00–16:00 по предварительной записи",
];

const ORGS_REGIONAL: &[Org] = &[
    Org { ty: "state-body", name: "Управление социальной защиты населения {district} района г. {city_gen}", desc: "Назначает региональные выплаты и льготы, принимает заявления и выдаёт справки о мерах поддержки {region_in}.",
        cats: &["family", "low-income", "housing", "pensions"], auds: &["families-with-children", "low-income", "pensioners", "veterans", "large-families"], activities: &["приём заявлений", "назначение выплат", "консультации по льготам", "выдача удостоверений"] },
    Org { ty: "state-body", name: "Отдел социальной политики администрации {district} района", desc: "Принимает заявления на меры поддержки, ведёт учёт льготников и помогает семьям в трудной жизненной ситуации.",
        cats: &["low-income", "family", "social-services"], auds: &["low-income", "families-with-children", "elderly"], activities: &["приём заявлений", "социальный контракт", "консультации"] },
    Org { ty: "state-institution", name: "Комплексный центр социального обслуживания населения «{name}»", desc: "Оказывает социальные услуги на дому и в центре пожилым людям, людям с инвалидностью и семьям с детьми {region_in}.",
        cats: &["social-services", "family", "disability"], auds: &["elderly", "disabled", "families-with-children", "caregivers"], activities: &["социальное обслуживание на дому", "прокат средств реабилитации", "школа ухода", "группы поддержки", "социальное такси"] },
    Org { ty: "state-institution", name: "Центр социальной помощи семье и детям «{name}»", desc: "Помогает семьям с детьми: консультации психолога и юриста, сопровождение, отдых детей.",
        cats: &["family", "social-services"], auds: &["families-with-children", "large-families", "disabled-children", "orphans"], activities: &["консультации психолога", "сопровождение семей", "летний отдых детей", "группы для родителей"] },
    Org { ty: "state-institution", name: "Центр занятости населения г. {city_gen}", desc: "Помогает найти работу, назначает пособие по безработице, направляет на обучение и помогает открыть своё дело.",
        cats: &["employment"], auds: &["unemployed", "pre-pensioners", "disabled"], activities: &["подбор вакансий", "профессиональное обучение", "ярмарки вакансий", "помощь в открытии дела"] },
    Org { ty: "state-institution", name: "Реабилитационный центр для детей и подростков с ограниченными возможностями «{name}»", desc: "Проводит реабилитацию детей с инвалидностью и учит родителей заниматься с ребёнком дома.",
        cats: &["disability", "health", "family"], auds: &["disabled-children", "families-with-children"], activities: &["курсы реабилитации", "занятия с логопедом", "консультации родителей"] },
    Org { ty: "state-institution", name: "Дом-интернат для престарелых и инвалидов «{name}»", desc: "Принимает на постоянное и временное проживание пожилых людей и людей с инвалидностью, которым нужен уход.",
        cats: &["social-services", "health"], auds: &["elderly", "disabled"], activities: &["постоянное проживание", "временное проживание", "медицинский уход", "досуг"] },
    Org { ty: "state-institution", name: "Филиал № {n} главного бюро медико-социальной экспертизы {gen}", desc: "Устанавливает инвалидность и составляет индивидуальную программу реабилитации.",
        cats: &["disability", "health"], auds: &["disabled", "disabled-children"], activities: &["медико-социальная экспертиза", "разработка ИПРА", "консультации"] },
    Org { ty: "municipal-institution", name: "Муниципальный центр социальной помощи «{name}» г. {city_gen}", desc: "Выдаёт продуктовые наборы, помогает одеждой и обувью, принимает заявления на материальную помощь.",
        cats: &["low-income", "social-services"], auds: &["low-income", "large-families", "elderly"], activities: &["продуктовые наборы", "пункт выдачи одежды", "материальная помощь"] },
    Org { ty: "municipal-institution", name: "Муниципальное бюджетное учреждение «Центр досуга пожилых людей «{name}»»", desc: "Проводит занятия и клубы для людей старшего возраста, помогает освоить компьютер и Госуслуги.",
        cats: &["social-services"], auds: &["elderly", "pensioners"], activities: &["компьютерные курсы", "клубы по интересам", "гимнастика", "консультации"] },
    Org { ty: "non-profit", name: "Благотворительный фонд «{name}»", desc: "Собирает пожертвования и помогает семьям в трудной жизненной ситуации, людям с инвалидностью и пожилым людям.",
        cats: &["low-income", "family", "disability"], auds: &["low-income", "families-with-children", "disabled", "elderly"], activities: &["адресная помощь", "сбор вещей", "группы поддержки", "волонтёрские визиты"] },
    Org { ty: "non-profit", name: "Автономная некоммерческая организация «Центр поддержки «{name}»»", desc: "Оказывает социальные услуги по договору с регионом и входит в реестр поставщиков социальных услуг.",
        cats: &["social-services", "family"], auds: &["elderly", "caregivers", "families-with-children"], activities: &["уход на дому", "сиделки", "школа ухода", "консультации"] },
    Org { ty: "non-profit", name: "Общественная организация ветеранов «{name}»", desc: "Объединяет ветеранов, помогает им оформить льготы и защищает их права.",
        cats: &["legal-aid", "pensions"], auds: &["veterans", "pensioners"], activities: &["консультации по льготам", "встречи ветеранов", "помощь с документами"] },
    Org { ty: "non-profit", name: "Юридическая клиника «{name}»", desc: "Бесплатно консультирует по социальным вопросам и помогает составить жалобы и заявления.",
        cats: &["legal-aid"], auds: &["low-income", "disabled", "pensioners", "large-families"], activities: &["юридические консультации", "составление жалоб", "представительство в суде"] },
    Org { ty: "social-business", name: "Социальное предприятие «{name}»", desc: "Трудоустраивает людей с инвалидностью и оказывает бытовые услуги пожилым людям.",
        cats: &["employment", "social-services"], auds: &["disabled", "elderly", "unemployed"], activities: &["трудоустройство", "ремонт на дому", "доставка продуктов"] },
    Org { ty: "social-business", name: "Пансионат для пожилых людей «{name}»", desc: "Принимает пожилых людей на временное и постоянное проживание с уходом и входит в реестр поставщиков социальных услуг.",
        cats: &["social-services", "health"], auds: &["elderly", "disabled", "caregivers"], activities: &["проживание с уходом", "реабилитация", "отдых для ухаживающих родственников"] },
];

const ORGS_FEDERAL: &[Org] = &[
    Org { ty: "state-body", name: "Федеральная служба по социальным гарантиям «{name}»", desc: "Устанавливает порядок назначения федеральных выплат и контролирует, как их предоставляют в регионах.",
        cats: &["family", "pensions", "disability"], auds: &["families-with-children", "pensioners", "disabled"], activities: &["методическая помощь регионам", "горячая линия", "рассмотрение жалоб"] },
    Org { ty: "state-institution", name: "Федеральный реабилитационный центр «{name}»", desc: "Проводит курсы реабилитации для людей с инвалидностью со всей страны по направлению врача.",
        cats: &["disability", "health"], auds: &["disabled", "disabled-children", "veterans"], activities: &["курсы реабилитации", "протезирование", "консультации специалистов"] },
    Org { ty: "state-institution", name: "Федеральный центр поддержки семьи «{name}»", desc: "Консультирует семьи с детьми по телефону и онлайн, помогает найти региональные меры поддержки.",
        cats: &["family", "legal-aid"], auds: &["families-with-children", "large-families", "pregnant"], activities: &["горячая линия", "онлайн-консультации", "методические материалы"] },
    Org { ty: "non-profit", name: "Всероссийский благотворительный фонд «{name}»", desc: "Помогает семьям с детьми, людям с инвалидностью и пожилым людям по всей стране.",
        cats: &["low-income", "family", "disability"], auds: &["low-income", "families-with-children", "disabled", "elderly"], activities: &["адресная помощь", "оплата лечения", "гранты местным организациям"] },
    Org { ty: "non-profit", name: "Межрегиональная общественная организация «{name}»", desc: "Объединяет людей с инвалидностью и их семьи, защищает их права и помогает с реабилитацией.",
        cats: &["disability", "legal-aid"], auds: &["disabled", "disabled-children", "caregivers"], activities: &["правовые консультации", "группы взаимопомощи", "обучение волонтёров"] },
    Org { ty: "non-profit", name: "Всероссийская горячая линия «{name}»", desc: "Бесплатно отвечает на вопросы о пособиях, льготах и социальных услугах по телефону и в чате.",
        cats: &["legal-aid", "low-income"], auds: &["low-income", "pensioners", "families-with-children"], activities: &["консультации по телефону", "чат-поддержка", "помощь с заявлениями"] },
    Org { ty: "social-business", name: "Сеть служб ухода «{name}»", desc: "Оказывает услуги сиделок и помощников по уходу в разных регионах, в том числе по сертификату.",
        cats: &["social-services"], auds: &["elderly", "caregivers", "disabled"], activities: &["сиделки", "помощь по дому", "обучение родственников"] },
];

/// What a service file needs to know about a provider.
struct ProviderPlan {
    slug: String,
    title: String,
    /// Index into REGIONS; None for a federal provider.
    region: Option<usize>,
    org: &'static Org,
    seq: usize,
}

// ---- standards -------------------------------------------------------------------------

const STANDARD_TOPICS: &[&str] = &[
    "Основные виды социальных услуг",
    "Качество социальных услуг. Общие положения",
    "Контроль качества социальных услуг",
    "Социальные услуги гражданам пожилого возраста",
    "Социальные услуги инвалидам",
    "Социальные услуги семье",
    "Социальные услуги детям",
    "Система качества учреждений социального обслуживания",
    "Требования к персоналу учреждений социального обслуживания",
    "Типы учреждений социального обслуживания",
    "Реабилитационные услуги людям с нарушением зрения",
    "Реабилитационные услуги людям с нарушением слуха",
    "Услуги по социальному сопровождению",
    "Долговременный уход за гражданами пожилого возраста",
    "Услуги по организации отдыха и оздоровления детей",
    "Срочные социальные услуги",
    "Доступность объектов социального обслуживания для маломобильных граждан",
    "Социальные услуги бездомным гражданам",
];

const STANDARD_BODY: &[&str] = &[
    "Стандарт описывает, какие услуги должна оказывать организация и как проверить их качество.",
    "Он нужен и тем, кто получает услуги, и тем, кто их оказывает.",
    "Получатель может сослаться на стандарт в разговоре с руководителем организации или в жалобе.",
    "Поставщик услуг использует стандарт, чтобы выстроить работу и подготовиться к проверке.",
    "В стандарте перечислены требования к помещениям, оборудованию и сотрудникам.",
    "Отдельный раздел посвящён тому, как измерять результат: стало ли человеку легче жить.",
    "Стандарт применяют вместе с другими стандартами серии «Социальное обслуживание населения».",
    "Требования стандарта добровольны, но на них ссылаются региональные порядки предоставления услуг.",
    "Текст стандарта можно прочитать бесплатно на сайте национального органа по стандартизации.",
];

// ---- situations ------------------------------------------------------------------------

struct Situation {
    slug: &'static str,
    title: &'static str,
    description: &'static str,
    audiences: &'static [&'static str],
    cats: &'static [&'static str],
    steps: &'static [(&'static str, &'static str)],
}

const SITUATION_BANK: &[Situation] = &[
    Situation { slug: "rozhdenie-rebenka", title: "Рождение ребёнка", description: "Вы ждёте ребёнка или он уже родился: какие документы оформить и какие выплаты получить.", audiences: &["pregnant", "families-with-children"], cats: &["family"],
        steps: &[("Встаньте на учёт по беременности", "Встаньте на учёт в женской консультации как можно раньше: от этого зависят некоторые выплаты."), ("Получите свидетельство о рождении", "Зарегистрируйте рождение ребёнка в ЗАГСе не позднее месяца после родов.")] },
    Situation { slug: "poterya-raboty", title: "Потеря работы", description: "Вас уволили или сократили: как встать на учёт, получить пособие и найти новую работу.", audiences: &["unemployed", "pre-pensioners"], cats: &["employment", "low-income"],
        steps: &[("Встаньте на учёт в центре занятости", "Подайте заявление на портале «Работа России» или в центре занятости в первые дни после увольнения."), ("Подумайте об обучении", "Центр занятости может бесплатно обучить новой профессии.")] },
    Situation { slug: "vyhod-na-pensiyu", title: "Выход на пенсию", description: "Как оформить пенсию, какие доплаты и льготы положены пенсионерам.", audiences: &["pensioners", "pre-pensioners"], cats: &["pensions", "taxes"],
        steps: &[("Проверьте стаж и пенсионные баллы", "Закажите выписку из индивидуального лицевого счёта на Госуслугах."), ("Подайте заявление на пенсию", "Заявление можно подать за месяц до возникновения права.")] },
    Situation { slug: "invalidnost", title: "Установление инвалидности", description: "Как пройти медико-социальную экспертизу и какие выплаты и льготы положены людям с инвалидностью.", audiences: &["disabled"], cats: &["disability", "health"],
        steps: &[("Получите направление на экспертизу", "Направление выдаёт лечащий врач после обследования."), ("Пройдите экспертизу", "Бюро МСЭ рассмотрит документы, обычно заочно.")] },
    Situation { slug: "rebenok-s-invalidnostyu", title: "Ребёнок с инвалидностью", description: "Что оформить семье, в которой растёт ребёнок с инвалидностью.", audiences: &["disabled-children", "families-with-children"], cats: &["disability", "family"],
        steps: &[("Оформите инвалидность ребёнка", "Врач направит ребёнка на медико-социальную экспертизу."), ("Оформите выплату по уходу", "Неработающий родитель может получать ежемесячную выплату по уходу.")] },
    Situation { slug: "smert-blizkogo", title: "Смерть близкого человека", description: "Какие документы оформить и какие выплаты положены семье после смерти близкого.", audiences: &["families-with-children", "pensioners"], cats: &["pensions", "family"],
        steps: &[("Получите свидетельство о смерти", "Его выдаёт ЗАГС по медицинскому свидетельству."), ("Оформите пособие на погребение", "Обратитесь в течение шести месяцев.")] },
    Situation { slug: "nizkiy-dohod", title: "Доход ниже прожиточного минимума", description: "Какая помощь положена, если денег в семье не хватает на самое необходимое.", audiences: &["low-income"], cats: &["low-income"],
        steps: &[("Посчитайте доход на человека", "Сложите доходы всей семьи за год и разделите на 12 и на число членов семьи."), ("Признайте семью малоимущей", "Обратитесь в отдел социальной защиты по месту жительства.")] },
    Situation { slug: "mnogodetnaya-semya", title: "Третий ребёнок в семье", description: "Какие меры поддержки положены многодетным семьям.", audiences: &["large-families"], cats: &["family", "housing"],
        steps: &[("Оформите удостоверение многодетной семьи", "Удостоверение нужно для многих региональных льгот."), ("Узнайте о помощи с ипотекой", "Многодетным семьям помогают погасить ипотечный кредит.")] },
    Situation { slug: "uhod-za-pozhilym", title: "Уход за пожилым родственником", description: "Как получить помощь, если близкий человек больше не может обходиться без ухода.", audiences: &["caregivers", "elderly"], cats: &["social-services"],
        steps: &[("Подайте заявление на социальное обслуживание", "Специалист оценит, какая помощь нужна вашему близкому."), ("Пройдите школу ухода", "Там научат ухаживать за лежачим человеком.")] },
    Situation { slug: "pozhiloy-odin", title: "Пожилой человек живёт один", description: "Какая помощь положена одинокому пожилому человеку.", audiences: &["elderly", "pensioners"], cats: &["social-services", "health"],
        steps: &[("Закажите помощь на дому", "Социальный работник будет приносить продукты и лекарства."), ("Узнайте о горячем питании", "Одиноким пожилым людям иногда доставляют обеды.")] },
    Situation { slug: "oplata-zhkh", title: "Трудно платить за жильё", description: "Как получить субсидию или компенсацию на оплату жилья и коммунальных услуг.", audiences: &["low-income", "pensioners"], cats: &["housing"],
        steps: &[("Посчитайте долю расходов на ЖКХ", "Если платежи больше 22% дохода семьи, может быть положена субсидия."), ("Погасите или реструктурируйте долг", "Субсидию не назначают при долге за коммунальные услуги.")] },
    Situation { slug: "rebenok-v-shkolu", title: "Ребёнок идёт в школу", description: "Какая помощь положена семье, когда ребёнок идёт в первый класс.", audiences: &["families-with-children"], cats: &["family", "low-income"],
        steps: &[("Запишите ребёнка в школу", "Заявление подают на Госуслугах с 1 апреля."), ("Узнайте о выплате на школьную форму", "Во многих регионах малоимущим семьям помогают собрать ребёнка в школу.")] },
    Situation { slug: "vypusknik-detdoma", title: "Выпускник детского дома", description: "Какие гарантии положены детям-сиротам после выпуска из детского дома.", audiences: &["orphans"], cats: &["housing", "employment"],
        steps: &[("Встаньте в очередь на жильё", "Детям-сиротам положено жильё из специализированного фонда."), ("Получите профессию", "Обучение в колледже бесплатно, с полным обеспечением.")] },
    Situation { slug: "opeka", title: "Опека или усыновление", description: "Как оформить опеку над ребёнком и какие выплаты положены семье.", audiences: &["families-with-children", "orphans"], cats: &["family"],
        steps: &[("Пройдите школу приёмных родителей", "Без неё опеку не оформят."), ("Получите заключение органа опеки", "Заключение нужно, чтобы взять ребёнка в семью.")] },
    Situation { slug: "razvod", title: "Развод и алименты", description: "Что делать с выплатами на детей и алиментами после развода.", audiences: &["families-with-children"], cats: &["family", "legal-aid"],
        steps: &[("Оформите алименты", "Можно заключить соглашение у нотариуса или обратиться в суд."), ("Пересчитайте право на пособия", "После развода изменяется состав семьи и доход.")] },
    Situation { slug: "pozhar", title: "Пожар или стихийное бедствие", description: "Какая помощь положена, если дом пострадал от пожара, паводка или другого бедствия.", audiences: &["low-income"], cats: &["low-income", "housing"],
        steps: &[("Получите справку о происшествии", "Справку выдают МЧС или администрация."), ("Обратитесь за срочной помощью", "Центр социального обслуживания выдаст вещи и продукты.")] },
    Situation { slug: "dolgoe-lechenie", title: "Долгое лечение и реабилитация", description: "Как получить лекарства, путёвку и оплату проезда на лечение.", audiences: &["disabled"], cats: &["health"],
        steps: &[("Оформите больничный", "При долгом лечении больничный продлевает врачебная комиссия."), ("Узнайте о санаторном лечении", "Путёвку дают по справке врача.")] },
    Situation { slug: "veteran", title: "Какие льготы положены ветерану", description: "Какие выплаты, льготы и услуги положены ветеранам.", audiences: &["veterans"], cats: &["pensions", "taxes", "health"],
        steps: &[("Получите удостоверение ветерана", "Без удостоверения льготы не назначат."), ("Оформите ежемесячную выплату", "Заявление принимают МФЦ и отделы социальной защиты.")] },
    Situation { slug: "svoe-delo", title: "Открыть своё дело", description: "Как получить помощь государства, чтобы начать своё дело.", audiences: &["unemployed"], cats: &["employment", "taxes"],
        steps: &[("Составьте бизнес-план", "Центр занятости и центр «Мой бизнес» помогут бесплатно."), ("Зарегистрируйтесь как самозанятый или предприниматель", "Регистрация занимает несколько минут в приложении налоговой.")] },
    Situation { slug: "yurist", title: "Нужен бесплатный юрист", description: "Где бесплатно получить юридическую помощь по социальным вопросам.", audiences: &["low-income", "disabled"], cats: &["legal-aid"],
        steps: &[("Проверьте, положена ли вам бесплатная помощь", "Бесплатная помощь положена малоимущим, людям с инвалидностью, ветеранам и другим."), ("Подготовьте документы по делу", "Возьмите решение, которое хотите обжаловать, и переписку.")] },
];

// ---- the world: everything records refer to -------------------------------------------

struct World {
    seed: u64,
    services: usize,
    service_width: usize,
    /// Indices into CATS of the categories present in the dictionary.
    cats: Vec<usize>,
    categories: Vec<String>,
    audiences: Vec<String>,
    documents: Vec<String>,
    providers: Vec<ProviderPlan>,
    by_region: Vec<Vec<usize>>,
    federal: Vec<usize>,
    standard_slugs: Vec<String>,
}

fn width(n: usize, min: usize) -> usize {
    let mut w = 1;
    let mut x = n.saturating_sub(1);
    while x >= 10 {
        w += 1;
        x /= 10;
    }
    w.max(min)
}

impl World {
    fn new(spec: &Spec, dicts: &Dicts) -> Result<World, String> {
        let cats: Vec<usize> = (0..CATS.len())
            .filter(|&i| dicts.categories.iter().any(|k| k == CATS[i].key))
            .collect();
        if cats.is_empty() {
            return Err("в data/categories.toml нет ни одной знакомой генератору категории".into());
        }
        if dicts.audiences.is_empty() || dicts.documents.is_empty() {
            return Err(
                "словари data/audiences.toml и data/documents.toml не должны быть пустыми".into(),
            );
        }
        if spec.services > 0 && spec.providers == 0 {
            return Err(
                "мерам поддержки нужна хотя бы одна организация: --providers 1 или больше".into(),
            );
        }
        let pw = width(spec.providers, 5);
        let mut providers = Vec::with_capacity(spec.providers);
        let mut by_region = vec![Vec::new(); REGIONS.len()];
        let mut federal = Vec::new();
        let mut seq = vec![0usize; REGIONS.len() + 1];
        for i in 0..spec.providers {
            let mut r = Rng::new(spec.seed, S_PLAN, i as u64);
            // One provider in five works across the country; the rest go round the regions.
            let slot = i % 5;
            let region = if slot == 0 {
                None
            } else {
                Some((i / 5 * 4 + slot - 1) % REGIONS.len())
            };
            let org = match region {
                None => r.pick(ORGS_FEDERAL),
                Some(_) => r.pick(ORGS_REGIONAL),
            };
            let reg = region.map(|x| &REGIONS[x]).unwrap_or(&MOSCOW);
            let s = &mut seq[region.map(|x| x + 1).unwrap_or(0)];
            *s += 1;
            let n = *s;
            let name = NAMES[(n + r.below(3)) % NAMES.len()];
            let title = fill(
                org.name,
                &[
                    ("name", name),
                    (
                        "district",
                        DISTRICTS[(n / NAMES.len() + r.below(2)) % DISTRICTS.len()],
                    ),
                    ("city_gen", reg.city_gen),
                    ("n", &(1 + n % 40).to_string()),
                    ("gen", reg.gen),
                ],
            );
            let slug = format!("organizaciya-{i:0pw$}");
            match region {
                None => federal.push(i),
                Some(x) => by_region[x].push(i),
            }
            providers.push(ProviderPlan {
                slug,
                title,
                region,
                org,
                seq: n,
            });
        }
        let sw = width(spec.standards, 4);
        let standard_slugs = (0..spec.standards)
            .map(|i| format!("standart-{i:0sw$}"))
            .collect();
        Ok(World {
            seed: spec.seed,
            services: spec.services,
            service_width: width(spec.services, 6),
            cats,
            categories: dicts.categories.clone(),
            audiences: dicts.audiences.clone(),
            documents: dicts.documents.clone(),
            providers,
            by_region,
            federal,
            standard_slugs,
        })
    }

    fn service_slug(&self, i: usize) -> String {
        format!("usluga-{i:0w$}", w = self.service_width)
    }

    /// The main category of service i (index into CATS), from its own stream so that
    /// situations can find services of a category without generating them.
    fn service_cat(&self, i: usize) -> usize {
        let mut r = Rng::new(self.seed, S_CATEGORY, i as u64);
        self.cats[r.below(self.cats.len())]
    }

    fn has_aud(&self, k: &str) -> bool {
        self.audiences.iter().any(|a| a == k)
    }

    /// The audiences of a list that the dictionary has, else its first audience.
    fn auds_of<'a>(&'a self, list: &[&'static str]) -> Vec<&'a str> {
        let v: Vec<&str> = list.iter().copied().filter(|k| self.has_aud(k)).collect();
        if v.is_empty() {
            vec![self.audiences[0].as_str()]
        } else {
            v
        }
    }

    fn has_doc(&self, k: &str) -> bool {
        self.documents.iter().any(|a| a == k)
    }

    fn cat_present(&self, key: &str) -> bool {
        self.cats.iter().any(|&c| CATS[c].key == key)
    }

    // ---- service -------------------------------------------------------------------

    fn service(&self, i: usize) -> String {
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
        let _ = writeln!(s, "\n[taxonomies]");
        let _ = writeln!(s, "categories = {}", q_list(&cats));
        let _ = writeln!(s, "audiences = {}", q_list(&auds));
        let _ = writeln!(
            s,
            "regions = {}",
            q_list(&[reg.map(|g| g.key).unwrap_or("federal")])
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

    // ---- provider ------------------------------------------------------------------

    fn provider(&self, i: usize) -> String {
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
        let _ = writeln!(s, "\n[taxonomies]");
        let _ = writeln!(s, "categories = {}", q_list(&cats));
        let _ = writeln!(s, "audiences = {}", q_list(&auds));
        let _ = writeln!(
            s,
            "regions = {}",
            q_list(&[reg.map(|g| g.key).unwrap_or("federal")])
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

    fn standard(&self, i: usize) -> String {
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
    fn services_of(&self, r: &mut Rng, cats: &[&str], k: usize) -> Vec<String> {
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

    fn situation(&self, i: usize) -> String {
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

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for str {
    fn to_lowercase_first(&self) -> String {
        let mut c = self.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_spread() {
        let a: Vec<u64> = (0..5).map(|_| Rng::new(7, 1, 3).next()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut r = Rng::new(1, 1, 1);
        let d = r.distinct(10, 10);
        let mut sorted = d.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn helpers() {
        assert_eq!(rubles(1234560), "1 234 560");
        assert_eq!(
            words(21, "рабочий день", "рабочих дня", "рабочих дней"),
            "21 рабочий день"
        );
        assert_eq!(
            words(10, "рабочий день", "рабочих дня", "рабочих дней"),
            "10 рабочих дней"
        );
        assert!(fit("слово ".repeat(100), 200).chars().count() <= 200);
        assert_eq!(q("a\"b"), "\"a\\\"b\"");
        assert_eq!(width(100_000, 6), 6);
        assert_eq!(width(1_000_001, 6), 7);
    }

    #[test]
    fn generates_a_deterministic_site_and_refuses_a_full_folder() {
        let dir = tempfile::tempdir().unwrap();
        let spec = Spec {
            services: 30,
            providers: 8,
            standards: 4,
            seed: 3,
        };
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        generate(&a, &spec).unwrap();
        generate(&b, &spec).unwrap();
        for f in [
            "content/services/usluga-000007.md",
            "content/providers/organizaciya-00003.md",
            "content/standards/standart-0001.md",
            "data/regions.toml",
        ] {
            assert_eq!(
                fs::read_to_string(a.join(f)).unwrap(),
                fs::read_to_string(b.join(f)).unwrap(),
                "{f}"
            );
        }
        assert!(a.join("themes/navigator/templates/base.html").exists());
        assert!(generate(&a, &spec).is_err());
    }
}
