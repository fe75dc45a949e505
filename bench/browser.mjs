// Cold start of the page: from navigation to the first summary of the seed article on screen, first in Chromium in
// detail, then the first visit in Chromium, Firefox and WebKit alike (internal/browsers/launch.mjs starts all three). In
// Chromium each run is a fresh browser context (empty cache, no service worker), like a first visit; a second
// navigation in the same context then measures a repeat visit. The page is the real one (`make site` → build/site, served by
// cmd/serve with its precompressed files); the seed is pasted into its text box as soon as the page has loaded, and in
// a third row, on a fresh context, two seconds later, when the engine has started; the page started loading the
// engine as it opened. Run with `make bench-browser`.
//
// Times are the page's own clock (performance.now(), 0 at navigation start): the load event, the paste, the summary
// in the DOM (the status line turns "ok") and the frame after it, when it is on screen.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { engines, launch, launchChromium } from '../internal/browsers/launch.mjs';
import * as lib from './lib.mjs';
import { startServer } from '../site/test/serve.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const site = new URL('site/', lib.build);

// Installed before any of the page's scripts: pastes the seed into the text box delay ms after the load event (the
// input event a paste makes, so the page summarizes at once) and stamps the engine's progress and the first summary
// shown. The
// progress bar reports the engine's own steps: 0.8 once keypoints.wasm is fetched and compiled; the bar hides when
// the engine is ready (Go runtime started, part-of-speech model loaded).
function stamp(seed, painted, delay) {
  // A frame's callbacks run before its style, layout and paint; a task queued from one runs once they are done.
  const afterFrame = (f) => requestAnimationFrame(() => setTimeout(f, 0));
  const kp = (window.__kp = { paste: null, loading: false, compiled: null, ready: null, shown: null, painted: null });
  const paste = () => {
    const box = document.querySelector('#text');
    kp.paste = performance.now();
    box.value = seed;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: null }));
  };
  addEventListener('load', () => (delay > 0 ? setTimeout(paste, delay) : paste()));
  new MutationObserver(() => {
    const now = performance.now();
    const bar = document.querySelector('#progress-bar');
    const value = bar?.hasAttribute('value') ? Number(bar.getAttribute('value')) : 0;
    if (kp.compiled === null && value >= 0.8) kp.compiled = now;
    const progress = document.querySelector('#progress');
    if (progress && !progress.hidden) kp.loading = true;
    if (kp.ready === null && kp.loading && progress?.hidden) kp.ready = now;
    if (kp.shown === null && document.querySelector('#status.ok') && !document.querySelector('#results[hidden]')) {
      kp.shown = now;
      afterFrame(() => {
        kp.painted = performance.now();
        console.debug(painted);
      });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'hidden', 'value'] });
}

// PAINTED is the console message stamp logs once the summary is on screen. The run waits for it rather than polling
// the page: playwright's waitForFunction first evaluates its own script of some hundred kilobytes in the page, which
// took Chromium's main thread 90 ms in the middle of the time measured.
const PAINTED = 'keypoints-bench: painted';

if (!existsSync(new URL('index.html', site))) {
  console.log(`bench-browser: ${lib.path(site)} has no page (make site); nothing to measure`);
  process.exit(0);
}
const seed = readFileSync(lib.seedPath, 'utf8');
const server = await startServer(lib.path(site));
const browser = await launchChromium();
const version = browser.version();
// LATER is how long after the load event a reader pastes in the third row: by then the engine has started, as it
// has for most readers, who open the page and then paste.
const LATER = 2000;
const cold = [];
const repeat = [];
const later = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addInitScript(`(${stamp})(${JSON.stringify(seed)}, ${JSON.stringify(PAINTED)}, 0);`);
    cold.push(await visit(context));
    repeat.push(await visit(context));
    await context.close();
    const waited = await browser.newContext();
    await waited.addInitScript(`(${stamp})(${JSON.stringify(seed)}, ${JSON.stringify(PAINTED)}, ${LATER});`);
    later.push(await visit(waited));
    await waited.close();
  }
} finally {
  await browser.close();
}

console.log(`\n${RUNS} runs, Chromium ${version}, page ${lib.path(site)}, seed ${seed.length} characters\n`);
const med = (runs, f) => lib.fixed(lib.median(runs.map(f)), 0);
const row = (name, runs) => [
  name,
  med(runs, (r) => r.load),
  med(runs, (r) => r.compiled),
  med(runs, (r) => r.ready),
  med(runs, (r) => r.painted),
  med(runs, (r) => r.painted - r.paste),
  `${lib.fixed(Math.min(...runs.map((r) => r.painted - r.paste)), 0)}–${lib.fixed(Math.max(...runs.map((r) => r.painted - r.paste)), 0)}`,
  lib.fixed(lib.median(runs.map((r) => r.bytes)) / 1e6, 2),
];
lib.table(
  [
    'visit',
    'load event',
    'wasm compiled',
    'engine ready',
    'summary on screen',
    'on screen − paste',
    'range',
    'fetched MB',
  ],
  [row('first (empty cache)', cold), row('repeat (same context)', repeat), row(`first, pasted ${LATER / 1000} s after load`, later)],
);
console.log(
  '\n(medians, ms from navigation start; "on screen − paste" and its range are from the paste, at the load event or, in' +
    ' the last row, later)',
);

// The first visit in each browser, measured the one way all three drivers allow: once the page has loaded (the
// driver's navigation returns after the load event), a script pastes the seed and stamps the summary on screen.
const firsts = [];
try {
  for (const name of engines) {
    const b = await launch(name);
    const runs = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const page = await b.newPage();
        await page.goto(server.url);
        await page.evaluate(pasteNow, seed);
        runs.push(await page.waitFor(() => window.__kp.painted !== null && window.__kp));
        await page.close();
      }
    } finally {
      await b.close();
    }
    firsts.push([name, b.version, runs]);
  }
} finally {
  await server.stop();
}
console.log(`\nFirst visit (fresh profile, empty cache) in each browser, ${RUNS} runs\n`);
lib.table(
  ['browser', 'version', 'load event', 'on screen − paste', 'range'],
  firsts.map(([name, v, runs]) => {
    const d = runs.map((r) => r.painted - r.paste);
    return [
      name,
      v,
      lib.fixed(lib.median(runs.map((r) => r.load)), 0),
      lib.fixed(lib.median(d), 0),
      `${lib.fixed(Math.min(...d), 0)}–${lib.fixed(Math.max(...d), 0)}`,
    ];
  }),
);
console.log('\n(medians, ms: the load event from navigation start; the summary on screen from the paste)');
bundle();

// pasteNow pastes text into the page's box as stamp does at the load event, and stamps the summary on screen.
function pasteNow(text) {
  const afterFrame = (f) => requestAnimationFrame(() => setTimeout(f, 0)); // as in stamp
  const kp = (window.__kp = { load: performance.getEntriesByType('navigation')[0].loadEventStart, paste: 0, painted: null });
  new MutationObserver((_, observer) => {
    if (document.querySelector('#status.ok') && !document.querySelector('#results[hidden]')) {
      observer.disconnect();
      afterFrame(() => (kp.painted = performance.now()));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'hidden'] });
  const box = document.querySelector('#text');
  kp.paste = performance.now();
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: null }));
}

// visit opens a page of context on the site and returns its timeline and the bytes the context fetched meanwhile,
// the engine's worker and the page's service worker included.
async function visit(context) {
  let bytes = 0;
  const sizes = [];
  const count = (req) => sizes.push(req.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize)));
  context.on('requestfinished', count);
  const page = await context.newPage();
  const painted = page.waitForEvent('console', { predicate: (m) => m.text() === PAINTED, timeout: 60_000 });
  await page.goto(server.url, { waitUntil: 'load' });
  await painted;
  const t = await page.evaluate(() => ({
    ...window.__kp,
    load: performance.getEntriesByType('navigation')[0].loadEventStart,
    status: document.querySelector('#status').textContent,
  }));
  await Promise.all(sizes);
  context.off('requestfinished', count);
  await page.close();
  return { ...t, bytes };
}

// bundle prints the size of what the page downloads to summarize: the engine's wasm and JavaScript, raw, gzip -9
// and brotli -q 11 (the budget is 6 MB brotli), and the page's own files beside it.
function bundle() {
  const engine = ['keypoints.wasm', 'keypoints.js', 'keypoints.options.js', 'keypoints.errors.js', 'keypoints.engine.js',
    'keypoints.worker.js', 'wasm_exec.js'];
  const page = readdirSync(site).filter((f) => !/\.(br|gz)$/.test(f) && !engine.includes(f));
  const sizes = (files) =>
    files.reduce(
      (acc, f) => {
        const b = readFileSync(new URL(f, site));
        acc.raw += b.length;
        acc.gzip += gzipSync(b, { level: 9 }).length;
        acc.brotli += brotliCompressSync(b, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
        return acc;
      },
      { raw: 0, gzip: 0, brotli: 0 },
    );
  const rows = engine.map((f) => [f, sizes([f])]);
  rows.push(['engine total', sizes(engine)]);
  rows.push([`page files (${page.length})`, sizes(page)]);
  console.log('\nWhat the page ships, bytes\n');
  lib.table(
    ['file', 'raw', 'gzip -9', 'brotli -q 11'],
    rows.map(([f, s]) => [f, String(s.raw), String(s.gzip), String(s.brotli)]),
  );
}

