// Browser test of the optional map of providers (provider-map.js, partials/provider_map.html):
// nothing of the map (Leaflet's script and CSS, map.json, OpenStreetMap tiles) is
// requested until the visitor presses «Показать организации на карте»; then the map shows
// a marker per provider of map.json, with OpenStreetMap's attribution, under the site's
// real Content-Security-Policy (netlify.toml); pressing again hides it. Without JavaScript
// there is no button and the list, with addresses and geo: links, is the fallback; a
// failed load says so and keeps the list. Run by tests/browser.rs as
//
//   node tests/browser/map.test.mjs http://127.0.0.1:PORT
//
// against the fixture site (tests/fixtures/site, where a provider has a location), built
// and served by that test. Headless Chromium from $CHROMIUM (default /usr/bin/chromium),
// driven by playwright-core. No network: every tile request is answered here with a tiny
// PNG (page.route). Every page is watched: a console error, a CSP violation, an uncaught
// exception, a failed request or an error response fails the check it happened in.
import { gzipSync } from "node:zlib";
import { assert, axeLines, baseUrl, launch, runner, same } from "./lib.mjs";

const base = baseUrl("map.test.mjs");
const LIST = "/providers/";
const PRESORTED = "/providers/po/vidu/";
const SHOW = "Показать организации на карте";
const HIDE = "Скрыть карту";
const FAILED = /^Не удалось загрузить карту/;
const ATTRIBUTION = "© участники OpenStreetMap";
const TILES = "https://tile.openstreetmap.org/";
// What belongs to the map: none of it may be requested before the button is pressed.
const MAP_PART = /\/vendor\/leaflet\/|\/map\.json$|^https:\/\/tile\.openstreetmap\.org\//;
// A 1×1 transparent PNG, the answer to every tile request.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const { check, watch, fresh: freshContext, forgive, local, summary } = runner({ base });

/** map.json as the site serves it: [[url, title, lat, lon, address]]. */
const points = await (await fetch(base + LIST + "map.json")).json();
assert(Array.isArray(points) && points.length > 0, "map.json lists providers with a location: " + JSON.stringify(points));

/**
 * A fresh profile (no service worker, so that every request is seen and routed here)
 * whose requests are logged; CSP violations are reported as console errors and tile
 * requests answered with PNG.
 */
async function fresh(options = {}) {
  const ctx = await freshContext(browser, { serviceWorkers: "block", ...options });
  const log = [];
  ctx.on("request", (r) => log.push(local(r.url())));
  await ctx.route(TILES + "**", (route) => route.fulfill({ status: 200, contentType: "image/png", body: PNG }));
  await ctx.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI || "inline"}`);
    });
  });
  return { ctx, log };
}

async function open(ctx, path) {
  const page = watch(await ctx.newPage());
  const res = await page.goto(base + path);
  assert(res.status() === 200, path + ": HTTP " + res.status());
  return { page, res };
}

/** The page with its scripts run (the button shown) and a moment for anything late. */
async function ready(page) {
  await page.waitForSelector(".provider-map button", { state: "visible" });
  await page.waitForLoadState("networkidle");
}

async function status(page) {
  return (await page.textContent(".provider-map-status")).trim();
}

/** Presses the button and waits for every marker of map.json. */
async function openMap(page) {
  await page.click(".provider-map button");
  await page.waitForFunction((n) => document.querySelectorAll("#provider-map-box .leaflet-marker-icon").length === n, points.length);
}

const mapParts = (log) => log.filter((u) => MAP_PART.test(u));

// ---------------------------------------------------------------------------------------

const browser = await launch();

await check("a freshly loaded list requests nothing of the map; the button is shown, closed", async () => {
  for (const path of [LIST, PRESORTED]) {
    const { ctx, log } = await fresh();
    const { page, res } = await open(ctx, path);
    await ready(page);
    await page.waitForTimeout(300);
    assert(!mapParts(log).length, path + ": requested before the button was pressed:\n  " + mapParts(log).join("\n  "));
    assert(log.some((u) => /^\/provider-map\.[0-9a-f]+\.js$/.test(u)), path + ": provider-map.js is loaded: " + log.join(" "));
    const button = page.locator(".provider-map button");
    assert((await button.textContent()).trim() === SHOW, path + ": the button says «" + SHOW + "»");
    assert((await button.getAttribute("aria-expanded")) === "false", path + ": aria-expanded=false");
    assert(await page.locator("#provider-map-box").isHidden(), path + ": the map area is hidden");
    // The server sends netlify.toml's policy: tiles are the one image source from elsewhere.
    const csp = res.headers()["content-security-policy"] || "";
    const directive = (name) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(name + " ")) || "";
    assert(directive("img-src") === "img-src 'self' data: " + TILES.slice(0, -1), "img-src: " + directive("img-src"));
    assert(directive("script-src") === "script-src 'self'" && directive("connect-src") === "connect-src 'self'", "scripts and fetches stay local: " + csp);
  }
});

let fetched = {};
await check("pressing the button loads Leaflet, map.json and tiles: a marker per provider, attribution; again hides it", async () => {
  const { ctx, log } = await fresh();
  const { page } = await open(ctx, LIST);
  await ready(page);
  const sizes = {};
  page.on("response", async (r) => {
    const u = local(r.url());
    if (/\/vendor\/leaflet\/|\/map\.json$/.test(u)) sizes[u] = (await r.body().catch(() => Buffer.alloc(0))).length;
  });
  await openMap(page);
  await page.waitForFunction(() => document.querySelector("#provider-map-box .leaflet-tile-loaded"));
  const parts = mapParts(log);
  for (const want of [/^\/vendor\/leaflet\/leaflet\.[0-9a-f]+\.js$/, /^\/vendor\/leaflet\/leaflet\.[0-9a-f]+\.css$/, /^\/providers\/map\.json$/, /^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/]) {
    assert(parts.some((u) => want.test(u)), "requested on the press: " + want + "\n  " + parts.join("\n  "));
  }
  // Markers: one per entry of map.json, named by the provider's title, their icon shown
  // (waited for: on a loaded machine the icon may arrive after the first tile).
  await page
    .waitForFunction(
      () => [...document.querySelectorAll("#provider-map-box .leaflet-marker-icon")].every((i) => i.complete && i.naturalWidth > 0),
      { timeout: 10000 },
    )
    .catch(() => {});
  const markers = await page.$$eval("#provider-map-box .leaflet-marker-icon", (imgs) =>
    imgs.map((i) => ({ alt: i.alt, loaded: i.complete && i.naturalWidth > 0, src: new URL(i.src).pathname })),
  );
  assert(same(markers.map((m) => m.alt).sort(), points.map((p) => p[1]).sort()), "markers: " + JSON.stringify(markers));
  assert(markers.every((m) => m.loaded && m.src.startsWith("/vendor/leaflet/images/")), "marker icons load from /vendor/leaflet/images/: " + JSON.stringify(markers));
  // OpenStreetMap's attribution, linked to its copyright page.
  const attribution = await page.$eval("#provider-map-box .leaflet-control-attribution", (e) => ({
    text: e.textContent.trim(),
    href: (e.querySelector("a") || {}).href || "",
    visible: e.getBoundingClientRect().height > 0,
  }));
  assert(attribution.text === ATTRIBUTION && attribution.href === "https://www.openstreetmap.org/copyright" && attribution.visible, "attribution: " + JSON.stringify(attribution));
  // Controls in Russian; the button, the live region and the focus.
  const zoom = await page.$$eval("#provider-map-box .leaflet-control-zoom a", (as) => as.map((a) => a.getAttribute("aria-label")));
  assert(same(zoom, ["Приблизить", "Отдалить"]), "zoom buttons: " + zoom.join(", "));
  const button = page.locator(".provider-map button");
  assert((await button.textContent()).trim() === HIDE && (await button.getAttribute("aria-expanded")) === "true", "the button says «" + HIDE + "», expanded");
  assert((await status(page)) === `Организаций на карте: ${points.length}.`, "the live region: " + (await status(page)));
  assert((await page.getAttribute(".provider-map-status", "aria-live")) === "polite", "the status is a polite live region");
  assert((await page.evaluate(() => document.activeElement && document.activeElement.id)) === "provider-map-box", "the focus moves to the map");
  assert(await page.locator("main ul.cards > li.card").first().isVisible(), "the list stays below");
  const tiles = log.filter((u) => u.startsWith(TILES)).length;
  // Keyboard: Tab from the map reaches a marker; Enter opens its popup, which links the
  // provider's page and names its address.
  await page.keyboard.press("Tab");
  const alt = await page.evaluate(() => document.activeElement.classList.contains("leaflet-marker-icon") && document.activeElement.alt);
  const point = points.find((p) => p[1] === alt);
  assert(point, "Tab from the map reaches a marker: " + alt);
  await page.keyboard.press("Enter");
  await page.waitForSelector("#provider-map-box .leaflet-popup");
  const popup = await page.$eval("#provider-map-box .leaflet-popup", (p) => ({
    href: p.querySelector(".leaflet-popup-content a").getAttribute("href"),
    text: p.querySelector(".leaflet-popup-content").textContent,
    close: (p.querySelector(".leaflet-popup-close-button") || { getAttribute: () => "" }).getAttribute("aria-label"),
  }));
  assert(popup.href === point[0] && (!point[4] || popup.text.includes(point[4])) && popup.close === "Закрыть", "popup: " + JSON.stringify(popup));
  // Again: hidden, the button back; and shown again without loading anything anew.
  await button.click();
  assert(await page.locator("#provider-map-box").isHidden(), "a second press hides the map");
  assert((await button.textContent()).trim() === SHOW && (await button.getAttribute("aria-expanded")) === "false", "the button is back to «" + SHOW + "»");
  assert((await status(page)) === "Карта скрыта.", "the live region: " + (await status(page)));
  const before = mapParts(log).filter((u) => !u.startsWith(TILES)).length;
  await button.click();
  assert(await page.locator("#provider-map-box").isVisible(), "a third press shows it again");
  assert(mapParts(log).filter((u) => !u.startsWith(TILES)).length === before, "Leaflet and map.json are loaded once");
  fetched = sizes;
  console.log(`      (${points.length} marker(s), ${tiles} tile request(s) answered here)`);
});

await check("without JavaScript: no button, and the list gives each provider's address with a geo: link", async () => {
  const { ctx, log } = await fresh({ javaScriptEnabled: false });
  for (const path of [LIST, PRESORTED]) {
    const { page } = await open(ctx, path);
    assert(!(await page.locator(".provider-map button").isVisible()), path + ": no visible button");
    assert(!(await page.locator(".provider-map").isVisible()), path + ": the map widget is hidden");
    for (const [url, title, lat, lon, address] of points) {
      const card = page.locator("main li.card", { has: page.locator(`.card-title a[href="${url}"]`) }).first();
      assert(await card.isVisible(), `${path}: ${title} is listed`);
      const geo = await card.locator(`a[href="geo:${lat},${lon}"]`).count();
      assert(geo === 1, `${path}: ${title} has its geo: link (geo:${lat},${lon})`);
      if (address) assert((await card.textContent()).includes(address), `${path}: ${title} shows its address`);
    }
  }
  assert(!mapParts(log).length, "nothing of the map is requested: " + mapParts(log).join(" "));
});

await check("the list with the map open, and a popup open, passes axe (WCAG 2.2 A/AA)", async () => {
  for (const width of [360, 1280]) {
    const { ctx } = await fresh({ viewport: { width, height: 800 } });
    const { page } = await open(ctx, LIST);
    await ready(page);
    const found = (await axeLines(page)).map((v) => "closed: " + v);
    await openMap(page);
    await page.waitForFunction(() => document.querySelector("#provider-map-box .leaflet-tile-loaded"));
    found.push(...(await axeLines(page)).map((v) => "open: " + v));
    await page.click("#provider-map-box .leaflet-marker-icon");
    await page.waitForSelector("#provider-map-box .leaflet-popup");
    found.push(...(await axeLines(page)).map((v) => "popup: " + v));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    assert(!wide, `${width} px: the page scrolls sideways with the map open`);
    assert(!found.length, `${width} px: ${found.length} violations:\n  ` + found.join("\n  "));
  }
});

await check("a failed load (offline) says so, keeps the list, and the next press tries again", async () => {
  for (const part of ["**/map.json", "**/vendor/leaflet/leaflet.*.js"]) {
    const { ctx } = await fresh();
    await ctx.route(base + "/" + part, (route) => route.abort("internetdisconnected"));
    const { page } = await open(ctx, LIST);
    await ready(page);
    await page.click(".provider-map button");
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector(".provider-map-status").textContent), FAILED.source);
    assert(await page.locator("#provider-map-box").isHidden(), part + ": no broken map is shown");
    const button = page.locator(".provider-map button");
    assert((await button.textContent()).trim() === SHOW && (await button.getAttribute("aria-expanded")) === "false", part + ": the button still offers the map");
    assert(await page.locator("main ul.cards > li.card").first().isVisible(), part + ": the list is still there");
    forgive((p) => /request failed: .*(map\.json|leaflet\.[0-9a-f]+\.js) net::ERR_INTERNET_DISCONNECTED|ERR_INTERNET_DISCONNECTED/.test(p));
    // Online again.
    await ctx.unroute(base + "/" + part);
    await openMap(page);
    assert((await status(page)) === `Организаций на карте: ${points.length}.`, part + ": the retry works: " + (await status(page)));
  }
});

await check("provider-map.js is small and deferred, on provider lists only; Leaflet is served with its licence", async () => {
  for (const path of [LIST, PRESORTED, "/services/", "/standards/"]) {
    const html = await (await fetch(base + path)).text();
    const m = /<script[^>]* src="\/(provider-map\.[0-9a-f]+\.js)"[^>]*>/.exec(html);
    if (!path.startsWith("/providers/")) {
      assert(!m && !html.includes("provider-map"), path + " has no map");
      continue;
    }
    assert(m && / defer\b/.test(m[0]), path + ": provider-map.js is loaded, deferred");
    assert(!/<script(?![^>]*\bsrc=)/.test(html), path + ": no inline script");
    assert(!/leaflet/.test(html.replace(/data-(js|css|images)="[^"]*"/g, "")), path + ": Leaflet is named only in the widget's data- attributes");
    const size = gzipSync(Buffer.from(await (await fetch(base + "/" + m[1])).arrayBuffer())).length;
    assert(size <= 2048, "provider-map.js gzipped: " + size + " bytes");
    if (path === LIST) console.log(`      (provider-map.js: ${size} bytes gzipped)`);
  }
  const licence = await fetch(base + "/vendor/leaflet/LICENSE");
  assert(licence.status === 200 && /BSD 2-Clause/.test(await licence.text()), "Leaflet's LICENSE is served beside it");
  if (Object.keys(fetched).length) {
    const gz = async (u) => gzipSync(Buffer.from(await (await fetch(base + u)).arrayBuffer())).length;
    const rows = [];
    for (const [u, n] of Object.entries(fetched).sort()) rows.push(`${u}: ${n} bytes (${await gz(u)} gzipped)`);
    console.log("      fetched on the press, besides tiles:\n        " + rows.join("\n        "));
  }
});

await browser.close();
summary();
