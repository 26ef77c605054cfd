import { serveWithBrowser } from './lib/site.mjs';
const site = process.argv[2], rel = process.argv[3] || 'index.html';
const { server, browser } = await serveWithBrowser('probe', site, { javaScript: false });
const page = await browser.context.newPage();
await page.emulateMedia({ media: 'print' });
// A4 minus Chromium's default margins (0.4in each side): ~ 210mm-20.3mm
await page.setViewportSize({ width: 716, height: 1000 });
await page.goto(`${server.url}/${rel}`, { waitUntil: 'load' });
const r = await page.evaluate(() => {
  const out = [];
  const H = document.documentElement.scrollHeight;
  out.push(['doc', H, document.body.getBoundingClientRect().height]);
  for (const el of document.querySelectorAll('body *')) {
    const b = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (b.bottom > H - 400 && b.height > 0) out.push([el.tagName + '.' + el.className, Math.round(b.top), Math.round(b.bottom), cs.marginBottom, cs.paddingBottom, cs.minHeight]);
  }
  return out;
});
for (const x of r) console.log(x.join(' | '));
await browser.close(); await server.close();
