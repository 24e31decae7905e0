// The visitor's region, kept in localStorage "socnav-region" (set here on region pages and
// by the questionnaire, podbor.js): marks whether each measure ([data-regions] on list
// cards and on a service page's "where valid" row) applies there, and offers to remember
// or forget the region on its page (.region-remember). Without it pages stay as built.
// Its words come from the page: data-region-yes/-no on <body>, the other data- attributes
// of .region-remember (themes/navigator/translations).
(() => {
  "use strict";
  const KEY = "socnav-region";
  let mine = null;
  try { mine = localStorage.getItem(KEY); } catch (e) { /* storage off */ }

  function el(tag, cls, txt) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt) e.textContent = txt;
    return e;
  }

  function mark() {
    document.querySelectorAll(".region-mark").forEach((e) => e.remove());
    if (!mine) return;
    document.querySelectorAll("[data-regions]").forEach((x) => {
      const keys = x.getAttribute("data-regions").split(" ");
      const yes = keys.indexOf(mine) >= 0 || keys.indexOf("federal") >= 0;
      const b = el("p", "region-mark " + (yes ? "yes" : "no"), document.body.getAttribute(yes ? "data-region-yes" : "data-region-no"));
      const title = x.querySelector(".card-title");
      const dd = x.querySelector("dd");
      if (title) title.after(b);
      else if (dd) dd.appendChild(b);
      else x.appendChild(b);
    });
  }

  const box = document.querySelector(".region-remember[data-region]");
  let state, button;
  const t = (k) => box.getAttribute("data-" + k);
  function draw(changed) {
    const here = box.getAttribute("data-region");
    state.textContent = mine === here ? t("is-yours") : changed ? t("forgotten") : "";
    button.textContent = t(mine === here ? "forget" : "remember");
  }
  if (box) {
    state = el("span", "region-state");
    state.setAttribute("role", "status");
    button = el("button", "secondary");
    button.type = "button";
    box.append(state, button, el("p", "small", t("note")));
    button.addEventListener("click", () => {
      const here = box.getAttribute("data-region");
      mine = mine === here ? null : here;
      try {
        if (mine) localStorage.setItem(KEY, mine);
        else localStorage.removeItem(KEY);
      } catch (e) { /* storage off: marks last until the page closes */ }
      draw(true);
      mark();
    });
    draw(false);
    box.hidden = false;
  }

  // Another tab chose or forgot a region.
  window.addEventListener("storage", (e) => {
    if (e.key !== KEY && e.key !== null) return;
    mine = e.newValue && e.key ? e.newValue : null;
    if (box) draw(false);
    mark();
  });
  mark();
})();
