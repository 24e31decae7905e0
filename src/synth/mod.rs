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

mod audiences;
mod measures;
mod orgs;
mod phrases;
mod records;
mod regions;
mod rng;
mod services;
mod situations;
mod world;

use regions::REGIONS;
use situations::SITUATION_BANK;
use world::World;

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

#[cfg(test)]
mod tests {
    use super::rng::{fit, q, rubles, words, Rng};
    use super::world::width;
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
