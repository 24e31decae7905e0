// Provider and standards lists (section.html): a form above the cards re-orders them and
// hides (`hidden`) those outside the chosen region, kind or status; a live region says how
// many are shown. Nothing is remembered. Without JavaScript: the pages /…/po/<order>/.
// Its words are data-t-* attributes of the list (section.html, from the translation tables).
(() => {
  "use strict";
  const list = document.querySelector("main ul.cards");
  if (!list) return;
  const get = (li, k) => li.getAttribute("data-" + k) || "";
  const t = (k) => get(list, "t-" + k);
  const lang = document.documentElement.lang || undefined;
  const ru = (a, b) => a.localeCompare(b, lang);
  const el = (tag, props) => Object.assign(document.createElement(tag), props);
  const RANK = ["in-force", "draft", "public-discussion", "superseded", "withdrawn"];
  const titles = {};
  const types = {};
  const here = {};
  // Cards in name order, with region keys (titled by the card's .card-regions, same order).
  const items = Array.from(list.children).filter((li) => li.matches(".card")).map((li, i) => {
    const r = get(li, "regions").split(" ").filter(Boolean);
    const line = li.querySelector(".card-regions");
    const names = line ? line.textContent.trim().split(", ") : [];
    r.forEach((k, j) => { titles[k] = titles[k] || (names.length === r.length && names[j]) || k; });
    if (get(li, "type")) types[get(li, "type")] = get(li, "type-label");
    here[get(li, "status")] = 1;
    return { li, i, r };
  });
  if (items.length < 2) return;
  const std = RANK.some((k) => here[k]);
  const byTitle = (o) => Object.keys(o).map((k) => [k, o[k]]).sort((a, b) => ru(a[1], b[1]));

  // [label, options, does item o fit value v]
  const filters = [];
  if (Object.keys(titles).length > 1) {
    filters.push([t("filter-region"), byTitle(titles), (o, v) => o.r.indexOf(v) >= 0 || o.r.indexOf("federal") >= 0]);
  }
  if (std) {
    filters.push([t("filter-type"), byTitle(types), (o, v) => get(o.li, "type") === v]);
    filters.push([t("filter-status"), RANK.filter((k) => here[k]).map((k) => [k, t("status-" + k)]), (o, v) => get(o.li, "status") === v]);
  }
  const sorts = std
    ? [["", t("by-name")], ["type-label", t("by-type")], ["status", t("by-status")]]
    : [["", t("by-name")], ["category", t("by-category")], ["audience", t("by-audience")], ["type-label", t("by-provider-type")]];
  const key = (li, k) => (k === "status" ? String(RANK.indexOf(get(li, k)) + 1 || "") : get(li, k));

  const form = el("form", { className: "directory-tools" });
  let n = 0;
  const field = (label, opts) => {
    const s = el("select", { id: "dir-" + n++ });
    opts.forEach((o) => s.append(el("option", { value: o[0], textContent: o[1] })));
    const d = el("div", { className: "directory-field" });
    d.append(el("label", { htmlFor: s.id, textContent: label }), s);
    form.append(d);
    return s;
  };
  const order = field(t("order"), sorts);
  const picks = filters.map((f) => field(f[0], [["", t("all")]].concat(f[1])));
  const status = el("p", { className: "directory-status" });
  status.setAttribute("aria-live", "polite");
  form.append(status);
  if (document.querySelector("main .pager")) {
    const note = el("p", { className: "small", textContent: t("page-only") });
    const links = document.querySelectorAll("main .orderings a");
    if (links.length) {
      note.append(t("whole-before"));
      links.forEach((a, i) => note.append(i ? ", " : "", a.cloneNode(true)));
      note.append(".");
    }
    form.append(note);
  }

  function apply() {
    const k = order.value;
    const sorted = items.slice().sort((a, b) => {
      const x = k ? key(a.li, k) : "";
      const y = k ? key(b.li, k) : "";
      return !x - !y || ru(x, y) || a.i - b.i;
    });
    list.append(...sorted.map((o) => o.li));
    let shown = 0;
    items.forEach((o) => {
      o.li.hidden = !filters.every((f, j) => !picks[j].value || f[2](o, picks[j].value));
      if (!o.li.hidden) shown++;
    });
    status.textContent = t("shown").replace("{n}", shown).replace("{total}", items.length);
  }
  form.addEventListener("change", apply);
  list.before(form);
  apply();
})();
