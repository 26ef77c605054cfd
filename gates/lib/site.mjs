// Helpers shared by the gates: list a built site's pages, serve it on
// 127.0.0.1 with node's own `http`, and start Debian's Chromium headless.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's Chromium; `$CHROMIUM` points elsewhere (no test tool downloads a browser here). */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Offline flags: without the background-networking ones Chromium waits on
// lookups that never answer on a machine with no network. --no-sandbox
// because CI runs as root.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-dev-shm-usage',
];

/**
 * The board edition: one document to print, not a page of the site. It has
 * no site header, menu or skip link (its cover and table of contents come
 * first), and each part starts with an h1; the gates hold it to what any
 * document must meet (axe, vnu, links, no sideways scrolling, Tab).
 */
export const BOARD_EDITION = 'print.html';

/** Every .html file under `root`, as sorted POSIX paths relative to it. */
export function htmlFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      // A leftover staging folder (`.public.stratdoc-new-…`) is not the site.
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.html?$/i.test(e.name)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** Exits with code 2 and a usage line unless `site` is a folder. */
export function siteArg(gate, site) {
  if (!site || !fs.existsSync(site) || !fs.statSync(site).isDirectory()) {
    console.error(`usage: ${gate} SITE_DIR (a built site)`);
    process.exit(2);
  }
  return path.resolve(site);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon', '.xml': 'application/xml',
};

/**
 * Where the site is served (`/`, `/strategi/`): the `data-base-path` its
 * 404 page carries. A 404 page is shown for any address, at any depth, so its
 * links are absolute paths from there; the gates resolve them the same way.
 */
export function basePath(root) {
  let html;
  try { html = fs.readFileSync(path.join(root, '404.html'), 'utf8'); } catch { return '/'; }
  const m = /\sdata-base-path="(\/[^"]*)"/.exec(html);
  return m ? (m[1].endsWith('/') ? m[1] : `${m[1]}/`) : '/';
}

/**
 * Serves `root` on 127.0.0.1:<free port>, as a static host does: at `/` and
 * at the site's base path, and, for an address with no file, its 404.html
 * with status 404. Resolves to `{ url, base, close }` (`base`: the base path).
 */
export function serve(root) {
  const base = basePath(root);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    if (base !== '/' && rel.startsWith(base)) rel = `/${rel.slice(base.length)}`;
    let file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    try { if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html'); } catch { /* 404 below */ }
    fs.readFile(file, (err, data) => {
      if (err) {
        fs.readFile(path.join(root, '404.html'), (err404, page) => {
          if (err404) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          else res.writeHead(404, { 'content-type': TYPES['.html'] }).end(page);
        });
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}`, base,
      close: () => new Promise((r) => server.close(r)),
    }));
  });
}

/**
 * Starts Chromium with a fresh profile and returns `{ context, close, blocked }`.
 * Requests to any host but loopback are aborted and counted, so a page that
 * pulls in a CDN fails fast here, as it would for a reader offline.
 * `{ javaScript: false }` turns the pages' scripts off (the gates' own
 * `page.evaluate` still runs), to check what works without them.
 */
export async function launch({ javaScript = true } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM=/path)`);
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-gates-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 }, timeout: 60_000, javaScriptEnabled: javaScript,
    });
  } catch (e) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  const blocked = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (/^(https?|wss?):$/.test(u.protocol) && !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
      blocked.push(u.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const close = async () => {
    try { await context.close(); } catch { /* already gone */ }
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close, blocked };
}

/**
 * Serves `site` and starts the browser for `gate`; when the browser does not
 * start, stops the server and exits with code 2 and the reason.
 */
export async function serveWithBrowser(gate, site, options) {
  const server = await serve(site);
  try {
    return { server, browser: await launch(options) };
  } catch (e) {
    await server.close();
    console.error(`${gate}: cannot start the browser: ${String(e.message || e).split('\n')[0]}`);
    process.exit(2);
  }
}
