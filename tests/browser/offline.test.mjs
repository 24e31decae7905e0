// Browser test of offline reading: the service worker (themes/navigator/templates/sw.js,
// registered by offline.js) keeps the pages a visitor opened, the CSS and scripts, and
// the search files of the words they searched; offline, those still read and a page
// never opened shows the offline page. Run by tests/browser.rs as
//
//   node tests/browser/offline.test.mjs http://127.0.0.1:PORT
//
// against the bundled catalogue built and served by that test (http://127.0.0.1 counts
// as a secure origin, so service workers run). Headless Chromium from $CHROMIUM (default
// /usr/bin/chromium), driven by playwright-core. One browser context, as one visitor:
// the checks run in order and each builds on the one before. Online, a console error, an
// uncaught exception, a failed request or an error response fails the check it happened
// in (except the 404 of a search index file for a word no record has, and of the
// unknown page opened on purpose); offline, an uncaught exception does.
import { chromium } from "playwright-core";
import { INDEX_FILE, TIMEOUT, assert, baseUrl, executablePath, runner } from "./lib.mjs";

const base = baseUrl("offline.test.mjs");
const SERVICE = "/services/edinoe-posobie/";
const NEVER_OPENED = "/services/posobie-po-bezrabotice/";
const UNKNOWN = "/no-such-page/";
const QUERY = "пособие";
const OFFLINE_H1 = "Нет соединения с интернетом";

// A tiny runner (lib.mjs): checks run in order; a failure does not stop the rest. The
// one page stays open from check to check (watch(page, { keep: true })).

let offline = false;

function expected404(path) {
  return INDEX_FILE.test(path) || path === UNKNOWN;
}

// Offline, only an uncaught exception is a problem.
const { check, watch, summary } = runner({
  base,
  ignoreConsole: (text, where) => /status of 404/.test(text) && expected404(where),
  ignoreStatus: (path, status) => status === 404 && expected404(path),
  paused: () => offline,
});

// ---------------------------------------------------------------------------------------
// What the page shows.

/** The heading, the main text and whether the site's stylesheet applies. */
function shown(page) {
  return page.evaluate(() => ({
    title: document.title,
    h1: (document.querySelector("h1") || {}).textContent || "",
    main: (document.querySelector("main") || {}).textContent || "",
    styled: Array.from(document.styleSheets).some(
      (s) => s.href && /\/style\.[0-9a-f]+\.css$/.test(s.href) && s.cssRules.length > 0
    ),
  }));
}

async function open(page, path) {
  const res = await page.goto(base + path);
  assert(res, path + ": no response");
  return res;
}

/** Waits until the search page has drawn the results for the query in its address. */
async function settled(page) {
  await page.waitForFunction(() => {
    const list = document.getElementById("search-results");
    return list && list.getAttribute("data-state") === "done";
  });
}

function results(page) {
  return page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")));
}

async function search(page, q) {
  await open(page, "/search/");
  await page.locator("#q").pressSequentially(q, { delay: 30 });
  await page.waitForURL((u) => new URL(u).searchParams.get("q") === q);
  await settled(page);
  return results(page);
}

// ---------------------------------------------------------------------------------------

const browser = await chromium.launch({ executablePath, headless: true });
const context = await browser.newContext({ locale: "ru-RU" });
const page = watch(await context.newPage(), { keep: true });
let online = {};
let found = [];

await check("a page registers the service worker, which takes control of it", async () => {
  await open(page, SERVICE);
  // `ready` never settles without a worker: give it TIMEOUT ms.
  const scope = await page.evaluate(
    (ms) =>
      Promise.race([
        navigator.serviceWorker.ready.then((r) => r.scope),
        new Promise((resolve) => setTimeout(() => resolve("(no active worker)"), ms)),
      ]),
    TIMEOUT
  );
  assert(scope === base + "/", "the worker's scope is the whole site: " + scope);
  // clients.claim() makes the worker control the open page; reload once if it has not.
  const controlled = () =>
    page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 3000 }).then(
      () => true,
      () => false
    );
  if (!(await controlled())) {
    await page.reload();
    assert(await controlled(), "the worker controls the page after a reload");
  }
  const url = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  assert(url === base + "/sw.js", "the worker is /sw.js: " + url);
  online = await shown(page);
  assert(online.h1.trim().length > 0 && online.styled, "the page is drawn and styled online");
});

await check("online, a search for «" + QUERY + "» shows results", async () => {
  found = await search(page, QUERY);
  assert(found.length >= 3, "results: " + found.join(" "));
  // An unknown page answers 404; the worker must not keep that answer.
  const res = await open(page, UNKNOWN);
  assert(res.status() === 404, UNKNOWN + ": HTTP " + res.status());
});

await check("offline, the page opened before reads the same, styled", async () => {
  offline = true;
  await context.setOffline(true);
  assert(!(await page.evaluate(() => navigator.onLine)), "the browser is offline");
  const res = await open(page, SERVICE);
  assert(res.status() === 200, SERVICE + ": HTTP " + res.status());
  const now = await shown(page);
  assert(now.title === online.title, `same title: ${now.title} / ${online.title}`);
  assert(now.h1 === online.h1, `same heading: ${now.h1} / ${online.h1}`);
  assert(now.main === online.main, "same main text");
  assert(now.styled, "the stylesheet applies offline");
});

await check("offline, the same search shows the same results", async () => {
  await open(page, "/search/?q=" + encodeURIComponent(QUERY));
  await settled(page);
  assert((await page.inputValue("#q")) === QUERY, "the box holds the query");
  const again = await results(page);
  assert(JSON.stringify(again) === JSON.stringify(found), "same results:\n  " + again.join(" ") + "\nwant\n  " + found.join(" "));
  assert((await shown(page)).styled, "the stylesheet applies offline");
});

await check("offline, a page never opened shows the offline page, with the kept pages", async () => {
  for (const path of [NEVER_OPENED, UNKNOWN]) {
    await open(page, path);
    assert(new URL(page.url()).pathname === path, "the address stays " + path + ": " + page.url());
    const now = await shown(page);
    assert(now.h1 === OFFLINE_H1, path + ": the offline page's heading: " + now.h1);
    assert(now.styled, path + ": the offline page is styled");
  }
  // offline.js lists the pages kept on this device.
  await page.waitForSelector("#offline-kept:not([hidden])");
  const kept = await page.$$eval("#offline-kept-list a", (as) =>
    as.map((a) => [a.getAttribute("href"), a.textContent])
  );
  const service = kept.find(([href]) => href === SERVICE);
  assert(service && service[1] === online.h1.trim(), "the service page is listed by its title: " + JSON.stringify(kept));
  assert(kept.some(([href]) => href === "/search/"), "the search page is listed: " + JSON.stringify(kept));
  assert(!kept.some(([href]) => href === NEVER_OPENED || href === UNKNOWN), "only kept pages are listed");
  // The home page was kept when the worker was installed: the offline page's link works.
  await page.click('main a[href="/"]');
  await page.waitForURL(base + "/");
  assert((await shown(page)).h1 !== OFFLINE_H1, "the home page reads offline");
});

await check("online again, pages come from the site", async () => {
  await context.setOffline(false);
  offline = false;
  const res = await open(page, NEVER_OPENED);
  assert(res.status() === 200, NEVER_OPENED + ": HTTP " + res.status());
  const now = await shown(page);
  assert(now.h1 !== OFFLINE_H1 && now.h1.trim().length > 0, "the page itself: " + now.h1);
  assert(now.styled, "styled");
});

await browser.close();
summary();
