// keypoints.js in real browsers: Chromium, Firefox and WebKit (internal/browsers/launch.mjs) each load a page from a
// server, the page uses the module (which runs the engine in its Web Worker and fetches the wasm with progress,
// compressed or not), and posts what it saw back. Needs `make build wasm` (make test-wasm) and the browsers' npm
// packages (make browser-deps); a browser that is not installed fails its test with the package to install.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engines, launch } from '../../internal/browsers/launch.mjs';

const root = new URL('../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const seed = readFileSync(new URL('testdata/ap-ukraine-territory.txt', root), 'utf8');
const TIMEOUT_MS = 300_000; // a hang's limit, not the test's: a browser starts slowly on a busy machine
const wasmBytes = existsSync(new URL('wasm/keypoints.wasm', build)) ? readFileSync(new URL('wasm/keypoints.wasm', build)).length : 0;

function native(args, input) {
  return execFileSync(fileURLToPath(new URL('keypoints', build)), args, { input, encoding: 'utf8' }).replace(/\n$/, '');
}

// The page reports everything it observed as one JSON object; the assertions are made here.
const page = `<!doctype html>
<meta charset="utf-8">
<script type="module">
const report = {};
try {
  const { Summarizer } = await import('./keypoints.js');
  const seed = await (await fetch('./seed.txt')).text();
  report.availability = await Summarizer.availability({ expectedInputLanguages: ['en-US'] });
  let ticks = 0;
  const clock = setInterval(() => ticks++, 10);
  report.progress = [];
  const s = await Summarizer.create({
    monitor: (m) => m.addEventListener('downloadprogress', (e) => report.progress.push(e.loaded)),
  });
  clearInterval(clock);
  report.ticksWhileLoading = ticks;
  report.goOnThePage = typeof globalThis.Go;
  report.summary = await s.summarize(seed);
  // Read with a reader, not for await: WebKit's ReadableStream is not async iterable.
  const chunks = [];
  const reader = s.summarizeStreaming(seed).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  report.streamed = chunks.join('');
  report.tldr = await (await Summarizer.create({ type: 'tldr', length: 'medium' })).summarize(seed);
  const analysis = await s.analyze(seed);
  report.spans = analysis.keyPoints.map((p) => p.spans.map((sp) => seed.slice(sp.start, sp.end)).join(' '));
  report.points = analysis.keyPoints.map((p) => p.text);
  const error = async (p) => p.then(() => null, (e) => ({ name: e.name, code: e.code }));
  report.tooLong = await error(s.summarize('x'.repeat(s.inputQuota + 1)));
  report.german = await error(s.summarize('Die Bundesregierung hat am Dienstag in Berlin neue Maßnahmen gegen die steigenden ' +
    'Energiepreise beschlossen. Der Kanzler sagte, die Entlastungen sollen schon im Januar wirken und vor allem ' +
    'Familien mit kleinen Einkommen helfen.'));
  const ac = new AbortController();
  const inFlight = s.summarize(seed, { signal: ac.signal });
  ac.abort();
  report.aborted = await error(inFlight);
  report.empty = await s.summarize('');
  // The same module again, from a folder where the server compresses the wasm: a second engine, whose download
  // progress can only come from the size the build wrote into the module.
  const compressed = await import('./gz/keypoints.js');
  report.gzProgress = [];
  const g = await compressed.Summarizer.create({
    monitor: (m) => m.addEventListener('downloadprogress', (e) => report.gzProgress.push(e.loaded)),
  });
  report.gzSummary = await g.summarize(seed);
} catch (e) {
  report.failure = String(e) + ' ' + String(e && e.stack || '');
}
await fetch('./report', { method: 'POST', body: JSON.stringify(report) });
</script>`;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.ts': 'text/plain' };

for (const engine of engines) test(`in ${engine}`, { timeout: TIMEOUT_MS }, async () => {
  let received;
  const reported = new Promise((resolve) => {
    received = resolve;
  });
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname.slice(1);
    if (req.method === 'POST' && path === 'report') {
      let body = '';
      for await (const chunk of req) body += chunk;
      res.end();
      received(JSON.parse(body));
      return;
    }
    let body;
    let type = 'text/html';
    const headers = {};
    if (path.startsWith('gz/') && /^[\w.-]+$/.test(path.slice(3)) && existsSync(new URL(`wasm/${path.slice(3)}`, build))) {
      // As a server with compression on sends it: the wasm gzipped, its Content-Length the compressed size. The
      // module gets the wasm's size as make writes it in.
      const file = path.slice(3);
      body = await readFile(new URL(`wasm/${file}`, build));
      type = types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
      if (file === 'keypoints.wasm') {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      } else if (file === 'keypoints.js') {
        body = String(body).replace(/^const WASM_BYTES = .*;$/m, `const WASM_BYTES = ${wasmBytes};`);
      }
    } else if (path === '' || path === 'index.html') {
      body = page;
    } else if (path === 'seed.txt') {
      body = seed;
      type = 'text/plain; charset=utf-8';
    } else if (/^[\w.-]+$/.test(path) && existsSync(new URL(`wasm/${path}`, build))) {
      body = await readFile(new URL(`wasm/${path}`, build));
      type = types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launch(engine);
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  try {
    const report = await reported;
    assert.equal(report.failure, undefined);
    assert.equal(report.availability, 'available');

    // Loading happened in the worker, with progress from the download, and the page kept running meanwhile.
    assert.equal(report.goOnThePage, 'undefined');
    assert.ok(report.ticksWhileLoading > 0, 'the page ran while the engine loaded');
    const progress = report.progress;
    assert.equal(progress[0], 0);
    assert.equal(progress.at(-1), 1);
    // Below 0.8, where the download's share ends.
    assert.ok(progress.some((p) => p > 0 && p < 0.75), `download progress: ${progress}`);
    for (let i = 1; i < progress.length; i++) {
      assert.ok(progress[i] > progress[i - 1], `progress goes back: ${progress}`);
    }
    const gzProgress = report.gzProgress;
    assert.equal(gzProgress[0], 0);
    assert.equal(gzProgress.at(-1), 1);
    assert.ok(gzProgress.some((p) => p > 0 && p < 0.75), `download progress, compressed: ${gzProgress}`);
    assert.equal(report.gzSummary, report.summary);

    assert.equal(report.summary, native([], seed));
    assert.equal(report.streamed, report.summary);
    assert.equal(report.tldr, native(['-type', 'tldr', '-length', 'medium'], seed));
    const nativeSummary = JSON.parse(native(['-format', 'json'], seed));
    const bytes = Buffer.from(seed);
    assert.deepEqual(
      report.spans,
      nativeSummary.keyPoints.map((p) => p.spans.map((sp) => bytes.subarray(sp.start, sp.end).toString()).join(' ')),
    );
    assert.deepEqual(report.points, nativeSummary.keyPoints.map((p) => p.text));

    assert.deepEqual(report.tooLong, { name: 'QuotaExceededError', code: 'text_too_long' });
    assert.deepEqual(report.german, { name: 'NotSupportedError', code: 'unsupported_language' });
    assert.equal(report.aborted.name, 'AbortError');
    assert.equal(report.empty, '');
  } finally {
    await browser.close();
    server.close();
  }
});
