// The optional map of providers (partials/provider_map.html). Nothing of the map is
// requested until the visitor presses the button: then Leaflet's CSS and script (this
// site's copy, /vendor/leaflet/) and the section's map.json ([[url, title, lat, lon,
// address]]) are loaded, and the map is drawn below the button with OpenStreetMap tiles
// and a marker per provider; pressing again hides or shows it. Without JavaScript the
// button stays hidden and the list, with addresses and geo: links, is all there is.
// Every string shown comes from the widget's data- attributes (translation tables).
(() => {
  "use strict";
  const box = document.querySelector(".provider-map");
  if (!box) return;
  const d = box.dataset;
  const button = box.querySelector("button");
  const status = box.querySelector(".provider-map-status");
  const area = box.querySelector(".provider-map-box");
  const showText = button.textContent;
  const esc = (s) => s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
  const el = (tag, props) => Object.assign(document.createElement(tag), props);
  let map = null;
  let count = 0;
  let busy = false;

  // Each part is loaded once; one that failed is tried again on the next press.
  const parts = {};
  const once = (key, load) =>
    parts[key] ||
    (parts[key] = load().catch((e) => {
      parts[key] = null;
      throw e;
    }));
  // A <link> or <script> added to <head>: resolves once loaded; removed if it fails.
  const add = (tag, props) =>
    new Promise((ok, fail) => {
      const node = el(tag, props);
      node.onload = ok;
      node.onerror = () => {
        node.remove();
        fail(new Error(tag));
      };
      document.head.append(node);
    });

  function draw(points) {
    const L = window.L;
    L.Icon.Default.imagePath = d.images;
    map = L.map(area, { zoomControl: false });
    L.control.zoom({ zoomInTitle: d.zoomIn, zoomOutTitle: d.zoomOut }).addTo(map);
    map.attributionControl.setPrefix(false);
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: '<a href="https://www.openstreetmap.org/copyright">' + esc(d.attribution) + "</a>",
    })
      .once("tileerror", () => (status.textContent = d.failed))
      .addTo(map);
    points.forEach(([url, title, lat, lon, address]) => {
      const popup = el("div");
      popup.append(el("a", { href: url, textContent: title }));
      if (address) popup.append(el("p", { textContent: address }));
      L.marker([lat, lon], { alt: title, title }).bindPopup(popup).addTo(map);
    });
    map.on("popupopen", (e) => {
      const close = e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", d.close);
    });
    map.fitBounds(points.map((p) => [p[2], p[3]]), { maxZoom: 15, padding: [24, 24] });
    count = points.length;
  }

  function opened(open) {
    area.hidden = !open;
    button.textContent = open ? d.hide : showText;
    button.setAttribute("aria-expanded", String(open));
    status.textContent = open ? d.shown.replace("{n}", count) : d.closed;
    if (open) {
      map.invalidateSize();
      area.focus();
    }
  }

  button.addEventListener("click", () => {
    if (busy) return;
    if (map) return opened(area.hidden);
    busy = true;
    status.textContent = d.loading;
    Promise.all([
      once("css", () => add("link", { rel: "stylesheet", href: d.css })),
      once("js", () => add("script", { src: d.js })),
      once("data", () => fetch(d.url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status))))),
    ])
      .then(([, , points]) => {
        area.hidden = false;
        draw(points);
        opened(true);
      })
      .catch(() => {
        if (map) map.remove();
        map = null;
        area.hidden = true;
        status.textContent = d.failed;
      })
      .then(() => (busy = false));
  });
  box.hidden = false;
})();
