#!/usr/bin/env node
// phone.mjs SITE — phones and large screens gate.
// Serves SITE on 127.0.0.1 (at `/` and at its base path, with its 404.html
// for addresses that have no file, as a static host does) and opens every
// .html page in headless Chromium with JavaScript off:
//   - at 360 x 740 px (a phone): the page does not scroll sideways, its h1
//     starts within the top 40 % of the screen, and the main navigation
//     is folded: its links are hidden behind a <summary> that opens with the
//     keyboard (focus it, press Enter: the links show); in a plan view
//     (the action plan and its views) no table scrolls in its box: each
//     row is a card with every fact;
//   - at 768, 1024 and 1280 px: the page does not scroll sideways; from
//     1024 px no box of a plan view (table or roadmap) hides columns
//     behind a scroll.
// The board edition (print.html) has no menu and an h1 per part: it is held
// only to not scrolling sideways.
// A wide table or picture may scroll inside its own box; only the page
// itself must not. The 404 page is also opened from a missing address deep in
// the site: it must answer 404, be styled, and every link on it must load.
// Screenshots at 360 and 1280 px of the first page of each main kind (front
// page, direction, initiative, action plan, plan view, 404) go to
// $SCREENSHOTS_DIR (default target/screenshots/<site>/ in the repository),
// for a person to look at; their paths are printed.
// Last line: `phone: N problems on M pages`. Exit 0 clean, 1 any problem,
// 2 usage or a browser that does not start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOARD_EDITION, htmlFiles, serveWithBrowser, siteArg } from './lib/site.mjs';

const PHONE = { width: 360, height: 740 };
// The h1 starts within this share of the phone's screen.
const H1_SHARE = 0.4;
const WIDTHS = [768, 1024, 1280];
// From this width no plan view hides a column behind a scroll.
const DESKTOP = 1024;
const TABS = 2; // the CI machine has 2 cores
// Pages whose first element in <main> has one of these classes are
// photographed (the first of each).
const SHOT_KINDS = ['front', 'page-direction', 'page-initiative', 'overview-initiative', 'page-plan', 'page-not-found'];

const site = siteArg('phone.mjs', process.argv[2]);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const shotsDir = path.resolve(process.env.SCREENSHOTS_DIR
  || path.join(HERE, '..', 'target', 'screenshots', path.basename(site)));
const t0 = Date.now();
const pages = htmlFiles(site);
if (pages.length === 0) { console.error(`phone: no .html files under ${site}`); process.exit(2); }

// With JavaScript off: the menu and the pages must work without script.
const { server, browser } = await serveWithBrowser('phone', site, { javaScript: false });

/** In the page: how the layout fits the window. */
function measure() {
  const doc = document.documentElement;
  const wide = doc.scrollWidth > doc.clientWidth + 1;
  // What sticks out, for the report: the outermost elements past the edge
  // that are not inside a box that scrolls on its own.
  const culprits = [];
  if (wide) {
    const inScroller = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1 && !inScroller(el) && !(el.parentElement && culprits.includes(el.parentElement))) {
        culprits.push(el);
        if (culprits.length >= 3) break;
      }
    }
  }
  const describe = (el) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> ${Math.round(el.getBoundingClientRect().width)}px`;
  const h1 = document.querySelector('h1');
  const h1Top = h1 ? h1.getBoundingClientRect().top + window.scrollY : null;
  // A plan view's boxes that scroll on their own: columns out of sight.
  const plan = document.querySelector('main .page-plan, main .overview-initiative');
  const hidden = plan ? [...plan.querySelectorAll('.table-wrap, .roadmap-scroll')]
    .filter((box) => box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${describe(box)} shows ${box.clientWidth} of ${box.scrollWidth}px`) : [];
  const first = [...(document.querySelector('main')?.children || [])].find((c) => !c.matches('nav'));
  return {
    scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide,
    culprits: culprits.map(describe), h1Top, hidden, h1Count: document.querySelectorAll('h1').length,
    kinds: first ? [...first.classList].filter((c) => c === 'front' || /^(page|overview)-/.test(c)) : [],
  };
}

/** In the page: the main navigation (the first <nav> outside <main>) and whether its links show. */
function menuState() {
  const nav = [...document.querySelectorAll('nav')].find((n) => !n.closest('main'));
  if (!nav) return null;
  const links = [...nav.querySelectorAll('a[href]')];
  const shown = links.filter((a) => a.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }));
  return { links: links.length, shown: shown.length, summary: !!nav.querySelector('summary') };
}

/** A page of the site at phone width: one h1 on the first screen, the menu folded and opened with Enter. */
async function sitePage(page, m) {
  const problems = [];
  if (m.h1Count !== 1) problems.push(`has ${m.h1Count} h1 elements`);
  else if (m.h1Top > PHONE.height * H1_SHARE) problems.push(`the h1 starts at ${Math.round(m.h1Top)}px, below the top ${H1_SHARE * 100} % of a ${PHONE.height}px screen (${PHONE.height * H1_SHARE}px)`);
  // The roadmap's picture may scroll on a phone: its facts are in the cards below it.
  const tables = m.hidden.filter((h) => !h.includes('roadmap-scroll'));
  if (tables.length) problems.push(`a plan table hides facts behind a scroll at ${PHONE.width}px: ${tables.join(', ')}`);
  const menu = await page.evaluate(menuState);
  if (!menu) problems.push('has no main navigation (<nav> outside <main>)');
  else if (menu.shown > 0) problems.push(`the menu is not folded at ${PHONE.width}px: ${menu.shown} of its ${menu.links} links show`);
  else if (!menu.summary) problems.push('the folded menu has no <summary> to open it');
  else {
    // Open it as a keyboard user would.
    await page.evaluate(() => [...document.querySelectorAll('nav')].find((n) => !n.closest('main')).querySelector('summary').focus());
    await page.keyboard.press('Enter');
    const opened = await page.evaluate(menuState);
    if (opened.shown === 0) problems.push('the menu does not open with Enter on its <summary>');
    const after = await page.evaluate(measure);
    if (after.wide) problems.push(`scrolls sideways at ${PHONE.width}px with the menu open: ${after.culprits.join(', ')}`);
  }
  return problems;
}

async function check(page, rel) {
  const url = `${server.url}/${rel.split('/').map(encodeURIComponent).join('/')}`;
  const problems = [];
  await page.setViewportSize(PHONE);
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  if (!resp || !resp.ok()) return { rel, problems: [`HTTP ${resp && resp.status()}`], kinds: [] };
  const m = await page.evaluate(measure);
  if (m.wide) problems.push(`scrolls sideways at ${PHONE.width}px (${m.scrollWidth}px wide): ${m.culprits.join(', ')}`);
  if (rel !== BOARD_EDITION) problems.push(...await sitePage(page, m));
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const w = await page.evaluate(measure);
    if (w.wide) problems.push(`scrolls sideways at ${width}px (${w.scrollWidth}px wide): ${w.culprits.join(', ')}`);
    if (width >= DESKTOP && w.hidden.length) problems.push(`hides columns behind a scroll at ${width}px: ${w.hidden.join(', ')}`);
  }
  return { rel, problems, kinds: m.kinds };
}

/** The 404 page as a reader meets it: at a missing address deep in the site. */
async function notFound(page) {
  if (!pages.includes('404.html')) return [];
  const problems = [];
  const url = `${server.url}${server.base}no/such/folder/missing-page.html`;
  await page.setViewportSize(PHONE);
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  if (!resp || resp.status() !== 404) problems.push(`a missing address answers ${resp && resp.status()}, not 404`);
  const r = await page.evaluate(async () => {
    const styled = [...document.styleSheets].some((s) => { try { return s.cssRules.length > 0; } catch { return false; } });
    // Links within the page itself (the skip link) are not addresses to load.
    const hrefs = [...document.querySelectorAll('a[href], link[href]')].map((a) => a.href)
      .filter((h) => h.startsWith(location.origin) && h.split('#')[0] !== location.href.split('#')[0]);
    const broken = [];
    for (const h of [...new Set(hrefs.map((x) => x.split('#')[0]))]) {
      const res = await fetch(h);
      if (!res.ok) broken.push(`${h.slice(location.origin.length)} (${res.status})`);
    }
    return { styled, broken, links: hrefs.length };
  });
  if (!r.styled) problems.push('is not styled: its style sheet did not load');
  for (const b of r.broken) problems.push(`links to ${b}`);
  return problems.map((p) => `404.html at ${url.slice(server.url.length)}: ${p}`);
}

const results = new Array(pages.length);
let next = 0;
await Promise.all(Array.from({ length: Math.min(TABS, pages.length) }, async () => {
  const page = await browser.context.newPage();
  while (next < pages.length) {
    const i = next++;
    try { results[i] = await check(page, pages[i]); } catch (e) {
      results[i] = { rel: pages[i], problems: [`ERROR ${String(e.message || e).split('\n')[0]}`], kinds: [] };
    }
  }
  await page.close();
}));

const extra = [];
const shots = [];
{
  const page = await browser.context.newPage();
  try { extra.push(...await notFound(page)); } catch (e) { extra.push(`404.html: ERROR ${String(e.message || e).split('\n')[0]}`); }
  fs.mkdirSync(shotsDir, { recursive: true });
  for (const kind of SHOT_KINDS) {
    const r = results.find((x) => x.kinds.includes(kind));
    if (!r) continue;
    const name = r.rel.replace(/\.html$/, '').replace(/[/\\]/g, '_');
    for (const width of [PHONE.width, 1280]) {
      await page.setViewportSize({ width, height: width === PHONE.width ? PHONE.height : 800 });
      await page.goto(`${server.url}/${r.rel.split('/').map(encodeURIComponent).join('/')}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(shotsDir, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    }
  }
  await page.close();
}
await browser.close();
await server.close();

console.log(`phone: ${site} (served at ${server.base}), ${PHONE.width}x${PHONE.height} and ${WIDTHS.join(', ')} px wide`);
let problems = 0;
for (const r of results) for (const p of r.problems) { problems++; console.log(`${r.rel}: ${p}`); }
for (const p of extra) { problems++; console.log(p); }
for (const s of shots) console.log(`screenshot: ${s}`);
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)}s)`);
console.log(`phone: ${problems} problems on ${pages.length} pages`);
process.exit(problems ? 1 : 0);
