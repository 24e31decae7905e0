// Browser tests of «Какие меры мне подходят» (/podbor/, podbor.js) and of the visitor's
// region (region.js): what a citizen sees answering the three questions, with the
// keyboard only, coming back later, starting again, or browsing without JavaScript; and
// the marks "В вашем регионе" in lists and on service pages. Run by tests/browser.rs as
//
//   node tests/browser/podbor.test.mjs http://127.0.0.1:PORT
//
// against the bundled catalogue built and served by that test. Headless Chromium from
// $CHROMIUM (default /usr/bin/chromium), driven by playwright-core. Every page is watched:
// a console error (a CSP violation is one), an uncaught exception, a failed request or an
// error response fails the check it happened in. Expectations come from the questionnaire's
// own data (/podbor/<region>.json) and the sitemap, not from counts written here.
import { gzipSync } from "node:zlib";
import { assert, axeLines, baseUrl, fail, launch, runner, same } from "./lib.mjs";

const base = baseUrl("podbor.test.mjs");
const REGION = "kurgan";
const CHILD_BENEFIT = "/services/edinoe-posobie/";
const BIRTH = "rozhdenie-rebenka"; // content/situations/rozhdenie-rebenka.md
const BIRTH_TITLE = "Рождение ребёнка";
const PENSION = "vyhod-na-pensiyu"; // content/situations/vyhod-na-pensiyu.md
// The questionnaire's groups (podbor.html) and the audiences each stands for.
const GROUPS = {
  deti: ["families-with-children", "large-families"],
  beremennost: ["pregnant"],
  invalidnost: ["disabled", "disabled-children", "caregivers"],
  pensiya: ["pensioners", "elderly", "pre-pensioners"],
  rabota: ["unemployed"],
  dohod: ["low-income"],
};
const STORE = ["socnav-podbor", "socnav-region"];

// ---------------------------------------------------------------------------------------
// A tiny runner (lib.mjs): checks run in order, each on fresh pages and profiles; a
// failure does not stop the rest.

const { check, watch, fresh: freshContext, forgive, summary } = runner({ base });

/** A fresh browser profile (empty localStorage); closed after the check. */
const fresh = (options) => freshContext(browser, options);

async function open(ctx, path) {
  const page = watch(await ctx.newPage());
  await page.goto(base + path);
  return page;
}

// ---------------------------------------------------------------------------------------
// The questionnaire's data, and what it should show for some answers.

async function getJson(path) {
  const res = await fetch(base + path);
  assert(res.ok, path + ": HTTP " + res.status);
  return res.json();
}

const federal = await getJson("/podbor/federal.json");
const regional = await getJson(`/podbor/${REGION}.json`);

/** Paths in sitemap.xml under a section, e.g. "/regions/". */
async function sitemap(section) {
  const res = await fetch(base + "/sitemap.xml");
  assert(res.ok, "sitemap.xml: HTTP " + res.status);
  const locs = [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  return locs.filter((p) => p.startsWith(section) && p !== section && !/\/page\/\d+\/$/.test(p)).sort();
}

/** The measures that should be listed: audiences meet the chosen groups', and the age
 * is within the bounds, except bounds of a child's age (age_of = "child"). Returns
 * url -> { title, situations: [situation titles, or «Другие меры»] }. */
function expected(files, who, age) {
  const auds = new Set(who.flatMap((g) => GROUPS[g]));
  const out = new Map();
  for (const f of files) {
    for (const [url, title, , a, min, max, sits, ageOf] of f.measures) {
      if (out.has(url) || !a.some((k) => auds.has(k))) continue;
      if (age != null && ageOf !== "child" && ((min != null && age < min) || (max != null && age > max))) continue;
      const names = sits.filter((s) => f.situations[s]).map((s) => f.situations[s][0]);
      out.set(url, { title, situations: names.length ? names : ["Другие меры"] });
    }
  }
  return out;
}

function measures(n) {
  const t = n % 10, h = n % 100;
  const word = t === 1 && h !== 11 ? "мера" : t >= 2 && t <= 4 && (h < 12 || h > 14) ? "меры" : "мер";
  return `Вам ${t === 1 && h !== 11 ? "может" : "могут"} подойти ${n} ${word}`;
}

// ---------------------------------------------------------------------------------------
// Answering, and what the page shows.

/** Answers with the mouse: region value ("federal" is «Другой регион»), age (null skips
 * the question), groups; waits for the results. */
async function answer(page, { region, age, who }) {
  await page.waitForSelector("#podbor-form:not([hidden])");
  await page.check(`input[name=region][value="${region}"]`);
  await page.click("#podbor-next");
  await page.waitForSelector("#podbor-age:visible");
  if (age == null) {
    await page.click("#podbor-skip");
  } else {
    await page.fill("#podbor-age", String(age));
    await page.click("#podbor-next");
  }
  await page.waitForSelector("input[name=who]:visible");
  for (const b of await page.$$("input[name=who]")) await b.uncheck();
  for (const g of who) await page.check(`input[name=who][value="${g}"]`);
  assert((await page.textContent("#podbor-next")).trim() === "Показать меры", "the last question's button says «Показать меры»");
  await page.click("#podbor-next");
  await results(page);
}

/** Waits for the results; returns the headline, the status and the groups shown. */
async function results(page) {
  await page.waitForSelector("#podbor-results:not([hidden])");
  await page.waitForFunction(() => /подойти|не нашлось/.test(document.getElementById("podbor-status").textContent));
  return page.evaluate(() => ({
    head: document.getElementById("podbor-count").textContent.trim(),
    status: document.getElementById("podbor-status").textContent.trim(),
    answers: document.getElementById("podbor-answers").textContent.trim(),
    groups: Array.from(document.querySelectorAll("#podbor-groups .podbor-group")).map((s) => ({
      title: s.querySelector("h3").textContent.trim(),
      items: Array.from(s.querySelectorAll("li")).map((li) => ({
        url: li.querySelector("a").getAttribute("href"),
        title: li.querySelector("a").textContent.trim(),
        text: li.textContent,
      })),
    })),
  }));
}

/** url -> [group titles] of what is shown. */
function byUrl(r) {
  const out = new Map();
  for (const g of r.groups) for (const it of g.items) out.set(it.url, [...(out.get(it.url) || []), g.title]);
  return out;
}

/** Compares what is shown with `want` (from expected()). */
function compare(r, want) {
  const got = byUrl(r);
  const missing = [...want.keys()].filter((u) => !got.has(u));
  const extra = [...got.keys()].filter((u) => !want.has(u));
  assert(!missing.length && !extra.length, "measures shown differ:\n  missing " + missing.join(" ") + "\n  extra " + extra.join(" "));
  for (const [url, w] of want) {
    assert(same([...got.get(url)].sort(), [...w.situations].sort()), `${url} is under ${got.get(url).join(", ")}; want ${w.situations.join(", ")}`);
  }
  assert(r.head === measures(want.size), `headline «${r.head}», want «${measures(want.size)}»`);
  assert(r.status.startsWith(measures(want.size)), "the status announces the count: " + r.status);
  const titles = r.groups.map((g) => g.title);
  const other = titles.indexOf("Другие меры");
  assert(other === -1 || other === titles.length - 1, "«Другие меры» comes last: " + titles.join(", "));
  const sizes = r.groups.filter((g) => g.title !== "Другие меры").map((g) => g.items.length);
  assert(sizes.every((n, i) => i === 0 || n <= sizes[i - 1]), "bigger groups first: " + sizes.join(" "));
}

const storage = (page) => page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), STORE);

/** The region marks on a page: [{regions, mark}] per [data-regions] element. */
const marks = (page) =>
  page.$$eval("[data-regions]", (els) =>
    els.map((e) => ({
      regions: e.getAttribute("data-regions").split(" "),
      mark: Array.from(e.querySelectorAll(".region-mark")).map((m) => m.textContent.trim()),
      visible: Array.from(e.querySelectorAll(".region-mark")).every((m) => m.offsetParent !== null),
    })),
  );

function checkMarks(list, region, where) {
  assert(list.length > 0, where + ": no [data-regions] elements");
  for (const m of list) {
    const yes = m.regions.includes(region) || m.regions.includes("federal");
    const want = yes ? "В вашем регионе" : "Не действует в вашем регионе";
    assert(same(m.mark, [want]) && m.visible, `${where}: regions ${m.regions.join(" ")} marked ${JSON.stringify(m.mark)}, want «${want}»`);
  }
}


// ---------------------------------------------------------------------------------------

const browser = await launch();

await check("the data: Kurgan and federal files, the child benefit in «Рождение ребёнка»", async () => {
  assert(federal.region === "federal" && regional.region === REGION, "files name their region");
  const child = federal.measures.find((m) => m[0] === CHILD_BENEFIT);
  assert(child, CHILD_BENEFIT + " is in federal.json");
  assert(child[6].includes(BIRTH) && federal.situations[BIRTH][0] === BIRTH_TITLE, "the child benefit is in «" + BIRTH_TITLE + "»");
  assert(child[7] === "child", "the child benefit's age bounds are the child's: " + JSON.stringify(child));
  const jobless = federal.measures.find((m) => m[0] === "/services/posobie-po-bezrabotice/");
  assert(jobless && jobless[4] === 16 && jobless[7] === null, "the unemployment benefit's bounds are the applicant's: " + JSON.stringify(jobless));
  assert(regional.measures.length > 0 && regional.measures.every((m) => m[0].startsWith("/services/kurgan-")), "kurgan.json holds the Kurgan measures");
});

await check("without JavaScript /podbor/ links every region and audience page", async () => {
  const ctx = await fresh({ javaScriptEnabled: false });
  const page = await open(ctx, "/podbor/");
  assert((await page.textContent("h1")).trim() === "Какие меры мне подходят", "the page title");
  assert(!(await page.isVisible("#podbor-form")), "the questionnaire is hidden without JavaScript");
  const links = (sel) => page.$$eval(sel, (as) => as.map((a) => a.getAttribute("href")));
  const regions = await links('section[aria-labelledby="podbor-region"] a');
  const audiences = await links('section[aria-labelledby="podbor-who"] a');
  const wantRegions = await sitemap("/regions/");
  const wantAudiences = await sitemap("/audiences/");
  assert(wantRegions.includes("/regions/federal/") && wantRegions.includes(`/regions/${REGION}/`), "regions in the sitemap: " + wantRegions.join(" "));
  assert(same([...regions].sort(), wantRegions), "every region page is linked: " + regions.join(" ") + "\n  want " + wantRegions.join(" "));
  assert(same([...audiences].sort(), wantAudiences), "every audience page is linked: " + audiences.join(" ") + "\n  want " + wantAudiences.join(" "));
  await page.click("#podbor-links a");
  await page.waitForURL(base + regions[0]);
  // The home page leads here; the main menu does not.
  const home = await open(ctx, "/");
  assert((await home.locator('main a[href="/podbor/"]').textContent()).trim() === "Какие меры мне подходят?", "the home page links the questionnaire");
  assert((await home.locator('.main-nav a[href="/podbor/"]').count()) === 0, "the main menu does not");
  // Region pages keep their (hidden) remember box out of sight.
  const reg = await open(ctx, `/regions/${REGION}/`);
  assert(!(await reg.isVisible(".region-remember")), "no remember button without JavaScript");
});

await check(`Курганская область, 30 лет, семья с детьми: the child benefit in «${BIRTH_TITLE}» and Kurgan measures`, async () => {
  const ctx = await fresh();
  const page = await open(ctx, "/podbor/");
  assert(!(await page.isVisible("#podbor-links")), "with JavaScript the links give way to the questions");
  assert((await page.textContent("#podbor-progress")).trim() === "Вопрос 1 из 3", "step indicator");
  await answer(page, { region: REGION, age: 30, who: ["deti"] });
  const r = await results(page);
  const want = expected([federal, regional], ["deti"], 30);
  compare(r, want);
  const birth = r.groups.find((g) => g.title === BIRTH_TITLE);
  assert(birth && birth.items.some((x) => x.url === CHILD_BENEFIT), `the child benefit is under «${BIRTH_TITLE}»: ` + r.groups.map((g) => g.title).join(", "));
  const items = r.groups.flatMap((g) => g.items).filter((x) => x.url === CHILD_BENEFIT);
  const desc = federal.measures.find((m) => m[0] === CHILD_BENEFIT)[2];
  assert(items.every((x) => x.title === "Единое пособие на детей и беременных женщин"), "the item links with its title");
  assert(items[0].text.includes(desc) && items.slice(1).every((x) => !x.text.includes(desc)), "the description shows once, the first time");
  assert(r.groups[0].title === BIRTH_TITLE, "the biggest group, «" + BIRTH_TITLE + "», comes first: " + r.groups[0].title);
  const kurgan = [...byUrl(r).keys()].filter((u) => u.startsWith("/services/kurgan-"));
  assert(kurgan.includes("/services/kurgan-prokat-veshchey-dlya-novorozhdennyh/"), "a Kurgan measure for families is shown: " + kurgan.join(" "));
  assert(r.answers.includes("Курганская область") && r.answers.includes("30 лет") && r.answers.includes("Семья с детьми"), "the answers are repeated: " + r.answers);
  const note = await page.textContent("#podbor-results");
  assert(/подсказка, а не решение/.test(note) && /Решение о мере принимает ведомство/.test(note), "it says this is a hint, the agency decides");
  assert(/Доход, имущество/.test(note) && /Что подбор не учитывает/.test(note), "it says what is not checked or covered");
  assert(/Ответы остаются на этом устройстве/.test(note), "it says the answers stay on this device");
  assert((await page.getAttribute("#podbor-status", "aria-live")) === "polite", "the status is a live region");
  const [answers, region] = await storage(page);
  assert(answers && region === REGION, "the answers and the region are kept: " + JSON.stringify([answers, region]));
  assert(await page.evaluate(() => document.activeElement.id === "podbor-count"), "focus moves to the results headline");
  // Regional items say where they apply.
  assert(r.groups.flatMap((g) => g.items).filter((x) => x.url.startsWith("/services/kurgan-")).every((x) => x.text.includes("Где действует: Курганская область")), "Kurgan items say so");
});

await check("70 лет, пенсионный возраст: pension measures, not the child benefit", async () => {
  const ctx = await fresh();
  const page = await open(ctx, "/podbor/");
  await answer(page, { region: REGION, age: 70, who: ["pensiya"] });
  const r = await results(page);
  compare(r, expected([federal, regional], ["pensiya"], 70));
  const urls = [...byUrl(r).keys()];
  assert(urls.includes("/services/strahovaya-pensiya-po-starosti/") && urls.includes("/services/socialnaya-pensiya/"), "pensions are shown: " + urls.join(" "));
  assert(!urls.includes(CHILD_BENEFIT), "the child benefit is not");
  assert(r.groups.some((g) => g.title === federal.situations[PENSION][0]), "grouped under «Выход на пенсию»");
  assert(r.answers.includes("70 лет"), "answers: " + r.answers);
});

await check("«Другой регион»: federal measures only, none of Kurgan", async () => {
  const ctx = await fresh();
  const page = await open(ctx, "/podbor/");
  const all = Object.keys(GROUPS);
  await answer(page, { region: "federal", age: null, who: all });
  const r = await results(page);
  compare(r, expected([federal], all, null));
  const urls = [...byUrl(r).keys()];
  assert(!urls.some((u) => u.startsWith("/services/kurgan-")), "no Kurgan measures: " + urls.filter((u) => u.startsWith("/services/kurgan-")).join(" "));
  assert(!r.answers.includes(" лет"), "no age when skipped: " + r.answers);
  assert(r.answers.startsWith("Ваши ответы: Другой регион ·"), "the answers name «Другой регион»: " + r.answers);
  // The "not covered" list names the audiences no question asks about.
  const other = await page.$$eval('section[aria-labelledby="podbor-not"] a[href^="/audiences/"]', (as) => as.map((a) => a.getAttribute("href")));
  const asked = new Set(Object.values(GROUPS).flat());
  const wantOther = (await sitemap("/audiences/")).filter((p) => !asked.has(p.split("/")[2]));
  assert(same(other.sort(), wantOther), "the audiences not asked about are linked: " + other.join(" "));
});

await check("answers survive a reload, «Изменить ответы» keeps them, «Начать заново» clears them", async () => {
  const ctx = await fresh();
  const page = await open(ctx, "/podbor/");
  await answer(page, { region: REGION, age: 30, who: ["deti", "dohod"] });
  const before = await results(page);
  await page.reload();
  const after = await results(page);
  assert(same(before, after), "the same results after a reload:\n  " + before.head + "\n  " + after.head);
  assert(await page.isHidden("#podbor-form"), "results, not questions, after the reload");
  // Half-way: reload on question 2 keeps the region, comes back to question 2.
  await page.click("#podbor-edit");
  assert(await page.evaluate(() => document.activeElement.tagName === "H2"), "«Изменить ответы» focuses the first question");
  assert(await page.isChecked(`input[name=region][value="${REGION}"]`), "the region is still chosen");
  await page.click("#podbor-next");
  assert((await page.inputValue("#podbor-age")) === "30", "the age is still there");
  await page.reload();
  await page.waitForSelector("#podbor-age:visible");
  assert((await page.textContent("#podbor-progress")).trim() === "Вопрос 2 из 3", "back on question 2 after a reload");
  assert((await page.inputValue("#podbor-age")) === "30", "the age after a reload");
  await page.click("#podbor-next");
  assert(await page.isChecked("input[name=who][value=deti]") && await page.isChecked("input[name=who][value=dohod]"), "the groups after a reload");
  // Start again.
  await page.click("#podbor-next");
  await results(page);
  await page.click("#podbor-reset");
  assert(same(await storage(page), [null, null]), "localStorage is cleared: " + JSON.stringify(await storage(page)));
  assert((await page.textContent("#podbor-progress")).trim() === "Вопрос 1 из 3", "back to question 1");
  assert(await page.evaluate(() => !document.querySelector("#podbor-form input:checked") && !document.getElementById("podbor-age").value), "no answers left in the form");
  assert(await page.evaluate(() => document.activeElement.textContent.trim() === "В каком регионе вы живёте?"), "focus on the first question");
  await page.reload();
  await page.waitForSelector("#podbor-form:not([hidden])");
  assert((await page.textContent("#podbor-progress")).trim() === "Вопрос 1 из 3", "a reload starts afresh");
  assert(same(await storage(page), [null, null]), "nothing stored after a reload: " + JSON.stringify(await storage(page)));
});

await check("the browser's Back and Forward buttons move between the questions and the results", async () => {
  const ctx = await fresh();
  const page = await open(ctx, "/podbor/");
  // "results", or the progress line of the question shown ("Вопрос 2 из 3").
  const screen = () =>
    page.evaluate(() =>
      document.getElementById("podbor-results").hidden
        ? document.getElementById("podbor-progress").textContent.trim()
        : "results",
    );
  await answer(page, { region: REGION, age: 30, who: ["deti"] });
  assert((await screen()) === "results", "the results are shown");
  await page.goBack();
  await page.waitForSelector("input[name=who]:visible");
  assert((await screen()) === "Вопрос 3 из 3", "Back from the results: the last question, got " + (await screen()));
  assert(page.url().endsWith("/podbor/"), "still on the questionnaire: " + page.url());
  await page.goBack();
  await page.waitForSelector("#podbor-age:visible");
  assert((await screen()) === "Вопрос 2 из 3", "Back again: the age question");
  assert((await page.inputValue("#podbor-age")) === "30", "the answer is kept");
  await page.goBack();
  assert((await screen()) === "Вопрос 1 из 3", "Back again: the region question");
  await page.goForward();
  assert((await screen()) === "Вопрос 2 из 3", "Forward: the age question");
  await page.goForward();
  await page.goForward();
  await results(page);
  assert((await screen()) === "results", "Forward to the results");
  // The in-page «Назад» is a step in the history too.
  await page.click("#podbor-edit");
  await page.click("#podbor-next");
  await page.waitForSelector("#podbor-age:visible");
  await page.click("#podbor-back");
  assert((await screen()) === "Вопрос 1 из 3", "«Назад» shows the region question");
  await page.goBack();
  assert((await screen()) === "Вопрос 2 из 3", "browser Back undoes «Назад»");
});

await check("keyboard only: the whole questionnaire, with focus on each question", async () => {
  const ctx = await fresh();
  const page = await open(ctx, "/podbor/");
  await page.waitForSelector("#podbor-form:not([hidden])");
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a.tagName === "INPUT" ? a.name + "=" + a.value : a.id || a.tagName + ":" + a.textContent.trim();
  });
  /** Tabs (at most 60 times) until `want` has focus. */
  async function tabTo(want) {
    for (let i = 0; i < 60; i++) {
      if ((await focused()) === want) return;
      await page.keyboard.press("Tab");
    }
    fail("Tab never reached " + want + "; focus on " + (await focused()));
  }
  const radios = await page.$$eval("input[name=region]", (r) => r.map((x) => x.value));
  await tabTo("region=" + radios[0]);
  // Nothing chosen: «Далее» says what is missing.
  await tabTo("podbor-next");
  await page.keyboard.press("Enter");
  assert(await page.isVisible("#podbor-err-1"), "an error when no region is chosen");
  assert((await focused()).startsWith("region="), "focus goes to the choices: " + (await focused()));
  for (let i = 0; i <= radios.length && !(await page.isChecked(`input[name=region][value="${REGION}"]`)); i++) {
    await page.keyboard.press((await focused()) === "region=" + REGION ? "Space" : "ArrowDown");
  }
  assert(await page.isChecked(`input[name=region][value="${REGION}"]`), "arrow keys choose the region");
  await tabTo("podbor-next");
  await page.keyboard.press("Enter");
  assert((await focused()) === "H2:Сколько вам лет?", "focus on question 2: " + (await focused()));
  assert((await page.textContent("#podbor-progress")).trim() === "Вопрос 2 из 3", "step indicator 2");
  await page.keyboard.press("Tab");
  assert((await focused()) === "age=", "Tab reaches the age box: " + (await focused()));
  await page.keyboard.type("200");
  await page.keyboard.press("Enter");
  assert(await page.isVisible("#podbor-err-2"), "an impossible age is refused");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("30");
  await page.keyboard.press("Enter");
  assert((await focused()) === "H2:Что из этого про вас?", "focus on question 3: " + (await focused()));
  await page.keyboard.press("Tab");
  assert((await focused()) === "who=deti", "Tab reaches the first choice: " + (await focused()));
  await page.keyboard.press("Space");
  await tabTo("podbor-next");
  await page.keyboard.press("Enter");
  const r = await results(page);
  compare(r, expected([federal, regional], ["deti"], 30));
  assert((await focused()) === "podbor-count", "focus on the results headline: " + (await focused()));
  // Back to the questions and forward again, by keyboard.
  await tabTo("podbor-edit");
  await page.keyboard.press("Enter");
  assert((await focused()) === "H2:В каком регионе вы живёте?", "«Изменить ответы» returns to question 1: " + (await focused()));
  await tabTo("podbor-next");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Tab");
  assert((await focused()) === "podbor-back", "«Назад» is one Shift+Tab away: " + (await focused()));
  await page.keyboard.press("Enter");
  assert((await focused()) === "H2:В каком регионе вы живёте?", "«Назад» returns to question 1");
  // Forward to the results again, and follow one.
  for (let i = 0; i < 3; i++) {
    await tabTo("podbor-next");
    await page.keyboard.press("Enter");
  }
  await results(page);
  assert((await focused()) === "podbor-count", "focus on the results headline again");
  const first = r.groups[0].items[0];
  await tabTo("A:" + first.title);
  await page.keyboard.press("Enter");
  await page.waitForURL(base + first.url);
});

await check("a failed download says so and «Показать меры» tries again", async () => {
  const ctx = await fresh();
  await ctx.route(`**/podbor/${REGION}.json`, (route) => route.fulfill({ status: 503, body: "" }));
  const page = await open(ctx, "/podbor/");
  await page.check(`input[name=region][value="${REGION}"]`);
  await page.click("#podbor-next");
  await page.click("#podbor-skip");
  await page.check("input[name=who][value=deti]");
  await page.click("#podbor-next");
  await page.waitForSelector("#podbor-fail:visible");
  assert(/Не удалось загрузить/.test(await page.textContent("#podbor-status")), "the failure is announced");
  assert((await page.textContent("#podbor-progress")).trim() === "Вопрос 3 из 3" && (await page.isChecked("input[name=who][value=deti]")), "the answers stay");
  // The expected 503 of this check is not a problem of the site.
  forgive((p) => p.includes(`/podbor/${REGION}.json`) || /status of 503/.test(p));
  await ctx.unroute(`**/podbor/${REGION}.json`);
  await page.click("#podbor-next");
  compare(await results(page), expected([federal, regional], ["deti"], null));
});

await check("the questionnaire and its results fit a 320px screen", async () => {
  const ctx = await fresh({ viewport: { width: 320, height: 640 } });
  const page = await open(ctx, "/podbor/");
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert((await wide()) <= 320, "question 1 is " + (await wide()) + "px wide");
  await answer(page, { region: REGION, age: 30, who: Object.keys(GROUPS) });
  assert((await wide()) <= 320, "the results are " + (await wide()) + "px wide");
  for (const sel of ["#podbor-edit", "#podbor-reset"]) {
    const box = await page.locator(sel).boundingBox();
    assert(box.height >= 24 && box.width >= 24, sel + " is big enough to tap");
  }
});

await check("region memory: after choosing Kurgan, lists and service pages mark the measures", async () => {
  const ctx = await fresh();
  const page = await open(ctx, "/podbor/");
  await answer(page, { region: REGION, age: null, who: ["deti"] });
  const list = await open(ctx, "/services/");
  const m = await marks(list);
  checkMarks(m, REGION, "/services/");
  assert(m.some((x) => x.mark[0] === "В вашем регионе") && m.some((x) => x.regions.includes(REGION)), "Kurgan measures are there");
  const cards = await list.$$eval("li.card[data-regions]", (l) => l.length);
  assert(cards === m.length, "every card is marked");
  const svc = await open(ctx, "/services/kurgan-prokat-tsr/");
  checkMarks(await marks(svc), REGION, "a Kurgan service");
  assert((await svc.textContent(".facts [data-regions] dd")).includes("В вашем регионе"), "the mark is next to «Где действует»");
  // «Другой регион»: Kurgan measures do not apply.
  const again = await open(ctx, "/podbor/");
  await results(again);
  await again.click("#podbor-edit");
  await again.check('input[name=region][value="federal"]');
  const list2 = await open(ctx, "/services/");
  const m2 = await marks(list2);
  checkMarks(m2, "federal", "/services/ for another region");
  assert(m2.some((x) => x.mark[0] === "Не действует в вашем регионе"), "Kurgan measures say they do not apply");
  // A situation page marks its step cards too.
  checkMarks(await marks(await open(ctx, "/situations/rozhdenie-rebenka/")), "federal", "a situation page");
});

await check("region memory: «Запомнить этот регион» on the region page, then «Забыть»", async () => {
  const ctx = await fresh();
  const page = await open(ctx, `/regions/${REGION}/`);
  const list = await open(ctx, "/services/");
  assert((await list.locator(".region-mark").count()) === 0, "no marks before a region is chosen");
  await page.bringToFront();
  const button = page.locator(".region-remember button");
  assert((await button.textContent()).trim() === "Запомнить этот регион", "the button offers to remember");
  assert(await page.evaluate(() => document.activeElement === document.body || document.activeElement.id === "main"), "nothing steals focus");
  await button.focus();
  await page.keyboard.press("Enter");
  assert((await page.textContent(".region-remember [role=status]")).trim() === "Это ваш регион", "it says this is your region");
  assert((await button.textContent()).trim() === "Забыть", "the button now forgets");
  assert((await storage(page))[1] === REGION, "localStorage holds the region");
  checkMarks(await marks(page), REGION, "the region page");
  // Another open tab follows.
  await list.waitForFunction(() => document.querySelectorAll(".region-mark").length > 0);
  checkMarks(await marks(list), REGION, "/services/ in another tab");
  // The questionnaire starts with the region chosen.
  const podbor = await open(ctx, "/podbor/");
  await podbor.waitForSelector("#podbor-form:not([hidden])");
  assert(await podbor.isChecked(`input[name=region][value="${REGION}"]`), "the questionnaire knows the region");
  await page.bringToFront();
  await button.click();
  assert((await button.textContent()).trim() === "Запомнить этот регион", "forgotten: the button offers to remember again");
  assert((await storage(page))[1] === null, "localStorage no longer holds the region");
  assert((await page.locator(".region-mark").count()) === 0, "marks are gone");
  const fed = await open(ctx, "/regions/federal/");
  assert((await fed.locator(".region-remember").count()) === 0, "«Вся Россия» is not a region to remember");
});

await check("axe: the questions, an error, the results and marked lists have no WCAG A/AA violations", async () => {
  const ctx = await fresh();
  const page = await open(ctx, "/podbor/");
  await page.waitForSelector("#podbor-form:not([hidden])");
  const found = [];
  const run = async (what) => found.push(...(await axeLines(page)).map((v) => what + ": " + v));
  await run("question 1");
  await page.click("#podbor-next");
  await run("question 1 with its error");
  await page.check(`input[name=region][value="${REGION}"]`);
  await page.click("#podbor-next");
  await run("question 2");
  await page.click("#podbor-skip");
  await run("question 3");
  await page.check("input[name=who][value=deti]");
  await page.click("#podbor-next");
  await results(page);
  await run("results");
  for (const path of [`/regions/${REGION}/`, "/services/kurgan-prokat-tsr/"]) {
    await page.goto(base + path);
    await page.waitForSelector(".region-mark");
    await run(path);
  }
  assert(!found.length, found.length + " violations:\n  " + found.join("\n  "));
});

await check("scripts stay small: podbor.js and region.js gzipped", async () => {
  const html = await (await fetch(base + "/podbor/")).text();
  const sizes = {};
  for (const [, name] of html.matchAll(/<script[^>]* src="\/((?:podbor|region)\.[0-9a-f]+\.js)"/g)) {
    const res = await fetch(base + "/" + name);
    sizes[name.split(".")[0]] = gzipSync(Buffer.from(await res.arrayBuffer())).length;
  }
  assert(sizes.podbor && sizes.region, "both scripts are on the page: " + JSON.stringify(sizes));
  assert(sizes.podbor <= 4500 && sizes.region <= 1500, "gzipped bytes: " + JSON.stringify(sizes));
  assert(/<script[^>]* defer/.test(html) && !/<script(?![^>]*\bsrc=)/.test(html), "scripts are external and deferred");
});

await browser.close();
summary();
