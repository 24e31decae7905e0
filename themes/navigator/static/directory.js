// Provider and standards lists (section.html): a form above the cards re-orders them and
// hides (`hidden`) those outside the chosen region, kind or status; a live region says how
// many are shown. Nothing is remembered. Without JavaScript: the pages /…/po/<order>/.
(() => {
  "use strict";
  const list = document.querySelector("main ul.cards");
  if (!list) return;
  const get = (li, k) => li.getAttribute("data-" + k) || "";
  const ru = (a, b) => a.localeCompare(b, "ru");
  const el = (tag, props) => Object.assign(document.createElement(tag), props);
  const STATUS = { "in-force": "Действует", draft: "Проект", "public-discussion": "Общественное обсуждение", superseded: "Заменён", withdrawn: "Отменён" };
  const RANK = Object.keys(STATUS);
  const titles = {};
  const types = {};
  const here = {};
  // Cards in name order, with region keys (titled by "Где действует: …", same order).
  const items = Array.from(list.children).filter((li) => li.matches(".card")).map((li, i) => {
    const r = get(li, "regions").split(" ").filter(Boolean);
    const line = Array.from(li.querySelectorAll(".meta"), (p) => p.textContent.trim())
      .find((t) => t.indexOf("Где действует:") === 0);
    const names = line ? line.slice(14).trim().split(", ") : [];
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
    filters.push(["Регион", byTitle(titles), (o, v) => o.r.indexOf(v) >= 0 || o.r.indexOf("federal") >= 0]);
  }
  if (std) {
    filters.push(["Вид", byTitle(types), (o, v) => get(o.li, "type") === v]);
    filters.push(["Статус", RANK.filter((k) => here[k]).map((k) => [k, STATUS[k]]), (o, v) => get(o.li, "status") === v]);
  }
  const sorts = std
    ? [["", "по названию"], ["type-label", "по виду"], ["status", "по статусу"]]
    : [["", "по названию"], ["category", "по сфере деятельности"], ["audience", "по группе, которой помогают"], ["type-label", "по виду организации"]];
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
  const order = field("Упорядочить", sorts);
  const picks = filters.map((f) => field(f[0], [["", "все"]].concat(f[1])));
  const status = el("p", { className: "directory-status" });
  status.setAttribute("aria-live", "polite");
  form.append(status);
  if (document.querySelector("main .pager")) {
    const note = el("p", { className: "small", textContent: "Порядок и отбор действуют только на этой странице списка." });
    const links = document.querySelectorAll("main .orderings a");
    if (links.length) {
      note.append(" Весь список по порядку: ");
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
    status.textContent = "Показано " + shown + " из " + items.length;
  }
  form.addEventListener("change", apply);
  list.before(form);
  apply();
})();
