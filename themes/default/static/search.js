/*
 * stratdoc site search: the search field in the header and its results.
 *
 * The form is in every page, hidden; this script shows it, so a reader
 * without JavaScript never meets a field that does nothing. Nothing else is
 * loaded until the reader types. Then, each as a <script> tag (which works
 * from a web server and from a page opened from disk, where fetching a file
 * does not): the index's manifest (theme/search/manifest.js) and the
 * stemmer (lunr-languages' lunr.da.js, or porter2.js for English); then,
 * per query word, the term shards that can hold it; then the document files
 * of the results shown. What is loaded is kept: the next keystroke loads
 * only what it needs and has not got.
 *
 * A query is read as the build read the pages (src/search/analyze.rs):
 * split at spaces and hyphens, lower-cased, trimmed to word characters,
 * stop words dropped, Snowball-stemmed. A word of three characters or more
 * also matches as the start of longer terms (a word still being typed, or
 * the first part of a compound); a shorter one matches only itself, since
 * as a start it would match a large part of the index. Pages that hold
 * every word are shown, best first.
 *
 * Keyboard: type to search (results update as you type, and on Enter);
 * Down arrow or Tab moves into the results, Up/Down between them; Escape
 * clears the search and returns to the field.
 */
(function () {
  'use strict';

  var FORMAT = 1; // the index's format, written by src/search/write.rs
  var LIMIT = 20; // results shown; the status says how many there are
  var PREFIX = 3; // characters a word needs to match as the start of longer terms
  // Bytes of shards after a word's own that its prefix may load: enough for
  // every start of a word on any site seen so far; past it, a prefix finds
  // the terms nearest to it, and typing on narrows it.
  var PREFIX_BYTES = 512 * 1024;

  function chars(s) {
    return Array.from(s).length;
  }

  function unique(list) {
    return list.filter(function (x, i) { return list.indexOf(x) === i; });
  }

  // A function from text to its terms, with the index's settings and a
  // stemmer (a function from a lower-case word to its stem).
  function analyzer(settings, stem) {
    var start = new RegExp('^[^' + settings.trim + ']+');
    var end = new RegExp('[^' + settings.trim + ']+$');
    var stop = Object.create(null);
    settings.stop.forEach(function (w) { stop[w] = true; });
    return function (text) {
      var terms = [];
      text.normalize('NFC').split(/[\s-]+/).forEach(function (word) {
        var w = word.toLowerCase().replace(start, '').replace(end, '');
        if (w && !stop[w]) terms.push(stem(w));
      });
      return terms;
    };
  }

  // The numbers of the term shards that can hold `term`: the one whose
  // range it falls in and, for a prefix, the next ones whose first term
  // starts with it, up to PREFIX_BYTES. Terms are sorted as JavaScript
  // compares strings.
  function shardsFor(manifest, term) {
    var fences = manifest.fences;
    var lo = 0;
    var hi = fences.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (fences[mid] <= term) lo = mid + 1; else hi = mid;
    }
    var out = lo > 0 ? [lo - 1] : [];
    if (chars(term) < PREFIX) return out;
    for (var j = lo, bytes = 0; j < fences.length && fences[j].startsWith(term); j++) {
      bytes += manifest.sizes[j];
      if (bytes > PREFIX_BYTES) break;
      out.push(j);
    }
    return out;
  }

  // The shards a query's terms need.
  function plan(manifest, terms) {
    var all = [];
    terms.forEach(function (t) { all = all.concat(shardsFor(manifest, t)); });
    return unique(all);
  }

  // Per page that holds `term` (itself, or as a prefix a longer term), its
  // best score: the page's score for the term times the term's rarity
  // (BM25's idf), a longer term's scaled by how much of it was typed.
  function scores(manifest, shards, term) {
    var best = new Map();
    var prefix = chars(term) >= PREFIX;
    var n = manifest.docs;
    shardsFor(manifest, term).forEach(function (s) {
      var terms = shards[s];
      Object.keys(terms).forEach(function (key) {
        var weight = key === term ? 1 : prefix && key.startsWith(term) ? term.length / key.length : 0;
        if (!weight) return;
        var postings = terms[key];
        var df = postings.length / 2;
        var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (var k = 0, doc = 0; k < postings.length; k += 2) {
          doc += postings[k];
          var score = postings[k + 1] * idf * weight;
          if (!(best.get(doc) >= score)) best.set(doc, score);
        }
      });
    });
    return best;
  }

  // The pages that hold every term, best first: [{ doc, score }].
  // `shards` maps the numbers plan() gave to the shards' terms.
  function rank(manifest, shards, terms) {
    var each = unique(terms).map(function (t) { return scores(manifest, shards, t); });
    if (!each.length) return [];
    each.sort(function (a, b) { return a.size - b.size; });
    var results = [];
    each[0].forEach(function (score, doc) {
      for (var i = 1; i < each.length; i++) {
        var more = each[i].get(doc);
        if (more === undefined) return;
        score += more;
      }
      results.push({ doc: doc, score: score });
    });
    return results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  // The document files that hold `results`.
  function chunksOf(manifest, results) {
    return unique(results.map(function (r) { return Math.floor(r.doc / manifest.chunk); }));
  }

  // What lunr-languages needs of lunr to define its stemmers.
  function lunrShim() {
    return {
      Pipeline: { registerFunction: function () {} },
      generateStopWordFilter: function () { return function (t) { return t; }; },
    };
  }

  var exported = {
    analyzer: analyzer, shardsFor: shardsFor, plan: plan, rank: rank, chunksOf: chunksOf,
    LIMIT: LIMIT, FORMAT: FORMAT,
    // The stemmer for `stem` from the theme folder `dir`, in node.
    nodeStemmer: function (dir, stem) {
      if (stem !== 'da') return require(dir + '/porter2.js').stem;
      var lunr = lunrShim();
      require(dir + '/lunr.stemmer.support.js')(lunr);
      require(dir + '/lunr.da.js')(lunr);
      return lunr.da.stemmer;
    },
  };
  if (typeof module === 'object' && module.exports) {
    module.exports = exported;
    return;
  }

  var form = document.querySelector('.site-search');
  if (!form || !window.Promise || !window.Map || !String.prototype.normalize) return;
  var input = form.querySelector('.site-search-input');
  var status = form.querySelector('.site-search-status');
  var list = form.querySelector('.site-search-results');
  var words = form.dataset;
  var base = words.root + 'theme/';
  var got = Object.create(null); // what each index file handed over, by name
  var files = Object.create(null); // each index file's promise, by name
  var index = null; // the promise of { manifest, analyze }
  var timer = 0;

  form.hidden = false;
  // On a phone the form is folded behind a button (search.html), shown
  // only now that the search works.
  var fold = form.parentNode;
  if (fold && fold.classList && fold.classList.contains('search-fold')) fold.hidden = false;

  function script(name) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = base + name;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error(name)); };
      document.head.appendChild(tag);
    });
  }

  // Index file `name`'s data, loaded once (again after a failure).
  function file(name) {
    if (!files[name]) {
      files[name] = script('search/' + name + '.js').then(function () {
        if (!(name in got)) throw new Error(name);
        return got[name];
      });
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }

  function stemmer() {
    if (words.lang === 'da') {
      window.lunr = window.lunr || lunrShim(); // lunr-languages registers on window.lunr
      return script('lunr.stemmer.support.js')
        .then(function () { return script('lunr.da.js'); })
        .then(function () { return window.lunr.da.stemmer; });
    }
    return script('porter2.js').then(function () { return window.stratdocPorter2.stem; });
  }

  function load() {
    if (!index) {
      window.stratdocSearch = { add: function (name, data) { got[name] = data; } };
      say(words.loading);
      index = Promise.all([file('manifest'), stemmer()]).then(function (loaded) {
        var manifest = loaded[0];
        if (manifest.format !== FORMAT || manifest.analysis.stem !== words.lang) {
          throw new Error('search index format');
        }
        return { manifest: manifest, analyze: analyzer(manifest.analysis, loaded[1]) };
      });
      index.catch(function () { index = null; });
    }
    return index;
  }

  function loadAll(names) {
    return Promise.all(names.map(file)).then(function (data) {
      var byName = Object.create(null);
      names.forEach(function (name, i) { byName[name] = data[i]; });
      return byName;
    });
  }

  // The results of `query`: { count, shown: [{ url, title, section, excerpt }] }.
  function find(query) {
    return load().then(function (ix) {
      var manifest = ix.manifest;
      var terms = ix.analyze(query);
      var needed = plan(manifest, terms);
      return loadAll(needed.map(function (s) { return 't' + s; })).then(function (loaded) {
        var shards = Object.create(null);
        needed.forEach(function (s) { shards[s] = loaded['t' + s]; });
        var results = rank(manifest, shards, terms);
        var shown = results.slice(0, LIMIT);
        var chunks = chunksOf(manifest, shown).map(function (c) { return 'd' + c; });
        return loadAll(chunks).then(function (docs) {
          return {
            count: results.length,
            shown: shown.map(function (r) {
              var row = docs['d' + Math.floor(r.doc / manifest.chunk)][r.doc % manifest.chunk];
              return { url: row[0], title: row[1], section: manifest.sections[row[2]], excerpt: row[3] };
            }),
          };
        });
      });
    });
  }

  function say(text) {
    status.textContent = text || '';
  }

  function count(n) {
    if (n === 0) return words.none;
    var text = (n === 1 ? words.one : words.many).replace('#', n);
    return n > LIMIT ? text + ' ' + words.showing.replace('#', LIMIT) : text;
  }

  function show(found) {
    list.textContent = '';
    found.shown.forEach(function (doc) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = words.root + doc.url;
      link.textContent = doc.title;
      var where = document.createElement('span');
      where.className = 'site-search-section';
      where.textContent = doc.section;
      item.appendChild(link);
      item.appendChild(where);
      if (doc.excerpt) {
        var excerpt = document.createElement('p');
        excerpt.textContent = doc.excerpt;
        item.appendChild(excerpt);
      }
      list.appendChild(item);
    });
    list.hidden = found.count === 0;
    say(count(found.count));
  }

  function current() {
    return input.value.normalize('NFC').trim();
  }

  function run() {
    clearTimeout(timer);
    var query = current();
    if (!query) { clear(false); return; }
    find(query).then(function (found) {
      if (current() === query) show(found);
    }, function () {
      if (current() === query) say(words.failed);
    });
  }

  function clear(emptyField) {
    if (emptyField) input.value = '';
    list.textContent = '';
    list.hidden = true;
    say('');
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('a'));
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run();
  });

  form.addEventListener('keydown', function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      clear(true);
      input.focus();
    } else if (event.key === 'ArrowDown' && all.length) {
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : all[at - 1]).focus();
    } else {
      return;
    }
    event.preventDefault();
  });

  // The results lie over the page; they close when focus or a click goes
  // elsewhere and open again when the field has focus. A click on a result
  // may first take focus to nothing (Safari), so only a known target closes.
  form.addEventListener('focusout', function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) list.hidden = true;
  });
  document.addEventListener('click', function (event) {
    if (!form.contains(event.target)) list.hidden = true;
  });
  input.addEventListener('focus', function () {
    if (list.firstChild) list.hidden = false;
  });
})();
