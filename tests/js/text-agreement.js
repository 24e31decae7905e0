// Agreement test of the browser's text analysis with src/index/text.rs: reads the JSON
// lines tests/stemmer.rs writes on stdin (Rust's answers; the line kinds are described
// there), recomputes each answer with themes/navigator/static/search-text.js and
// reports the disagreements. The script is loaded twice: as browsers with Unicode
// property escapes run it, and as old browsers do (a RegExp without the "u" flag, so
// the fallback word class), which must agree on every text it covers.
// Usage: node tests/js/text-agreement.js LABEL < lines; exit 1 on any disagreement.
'use strict';
var fs = require('fs');
var path = require('path');
var vm = require('vm');

var file = path.join(__dirname, '..', '..', 'themes', 'navigator', 'static', 'search-text.js');
var source = fs.readFileSync(file, 'utf8');
var label = process.argv[2] || 'stdin';

// Runs the script in a fresh context: with `module` as under node, without it as in a
// browser (where it sets socnavText on the global object); `old` takes away the "u" flag.
function load(asModule, old) {
  var sandbox = {};
  if (asModule) sandbox.module = { exports: {} };
  if (old) {
    sandbox.RegExp = function (pattern, flags) {
      if (/u/.test(flags || '')) throw new SyntaxError('Invalid regular expression flags');
      return new RegExp(pattern, flags);
    };
  }
  vm.runInNewContext(source, sandbox, { filename: file });
  return asModule ? sandbox.module.exports : sandbox.socnavText;
}

var js = load(true, false);
var old = load(true, true);
var browser = load(false, false);

var bad = [];
var n = { words: 0, texts: 0, typos: 0 };
function show(v) {
  var s = JSON.stringify(v);
  return s.length > 300 ? s.slice(0, 300) + '…' : s;
}
function check(what, got, want) {
  if (JSON.stringify(got) === JSON.stringify(want)) return;
  if (Array.isArray(got) && Array.isArray(want) && got.length + want.length > 8) {
    // Long lists: show where they part.
    var k = 0;
    while (k < got.length && k < want.length && got[k] === want[k]) k++;
    what += ' from item ' + k;
    got = got.slice(Math.max(0, k - 2), k + 3);
    want = want.slice(Math.max(0, k - 2), k + 3);
  }
  bad.push(what + ': js ' + show(got) + ', rust ' + show(want));
}

var api = ['normalize', 'words', 'isStop', 'stem', 'skeleton', 'prefixKey', 'fileName',
  'withinOneTypo', 'PREFIX_MIN', 'PREFIX_MAX'];
check('exports', Object.keys(js).sort(), api.slice().sort());
check('browser global socnavText', browser && Object.keys(browser).sort(), api.slice().sort());
// Both word classes are really in use: the exact one knows Han, the fallback does not.
check('words with Unicode property escapes', js.words('汉字 ab'), ['汉字', 'ab']);
check('words with the fallback class', old.words('汉字 ab'), ['ab']);

var lines = fs.readFileSync(0, 'utf8').split('\n');
for (var i = 0; i < lines.length; i++) {
  if (!lines[i]) continue;
  var r = JSON.parse(lines[i]);
  if ('word' in r) {
    n.words++;
    var w = r.word;
    check('stem(' + w + ')', js.stem(w), r.stem);
    check('skeleton(' + r.stem + ')', js.skeleton(r.stem), r.skeleton);
    check('fileName(' + r.skeleton + ')', js.fileName(r.skeleton), r.file);
    check('isStop(' + w + ')', js.isStop(w), r.stop);
    check('prefixKey(' + w + ')', js.prefixKey(w), r.prefix);
    if (r.prefix !== null) check('fileName(' + r.prefix + ')', js.fileName(r.prefix), r.prefix_file);
    // Every character of a published word is a word character in old browsers too.
    check('old-browser words(' + w + ')', old.words(w), js.words(w));
  } else if ('text' in r) {
    n.texts++;
    if (r.unicode && r.unicode !== process.versions.unicode.split('.').slice(0, 2).join('.')) {
      console.log('note: one text skipped: node has Unicode ' + process.versions.unicode +
        ', Rust ' + r.unicode);
      continue;
    }
    var t = r.text.length > 60 ? r.text.slice(0, 60) + '…' : r.text;
    check('normalize(' + show(t) + ')', js.normalize(r.text), r.normalized);
    check('words(' + show(t) + ')', js.words(r.text), r.words);
    if (!r.exact_only) check('old-browser words(' + show(t) + ')', old.words(r.text), r.words);
  } else if ('typo' in r) {
    n.typos++;
    check('withinOneTypo(' + r.a + ', ' + r.b + ')', js.withinOneTypo(r.a, r.b), r.typo);
  } else if ('stop_words' in r) {
    check('PREFIX_MIN', js.PREFIX_MIN, r.prefix_min);
    check('PREFIX_MAX', js.PREFIX_MAX, r.prefix_max);
    for (var j = 0; j < r.stop_words.length; j++) {
      check('isStop(' + r.stop_words[j] + ')', js.isStop(r.stop_words[j]), true);
    }
  } else {
    bad.push('unknown line: ' + show(r));
  }
}

console.log(label + ': ' + n.words + ' words, ' + n.texts + ' texts, ' + n.typos +
  ' typo pairs; ' + bad.length + ' disagreements');
console.log('compared words=' + n.words + ' texts=' + n.texts + ' typos=' + n.typos);
if (bad.length) {
  console.log(bad.slice(0, 20).join('\n'));
  process.exit(1);
}
