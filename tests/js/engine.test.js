// Unit tests of the search page's ranking engine (themes/navigator/static/search.js,
// which under node exports {terms, files, pairs, rank, passes}), on hand-made index files in
// the format of src/index/shards.rs (docs/search-index.md):
//
//   w/<file>.json  {"s":[{"k":skeleton,"t":stem,"n":count,"f":[forms],"p":[[doc,fields,formMask]]}],"d":[records]}
//   p/<file>.json  {"s":[{"k":prefix,"n":count,"w":[completions],"p":[[doc,fields,completion]]}],"d":[records]}
//   q/<file>.json  {"s":[{"k":"stem1 stem2","n":count,"w":[],"p":[[doc,8,0]]}],"d":[records]}
//   record         [kind, url, title, summary, facts, "c:term a:term r:term"]
//   fields         title 8, description 4, eligibility 2, body 1 (OR-ed)
//
// Run by tests/browser.rs (`ranking_engine_unit_tests`); alone: node tests/js/engine.test.js
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');

const static_ = path.join(__dirname, '..', '..', 'themes', 'navigator', 'static');
const E = require(path.join(static_, 'search.js'));
const T = require(path.join(static_, 'search-text.js'));

const TITLE = 8, DESCRIPTION = 4, ELIGIBILITY = 2, BODY = 1;
const KIND = { service: 0, situation: 1, provider: 2, standard: 3 };

function record(url, opts = {}) {
  return [KIND[opts.kind || 'service'], url, opts.title || 'Запись ' + url, opts.summary || '', '', opts.terms || ''];
}

// A word file with one entry per stem. `hits`: [record, fields, forms used].
function wordFile(stems) {
  const d = [];
  const id = (rec) => {
    let i = d.indexOf(rec);
    if (i < 0) i = d.push(rec) - 1;
    return i;
  };
  const s = stems.map((e) => {
    const forms = e.forms;
    const t = e.stem || T.stem(forms[0]);
    return {
      k: T.skeleton(t),
      t,
      n: e.n || e.hits.length,
      f: forms,
      p: e.hits.map(([rec, fields, used]) => [
        id(rec),
        fields,
        (used || [forms[0]]).reduce((m, w) => m | (1 << forms.indexOf(w)), 0),
      ]),
    };
  });
  return { s, d };
}

// A prefix file with one entry. `hits`: [record, fields, completion].
function prefixFile(prefix, hits) {
  const d = [];
  const w = [];
  const p = hits.map(([rec, fields, word]) => {
    if (!w.includes(word)) w.push(word);
    if (!d.includes(rec)) d.push(rec);
    return [d.indexOf(rec), fields, w.indexOf(word)];
  });
  return { s: [{ k: prefix, n: hits.length, w, p }], d };
}

// Ranks query `q` against `files` (file name -> parsed JSON); a missing file is null, as
// the page passes a 404.
function search(q, files, filters = []) {
  const ts = E.terms(q);
  const per = ts.map((t) => E.files(t).map((f) => (f in files ? files[f] : null)));
  const ps = E.pairs(ts);
  ps.forEach((p) => { p.data = p.file in files ? files[p.file] : null; });
  return E.rank(ts, per, filters, ps);
}

// A pair file with one entry: the documents whose titles hold both words.
function pairFile(a, b, recs, n) {
  const key = [T.stem(a), T.stem(b)].sort().join(' ');
  return { s: [{ k: key, n: n || recs.length, w: [], p: recs.map((r, i) => [i, TITLE, 0]) }], d: recs };
}
const qName = (a, b) => 'q/' + T.fileName([T.stem(a), T.stem(b)].sort().join(' ')) + '.json';

const urls = (r) => r.docs.map((d) => d.rec[1]);
const wName = (word) => 'w/' + T.fileName(T.skeleton(T.stem(word))) + '.json';
const pName = (word) => 'p/' + T.fileName(T.prefixKey(word)) + '.json';

test('terms: words normalised, stop words dropped, the last word typed is also a prefix', () => {
  const ts = E.terms('Пособие на ребёнка');
  assert.deepEqual(ts.map((t) => t.word), ['пособие', 'ребенка']);
  assert.deepEqual(ts.map((t) => t.partial), [false, true]);
  assert.equal(ts[0].stem, T.stem('пособие'));
  // A finished query (ending in a space or punctuation) has no prefix term.
  assert.deepEqual(E.terms('пособие на ребёнка ').map((t) => t.partial), [false, false]);
  assert.deepEqual(E.terms('пособие на ребёнка.').map((t) => t.partial), [false, false]);
  // A stop word being typed may be the start of a longer word: an optional prefix term.
  const typing = E.terms('пособие на');
  assert.deepEqual(typing.map((t) => [t.word, t.optional]), [['пособие', false], ['на', true]]);
  assert.deepEqual(E.files(typing[1]), [pName('на')], 'an optional term needs no word file');
  // Only stop words: they are kept, or nothing could be searched.
  assert.deepEqual(E.terms('или не ').map((t) => t.word), ['или', 'не']);
  // One-letter words are no words.
  assert.deepEqual(E.terms('в и ').map((t) => t.word), []);
  assert.deepEqual(E.terms(''), []);
  assert.deepEqual(E.terms('   '), []);
});

test('files: the word file of the stem\'s skeleton, and the prefix file while typing', () => {
  const [t] = E.terms('пособия');
  assert.deepEqual(E.files(t), [
    'w/' + T.fileName(T.skeleton('пособ')) + '.json',
    'p/' + T.fileName('посо') + '.json',
  ]);
  assert.deepEqual(E.files(E.terms('пособия ')[0]), [wName('пособия')]);
  assert.match(E.files(t)[0], /^w\/[0-9a-f]{8}\.json$/);
});

test('a stop word does not rank: «пособие на» finds what «пособие» finds', () => {
  const a = record('/a/');
  const b = record('/b/');
  const files = {
    [wName('пособие')]: wordFile([{ forms: ['пособие'], hits: [[a, TITLE], [b, BODY]] }]),
    // The index never holds stop words; even if some file named «на», it must not count.
    [wName('на')]: wordFile([{ forms: ['на'], stem: 'на', hits: [[b, TITLE]] }]),
  };
  const r = search('пособие на ', files);
  assert.deepEqual(urls(r), ['/a/', '/b/']);
  assert.equal(r.all, 2, 'both documents have every word that counts');
});

test('field weight: title outranks description, which outranks eligibility, then body', () => {
  const body = record('/body/');
  const elig = record('/eligibility/');
  const desc = record('/description/');
  const title = record('/title/');
  const files = {
    [wName('пособие')]: wordFile([{
      forms: ['пособие'],
      // Listed worst first, so the order comes from the weights, not from the file.
      // A word in several fields counts by the heaviest of them.
      hits: [[body, BODY], [elig, ELIGIBILITY | BODY], [desc, DESCRIPTION | ELIGIBILITY], [title, TITLE | DESCRIPTION | BODY]],
    }]),
  };
  const r = search('пособие ', files);
  assert.deepEqual(urls(r), ['/title/', '/description/', '/eligibility/', '/body/']);
  assert.deepEqual(r.docs.map((d) => d.s), [TITLE, DESCRIPTION, ELIGIBILITY, BODY]);
  assert.equal(r.all, 4);
  assert.equal(r.total, 4, 'one word, no filter: the index knows the total');
});

test('match kind: whole word outranks stem, which outranks prefix and typo', () => {
  const word = record('/word/');
  const stem = record('/stem/');
  const prefix = record('/prefix/');
  const typo = record('/typo/');
  const forms = ['пособия', 'пособие'];
  const files = {
    [wName('пособие')]: wordFile([
      { forms, hits: [[stem, TITLE, ['пособия']], [word, TITLE, ['пособие']]] },
      // Another stem with the same skeleton, one letter away: a typo match.
      { forms: ['пасобие'], stem: 'пасоб', hits: [[typo, TITLE]] },
    ]),
    [pName('пособие')]: prefixFile('посо', [
      [prefix, TITLE, 'пособиеполучатель'],
      [stem, TITLE, 'пособия'],
    ]),
  };
  assert.equal(T.skeleton('пасоб'), T.skeleton(T.stem('пособие')), 'same word file');
  const r = search('пособие', files);
  assert.deepEqual(urls(r), ['/word/', '/stem/', '/prefix/', '/typo/']);
  // The same order holds in the body: the kind of match scales the field weight.
  const b = (u) => record(u);
  const [w2, s2] = [b('/w2/'), b('/s2/')];
  const r2 = search('пособие ', {
    [wName('пособие')]: wordFile([{ forms, hits: [[s2, BODY, ['пособия']], [w2, BODY, ['пособие']]] }]),
  });
  assert.deepEqual(urls(r2), ['/w2/', '/s2/']);
  // A field outweighs the kind of match: a stem in the title beats a whole word in the body.
  const r3 = search('пособие ', {
    [wName('пособие')]: wordFile([{ forms, hits: [[w2, BODY, ['пособие']], [s2, TITLE, ['пособия']]] }]),
  });
  assert.deepEqual(urls(r3), ['/s2/', '/w2/']);
});

test('prefix: while typing, words that start with the typed letters are found', () => {
  const a = record('/posobie/', { title: 'Пособие по безработице' });
  const other = record('/posol/', { title: 'Посольство' });
  const files = {
    [pName('посо')]: prefixFile('посо', [[a, TITLE, 'пособие'], [other, TITLE, 'посольство']]),
  };
  assert.deepEqual(urls(search('посо', files)).sort(), ['/posobie/', '/posol/']);
  // «пособ» still reads the «посо» file, and keeps only completions that start with it.
  assert.deepEqual(urls(search('пособ', files)), ['/posobie/']);
  // A finished word is not a prefix: no prefix file is read.
  assert.deepEqual(urls(search('посо ', files)), []);
});

test('documents matching all words outrank those matching some', () => {
  const both = record('/both/');
  const one = record('/one/');
  const files = {
    [wName('пособие')]: wordFile([{ forms: ['пособие'], hits: [[one, TITLE], [both, BODY]] }]),
    [wName('безработице')]: wordFile([{ forms: ['безработице'], hits: [[both, BODY]] }]),
  };
  const r = search('пособие безработице ', files);
  assert.deepEqual(urls(r), ['/both/', '/one/'], 'two body matches beat one title match');
  assert.equal(r.all, 1, 'one document has every word');
  assert.equal(r.total, 0, 'no total for several words');
  // Nothing has every word: the documents with some of them are still shown, all = 0.
  const r2 = search('пособие зюзюка ', files);
  assert.deepEqual(urls(r2), ['/one/', '/both/']);
  assert.equal(r2.all, 0);
});

test('a word missing from a file\'s best documents still counts when it is in the title or summary', () => {
  // The «пособие» file keeps only its best documents; /late/ is not among them, but its
  // title has the word, so it matches every word of the query.
  const late = record('/late/', { title: 'Пособие по безработице' });
  const some = record('/some/');
  const files = {
    [wName('пособие')]: wordFile([{ forms: ['пособие'], n: 40, hits: [[some, TITLE]] }]),
    [wName('безработице')]: wordFile([{ forms: ['безработице'], hits: [[late, TITLE], [some, BODY]] }]),
  };
  const r = search('пособие безработице ', files);
  assert.deepEqual(urls(r), ['/late/', '/some/']);
  assert.equal(r.all, 2);
});

test('filters: by kind and by term, each must hold', () => {
  const svc = record('/s/', { kind: 'service', terms: 'c:family a:pregnant r:federal' });
  const svc2 = record('/s2/', { kind: 'service', terms: 'c:family-extra r:kurgan' });
  const prov = record('/p/', { kind: 'provider', terms: 'c:family r:kurgan' });
  const sit = record('/sit/', { kind: 'situation', terms: '' });
  const files = {
    [wName('семья')]: wordFile([{ forms: ['семья'], hits: [[svc, TITLE], [svc2, TITLE], [prov, TITLE], [sit, TITLE]] }]),
  };
  const q = 'семья ';
  assert.equal(search(q, files).docs.length, 4);
  assert.deepEqual(urls(search(q, files, [['kind', 'provider']])), ['/p/']);
  assert.deepEqual(urls(search(q, files, [['kind', 'situation']])), ['/sit/']);
  assert.deepEqual(urls(search(q, files, [['kind', 'standard']])), []);
  assert.deepEqual(urls(search(q, files, [['c', 'family']])).sort(), ['/p/', '/s/'], 'whole term only: not family-extra');
  assert.deepEqual(urls(search(q, files, [['r', 'kurgan']])).sort(), ['/p/', '/s2/']);
  assert.deepEqual(urls(search(q, files, [['c', 'family'], ['kind', 'service']])), ['/s/']);
  assert.deepEqual(urls(search(q, files, [['c', 'family'], ['a', 'pregnant'], ['r', 'kurgan']])), []);
  assert.equal(search(q, files, [['kind', 'service']]).total, 0, 'no index total under a filter');
  assert.equal(E.passes(svc, [['a', 'pregnant'], ['r', 'federal']]), true);
  assert.equal(E.passes(svc, [['a', 'pregnan']]), false);
  assert.equal(E.passes(svc, []), true);
});

test('typos: one letter off is a match in words of 5 letters or more only', () => {
  // «кит» is one letter from «кот», and both have the skeleton «кт»: the same file.
  assert.equal(T.skeleton(T.stem('кит')), T.skeleton(T.stem('кота')));
  assert.equal(T.withinOneTypo('кит', T.stem('кота')), true);
  const doc = record('/kit/');
  const files = {
    [wName('кит')]: wordFile([{ forms: ['кит'], stem: 'кит', hits: [[doc, TITLE]] }]),
  };
  assert.deepEqual(urls(search('кота ', files)), [], '4 letters: no typo match');
  assert.deepEqual(urls(search('кита ', files)), ['/kit/'], 'the same stem is no typo');
  assert.deepEqual(urls(search('котов ', files)), ['/kit/'], '5 letters: a typo match');
  // The real case: «пасобие» finds «пособие», below an exact match of the typed word.
  const posobie = record('/posobie/');
  const pasob = record('/pasob/');
  const f2 = {
    [wName('пособие')]: wordFile([
      { forms: ['пособие'], hits: [[posobie, TITLE]] },
      { forms: ['пасобие'], stem: 'пасоб', hits: [[pasob, BODY]] },
    ]),
  };
  const r = search('пасобие ', f2);
  assert.deepEqual(urls(r), ['/posobie/', '/pasob/'], 'a typo in the title beats the typed word in the body');
  assert.equal(r.docs[0].s, TITLE * 0.5, 'a typo scores half a whole word');
  // Two letters off is no match.
  assert.equal(T.skeleton(T.stem('посабие')), T.skeleton('пасоб'));
  assert.equal(T.withinOneTypo(T.stem('посабие'), 'пасоб'), false);
  assert.deepEqual(urls(search('посабие ', f2)), ['/posobie/'], '«посабие» is one letter from «пособие», two from «пасобие»');
});

test('equal scores: services, then situations, providers, standards; then by title', () => {
  const files = {
    [wName('помощь')]: wordFile([{
      forms: ['помощь'],
      hits: [
        [record('/std/', { kind: 'standard', title: 'А' }), TITLE],
        [record('/prov/', { kind: 'provider', title: 'А' }), TITLE],
        [record('/svc-b/', { kind: 'service', title: 'Б' }), TITLE],
        [record('/sit/', { kind: 'situation', title: 'А' }), TITLE],
        [record('/svc-a/', { kind: 'service', title: 'А' }), TITLE],
      ],
    }]),
  };
  assert.deepEqual(urls(search('помощь ', files)), ['/svc-a/', '/svc-b/', '/sit/', '/prov/', '/std/']);
});

test('missing files (404) and empty files find nothing, without errors', () => {
  assert.deepEqual(urls(search('зюзюка', {})), []);
  const none = { s: [], d: [] };
  const r = search('зюзюка', { [wName('зюзюка')]: none, [pName('зюзюка')]: none });
  assert.deepEqual(r, { docs: [], all: 0, total: 0 });
});

test('pairs: one file per pair of the first three words, stems in byte order', () => {
  const ps = E.pairs(E.terms('уход за ребёнком'));
  assert.deepEqual(ps.map((p) => p.key), [[T.stem('уход'), T.stem('ребенком')].sort().join(' ')],
    'the stop word «за» makes no pair');
  assert.equal(ps[0].file, qName('уход', 'ребенком'));
  assert.match(ps[0].file, /^q\/[0-9a-f]{8}\.json$/);
  assert.equal(E.pairs(E.terms('пособие')).length, 0, 'one word, no pair');
  assert.equal(E.pairs(E.terms('пенсия инвалидность ребенок семья')).length, 3, 'three words at most');
});

test('a pair file finds the records with both words that neither word\'s file kept', () => {
  // Both words are in hundreds of titles; each word file keeps only its best records,
  // none of which has the other word. The pair file names the one that has both.
  const needle = record('/needle/', { title: 'Пенсия по инвалидности' });
  const p1 = record('/p1/', { title: 'Пенсия по старости' });
  const i1 = record('/i1/', { title: 'Установление инвалидности' });
  const files = {
    [wName('пенсия')]: wordFile([{ forms: ['пенсия'], n: 500, hits: [[p1, TITLE]] }]),
    [wName('инвалидности')]: wordFile([{ forms: ['инвалидности'], n: 400, hits: [[i1, TITLE]] }]),
  };
  const without = search('пенсия по инвалидности', files);
  assert.equal(without.all, 0, 'without the pair file no record has both words');
  files[qName('пенсия', 'инвалидности')] = pairFile('пенсия', 'инвалидности', [needle], 37);
  const r = search('пенсия по инвалидности', files);
  assert.equal(urls(r)[0], '/needle/');
  assert.equal(r.all, 1);
  assert.equal(r.total, 37, 'the pair file counts every record with both words');
});
