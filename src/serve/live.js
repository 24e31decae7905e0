/* socnav serve: reload the page after a rebuild; show build errors over the page. */
(function () {
  var version = null;
  function overlay(text) {
    var o = document.getElementById("socnav-errors");
    if (!text) {
      if (o) o.parentNode.removeChild(o);
      return;
    }
    if (!o) {
      o = document.createElement("div");
      o.id = "socnav-errors";
      o.setAttribute("role", "alert");
      o.style.cssText = "position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483647;overflow:auto;" +
        "background:#fff;color:#111;border:6px solid #b00020;padding:1rem;font:15px/1.45 monospace;white-space:pre-wrap";
      document.body.appendChild(o);
    }
    o.textContent = "Сайт не пересобран: в содержимом ошибки. Пока они не исправлены, показана прежняя версия.\n\n" + text;
  }
  function apply(s) {
    if (version !== null && s.version !== version) {
      location.reload();
      return;
    }
    version = s.version;
    overlay(s.errors);
  }
  var es = new EventSource("/__socnav/events");
  es.onmessage = function (e) { apply(JSON.parse(e.data)); };
})();
