// Browser half of scripts/bench-search.sh (read its header first): serves a built site
// with server.mjs and drives Debian's chromium with playwright-core through a fixed list
// of queries, on socnav's search page and on a Pagefind page over the same site.
//
// Usage: node bench.mjs --out OUT --n N --tmp DIR [--pagefind] [--json FILE [--meta JSON]]
//   OUT   the built site (socnav build output; with --pagefind, Pagefind's bundle in
//         OUT/pagefind/; this script writes OUT/pf-bench.html)
//   DIR   a scratch folder for the TLS certificate
// Environment: CHROMIUM (default /usr/bin/chromium), BENCH_SEARCH_QUERIES (a file with
// one query a line, instead of the built-in list), BENCH_SEARCH_VERBOSE=1 (every
// request of every measurement).
import { fork, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LATENCY = 400; // ms per round trip
const RATE = 50000; // bytes/s, 400 kbit/s
const KB = 1000;
const WARMUP = "адвокат"; // shares no word or prefix with the queries below

// Realistic queries, adjusted to the synthetic catalogue's vocabulary: it has no
// "материнский капитал" and no "санаторий" (only "санаторно-курортное лечение"), so
// those two are replaced by "материальная помощь" and "санаторно-курортное лечение".
const QUERIES = [
  "пособие на ребёнка",
  "материальная помощь",
  "пенсия по инвалидности",
  "субсидия на оплату жкх",
  "пособие по безработице",
  "социальный контракт",
  "компенсация за коммунальные услуги",
  "уход за ребёнком",
  "санаторно-курортное лечение",
  "многодетная семья",
  "выплата беременным",
  "инвалидность",
  "центр занятости",
  "путёвка",
  "пасобие",
  "пенсия",
  "ежемесячная выплата",
  "помощь на дому",
  "мфц",
  "ветеран",
];

function arg(name, def) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
}
const OUT = arg("--out");
const N = Number(arg("--n", "0"));
const TMP = arg("--tmp");
const WITH_PF = process.argv.includes("--pagefind");
const JSON_OUT = arg("--json");
const META = JSON.parse(arg("--meta", "{}"));
const VERBOSE = process.env.BENCH_SEARCH_VERBOSE === "1";
if (!OUT || !TMP || !fs.existsSync(path.join(OUT, "search/index.html"))) {
  console.error("bench.mjs: --out must be a built socnav site (with search/index.html), --tmp a folder");
  process.exit(2);
}
const queries = process.env.BENCH_SEARCH_QUERIES
  ? fs.readFileSync(process.env.BENCH_SEARCH_QUERIES, "utf8").split("\n").map((s) => s.trim()).filter(Boolean)
  : QUERIES;
const coldBudget = N > 10000 ? 30 : 15; // KB: 30 at 100k services, 15 at 10k and below
const warmBudget = 10;

// ---------------------------------------------------------------- the Pagefind page
function writePagefindPage() {
  const html = fs.readFileSync(path.join(OUT, "search/index.html"), "utf8");
  const css = (html.match(/<link rel="stylesheet" href="([^"]+)"/) || [])[1];
  // Same chrome as socnav's search page (its stylesheet), the same 120 ms debounce and
  // the same done marker; pagefind.js is imported at page load, as socnav's scripts are.
  const page = `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind — поиск (бенчмарк)</title>
${css ? `<link rel="stylesheet" href="${css}">` : ""}
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body data-pagefind-ignore="all">
<main>
<form id="search-form" role="search" onsubmit="return false"><input id="q" type="search" autocomplete="off"></form>
<p id="search-status"></p>
<ol id="search-results" data-state="idle"></ol>
</main>
<script type="module">
import * as pagefind from "/pagefind/pagefind.js";
const input = document.getElementById("q");
const list = document.getElementById("search-results");
const status = document.getElementById("search-status");
let seq = 0, timer;
pagefind.init();
async function run() {
  const q = input.value, my = ++seq;
  if (!q.trim()) { list.textContent = ""; list.setAttribute("data-state", "idle"); return; }
  list.setAttribute("data-state", "loading");
  const search = await pagefind.search(q);
  if (my !== seq) return;
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  if (my !== seq) return;
  list.textContent = "";
  for (const d of data) {
    const li = document.createElement("li"), a = document.createElement("a");
    a.href = d.url;
    a.textContent = (d.meta && d.meta.title) || d.url;
    li.appendChild(a);
    list.appendChild(li);
  }
  status.textContent = search.results.length ? "Найдено: " + search.results.length + "." : "Ничего не нашлось.";
  list.setAttribute("data-q", q);
  list.setAttribute("data-state", "done");
}
input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
document.body.setAttribute("data-ready", "1");
</script>
</body>
</html>
`;
  fs.writeFileSync(path.join(OUT, "pf-bench.html"), page);
}

// ---------------------------------------------------------------- server
function startServer() {
  const cert = path.join(TMP, "cert.pem");
  const key = path.join(TMP, "key.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
    "-days", "2", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
  const child = fork(path.join(HERE, "server.mjs"), [OUT, cert, key, String(LATENCY), String(RATE)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let seq = 0;
  const waiting = new Map();
  let ready;
  const readyP = new Promise((res, rej) => {
    ready = res;
    child.on("exit", (code) => rej(new Error("server exited with " + code)));
  });
  child.on("message", (m) => {
    if (m.ready) return ready(m.port);
    const w = waiting.get(m.id);
    if (w) {
      waiting.delete(m.id);
      w(m);
    }
  });
  const call = (cmd, extra = {}) =>
    new Promise((res) => {
      const id = ++seq;
      waiting.set(id, res);
      child.send({ id, cmd, ...extra });
    });
  return { child, readyP, call };
}

// ---------------------------------------------------------------- measuring
const OBSERVER = `(() => {
  window.__bench = { done: [] };
  new MutationObserver((ms) => {
    for (const m of ms) {
      const t = m.target;
      if (t.id === "search-results" && t.getAttribute("data-state") === "done") {
        window.__bench.done.push({ at: performance.now(), url: location.search, q: t.getAttribute("data-q") });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
})();`;

const ENGINES = {
  socnav: {
    url: "/search/",
    ready: () => !!(window.socnavText && document.getElementById("q")),
  },
  pagefind: {
    url: "/pf-bench.html",
    ready: () => document.body && document.body.getAttribute("data-ready") === "1",
  },
};

// The requests a search costs: scripts and index files, not the page's HTML, CSS, icon.
function isSearch(e) {
  return /\.m?js$/.test(e.path) || /^\/search\/[^/]+\//.test(e.path) || e.path.startsWith("/pagefind/");
}

// Sequential round trips: a request that arrived after another had been answered may
// have waited for it; depth is the longest such chain.
function roundTrips(entries) {
  const es = entries.slice().sort((a, b) => a.arrive - b.arrive);
  const d = new Map();
  let max = 0;
  for (const r of es) {
    let k = 1;
    for (const s of es) if (s !== r && s.end !== null && s.end <= r.arrive) k = Math.max(k, (d.get(s) || 1) + 1);
    d.set(r, k);
    max = Math.max(max, k);
  }
  return { depth: max, levels: d };
}

async function settledLog(server, mark) {
  for (let i = 0; i < 40; i++) {
    const { log } = await server.call("log", { since: mark });
    if (log.every((e) => e.end !== null)) return log;
    await new Promise((r) => setTimeout(r, 50));
  }
  return (await server.call("log", { since: mark })).log;
}

async function waitDone(page, engine, q) {
  return page.waitForFunction(
    ([engine, q]) => {
      // socnav's search.js writes the query it runs into the address (?q=) as it starts
      const hit = (window.__bench.done || [])
        .filter((d) => (engine === "socnav" ? new URLSearchParams(d.url).get("q") === q.trim() : d.q === q))
        .pop();
      return hit ? hit.at : false;
    },
    [engine, q],
    { timeout: 60000, polling: 20 },
  ).then((h) => h.jsonValue());
}

async function collect(page) {
  return page.evaluate(() => {
    const links = Array.from(document.querySelectorAll("#search-results li a"));
    return {
      status: (document.getElementById("search-status") || {}).textContent || "",
      shown: links.length,
      top: links.slice(0, 3).map((a) => a.textContent.trim()),
    };
  });
}

function found(status, shown) {
  const m = /Найдено:\s*(\d+)/.exec(status);
  return m ? Number(m[1]) : /Ничего не нашлось/.test(status) ? 0 : shown;
}

async function openPage(browser, base, engine, emulated, server) {
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true, serviceWorkers: "block" });
  await ctx.addInitScript(OBSERVER);
  const page = await ctx.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push("pageerror: " + e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push("HTTP " + r.status() + " " + new URL(r.url()).pathname);
  });
  await server.call("emulate", { on: emulated });
  const { mark } = await server.call("mark");
  await page.goto(base + ENGINES[engine].url, { waitUntil: "load", timeout: 120000 });
  await page.waitForFunction(ENGINES[engine].ready, null, { timeout: 60000 });
  return { ctx, page, errors, mark };
}

function summarise(log) {
  const all = log.filter(isSearch);
  const rt = roundTrips(all);
  return {
    requests: all.length,
    bytes: all.reduce((s, e) => s + e.bytes, 0),
    rt: rt.depth,
    files: all.map((e) => ({ path: e.path, status: e.status, bytes: e.bytes, enc: e.enc, proto: e.proto, level: rt.levels.get(e) })),
    other: log.filter((e) => !isSearch(e)).map((e) => e.path + " " + e.status),
  };
}

// Cold: a fresh context (empty cache), the link slow from the first byte. Open the
// search page, type the query as soon as the page has loaded. Counted: the scripts and
// every index file. Time: from the page's HTML arriving to the results drawn (so it
// includes the scripts, typing and the 120 ms debounce).
async function cold(browser, base, engine, q, server) {
  const { ctx, page, errors, mark } = await openPage(browser, base, engine, true, server);
  try {
    await page.focus("#q");
    await page.keyboard.type(q);
    const at = await waitDone(page, engine, q);
    const htmlEnd = await page.evaluate(() => performance.getEntriesByType("navigation")[0].responseEnd);
    const res = await collect(page);
    const log = await settledLog(server, mark);
    return { ...summarise(log), ms: at - htmlEnd, ...res, found: found(res.status, res.shown), errors };
  } finally {
    await ctx.close();
  }
}

// Warm: another query first (fast link), so the scripts (and Pagefind's wasm and
// metadata) are loaded; then the slow link, clear the box, type the query. Counted:
// what the second query fetched. Time: from the first keystroke to the results drawn.
async function warm(browser, base, engine, q, server) {
  const { ctx, page, errors } = await openPage(browser, base, engine, false, server);
  try {
    await page.focus("#q");
    await page.keyboard.type(WARMUP);
    await waitDone(page, engine, WARMUP);
    await page.fill("#q", "");
    await page.waitForFunction(() => document.getElementById("search-results").getAttribute("data-state") === "idle", null, { timeout: 10000 });
    await server.call("emulate", { on: true });
    const { mark } = await server.call("mark");
    errors.length = 0;
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.type(q);
    const at = await waitDone(page, engine, q);
    const res = await collect(page);
    const log = await settledLog(server, mark);
    return { ...summarise(log), ms: at - t0, ...res, found: found(res.status, res.shown), errors };
  } finally {
    await server.call("emulate", { on: false });
    await ctx.close();
  }
}

// ---------------------------------------------------------------- report
const pad = (s, n) => {
  s = String(s);
  const w = [...s].length;
  return w >= n ? s : s + " ".repeat(n - w);
};
const lpad = (s, n) => {
  s = String(s);
  const w = [...s].length;
  return w >= n ? s : " ".repeat(n - w) + s;
};
const kb = (b) => (b / KB).toFixed(1);
const sec = (ms) => (ms / 1000).toFixed(2);
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function engineCols(r) {
  if (!r) return "";
  return [
    lpad(r.cold.requests + "/" + r.warm.requests, 9),
    lpad(r.cold.rt + "/" + r.warm.rt, 5),
    lpad(kb(r.cold.bytes), 7),
    lpad(kb(r.warm.bytes), 7),
    lpad(sec(r.cold.ms), 6),
    lpad(sec(r.warm.ms), 6),
    lpad(r.cold.found + (/Нет записей, где есть все слова/.test(r.cold.status) ? "*" : ""), 6),
  ].join(" ");
}
const ENGINE_HEAD = [lpad("req", 9), lpad("RT", 5), lpad("KBcold", 7), lpad("KBwarm", 7), lpad("s cold", 6), lpad("s warm", 6), lpad("found", 6)].join(" ");

function verdict(r) {
  const why = [];
  if (r.cold.rt > 2) why.push("cold RT " + r.cold.rt + " > 2");
  if (r.cold.bytes > coldBudget * KB) why.push("cold " + kb(r.cold.bytes) + " KB > " + coldBudget);
  if (r.warm.bytes > warmBudget * KB) why.push("warm " + kb(r.warm.bytes) + " KB > " + warmBudget);
  if (r.cold.found === 0) why.push("no results");
  // a word in no record is a 404 by design: Chrome logs those, they are not errors here
  const errs = r.cold.errors.concat(r.warm.errors).filter((e) => !/status of 404|^HTTP 404 \/search\//.test(e));
  if (errs.length) why.push("console errors");
  return why;
}

function printFiles(label, m) {
  console.log("      " + label + ": " + m.requests + " requests, " + kb(m.bytes) + " KB, " + m.rt + " round trips, " + sec(m.ms) + " s; " + m.status.trim());
  for (const f of m.files) console.log("        RT" + f.level + " " + f.status + " " + lpad(f.bytes, 7) + " B " + f.enc.padEnd(8) + " " + f.path);
  const errs = m.errors;
  for (const e of errs) console.log("        console: " + e);
}

async function main() {
  if (WITH_PF) writePagefindPage();
  const server = startServer();
  const port = await server.readyP;
  const base = "https://127.0.0.1:" + port;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox"],
      headless: true,
    });
  } catch (e) {
    console.error("bench.mjs: cannot start chromium: " + e.message);
    server.child.kill();
    process.exit(3);
  }
  const engines = WITH_PF ? ["socnav", "pagefind"] : ["socnav"];
  const rows = [];
  console.log(`Link emulated at the server: ${LATENCY} ms per round trip, ${RATE} B/s shared; HTTP/2, gzip. KB = ${KB} bytes (response bodies as sent).`);
  console.log(`req, RT = cold/warm requests and sequential round trips (cold counts the scripts). s cold = from the page's HTML to results; s warm = from the first keystroke (both include the 120 ms debounce).`);
  console.log(`found = results the page reports (socnav: "Найдено: N"; * = none has every word, the page shows partial matches).`);
  console.log(`Budget (socnav): cold <= 2 RT and <= ${coldBudget} KB, warm <= ${warmBudget} KB.`);
  console.log("");
  const qw = Math.max(...queries.map((q) => [...q].length)) + 1;
  console.log(pad("", qw) + " | " + pad("socnav", ENGINE_HEAD.length) + (WITH_PF ? " | " + pad("pagefind", ENGINE_HEAD.length) : "") + " | budget");
  console.log(pad("query", qw) + " | " + ENGINE_HEAD + (WITH_PF ? " | " + ENGINE_HEAD : "") + " |");
  const problems = [];
  for (const q of queries) {
    const row = { q };
    for (const e of engines) {
      try {
        row[e] = { cold: await cold(browser, base, e, q, server), warm: await warm(browser, base, e, q, server) };
      } catch (err) {
        console.error(`bench.mjs: ${e} "${q}" failed: ${err.message.split("\n")[0]}`);
        row[e] = null;
      }
    }
    rows.push(row);
    const why = row.socnav ? verdict(row.socnav) : ["measurement failed"];
    row.pass = !why.length;
    console.log(pad(q, qw) + " | " + (row.socnav ? engineCols(row.socnav) : pad("failed", ENGINE_HEAD.length)) +
      (WITH_PF ? " | " + (row.pagefind ? engineCols(row.pagefind) : pad("failed", ENGINE_HEAD.length)) : "") +
      " | " + (why.length ? "FAIL (" + why.join("; ") + ")" : "PASS"));
    if (why.length && row.socnav) problems.push(row);
  }
  // medians and maxes
  for (const [name, f] of [["median", median], ["max", (xs) => Math.max(...xs)]]) {
    const cols = (e) => {
      const rs = rows.map((r) => r[e]).filter(Boolean);
      if (!rs.length) return pad("", ENGINE_HEAD.length);
      const g = (k, m) => f(rs.map((r) => r[m][k]));
      return [
        lpad(g("requests", "cold") + "/" + g("requests", "warm"), 9),
        lpad(g("rt", "cold") + "/" + g("rt", "warm"), 5),
        lpad(kb(g("bytes", "cold")), 7),
        lpad(kb(g("bytes", "warm")), 7),
        lpad(sec(g("ms", "cold")), 6),
        lpad(sec(g("ms", "warm")), 6),
        lpad("", 6),
      ].join(" ");
    };
    console.log(pad(name, qw) + " | " + cols("socnav") + (WITH_PF ? " | " + cols("pagefind") : "") + " |");
  }
  const passed = rows.filter((r) => r.pass).length;
  console.log(`socnav budget: ${passed}/${rows.length} queries PASS`);
  if (problems.length || VERBOSE) {
    console.log("");
    console.log("Details" + (VERBOSE ? "" : " of the queries that failed") + " (socnav; RTn = round trip of the request):");
    for (const row of VERBOSE ? rows.filter((r) => r.socnav) : problems) {
      console.log("  " + row.q);
      printFiles("cold", row.socnav.cold);
      printFiles("warm", row.socnav.warm);
      if (VERBOSE && row.pagefind) {
        printFiles("pagefind cold", row.pagefind.cold);
        printFiles("pagefind warm", row.pagefind.warm);
      }
    }
  }
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ n: N, latency: LATENCY, rate: RATE, coldBudget, warmBudget, meta: META, rows }, null, 1));
  await browser.close();
  await server.call("stop").catch(() => {});
  server.child.kill();
  if (rows.some((r) => !r.socnav || (WITH_PF && !r.pagefind))) process.exitCode = 4;
}

main().catch((e) => {
  console.error("bench.mjs: " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
