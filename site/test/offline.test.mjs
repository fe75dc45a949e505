// After one visit the page works with the network off, and it can be installed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchProfile, paste, seed, seedHeadings, startServer } from './helpers.mjs';

let server;
let context;

before(async () => {
  server = await startServer();
  context = await launchProfile({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await context?.close();
  await server?.stop();
});

test('the page works offline after one visit, and can be installed', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

  await page.goto(server.url);
  // The worker claims the page once it has cached every file.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('keypoints-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const file of ['/', '/index.html', '/style.css', '/app.js', '/view.js', '/facts.js', '/keypoints.js', '/keypoints.worker.js', '/keypoints.wasm', '/wasm_exec.js']) {
    assert.ok(cached.includes(file), `${file} is not cached: ${cached}`);
  }

  // Installable: Chromium finds nothing missing in the manifest, icons and worker.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const { url: manifestURL, errors } = await cdp.send('Page.getAppManifest');
  assert.ok(manifestURL.endsWith('/manifest.webmanifest'), manifestURL);
  assert.deepEqual(errors, []);

  // The network goes away, and so does the server: nothing could answer but the cache.
  await context.setOffline(true);
  await server.stop();
  await page.reload();
  await paste(page, seed);
  await page.waitForFunction(() => !document.getElementById('results').hidden, null, { timeout: 30_000 });
  const labels = await page.locator('#summary h3').allTextContents();
  assert.deepEqual(labels.slice(1), seedHeadings);
  assert.equal(await page.locator('#progress').isVisible(), false);
  assert.deepEqual(problems, []);
});
