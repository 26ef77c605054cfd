#!/usr/bin/env node
// links.mjs SITE — link gate.
// Every internal reference in every .html file under SITE must resolve: the
// href of a, area and link; the src of img, source, script, iframe, embed,
// audio, video, track; srcset candidates; video poster; object data; form
// action. A path resolves to a file inside SITE (a folder to its index.html);
// a #fragment must be an id (or <a name>) in the target page. A path from
// the server's root (`/x/y.html`) must lie under the site's base path (the
// `data-base-path` of its 404 page, else `/`). `#` and `#top`
// are valid without one (the HTML standard scrolls to the top). Links with a
// scheme or host (https:, mailto:, //host) are counted, not fetched.
// Last line: `links: N broken of M` (M = internal references). Exit 0 clean,
// 1 any broken, 2 usage.
import fs from 'node:fs';
import path from 'node:path';
import { basePath, htmlFiles, siteArg } from './lib/site.mjs';

const REF_ATTRS = {
  a: ['href'], area: ['href'], link: ['href'], img: ['src', 'srcset'], source: ['src', 'srcset'],
  script: ['src'], iframe: ['src'], embed: ['src'], audio: ['src'], track: ['src'],
  video: ['src', 'poster'], object: ['data'], form: ['action'],
};
// Elements whose content is text, not markup: a `<a href>` inside them is not a link.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s) => s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
  if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  return ENTITIES[e.toLowerCase()] ?? m;
});

/**
 * Reads the start tags of an HTML document (comments, doctype and raw-text
 * content skipped) and returns its ids and references with their line.
 * The gate runs on HTML that vnu checks too, so a small tokenizer is enough.
 */
function scan(html) {
  const ids = new Set(), refs = [];
  let base = null, i = 0, line = 1, counted = 0;
  const lineAt = (pos) => { for (; counted < pos; counted++) if (html.charCodeAt(counted) === 10) line++; return line; };
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) { const e = html.indexOf('-->', i + 4); i = e === -1 ? html.length : e + 3; continue; }
    if (html[i + 1] === '!' || html[i + 1] === '?' || html[i + 1] === '/') { const e = html.indexOf('>', i); i = e === -1 ? html.length : e + 1; continue; }
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 64));
    if (!m) { i++; continue; }
    const tag = m[1].toLowerCase(), at = lineAt(i);
    const attrRe = /\s*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?|\s*\/?\s*>/y;
    attrRe.lastIndex = i + m[0].length;
    const attrs = {};
    let a;
    while ((a = attrRe.exec(html))) {
      if (!a[1]) break; // end of the tag
      const name = a[1].toLowerCase(); let v = a[2] ?? '';
      if (v[0] === '"' || v[0] === "'") v = v.slice(1, -1);
      if (!(name in attrs)) attrs[name] = decode(v);
    }
    i = attrRe.lastIndex || i + 1;
    if (attrs.id) ids.add(attrs.id);
    if (tag === 'a' && attrs.name) ids.add(attrs.name);
    if (tag === 'base' && attrs.href) base = attrs.href;
    for (const attr of REF_ATTRS[tag] || []) {
      if (!(attr in attrs)) continue;
      const values = attr === 'srcset' ? attrs[attr].split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean) : [attrs[attr].trim()];
      for (const ref of values) refs.push({ tag, attr, ref, line: at });
    }
    if (RAW_TEXT.has(tag)) {
      const close = html.toLowerCase().indexOf(`</${tag}`, i);
      i = close === -1 ? html.length : close;
    }
  }
  return { ids, refs, base };
}

const site = siteArg('links.mjs', process.argv[2]);
const base = basePath(site); // a path from the server's root (`/x`) is read from here
const t0 = Date.now();
const pages = htmlFiles(site);
if (pages.length === 0) { console.error(`links: no .html files under ${site}`); process.exit(2); }
const cache = new Map();
const parsed = (file) => {
  if (!cache.has(file)) cache.set(file, scan(fs.readFileSync(file, 'utf8')));
  return cache.get(file);
};
const isFile = (p) => { try { return fs.statSync(p).isFile(); } catch { return false; } };
const isDir = (p) => { try { return fs.statSync(p).isDirectory(); } catch { return false; } };
const show = (p) => path.relative(site, p).split(path.sep).join('/') || '.';

const broken = [];
let internal = 0, external = 0;
for (const rel of pages) {
  const src = path.join(site, rel);
  const page = parsed(src);
  if (page.base) broken.push(`${rel}: <base href="${page.base}"> changes what every relative link means; stratdoc never writes one`);
  for (const { tag, attr, ref, line } of page.refs) {
    const bad = (why) => broken.push(`${rel}:${line}: <${tag} ${attr}="${ref}"> ${why}`);
    if (tag === 'form' && ref === '') continue; // submits to itself
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref) || ref.startsWith('//')) { external++; continue; }
    internal++;
    const hash = ref.indexOf('#');
    const beforeHash = hash === -1 ? ref : ref.slice(0, hash);
    let urlPath = beforeHash.split('?')[0], fragment = hash === -1 ? null : ref.slice(hash + 1);
    try {
      urlPath = decodeURIComponent(urlPath);
      if (fragment !== null) fragment = decodeURIComponent(fragment);
    } catch { bad('is not valid percent-encoding'); continue; }
    let target;
    if (urlPath === '') target = src;
    else if (!urlPath.startsWith('/')) target = path.join(path.dirname(src), urlPath);
    else if (urlPath.startsWith(base)) target = path.join(site, urlPath.slice(base.length));
    else { bad(`is outside the site's base path ${base}`); continue; }
    if (target !== site && !target.startsWith(site + path.sep)) { bad('points outside the site'); continue; }
    if (isDir(target)) {
      if (!isFile(path.join(target, 'index.html'))) { bad(`is a folder without index.html (${show(target)})`); continue; }
      target = path.join(target, 'index.html');
    }
    if (!isFile(target)) { bad(`no such file: ${show(target)}`); continue; }
    if (!fragment || fragment.toLowerCase() === 'top' || !/\.html?$/i.test(target)) continue;
    if (!parsed(target).ids.has(fragment)) bad(`no id="${fragment}" in ${show(target)}`);
  }
}
for (const b of broken) console.log(b);
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)}s; ${pages.length} pages; ${external} external link(s) counted, not fetched; ${site})`);
console.log(`links: ${broken.length} broken of ${internal}`);
process.exit(broken.length ? 1 : 0);
