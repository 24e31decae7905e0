// Service worker of the navigator: keeps what a visitor opened, so it reads offline.
//
// socnav renders this template to /sw.js when offline reading is on (config.toml
// [extra] offline, true by default); offline.js registers it with scope "/".
//
// - Pages (navigations): the network first, so a visitor online always sees the
//   current text; the copy kept on this device when the network fails or is slow; the
//   offline page (/offline/) for a page never opened here.
// - CSS and scripts (hashed names, never change) and search index files (in a folder
//   named by a hash of the index): the kept copy first, else the network.
// - Questionnaire data /podbor/<region>.json: the network first, the kept copy offline.
// - Only full 200 answers of this site are kept; nothing else is touched (other sites,
//   POST, the dev server's live reload under /__socnav/).
"use strict";

// This build's CSS and scripts by name: {"style.css": "/style.<hash>.css", ...}.
const ASSETS = {
{%- for a in asset_list %}
  "{{ a.name }}": "{{ a.url }}",
{%- endfor %}
};
const OFFLINE_URL = "{{ offline_url }}";

// Two caches. STATIC: this build's CSS, scripts and offline page; the name carries the
// build's version (a hash of this file, so of the asset names), and activating a new
// worker deletes the old one. PAGES: what the visitor opened (pages, search index
// files, questionnaire data); it outlives builds, as pages are refreshed whenever the
// visitor is online. offline.js reads PAGES by this name to list the kept pages.
const STATIC = "socnav-static-__SOCNAV_VERSION__";
const PAGES = "socnav-pages";
const MAX_PAGES = 200; // pages kept on the device; the least recently stored go first
const PAGE_TIMEOUT = 3000; // ms to wait for the network before showing a kept page

const HASHED = /^\/(.+)\.[0-9a-f]{8,}\.(css|js)$/; // /style.1922c6679f.css
const SEARCH_FILE = /^\/search\/([0-9a-f]+)\/./; // /search/<index hash>/w/<name>.json
const PODBOR = /^\/podbor\/[^/]+\.json$/;

self.addEventListener("install", (event) => {
  const fresh = (url) => new Request(url, { cache: "reload" });
  const needed = [OFFLINE_URL, ASSETS["style.css"], ASSETS["print.css"], ASSETS["offline.js"]];
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC);
      await cache.addAll(needed.filter(Boolean).map(fresh));
      // The home page too: the offline page links to it. Not worth failing for.
      await keepPage("/").catch(() => {});
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("socnav-") && name !== STATIC && name !== PAGES) {
          await caches.delete(name);
        }
      }
      await self.clients.claim();
      // The pages open now were loaded before the worker ran: keep them as well.
      for (const client of await self.clients.matchAll({ type: "window" })) {
        const url = new URL(client.url);
        if (url.origin === self.location.origin) await keepPage(url.pathname).catch(() => {});
      }
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // The dev server's own files and the CMS editor (always fresh) are never kept.
  if (url.origin !== self.location.origin || url.pathname.startsWith("/__socnav/") || url.pathname.startsWith("/admin/")) return;
  const path = url.pathname; // the query (/search/?q=…) is not part of what is kept
  if (request.mode === "navigate") {
    event.respondWith(page(event, path));
  } else if (HASHED.test(path)) {
    event.respondWith(asset(event, path));
  } else if (SEARCH_FILE.test(path)) {
    event.respondWith(cacheFirst(event, PAGES, path).catch(() => Response.error()));
  } else if (PODBOR.test(path)) {
    event.respondWith(networkFirst(event, path, 0, keepable).catch(() => Response.error()));
  }
  // Anything else goes to the network as if there were no worker.
});

// A full answer of this site: not an error, a redirect or a partial answer.
function keepable(res) {
  return res.status === 200 && res.type === "basic" && !res.redirected;
}

function isHtml(res) {
  return keepable(res) && (res.headers.get("Content-Type") || "").startsWith("text/html");
}

// A page: the network's answer, or the kept copy, or the offline page.
async function page(event, path) {
  try {
    return await networkFirst(event, path, PAGE_TIMEOUT, isHtml);
  } catch (e) {
    return (await caches.match(OFFLINE_URL, { cacheName: STATIC })) || Response.error();
  }
}

// A hashed CSS or script file. A page kept from an older build names older files, gone
// from the site after a new build: it gets this build's file of the same name, so it is
// still readable and styled.
async function asset(event, path) {
  const res = await cacheFirst(event, STATIC, path).catch(() => null);
  if (res && res.ok) return res;
  const m = HASHED.exec(path);
  const now = ASSETS[m[1] + "." + m[2]];
  return (now && (await caches.match(now, { cacheName: STATIC }))) || res || Response.error();
}

// The kept copy, else the network's answer (kept for next time).
async function cacheFirst(event, name, key) {
  const cache = await caches.open(name);
  return (await cache.match(key)) || fetchAndKeep(event, name, key, keepable);
}

// The network's answer (kept in PAGES if `wanted` says so). If the network fails, or
// answers nothing within `wait` ms (0: no limit), the kept copy; a late answer is still
// kept for next time. Rejects when there is neither.
function networkFirst(event, key, wait, wanted) {
  const got = fetchAndKeep(event, PAGES, key, wanted);
  const kept = () => caches.open(PAGES).then((cache) => cache.match(key));
  return new Promise((resolve, reject) => {
    got.then(resolve, () =>
      kept().then((res) => (res ? resolve(res) : reject(new Error("offline"))), reject)
    );
    if (wait) {
      setTimeout(() => kept().then((res) => res && resolve(res), () => {}), wait);
    }
  });
}

// Fetches the request of `event`; a `wanted` answer is copied into cache `name` under
// `key`, and a page that is gone (404, 410) is dropped from it. The worker stays alive
// until that is done.
function fetchAndKeep(event, name, key, wanted) {
  let done = Promise.resolve();
  const got = fetch(event.request).then((res) => {
    if (wanted(res)) done = store(name, key, res.clone());
    else if (res.status === 404 || res.status === 410) done = forget(name, key);
    return res;
  });
  try {
    event.waitUntil(got.then(() => done, () => {}));
  } catch (e) {
    // The event is over (cannot happen while respondWith waits); storing goes on anyway.
  }
  return got;
}

// Fetches a page of this site and keeps it (install, activate).
async function keepPage(path) {
  const res = await fetch(path, { cache: "no-cache" });
  if (isHtml(res)) await store(PAGES, path, res);
}

async function store(name, key, res) {
  try {
    const cache = await caches.open(name);
    await cache.put(key, res);
    if (name === PAGES && !PODBOR.test(key)) await tidy(cache, key);
  } catch (e) {
    // Storage full or refused: the visitor still gets the answer, it is just not kept.
  }
}

async function forget(name, key) {
  try {
    await (await caches.open(name)).delete(key);
  } catch (e) {
    // Nothing to drop.
  }
}

// Keeps PAGES small on a phone: the home page (the offline page links to it) and the
// MAX_PAGES most recently stored other pages (keys come in the order they were stored;
// storing a page again moves it to the end), and the search files of the index just
// used only (a new build's index has a new folder).
async function tidy(cache, justStored) {
  const index = SEARCH_FILE.exec(justStored);
  const pages = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    const file = SEARCH_FILE.exec(path);
    if (file) {
      if (index && file[1] !== index[1]) await cache.delete(request);
    } else if (!PODBOR.test(path) && path !== "/") {
      pages.push(request);
    }
  }
  for (const request of pages.slice(0, Math.max(0, pages.length - MAX_PAGES))) {
    await cache.delete(request);
  }
}
