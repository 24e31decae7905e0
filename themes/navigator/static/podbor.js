// "Which measures fit me" (/podbor/): turns the page's links into three questions,
// one per screen, then lists the measures of <data-url><region>.json and federal.json
// whose audiences (and age) fit, grouped by situation. Answers stay in localStorage
// ("socnav-podbor"; the region in "socnav-region", shared with region.js). Its words are
// data-t-* attributes of the form (podbor.html, from the translation tables).
(() => {
  "use strict";
  const form = document.getElementById("podbor-form");
  if (!form || !window.fetch) return;
  const $ = (id) => document.getElementById(id);
  const ANSWERS = "socnav-podbor";
  const REGION = "socnav-region";
  const steps = Array.from(form.querySelectorAll(".podbor-q"));
  const age = $("podbor-age");
  const next = $("podbor-next");
  const results = $("podbor-results");
  const status = $("podbor-status");
  const base = form.getAttribute("data-url");
  const hasFederal = form.getAttribute("data-federal") === "1";
  const cache = {};
  let step = 1;
  let runs = 0;

  const store = {
    get(k) {
      try { return localStorage.getItem(k); } catch (e) { return null; }
    },
    set(k, v) {
      // Storage may be off (private mode): answers then live until the page closes.
      try { if (v == null) localStorage.removeItem(k); else localStorage.setItem(k, v); } catch (e) { /* ignore */ }
    },
  };

  const radios = () => Array.from(form.querySelectorAll("input[name=region]"));
  const boxes = () => Array.from(form.querySelectorAll("input[name=who]"));
  // An option's own words, without its explanation after " — ".
  const text = (input) => input.parentNode.querySelector("span").firstChild.textContent.split(" — ")[0].trim();
  const t = (k) => form.getAttribute("data-t-" + k) || "";
  // The string k-one, k-few or k-many for n by the page language's rule (Russian:
  // 1, 21…; 2-4, 22-24…; the rest; other languages: 1; the rest), with {n} filled in.
  const lang = document.documentElement.lang || undefined;
  const ruRule = lang === "ru";
  const plural = (k, n) => {
    const d = n % 10, h = n % 100;
    const f = ruRule
      ? d === 1 && h !== 11 ? "one" : d >= 2 && d <= 4 && (h < 12 || h > 14) ? "few" : "many"
      : n === 1 ? "one" : "many";
    return t(k + "-" + f).replace("{n}", n);
  };

  function el(tag, cls, txt) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt != null) e.textContent = txt;
    return e;
  }

  function read() {
    const r = radios().find((x) => x.checked);
    const a = age.value.trim();
    return {
      region: r ? r.value : "",
      regionTitle: r ? text(r) : "",
      age: /^\d{1,3}$/.test(a) && +a <= 120 ? +a : null,
      ageOk: a === "" || (/^\d{1,3}$/.test(a) && +a <= 120),
      who: boxes().filter((x) => x.checked),
    };
  }

  function save(done) {
    const a = read();
    if (a.region) store.set(REGION, a.region);
    const some = a.region || age.value.trim() || a.who.length;
    store.set(ANSWERS, some ? JSON.stringify({ age: age.value.trim(), who: a.who.map((x) => x.value), step: done ? 0 : step }) : null);
  }

  function clearErrors() {
    form.querySelectorAll(".podbor-error").forEach((e) => { e.hidden = true; });
    status.textContent = "";
    form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  }

  // The current question answered well enough to go on; otherwise says what is missing.
  function valid() {
    const a = read();
    const ok = step === 1 ? !!a.region : steps[step - 1].contains(age) ? a.ageOk : a.who.length > 0;
    if (ok) return true;
    const err = $("podbor-err-" + step);
    const inputs = Array.from(steps[step - 1].querySelectorAll("input"));
    err.hidden = false;
    inputs.forEach((i) => i.setAttribute("aria-invalid", "true"));
    // The inputs are described by the error, so focusing one reads it.
    inputs[0].focus();
    return false;
  }

  // Each screen the visitor moves to is an entry in the browser's history, so the
  // browser's Back and Forward buttons (and the phone's back gesture) move between the
  // questions and the results instead of leaving the page. State 0 is the results.
  function remember(screen) {
    if (!history.state || history.state.podbor !== screen) history.pushState({ podbor: screen }, "");
  }

  function show(n, focus) {
    step = Math.min(Math.max(n, 1), steps.length);
    runs++;
    clearErrors();
    steps.forEach((s, i) => { s.hidden = i !== step - 1; });
    results.hidden = true;
    form.hidden = false;
    $("podbor-progress").textContent = t("progress").replace("{n}", step).replace("{total}", steps.length);
    $("podbor-back").hidden = step === 1;
    $("podbor-skip").hidden = !steps[step - 1].contains(age);
    next.textContent = t(step === steps.length ? "show" : "next");
    if (focus) steps[step - 1].querySelector("h2").focus();
    save(false);
  }

  function load(key) {
    if (!cache[key]) {
      cache[key] = fetch(base + encodeURIComponent(key) + ".json").then((r) => {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
      cache[key].catch(() => { delete cache[key]; });
    }
    return cache[key];
  }

  // A measure fits when one of its audiences is chosen. Bounds of a child's age
  // (age_of = "child": child benefits) are not compared with the visitor's own age.
  function fits(m, auds, years) {
    if (!m[3].some((k) => auds.has(k))) return false;
    if (years == null || m[7] === "child") return true;
    return (m[4] == null || years >= m[4]) && (m[5] == null || years <= m[5]);
  }

  async function finish(focus) {
    const run = ++runs;
    const a = read();
    const keys = hasFederal ? ["federal"] : [];
    if (a.region && a.region !== "federal") keys.push(a.region);
    // A second press while this loads starts a new run; this one is then dropped.
    status.textContent = next.textContent = t("loading");
    let data;
    try {
      data = await Promise.all(keys.map(load));
    } catch (e) {
      data = null;
    }
    next.textContent = t("show");
    if (run !== runs) return;
    if (!data) {
      show(steps.length, false);
      $("podbor-fail").hidden = false;
      status.textContent = $("podbor-fail").textContent;
      return;
    }
    const auds = new Set();
    a.who.forEach((x) => x.getAttribute("data-audiences").split(" ").forEach((k) => auds.add(k)));
    const sits = {};
    const found = new Map();
    data.forEach((d) => {
      Object.assign(sits, d.situations);
      d.measures.forEach((m) => {
        if (!found.has(m[0]) && fits(m, auds, a.age)) {
          found.set(m[0], { m, where: d.region === "federal" ? t("whole-country") : a.regionTitle });
        }
      });
    });
    const groups = new Map();
    found.forEach((it) => {
      const s = it.m[6].filter((k) => sits[k]);
      (s.length ? s : [""]).forEach((k) => {
        if (!groups.has(k)) groups.set(k, []);
        groups.get(k).push(it);
      });
    });
    // Biggest groups first: the visitor's own situation is likely among them.
    const order = Array.from(groups.keys()).filter(Boolean)
      .sort((x, y) => groups.get(y).length - groups.get(x).length || sits[x][0].localeCompare(sits[y][0], lang));
    if (groups.has("")) order.push("");
    const title = (k) => (k ? sits[k][0] : t("other-measures"));

    const box = $("podbor-groups");
    box.textContent = "";
    if (order.length > 1) {
      // In-page contents: the list can be long on a phone.
      const toc = el("ul", "tags podbor-toc");
      order.forEach((k, i) => {
        const li = el("li");
        const link = el("a", "", title(k) + " (" + groups.get(k).length + ")");
        link.href = "#podbor-g" + i;
        li.appendChild(link);
        toc.appendChild(li);
      });
      box.appendChild(toc);
    }
    const shown = new Set();
    order.forEach((k, i) => {
      const sec = el("section", "podbor-group");
      const h = el("h3", "", title(k));
      h.id = "podbor-g" + i;
      sec.setAttribute("aria-labelledby", h.id);
      sec.appendChild(h);
      if (k) {
        const p = el("p", "small");
        const link = el("a", "", t("steps-link"));
        link.href = sits[k][1];
        p.appendChild(link);
        sec.appendChild(p);
      }
      const ul = el("ul", "cards");
      groups.get(k).sort((x, y) => x.m[1].localeCompare(y.m[1], lang)).forEach((it) => {
        const li = el("li", "card");
        const h4 = el("h4", "card-title");
        const link = el("a", "", it.m[1]);
        link.href = it.m[0];
        h4.appendChild(link);
        li.appendChild(h4);
        // A measure in several situations: its description only the first time.
        if (it.m[2] && !shown.has(it.m[0])) li.appendChild(el("p", "", it.m[2]));
        shown.add(it.m[0]);
        li.appendChild(el("p", "meta", t("where") + " " + it.where));
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      box.appendChild(sec);
    });

    const n = found.size;
    const head = n ? plural("found", n) : t("found-none");
    $("podbor-count").textContent = head;
    const said = [a.regionTitle];
    if (a.age != null) said.push(plural("answer-age", a.age));
    said.push(a.who.map(text).join(", "));
    $("podbor-answers").textContent = t("your-answers") + " " + said.join(" · ");
    if (!n) box.appendChild(el("p", "", t("none-hint")));
    $("podbor-region-link").href = "/regions/" + encodeURIComponent(a.region || "federal") + "/";
    form.hidden = true;
    results.hidden = false;
    status.textContent = head + ".";
    save(true);
    if (focus) $("podbor-count").focus();
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearErrors();
    if (!valid()) return;
    if (step < steps.length) {
      show(step + 1, true);
      remember(step);
    } else {
      remember(0);
      finish(true);
    }
  });
  form.addEventListener("change", (e) => {
    if (e.target.name === "region") save(false);
  });
  $("podbor-back").addEventListener("click", () => {
    show(step - 1, true);
    remember(step);
  });
  $("podbor-skip").addEventListener("click", () => {
    age.value = "";
    show(step + 1, true);
    remember(step);
  });
  $("podbor-edit").addEventListener("click", () => {
    show(1, true);
    remember(step);
  });
  window.addEventListener("popstate", (e) => {
    const screen = e.state && e.state.podbor;
    const a = read();
    if (screen === 0 && a.region && a.ageOk && a.who.length) finish(true);
    else if (typeof screen === "number") show(screen || 1, true);
  });
  $("podbor-reset").addEventListener("click", () => {
    store.set(REGION, null);
    form.reset();
    show(1, true);
    remember(step);
    status.textContent = t("cleared");
  });

  // Restore earlier answers; the region may also come from a region page (region.js).
  let saved = null;
  try { saved = JSON.parse(store.get(ANSWERS) || "null"); } catch (e) { saved = null; }
  saved = saved && typeof saved === "object" ? saved : {};
  const region = store.get(REGION);
  radios().forEach((r) => { r.checked = r.value === region; });
  age.value = typeof saved.age === "string" ? saved.age : "";
  const who = Array.isArray(saved.who) ? saved.who : [];
  boxes().forEach((b) => { b.checked = who.indexOf(b.value) >= 0; });
  $("podbor-links").hidden = true;
  const a = read();
  if (saved.step === 0 && a.region && a.ageOk && a.who.length) {
    form.hidden = true;
    finish(false);
    history.replaceState({ podbor: 0 }, "");
  } else {
    show(typeof saved.step === "number" && a.region ? saved.step : 1, false);
    history.replaceState({ podbor: step }, "");
  }
})();
