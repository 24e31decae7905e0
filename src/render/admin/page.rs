//! `/admin/index.html`: the page that loads Decap CMS (an exact version from unpkg, with
//! Subresource Integrity), socnav's additions to it, and, for Git Gateway, the Netlify
//! Identity widget; without JavaScript it says what is needed and links to the editors'
//! guide. netlify.toml gives `/admin/*` the Content-Security-Policy Decap needs.

/// The Decap CMS release the editor loads. To update: pick the version, then put the
/// sha384 of its `dist/decap-cms.js` (`openssl dgst -sha384 -binary decap-cms.js |
/// openssl base64 -A`, from `npm pack decap-cms@<version>`) in [`DECAP_INTEGRITY`].
pub const DECAP_VERSION: &str = "3.16.3";

/// Subresource Integrity of `decap-cms@3.16.3/dist/decap-cms.js`.
pub const DECAP_INTEGRITY: &str =
    "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";

/// Netlify Identity's login widget (Git Gateway only). Netlify serves it at this one
/// address and updates it in place, so it cannot carry an integrity hash.
pub const IDENTITY_WIDGET: &str = "https://identity.netlify.com/v1/netlify-identity-widget.js";

pub fn decap_url() -> String {
    format!("https://unpkg.com/decap-cms@{DECAP_VERSION}/dist/decap-cms.js")
}

/// The page. `script`: the file name of socnav's additions (beside the page);
/// `guide`: the editors' guide as a path from the site root, if the site has one.
pub fn index_html(script: &str, guide: Option<&str>, identity: bool) -> String {
    let guide_link = match guide {
        Some(url) => format!(
            "\n    <p>Записи можно править и без этого редактора, прямо в файлах: как это сделать, рассказано в <a href=\"..{}\">руководстве редактора</a>.</p>",
            crate::render::feeds::xml_escape(url)
        ),
        None => String::new(),
    };
    let identity_script = if identity {
        format!("\n  <script src=\"{IDENTITY_WIDGET}\"></script>")
    } else {
        String::new()
    };
    format!(
        "<!doctype html>
<html lang=\"ru\">
<head>
  <meta charset=\"utf-8\">
  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
  <meta name=\"robots\" content=\"noindex, nofollow\">
  <title>Редактор каталога</title>{identity_script}
</head>
<body>
  <noscript>
    <h1>Редактор каталога</h1>
    <p>Редактору нужен JavaScript: включите его в настройках браузера и обновите страницу.</p>{guide_link}
  </noscript>
  <script src=\"{decap}\" integrity=\"{DECAP_INTEGRITY}\" crossorigin=\"anonymous\"></script>
  <script src=\"{script}\"></script>
</body>
</html>
",
        decap = decap_url(),
    )
}
