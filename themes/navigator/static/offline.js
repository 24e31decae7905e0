/* Offline reading. Registers the service worker /sw.js (template
   themes/navigator/templates/sw.js), which keeps the pages a visitor opens. On the
   offline page (offline.html) it also lists the pages kept on this device. Linked from
   base.html, deferred, when config.toml [extra] offline is on (the default). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;

  // After the page has loaded, so the worker's first downloads do not slow it down.
  function register() {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);

  var box = document.getElementById("offline-kept");
  var list = document.getElementById("offline-kept-list");
  if (!box || !list || !window.caches) return;

  // Titles end with " — <site title>": the list shows the page's own part.
  var site = document.querySelector(".site-title");
  var suffix = " — " + (site ? site.textContent.trim() : "");
  var parser = new DOMParser();

  function title(html, path) {
    var m = /<title>([^<]*)<\/title>/.exec(html);
    var t = m ? parser.parseFromString(m[1], "text/html").documentElement.textContent : "";
    if (t.slice(-suffix.length) === suffix) t = t.slice(0, -suffix.length);
    return t.trim() || path;
  }

  // The cache of kept pages is "socnav-pages" (sw.js); it also holds search index files
  // and questionnaire data, which are not pages.
  caches.has("socnav-pages").then(function (has) {
    if (!has) return;
    return caches.open("socnav-pages").then(function (cache) {
      return cache.keys().then(function (keys) {
        var pages = keys.filter(function (r) {
          var path = new URL(r.url).pathname;
          return /\/$/.test(path) && !/^\/(search\/[0-9a-f]+|podbor|offline)\//.test(path);
        }).reverse(); // the most recently opened first
        return Promise.all(pages.map(function (r) {
          return cache.match(r).then(function (res) { return res ? res.text() : ""; }).then(function (html) {
            return { path: new URL(r.url).pathname, title: title(html, new URL(r.url).pathname) };
          });
        }));
      });
    });
  }).then(function (pages) {
    if (!pages || !pages.length) return;
    pages.forEach(function (p) {
      var a = document.createElement("a");
      a.href = p.path;
      a.textContent = p.title;
      var li = document.createElement("li");
      li.appendChild(a);
      list.appendChild(li);
    });
    box.hidden = false;
  }).catch(function () {});
})();
