// Print view of every service page: each prints as a checklist on at most two A4 pages.
// Run by tests/browser.rs as
//
//   node tests/browser/print.test.mjs http://127.0.0.1:PORT
//
// against the bundled catalogue built and served by that test. Headless Chromium from
// $CHROMIUM (default /usr/bin/chromium), driven by playwright-core (no browser download).
//
// The service pages are the /services/<slug>/ addresses of /sitemap.xml. For each one:
// the page is printed to an A4 PDF (print media, no backgrounds) and its pages counted;
// with print media emulated, the documents list shows an empty check box before each
// document, the place to apply, the decision deadline, the date the page was checked and
// the printed-from line are visible, and the header search, the menu, the table of
// contents, forms, buttons and the like are display:none; with screen media, the
// printed-from line is hidden. A console error, an uncaught exception, a failed request
// or an error response (the Content-Security-Policy of the test server included) fails
// the page. Every page is checked; the failures are listed together at the end. With
// PRINT_PDF_DIR set, the PDFs are also written there (<slug>.pdf), to look at.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { baseUrl, launch, watchPage } from "./lib.mjs";

const base = baseUrl("print.test.mjs");
// Each page's time limit: longer than the other scripts' (lib.mjs's TIMEOUT).
const TIMEOUT = 15000;
const MAX_PAGES = 2;
const PDF_DIR = process.env.PRINT_PDF_DIR || "";
if (PDF_DIR) mkdirSync(PDF_DIR, { recursive: true });

// Must be display:none in print (the element itself or an ancestor): what a printed sheet
// cannot use.
const HIDDEN_IN_PRINT = [
  ".skip",
  ".site-header .search",
  ".main-nav",
  ".toc",
  ".footer-links",
  ".feedback",
  "form",
  "button",
  "input",
  "select",
  "textarea",
];

// ---------------------------------------------------------------------------------------
// Helpers.

/** The number of pages of a PDF: its page objects (`/Type /Page`, not `/Pages`),
 * checked against the largest `/Count` of a page tree (the root's). */
function pdfPageCount(buf) {
  const text = buf.toString("latin1");
  const objects = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
  const counts = [...text.matchAll(/\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  const root = counts.length ? Math.max(...counts) : null;
  if (!objects && root === null) throw new Error("no page objects found in the PDF");
  if (objects && root !== null && objects !== root) {
    throw new Error(`the PDF has ${objects} page objects but its page tree counts ${root}`);
  }
  return objects || root;
}

/** The service pages, from the sitemap: /services/<slug>/. */
async function servicePages() {
  const res = await fetch(base + "/sitemap.xml");
  if (!res.ok) throw new Error("GET /sitemap.xml: HTTP " + res.status);
  const locs = [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (m) => new URL(m[1].trim()).pathname,
  );
  return [...new Set(locs.filter((p) => /^\/services\/[^/]+\/$/.test(p)))].sort();
}

/** With print media emulated: what the printed sheet shows and hides. Returns a list of
 * problems (empty when all is well). Runs in the page. */
function printView(hiddenSelectors) {
  const problems = [];
  const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
  const hiddenByDisplay = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (getComputedStyle(e).display === "none") return true;
    }
    return false;
  };
  const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const printed = norm(document.body.innerText);

  // The print stylesheet is linked for print only, and loaded.
  const link = [...document.querySelectorAll('link[rel="stylesheet"]')].find((l) =>
    /\/print\.[0-9a-f]+\.css$/.test(new URL(l.href).pathname),
  );
  if (!link) problems.push("no <link rel=stylesheet> to print.<hash>.css");
  else {
    if (link.media !== "print") problems.push(`print.css has media="${link.media}", not "print"`);
    let rules = 0;
    try {
      rules = link.sheet ? link.sheet.cssRules.length : 0;
    } catch (e) {
      /* unreadable sheet: counted as not loaded */
    }
    if (!rules) problems.push("print.css did not load (no rules)");
  }

  // Hidden: navigation, search, forms, buttons.
  for (const sel of hiddenSelectors) {
    const bad = [...document.querySelectorAll(sel)].filter((el) => !hiddenByDisplay(el));
    if (bad.length) problems.push(`${sel}: ${bad.length} element(s) not display:none in print`);
  }

  // Shown: a part that must be on the sheet, with its text.
  const must = (what, el) => {
    if (!el) {
      problems.push(`${what}: missing from the page`);
      return;
    }
    const text = norm(el.innerText || el.textContent);
    if (!shown(el) || !text) problems.push(`${what}: not shown in print`);
    else if (!printed.includes(text)) problems.push(`${what}: «${text}» not in the printed text`);
  };
  must("title", document.querySelector("main h1"));
  must("«Кратко» facts", document.querySelector("#kratko ~ .facts, section[aria-labelledby=kratko] .facts"));
  must("documents heading", document.getElementById("dokumenty"));

  // The documents checklist: each document with an empty check box before it.
  const docs = [...document.querySelectorAll("ul.checklist > li")];
  if (!docs.length) problems.push("documents checklist: no ul.checklist > li");
  let noBox = 0;
  for (const li of docs) {
    if (!shown(li) || !printed.includes(norm(li.querySelector(".doc-title")?.innerText))) {
      problems.push(`document «${norm(li.textContent).slice(0, 60)}»: not shown in print`);
      continue;
    }
    const b = getComputedStyle(li, "::before");
    const drawn =
      b.content !== "none" &&
      b.content !== "normal" &&
      b.display !== "none" &&
      b.visibility !== "hidden";
    const border =
      b.borderTopStyle !== "none" &&
      parseFloat(b.borderTopWidth) >= 1 &&
      parseFloat(b.borderLeftWidth) >= 1 &&
      parseFloat(b.width) >= 6 &&
      parseFloat(b.height) >= 6 &&
      !/^rgba?\(255, 255, 255|rgba\(\d+, \d+, \d+, 0\)/.test(b.borderTopColor);
    const glyph = /[☐□❏]/.test(b.content);
    if (!drawn || !(border || glyph)) noBox++;
  }
  if (noBox) problems.push(`documents checklist: ${noBox} of ${docs.length} document(s) without a visible check box`);

  // Where to apply, the decision deadline, the reviewed date.
  const where = [...document.querySelectorAll("main p")].find(
    (p) => norm(p.querySelector("strong")?.textContent) === "Где подать:",
  );
  must("where to apply («Где подать:»)", where);
  const decision = [...document.querySelectorAll("main .facts dt")].find(
    (dt) => norm(dt.textContent) === "Решение:",
  );
  must("decision deadline («Решение:»)", decision && decision.parentElement);
  must("date checked («Проверено:»)", document.querySelector(".review .reviewed"));
  const time = document.querySelector(".review .reviewed time[datetime]");
  if (!time) problems.push("date checked: no <time datetime> in .reviewed");

  // Who provides it: each provider's name and contacts.
  const cards = [...document.querySelectorAll("section[aria-labelledby=kto-predostavlyaet] .card")];
  if (!cards.length) problems.push("providers: none on the page");
  for (const card of cards) must(`provider «${norm(card.querySelector("h3")?.textContent)}»`, card);

  must("printed-from line (.print-only)", document.querySelector(".print-only"));
  return problems;
}

// ---------------------------------------------------------------------------------------

const browser = await launch();
const context = await browser.newContext({ locale: "ru-RU" });

let urls = [];
try {
  urls = await servicePages();
} catch (e) {
  console.log("FAIL  cannot list the service pages: " + e.message);
  await browser.close();
  process.exit(1);
}
if (!urls.length) {
  console.log("FAIL  /sitemap.xml lists no /services/<slug>/ page");
  await browser.close();
  process.exit(1);
}

const rows = [];
const failures = [];
for (const url of urls) {
  const problems = [];
  let pages = null;
  const page = watchPage(await context.newPage(), (p) => problems.push(p), { base, timeout: TIMEOUT, consoleWhere: false });
  try {
    const res = await page.goto(base + url, { waitUntil: "load" });
    if (!res || res.status() !== 200) throw new Error("HTTP " + (res ? res.status() : "no response"));

    await page.emulateMedia({ media: "screen" });
    const onScreen = await page.evaluate(() =>
      [...document.querySelectorAll(".print-only")].filter((el) => el.checkVisibility()).length,
    );
    if (onScreen) problems.push(`.print-only: ${onScreen} element(s) shown on screen`);

    await page.emulateMedia({ media: "print" });
    problems.push(...(await page.evaluate(printView, HIDDEN_IN_PRINT)));

    const pdf = await page.pdf({ format: "A4", printBackground: false });
    if (PDF_DIR) writeFileSync(join(PDF_DIR, url.split("/").filter(Boolean).pop() + ".pdf"), pdf);
    pages = pdfPageCount(pdf);
    if (pages > MAX_PAGES) problems.push(`prints on ${pages} A4 pages (at most ${MAX_PAGES})`);
  } catch (e) {
    problems.push(String((e && e.message) || e).split("\n")[0]);
  } finally {
    await page.close().catch(() => {});
  }
  rows.push({ url, pages, ok: !problems.length });
  if (problems.length) failures.push({ url, problems });
}
await browser.close();

// The table: URL, pages.
const w = Math.max(...rows.map((r) => r.url.length));
console.log(`Service pages printed to A4 (at most ${MAX_PAGES} pages each):`);
console.log(`  ${"URL".padEnd(w)}  pages`);
for (const r of rows) {
  console.log(`${r.ok ? "  " : "✗ "}${r.url.padEnd(w)}  ${r.pages === null ? "—" : r.pages}`);
}
const counted = rows.filter((r) => r.pages !== null).map((r) => r.pages);
if (counted.length) {
  const hist = {};
  for (const n of counted) hist[n] = (hist[n] || 0) + 1;
  console.log(
    `  ${counted.length} pages printed; max ${Math.max(...counted)} A4 pages; ` +
      Object.entries(hist).map(([n, k]) => `${k} × ${n}`).join(", "),
  );
}

if (failures.length) {
  console.log(`\nFAIL  ${failures.length} of ${rows.length} service pages:`);
  for (const f of failures) {
    console.log(`  ${f.url}`);
    for (const p of f.problems) console.log(`      - ${p}`);
  }
  process.exit(1);
}
console.log(`\nok    all ${rows.length} service pages print as checklists on at most ${MAX_PAGES} A4 pages`);
