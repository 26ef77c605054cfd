#!/usr/bin/env node
// search.mjs SITE [QUERY=PAGE ...] — site search gate.
// Opens SITE in headless Chromium twice, from disk (file://) and from a web
// server on 127.0.0.1, and searches as a keyboard user does: Tab until the
// search field has focus, type the query, and expect PAGE (a path in SITE)
// to be the first result; then follow that result with the keyboard alone
// (Down arrow and Enter from disk, Tab and Enter from the server) and expect
// to land on PAGE, and check that Escape clears the search.
// Without QUERY=PAGE pairs the queries come from the site itself: a word of
// at least 6 letters from one page's summary (or first words) whose stem no
// other indexed page holds, even inside a longer word, typed as it is
// written and in upper case; a word with æ, ø or å is preferred. Each search starts from a page in
// a subfolder when there is one, so the results' relative links are tested
// from another depth than the root's.
// First, without a browser: each of the 1,000 terms on the most pages is
// typed as a one-word query into the site's own search.js (in node), and
// the index files it loads (manifest, term shards, the first results'
// documents) must stay within 1 MB; in the browser, each search must load
// no index file before the reader types, and then the files counted.
// Last line: `search: N failed of M checks`. Exit 0 clean, 1 any failed,
// 2 usage or no browser.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveWithBrowser, siteArg } from './lib/site.mjs';
import { BUDGET, openIndex, worstQuery } from './lib/search-index.mjs';

const site = siteArg('search.mjs', process.argv[2]);
// How many of the most frequent terms are tried as one-word queries.
const FREQUENT = 1_000;

/** The words of `html` as a reader sees them, lower-cased: tags, scripts and styles left out. */
function text(html) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .toLowerCase();
}

/**
 * Queries from the site: a word of a page's excerpt (its summary or first
 * words, so certainly indexed) whose stem no other indexed page holds, even
 * inside a longer word; one with æ, ø or å and then the longest preferred.
 */
function derivedCases(index) {
  const docs = index.docs();
  const stem = (word) => index.analyze(word)[0];
  const texts = new Map(docs.map((d) => [d[0], text(fs.readFileSync(path.join(site, d[0]), 'utf8'))]));
  let best = null;
  for (const [url, , , excerpt] of docs) {
    for (const word of new Set((excerpt || '').toLowerCase().match(/\p{L}{6,}/gu) || [])) {
      const s = stem(word);
      if (!s || s.length < 4) continue;
      if ([...texts].some(([other, t]) => other !== url && t.includes(s))) continue;
      const score = (/[æøå]/.test(word) ? 100 : 0) + word.length;
      if (!best || score > best.score) best = { word, url, score };
    }
  }
  if (!best) return [];
  return [{ query: best.word, page: best.url }, { query: best.word.toUpperCase(), page: best.url }];
}

function parseCases(args) {
  return args.map((a) => {
    const at = a.lastIndexOf('=');
    if (at < 1) { console.error(`search.mjs: a case is QUERY=PAGE, not ${a}`); process.exit(2); }
    return { query: a.slice(0, at), page: a.slice(at + 1) };
  });
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * The one-word query that loads the most of the index, among the FREQUENT
 * terms on the most pages, each typed as a word; fails past BUDGET.
 */
function budgetCheck(index) {
  const worst = worstQuery(index, FREQUENT);
  if (!worst) return fail('one-word queries: the index holds no term');
  const what = `one-word queries, the ${worst.tried} most frequent terms: the largest, "${worst.term}", `
    + `loads ${kb(worst.bytes)} of the index in ${worst.files.length} files (${worst.results.length} results; budget ${kb(BUDGET)})`;
  return (worst.bytes <= BUDGET ? pass : fail)(what);
}

const checks = [];
const fail = (what) => checks.push({ ok: false, what });
const pass = (what) => checks.push({ ok: true, what });
const index = openIndex(site);

if (!index) {
  fail('no search index at theme/search/manifest.js');
} else {
  budgetCheck(index);
  const cases = process.argv.length > 3 ? parseCases(process.argv.slice(3)) : derivedCases(index);
  if (cases.length === 0) fail('no word in the site belongs to one page alone: nothing to search for');
  // A page below the root, and not the one sought: following a result to
  // the page already open would be no navigation to wait for.
  const startFor = (target) => index.docs().map((d) => d[0])
    .find((u) => u.includes('/') && u !== target) || 'index.html';
  const { server, browser } = await serveWithBrowser('search', site);
  const modes = [
    { name: 'file', url: (rel) => pathToFileURL(path.join(site, rel)).href, follow: 'ArrowDown' },
    { name: 'http', url: (rel) => `${server.url}/${rel.split('/').map(encodeURIComponent).join('/')}`, follow: 'Tab' },
  ];
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  // The index files among `urls`, by name (`manifest`, `t3`, `d0`).
  const indexFiles = (urls) => urls.filter((u) => u.includes('/theme/search/'))
    .map((u) => u.slice(u.lastIndexOf('/') + 1).replace(/\.js$/, ''));
  for (const mode of modes) {
    for (const c of cases) {
      const start = startFor(c.page);
      const label = `${mode.name}: "${c.query}" from ${start}`;
      try {
        errors.length = 0;
        requested.length = 0;
        await page.goto(mode.url(start), { waitUntil: 'load', timeout: 30_000 });
        const before = await page.evaluate(() => 'stratdocSearch' in window) || indexFiles(requested).length > 0;
        let tabs = 0;
        while (!(await page.evaluate(() => document.activeElement?.classList.contains('site-search-input')))) {
          if (++tabs > 15) throw new Error('15 Tabs did not reach the search field');
          await page.keyboard.press('Tab');
        }
        await page.keyboard.type(c.query);
        const status = page.locator('.site-search-status');
        await page.waitForFunction(() => {
          const said = document.querySelector('.site-search-status').textContent;
          return said && said !== document.querySelector('.site-search').dataset.loading;
        }, null, { timeout: 15_000 });
        const said = (await status.textContent()).trim();
        const first = page.locator('.site-search-results a').first();
        if (await first.count() === 0) throw new Error(`no results (status: "${said}")`);
        const firstUrl = new URL(await first.evaluate((a) => a.href));
        const want = new URL(mode.url(c.page));
        if (firstUrl.href !== want.href) {
          const shown = await page.locator('.site-search-results a').allTextContents();
          throw new Error(`first result is ${firstUrl.href}, want ${want.href}; results: ${shown.slice(0, 5).join(' | ')}`);
        }
        if (before) throw new Error('the index was loaded before the reader searched');
        // The browser loaded what the budget check counts for this query.
        const loaded = indexFiles(requested);
        const counted = index.query(c.query).files;
        const missing = counted.filter((f) => !loaded.includes(f));
        if (missing.length) throw new Error(`the browser did not load ${missing.join(', ')} (it loaded ${loaded.join(', ')})`);
        if (!/\d/.test(said)) throw new Error(`the status says "${said}"`);
        // Escape clears; typing again brings the results back.
        await page.keyboard.press('Escape');
        const cleared = await page.evaluate(() => document.querySelector('.site-search-input').value === ''
          && document.querySelector('.site-search-results').hidden
          && document.activeElement === document.querySelector('.site-search-input'));
        if (!cleared) throw new Error('Escape did not clear the search and keep focus in the field');
        await page.keyboard.type(c.query);
        await page.locator('.site-search-results a').first().waitFor({ timeout: 15_000 });
        await page.keyboard.press(mode.follow);
        const focused = await page.evaluate(() => document.activeElement?.href || '');
        if (focused !== want.href) throw new Error(`${mode.follow} from the field focused "${focused}", not the first result`);
        await Promise.all([page.waitForURL(want.href, { timeout: 15_000 }), page.keyboard.press('Enter')]);
        if (errors.length) throw new Error(errors.join('; '));
        pass(`${label} → ${c.page} first (${said}), reached with ${mode.follow} + Enter`);
      } catch (e) {
        fail(`${label}: ${String(e.message || e).split('\n')[0]}`);
      }
    }
  }
  await browser.close();
  await server.close();
}

for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.what}`);
const failed = checks.filter((c) => !c.ok).length;
console.log(`search: ${failed} failed of ${checks.length} checks`);
process.exit(failed ? 1 : 0);
