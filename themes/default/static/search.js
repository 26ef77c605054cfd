/*
 * stratdoc site search: the search field in the header and its results.
 *
 * The form is in every page, hidden; this script shows it, so a reader
 * without JavaScript never meets a field that does nothing. Nothing else is
 * loaded until the reader types: then elasticlunr.js, the Danish stemmer
 * (lunr-languages) for a Danish site, and the index the build wrote,
 * theme/search-index.js, each as a <script> tag, which works from a web
 * server and from a page opened from disk (file://), where fetching a file
 * does not. The index was built with the same pipeline as the query's
 * (tokens, stop words, Snowball stems), so both meet at the same stems.
 *
 * Keyboard: type to search (results update as you type, and on Enter);
 * Down arrow or Tab moves into the results, Up/Down between them; Escape
 * clears the search and returns to the field.
 */
(function () {
  'use strict';

  // lunr-languages 1.x builds its stop word filter with
  // lunr.generateStopWordFilter, which elasticlunr.js lacks; this is lunr's,
  // empty tokens dropped as elasticlunr's own filter drops them. Exported for
  // the test that compares the browser's tokens with the index's.
  function adapt(elasticlunr) {
    if (!elasticlunr.generateStopWordFilter) {
      elasticlunr.generateStopWordFilter = function (words) {
        var stop = Object.create(null);
        words.forEach(function (w) { stop[w] = true; });
        return function (token) {
          return token && !stop[token] ? token : undefined;
        };
      };
    }
    return elasticlunr;
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { adapt: adapt };
    return;
  }

  var form = document.querySelector('.site-search');
  if (!form || !window.Promise) return;
  var input = form.querySelector('.site-search-input');
  var status = form.querySelector('.site-search-status');
  var list = form.querySelector('.site-search-results');
  var words = form.dataset;
  var base = words.root + 'theme/';
  var LIMIT = 20; // results shown; the status says how many there are
  var FIELDS = { title: { boost: 4 }, lead: { boost: 2 }, body: { boost: 1 } };
  var search = null; // the loaded index, once loaded
  var loading = null; // the promise of it, while loading
  var timer = 0;

  form.hidden = false;

  function script(name) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = base + name;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error(name)); };
      document.head.appendChild(tag);
    });
  }

  function load() {
    if (!loading) {
      say(words.loading);
      loading = script('elasticlunr.min.js').then(function () {
        window.lunr = adapt(window.elasticlunr); // lunr-languages registers on window.lunr
        if (words.lang !== 'da') return null;
        return script('lunr.stemmer.support.js').then(function () { return script('lunr.da.js'); });
      }).then(function () {
        return script('search-index.js');
      }).then(function () {
        var data = window.stratdocSearch;
        search = { index: window.elasticlunr.Index.load(data.index), docs: data.docs };
        return search;
      });
      loading.catch(function () { say(words.failed); });
    }
    return loading;
  }

  // The refs of documents that hold every token of the query, in any field
  // (elasticlunr's own AND holds within one field). Each token matches as a
  // prefix too (elasticlunr's expand), so a word still being typed, or the
  // first part of a compound (sikkerhedsovervågning in
  // sikkerhedsovervågningscenter), finds its page.
  function holdsAll(index, tokens) {
    var sets = tokens.map(function (token) {
      var refs = Object.create(null);
      Object.keys(FIELDS).forEach(function (field) {
        index.index[field].expandToken(token).forEach(function (key) {
          Object.keys(index.index[field].getDocs(key)).forEach(function (ref) { refs[ref] = true; });
        });
      });
      return refs;
    });
    return function (ref) { return sets.every(function (refs) { return refs[ref]; }); };
  }

  function find(query) {
    var index = search.index;
    var tokens = index.pipeline.run(window.elasticlunr.tokenizer(query));
    if (!tokens.length) return [];
    var all = holdsAll(index, tokens);
    return index.search(query, { fields: FIELDS, bool: 'OR', expand: true })
      .filter(function (r) { return all(r.ref); });
  }

  function say(text) {
    status.textContent = text || '';
  }

  function count(n) {
    if (n === 0) return words.none;
    var text = (n === 1 ? words.one : words.many).replace('#', n);
    return n > LIMIT ? text + ' ' + words.showing.replace('#', LIMIT) : text;
  }

  function show(results) {
    list.textContent = '';
    results.slice(0, LIMIT).forEach(function (r) {
      var doc = search.docs[r.ref];
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = words.root + doc[0];
      link.textContent = doc[1];
      var where = document.createElement('span');
      where.className = 'site-search-section';
      where.textContent = doc[2];
      item.appendChild(link);
      item.appendChild(where);
      if (doc[3]) {
        var excerpt = document.createElement('p');
        excerpt.textContent = doc[3];
        item.appendChild(excerpt);
      }
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    say(count(results.length));
  }

  function run() {
    clearTimeout(timer);
    var query = input.value.normalize('NFC').trim();
    if (!query) { clear(false); return; }
    load().then(function () {
      if (input.value.normalize('NFC').trim() === query) show(find(query));
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
