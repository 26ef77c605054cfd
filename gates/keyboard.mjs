#!/usr/bin/env node
// keyboard.mjs SITE — keyboard gate: a reader without a mouse.
// Serves SITE on 127.0.0.1 and walks every .html page with the Tab key in
// headless Chromium with JavaScript off, at 1280 x 800 and at 360 x 640 px
// (where the menu is folded), as a keyboard user does:
//   - the first Tab lands on a skip link to <main>; Enter on it moves the
//     focus to <main>, and the next Tab to the first stop inside it;
//     (not in the board edition, print.html: its table of contents comes
//     first and is what a reader skips with);
//   - Tab from the top reaches every link, button, <summary> and scrollable
//     box that shows (at 360 px the menu's <summary>, not its hidden links),
//     each once, until the focus leaves the page;
//   - at every stop the focus is visible: the element or one of its three
//     nearest ancestors looks different from unfocused (outline, shadow,
//     background, colour or underline), and it is on the screen.
// Last line: `keyboard: N problems on M pages (S focus stops)`. Exit 0
// clean, 1 any problem, 2 usage or a browser that does not start.
import { BOARD_EDITION, htmlFiles, serveWithBrowser, siteArg } from './lib/site.mjs';

const SIZES = [{ width: 1280, height: 800 }, { width: 360, height: 640 }];
const TABS = 2; // the CI machine has 2 cores

const site = siteArg('keyboard.mjs', process.argv[2]);
const t0 = Date.now();
const pages = htmlFiles(site);
if (pages.length === 0) { console.error(`keyboard: no .html files under ${site}`); process.exit(2); }

// With JavaScript off: the menu and the pages must work without script.
const { server, browser } = await serveWithBrowser('keyboard', site, { javaScript: false });

/** In the page: finds what Tab should reach and how each looks unfocused. */
function prepare() {
  const SELECTOR = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable=true]';
  const shows = (el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true, opacityProperty: true });
  const stops = [...document.querySelectorAll(SELECTOR)].filter((el) => el.tabIndex >= 0 && !el.disabled
    && !el.closest('[inert]') && shows(el) && (el.tagName !== 'SUMMARY' || el.parentElement.querySelector(':scope > summary') === el));
  const PROPS = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'background-color', 'color', 'text-decoration-line'];
  const look = (el) => {
    const chain = [];
    for (let e = el, k = 0; e && k < 4; e = e.parentElement, k++) {
      const cs = getComputedStyle(e);
      chain.push(PROPS.map((p) => cs.getPropertyValue(p)).join('|'));
    }
    return chain.join('/');
  };
  const describe = (el) => {
    const name = el.tagName.toLowerCase();
    const href = el.getAttribute('href');
    const text = (el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${name}${href !== null ? ` href="${href}"` : ''}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>${text ? ` "${text}"` : ''}`;
  };
  window.__kb = { stops, base: stops.map(look), look, describe, shows };
  return stops.length;
}

/** In the page: where the focus is, and whether it can be seen. */
function focusNow() {
  const { stops, base, look, describe, shows } = window.__kb;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { out: true };
  const i = stops.indexOf(el);
  const r = el.getBoundingClientRect();
  const onScreen = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && (r.width > 0 || r.height > 0);
  return { i, what: describe(el), changed: i >= 0 && look(el) !== base[i], onScreen, shows: shows(el) };
}

/** The first Tab lands on a skip link; Enter on it moves the focus to <main>, the next Tab into it. */
async function skipLink(page, at) {
  const problems = [];
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const main = document.querySelector('main');
    const href = el && el.getAttribute('href');
    return { isSkip: !!(main && main.id && href === `#${main.id}`), what: el ? el.outerHTML.slice(0, 80) : 'nothing' };
  });
  if (!skip.isSkip) problems.push(`${at}: the first Tab stop is not a skip link to <main id>: ${skip.what}`);
  else {
    await page.keyboard.press('Enter');
    const inMain = await page.evaluate(() => document.activeElement === document.querySelector('main'));
    if (!inMain) problems.push(`${at}: Enter on the skip link does not move the focus to <main>`);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => ({
      inside: !!document.activeElement.closest('main'), what: document.activeElement.outerHTML.slice(0, 80),
    }));
    if (!next.inside) problems.push(`${at}: after the skip link, Tab goes to ${next.what}, not into <main>`);
  }
  return problems;
}

async function walk(page, rel, url, size) {
  const problems = [];
  const at = `${size.width}px`;
  await page.setViewportSize(size);
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  if (!resp || !resp.ok()) return { problems: [`HTTP ${resp && resp.status()}`], stops: 0 };
  const total = await page.evaluate(prepare);

  if (rel !== BOARD_EDITION) {
    problems.push(...await skipLink(page, at));
    // The skip link moved the focus: start again from the top.
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.evaluate(prepare);
  }

  // Tab from the top through the whole page.
  const seen = new Set();
  let stops = 0;
  for (let step = 0; step < total + 10; step++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusNow);
    if (f.out) break;
    if (f.i >= 0 && seen.has(f.i)) break; // round again
    stops++;
    if (f.i < 0) { if (!f.shows) problems.push(`${at}: Tab stops on something that does not show: ${f.what}`); continue; }
    seen.add(f.i);
    if (!f.changed) problems.push(`${at}: no visible focus on ${f.what}`);
    else if (!f.onScreen) problems.push(`${at}: the focus is off the screen on ${f.what}`);
  }
  if (seen.size < total) {
    const missed = await page.evaluate((got) => window.__kb.stops
      .filter((_, i) => !got.includes(i)).map((el) => window.__kb.describe(el)), [...seen]);
    problems.push(`${at}: Tab never reaches ${missed.length} of ${total}: ${missed.slice(0, 3).join(', ')}${missed.length > 3 ? ', …' : ''}`);
  }
  return { problems, stops };
}

const results = new Array(pages.length);
let next = 0;
await Promise.all(Array.from({ length: Math.min(TABS, pages.length) }, async () => {
  const page = await browser.context.newPage();
  while (next < pages.length) {
    const i = next++;
    const rel = pages[i];
    const url = `${server.url}/${rel.split('/').map(encodeURIComponent).join('/')}`;
    const r = { rel, problems: [], stops: 0 };
    for (const size of SIZES) {
      try {
        const w = await walk(page, rel, url, size);
        r.problems.push(...w.problems);
        r.stops += w.stops;
      } catch (e) { r.problems.push(`${size.width}px: ERROR ${String(e.message || e).split('\n')[0]}`); }
    }
    results[i] = r;
  }
  await page.close();
}));
await browser.close();
await server.close();

console.log(`keyboard: ${site}, Tab walks at ${SIZES.map((s) => `${s.width}x${s.height}`).join(' and ')}`);
let problems = 0, stops = 0;
for (const r of results) {
  stops += r.stops;
  for (const p of r.problems) { problems++; console.log(`${r.rel}: ${p}`); }
}
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)}s)`);
console.log(`keyboard: ${problems} problems on ${pages.length} pages (${stops} focus stops)`);
process.exit(problems ? 1 : 0);
