// Additions to Decap CMS for a socnav catalogue, written by `socnav build` beside
// /admin/config.yml (do not edit the copy in the built site). Before Decap saves a record
// it hands the record to the preSave handler below, which:
//  - writes dates as TOML dates (reviewed = 2026-11-10): Decap's date widget gives a
//    string, which Decap's TOML writer would put in quotes, and `socnav check` rejects
//    a date in quotes. Decap writes a Date's toISOString() without quotes, so each date
//    becomes a Date whose toISOString() is the date itself (as a date read from the file
//    already is);
//  - removes values that were filled in and then cleared ("" and empty tables, and list
//    items left empty), which check would report as not filled in;
//  - names a new record's file after its `slug` field or, when that is empty, after its
//    title in Latin letters: file names become addresses (a-z, 0-9 and hyphens);
//  - refuses to save a section's _index.md, which is not a record, with a record's form.
"use strict";
(function () {
  // Date fields of each collection: paths into the front matter, "*" for every item of
  // a list. Generated from the schema.
  var DATE_FIELDS = __DATE_FIELDS__;

  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  var LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya"
  };

  // A title as a file name: Latin lowercase letters, digits and hyphens, at most 80.
  function slugOf(title) {
    var latin = String(title).toLowerCase().split("").map(function (c) {
      return Object.prototype.hasOwnProperty.call(LATIN, c) ? LATIN[c] : c;
    }).join("");
    var slug = latin.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (slug.length > 80) {
      slug = slug.slice(0, 80);
      var cut = slug.lastIndexOf("-");
      if (cut > 40) slug = slug.slice(0, cut);
      slug = slug.replace(/-+$/, "");
    }
    return slug;
  }

  // A TOML local date.
  function tomlDate(text) {
    var date = new Date(text + "T00:00:00Z");
    date.toISOString = function () { return text; };
    date.toJSON = date.toISOString;
    return date;
  }

  function isTable(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v) &&
      Object.prototype.toString.call(v) !== "[object Date]";
  }

  // Collects the removals of empty values under `value` (at `path`) into `ops`, deepest
  // and, in lists, last first, so that each path is still right when its turn comes.
  // Returns whether `value` itself is empty and is to be removed.
  function empties(value, path, ops) {
    if (Array.isArray(value)) {
      for (var i = value.length - 1; i >= 0; i--) {
        if (empties(value[i], path.concat([i]), ops)) ops.push(path.concat([i]));
      }
      return false;
    }
    if (isTable(value)) {
      var left = 0;
      Object.keys(value).forEach(function (key) {
        if (empties(value[key], path.concat([key]), ops)) ops.push(path.concat([key]));
        else left++;
      });
      return left === 0;
    }
    return value === null || value === undefined ||
      (typeof value === "string" && value.trim() === "");
  }

  // The paths of the date strings found at a path pattern ("*" = every list item).
  function datesAt(value, pattern, path, out) {
    if (pattern.length === 0) {
      if (typeof value === "string" && DATE.test(value.trim())) out.push(path);
      return;
    }
    var head = pattern[0];
    var rest = pattern.slice(1);
    if (head === "*") {
      if (Array.isArray(value)) {
        value.forEach(function (item, i) { datesAt(item, rest, path.concat([i]), out); });
      }
    } else if (isTable(value) && Object.prototype.hasOwnProperty.call(value, head)) {
      datesAt(value[head], rest, path.concat([head]), out);
    }
  }

  // The front matter as socnav wants it. `data` is Decap's (Immutable) map of the
  // entry's values; the result is the same kind of map.
  function normalise(collection, data, isNew) {
    var plain = data.toJS();
    var ops = [];
    Object.keys(plain).forEach(function (key) {
      if (key === "body") return;
      if (empties(plain[key], [key], ops)) ops.push([key]);
    });
    ops.forEach(function (path) { data = data.deleteIn(path); });

    plain = data.toJS();
    var dates = [];
    DATE_FIELDS[collection].forEach(function (pattern) { datesAt(plain, pattern, [], dates); });
    dates.forEach(function (path) {
      data = data.setIn(path, tomlDate(String(data.getIn(path)).trim()));
    });

    if (isNew && !data.get("slug")) {
      var slug = slugOf(data.get("title") || "");
      if (!slug) {
        throw new Error("Впишите адрес страницы латиницей в поле «Адрес страницы»: из названия его не составить.");
      }
      data = data.set("slug", slug);
    }
    return data;
  }

  var api = { normalise: normalise, slugOf: slugOf, DATE_FIELDS: DATE_FIELDS };
  if (typeof module !== "undefined" && module.exports) module.exports = api;

  if (typeof CMS !== "undefined") {
    CMS.registerEventListener({
      name: "preSave",
      handler: function (args) {
        var entry = args.entry;
        var collection = entry.get("collection");
        if (!Object.prototype.hasOwnProperty.call(DATE_FIELDS, collection)) return undefined;
        if (/(^|\/)_index$/.test(entry.get("slug") || "")) {
          throw new Error("Это описание раздела (_index.md), а не запись: его правят в файле через git, см. руководство редактора.");
        }
        return normalise(collection, entry.get("data"), entry.get("newRecord") === true);
      }
    });
  }
})();
