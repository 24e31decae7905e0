// Browser tests of the provider directory (/providers/) and the standards catalogue
// (/standards/), directory.js: without JavaScript the list is in name order and links the
// pre-sorted pages (/providers/po/<order>/), each listing every provider; with it, a form
// above the list re-orders the cards (by kind, field, group) and hides those outside the
// chosen region, or for standards kind and status, and a live region says how many are
// shown; all of it with the keyboard only too. Run by tests/browser.rs as
//
//   node tests/browser/directory.test.mjs http://127.0.0.1:PORT
//
// against the bundled catalogue built and served by that test. Headless Chromium from
// $CHROMIUM (default /usr/bin/chromium), driven by playwright-core. Every page is watched:
// a console error, a CSP violation, an uncaught exception, a failed request or an error
// response fails the check it happened in. Expectations come from the cards' own data
// attributes (data-regions, data-type-label, data-status, …), not from counts written here.
import { gzipSync } from "node:zlib";
import { assert, axeLines, baseUrl, launch, runner, same } from "./lib.mjs";

const base = baseUrl("directory.test.mjs");
const PRESORTED = ["/providers/po/sfere/", "/providers/po/gruppam/", "/providers/po/vidu/", "/providers/po/regionam/"];
const ORDER = "Упорядочить";
const REGION = "Курганская область";
const IN_FORCE = "Действует";
const ru = (a, b) => a.localeCompare(b, "ru");

// ---------------------------------------------------------------------------------------
// A tiny runner (lib.mjs): checks run in order, each on fresh pages and profiles; a
// failure does not stop the rest.

const { check, watch, fresh: freshContext, summary } = runner({ base });

/** A fresh browser profile; CSP violations are reported as console errors. */
async function fresh(options) {
  const ctx = await freshContext(browser, options);
  await ctx.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI || "inline"}`);
    });
  });
  return ctx;
}

async function open(ctx, path) {
  const page = watch(await ctx.newPage());
  const res = await page.goto(base + path);
  assert(res.status() === 200, path + ": HTTP " + res.status());
  return page;
}

/** A list page with the script: waits for its form. */
async function openList(path) {
  const page = await open(await fresh(), path);
  await page.waitForSelector(".directory-tools select");
  return page;
}

// ---------------------------------------------------------------------------------------
// What the page shows.

/** The list's cards in document order, with their data and whether they are hidden. */
function cards(page) {
  return page.$$eval("main ul.cards > li.card", (lis) =>
    lis.map((li) => ({
      url: li.querySelector(".card-title a").getAttribute("href"),
      title: li.querySelector(".card-title a").textContent.trim(),
      regions: (li.getAttribute("data-regions") || "").split(" ").filter(Boolean),
      type: li.getAttribute("data-type") || "",
      typeLabel: li.getAttribute("data-type-label") || "",
      status: li.getAttribute("data-status") || "",
      category: li.getAttribute("data-category") || "",
      audience: li.getAttribute("data-audience") || "",
      hidden: li.hidden,
    })),
  );
}

/** Every card of a section, following "next page" links (no script). */
async function allCards(page, path) {
  const out = [];
  for (let url = base + path, n = 0; url && n < 20; n++) {
    await page.goto(url);
    out.push(...(await cards(page)));
    const next = await page.$("a[rel=next]");
    url = next ? new URL(await next.getAttribute("href"), url).href : null;
  }
  return out;
}

/** The select labelled `label` (by its real <label>). */
function select(page, label) {
  return page.getByLabel(label, { exact: true });
}

async function options(page, label) {
  return select(page, label).evaluate((s) => Array.from(s.options, (o) => o.textContent));
}

async function choose(page, label, option) {
  await select(page, label).selectOption({ label: option });
}

async function status(page) {
  return (await page.textContent(".directory-status")).trim();
}

function show(list) {
  return list.map((c) => `${c.hidden ? "(hidden) " : ""}${c.title} [${c.typeLabel || c.status}]`).join("\n  ");
}

/** Cards sorted as the script should: by `key` (empty last), then by name (their order
 * as built). */
function sortedBy(list, key) {
  return list
    .map((c, i) => ({ c, i }))
    .sort((a, b) => !a.c[key] - !b.c[key] || ru(a.c[key], b.c[key]) || a.i - b.i)
    .map((x) => x.c.url);
}

/** Checks hidden flags and the live region against `fits`. */
async function expectShown(page, fits, what) {
  const list = await cards(page);
  const wrong = list.filter((c) => c.hidden === fits(c));
  assert(!wrong.length, `${what}: wrongly shown or hidden:\n  ` + show(wrong));
  const n = list.filter(fits).length;
  const s = await status(page);
  assert(s === `Показано ${n} из ${list.length}`, `${what}: the live region says «${s}», want «Показано ${n} из ${list.length}»`);
  return n;
}


// ---------------------------------------------------------------------------------------

const browser = await launch();

await check("without JavaScript /providers/ lists every provider by name and links the 4 pre-sorted pages", async () => {
  const page = await open(await fresh({ javaScriptEnabled: false }), "/providers/");
  assert((await page.locator(".directory-tools").count()) === 0, "no form without the script");
  const links = await page.$$eval("main .orderings a", (as) => as.map((a) => a.getAttribute("href")));
  assert(same([...links].sort(), [...PRESORTED].sort()), "links to the pre-sorted pages: " + links.join(" "));
  const all = await allCards(page, "/providers/");
  assert(all.length > 5, "providers listed: " + all.length);
  assert(all.every((c) => !c.hidden), "no card is hidden");
  const titles = all.map((c) => c.title);
  assert(same(titles, [...titles].sort(ru)), "in name order:\n  " + titles.join("\n  "));
  const urls = new Set(all.map((c) => c.url));
  assert(urls.size === all.length, "each provider once");
  for (const path of PRESORTED) {
    await page.goto(base + path);
    const there = new Set(await page.$$eval("main ul.cards .card-title a", (as) => as.map((a) => a.getAttribute("href"))));
    const missing = [...urls].filter((u) => !there.has(u));
    assert(!missing.length, `${path} misses:\n  ` + missing.join("\n  "));
    const stray = [...there].filter((u) => !urls.has(u));
    assert(!stray.length, `${path} lists what /providers/ does not:\n  ` + stray.join("\n  "));
  }
});

await check("providers: sorting by kind groups the cards by kind, by name within; and back", async () => {
  const page = await openList("/providers/");
  const built = await cards(page);
  assert((await status(page)) === `Показано ${built.length} из ${built.length}`, "the live region: " + (await status(page)));
  assert(same(await options(page, ORDER), ["по названию", "по сфере деятельности", "по группе, которой помогают", "по виду организации"]),
    "sort options: " + (await options(page, ORDER)).join(", "));
  for (const [option, key] of [["по виду организации", "typeLabel"], ["по сфере деятельности", "category"], ["по группе, которой помогают", "audience"]]) {
    await choose(page, ORDER, option);
    const now = await cards(page);
    assert(same(now.map((c) => c.url), sortedBy(built, key)), `${option}:\n  ` + now.map((c) => `${c[key]} — ${c.title}`).join("\n  "));
    assert(now.every((c) => !c.hidden), `${option}: nothing hidden`);
  }
  await choose(page, ORDER, "по виду организации");
  const kinds = (await cards(page)).map((c) => c.typeLabel);
  const groups = kinds.filter((k, i) => k !== kinds[i - 1]);
  assert(new Set(groups).size === groups.length, "each kind is one run of cards: " + kinds.join(", "));
  assert(same(groups, [...groups].sort(ru)), "kinds in alphabetical order: " + groups.join(", "));
  assert((await status(page)) === `Показано ${built.length} из ${built.length}`, "the live region: " + (await status(page)));
  await choose(page, ORDER, "по названию");
  assert(same((await cards(page)).map((c) => c.url), built.map((c) => c.url)), "«по названию» restores the name order");
});

await check("providers: region «Курганская область» keeps federal providers and hides other regions'", async () => {
  const page = await openList("/providers/");
  const built = await cards(page);
  const keys = [...new Set(built.flatMap((c) => c.regions))];
  assert(keys.includes("federal") && keys.includes("kurgan"), "regions on the cards: " + keys.join(" "));
  const opts = await options(page, "Регион");
  assert(opts[0] === "все" && opts.length === keys.length + 1, "one option per region, after «все»: " + opts.join(", "));
  assert(opts.includes(REGION) && opts.includes("Вся Россия"), "regions by their titles: " + opts.join(", "));
  await choose(page, "Регион", REGION);
  const fits = (c) => c.regions.includes("kurgan") || c.regions.includes("federal");
  const n = await expectShown(page, fits, REGION);
  const list = await cards(page);
  assert(list.some((c) => c.regions.includes("federal") && !c.hidden), "federal providers are shown");
  assert(list.some((c) => c.regions.includes("kurgan") && !c.regions.includes("federal") && !c.hidden), "Kurgan providers are shown");
  assert(n > 0, "something is shown");
  await choose(page, "Регион", "Вся Россия");
  const only = await expectShown(page, (c) => c.regions.includes("federal"), "Вся Россия");
  assert(only < built.length, "«Вся Россия» hides the regional providers");
  // Sorting keeps the filter.
  await choose(page, ORDER, "по сфере деятельности");
  await expectShown(page, (c) => c.regions.includes("federal"), "Вся Россия, by field");
  assert(same((await cards(page)).map((c) => c.url), sortedBy(built, "category")), "sorted by field while filtered");
  await choose(page, "Регион", "все");
  await expectShown(page, () => true, "все");
});

await check("providers: another region's provider is hidden; a paged list says sorting is per page", async () => {
  // The bundled catalogue has Kurgan and federal providers only, and one page: the page
  // is served here with a made-up provider of two other regions and a pager added.
  const ctx = await fresh();
  await ctx.route(base + "/providers/", async (route) => {
    try {
      const res = await route.fetch();
      const extra = `<li class="card" data-regions="tyumen omsk" data-type="non-profit" data-type-label="Некоммерческая организация">
<h2 class="card-title"><a href="/providers/">Тестовая организация</a></h2><p class="meta">Где действует: <span class="card-regions">Тюменская область, Омская область</span></p></li>`;
      const pager = `<nav class="pager" aria-label="Страницы"><ul><li><a href="/providers/" aria-current="page">1</a></li></ul></nav>`;
      const body = (await res.text()).replace(/<ul class="cards"[^>]*>/, (m) => m + "\n" + extra).replace("</main>", pager + "</main>");
      await route.fulfill({ response: res, body });
    } catch (e) {
      // A request still being routed when the check ends and closes its context (a
      // late reload under load) fails with «context disposed»: nothing to check then.
      if (!/disposed|closed/i.test(String(e))) throw e;
    }
  });
  const page = await open(ctx, "/providers/");
  await page.waitForSelector(".directory-tools select");
  const opts = await options(page, "Регион");
  assert(opts.includes("Тюменская область") && opts.includes("Омская область"), "regions titled from «Где действует»: " + opts.join(", "));
  await choose(page, "Регион", REGION);
  await expectShown(page, (c) => c.regions.includes("kurgan") || c.regions.includes("federal"), REGION);
  assert((await cards(page)).find((c) => c.regions.includes("tyumen")).hidden, "the Tyumen provider is hidden for Kurgan");
  await choose(page, "Регион", "Омская область");
  await expectShown(page, (c) => c.regions.includes("omsk") || c.regions.includes("federal"), "Омская область");
  const note = await page.$eval(".directory-tools .small", (p) => ({
    text: p.textContent,
    links: Array.from(p.querySelectorAll("a"), (a) => a.getAttribute("href")),
  }));
  assert(/только на этой странице/.test(note.text), "the note says sorting is per page: " + note.text);
  assert(same(note.links.sort(), [...PRESORTED].sort()), "the note links the pre-sorted pages: " + note.links.join(" "));
});

await check("standards: status «Действует», a kind, and both together", async () => {
  const page = await openList("/standards/");
  const built = await cards(page);
  assert(built.length > 3 && built.every((c) => c.status && c.type), "standards carry status and kind: " + show(built));
  const kindOpts = await options(page, "Вид");
  const labels = [...new Set(built.map((c) => c.typeLabel))].sort(ru);
  assert(same(kindOpts, ["все", ...labels]), "kind options: " + kindOpts.join(", "));
  const statusOpts = await options(page, "Статус");
  assert(statusOpts[0] === "все" && statusOpts[1] === IN_FORCE, "status options, «Действует» first: " + statusOpts.join(", "));
  assert(statusOpts.length === new Set(built.map((c) => c.status)).size + 1, "one option per status: " + statusOpts.join(", "));

  await choose(page, "Статус", IN_FORCE);
  const inForce = await expectShown(page, (c) => c.status === "in-force", IN_FORCE);
  assert(inForce > 0 && inForce < built.length, "some standards are in force, not all: " + inForce);

  await choose(page, "Статус", "все");
  const national = built.find((c) => c.type === "national") || built[0];
  await choose(page, "Вид", national.typeLabel);
  await expectShown(page, (c) => c.type === national.type, national.typeLabel);

  await choose(page, "Статус", IN_FORCE);
  const both = await expectShown(page, (c) => c.type === national.type && c.status === "in-force", national.typeLabel + " + " + IN_FORCE);
  assert(both > 0, "some shown with both");

  // A kind with no standard in force: nothing shown, and the count says so.
  const none = built.find((c) => !built.some((d) => d.type === c.type && d.status === "in-force"));
  if (none) {
    await choose(page, "Вид", none.typeLabel);
    assert((await expectShown(page, () => false, none.typeLabel + " + " + IN_FORCE)) === 0, "nothing shown");
  }

  await choose(page, ORDER, "по статусу");
  const seq = (await cards(page)).map((c) => c.status);
  const rank = ["in-force", "draft", "public-discussion", "superseded", "withdrawn"];
  assert(same(seq, [...seq].sort((a, b) => rank.indexOf(a) - rank.indexOf(b))), "by status, in force first: " + seq.join(", "));
  await choose(page, ORDER, "по виду");
  assert(same((await cards(page)).map((c) => c.url), sortedBy(built, "typeLabel")), "by kind");
});

await check("keyboard only: Tab to the selects, arrows choose, the list follows", async () => {
  const page = await openList("/providers/");
  const built = await cards(page);
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a && a.labels && a.labels[0] ? a.labels[0].textContent : a ? a.tagName : "";
  });
  await page.locator("main h1").click();
  for (let i = 0; i < 40 && (await focused()) !== ORDER; i++) await page.keyboard.press("Tab");
  assert((await focused()) === ORDER, "Tab reaches «" + ORDER + "»");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert(ring !== "none", "the focused select shows a focus ring");
  await page.keyboard.press("ArrowDown");
  assert((await select(page, ORDER).evaluate((s) => s.selectedOptions[0].textContent)) === "по сфере деятельности", "ArrowDown picks the next order");
  assert(same((await cards(page)).map((c) => c.url), sortedBy(built, "category")), "the list is sorted by field");
  await page.keyboard.press("Tab");
  assert((await focused()) === "Регион", "Tab moves on to «Регион»: " + (await focused()));
  for (let i = 0; i < 10 && (await select(page, "Регион").evaluate((s) => s.selectedOptions[0].textContent)) !== REGION; i++) {
    await page.keyboard.press("ArrowDown");
  }
  await expectShown(page, (c) => c.regions.includes("kurgan") || c.regions.includes("federal"), REGION + " by keyboard");
  // The first shown card's link is the next stop after the form.
  await page.keyboard.press("Tab");
  const href = await page.evaluate(() => document.activeElement.getAttribute("href"));
  const first = (await cards(page)).find((c) => !c.hidden);
  assert(href === first.url, `Tab from the form reaches the first shown card: ${href}, want ${first.url}`);
});

await check("the forms pass axe (WCAG 2.2 A/AA) on /providers/ and /standards/", async () => {
  const found = [];
  for (const path of ["/providers/", "/standards/"]) {
    const page = await openList(path);
    const labels = await page.$$eval(".directory-tools select", (ss) => ss.map((s) => (s.labels[0] ? s.labels[0].textContent : "")));
    assert(labels.every(Boolean), path + ": every select has a label");
    assert((await page.getAttribute(".directory-status", "aria-live")) === "polite", path + ": the count is a polite live region");
    const form = await page.$eval(".directory-tools", (f) => f.nextElementSibling && f.nextElementSibling.matches("ul.cards"));
    assert(form, path + ": the form is right above the list");
    const small = await page.$$eval(".directory-tools select", (ss) => ss.filter((s) => s.getBoundingClientRect().height < 24).length);
    assert(!small, path + ": selects at least 24px tall");
    found.push(...(await axeLines(page)).map((v) => path + ": " + v));
  }
  assert(!found.length, found.length + " violations:\n  " + found.join("\n  "));
});

await check("directory.js is small, deferred, on the provider and standards lists only", async () => {
  for (const path of ["/providers/", "/standards/", "/services/"]) {
    const html = await (await fetch(base + path)).text();
    const m = /<script[^>]* src="\/(directory\.[0-9a-f]+\.js)"[^>]*>/.exec(html);
    if (path === "/services/") {
      assert(!m, "/services/ does not load directory.js");
      continue;
    }
    assert(m && / defer\b/.test(m[0]), path + ": directory.js is loaded, deferred");
    assert(!/<script(?![^>]*\bsrc=)/.test(html), path + ": no inline script");
    const size = gzipSync(Buffer.from(await (await fetch(base + "/" + m[1])).arrayBuffer())).length;
    assert(size <= 2048, "directory.js gzipped: " + size + " bytes");
  }
});

await browser.close();
summary();
