#!/usr/bin/env node
// figures.mjs SITE — the text in stratdoc's pictures can be read.
// axe leaves SVG text out of its contrast rule, so this gate measures it:
// every page that has a chart or the roadmap (and print.html, with print
// media, as the board edition prints) is opened in headless Chromium, and
// for each <text> of a `svg.chart` or `svg.roadmap` the colour it is drawn
// in is compared with what lies under its middle: the shapes there, top
// down, blended until one is opaque, else the page's background. Every
// text must reach 4.5:1 (WCAG 2.1 AA for text), a value on a bar included.
// Last line: `figures: N problems in M texts on P pages`. Exit 0 clean,
// 1 any problem, 2 usage or a browser that does not start.
import fs from 'node:fs';
import path from 'node:path';
import { BOARD_EDITION, htmlFiles, serveWithBrowser, siteArg } from './lib/site.mjs';
import { contrast, over, parseColour } from './lib/colour.mjs';

const MIN = 4.5;
const site = siteArg('figures.mjs', process.argv[2]);
const t0 = Date.now();
const jobs = htmlFiles(site)
  .filter((rel) => /<svg class="(chart|roadmap)\b/.test(fs.readFileSync(path.join(site, rel), 'utf8')))
  .map((rel) => ({ rel, media: rel === BOARD_EDITION ? 'print' : 'screen' }));

const { server, browser } = await serveWithBrowser('figures', site, { javaScript: false });
const page = await browser.context.newPage();

/** In the page: each figure text with its colour and the colours under it, top down. */
function texts() {
  const out = [];
  const paint = (el, prop) => {
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none' || parseFloat(cs.opacity) === 0) return null;
    return { colour: cs[prop], opacity: parseFloat(cs.fillOpacity || '1') * parseFloat(cs.opacity || '1') };
  };
  for (const t of document.querySelectorAll('svg.chart text, svg.roadmap text')) {
    const own = t.textContent.trim();
    if (!own || t.closest('defs, title, desc')) continue;
    t.scrollIntoView({ block: 'center', inline: 'center' });
    const r = t.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const fill = paint(t, 'fill');
    if (!fill) continue;
    const under = [];
    for (const el of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
      if (el === t || t.contains(el) || el.tagName === 'text' || el.tagName === 'tspan') continue;
      if (el instanceof SVGElement) {
        if (['rect', 'path', 'circle', 'polygon', 'ellipse'].includes(el.tagName)) {
          const p = paint(el, 'fill');
          if (p) under.push(p);
        }
      } else {
        const bg = getComputedStyle(el).backgroundColor;
        under.push({ colour: bg, opacity: 1 });
      }
    }
    const where = t.closest('svg').getAttribute('aria-labelledby') || t.closest('svg').className.baseVal;
    out.push({ text: own.slice(0, 40), cls: t.getAttribute('class') || '', fill, under, where });
  }
  return out;
}

/** The opaque colour under a text: shapes blended top down over white. */
function backdrop(under) {
  const layers = [];
  for (const u of under) {
    const c = parseColour(u.colour);
    if (!c) continue;
    const layer = [c[0], c[1], c[2], c[3] * u.opacity];
    if (layer[3] === 0) continue;
    layers.push(layer);
    if (layer[3] >= 1) break;
  }
  return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
}

const problems = [];
let checked = 0;
try {
  for (const { rel, media } of jobs) {
    await page.emulateMedia({ media });
    await page.goto(`${server.url}/${rel.split('/').map(encodeURIComponent).join('/')}`, { waitUntil: 'load', timeout: 60_000 });
    for (const t of await page.evaluate(texts)) {
      checked += 1;
      const ink = parseColour(t.fill.colour);
      if (!ink) continue;
      const back = backdrop(t.under);
      const fg = over([ink[0], ink[1], ink[2], ink[3] * t.fill.opacity], back);
      const ratio = contrast(fg, back);
      if (ratio < MIN) {
        problems.push(`${rel}${media === 'print' ? ' (print)' : ''}: "${t.text}" (${t.cls}, in ${t.where}) is ${t.fill.colour} on rgb(${back.slice(0, 3).map(Math.round).join(', ')}): ${ratio.toFixed(2)}:1 (needs ${MIN}:1)`);
      }
    }
  }
} catch (e) {
  problems.push(`figures: ${String(e.message || e).split('\n')[0]}`);
} finally {
  await browser.close();
  await server.close();
}

for (const p of problems) console.log(`  ${p}`);
console.log(`figures: ${problems.length} problems in ${checked} texts on ${jobs.length} pages (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(problems.length ? 1 : 0);
