//! `socnav check`: one class of invalid content per test, each made from the valid fixture
//! by a string replacement, with the exact Russian message, file, line, column and field
//! of `--format json`; then the three output formats and "every error in one run".

mod common;

use common::*;

const SVC: &str = "content/services/edv-invalidam.md";
const SVC_DESC: &str = "description = \"Выплата людям с инвалидностью каждый месяц.\"";
const PROV: &str = "content/providers/kcson-kurgan.md";
const OLD_STD: &str = "content/standards/gost-r-52143-2003.md";

/// Expect exactly one error: at the first occurrence of `at` in `text` (the file after
/// the change), with this code, field, message and help.
#[allow(clippy::too_many_arguments)]
fn expect_one(
    site: &Site,
    file: &str,
    text: &str,
    at: &str,
    code: &str,
    field: Option<&str>,
    message: &str,
    help: &str,
) {
    let (line, column) = loc(text, at);
    expect_one_at(site, file, line, column, code, field, message, help);
}

#[allow(clippy::too_many_arguments)]
fn expect_one_at(
    site: &Site,
    file: &str,
    line: usize,
    column: usize,
    code: &str,
    field: Option<&str>,
    message: &str,
    help: &str,
) {
    assert_single(site, file, line, column, code, field, message, help);
    assert_build_refuses(site, message);
}

#[allow(clippy::too_many_arguments)]
fn assert_single(
    site: &Site,
    file: &str,
    line: usize,
    column: usize,
    code: &str,
    field: Option<&str>,
    message: &str,
    help: &str,
) {
    let d = site.single_error();
    assert_eq!(
        d,
        Diag {
            severity: "error".into(),
            code: code.into(),
            file: file.into(),
            line,
            column,
            field: field.map(String::from),
            message: message.into(),
            help: Some(help.into()),
        }
    );
}

/// `build` refuses the content with exit 1, names the error, and writes nothing.
fn assert_build_refuses(site: &Site, message: &str) {
    let r = site.build(&[]);
    r.code(1);
    assert!(
        r.stderr.contains(message),
        "build names the error: {}",
        r.stderr
    );
    assert!(!site.public().exists(), "a refused build writes nothing");
}

/// The human report (stdout of `check`) must name the error and exit 1.
fn assert_human_reports(site: &Site, file: &str, message: &str) {
    let r = site.socnav(&["check"]);
    r.code(1);
    assert!(r.stdout.contains(message), "{}", r.stdout);
    assert!(r.stdout.contains(&format!("{file}:")), "{}", r.stdout);
}

#[test]
fn valid_content_passes_with_one_line() {
    let site = Site::new();
    let r = site.socnav(&["check"]);
    r.ok();
    assert_eq!(r.stdout, "Ошибок нет: проверено 17 файлов.\n");
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let (code, diags) = site.check_json();
    assert_eq!((code, diags), (0, vec![]));
    let r = site.socnav(&["check", "--format", "github"]);
    r.ok();
    assert_eq!(r.stdout, "", "no annotations for valid content");
}

#[test]
fn toml_syntax_error() {
    let site = Site::new();
    let text = site.replace(SVC, "form = \"payment\"\n", "form = \"payment\n");
    let (line, col) = loc(&text, "form = \"payment\n");
    expect_one_at(
        &site,
        SVC,
        line,
        col + "form = \"payment".chars().count(),
        "toml-syntax",
        None,
        "ошибка синтаксиса TOML: invalid basic string, expected `\"`",
        "проверьте кавычки, скобки и знак «=» в этой строке; строки берутся в двойные кавычки, списки — в [ ]",
    );
}

#[test]
fn unknown_key_in_extra_suggests_the_right_one() {
    let site = Site::new();
    let text = site.replace(SVC, "providers = [\"sfr\"]", "provders = [\"sfr\"]");
    let (code, diags) = site.check_json();
    assert_eq!(code, 1);
    let unknown = diags
        .iter()
        .find(|d| d.code == "unknown-key")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    let (line, column) = loc(&text, "provders");
    assert_eq!(
        unknown,
        &Diag {
            severity: "error".into(),
            code: "unknown-key".into(),
            file: SVC.into(),
            line,
            column,
            field: Some("extra.provders".into()),
            message: "неизвестное поле «provders»".into(),
            help: Some("возможно, вы имели в виду «providers»".into()),
        }
    );
    // The real key is now missing, and that is said too, at the [extra] table.
    let missing = diags
        .iter()
        .find(|d| d.code == "missing-key")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(missing.field.as_deref(), Some("extra.providers"));
    assert_eq!((missing.line, missing.column), loc(&text, "[extra]"));
    assert_eq!(diags.len(), 2, "{diags:#?}");
}

#[test]
fn top_level_key_that_belongs_in_extra() {
    let site = Site::new();
    let text = site.add_top_level(SVC, "reviewed = 2026-11-01");
    expect_one(
        &site,
        SVC,
        &text,
        "reviewed = 2026-11-01\n\n[taxonomies]",
        "unknown-key",
        Some("reviewed"),
        "неизвестное поле «reviewed»",
        "поле «reviewed» должно стоять в таблице [extra], а не в начале записи",
    );
}

#[test]
fn missing_required_key() {
    let site = Site::new();
    let text = site.replace(SVC, "level = \"federal\"\n", "");
    expect_one(
        &site,
        SVC,
        &text,
        "[extra]",
        "missing-key",
        Some("extra.level"),
        "нет обязательного поля «level»",
        "добавьте в таблицу [extra]: level = \"federal\" — уровень: кто устанавливает меру",
    );
}

#[test]
fn missing_required_nested_key() {
    let site = Site::new();
    let text = site.replace(SVC, "decision = \"Назначают автоматически\"\n", "");
    expect_one(
        &site,
        SVC,
        &text,
        "[extra.deadlines]",
        "missing-key",
        Some("extra.deadlines.decision"),
        "нет обязательного поля «decision»",
        "добавьте в таблицу [extra.deadlines]: decision = \"...\" — срок решения словами: «10 рабочих дней»",
    );
}

#[test]
fn enum_typo_suggests_the_value() {
    let site = Site::new();
    let text = site.replace(SVC, "form = \"payment\"", "form = \"paymnet\"");
    expect_one(
        &site,
        SVC,
        &text,
        "\"paymnet\"",
        "enum",
        Some("extra.form"),
        "недопустимое значение «paymnet»",
        "возможно, вы имели в виду «payment»",
    );
}

#[test]
fn enum_in_a_list_lists_the_allowed_values_when_nothing_is_close() {
    let site = Site::new();
    let text = site.replace(
        SVC,
        "channels = [\"online\"]",
        "channels = [\"online\", \"голубиная почта\"]",
    );
    expect_one(
        &site,
        SVC,
        &text,
        "\"голубиная почта\"",
        "enum",
        Some("extra.apply.channels[1]"),
        "недопустимое значение «голубиная почта»",
        "допустимые значения: online (Онлайн (Госуслуги или сайт ведомства)), mfc (В МФЦ), in-person (Лично в ведомстве), mail (По почте), phone (По телефону)",
    );
}

#[test]
fn reviewed_in_the_future() {
    let site = Site::new();
    let text = site.replace(SVC, "reviewed = 2026-11-01", "reviewed = 2026-11-25");
    expect_one(
        &site,
        SVC,
        &text,
        "2026-11-25",
        "future-date",
        Some("extra.reviewed"),
        "дата проверки 2026-11-25 ещё не наступила",
        "укажите день, когда вы сверили сведения с источником (не позже 2026-11-24)",
    );
}

#[test]
fn reviewed_today_is_fine() {
    let site = Site::new();
    site.replace(SVC, "reviewed = 2026-11-01", "reviewed = 2026-11-24");
    site.socnav(&["check"]).ok();
}

#[test]
fn updated_before_date() {
    let site = Site::new();
    let file = "content/services/edinoe-posobie.md";
    let text = site.replace(file, "updated = 2026-01-01", "updated = 2022-12-31");
    expect_one(
        &site,
        file,
        &text,
        "2022-12-31",
        "dates",
        Some("updated"),
        "дата изменения 2022-12-31 раньше даты начала 2023-01-01",
        "updated не может быть раньше date: проверьте обе даты",
    );
}

#[test]
fn reference_to_a_missing_provider_suggests_the_closest() {
    let site = Site::new();
    let text = site.replace(
        SVC,
        "providers = [\"sfr\"]",
        "providers = [\"kcson-kurgn\"]",
    );
    expect_one(
        &site,
        SVC,
        &text,
        "\"kcson-kurgn\"",
        "unknown-ref",
        Some("extra.providers[0]"),
        "нет записи «kcson-kurgn» среди организаций",
        "возможно, вы имели в виду «kcson-kurgan»",
    );
}

#[test]
fn reference_to_a_missing_service_in_a_situation() {
    let site = Site::new();
    let file = "content/situations/rozhdenie-rebenka.md";
    let text = site.replace(
        file,
        "services = [\"edinoe-posobie\"]",
        "services = [\"edinoe-posobie\", \"zzz-qqq\"]",
    );
    expect_one(
        &site,
        file,
        &text,
        "\"zzz-qqq\"",
        "unknown-ref",
        Some("extra.steps[1].services[1]"),
        "нет записи «zzz-qqq» среди мер поддержки",
        "укажите имя файла без .md из папки content/services/ или создайте запись: socnav new service zzz-qqq",
    );
}

#[test]
fn reference_to_a_draft_is_not_a_dangling_link_without_drafts() {
    // A published page must not link to a draft that the build leaves out.
    let site = Site::new();
    site.replace(
        "content/situations/rozhdenie-rebenka.md",
        "services = [\"edinoe-posobie\"]",
        "services = [\"edinoe-posobie\", \"chernovik-mery\"]",
    );
    let r = site.build(&[]);
    if r.code == 0 {
        let html = site.out("situations/rozhdenie-rebenka/index.html");
        assert!(
            !html.contains("/services/chernovik-mery/"),
            "the situation links to a draft that was not built"
        );
    } else {
        assert_eq!(r.code, 1, "{}", r.stderr);
    }
}

#[test]
fn unknown_taxonomy_term_suggests_the_closest() {
    let site = Site::new();
    let text = site.replace(
        SVC,
        "audiences = [\"disabled\"]",
        "audiences = [\"disabld\"]",
    );
    expect_one(
        &site,
        SVC,
        &text,
        "\"disabld\"",
        "unknown-term",
        Some("taxonomies.audiences[0]"),
        "«disabld» нет в словаре data/audiences.toml",
        "возможно, вы имели в виду «disabled»",
    );
}

#[test]
fn unknown_document_key() {
    let site = Site::new();
    let text = site.replace(SVC, "ref = \"passport\"", "ref = \"pasport\"");
    expect_one(
        &site,
        SVC,
        &text,
        "\"pasport\"",
        "unknown-term",
        Some("extra.documents[0].ref"),
        "«pasport» нет в словаре data/documents.toml",
        "возможно, вы имели в виду «passport»",
    );
}

#[test]
fn duplicate_url_from_two_records_with_the_same_slug() {
    let site = Site::new();
    let text = site.add_top_level(SVC, "slug = \"edinoe-posobie\"");
    expect_one(
        &site,
        SVC,
        &text,
        "\"edinoe-posobie\"",
        "url-collision",
        Some("slug"),
        "адрес /services/edinoe-posobie/ уже занят: запись content/services/edinoe-posobie.md",
        "у двух записей один адрес: переименуйте файл или задайте другой slug",
    );
}

#[test]
fn alias_colliding_with_a_page() {
    let site = Site::new();
    let text = site.add_top_level(SVC, "aliases = [\"/old/x/\", \"/providers/sfr/\"]");
    expect_one(
        &site,
        SVC,
        &text,
        "\"/providers/sfr/\"",
        "url-collision",
        Some("aliases[1]"),
        "адрес /providers/sfr/ уже занят: запись content/providers/sfr.md",
        "уберите этот старый адрес или выберите другой",
    );
}

/// Aliases and paths that claim a URL the generator writes itself: each must be a
/// url-collision error at the value, or the build silently overwrites one of the two
/// (or fails on a file/folder clash after `check` said the content was fine).
fn collision_misses(cases: &[(&str, &str, &str, &str)]) -> Vec<String> {
    let mut missed = Vec::new();
    for (file, line, value, field) in cases {
        let site = Site::new();
        let text = site.add_top_level(file, line);
        let (code, diags) = site.check_json();
        let hit = diags.iter().find(|d| d.code == "url-collision");
        match hit {
            Some(d)
                if code == 1
                    && d.file == *file
                    && (d.line, d.column) == loc(&text, value)
                    && d.field.as_deref() == Some(*field) => {}
            _ => missed.push(format!("{file}: {line} → exit {code}, {diags:?}")),
        }
    }
    missed
}

#[test]
fn alias_colliding_with_a_generated_file() {
    let cases: Vec<(&str, &str, &str, &str)> = vec![
        (
            SVC,
            "aliases = [\"/404.html\"]",
            "\"/404.html\"",
            "aliases[0]",
        ),
        (
            SVC,
            "aliases = [\"/sitemap.xml\"]",
            "\"/sitemap.xml\"",
            "aliases[0]",
        ),
        (
            SVC,
            "aliases = [\"/robots.txt\"]",
            "\"/robots.txt\"",
            "aliases[0]",
        ),
        (
            SVC,
            "aliases = [\"/atom.xml\"]",
            "\"/atom.xml\"",
            "aliases[0]",
        ),
    ];
    let missed = collision_misses(&cases);
    assert!(missed.is_empty(), "not reported:\n{}", missed.join("\n"));
}

#[test]
fn alias_or_path_colliding_with_a_taxonomy_page() {
    let cases: Vec<(&str, &str, &str, &str)> = vec![
        (
            SVC,
            "aliases = [\"/categories/\"]",
            "\"/categories/\"",
            "aliases[0]",
        ),
        (
            SVC,
            "aliases = [\"/categories/family/\"]",
            "\"/categories/family/\"",
            "aliases[0]",
        ),
        (
            "content/about.md",
            "path = \"/regions/kurgan/\"",
            "\"/regions/kurgan/\"",
            "path",
        ),
    ];
    let missed = collision_misses(&cases);
    assert!(missed.is_empty(), "not reported:\n{}", missed.join("\n"));
}

#[test]
fn url_with_a_bad_scheme() {
    let site = Site::new();
    let text = site.replace(
        SVC,
        "sources = [\"https://sfr.gov.ru/\"]",
        "sources = [\"https://sfr.gov.ru/\", \"ftp://sfr.gov.ru/x\"]",
    );
    expect_one(
        &site,
        SVC,
        &text,
        "\"ftp://sfr.gov.ru/x\"",
        "url",
        Some("extra.sources[1]"),
        "недопустимый адрес «ftp://sfr.gov.ru/x»: разрешены только ссылки http, https, mailto и tel",
        "используйте полный адрес, начинающийся с https://, http://, mailto: или tel:",
    );
}

#[test]
fn bad_inn_control_digits() {
    let site = Site::new();
    let text = site.replace(PROV, "inn = \"7707083893\"", "inn = \"7707083894\"");
    expect_one(
        &site,
        PROV,
        &text,
        "\"7707083894\"",
        "inn",
        Some("extra.inn"),
        "ИНН «7707083894» не проходит проверку контрольных цифр: в номере опечатка",
        "сверьте ИНН с выпиской ЕГРЮЛ (egrul.nalog.ru); если не уверены, удалите поле",
    );
}

#[test]
fn inn_of_a_wrong_length() {
    let site = Site::new();
    let text = site.replace(PROV, "inn = \"7707083893\"", "inn = \"770708389\"");
    expect_one(
        &site,
        PROV,
        &text,
        "\"770708389\"",
        "inn",
        Some("extra.inn"),
        "в ИНН «770708389» 9 цифр, а нужно 10 (организация) или 12",
        "сверьте ИНН с выпиской ЕГРЮЛ (egrul.nalog.ru); если не уверены, удалите поле",
    );
}

#[test]
fn bad_ogrn() {
    let site = Site::new();
    let text = site.replace(PROV, "ogrn = \"1027700132195\"", "ogrn = \"1027700132196\"");
    expect_one(
        &site,
        PROV,
        &text,
        "\"1027700132196\"",
        "ogrn",
        Some("extra.ogrn"),
        "ОГРН «1027700132196» не проходит проверку контрольной цифры: в номере опечатка",
        "сверьте ОГРН с выпиской ЕГРЮЛ (egrul.nalog.ru); если не уверены, удалите поле",
    );
}

#[test]
fn ogrn_with_letters() {
    let site = Site::new();
    let text = site.replace(PROV, "ogrn = \"1027700132195\"", "ogrn = \"10277OO132195\"");
    expect_one(
        &site,
        PROV,
        &text,
        "\"10277OO132195\"",
        "ogrn",
        Some("extra.ogrn"),
        "ОГРН «10277OO132195» должен состоять только из цифр",
        "сверьте ОГРН с выпиской ЕГРЮЛ (egrul.nalog.ru); если не уверены, удалите поле",
    );
}

#[test]
fn description_over_200_characters() {
    let site = Site::new();
    // 205 Cyrillic characters: the limit counts characters, not bytes.
    let long = "Д".repeat(205);
    let text = site.replace(SVC, SVC_DESC, &format!("description = \"{long}\""));
    expect_one(
        &site,
        SVC,
        &text,
        &format!("\"{long}\""),
        "too-long",
        Some("description"),
        "слишком длинно: 205 знаков, можно не больше 200",
        "сократите до одного короткого предложения; подробности напишите в тексте записи",
    );
}

#[test]
fn description_of_200_characters_is_fine() {
    let site = Site::new();
    site.replace(
        SVC,
        SVC_DESC,
        &format!("description = \"{}\"", "Д".repeat(200)),
    );
    site.socnav(&["check"]).ok();
}

#[test]
fn description_of_201_characters_uses_the_right_plural() {
    // Russian: 201 знак, 202 знака, 205 знаков.
    let site = Site::new();
    site.replace(
        SVC,
        SVC_DESC,
        &format!("description = \"{}\"", "Д".repeat(201)),
    );
    let d = site.single_error();
    assert_eq!(d.message, "слишком длинно: 201 знак, можно не больше 200");
}

#[test]
fn empty_required_list() {
    let site = Site::new();
    let text = site.replace(
        SVC,
        "criteria = [\"Установлена инвалидность.\"]",
        "criteria = []",
    );
    expect_one(
        &site,
        SVC,
        &text,
        "[]",
        "empty-list",
        Some("extra.eligibility.criteria"),
        "список «criteria» пуст",
        "добавьте хотя бы один элемент: условия, по одному в строке списка",
    );
}

fn write_cp1251(site: &Site) {
    // «Привет» in Windows-1251.
    let mut bytes = b"+++\ntitle = \"".to_vec();
    bytes.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    bytes.extend_from_slice(b"\"\n+++\n");
    site.write("content/services/cp1251.md", &bytes);
}

#[test]
fn file_that_is_not_utf8() {
    let site = Site::new();
    write_cp1251(&site);
    assert_single(
        &site,
        "content/services/cp1251.md",
        2,
        10,
        "not-utf8",
        None,
        "файл не в кодировке UTF-8",
        "сохраните файл в кодировке UTF-8 (в редакторе: «Сохранить как» → UTF-8)",
    );
}

#[test]
fn file_that_is_not_utf8_in_the_human_report_and_build() {
    let site = Site::new();
    write_cp1251(&site);
    assert_human_reports(
        &site,
        "content/services/cp1251.md",
        "файл не в кодировке UTF-8",
    );
    assert_build_refuses(&site, "файл не в кодировке UTF-8");
}

#[test]
fn file_without_front_matter_that_starts_with_cyrillic_text() {
    let site = Site::new();
    site.write("content/about.md", "Привет, это текст без заголовка.\n");
    assert_single(
        &site,
        "content/about.md",
        1,
        1,
        "front-matter",
        None,
        "файл не начинается с заголовка +++",
        "первая строка файла должна быть «+++», затем поля записи и ещё одна строка «+++»",
    );
    assert_human_reports(
        &site,
        "content/about.md",
        "файл не начинается с заголовка +++",
    );
    assert_build_refuses(&site, "файл не начинается с заголовка +++");
}

#[test]
fn superseded_standard_without_successor() {
    let site = Site::new();
    let text = site.replace(OLD_STD, "superseded_by = \"gost-r-52143-2013\"\n", "");
    expect_one(
        &site,
        OLD_STD,
        &text,
        "\"superseded\"",
        "missing-key",
        Some("extra.superseded_by"),
        "у заменённого стандарта не указан преемник",
        "добавьте superseded_by = \"имя файла нового стандарта\"",
    );
}

#[test]
fn superseded_by_a_missing_standard() {
    let site = Site::new();
    let text = site.replace(
        OLD_STD,
        "superseded_by = \"gost-r-52143-2013\"",
        "superseded_by = \"gost-r-52143-2031\"",
    );
    expect_one(
        &site,
        OLD_STD,
        &text,
        "\"gost-r-52143-2031\"",
        "unknown-ref",
        Some("extra.superseded_by"),
        "нет записи «gost-r-52143-2031» среди стандартов",
        "возможно, вы имели в виду «gost-r-52143-2013»",
    );
}

#[test]
fn bundle_file_that_does_not_exist() {
    let site = Site::new();
    let file = "content/standards/gost-r-52143-2013/index.md";
    let text = site.replace(
        file,
        "files = [\"tekst.txt\"]",
        "files = [\"tekst.txt\", \"net.pdf\"]",
    );
    expect_one(
        &site,
        file,
        &text,
        "\"net.pdf\"",
        "bundle",
        Some("extra.files[1]"),
        "файла «net.pdf» нет в папке записи",
        "положите файл рядом с index.md или исправьте имя",
    );
}

#[test]
fn date_in_quotes() {
    let site = Site::new();
    let text = site.replace(SVC, "reviewed = 2026-11-01", "reviewed = \"2026-11-01\"");
    expect_one(
        &site,
        SVC,
        &text,
        "\"2026-11-01\"",
        "type",
        Some("extra.reviewed"),
        "дата записана в кавычках",
        "уберите кавычки: reviewed = 2026-11-01",
    );
}

#[test]
fn yaml_front_matter() {
    let site = Site::new();
    site.write("content/about.md", "---\ntitle: О проекте\n---\nТекст.\n");
    expect_one_at(
        &site,
        "content/about.md",
        1,
        1,
        "front-matter",
        None,
        "заголовок записи в формате YAML (---), а нужен TOML (+++)",
        "замените строки «---» на «+++» и запишите поля в формате TOML: title = \"...\"",
    );
}

/// Several broken files, one run: every error is listed, sorted by file.
fn break_five(site: &Site) {
    site.replace(SVC, "form = \"payment\"", "form = \"paymnet\"");
    site.replace(PROV, "inn = \"7707083893\"", "inn = \"7707083894\"");
    site.replace(
        "content/situations/rozhdenie-rebenka.md",
        "services = [\"edinoe-posobie\"]",
        "services = [\"edinoe-posobiee\"]",
    );
    site.add_top_level("content/about.md", "path = \"/../x\"");
    site.replace(OLD_STD, "superseded_by = \"gost-r-52143-2013\"\n", "");
}

#[test]
fn all_errors_are_reported_in_one_run_sorted_by_file() {
    let site = Site::new();
    break_five(&site);
    let (code, diags) = site.check_json();
    assert_eq!(code, 1);
    let got: Vec<(&str, &str)> = diags
        .iter()
        .map(|d| (d.file.as_str(), d.code.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("content/about.md", "path"),
            (PROV, "inn"),
            (SVC, "enum"),
            ("content/situations/rozhdenie-rebenka.md", "unknown-ref"),
            (OLD_STD, "missing-key"),
        ]
    );
    let mut sorted = diags.clone();
    sorted.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    assert_eq!(diags, sorted);

    let r = site.socnav(&["check"]);
    r.code(1);
    assert!(
        r.stdout.ends_with(
            "Найдено 5 ошибок в 5 файлах из 17. Исправьте их и запустите socnav check снова.\n"
        ),
        "{}",
        r.stdout
    );
    let b = site.build(&[]);
    b.code(1);
    for d in &diags {
        assert!(
            b.stderr.contains(&d.file),
            "build lists {}: {}",
            d.file,
            b.stderr
        );
    }
    assert!(
        b.stderr
            .contains("Сборка остановлена: 5 ошибок в содержимом."),
        "{}",
        b.stderr
    );
}

#[test]
fn several_errors_in_one_file_are_sorted_by_position() {
    let site = Site::new();
    site.replace(SVC, "form = \"payment\"", "form = \"paymnet\"");
    site.replace(SVC, "reviewed = 2026-11-01", "reviewed = 2027-01-01");
    site.replace(
        SVC,
        "categories = [\"disability\"]",
        "categories = [\"disabilty\"]",
    );
    let (code, diags) = site.check_json();
    assert_eq!(code, 1);
    let got: Vec<(&str, &str)> = diags
        .iter()
        .map(|d| (d.code.as_str(), d.field.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        vec![
            ("unknown-term", "taxonomies.categories[0]"),
            ("enum", "extra.form"),
            ("future-date", "extra.reviewed"),
        ]
    );
    assert!(diags.windows(2).all(|w| w[0].line < w[1].line));
    let r = site.socnav(&["check"]);
    assert!(
        r.stdout.contains("Найдено 3 ошибки в 1 файле из 17."),
        "{}",
        r.stdout
    );
}

#[test]
fn github_format_prints_error_annotations() {
    let site = Site::new();
    break_five(&site);
    let (_, diags) = site.check_json();
    let r = site.socnav(&["check", "--format", "github"]);
    r.code(1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        diags.len(),
        "one annotation per error:\n{}",
        r.stdout
    );
    for (line, d) in lines.iter().zip(&diags) {
        let prefix = format!(
            "::error file={},line={},col={},title={}::",
            d.file, d.line, d.column, d.code
        );
        assert!(
            line.starts_with(&prefix),
            "{line}\nexpected prefix {prefix}"
        );
        assert!(line.contains(&d.message), "{line}");
    }
    let svc = lines.iter().find(|l| l.contains(SVC)).unwrap();
    let text = site.read(SVC);
    let (l, c) = loc(&text, "\"paymnet\"");
    assert_eq!(
        *svc,
        format!("::error file={SVC},line={l},col={c},title=enum::extra.form: недопустимое значение «paymnet». возможно, вы имели в виду «payment»")
    );
}

#[test]
fn human_format_shows_location_source_and_help() {
    let site = Site::new();
    let text = site.replace(SVC, "form = \"payment\"", "form = \"paymnet\"");
    let (l, c) = loc(&text, "\"paymnet\"");
    let r = site.socnav(&["check"]);
    r.code(1);
    let out = &r.stdout;
    assert!(
        out.contains("ошибка[enum]: недопустимое значение «paymnet» (поле extra.form)"),
        "{out}"
    );
    assert!(
        out.contains(&format!("{SVC}:{l}:{c}")),
        "file:line:col in {out}"
    );
    assert!(out.contains("form = \"paymnet\""), "the source line: {out}");
    assert!(
        out.contains("что сделать: возможно, вы имели в виду «payment»"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "no colour codes when not on a terminal"
    );
    assert_eq!(
        out.lines().last(),
        Some("Найдено 1 ошибка в 1 файле из 17. Исправьте их и запустите socnav check снова.")
    );
}

#[test]
fn check_of_a_folder_without_a_site_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run_in(
        tmp.path(),
        &["check", "--root", tmp.path().to_str().unwrap()],
    );
    r.code(2);
    assert!(r.stderr.contains("config.toml"), "{}", r.stderr);
    let r = run_in(
        tmp.path(),
        &["build", "--root", tmp.path().to_str().unwrap()],
    );
    r.code(2);
}

#[test]
fn broken_dictionary_is_reported_with_its_location() {
    let site = Site::new();
    let text = site.replace(
        "data/regions.toml",
        "okato = \"37\"",
        "okato = \"37\"\ncapital = \"Курган\"",
    );
    expect_one(
        &site,
        "data/regions.toml",
        &text,
        "capital",
        "unknown-key",
        Some("kurgan.capital"),
        "неизвестное поле «capital»",
        "допустимые поля: title, description, how_to_get, okato",
    );
}

#[test]
fn plain_page_with_a_non_latin_file_name() {
    let site = Site::new();
    site.write(
        "content/help/вопросы.md",
        "+++\ntitle = \"Вопросы\"\n+++\nТекст.\n",
    );
    let (code, diags) = site.check_json();
    assert_eq!(code, 1);
    assert!(
        diags
            .iter()
            .any(|d| d.code == "file-name" && d.file == "content/help/вопросы.md"),
        "{diags:?}"
    );
}

#[test]
fn template_that_does_not_exist_suggests_the_closest() {
    let site = Site::new();
    let text = site.add_top_level("content/about.md", "template = \"pag.html\"");
    let d = site.single_error();
    assert_eq!(d.code, "template");
    assert_eq!(d.field.as_deref(), Some("template"));
    assert_eq!((d.line, d.column), loc(&text, "\"pag.html\""));
    assert_eq!(d.message, "нет шаблона «pag.html»");
    assert_eq!(
        d.help.as_deref(),
        Some("возможно, вы имели в виду «page.html»")
    );
}

#[test]
fn a_broken_dictionary_is_reported_once_not_at_every_use() {
    let site = Site::new();
    let text = site.read("data/regions.toml");
    site.write("data/regions.toml", format!("{text}\n[broken\n"));
    let (code, diags) = site.check_json();
    assert_eq!(code, 1);
    assert!(
        diags
            .iter()
            .all(|d| d.code == "toml-syntax" && d.file == "data/regions.toml"),
        "{diags:?}"
    );
}

#[test]
fn coordinates_must_be_finite_numbers() {
    let site = Site::new();
    let file = "content/providers/kcson-kurgan.md";
    let text = site.replace(file, "lat = 55.44", "lat = nan");
    let d = site.single_error();
    assert_eq!(
        (d.code.as_str(), d.field.as_deref()),
        ("type", Some("extra.location.lat"))
    );
    assert_eq!((d.line, d.column), loc(&text, "nan"));
}

#[test]
fn a_published_record_cannot_point_at_a_draft() {
    let site = Site::new();
    let file = "content/situations/rozhdenie-rebenka.md";
    let text = site.replace(
        file,
        "services = [\"edinoe-posobie\"]",
        "services = [\"edinoe-posobie\", \"chernovik-mery\"]",
    );
    let d = site.single_error();
    assert_eq!(d.code, "draft-ref");
    assert_eq!(d.file, file);
    assert_eq!((d.line, d.column), loc(&text, "\"chernovik-mery\""));
    assert!(
        d.message.starts_with("«chernovik-mery» — черновик"),
        "{}",
        d.message
    );
    // A draft may point at another draft.
    site.replace(file, "+++\n", "+++\ndraft = true\n");
    let (code, diags) = site.check_json();
    assert_eq!(code, 0, "{diags:?}");
}

#[test]
fn plain_pages_may_use_any_one_taxonomy() {
    let site = Site::new();
    site.write(
        "content/help/kurgan.md",
        "+++\ntitle = \"Помощь в Кургане\"\n[taxonomies]\nregions = [\"kurgan\"]\n+++\nТекст.\n",
    );
    let (code, diags) = site.check_json();
    assert_eq!(code, 0, "{diags:?}");
}
