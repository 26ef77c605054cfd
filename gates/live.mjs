#!/usr/bin/env node
// live.mjs URL TEXT — `stratdoc serve`'s live preview in headless Chromium,
// as a writer meets it; driven by the test that runs the server
// (tests/it/serve.rs), which edits the project between the steps. Not one of
// run.sh's gates: it needs a running `serve`, not a built site.
//
// Each step prints one line on stdout when it holds; the test waits for it
// before the next edit:
//   `opened`    URL is shown, without the problems box.
//   `problems`  after a save that does not build: the box is over the page,
//               a modal dialog named by its heading, with TEXT (the file and
//               line the test broke) in it and focus on its Close button;
//               Escape closes it and gives focus back. The page opened again
//               while the project does not build shows the box at once.
//   `reloaded`  after a save that builds: the page reloads by itself and
//               shows the new text, without the box.
// The new text of the last step is read from stdin (one line), so the test
// decides it after `problems`. Exit 0 when every step held, 1 with the reason
// when one did not, 2 when the browser does not start.
import readline from 'node:readline';
import { launch } from './lib/site.mjs';

const [url, where] = process.argv.slice(2);
if (!url || !where) {
  console.error('usage: live.mjs URL TEXT');
  process.exit(2);
}
// The test's own patience is 20 s a step; a build of its small project takes
// well under one.
const PATIENCE = 15_000;
const BOX = '[role="alertdialog"]';

let browser;
try {
  browser = await launch();
} catch (e) {
  console.error(`live: cannot start the browser: ${String(e.message || e).split('\n')[0]}`);
  process.exit(2);
}

/** Fails the run with `why`. */
function fail(why) {
  throw new Error(why);
}

/** The problems box as the reader's browser has it, or null. */
function box(page) {
  return page.evaluate((selector) => {
    const dialog = document.querySelector(selector);
    if (!dialog) return null;
    const title = document.getElementById(dialog.getAttribute('aria-labelledby') || '');
    const focused = document.activeElement;
    return {
      modal: dialog.getAttribute('aria-modal'),
      title: title ? title.textContent : null,
      text: dialog.textContent,
      focus: focused && dialog.contains(focused) ? focused.tagName + ':' + focused.textContent : null,
    };
  }, BOX);
}

/** Checks the box that is shown: named, modal, saying `where`, focused. */
async function checkBox(page, how) {
  await page.waitForSelector(BOX, { timeout: PATIENCE }).catch(() => fail(`no problems box ${how}`));
  const shown = await box(page);
  if (shown.modal !== 'true') fail(`the box ${how} is not modal: ${JSON.stringify(shown)}`);
  if (!shown.title || !shown.title.includes('did not build')) fail(`the box ${how} has no heading naming it: ${JSON.stringify(shown)}`);
  if (!shown.text.includes(where)) fail(`the box ${how} does not say ${where}: ${shown.text}`);
  if (!shown.focus || !shown.focus.startsWith('BUTTON:Close')) fail(`focus ${how} is not on Close: ${shown.focus}`);
}

const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

try {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // The page listens to the server's events once its script has run.
  await page.waitForFunction(() => document.readyState === 'complete');
  if (await box(page)) fail('the page opened with a problems box while the project builds');
  // Where the writer was: a link of the page, so giving focus back is seen
  // (with focus on the page itself, it falls there anyway).
  await page.focus('a[href]');
  const focused = () => page.evaluate(() => document.activeElement && document.activeElement.outerHTML);
  const before = await focused();
  console.log('opened');

  await checkBox(page, 'after a save that does not build');
  await page.keyboard.press('Escape');
  if (await box(page)) fail('Escape did not close the problems box');
  const after = await focused();
  if (after !== before) fail(`focus did not go back where it was (${before}) but to ${after}`);
  await page.goto(url, { waitUntil: 'load' });
  await checkBox(page, 'on the page opened while the project does not build');
  console.log('problems');

  const { value: text } = await lines.next();
  if (!text) fail('no text on stdin for the last step');
  await page
    .waitForFunction((t) => document.body.textContent.includes(t), text, { timeout: PATIENCE })
    .catch(() => fail(`the page did not reload to show ${JSON.stringify(text)}`));
  if (await box(page)) fail('the page reloaded with the problems box still over it');
  if (browser.blocked.length) fail(`requests left the machine: ${browser.blocked.join(' ')}`);
  console.log('reloaded');
} catch (e) {
  console.error(`live: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  process.exit(process.exitCode || 0);
}
