// Static file server for scripts/bench-search.sh: serves a built site over HTTPS with
// HTTP/2 (as a real host would; HTTP/1.1's six connections per host would queue
// Pagefind's parallel fragment fetches), gzips text types, sends netlify.toml's cache
// headers, and can emulate a slow link: every response waits LATENCY ms (one round
// trip), then all bodies in flight share one RATE bytes/s pipe. Doing it here rather
// than in the browser also throttles Pagefind's web worker, which CDP emulation of the
// page would miss.
//
// Run by bench.mjs with child_process.fork; it talks over IPC:
//   -> {id, cmd: "emulate", on: bool}   <- {id}
//   -> {id, cmd: "mark"}                <- {id, mark}   (index of the next log entry)
//   -> {id, cmd: "log", since}          <- {id, log: [entries]}
// A log entry: {path, status, bytes (body bytes sent, compressed), enc, type, proto,
// arrive, end} with times in ms on this process's clock.
// Usage: node server.mjs ROOT CERT KEY [LATENCY_MS RATE_BYTES_PER_S]
import http2 from "node:http2";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { performance } from "node:perf_hooks";

const [root, certFile, keyFile] = process.argv.slice(2, 5);
const LATENCY = Number(process.argv[5] || 400);
const RATE = Number(process.argv[6] || 50000);
if (!root || !certFile || !keyFile) {
  console.error("usage: node server.mjs ROOT CERT KEY [LATENCY_MS RATE]");
  process.exit(2);
}
const ROOT = path.resolve(root);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  // Pagefind's own files are gzip streams it unpacks itself: send them as they are.
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};
const TEXT = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

let emulate = false;
const log = [];
const files = new Map(); // path -> {raw, gz, type}

function cacheControl(p) {
  // netlify.toml: hashed CSS/JS and the hashed search folder for ever, HTML 5 minutes.
  // Pagefind's files get the same long life (its best case).
  if (/\.html$|\/$/.test(p)) return "public, max-age=300, must-revalidate";
  return "public, max-age=31536000, immutable";
}

function readFile(file) {
  let f = files.get(file);
  if (f) return f;
  let raw;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return readFile(path.join(file, "index.html"));
    raw = fs.readFileSync(file);
  } catch (e) {
    return null;
  }
  const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
  f = { raw, type, gz: TEXT.test(type) ? zlib.gzipSync(raw, { level: 6 }) : null };
  files.set(file, f);
  return f;
}

function resolve(urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split("?")[0]);
  } catch (e) {
    return null;
  }
  const file = path.join(ROOT, path.normalize(p));
  if (file !== ROOT && !file.startsWith(ROOT + path.sep)) return null;
  return file;
}

// One shared pipe: every 10 ms, RATE/100 bytes go out, split round-robin over the
// bodies in flight.
const flows = [];
let ticking = null;
function tick() {
  let budget = RATE / 100;
  while (budget >= 1 && flows.length) {
    const share = Math.max(1, Math.floor(budget / flows.length));
    for (let i = 0; i < flows.length && budget >= 1; ) {
      const f = flows[i];
      if (f.res.destroyed || f.res.closed) {
        flows.splice(i, 1);
        f.done(true);
        continue;
      }
      const n = Math.min(share, f.body.length - f.sent, Math.floor(budget));
      if (n > 0) f.res.write(f.body.subarray(f.sent, f.sent + n));
      f.sent += n;
      budget -= n;
      if (f.sent >= f.body.length) {
        flows.splice(i, 1);
        f.done();
      } else i++;
    }
  }
  if (!flows.length) {
    clearInterval(ticking);
    ticking = null;
  }
}
function send(res, body, done) {
  if (!body.length) return done();
  flows.push({ res, body, sent: 0, done });
  if (!ticking) ticking = setInterval(tick, 10);
}

function handler(req, res) {
  const arrive = performance.now();
  const urlPath = (req.url || "/").split("?")[0];
  let status = 200;
  let file = resolve(urlPath);
  let f = file && readFile(file);
  if (!f) {
    status = 404;
    // netlify.toml answers a missing index file with /search/none.json; other misses
    // get the site's 404 page, as static hosts do.
    const none = /^\/search\/[^/]+\/./.test(urlPath) && readFile(path.join(ROOT, "search/none.json"));
    f = none || readFile(path.join(ROOT, "404.html")) || { raw: Buffer.from("Not found"), type: "text/plain", gz: null };
  }
  const gzip = f.gz && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
  const body = gzip ? f.gz : f.raw;
  const headers = {
    "content-type": f.type,
    "content-length": String(body.length),
    "cache-control": status === 200 ? cacheControl(urlPath) : "no-cache",
    vary: "Accept-Encoding",
  };
  if (gzip) headers["content-encoding"] = "gzip";
  const entry = {
    path: urlPath, status, bytes: body.length, enc: gzip ? "gzip" : "identity",
    type: f.type.split(";")[0], proto: req.httpVersion, arrive, end: null,
  };
  log.push(entry);
  res.on("error", () => {});
  const finish = (aborted) => {
    if (aborted) entry.aborted = true;
    else res.end();
    entry.end = performance.now();
  };
  if (req.method === "HEAD") {
    res.writeHead(status, headers);
    return finish();
  }
  if (!emulate) {
    res.writeHead(status, headers);
    res.write(body);
    return finish();
  }
  setTimeout(() => {
    res.writeHead(status, headers);
    send(res, body, finish);
  }, LATENCY);
}

const server = http2.createSecureServer(
  { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile), allowHTTP1: true },
  handler,
);
server.on("error", (e) => {
  console.error("server: " + e.message);
  process.exit(1);
});
server.listen(0, "127.0.0.1", () => {
  process.send({ ready: true, port: server.address().port });
});

process.on("message", (m) => {
  if (m.cmd === "emulate") {
    emulate = !!m.on;
    process.send({ id: m.id });
  } else if (m.cmd === "mark") {
    process.send({ id: m.id, mark: log.length });
  } else if (m.cmd === "log") {
    process.send({ id: m.id, log: log.slice(m.since || 0) });
  } else if (m.cmd === "stop") {
    server.close();
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
