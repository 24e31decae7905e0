// Last table of scripts/bench-search.sh: one line per catalogue size, from the JSON
// files bench.mjs wrote. Usage: node summary.mjs FILE.json...
import fs from "node:fs";

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => Math.max(...xs);
const kb = (b) => (b / 1000).toFixed(1);
const lp = (s, n) => String(s).padStart(n);

const head = [lp("services", 9), lp("build s", 8), lp("index files", 12), lp("index MB", 9), lp("pf s", 7),
  lp("socnav KB cold med/max", 23), lp("warm med/max", 13), lp("RT max", 7), lp("s cold med", 11),
  lp("pf KB cold med/max", 19), lp("pf RT max", 10), lp("pf s cold med", 14), lp("PASS", 6)];
console.log(head.join(" "));
for (const f of process.argv.slice(2)) {
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  const so = r.rows.map((x) => x.socnav).filter(Boolean);
  const pf = r.rows.map((x) => x.pagefind).filter(Boolean);
  const m = r.meta || {};
  const g = (rs, fn, k, mode) => (rs.length ? fn(rs.map((x) => x[mode][k])) : NaN);
  console.log([
    lp(r.n, 9),
    lp(m.build_s ?? "", 8),
    lp(m.index_files ?? "", 12),
    lp(m.index_bytes ? (m.index_bytes / 1e6).toFixed(1) : "", 9),
    lp(m.pagefind_s ?? "-", 7),
    lp(kb(g(so, median, "bytes", "cold")) + "/" + kb(g(so, max, "bytes", "cold")), 23),
    lp(kb(g(so, median, "bytes", "warm")) + "/" + kb(g(so, max, "bytes", "warm")), 13),
    lp(g(so, max, "rt", "cold"), 7),
    lp((g(so, median, "ms", "cold") / 1000).toFixed(2), 11),
    lp(pf.length ? kb(g(pf, median, "bytes", "cold")) + "/" + kb(g(pf, max, "bytes", "cold")) : "-", 19),
    lp(pf.length ? g(pf, max, "rt", "cold") : "-", 10),
    lp(pf.length ? (g(pf, median, "ms", "cold") / 1000).toFixed(2) : "-", 14),
    lp(r.rows.filter((x) => x.pass).length + "/" + r.rows.length, 6),
  ].join(" "));
}
