//! «Что изменилось»: record pages show when their file last changed (git history, else
//! `updated`), and `/changes/` and the Atom feed list recent additions and updates.

mod common;

use std::process::Command;

use common::*;

const EDINOE: &str = "content/services/edinoe-posobie.md";

/// Run git in the site folder with a fixed identity and commit date.
fn git(site: &Site, date: &str, args: &[&str]) {
    let stamp = format!("{date}T12:00:00+05:00");
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=Редактор",
            "-c",
            "user.email=editor@example.org",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(&site.root)
        .env("GIT_AUTHOR_DATE", &stamp)
        .env("GIT_COMMITTER_DATE", &stamp)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The «Страница изменена» date of a built page.
fn changed_on(site: &Site, page: &str) -> String {
    let html = site.out(page);
    let at = html
        .find("Страница изменена: <time datetime=\"")
        .unwrap_or_else(|| panic!("{page} shows no change date"));
    let rest = &html[at + "Страница изменена: <time datetime=\"".len()..];
    rest[..10].to_string()
}

#[test]
fn outside_git_a_page_shows_its_updated_date() {
    let site = Site::new();
    site.build(&[]).ok();
    assert_eq!(
        changed_on(&site, "services/edinoe-posobie/index.html"),
        "2026-01-01"
    );
    // Without `updated`, the record's `date`.
    site.replace(EDINOE, "updated = 2026-01-01\n", "");
    site.build(&[]).ok();
    assert_eq!(
        changed_on(&site, "services/edinoe-posobie/index.html"),
        "2023-01-01"
    );
}

#[test]
fn in_git_pages_show_when_their_file_last_changed_and_changes_lists_them() {
    let site = Site::new();
    git(&site, "2026-11-15", &["init", "-q"]);
    git(&site, "2026-11-15", &["add", "."]);
    git(&site, "2026-11-15", &["commit", "-q", "-m", "Каталог"]);
    site.replace(
        EDINOE,
        "title = \"Единое пособие",
        "title = \"Единое пособие на детей",
    );
    site.write(
        "content/services/novaya-mera.md",
        site.read("content/services/edv-invalidam.md")
            .replace("title = \"", "title = \"Новая мера: "),
    );
    git(&site, "2026-11-22", &["add", "."]);
    git(
        &site,
        "2026-11-22",
        &["commit", "-q", "-m", "Правка и новая мера"],
    );
    site.build(&[]).ok();

    // The edited file's last commit, not its `updated` field; an untouched file keeps the
    // date of the commit that added it.
    assert_eq!(
        changed_on(&site, "services/edinoe-posobie/index.html"),
        "2026-11-22"
    );
    assert_eq!(
        changed_on(&site, "services/edv-invalidam/index.html"),
        "2026-11-15"
    );

    let html = site.out("changes/index.html");
    assert!(html.contains("<h1>Что изменилось</h1>"));
    assert!(
        html.contains("<h2 id=\"mesyac-1\">Ноябрь 2026</h2>"),
        "{html}"
    );
    let edited = html
        .find("<a href=\"/services/edinoe-posobie/\">")
        .expect("the edited record is listed");
    let added = html
        .find("<a href=\"/services/novaya-mera/\">")
        .expect("the new record is listed");
    let untouched = html
        .find("<a href=\"/services/edv-invalidam/\">")
        .expect("older records are listed too");
    assert!(added < untouched && edited < untouched, "newest first");
    let card = |at: usize| &html[html[..at].rfind("<li class=\"card\">").unwrap()..at];
    assert!(
        card(edited).contains("обновлена <time datetime=\"2026-11-22\">22 ноября 2026</time>"),
        "{}",
        card(edited)
    );
    assert!(card(added).contains("новая запись <time datetime=\"2026-11-22\">"));
    assert!(html.contains("href=\"/atom.xml\""));

    // The feed lists the same records: updated when changed, published when added.
    let atom = site.out("atom.xml");
    let entry = &atom[atom.find("services/edinoe-posobie/").unwrap()..];
    let entry = &entry[..entry.find("</entry>").unwrap()];
    assert!(
        entry.contains("<updated>2026-11-22T00:00:00Z</updated>"),
        "{entry}"
    );
    assert!(
        entry.contains("<published>2026-11-15T00:00:00Z</published>"),
        "{entry}"
    );
    assert!(atom.contains(
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://fixture.example/changes/\"/>"
    ));
    assert!(site
        .out("sitemap.xml")
        .contains("<loc>https://fixture.example/changes/</loc>"));
}
