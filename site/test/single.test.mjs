// build/keypoints.html, the page as one file, opened straight from disk.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { launch, screenshotPath, seed, seedHeadings, singleFile, watchProgress } from './helpers.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the single file works from file://, with a hash-based policy', async (t) => {
  const html = readFileSync(singleFile, 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.match(policy, /script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.match(policy, /worker-src data:;/);
  assert.doesNotMatch(html, /<link rel="(manifest|stylesheet)"|<script[^>]* src=/);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(watchProgress);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  context.on('request', (r) => requests.push(r.url()));
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));

  const url = pathToFileURL(singleFile).href;
  await page.goto(url);
  // Typing and Ctrl+Enter, the way to summarize besides pasting. The engine started loading as the page opened; the
  // page stays usable meanwhile: the text box takes input.
  await page.locator('#text').fill(seed);
  await page.keyboard.press('Control+Enter');
  await page.locator('#text').press('End');
  await page.waitForFunction(() => !document.getElementById('results').hidden, null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => window.progressShown), true);

  // Unpacking the wasm shows as the download.
  const progress = await page.evaluate(() => window.progress);
  assert.ok(progress.some((p) => p > 0 && p < 0.7), `progress: ${progress}`);
  const labels = await page.locator('#summary h3').allTextContents();
  assert.equal(labels.length, 4);
  assert.deepEqual(labels.slice(1), seedHeadings);
  await page.locator('#summary a.point').last().click();
  await page.locator('#source mark.active').first().waitFor();
  // The side section as the served page has it.
  assert.ok((await page.locator('#facts .people .name').allTextContents()).includes('Volodymyr Zelenskyy'));
  await page.locator('#facts .numbers button', { has: page.locator('.figure', { hasText: /^110 drones$/ }) }).click();
  assert.deepEqual(await page.locator('#source mark.active').allTextContents(), ['110 drones']);

  // The engine ran in a module worker made from the page's own text, and nothing was fetched but the file itself.
  assert.equal(workers.length, 1);
  assert.ok(workers[0].startsWith('data:text/javascript;base64,'), workers[0].slice(0, 40));
  for (const r of requests) assert.ok(r === url || r.startsWith('data:'), r.slice(0, 80));

  await page.getByRole('radio', { name: 'Headline' }).check();
  await page.waitForFunction(() => document.getElementById('summary-title').textContent === 'Headline');
  await page.locator('#summary p.headline a.point').waitFor();
  assert.deepEqual(problems, []);
  await page.screenshot({ path: screenshotPath('single.png') });
  await context.close();
  t.diagnostic(`${singleFile}: ${statSync(singleFile).size} bytes`);
});

test('the single file runs the engine on the page where workers are refused', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.Worker = function Worker() {
      throw new DOMException('workers are refused here', 'SecurityError');
    };
  });
  // The engine loads on the page's own thread here, which may be too busy for the test to see the progress bar
  // while it shows: the page notes it instead.
  await context.addInitScript(watchProgress);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(pathToFileURL(singleFile).href);
  await page.locator('#text').fill(seed);
  await page.getByRole('button', { name: 'Summarize' }).click();
  await page.waitForFunction(() => !document.getElementById('results').hidden, null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => window.progressShown), true);
  assert.deepEqual((await page.locator('#summary h3').allTextContents()).slice(1), seedHeadings);
  assert.deepEqual(problems, []);
  await context.close();
});
