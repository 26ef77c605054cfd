#!/usr/bin/env node
// vnu.mjs SITE — HTML conformance gate.
// Runs the Nu HTML Checker (vnu.jar from the vnu-jar package, the engine of
// validator.w3.org) over every .html file under SITE in one JVM and lists the
// errors (warnings are not shown and do not count), with file, line and column.
// Last line: `vnu: N errors in M files (of K checked)`. Exit 0 clean, 1 any
// error, 2 usage or when vnu cannot run (no Java).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { htmlFiles, siteArg } from './lib/site.mjs';

const require = createRequire(import.meta.url);
const VNU = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

const site = siteArg('vnu.mjs', process.argv[2]);
const t0 = Date.now();
const files = htmlFiles(site).map((rel) => path.join(site, rel));
if (files.length === 0) { console.error(`vnu: no .html files under ${site}`); process.exit(2); }

// vnu overflows the default thread stack on the HTML schema; even its own
// suggestion (512k) was not enough here, 4 MiB is.
const run = spawnSync('java', ['-Xss4m', '-jar', VNU, '--errors-only', '--no-langdetect', '--format', 'json', '--stdout', ...files],
  { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (run.error || !run.stdout.trim()) {
  console.error(`vnu: could not run java -jar ${VNU}: ${run.error ? run.error.message : (run.stderr || '').trim().split('\n')[0]}`);
  process.exit(2);
}

const relName = (url) => {
  const p = url ? decodeURIComponent(new URL(url).pathname) : '?';
  return p.startsWith(site + '/') ? p.slice(site.length + 1) : p;
};
const byFile = new Map();
let fatal = 0;
for (const m of JSON.parse(run.stdout).messages || []) {
  const file = relName(m.url);
  if (m.type === 'non-document-error') { fatal++; console.log(`${file}: FATAL ${m.message}`); continue; }
  if (m.type !== 'error') continue;
  const at = `${m.lastLine ?? m.firstLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
  const extract = (m.extract || '').replace(/\s+/g, ' ').trim().slice(0, 120);
  if (!byFile.has(file)) byFile.set(file, []);
  byFile.get(file).push(`${file}:${at}: ${m.message.replace(/\s+/g, ' ')}${extract ? `\n    ${extract}` : ''}`);
}
let errors = 0;
for (const file of [...byFile.keys()].sort()) for (const line of byFile.get(file)) { errors++; console.log(line); }
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)}s; ${site})`);
console.log(`vnu: ${errors} errors in ${byFile.size} files (of ${files.length} checked)`);
process.exit(fatal ? 2 : errors ? 1 : 0);
