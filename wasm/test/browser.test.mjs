// keypoints.js in a real browser: headless Chromium loads a page from a local server, the page uses the module
// (which runs the engine in its Web Worker and fetches the wasm with progress, compressed or not), and posts what it
// saw back. Skipped when no Chromium is installed (Debian's package chromium; KEYPOINTS_CHROMIUM names another
// binary). Needs `make build wasm` (make test-wasm).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { spawn, execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const seed = readFileSync(new URL('testdata/ap-ukraine-territory.txt', root), 'utf8');
const chromium = process.env.KEYPOINTS_CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT_MS = 90_000;
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
  const chunks = [];
  for await (const chunk of s.summarizeStreaming(seed)) chunks.push(chunk);
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
  report.failure = String(e && e.stack || e);
}
await fetch('./report', { method: 'POST', body: JSON.stringify(report) });
</script>`;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.ts': 'text/plain' };

test('in Chromium', { skip: existsSync(chromium) ? false : `${chromium} is absent`, timeout: TIMEOUT_MS }, async () => {
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
  const profile = mkdtempSync(join(tmpdir(), 'keypoints-chromium-'));
  // Flags that keep Chromium off the network: this machine's is closed, and the page needs only localhost.
  const browser = spawn(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      `http://127.0.0.1:${server.address().port}/`,
    ],
    { stdio: 'ignore' },
  );
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
    browser.kill();
    await new Promise((resolve) => (browser.exitCode === null ? browser.once('exit', resolve) : resolve()));
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
