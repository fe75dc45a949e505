// The page in Firefox and in WebKit, the engines of most browsers that are not Chromium (WebKit is Safari's and that
// of every browser on an iPhone): what page.test.mjs, single.test.mjs and offline.test.mjs check in Chromium, as far
// as each automation reaches. The browsers come from internal/browsers/launch.mjs.
//
// What differs from the Chromium tests, and why:
// - The article is pasted with Ctrl+V in Firefox, from a clipboard filled from the browser's own scope (a page may
//   write it only in a user's gesture). In WebKit, whose driver cannot fill the clipboard, it arrives as a paste
//   does to the page: the box's value, and the input event a paste fires.
// - Script errors, console errors and Content-Security-Policy violations are collected by the page itself, with
//   listeners set as it loads (WebDriver classic, WebKit's, reports none of them).
// - "No request while summarizing" counts what the test server served, in both browsers, and in Firefox also every
//   request WebDriver BiDi reports. WebKit's automation reports no network events.
// - Offline after one visit: the server is stopped, so nothing could answer but the page's service worker. Neither
//   driver switches the browser's network off as Chromium's does; with no server left, that changes nothing. Nor
//   can either ask the browser whether it would install the page (Chromium's DevTools protocol can).

import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { launch } from '../../internal/browsers/launch.mjs';
import { screenshotPath, seed, seedHeadings, singleFile, startServer } from './helpers.mjs';

// A short article that quotes markup as text: every sentence is a key point (see page.test.mjs).
const markup =
  'Moderators of a local news site removed a reader comment on Tuesday that read ' +
  '<img src=x onerror="window.__pwned=1"> in full. A second comment, <script>window.__pwned=1</script>, was ' +
  'removed an hour later by the same team. The site said both comments tried to run code in the browsers of other ' +
  'readers, and that no reader was harmed.\n';

for (const engine of ['firefox', 'webkit']) {
  describe(`the page in ${engine}`, () => {
    let server;
    let browser;

    before(async () => {
      browser = await launch(engine);
      server = await startServer({ count: true });
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    // open opens the page at url in a fresh profile and starts collecting what goes wrong on it.
    async function open(url = server.url) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.evaluate(watch);
      return page;
    }

    test('the seed article gives four themes, with a point from each section', async () => {
      const page = await open();
      await page.paste('#text', seed);
      await waitForSummary(page, 0);
      const got = await page.evaluate(themes);
      assert.equal(got.length, 4, JSON.stringify(got));
      assert.deepEqual(got.slice(1).map((t) => t.label), seedHeadings);
      assert.ok(got[0].label.length > 0);
      for (const t of got) assert.ok(t.points.length >= 1, `no point under ${t.label}`);
      assert.equal(got.flatMap((t) => t.points).length, 5);
      const shown = await page.evaluate(() => ({
        status: document.getElementById('status').textContent,
        stats: document.getElementById('stats').textContent,
        source: document.getElementById('source').textContent,
        progress: document.getElementById('progress').hidden,
      }));
      assert.equal(shown.status, '5 key points in 4 themes.');
      assert.match(shown.stats, /^News story · 981 words · 46 sentences · (<1|\d[\d,]*) ms$/);
      assert.equal(shown.source, seed);
      assert.equal(shown.progress, true);
      await page.screenshot(screenshotPath(`seed-${engine}.png`));
      assert.deepEqual(await page.evaluate(problems), []);
      await page.close();
    });

    test('choosing a point highlights its source', async () => {
      const page = await open();
      await page.paste('#text', seed);
      await waitForSummary(page, 0);
      // The last point, whose sentence is far down the article, clicked as a mouse does.
      const sentence = await page.evaluate(() => {
        const points = document.querySelectorAll('#summary a.point');
        points[points.length - 1].dataset.chosen = '';
        return points[points.length - 1].textContent;
      });
      assert.ok(seed.includes(sentence), 'an uncompressed sentence of the article');
      await page.click('#summary a.point[data-chosen]');
      await page.waitFor(() => document.querySelector('#source mark.active') !== null);
      const chosen = await page.evaluate(() => ({
        marked: [...document.querySelectorAll('#source mark.active')].map((m) => m.textContent).join(''),
        current: document.querySelector('#summary a.point[data-chosen]').getAttribute('aria-current'),
        focused: document.activeElement.matches('#source mark.active'),
        source: document.getElementById('source').textContent,
        nodes: [...new Set([...document.getElementById('source').childNodes].map((n) => n.nodeName))].sort(),
      }));
      assert.equal(chosen.marked, sentence);
      assert.equal(chosen.current, 'true');
      assert.equal(chosen.focused, true);
      assert.equal(chosen.source, seed);
      assert.deepEqual(chosen.nodes, ['#text', 'MARK']);
      // A figure leads to exactly its words.
      await page.evaluate(() => {
        const figure = [...document.querySelectorAll('#facts .numbers button')].find(
          (b) => b.querySelector('.figure')?.textContent === '110 drones',
        );
        figure.dataset.chosen = '';
        figure.scrollIntoView({ block: 'center' });
      });
      await page.click('#facts .numbers button[data-chosen]');
      await page.waitFor(() => document.querySelector('#source mark.active')?.textContent === '110 drones');
      assert.deepEqual(
        await page.evaluate(() => [...document.querySelectorAll('#source mark.active')].map((m) => m.textContent)),
        ['110 drones'],
      );
      assert.deepEqual(await page.evaluate(problems), []);
      await page.close();
    });

    test('markup in the pasted text shows as text and never runs', async () => {
      const page = await open();
      await page.paste('#text', markup);
      await waitForSummary(page, 0);
      const shown = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        elements: document.querySelectorAll('#results img, #results script').length,
        source: document.getElementById('source').textContent,
        points: [...document.querySelectorAll('#summary a.point')].map((a) => a.textContent),
      }));
      assert.equal(shown.pwned, null);
      assert.equal(shown.elements, 0);
      assert.equal(shown.source, markup);
      assert.ok(shown.points.some((p) => p.includes('<img src=x onerror="window.__pwned=1">')), shown.points.join('\n'));
      assert.ok(shown.points.some((p) => p.includes('<script>window.__pwned=1</script>')), shown.points.join('\n'));
      await page.evaluate(() => {
        [...document.querySelectorAll('#summary a.point')].find((a) => a.textContent.includes('<script>')).dataset.chosen = '';
      });
      await page.click('#summary a.point[data-chosen]');
      await page.waitFor(() => document.querySelector('#source mark.active') !== null);
      const marked = await page.evaluate(() =>
        [...document.querySelectorAll('#source mark.active')].map((m) => m.textContent).join(''),
      );
      assert.match(marked, /<script>window.__pwned=1<\/script>/);
      assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
      assert.deepEqual(await page.evaluate(problems), []);
      await page.close();
    });

    test('no request leaves the page while it summarizes', async () => {
      const page = await open();
      await page.paste('#text', seed);
      let n = await waitForSummary(page, 0);
      // The engine is loaded and the page's service worker, which the page registers when it opens, controls it
      // (Firefox fetches sw.js only once the page is idle): from here on the page needs nothing from anywhere.
      await page.waitFor(() => navigator.serviceWorker?.controller != null);
      const served = server.served.length;
      const reported = page.requests?.length;
      assert.ok(server.served.some((p) => p === '/keypoints.wasm'), server.served.join(' '));

      await page.paste('#text', markup);
      n = await waitForSummary(page, n);
      await page.click('label:has(input[name="length"][value="long"])');
      n = await waitForSummary(page, n);
      await page.click('label:has(input[name="type"][value="teaser"])');
      n = await waitForSummary(page, n);
      assert.equal(await page.evaluate(() => document.getElementById('summary-title').textContent), 'Teaser');
      await page.click('#summary a.point');
      await page.waitFor(() => document.querySelector('#source mark.active') !== null);

      // The browser checks the page's service worker for an update on its own schedule (Firefox, once the page
      // is idle): the page's own script, carrying nothing the reader pasted. Anything else is a request made to
      // summarize.
      const asked = server.served.slice(served).filter((p) => p !== '/sw.js');
      assert.deepEqual(asked, [], `served while summarizing, after ${server.served.slice(0, served).join(' ')}`);
      if (page.requests) {
        // data: URLs (the style's font, loaded when text first needs it) are bytes of the page itself: they leave
        // nothing.
        const network = (urls) => urls.filter((url) => !url.startsWith('data:'));
        assert.deepEqual(network(page.requests.slice(reported)), [], 'requested while summarizing');
        assert.ok(network(page.requests).length > 0, 'BiDi reported the page loading');
        for (const url of network(page.requests)) {
          assert.ok(url.startsWith(server.url), `${url.slice(0, 80)} is not the page's own`);
        }
      }
      assert.deepEqual(await page.evaluate(problems), []);
      await page.close();
    });

    test('the single file works from file://', async () => {
      const url = pathToFileURL(singleFile).href;
      const page = await open(url);
      await page.evaluate((text) => {
        document.getElementById('text').value = text;
      }, seed);
      await page.click('#summarize');
      await waitForSummary(page, 0);
      const labels = await page.evaluate(() => [...document.querySelectorAll('#summary h3')].map((h) => h.textContent));
      assert.equal(labels.length, 4);
      assert.deepEqual(labels.slice(1), seedHeadings);
      await page.click('#summary a.point');
      await page.waitFor(() => document.querySelector('#source mark.active') !== null);
      assert.ok(
        (await page.evaluate(() => [...document.querySelectorAll('#facts .people .name')].map((n) => n.textContent)))
          .includes('Volodymyr Zelenskyy'),
      );
      // The engine ran in a worker made from the file's own text, and nothing was fetched but the file itself.
      if (page.requests) {
        for (const r of page.requests) assert.ok(r === url || r.startsWith('data:'), r.slice(0, 80));
      }
      assert.deepEqual(await page.evaluate(problems), []);
      await page.screenshot(screenshotPath(`single-${engine}.png`));
      await page.close();
    });

    test('the page works offline after one visit', async () => {
      const own = await startServer();
      try {
        const page = await open(own.url);
        // The worker claims the page once it has cached every file.
        await page.waitFor(() => navigator.serviceWorker.controller !== null);
        const cached = await page.evaluate(async () => {
          const names = await caches.keys();
          const cache = await caches.open(names.find((n) => n.startsWith('keypoints-')));
          return (await cache.keys()).map((r) => new URL(r.url).pathname);
        });
        for (const file of ['/', '/index.html', '/app.js', '/keypoints.js', '/keypoints.worker.js', '/keypoints.wasm', '/wasm_exec.js']) {
          assert.ok(cached.includes(file), `${file} is not cached: ${cached}`);
        }
        // The server goes away: nothing could answer but the cache.
        await own.stop();
        await page.goto(own.url);
        await page.evaluate(watch);
        await page.paste('#text', seed);
        await waitForSummary(page, 0);
        const labels = await page.evaluate(() => [...document.querySelectorAll('#summary h3')].map((h) => h.textContent));
        assert.deepEqual(labels.slice(1), seedHeadings);
        assert.deepEqual(await page.evaluate(problems), []);
        await page.close();
      } finally {
        await own.stop();
      }
    });
  });
}

// waitForSummary waits for the summary after the n-th to be on screen and resolves to the page's count of summaries; on
// failure it says what the page shows instead.
async function waitForSummary(page, n) {
  try {
    return await page.waitFor(summarized, n);
  } catch (err) {
    const state = await page
      .evaluate(() => ({ status: document.getElementById('status').textContent, problems: window.__problems }))
      .catch((e) => String(e));
    throw new Error(`${err.message}; the page shows ${JSON.stringify(state)}`);
  }
}

// watch collects, on the page, what would go wrong unseen: script errors, rejected promises, console errors and
// Content-Security-Policy violations. problems reads them back.
function watch() {
  window.__problems = [];
  addEventListener('error', (e) => window.__problems.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => window.__problems.push(`unhandled: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__problems.push(`csp: ${e.violatedDirective} ${e.blockedURI}`),
  );
  const error = console.error;
  console.error = (...args) => {
    window.__problems.push(`console: ${args.join(' ')}`);
    error.apply(console, args);
  };
}

function problems() {
  return window.__problems;
}

// summarized is the page's count of summaries shown once it is past n, and false before.
function summarized(n) {
  const results = document.getElementById('results');
  const shown = Number(results.dataset.shown ?? 0);
  return shown > n && !results.hidden && !results.hasAttribute('aria-busy') && shown;
}

function themes() {
  return [...document.querySelectorAll('#summary section.theme')].map((s) => ({
    label: s.querySelector('h3')?.textContent ?? '',
    points: [...s.querySelectorAll('li a.point')].map((a) => a.textContent),
  }));
}
