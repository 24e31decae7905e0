// Browser tests of the search page: what a citizen sees when typing, filtering, sharing
// a link, using the keyboard, or browsing without JavaScript; then the relevance table
// (relevance.mjs). Run by tests/browser.rs as
//
//   node tests/browser/search.test.mjs http://127.0.0.1:PORT
//
// against the bundled catalogue built and served by that test. Headless Chromium from
// $CHROMIUM (default /usr/bin/chromium), driven by playwright-core (no browser download).
// Every page is watched: a console error, an uncaught exception, a failed request or an
// error response fails the check it happened in, except the 404 of an index file for a
// word no record has (search/<hash>/{w,p,f,q}/<name>.json), which is how the index says
// "no such word".
import { INDEX_FILE, assert, baseUrl, fail, launch, runner, same, settled } from "./lib.mjs";
import { QUERIES, TOP } from "./relevance.mjs";

const base = baseUrl("search.test.mjs");
const KIND = {
  service: "Мера поддержки",
  situation: "Жизненная ситуация",
  provider: "Организация",
  standard: "Стандарт",
};
const CHILD_BENEFITS = [
  "/services/edinoe-posobie/",
  "/services/edinovremennoe-posobie-pri-rozhdenii/",
  "/services/posobie-po-uhodu-za-rebenkom/",
];

// Checks run in order, each on fresh pages; a failure does not stop the rest (lib.mjs).
// The 404 of an index file is not a problem: it means "no such word".
const { check, watch, summary } = runner({
  base,
  ignoreConsole: (text, where) => /status of 404/.test(text) && INDEX_FILE.test(where),
  ignoreStatus: (path, status) => status === 404 && INDEX_FILE.test(path),
});

// ---------------------------------------------------------------------------------------
// What the page shows.

async function openSearch(page, query = "") {
  await page.goto(base + "/search/" + query);
  await settled(page);
}


/** Types like a person, key by key, and waits for the results. */
async function type(page, text) {
  const box = page.locator("#q");
  await box.fill("");
  await box.pressSequentially(text, { delay: 40 });
  await settled(page);
}

async function choose(page, select, value) {
  await page.selectOption(select, value);
  await settled(page);
}

/** The results shown; with `all`, after pressing "Показать ещё" until it hides. */
async function results(page, all = false) {
  if (all) {
    // The script's own word (the hidden attribute), not what CSS makes of it.
    for (let i = 0; i < 20 && (await page.$eval("#search-more", (b) => !b.hidden)); i++) {
      const before = await page.locator("#search-results li.result").count();
      await page.click("#search-more");
      await page.waitForFunction(
        (n) => document.querySelectorAll("#search-results li.result").length > n,
        before,
      );
    }
  }
  return page.$$eval("#search-results li.result", (lis) =>
    lis.map((li) => ({
      kind: li.querySelector(".result-kind")?.textContent || "",
      url: li.querySelector("a")?.getAttribute("href") || "",
      title: li.querySelector("a")?.textContent || "",
      summary: li.querySelector(".result-summary")?.textContent || "",
    })),
  );
}

async function status(page) {
  return (await page.textContent("#search-status")).trim();
}

function show(list) {
  return list.map((r, i) => `${i + 1}. ${r.url} «${r.title}»`).join("\n  ") || "(none)";
}

/** The records a taxonomy term's page lists (following "next page" links). */
async function members(path) {
  const page = watch(await context.newPage());
  const out = [];
  for (let url = base + path, n = 0; url && n < 20; n++) {
    await page.goto(url);
    out.push(...(await page.$$eval("main .card-title a", (as) => as.map((a) => a.getAttribute("href")))));
    const next = await page.$("a[rel=next]");
    url = next ? new URL(await next.getAttribute("href"), url).href : null;
  }
  await page.close();
  return out;
}

/** Paths in sitemap.xml under a section, e.g. "/services/". */
async function sitemap(context, section) {
  const res = await context.request.get(base + "/sitemap.xml");
  assert(res.ok(), "sitemap.xml: HTTP " + res.status());
  const locs = [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  return locs.filter((p) => p.startsWith(section) && p !== section).sort();
}

// ---------------------------------------------------------------------------------------

const browser = await launch();
const context = await browser.newContext({ locale: "ru-RU" });
const newPage = async () => watch(await context.newPage());

await check("typing «пособие на ребёнка» shows child benefits and announces how many", async () => {
  const page = await newPage();
  await openSearch(page);
  assert((await page.getAttribute("#search-status", "role")) === "status", "#search-status has role=status");
  assert((await page.getAttribute("#search-status", "aria-live")) === "polite", "#search-status is aria-live");
  await type(page, "пособие на ребёнка");
  const r = await results(page);
  assert(CHILD_BENEFITS.includes(r[0]?.url), "first result is a child benefit:\n  " + show(r));
  assert(r.some((x) => x.url === "/services/edinoe-posobie/"), "the unified child benefit is shown:\n  " + show(r));
  assert(r[0].kind === KIND.service, "the result says what it is: " + r[0].kind);
  assert(r[0].summary.length > 20, "the result has a summary: " + r[0].summary);
  const s = await status(page);
  const n = /^Найдено: (\d+)\./.exec(s);
  assert(n && Number(n[1]) >= 3, "status announces the count: " + s);
  assert(new URL(page.url()).searchParams.get("q") === "пособие на ребёнка", "the address holds the query: " + page.url());
});

await check("a typo «пасобие» still finds the пособие records", async () => {
  const page = await newPage();
  await openSearch(page);
  await type(page, "пасобие");
  const r = await results(page);
  assert(r.length >= 3, "results for the typo:\n  " + show(r));
  assert(r.slice(0, 3).every((x) => /пособи/i.test(x.title)), "the first three are пособия:\n  " + show(r));
  assert(r.some((x) => x.url === "/services/posobie-po-bezrabotice/"), "пособие по безработице is among them:\n  " + show(r));
  assert(/^Найдено: \d+/.test(await status(page)), "status: " + (await status(page)));
});

await check("a typo in a short word is not guessed: «дам» does not find «дом»", async () => {
  // Typos count only in words of 5 letters or more.
  const page = await newPage();
  await openSearch(page, "?q=" + encodeURIComponent("дом."));
  const home = await results(page);
  assert(home.some((x) => /на дому/i.test(x.title)), "«дом» finds «на дому»:\n  " + show(home));
  await type(page, "дам.");
  const r = await results(page);
  assert(!r.some((x) => /на дому/i.test(x.title)), "«дам» does not find «на дому»:\n  " + show(r));
});

await check("a prefix «посо» finds the пособие records while typing", async () => {
  const page = await newPage();
  await openSearch(page);
  await type(page, "посо");
  const r = await results(page);
  assert(r.length >= 3, "results while typing:\n  " + show(r));
  assert(r.slice(0, 3).every((x) => /пособи/i.test(x.title)), "the first three are пособия:\n  " + show(r));
  await page.locator("#q").pressSequentially("б");
  await settled(page);
  const r2 = await results(page);
  assert(r2.slice(0, 3).every((x) => /пособи/i.test(x.title)), "«пособ» too:\n  " + show(r2));
});

await check("choosing «Организации» narrows the results to organisations", async () => {
  const page = await newPage();
  await openSearch(page);
  await type(page, "курган");
  const everything = await results(page, true);
  assert(everything.some((x) => x.kind !== KIND.provider), "without the filter, not only organisations:\n  " + show(everything));
  await choose(page, "#f-kind", "provider");
  const only = await results(page, true);
  assert(only.length > 0, "organisations are found");
  assert(only.length < everything.length, `fewer results with the filter: ${only.length} vs ${everything.length}`);
  assert(only.every((x) => x.kind === KIND.provider), "every result is an organisation:\n  " + show(only));
  assert(only.every((x) => x.url.startsWith("/providers/")), "every result links to an organisation:\n  " + show(only));
  const u = new URL(page.url()).searchParams;
  assert(u.get("q") === "курган" && u.get("kind") === "provider", "the address holds query and filter: " + page.url());
});

await check("choosing a category narrows the results to that category", async () => {
  const page = await newPage();
  await openSearch(page);
  await type(page, "пенсия");
  const everything = await results(page, true);
  await choose(page, "#f-c", "disability");
  const only = await results(page, true);
  const inCategory = await members("/categories/disability/");
  assert(only.length > 0, "results in the category");
  assert(only.length < everything.length, `fewer results with the filter: ${only.length} vs ${everything.length}`);
  const stray = only.filter((x) => !inCategory.includes(x.url));
  assert(!stray.length, "results outside «Инвалидность»:\n  " + show(stray));
  assert(only.some((x) => x.url === "/services/pensiya-po-invalidnosti/"), "пенсия по инвалидности stays:\n  " + show(only));
});

await check("a filter alone, without words, lists that filter's records", async () => {
  const page = await newPage();
  await openSearch(page);
  await choose(page, "#f-kind", "situation");
  const r = await results(page, true);
  const situations = await sitemap(context, "/situations/");
  assert(same(r.map((x) => x.url).sort(), situations), "all situations listed:\n  " + show(r) + "\nwant " + situations.join(" "));
  assert(r.every((x) => x.kind === KIND.situation), "each says it is a situation");
  assert((await status(page)).startsWith(`Найдено: ${situations.length}.`), "status: " + (await status(page)));

  // A category alone, from a shared link: its records, and a link to its full page.
  const page2 = await newPage();
  await openSearch(page2, "?c=legal-aid");
  assert((await page2.inputValue("#f-c")) === "legal-aid", "the category is chosen");
  const r2 = await results(page2, true);
  const legal = await members("/categories/legal-aid/");
  assert(same(r2.map((x) => x.url).sort(), [...legal].sort()), "the category's records:\n  " + show(r2) + "\nwant " + legal.join(" "));
  assert((await page2.getAttribute("#search-status a", "href")) === "/categories/legal-aid/", "status links to the category page");

  // A big audience: the first records, the count, and the full list one click away.
  const page3 = await newPage();
  await openSearch(page3, "?a=families-with-children");
  const r3 = await results(page3, true);
  const families = await members("/audiences/families-with-children/");
  const s3 = await status(page3);
  assert(s3.startsWith(`Найдено: ${families.length}.`), `status counts all ${families.length}: ${s3}`);
  assert(r3.length > 0 && r3.every((x) => families.includes(x.url)), "results are the audience's records:\n  " + show(r3));
  assert((await page3.getAttribute("#search-status a", "href")) === "/audiences/families-with-children/", "status links to the audience page");
});

await check("a query with no match shows the no-results message and the A–Z list", async () => {
  const page = await newPage();
  await openSearch(page);
  await type(page, "зюзюка");
  assert((await results(page)).length === 0, "no results");
  const s = await status(page);
  assert(/^Ничего не нашлось по запросу «зюзюка»/.test(s), "status says nothing was found: " + s);
  const az = page.locator('#search-status a[href="#poisk-az"]');
  assert((await az.count()) === 1, "status links to the A–Z list");
  await az.click();
  assert(new URL(page.url()).hash === "#poisk-az", "the link leads to the A–Z list: " + page.url());
  const top = await page.$eval("#poisk-az", (h) => h.getBoundingClientRect().top);
  assert(top > -2 && top < (await page.evaluate(() => innerHeight)), "the A–Z heading is on screen: " + top);
  assert((await page.locator(".az-list a").count()) > 30, "the A–Z list is there");
});

await check("a shared link /search/?q=… opens with the query in the box and its results", async () => {
  const page = await newPage();
  await openSearch(page, "?q=" + encodeURIComponent("пособие по безработице") + "&kind=service");
  assert((await page.inputValue("#q")) === "пособие по безработице", "the box holds the query");
  assert((await page.inputValue("#f-kind")) === "service", "the filter is chosen");
  const r = await results(page);
  assert(r[0]?.url === "/services/posobie-po-bezrabotice/", "first result:\n  " + show(r));
  assert(r.every((x) => x.kind === KIND.service), "only services:\n  " + show(r));
  // The address bar's own form of a query: + for spaces.
  const page2 = await newPage();
  await openSearch(page2, "?q=%D0%BC%D0%B0%D1%82%D0%B5%D1%80%D0%B8%D0%BD%D1%81%D0%BA%D0%B8%D0%B9+%D0%BA%D0%B0%D0%BF%D0%B8%D1%82%D0%B0%D0%BB");
  assert((await page2.inputValue("#q")) === "материнский капитал", "+ reads as a space: " + (await page2.inputValue("#q")));
  assert((await results(page2))[0]?.url.startsWith("/services/matkapital-"), "results of the shared link");
});

await check("the header search form of any page leads to the results", async () => {
  const page = await newPage();
  await page.goto(base + "/services/socialnyy-kontrakt/");
  await page.fill("header form.search input[name=q]", "социальный контракт");
  await page.press("header form.search input[name=q]", "Enter");
  await page.waitForURL(/\/search\/\?q=/);
  await settled(page);
  const r = await results(page);
  assert(r.slice(0, TOP).some((x) => x.url === "/services/socialnyy-kontrakt/"), "results:\n  " + show(r));
});

await check("keyboard: ArrowDown moves from the box to the results, ArrowUp and Escape back", async () => {
  const page = await newPage();
  await openSearch(page);
  await type(page, "пенсия");
  const r = await results(page);
  assert(r.length >= 2, "results to move through");
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a.id === "q" ? "#q" : a.getAttribute("href");
  });
  assert((await focused()) === "#q", "typing leaves the focus in the box");
  await page.keyboard.press("ArrowDown");
  assert((await focused()) === r[0].url, "ArrowDown focuses the first result: " + (await focused()));
  await page.keyboard.press("ArrowDown");
  assert((await focused()) === r[1].url, "ArrowDown again, the second: " + (await focused()));
  await page.keyboard.press("ArrowUp");
  assert((await focused()) === r[0].url, "ArrowUp, the first again: " + (await focused()));
  await page.keyboard.press("ArrowUp");
  assert((await focused()) === "#q", "ArrowUp from the first result returns to the box: " + (await focused()));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  assert((await focused()) === "#q", "Escape returns to the box: " + (await focused()));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(base + r[0].url);
  assert((await page.textContent("h1")).trim() === r[0].title.trim(), "Enter opens the result");
});

await check("without JavaScript the search page is a way in: A–Z, categories, audiences", async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, locale: "ru-RU" });
  const page = watch(await ctx.newPage());
  await page.goto(base + "/search/?q=" + encodeURIComponent("пособие"));
  const links = (sel) => page.$$eval(sel, (as) => as.map((a) => a.getAttribute("href")));
  const services = await sitemap(ctx, "/services/");
  const categories = await sitemap(ctx, "/categories/");
  const audiences = await sitemap(ctx, "/audiences/");
  assert(services.length > 30, "services in the sitemap: " + services.length);
  const az = await links('section[aria-labelledby="poisk-az"] a');
  assert(same([...az].sort(), services), "the A–Z list links every service:\n  missing " +
    services.filter((s) => !az.includes(s)).join(" ") + "\n  extra " + az.filter((s) => !services.includes(s)).join(" "));
  const titles = await page.$$eval('section[aria-labelledby="poisk-az"] a', (as) => as.map((a) => a.textContent.trim()));
  assert(same(titles, [...titles].sort((a, b) => a.localeCompare(b, "ru"))), "A–Z is in alphabetical order");
  const cats = await links('section[aria-labelledby="poisk-temy"] a');
  assert(same([...cats].sort(), categories), "every category is linked: " + cats.join(" "));
  const auds = await links('section[aria-labelledby="poisk-dlya-kogo"] a');
  assert(same([...auds].sort(), audiences), "every audience is linked: " + auds.join(" "));
  const sits = await links('section[aria-labelledby="poisk-situacii"] a');
  assert(same([...sits].sort(), await sitemap(ctx, "/situations/")), "every situation is linked: " + sits.join(" "));
  assert((await page.locator('header form.search[action="/search/"] input[name=q]').count()) === 1, "the header search form exists");
  assert((await page.locator("#search-form input#q").count()) === 1, "the page's own form exists");
  assert((await page.textContent("noscript")).includes("JavaScript"), "the page says words need JavaScript");
  assert((await results(page)).length === 0 && (await status(page)) === "", "no script, no results drawn");
  // A citizen follows a link of the A–Z list.
  const first = page.locator('section[aria-labelledby="poisk-az"] a').first();
  const title = (await first.textContent()).trim();
  await first.click();
  await page.waitForURL(base + az[0]);
  assert((await page.textContent("h1")).trim() === title, "the A–Z link opens the service");
  await ctx.close();
});

await check("the home page, a service, a situation and a standard load without errors", async () => {
  const page = await newPage();
  for (const path of ["/", "/services/edinoe-posobie/", "/situations/rozhdenie-rebenka/", "/standards/gost-r-52142-2013/", "/providers/sfr/"]) {
    const res = await page.goto(base + path);
    assert(res.status() === 200, path + ": HTTP " + res.status());
    assert((await page.locator("h1").count()) === 1, path + ": one h1");
  }
});

// ---------------------------------------------------------------------------------------
// Relevance: each query typed into the box, the expected record in the first three.

const table = [];
await check(`relevance: ${QUERIES.length} queries find their record in the top ${TOP}`, async () => {
  const page = await newPage();
  await openSearch(page);
  const region = {};
  for (const r of QUERIES) {
    if (r.region && !region[r.region]) region[r.region] = await members(`/regions/${r.region}/`);
  }
  const bad = [];
  for (const r of QUERIES) {
    await page.fill("#q", r.q);
    await settled(page);
    const got = await results(page);
    const urls = got.map((x) => x.url);
    let rank, ok;
    if (r.want) {
      rank = urls.indexOf(r.want) + 1;
      ok = rank >= 1 && rank <= TOP;
    } else {
      const top = urls.slice(0, TOP);
      const out = top.filter((u) => !region[r.region].includes(u));
      rank = top.length === TOP && !out.length ? "all" : "no";
      ok = rank === "all";
    }
    table.push({ q: r.q, want: r.want || `top ${TOP} all in /regions/${r.region}/`, rank, ok, top: urls.slice(0, 5) });
    if (!ok) bad.push(`«${r.q}»: want ${r.want || "region " + r.region}, got\n    ` + show(got.slice(0, 5)).split("\n  ").join("\n    "));
  }
  if (bad.length) fail(bad.length + " queries missed:\n  " + bad.join("\n  "));
});

console.log(`\nRelevance (rank of the expected record; ${TOP} or better passes):`);
const w = Math.max(...table.map((t) => t.q.length));
for (const t of table) {
  const rank = t.rank === 0 ? "—" : String(t.rank);
  console.log(`  ${t.ok ? "  " : "✗ "}${rank.padStart(3)}  ${t.q.padEnd(w)}  ${t.want}` + (t.ok ? "" : `  (top 5: ${t.top.join(" ")})`));
}

await browser.close();
summary();
