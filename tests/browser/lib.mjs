// What the browser test scripts (*.test.mjs) share: the base URL they are given, the
// browser, a tiny runner, the watch on every page, and axe-core. Each script keeps its
// own checks, constants and exceptions (passed here as options).
//
// A script is run by tests/browser.rs as `node tests/browser/<script> http://127.0.0.1:PORT`,
// against the bundled catalogue built and served by that test. Headless Chromium from
// $CHROMIUM (default /usr/bin/chromium), driven by playwright-core (no browser download).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

export const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
/** Default time limit of a page's actions and waits, in ms. */
export const TIMEOUT = 10000;
/** A search index file: search/<hash>/{w,p,f,q}/<name>.json. It answers 404 for a word no
 * record has (or a pair of words that needs no file), which is how the index says "no such
 * word". */
export const INDEX_FILE = /^\/search\/[0-9a-f]+\/[wpfq]\/[0-9a-f]{8}\.json$/;

/** The test server's URL from the command line (without a trailing /); with anything
 * else, prints the usage of `script` (e.g. "search.test.mjs") and exits with status 2. */
export function baseUrl(script) {
  const base = (process.argv[2] || "").replace(/\/$/, "");
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
    console.error(`usage: node tests/browser/${script} http://127.0.0.1:PORT`);
    process.exit(2);
  }
  return base;
}

/** Headless Chromium from $CHROMIUM; `options` add to or replace the defaults. */
export function launch(options = {}) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
    ...options,
  });
}

export function fail(message) {
  throw new Error(message);
}

export function assert(cond, message) {
  if (!cond) fail(message);
}

export function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Path (with query) of a URL on the test server at `base`, or the URL itself. */
export function localTo(base) {
  return (url) => {
    const u = new URL(url, base);
    return u.origin === base ? u.pathname + u.search : url;
  };
}

/**
 * Watches a page: calls `report(message)` for an uncaught exception, a console error, a
 * failed request and an error response (HTTP >= 400); sets the page's time limit.
 * Options:
 * - `base` (required): the test server's URL, to name its paths;
 * - `timeout`: the page's time limit (TIMEOUT);
 * - `ignoreConsole(text, where)`: true for a console error that is not a problem (`where`
 *   is the path of the script or resource it names, or "");
 * - `ignoreStatus(path, status, response)`: true for an error response that is not one;
 * - `consoleWhere`: append " (where)" to a console error's message (true);
 * - `failedRequests`: report failed requests (true);
 * - `paused()`: while true, only uncaught exceptions are reported.
 */
export function watchPage(page, report, options) {
  const {
    base,
    timeout = TIMEOUT,
    ignoreConsole = () => false,
    ignoreStatus = () => false,
    consoleWhere = true,
    failedRequests = true,
    paused = () => false,
  } = options;
  const local = localTo(base);
  page.setDefaultTimeout(timeout);
  page.on("pageerror", (e) => report("uncaught exception: " + e.message));
  page.on("console", (m) => {
    if (paused() || m.type() !== "error") return;
    const where = m.location() && m.location().url ? local(m.location().url) : "";
    if (ignoreConsole(m.text(), where)) return;
    report("console error: " + m.text() + (consoleWhere && where ? " (" + where + ")" : ""));
  });
  if (failedRequests) {
    page.on("requestfailed", (r) => {
      const why = r.failure() ? r.failure().errorText : "";
      // A request cut short by the next navigation is not an error of the site.
      if (paused() || why === "net::ERR_ABORTED") return;
      report("request failed: " + local(r.url()) + " " + why);
    });
  }
  page.on("response", (r) => {
    if (paused() || r.status() < 400) return;
    const path = local(r.url());
    if (ignoreStatus(path, r.status(), r)) return;
    report("HTTP " + r.status() + ": " + path);
  });
  return page;
}

/**
 * A tiny runner: checks run in order, a failure does not stop the rest. A check fails
 * when it throws or when a watched page reported a problem while it ran; the pages it
 * watched and the contexts it tracked are closed after it.
 *
 * Options: `base` (required) and those of watchPage; `skip(name)`: true for a check not
 * to run; `timed`: print how long each passing check took.
 *
 * Returns:
 * - `check(name, fn)`: runs `fn`, prints `ok    name` or `FAIL  name` and the error;
 * - `watch(page, { keep })`: watches a page for the running check and returns it; closed
 *   after the check unless `keep`;
 * - `track(context)`: closes a browser context after the check; returns it;
 * - `fresh(browser, options)`: a new context (locale ru-RU, then `options`), tracked;
 * - `forgive(match)`: the problems reported so far in this check that `match` are not
 *   the site's (an error the check caused on purpose);
 * - `local(url)`: the path (with query) of a URL on the test server;
 * - `summary()`: prints how many checks passed and failed, exits 1 if any failed, else 0.
 */
export function runner(options) {
  const { base, skip = () => false, timed = false } = options;
  let passed = 0;
  let failed = 0;
  let problems = [];
  const pages = [];
  const contexts = [];
  const report = (message) => problems.push(message);

  async function check(name, fn) {
    if (skip(name)) return;
    problems = [];
    const start = Date.now();
    try {
      await fn();
      if (problems.length) fail("the browser reported problems:\n  " + problems.join("\n  "));
      passed++;
      console.log("ok    " + name + (timed ? ` (${((Date.now() - start) / 1000).toFixed(1)} s)` : ""));
    } catch (e) {
      failed++;
      console.log("FAIL  " + name + "\n      " + String((e && e.stack) || e).split("\n").join("\n      "));
    } finally {
      for (const p of pages.splice(0)) await p.close().catch(() => {});
      for (const c of contexts.splice(0)) await c.close().catch(() => {});
    }
  }

  function watch(page, { keep = false } = {}) {
    if (!keep) pages.push(page);
    return watchPage(page, report, options);
  }

  function track(context) {
    contexts.push(context);
    return context;
  }

  async function fresh(browser, contextOptions = {}) {
    return track(await browser.newContext({ locale: "ru-RU", ...contextOptions }));
  }

  function forgive(match) {
    problems = problems.filter((p) => !match(p));
  }

  function summary() {
    console.log(`\n${passed} checks passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  }

  return { check, watch, track, fresh, forgive, local: localTo(base), summary };
}

// ---------------------------------------------------------------------------------------
// axe-core.

/** The WCAG 2.0/2.1/2.2 A and AA rules (best-practice rules off). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let axeSource = null;

/** axe's violations of AXE_TAGS on the page as it is now: id, impact, help, count (of
 * nodes) and the first 4 nodes (target, html, why). */
export async function axe(page) {
  // The server sends script-src 'self', which blocks an injected <script> tag; so axe's
  // source is evaluated over the DevTools protocol (page.evaluate), which CSP does not
  // govern. The pages themselves run under the site's real policy.
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      nodes: v.nodes.slice(0, 4).map((n) => ({
        target: n.target.join(" "),
        html: n.html.length > 200 ? n.html.slice(0, 200) + "…" : n.html,
        why: (n.failureSummary || "").split("\n").slice(1, 2).join("").trim(),
      })),
    }));
  }, AXE_TAGS);
}

/** The same violations, one line each: `id (count): help — first target`. */
export async function axeLines(page) {
  return (await axe(page)).map((v) => `${v.id} (${v.count}): ${v.help} — ${v.nodes[0].target}`);
}

/** Waits until the page has run the search for what the box and the filters hold: the
 * address shows them (the script keeps it in sync) and the results are drawn. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const form = document.getElementById("search-form");
    const list = document.getElementById("search-results");
    const want = [];
    const q = document.getElementById("q").value.trim();
    if (q) want.push(["q", q]);
    form.querySelectorAll("select").forEach((s) => {
      if (s.value) want.push([s.name, s.value]);
    });
    const have = Array.from(new URLSearchParams(location.search).entries());
    const same = JSON.stringify(want) === JSON.stringify(have);
    return same && list.getAttribute("data-state") === (want.length ? "done" : "idle");
  });
}
