// A built site's search index read in node as the browser reads it: the
// files under theme/search/ run as scripts, queries analysed, planned and
// ranked by the site's own theme/search.js and stemmers. Used by the search
// gate and by the tests that compare the build's analysis with the browser's.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';

/**
 * What a one-word query may load of the index on a site of 10,000 pages:
 * the manifest, its shards and the first results' document files.
 */
export const BUDGET = 1_000_000;

/** The data that index file `file` hands to `stratdocSearch.add(name, data)`. */
function readFile(file, name) {
  let got = null;
  const sandbox = { stratdocSearch: { add: (n, data) => { got = { n, data }; } } };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  if (!got || got.n !== name) throw new Error(`${file} does not add "${name}"`);
  return got.data;
}

/**
 * The index of `site`, or null when it has none:
 * `{ manifest, analyze, docs(), terms(), query(text) }`.
 */
export function openIndex(site) {
  const theme = path.join(site, 'theme');
  const dir = path.join(theme, 'search');
  const fileOf = (name) => path.join(dir, `${name}.js`);
  if (!fs.existsSync(fileOf('manifest'))) return null;
  const engine = createRequire(import.meta.url)(path.join(theme, 'search.js'));
  const cache = new Map();
  const load = (name) => {
    if (!cache.has(name)) cache.set(name, readFile(fileOf(name), name));
    return cache.get(name);
  };
  const manifest = load('manifest');
  if (manifest.format !== engine.FORMAT) throw new Error(`index format ${manifest.format}, search.js reads ${engine.FORMAT}`);
  const analyze = engine.analyzer(manifest.analysis, engine.nodeStemmer(theme, manifest.analysis.stem));
  return {
    manifest,
    analyze,
    /** Every page as `[url, title, section, excerpt]`, by number. */
    docs() {
      const docs = [];
      for (let c = 0; c * manifest.chunk < manifest.docs; c++) {
        for (const [url, title, section, excerpt] of load(`d${c}`)) {
          docs.push([url, title, manifest.sections[section], excerpt]);
        }
      }
      return docs;
    },
    /** Every term with the numbers of the pages that hold it. */
    terms() {
      const terms = new Map();
      manifest.fences.forEach((_, s) => {
        for (const [term, postings] of Object.entries(load(`t${s}`))) {
          const docs = [];
          for (let k = 0, doc = 0; k < postings.length; k += 2) docs.push(doc += postings[k]);
          terms.set(term, docs);
        }
      });
      return terms;
    },
    /**
     * `text` searched as the browser searches it: the results (page
     * numbers, best first), the index files it loads for the first page of
     * results and their bytes on disk.
     */
    query(text) {
      const terms = analyze(text);
      const shards = engine.plan(manifest, terms);
      const loaded = {};
      for (const s of shards) loaded[s] = load(`t${s}`);
      const results = engine.rank(manifest, loaded, terms).map((r) => r.doc);
      const chunks = engine.chunksOf(manifest, results.slice(0, engine.LIMIT).map((doc) => ({ doc })));
      const files = ['manifest', ...shards.map((s) => `t${s}`), ...chunks.map((c) => `d${c}`)];
      const bytes = files.reduce((sum, f) => sum + fs.statSync(fileOf(f)).size, 0);
      return { results, files, bytes };
    },
  };
}

/**
 * The one-word query that loads the most of `index`, among the `n` terms
 * on the most pages, each typed as a word: `{ term, bytes, files, results,
 * tried }`, or null for an empty index.
 */
export function worstQuery(index, n) {
  const frequent = [...index.terms()]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, n);
  let worst = null;
  for (const [term] of frequent) {
    const q = index.query(term);
    if (!worst || q.bytes > worst.bytes) worst = { term, ...q };
  }
  return worst && { ...worst, tried: frequent.length };
}
