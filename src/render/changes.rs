//! «Что изменилось» (`/changes/`, theme template `changes.html`): the records most
//! recently added, updated or reviewed, by month, the same ones as the Atom feed.

use serde::Serialize;

use super::{feeds, RenderError, Renderer};

/// The page's address.
pub(super) const URL: &str = "/changes/";
/// Records listed on the page and in the feed.
pub(super) const LIMIT: usize = 100;

#[derive(Serialize)]
struct Change<'a> {
    title: &'a str,
    url: &'a str,
    description: Option<&'a str>,
    kind_label: &'a str,
    date: String,
    date_human: String,
    /// «Новая запись» rather than «Обновлена».
    new: bool,
    /// Only the check date moved: the facts were confirmed, not changed.
    reviewed_only: bool,
}

#[derive(Serialize)]
struct Month<'a> {
    title: String,
    changes: Vec<Change<'a>>,
}

impl Renderer<'_> {
    /// Write `/changes/` when the theme has a `changes.html` template.
    pub(super) fn changes(&self) -> Result<(), RenderError> {
        if !self.tera.contains_template("changes.html") {
            return Ok(());
        }
        let labels = &self.site.labels;
        let mut months: Vec<Month> = Vec::new();
        for p in feeds::recent(self.site, LIMIT) {
            let when = feeds::changed(p).expect("recent records have a date");
            let title = labels.month_year(when);
            if months.last().is_none_or(|m| m.title != title) {
                months.push(Month {
                    title,
                    changes: Vec::new(),
                });
            }
            let reviewed_only =
                p.reviewed == Some(when) && feeds::file_changed(p).is_none_or(|c| c < when);
            months.last_mut().expect("pushed").changes.push(Change {
                title: &p.title,
                url: &p.url,
                description: p.description.as_deref(),
                kind_label: labels.kind(p.kind),
                date: when.to_string(),
                date_human: labels.date(when),
                new: feeds::is_new(p),
                reviewed_only,
            });
        }
        let mut ctx = self.ctx(URL);
        ctx.insert("months", &months);
        ctx.insert("limit", &LIMIT);
        self.render_page("changes.html", &ctx, URL)
    }
}
