#!/usr/bin/env node
// axe.mjs SITE — accessibility gate.
// Serves SITE on 127.0.0.1, opens every .html page in headless Chromium and
// runs axe-core with the WCAG 2.0/2.1 A and AA rules. `print.html`, when the
// site has one, is checked twice: as a screen page and with print media.
// Prints each violation (rule, impact, page, elements); "needs review"
// results are counted, not failed. Last line: `axe: N violations on M pages`
// (N = rule/page pairs). Exit 0 clean, 1 any violation, 2 usage or a page
// that did not load.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BOARD_EDITION, htmlFiles, serveWithBrowser, siteArg } from './lib/site.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TABS = 2; // the CI machine has 2 cores; more tabs only queue.
const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
// Evaluated through the DevTools protocol, not added as a <script>: the board
// edition's Content Security Policy refuses every script, rightly, and axe
// must audit the page as readers get it, policy included.
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');
const AXE_VERSION = require('axe-core/package.json').version;

const site = siteArg('axe.mjs', process.argv[2]);
const t0 = Date.now();
const jobs = htmlFiles(site).flatMap((rel) => (
  rel === BOARD_EDITION ? [{ rel, media: 'screen' }, { rel, media: 'print' }] : [{ rel, media: 'screen' }]
));
if (jobs.length === 0) { console.error(`axe: no .html files under ${site}`); process.exit(2); }

const { server, browser } = await serveWithBrowser('axe', site);

async function check(page, { rel, media }) {
  const url = `${server.url}/${rel.split('/').map(encodeURIComponent).join('/')}`;
  try {
    await page.emulateMedia({ media });
    const resp = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (!resp || !resp.ok()) throw new Error(`HTTP ${resp && resp.status()}`);
    await page.evaluate(AXE_SOURCE);
    const r = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const res = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return {
        violations: res.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
        })),
        incomplete: res.incomplete.length,
      };
    }, TAGS);
    return { rel, media, ...r };
  } catch (e) {
    return { rel, media, error: String(e.message || e).split('\n')[0], violations: [], incomplete: 0 };
  }
}

const results = new Array(jobs.length);
let next = 0;
await Promise.all(Array.from({ length: Math.min(TABS, jobs.length) }, async () => {
  const page = await browser.context.newPage();
  while (next < jobs.length) { const i = next++; results[i] = await check(page, jobs[i]); }
  await page.close();
}));
await browser.close();
await server.close();

console.log(`axe-core ${AXE_VERSION}, rules ${TAGS.join(',')}, ${site}`);
if (browser.blocked.length) console.log(`note: blocked ${browser.blocked.length} request(s) to other hosts, e.g. ${browser.blocked[0]}`);
let violations = 0, errors = 0, review = 0;
for (const r of results) {
  const name = r.media === 'print' ? `${r.rel} (print)` : r.rel;
  review += r.incomplete;
  if (r.error) { errors++; console.log(`${name}: ERROR ${r.error}`); continue; }
  for (const v of r.violations) {
    violations++;
    console.log(`${name}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))`);
    for (const n of v.nodes.slice(0, 5)) {
      console.log(`    ${n.target}  ${n.html.replace(/\s+/g, ' ').slice(0, 160)}`);
      const why = (n.summary || '').split('\n').find((l) => l.trim() && !/^Fix (any|all)/.test(l));
      if (why) console.log(`      ${why.trim().slice(0, 200)}`);
    }
    if (v.nodes.length > 5) console.log(`    … ${v.nodes.length - 5} more`);
  }
}
const secs = ((Date.now() - t0) / 1000).toFixed(1);
console.log(`(${secs}s; ${review} result(s) need review by a person, not counted; ${errors} page(s) failed to load)`);
console.log(`axe: ${violations} violations on ${jobs.length} pages`);
process.exit(errors ? 2 : violations ? 1 : 0);
