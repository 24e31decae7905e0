/* Twin of src/index/text.rs (search text analysis): change both together, tests/stemmer.rs
 * compares them. ES5, UTF-8. Word chars: Rust's is_alphanumeric; without \p{} regexps
 * (old Android) exact only in U+0-2AF, U+400-52F, U+1E00-1EFF. */
(function (root) {
  'use strict';
  var api = {PREFIX_MIN: 2, PREFIX_MAX: 4}, W, STOP = {}, CYR = /[а-яё]/,
    CP = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\s\\S]';
  try {
    W = new RegExp('[\\p{Alphabetic}\\p{N}]+', 'gu');
  } catch (e) {
    W = /[0-9A-Za-z\xAA\xB2\xB3\xB5\xB9\xBA\xBC-\xBE\xC0-\xD6\xD8-\xF6\xF8-\u02AF\u0400-\u0481\u048A-\u052F\u1E00-\u1EFF]+/g;
  }
  ('а два да всегда когда никогда иногда тогда куда за была на она об чтоб в вдруг над ' +
   'перед под себе разве где ее более нее же даже тоже уже после не мне все лучше больше ' +
   'еще ж уж раз без через из и ли или если были ни они при три почти эти ей ней другой ' +
   'какой такой мой этой к как так был вам сам там совсем тем чем зачем впрочем им ним ' +
   'том потом этом один он о во его него всего чего ничего много того этого до надо ' +
   'только было но можно конечно по про со то будто кто что хорошо с вас нас сейчас ' +
   'будет может нет от вот тот этот тут у между ему потому ну эту всех их них наконец бы ' +
   'чтобы вы мы ты ведь нибудь теперь здесь хоть есть чуть быть опять свою всю я какая ' +
   'себя тебя нельзя для меня моя').replace(/\S+/g, function (w) { STOP[w] = 1; });

  function cps(s) { // chars, as Rust counts
    return s.match(new RegExp(CP, 'g')) || [];
  }

  api.normalize = function (text) { // per char: no final sigma
    return String(text).replace(/Σ/g, 'σ').toLowerCase().replace(/ё/g, 'е').replace(/ъ/g, 'ь');
  };

  api.words = function (text) {
    return (String(text).match(W) || []) // 1-char words go, counted unnormalised
      .filter(function (w) { return cps(w).length > 1; }).map(api.normalize);
  };

  api.isStop = function (w) { return STOP.hasOwnProperty(w); };

  // Snowball among: /(..)$/ finds the longest suffix; captured ones need а|я before.
  function cut(s, re) {
    var m = re.exec(s), t = m && s.slice(0, m.index);
    return !m || m[1] && !/[ая]$/.test(t) ? null : t;
  }

  // Snowball Russian as in rust-stemmers 1.2: vowels аеиоуыэюя, not ё; all in RV.
  api.stem = function (w) {
    if (!CYR.test(w)) return w;
    var m = /^[^аеиоуыэюя]*[аеиоуыэюя]/.exec(w), v = m ? m[0].length : w.length,
      s = w.slice(v), p2 = w.length, t, r;
    m = /^[аеиоуыэюя]*[^аеиоуыэюя]+[аеиоуыэюя]+[^аеиоуыэюя]/.exec(s);
    if (m) p2 = v + m[0].length;
    t = cut(s, /(?:[ыи]в(?:ши(?:сь)?)?|(в(?:ши(?:сь)?)?))$/);
    if (t === null) {
      r = cut(s, /с[яь]$/);
      if (r !== null) s = r;
      t = cut(s, /(?:[ео](?:му|го)|[ыи](?:х|ми)|[уюео]ю|[яа]я|[ыеио][ейм])$/);
      if (t !== null) {
        r = cut(t, /(?:[иы]вш|ующ|(ем|нн|вш|ю?щ))$/);
        if (r !== null) t = r;
      } else {
        t = cut(s, /(?:[ыи]ть?|уют|ят|ует|ены|ишь|у?ю|[ыи]л[аио]?|ен[ао]?|ите|[уе]й(?:те)?|[ыи]м|([юе]т|н[ыао]?|ть|ешь|л[аио]?|ете|й(?:те)?|ем|нно))$/);
        if (t === null) {
          t = cut(s, /(?:и?я[хм]|а[хм]|и?ями|ами|[ьи]?[юяе]|[уыьаоий]|[ео]в|[еи]и|и?ей|[ио]й|и?ем|ом)$/);
        }
      }
    }
    s = (t === null ? s : t).replace(/и$/, '');
    m = /ость?$/.exec(s);
    if (m && v + m.index >= p2) s = s.slice(0, m.index);
    s = /ейше?$/.test(s) ? s.replace(/ейше?$/, '').replace(/нн$/, 'н')
      : s.replace(/нн$/, 'н').replace(/ь$/, '');
    return w.slice(0, v) + s;
  };

  api.skeleton = function (st) {
    return !CYR.test(st) ? st : st.replace(/[аеёиоуыэюяйьъ]/g, '')
      .replace(/[бвгджщз]/g, function (c) { return 'пфктшшс'.charAt('бвгджщз'.indexOf(c)); })
      .replace(new RegExp('(' + CP + ')\\1+', 'g'), '$1') || st;
  };

  api.prefixKey = function (w) {
    var c = cps(w);
    return c.length > 1 ? c.slice(0, 4).join('') : null;
  };

  api.fileName = function (key) { // FNV-1a of UTF-8, no Math.imul
    var b = unescape(encodeURIComponent(key)), h = 0x811c9dc5, i;
    for (i = 0; i < b.length; i++) {
      h ^= b.charCodeAt(i);
      h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) >>> 0;
    }
    return ('0000000' + h.toString(16)).slice(-8);
  };

  api.withinOneTypo = function (a, b) {
    a = cps(a);
    b = cps(b);
    var la = a.length, lb = b.length, i = 0;
    function eq(x, y) { return a.slice(x).join('') === b.slice(y).join(''); }
    while (i < la && a[i] === b[i]) i++;
    return Math.abs(la - lb) < 2 && (i === la && i === lb || (la > lb ? eq(i + 1, i)
      : la < lb ? eq(i, i + 1)
      : eq(i + 1, i + 1) || a[i] === b[i + 1] && a[i + 1] === b[i] && eq(i + 2, i + 2)));
  };

  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.socnavText = api;
})(this);
