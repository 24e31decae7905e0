// Accessibility (WCAG 2.2 AA) of every page type, and a keyboard-only walk through
// search, filters and forms. Run by tests/browser.rs as
//
//   node tests/browser/a11y.test.mjs http://127.0.0.1:PORT
//
// against the bundled catalogue built and served by that test. Headless Chromium from
// $CHROMIUM (default /usr/bin/chromium), driven by playwright-core; axe-core (both in
// tests/browser/package.json).
//
// - axe: one page of every type (home, section lists, a record of each kind, plain
//   pages, taxonomy lists, a term of each, records and terms the longest of their kind;
//   search empty and with results, a paginated list if the catalogue has one, the 404
//   page, and /podbor/, /offline/, /spasibo/, the sorted provider and standard lists and
//   any other top-level page when the build has them), at a phone and a desktop
//   viewport, with the WCAG 2.0/2.1/2.2 A and AA rules (best-practice rules off): no
//   violations.
// - on the same pages: <html lang="ru">, header/nav/main/footer landmarks, a skip link
//   as the first thing Tab reaches that moves focus to #main, a visible focus indicator
//   (outline or box-shadow) on what Tab reaches next, and no sideways scrolling at 320
//   CSS px, also with WCAG's larger text spacing (1.4.10, 1.4.12); that last one on every
//   page of the sitemap too, since a long word in a title is enough to break it.
// - a walk with the keyboard only (no clicks): header search box, results, a filter
//   changed with the arrow keys, a result opened with Enter, the record page's forms;
//   and through /podbor/'s questions, with axe on each question, an error and the results.
import { INDEX_FILE, assert, axe, baseUrl, fail, launch, runner, settled } from "./lib.mjs";

const base = baseUrl("a11y.test.mjs");
const VIEWPORTS = [
  { name: "phone 360×740", width: 360, height: 740 },
  { name: "desktop 1280×800", width: 1280, height: 800 },
];

// A tiny runner (lib.mjs): checks run in order, a failure does not stop the rest; each
// passing check says how long it took.

// A11Y_ONLY=<text> runs only the checks whose name has <text> (while fixing a page).
const ONLY = process.env.A11Y_ONLY || "";

/** Uncaught exceptions and console errors fail the check (the 404 page's own status
 * and the index's "no such word" 404s aside). */
const { check, watch, summary } = runner({
  base,
  skip: (name) => !name.includes(ONLY) && !name.startsWith("every page type"),
  timed: true,
  ignoreConsole: (text) => /status of 404/.test(text),
  ignoreStatus: (path, status, r) => status === 404 && (INDEX_FILE.test(path) || r.request().isNavigationRequest()),
  consoleWhere: false,
  failedRequests: false,
});

// ---------------------------------------------------------------------------------------
// Which pages.

async function sitemap(context) {
  const res = await context.request.get(base + "/sitemap.xml");
  assert(res.ok(), "sitemap.xml: HTTP " + res.status());
  return [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

async function exists(context, path) {
  const res = await context.request.get(base + path, { maxRedirects: 0 });
  return res.status() === 200;
}

/** One page of every type: [label, path, wait for search results]. */
async function pageTypes(context) {
  const all = await sitemap(context);
  const under = (s) => all.filter((p) => p.startsWith(s) && p !== s && p.split("/").length === s.split("/").length + 1);
  const list = [["home", "/"]];
  // Of a kind of page, the longest: it shows the most parts of its template.
  const addLongest = async (label, paths) => {
    assert(paths.length, "the sitemap lists no " + label);
    let longest = null;
    let size = 0;
    for (const p of paths) {
      const n = (await (await context.request.get(base + p)).body()).length;
      if (n > size) [longest, size] = [p, n];
    }
    list.push([label, longest]);
  };
  const records = { service: "/services/", provider: "/providers/", standard: "/standards/", situation: "/situations/" };
  for (const [kind, section] of Object.entries(records)) {
    list.push([kind + " list", section]);
    await addLongest(kind, under(section).filter((p) => p !== "/providers/po-sfere/"));
  }
  for (const p of ["/about/", "/help/", "/help/editors/"]) if (all.includes(p)) list.push(["plain page", p]);
  for (const t of ["/categories/", "/audiences/", "/regions/"]) {
    list.push(["taxonomy list", t]);
    await addLongest("term", under(t));
  }
  list.push(["search", "/search/"]);
  list.push(["search with results", "/search/?q=" + encodeURIComponent("пособие"), true]);
  list.push(["404", "/net-takoy-stranicy/"]);
  // Pages being added to the theme: checked when the build has them; so is any other
  // top-level page of the sitemap, a page type this list does not know yet.
  const extra = [
    ["podbor", "/podbor/"],
    ["offline", "/offline/"],
    ["thanks", "/spasibo/"],
    ["quality", "/quality/"],
    ["changes", "/changes/"],
    ["providers by sphere", "/providers/po-sfere/"],
    ["providers by sphere", "/providers/po/sfere/"],
    ["standards by status", "/standards/po/statusu/"],
  ];
  for (const [label, p] of extra) {
    if (await exists(context, p)) list.push([label, p]);
  }
  for (const p of under("/")) {
    if (!list.some(([, q]) => q.startsWith(p))) list.push(["other", p]);
  }
  // A second page of a list, if any list of the catalogue is long enough to have one.
  for (const [, p] of list.slice()) {
    const html = (await (await context.request.get(base + p)).text());
    const next = /<a href="([^"]+)" rel="next"/.exec(html);
    if (next) {
      list.push(["paginated list, page 2", new URL(next[1], base + p).pathname]);
      break;
    }
  }
  return list;
}

// ---------------------------------------------------------------------------------------
// What is checked on each page.

function showViolations(vs) {
  return vs
    .map((v) => `${v.id} (${v.impact}, ${v.count}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target}\n      ${n.html}${n.why ? "\n      " + n.why : ""}`).join("\n"))
    .join("\n  ");
}

/** What has focus: tag, id, class, href, and whether its focus indicator shows. */
function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return null;
    const s = getComputedStyle(a);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow && s.boxShadow !== "none";
    const r = a.getBoundingClientRect();
    return {
      tag: a.tagName.toLowerCase(),
      id: a.id,
      cls: a.className,
      href: a.getAttribute("href"),
      text: (a.textContent || a.value || "").trim().slice(0, 40),
      visible: outline || shadow,
      box: { x: r.x, y: r.y, w: r.width, h: r.height },
      inForm: a.closest("form") ? a.closest("form").className : null,
    };
  });
}

function describe(f) {
  if (!f) return "(nothing)";
  return `<${f.tag}${f.id ? "#" + f.id : ""}${f.cls ? "." + String(f.cls).split(" ").join(".") : ""}${f.href ? ' href="' + f.href + '"' : ""}> «${f.text}»`;
}

/** Landmarks, lang, skip link and visible focus on a freshly loaded page. */
async function structure(page, vp) {
  const bad = [];
  const lang = await page.getAttribute("html", "lang");
  if (lang !== "ru") bad.push(`<html lang="${lang}">, want "ru"`);
  const marks = await page.evaluate(() => ({
    header: document.querySelectorAll("body > header, [role=banner]").length,
    nav: document.querySelectorAll("nav, [role=navigation]").length,
    main: document.querySelectorAll("main, [role=main]").length,
    footer: document.querySelectorAll("body > footer, [role=contentinfo]").length,
  }));
  for (const [k, n] of Object.entries(marks)) {
    if (n < 1 || (k === "main" && n !== 1)) bad.push(`${n} ${k} landmarks`);
  }
  // The first Tab: the skip link, visible, with a visible focus ring.
  await page.keyboard.press("Tab");
  const skip = await focused(page);
  if (!skip || skip.href !== "#main") {
    bad.push("the first Tab reaches " + describe(skip) + ", not a skip link to #main");
  } else {
    if (!skip.visible) bad.push("the focused skip link has no outline or box-shadow");
    if (skip.box.x < 0 || skip.box.y < 0 || skip.box.x + skip.box.w > vp.width || skip.box.w < 24 || skip.box.h < 24) {
      bad.push("the focused skip link is not on screen: " + JSON.stringify(skip.box));
    }
    await page.keyboard.press("Enter");
    const at = await page.evaluate(() => document.activeElement && document.activeElement.id);
    if (at !== "main") bad.push("Enter on the skip link focuses #" + at + ", not #main");
    // What Tab reaches next, inside the content, shows where the focus is.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f) break;
      if (!f.visible) bad.push("no visible focus on " + describe(f));
    }
  }
  return bad;
}

/** Reflow (WCAG 1.4.10) at 320 CSS px, then with the text spacing of 1.4.12: the page
 * does not scroll sideways; what sticks out is named. */
async function reflow(page) {
  await page.setViewportSize({ width: 320, height: 740 });
  return page.evaluate(() => {
    const bad = [];
    const measure = (how) => {
      if (document.documentElement.scrollWidth <= innerWidth) return;
      const out = new Set();
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n; (n = walk.nextNode()) && out.size < 3; ) {
        range.selectNodeContents(n);
        if (Array.from(range.getClientRects()).some((r) => r.right > innerWidth + 0.5)) {
          out.add(`<${n.parentElement.tagName.toLowerCase()} class="${n.parentElement.className}"> «${n.textContent.trim().slice(0, 50)}»`);
        }
      }
      for (const e of document.body.querySelectorAll("*")) {
        if (out.size >= 3) break;
        if (!e.children.length && e.getBoundingClientRect().right > innerWidth + 0.5) out.add(`<${e.tagName.toLowerCase()} class="${e.className}">`);
      }
      bad.push(`${how}: the page is ${document.documentElement.scrollWidth} px wide at 320; wide: ${[...out].join(", ")}`);
    };
    measure("reflow at 320 px");
    // CSP allows a constructed style sheet: no <style> element or attribute.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important}p{margin-bottom:2em!important}");
    document.adoptedStyleSheets = [sheet];
    measure("text spacing (1.4.12) at 320 px");
    return bad;
  });
}

// ---------------------------------------------------------------------------------------
// Keyboard only.

/** Presses Tab until `want(focused)` holds; returns what has focus then. */
async function tabTo(page, want, what, max = 60) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f && !f.visible) fail("no visible focus on " + describe(f));
    if (f && want(f)) return f;
    seen.push(describe(f));
  }
  fail(`${max} presses of Tab do not reach ${what}; reached:\n  ` + seen.join("\n  "));
}

function results(page) {
  return page.$$eval("#search-results li.result", (lis) =>
    lis.map((li) => ({
      kind: li.querySelector(".result-kind")?.textContent || "",
      url: li.querySelector("a")?.getAttribute("href") || "",
    })),
  );
}

// ---------------------------------------------------------------------------------------

const browser = await launch();
const contexts = [];
for (const vp of VIEWPORTS) {
  contexts.push(await browser.newContext({ locale: "ru-RU", viewport: { width: vp.width, height: vp.height } }));
}

let list = [];
await check("every page type is found (sitemap.xml and known paths)", async () => {
  list = await pageTypes(contexts[0]);
  console.log("      " + list.map(([label, p]) => `${label}: ${p}`).join("\n      "));
});

for (const [label, path, search] of list) {
  for (const [i, vp] of VIEWPORTS.entries()) {
    await check(`${path} (${label}), ${vp.name}: axe, lang, landmarks, skip link, focus${i ? "" : ", reflow"}`, async () => {
      const page = watch(await contexts[i].newPage());
      const res = await page.goto(base + path);
      assert(res.status() === (label === "404" ? 404 : 200), path + ": HTTP " + res.status());
      if (search) {
        await settled(page);
        assert((await results(page)).length > 0, "results are shown");
      }
      const vs = await axe(page);
      const bad = await structure(page, vp);
      if (i === 0) bad.push(...(await reflow(page)));
      const msg = [];
      if (vs.length) msg.push(`${vs.length} axe violations:\n  ` + showViolations(vs));
      if (bad.length) msg.push(bad.join("\n  "));
      assert(!msg.length, msg.join("\n  "));
    });
  }
}

await check("every page of the sitemap reflows at 320 px, also with larger text spacing", async () => {
  // Long words in a title are the usual cause, so this is every page, not one of a type.
  const page = watch(await contexts[0].newPage());
  const bad = [];
  for (const path of await sitemap(contexts[0])) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(base + path);
    for (const b of await reflow(page)) bad.push(path + ": " + b);
  }
  assert(!bad.length, bad.join("\n  "));
});

await check("keyboard only: header search, results, a filter, a result, the record's forms", async () => {
  const page = watch(await contexts[1].newPage());
  await page.goto(base + "/");
  // Header search box: type, Enter.
  await tabTo(page, (f) => f.id === "search-q", "the header search box");
  await page.keyboard.type("пособие");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\/\?q=/);
  assert(new URL(page.url()).searchParams.get("q") === "пособие", "the address holds the query: " + page.url());
  await settled(page);
  const before = await results(page);
  assert(before.length > 0, "results for «пособие»");
  // The filters: «Что искать», one step down with the arrow key.
  await tabTo(page, (f) => f.id === "f-kind", "the filter «Что искать» (#f-kind)");
  const was = await page.inputValue("#f-kind");
  await page.keyboard.press("ArrowDown");
  const now = await page.inputValue("#f-kind");
  assert(now !== was, "ArrowDown changes the filter: " + was + " → " + now);
  await settled(page);
  const after = await results(page);
  assert(new URL(page.url()).searchParams.get("kind") === now, "the address holds the filter: " + page.url());
  assert(after.length > 0, "results with the filter " + now);
  assert(JSON.stringify(after) !== JSON.stringify(before), "the results change with the filter");
  const kinds = { service: "Мера поддержки", situation: "Жизненная ситуация", provider: "Организация", standard: "Стандарт" };
  assert(after.every((r) => r.kind === kinds[now]), `every result is a ${kinds[now]}: ` + after.map((r) => r.kind).join(", "));
  // The other filters are reachable too, then the results.
  for (const id of await page.$$eval("#search-form select", (ss) => ss.map((s) => s.id).slice(1))) {
    await tabTo(page, (f) => f.id === id, "the filter #" + id, 3);
  }
  const link = await tabTo(page, (f) => f.tag === "a" && after.some((r) => r.url === f.href), "a result link");
  await page.keyboard.press("Enter");
  await page.waitForURL(base + link.href);
  assert((await page.locator("h1").count()) === 1, link.href + ": the record opens");
  // The record's forms (feedback), if it has any: every control reached by Tab, named.
  const forms = await page.locator("main form").count();
  if (!forms) {
    console.log("      (" + link.href + " has no form)");
    return;
  }
  const controls = await page.$$eval("main form", (fs) =>
    fs.flatMap((form, fi) =>
      Array.from(form.elements)
        // Not a honeypot (out of the tab order, hidden from screen readers).
        .filter((e) => !e.disabled && e.type !== "hidden" && e.tagName !== "FIELDSET" && e.tabIndex >= 0 && !e.closest("[aria-hidden=true]"))
        .map((e) => {
          const named =
            (e.labels && Array.from(e.labels).some((l) => l.textContent.trim())) ||
            (e.getAttribute("aria-label") || "").trim() ||
            (e.getAttribute("aria-labelledby") || "").split(/\s+/).some((id) => id && document.getElementById(id)?.textContent.trim()) ||
            (e.tagName === "BUTTON" && e.textContent.trim()) ||
            (/^(submit|reset|button)$/.test(e.type) && e.tagName === "INPUT" && e.value.trim());
          return { key: e.type === "radio" ? `${fi}:radio:${e.name}` : `${fi}:${Array.from(form.elements).indexOf(e)}`, named: !!named, what: `<${e.tagName.toLowerCase()} type=${e.type} name=${e.name}>` };
        }),
    ),
  );
  const unnamed = controls.filter((c) => !c.named);
  assert(!unnamed.length, "form controls without a label:\n  " + unnamed.map((c) => c.what).join("\n  "));
  // Tab from the top of the page through every control (a radio group takes one stop);
  // a closed <details> (the error report) is opened with Enter on its summary.
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const want = new Set(controls.map((c) => c.key));
  const reached = new Set();
  for (let i = 0; i < 400 && reached.size < want.size; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const e = document.activeElement;
      if (e && e.tagName === "SUMMARY" && e.closest("main") && !e.parentElement.open) return "summary";
      const form = e && e.form;
      if (!form || !form.closest("main")) return null;
      const fi = Array.from(document.querySelectorAll("main form")).indexOf(form);
      return e.type === "radio" ? `${fi}:radio:${e.name}` : `${fi}:${Array.from(form.elements).indexOf(e)}`;
    });
    if (at === "summary") {
      await page.keyboard.press("Enter");
      assert(await page.evaluate(() => document.activeElement.parentElement.open), "Enter opens the <details>");
    } else if (at) {
      const f = await focused(page);
      assert(f.visible, "no visible focus on " + describe(f));
      reached.add(at);
    }
  }
  const missed = controls.filter((c) => !reached.has(c.key));
  assert(!missed.length, "Tab does not reach:\n  " + missed.map((c) => c.what).join("\n  "));
  console.log(`      (${link.href}: ${forms} form(s), ${want.size} controls reached by Tab, all labelled)`);
});

await check("podbor: axe on each question, an error and the results, answered by keyboard", async () => {
  const ctx = await browser.newContext({ locale: "ru-RU", viewport: { width: 360, height: 740 } });
  try {
    const page = watch(await ctx.newPage());
    await page.goto(base + "/podbor/");
    if (!(await page.$("#podbor-form"))) {
      console.log("      (no /podbor/ questionnaire in this build)");
      return;
    }
    const bad = [];
    const audit = async (state) => {
      const vs = await axe(page);
      if (vs.length) bad.push(`${state}: ${vs.length} axe violations:\n  ` + showViolations(vs));
    };
    const nextStep = () => tabTo(page, (f) => f.id === "podbor-next", "«Далее»");
    await page.waitForSelector("#podbor-form:not([hidden])");
    await audit("question 1");
    // «Далее» without an answer: the error, and the focus on the first choice.
    await nextStep();
    await page.keyboard.press("Enter");
    await page.waitForSelector(".podbor-error:not([hidden])");
    await audit("question 1 with its error");
    await page.keyboard.press("Space");
    await nextStep();
    await page.keyboard.press("Enter");
    await page.waitForSelector('fieldset[data-step="2"]:not([hidden])');
    await audit("question 2");
    await tabTo(page, (f) => f.id === "podbor-age", "the age box", 5);
    await page.keyboard.type("30");
    await page.keyboard.press("Enter");
    await page.waitForSelector('fieldset[data-step="3"]:not([hidden])');
    await audit("question 3");
    await tabTo(page, (f) => f.tag === "input", "the first choice", 5);
    await page.keyboard.press("Space");
    await nextStep();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#podbor-results:not([hidden])");
    await page.waitForFunction(() => document.querySelector("#podbor-results a[href^='/services/']"));
    await audit("the results");
    assert(!bad.length, bad.join("\n  "));
  } finally {
    await ctx.close();
  }
});

await browser.close();
summary();
