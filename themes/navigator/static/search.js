/* socnav search: reads the sharded index (docs/search-index.md) for the search page.
   The words of the query name the files to fetch, all at once; results render from
   them. Needs search-text.js (window.socnavText), loaded before it. No dependencies.
   Its words are data-t-* attributes of #search-form (search.html, from the translation
   tables). */
(function (root) {
  "use strict";
  var node = typeof module !== "undefined" && module.exports;
  var T = node ? require("./search-text.js") : root.socnavText;
  var KINDS = ["service", "situation", "provider", "standard", "page"];
  var KIND_CODES = { service: 0, situation: 1, provider: 2, standard: 3 };
  var FILTER_KEY = { kind: "kind/", c: "categories/", a: "audiences/", r: "regions/" };
  var MATCH = { word: 1, stem: 0.8, prefix: 0.6, typo: 0.5 };
  var PAGE = 10;

  /* The query's terms: normalised words, stop words dropped (unless that leaves
     nothing); the last word, while it is being typed, also counts as a prefix. */
  function terms(q) {
    var words = T.words(q);
    var typing = q.length > 0 && !/[\s.,;!?]$/.test(q);
    var out = [];
    for (var i = 0; i < words.length; i++) {
      var last = i === words.length - 1;
      var w = words[i];
      if (T.isStop(w) && !(last && typing)) continue;
      out.push({ word: w, stem: T.stem(w), partial: last && typing, optional: T.isStop(w) });
    }
    if (!out.length && words.length) {
      for (var j = 0; j < words.length; j++) {
        out.push({ word: words[j], stem: T.stem(words[j]), partial: false, optional: false });
      }
    }
    return out;
  }

  function files(t) {
    var f = [];
    if (!t.optional) f.push("w/" + T.fileName(T.skeleton(t.stem)) + ".json");
    var p = t.partial && T.prefixKey(t.word);
    if (p) f.push("p/" + T.fileName(p) + ".json");
    return f;
  }

  /* Files for pairs of the query's words (docs/search-index.md, `q/`): the documents
     whose titles hold both, for words too common for their own files to keep them all.
     At most three pairs, of the first three words. */
  function pairs(ts) {
    var out = [];
    var req = [];
    ts.forEach(function (t, i) { if (!t.optional) req.push(i); });
    req = req.slice(0, 3);
    for (var a = 0; a < req.length; a++) {
      for (var b = a + 1; b < req.length; b++) {
        var x = ts[req[a]].stem, y = ts[req[b]].stem;
        if (x === y) continue;
        var key = x < y ? x + " " + y : y + " " + x;
        out.push({ i: req[a], j: req[b], key: key, file: "q/" + T.fileName(key) + ".json" });
      }
    }
    return out;
  }

  function weight(fields) {
    return fields & 8 ? 8 : fields & 4 ? 4 : fields & 2 ? 2 : 1;
  }

  /* Every document a term's files name, with its best score for the term. */
  function hits(t, shards) {
    var best = {};
    function add(rec, fields, how, n) {
      var s = weight(fields) * MATCH[how];
      var url = rec[1];
      if (!best[url] || best[url].s < s) best[url] = { rec: rec, s: s, n: n };
    }
    var total = 0;
    var key = T.skeleton(t.stem);
    var pkey = T.prefixKey(t.word);
    shards.forEach(function (data) {
      if (!data) return;
      data.s.forEach(function (e) {
        if (e.t !== undefined) {
          if (e.k !== key) return;
          var how = e.t === t.stem ? "stem" : t.word.length >= 5 && T.withinOneTypo(e.t, t.stem) ? "typo" : null;
          if (!how) return;
          if (how === "stem") total += e.n;
          e.p.forEach(function (p) {
            var exact = false;
            for (var b = 0; b < e.f.length; b++) if (p[2] & (1 << b) && e.f[b] === t.word) exact = true;
            add(data.d[p[0]], p[1], exact ? "word" : how, e.n);
          });
        } else if (e.k === pkey) {
          e.p.forEach(function (p) {
            var w = e.w[p[2]] || "";
            if (w.indexOf(t.word) === 0) add(data.d[p[0]], p[1], w === t.word ? "word" : "prefix", e.n);
          });
          if (!total) total = -1;
        }
      });
    });
    return { best: best, total: total };
  }

  /* A document that another term's files did not name may still hold the term in its
     title or summary: its weight there (8 or 4), else 0. */
  function inText(rec, t) {
    var fields = [rec[2], rec[3]];
    for (var f = 0; f < 2; f++) {
      var ws = T.words(fields[f]);
      for (var i = 0; i < ws.length; i++) {
        if (T.stem(ws[i]) === t.stem || (t.partial && ws[i].indexOf(t.word) === 0)) return f ? 4 : 8;
      }
    }
    return 0;
  }

  function passes(rec, fs) {
    var tags = " " + rec[5] + " ";
    for (var i = 0; i < fs.length; i++) {
      var n = fs[i][0], v = fs[i][1];
      if (n === "kind" ? rec[0] !== KIND_CODES[v] : tags.indexOf(" " + n + ":" + v + " ") < 0) return false;
    }
    return true;
  }

  /* Rank the documents the files name. `per[i]` holds the files of term i. Returns the
     documents in order, how many match every word, and the total count when the index
     knows it (one word, no filter). */
  function rank(ts, per, fs, pairData) {
    var byTerm = ts.map(function (t, i) { return hits(t, per[i]); });
    /* A pair file's documents hold both words in their titles (as stems). */
    var pairTotal = 0;
    (pairData || []).forEach(function (pd) {
      var data = pd.data;
      if (!data) return;
      data.s.forEach(function (e) {
        if (e.k !== pd.key) return;
        pairTotal = Math.max(pairTotal, e.n);
        e.p.forEach(function (p) {
          var rec = data.d[p[0]];
          [pd.i, pd.j].forEach(function (i) {
            var best = byTerm[i].best;
            if (!best[rec[1]]) best[rec[1]] = { rec: rec, s: 8 * MATCH.stem, n: e.n };
          });
        });
      });
    });
    var docs = {};
    byTerm.forEach(function (h, i) {
      for (var url in h.best) {
        var d = docs[url] || (docs[url] = { rec: h.best[url].rec, s: 0, m: 0 });
        d.s += h.best[url].s;
        if (!ts[i].optional) d.m++;
      }
    });
    var required = ts.filter(function (t) { return !t.optional; }).length;
    var out = [];
    for (var url in docs) {
      var d = docs[url];
      ts.forEach(function (t, i) {
        var w = !byTerm[i].best[url] && !t.optional ? inText(d.rec, t) : 0;
        if (w) { d.m++; d.s += w * MATCH.stem; }
      });
      if (passes(d.rec, fs)) out.push(d);
    }
    out.sort(function (a, b) {
      return b.m - a.m || b.s - a.s || a.rec[0] - b.rec[0] || (a.rec[6] || 0) - (b.rec[6] || 0) ||
        (a.rec[2] < b.rec[2] ? -1 : a.rec[2] > b.rec[2] ? 1 : 0);
    });
    var all = 0;
    while (all < out.length && out[all].m >= required) all++;
    var single = -1;
    ts.forEach(function (t, i) { if (!t.optional) single = single === -1 ? i : -2; });
    var total = single >= 0 && !fs.length ? byTerm[single].total : 0;
    /* Two words whose pair file counted more documents than it keeps: that count. */
    if (required === 2 && !fs.length && pairTotal > all) total = pairTotal;
    return { docs: out, all: all, total: total };
  }

  var engine = { terms: terms, files: files, pairs: pairs, rank: rank, passes: passes };
  if (node) {
    module.exports = engine;
    return;
  }
  var form = document.getElementById("search-form");
  if (!T || !form || !window.fetch || !window.Promise) return;
  var base = form.getAttribute("data-index");
  /* The page's string k, with each {name} of vars filled in (a function, so that "$"
     in a query is not a replacement pattern). */
  function t(k, vars) {
    return (form.getAttribute("data-t-" + k) || "").replace(/\{(\w+)\}/g, function (m, name) {
      return vars && name in vars ? String(vars[name]) : m;
    });
  }
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var selects = form.querySelectorAll("select");
  var cache = {};
  var shown = [];
  var limit = PAGE;
  var seq = 0;

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path)
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
    }
    return cache[path];
  }

  function filters() {
    var f = [];
    for (var i = 0; i < selects.length; i++) {
      if (selects[i].value) f.push([selects[i].name, selects[i].value]);
    }
    return f;
  }

  function run() {
    var q = input.value;
    var ts = terms(q);
    var fs = filters();
    var my = ++seq;
    syncUrl(q, fs);
    if (!ts.length && !fs.length) {
      list.textContent = "";
      say("");
      more.hidden = true;
      list.setAttribute("data-state", "idle");
      return;
    }
    list.setAttribute("data-state", "loading");
    var need = [];
    ts.forEach(function (t) { need.push(files(t)); });
    if (!ts.length) fs.forEach(function (f) { need.push(["f/" + T.fileName(FILTER_KEY[f[0]] + f[1]) + ".json"]); });
    var ps = pairs(ts);
    Promise.all([
      Promise.all(need.map(function (names) { return Promise.all(names.map(load)); })),
      Promise.all(ps.map(function (p) { return load(p.file); }))
    ]).then(function (got) {
      if (my !== seq) return;
      var per = got[0];
      ps.forEach(function (p, n) { p.data = got[1][n]; });
      if (ts.length) showQuery(q, ts, per, fs, ps);
      else showFilters(per, fs);
      list.setAttribute("data-state", "done");
    });
  }

  function showQuery(q, ts, per, fs, ps) {
    var r = rank(ts, per, fs, ps);
    if (!r.docs.length) {
      show([], t("none", { q: q.trim() }), true);
    } else if (!r.all) {
      show(r.docs, t("some-words"));
    } else if (r.total > r.all) {
      show(r.docs, t("found-best", { n: r.total }));
    } else {
      show(r.docs, t("found", { n: r.all }) + (r.docs.length > r.all ? t("some-words-below") : ""));
    }
  }

  function showFilters(per, fs) {
    var lists = per.map(function (files) {
      var data = files[0];
      if (!data) return null;
      var key = FILTER_KEY[fs[per.indexOf(files)][0]] + fs[per.indexOf(files)][1];
      for (var i = 0; i < data.s.length; i++) if (data.s[i].k === key) return { e: data.s[i], d: data.d };
      return null;
    });
    if (lists.some(function (l) { return !l; })) return show([], t("filters-none"), true);
    lists.sort(function (a, b) { return a.e.n - b.e.n; });
    var first = lists[0];
    var out = first.e.p.map(function (i) { return { rec: first.d[i] }; }).filter(function (d) { return passes(d.rec, fs); });
    var msg = t("found", { n: lists.length === 1 ? first.e.n : out.length });
    show(out, msg + (first.e.n > first.e.p.length ? t("first-n", { n: first.e.p.length }) : ""), !out.length, null, first.e.u);
  }

  function say(text, link) {
    status.textContent = text;
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = t("full-list");
      status.appendChild(document.createTextNode(" "));
      status.appendChild(a);
    }
  }

  function show(docs, message, none, count, link) {
    shown = docs;
    limit = PAGE;
    say(message, link);
    var az = document.getElementById("poisk-az");
    if (none && az) {
      var a = document.createElement("a");
      a.href = "#poisk-az";
      a.textContent = t("az");
      status.appendChild(document.createTextNode(" "));
      status.appendChild(a);
    }
    draw();
  }

  function draw() {
    list.textContent = "";
    shown.slice(0, limit).forEach(function (d) {
      var r = d.rec;
      var li = document.createElement("li");
      li.className = "result";
      var a = document.createElement("a");
      a.href = r[1];
      a.textContent = r[2];
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = KINDS[r[0]] ? t("kind-" + KINDS[r[0]]) : "";
      li.appendChild(kind);
      li.appendChild(a);
      [r[3], r[4]].forEach(function (text, i) {
        if (!text) return;
        var p = document.createElement("p");
        p.className = i ? "result-facts" : "result-summary";
        p.textContent = text;
        li.appendChild(p);
      });
      list.appendChild(li);
    });
    more.hidden = shown.length <= limit;
  }

  function syncUrl(q, fs) {
    if (!window.history || !history.replaceState) return;
    var parts = [];
    if (q.trim()) parts.push("q=" + encodeURIComponent(q.trim()));
    fs.forEach(function (f) { parts.push(f[0] + "=" + encodeURIComponent(f[1])); });
    history.replaceState(null, "", location.pathname + (parts.length ? "?" + parts.join("&") : ""));
  }

  function fromUrl() {
    var params = {};
    location.search.replace(/^\?/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) {
        try { params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " ")); } catch (e) {}
      }
    });
    if (params.q) input.value = params.q;
    for (var i = 0; i < selects.length; i++) {
      if (params[selects[i].name]) selects[i].value = params[selects[i].name];
    }
  }

  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  for (var i = 0; i < selects.length; i++) selects[i].addEventListener("change", run);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  more.addEventListener("click", function () {
    var from = limit;
    limit += PAGE;
    draw();
    var next = list.querySelectorAll("a")[from];
    if (next) next.focus();
  });
  /* Arrow keys move between the box and the results; Escape goes back to the box. */
  form.parentNode.addEventListener("keydown", function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      if (links[at + 1]) { links[at + 1].focus(); e.preventDefault(); }
    } else if (e.key === "ArrowUp" && at >= 0) {
      (at > 0 ? links[at - 1] : input).focus();
      e.preventDefault();
    } else if (e.key === "Escape" && at >= 0) {
      input.focus();
    }
  });
  fromUrl();
  if (input.value.trim() || filters().length) run();
})(this);
