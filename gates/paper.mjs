#!/usr/bin/env node
// paper.mjs SITE — what reaches paper: the board edition and a printed page.
// Prints in headless Chromium and reads the PDF back with poppler's pdftotext:
//   - the board edition (print.html), with its own page size: no page ends
//     in a heading, or in a heading and one line of what follows it while
//     the rest of that section goes on over the page (a stranded heading);
//   - the site's front page and the first page of each kind (direction,
//     initiative, plan view) as Ctrl+P prints them, background graphics off
//     (the browser's default): no sheet holds nothing but the footer, and
//     every status badge and current tab keeps text of 4.5:1 or more on
//     the white paper.
// What comes before the document's <main> (the cover, the contents, the
// summary, which name its headings) and the page margins are hidden before
// the edition is printed (the same layout, less text), so a line is a
// heading only where the heading itself stands; a part's eyebrow (»Part 4«)
// above its title is read as the title's, so the part still opens its page.
// With $PAPER_DIR set, the PDFs are kept there.
// Last line: `paper: N problems in M prints`. Exit 0 clean, 1 any problem,
// 2 usage, no pdftotext, or a browser that does not start.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BOARD_EDITION, htmlFiles, serveWithBrowser, siteArg } from './lib/site.mjs';
import { contrast, parseColour } from './lib/colour.mjs';

const SITE_KINDS = ['front', 'page-direction', 'page-initiative', 'page-plan'];

const site = siteArg('paper.mjs', process.argv[2]);
const t0 = Date.now();
try { execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); } catch {
  console.error('paper: no pdftotext (apt-get install poppler-utils)'); process.exit(2);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-paper-'));
const keep = process.env.PAPER_DIR ? path.resolve(process.env.PAPER_DIR) : null;
if (keep) fs.mkdirSync(keep, { recursive: true });

const { server, browser } = await serveWithBrowser('paper', site, { javaScript: false });
const page = await browser.context.newPage();
const problems = [];
let prints = 0;

const urlOf = (rel) => `${server.url}/${rel.split('/').map(encodeURIComponent).join('/')}`;

/** The text of each page of `pdf`, as pdftotext lays it out. */
function pagesOf(pdf) {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return text.split('\f').slice(0, -1).map((p) => p.split('\n').map(norm).filter((l) => l !== ''));
}

/** Text as compared here: soft hyphens gone, spaces collapsed. */
function norm(s) { return s.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim(); }

async function printTo(rel, name, options) {
  const file = path.join(keep || work, `${name}.pdf`);
  await page.pdf({ path: file, ...options });
  prints += 1;
  return file;
}

/**
 * How many lines the heading `text` takes from line `i` of `lines` (a
 * heading may wrap, and a wrapped word may end in a hyphen), or 0.
 */
export function headingAt(lines, i, text) {
  let got = '';
  for (let k = i; k < lines.length && k < i + 4; k += 1) {
    got = got === '' ? lines[k] : (got.endsWith('-') && !text.startsWith(`${got} `) ? `${got.slice(0, -1)}${lines[k]}` : `${got} ${lines[k]}`);
    if (got === text) return k - i + 1;
    if (!text.startsWith(got)) return 0;
  }
  return 0;
}

/**
 * Where the headings stand: `[{ page, i, n, h }]` (line `i` of page `page`,
 * `n` lines), found in document order. Only the next few headings are
 * looked for at each line, so a list that names later headings (»Also
 * these initiatives contribute«) is not taken for them.
 */
export function locate(pages, headings) {
  const at = [];
  let next = 0;
  pages.forEach((lines, page) => {
    for (let i = 0; i < lines.length && next < headings.length; i += 1) {
      for (let k = next; k < Math.min(next + 3, headings.length); k += 1) {
        const n = headingAt(lines, i, headings[k]);
        if (n > 0) { at.push({ page, i, n, h: headings[k], k }); next = k + 1; i += n - 1; break; }
      }
    }
  });
  return at;
}

/**
 * The stranded headings of a printed edition: `{ page, heading, after }`.
 * `above[k]`, when given, is what prints above heading `k` as part of it
 * (the »Part 4« over a part's title), as one line of text.
 */
export function stranded(pages, headings, above = []) {
  const kept = headings.map((h, k) => ({ h, above: above[k] || '' })).filter((x) => x.h.length > 0);
  const at = locate(pages, kept.map((x) => x.h));
  // The next heading opens its page when nothing but its own lines above it
  // (a part's eyebrow) stands before it there.
  const opens = (g) => pages[g.page].slice(0, g.i).join(' ') === kept[g.k].above;
  const found = [];
  at.forEach((h, k) => {
    const following = at[k + 1];
    if (following && following.page === h.page) return; // not the page's last heading
    const after = pages[h.page].length - (h.i + h.n);
    // One line is all of the heading's section when the next heading opens
    // the next page (or there is none).
    const continues = h.page + 1 < pages.length && !(following && following.page === h.page + 1 && opens(following));
    if (after === 0 || (after === 1 && continues)) found.push({ page: h.page + 1, heading: h.h, after });
  });
  return found;
}

async function boardEdition() {
  await page.emulateMedia({ media: 'print' });
  await page.goto(urlOf(BOARD_EDITION), { waitUntil: 'load', timeout: 60_000 });
  const headings = await page.evaluate(() => {
    // Hidden, not removed: every page breaks where it did.
    const style = document.createElement('style');
    // Only <main>'s headings are looked for, and what stands before it
    // (the contents, the summary's »3.1 Robust drift«) repeats them.
    style.textContent = '.toc-list, body:has(> main) > :not(main) { visibility: hidden; } @page { @top-left { content: none; } @top-center { content: none; } @bottom-right { content: none; } }';
    document.head.append(style);
    const main = document.querySelector('main') || document.body;
    // What a heading's own header prints above it (a part's »Part 4«).
    const above = (h) => {
      if (!h.parentElement || !h.parentElement.matches('header, hgroup')) return '';
      const before = [];
      for (let e = h.parentElement.firstElementChild; e && e !== h; e = e.nextElementSibling) before.push(e.innerText);
      return before.join(' ');
    };
    return [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({ text: h.innerText, above: above(h) }));
  });
  const pdf = await printTo(BOARD_EDITION, 'print', { preferCSSPageSize: true, printBackground: true });
  const pages = pagesOf(pdf);
  const texts = headings.map((h) => norm(h.text)).filter((h) => h.length > 0);
  const seen = locate(pages, texts).length;
  // A check that finds too few headings would pass without looking.
  if (seen < texts.length * 0.9) problems.push(`${BOARD_EDITION}: only ${seen} of its ${texts.length} headings found in the PDF's text`);
  for (const s of stranded(pages, headings.map((h) => norm(h.text)), headings.map((h) => norm(h.above)))) {
    problems.push(`${BOARD_EDITION}: page ${s.page} of ${pages.length} ends in the heading \`${s.heading}\`${s.after ? ' and one line' : ''}`);
  }
}

/** In the page, with print media: badges and current tabs whose text would vanish on white paper. */
function faintOnPaper() {
  const out = [];
  for (const el of document.querySelectorAll('.badge, [aria-current="page"], [aria-selected="true"]')) {
    if (el.closest('.site-nav, .breadcrumbs') || el.getClientRects().length === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    out.push({ text: el.innerText.trim().slice(0, 40), cls: el.className, color: cs.color });
  }
  return out;
}

async function sitePage(rel) {
  await page.emulateMedia({ media: 'print' });
  await page.goto(urlOf(rel), { waitUntil: 'load', timeout: 30_000 });
  const footer = await page.evaluate(() => {
    const f = document.querySelector('.site-footer, body > footer');
    return f ? f.innerText.split('\n') : [];
  });
  for (const b of await page.evaluate(faintOnPaper)) {
    const ratio = contrast(parseColour(b.color), [255, 255, 255]);
    if (ratio < 4.5) problems.push(`${rel}: printed without background graphics, "${b.text}" (${b.cls}) is ${b.color} on white paper: ${ratio.toFixed(2)}:1 (needs 4.5:1)`);
  }
  const pdf = await printTo(rel, `site-${rel.replace(/[^a-z0-9]+/gi, '-')}`, { format: 'A4', printBackground: false });
  const footerText = norm(footer.join(' '));
  pagesOf(pdf).forEach((lines, p, all) => {
    if (lines.every((l) => footerText.includes(l))) {
      problems.push(`${rel}: printed sheet ${p + 1} of ${all.length} holds ${lines.length ? `only the footer (${lines[0]})` : 'nothing'}`);
    }
  });
}

/** The front page and the first page of each kind the site has. */
async function siteKinds() {
  const picked = new Map();
  for (const rel of htmlFiles(site)) {
    if (rel === BOARD_EDITION || rel === '404.html' || picked.size === SITE_KINDS.length) continue;
    const html = fs.readFileSync(path.join(site, rel), 'utf8');
    const m = /<main[^>]*>\s*(?:<nav[\s\S]*?<\/nav>\s*)*<[a-z]+[^>]*class="([^"]*)"/.exec(html);
    const kind = m && SITE_KINDS.find((k) => m[1].split(/\s+/).includes(k));
    if (kind && !picked.has(kind)) picked.set(kind, rel);
  }
  return [...picked.values()];
}

try {
  if (fs.existsSync(path.join(site, BOARD_EDITION))) await boardEdition();
  for (const rel of await siteKinds()) await sitePage(rel);
} catch (e) {
  problems.push(`print failed: ${String(e.message || e).split('\n')[0]}`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
}

for (const p of problems) console.log(`  ${p}`);
if (keep) console.log(`paper: PDFs in ${keep}`);
console.log(`paper: ${problems.length} problems in ${prints} prints (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(problems.length ? 1 : 0);
