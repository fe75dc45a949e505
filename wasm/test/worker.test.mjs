// keypoints.js as browsers run it: the engine in keypoints.worker.js, the page talking to it by messages. Node.js has
// no Web Worker, so this file gives it a small one made of a worker thread, installed before the module is loaded;
// the module then takes its browser path, and keypoints.worker.js runs unchanged in the thread. Needs `make build
// wasm` (make test-wasm).

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshModule } from './fresh.mjs';
import { Worker as Thread } from 'node:worker_threads';

// The thread's side: self, postMessage and message events, as a dedicated worker has them; then the worker module.
const bootstrap = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = globalThis;
globalThis.postMessage = (data) => parentPort.postMessage(data);
globalThis.addEventListener = (type, listener) => {
  if (type === 'message') parentPort.on('message', (data) => listener({ data }));
};
import(workerData.url).catch((err) => { setTimeout(() => { throw err; }); });
`;

const started = [];
const terminated = [];
const loads = []; // the load message each worker was sent

const threads = [];
// A page never terminates the worker; the tests do, so that the process can end.
after(() => Promise.all(threads.map((t) => t.terminate())));

globalThis.Worker = class Worker extends EventTarget {
  #thread;

  constructor(url, options) {
    super();
    // Two kinds of worker that never start, for the fallback to this thread: one the browser refuses outright, and
    // one whose script fails before it says anything.
    if (String(url) === 'refused:') {
      throw new DOMException('workers are refused here', 'SecurityError');
    }
    if (String(url) === 'broken:') {
      setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'the script did not load' })));
      this.postMessage = () => {};
      this.terminate = () => {};
      return;
    }
    started.push({ url: String(url), options });
    this.#thread = new Thread(bootstrap, { eval: true, workerData: { url: String(url) } });
    this.#thread.on('message', (data) => this.dispatchEvent(new MessageEvent('message', { data })));
    this.#thread.on('error', (err) => {
      const e = new Event('error');
      e.message = err.message;
      this.dispatchEvent(e);
    });
    threads.push(this.#thread);
  }

  postMessage(data) {
    if ('load' in data) {
      loads.push(data.load);
    }
    this.#thread.postMessage(data);
  }

  terminate() {
    terminated.push(this.#thread.threadId);
    this.#thread.terminate();
  }
};

const root = new URL('../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const { Summarizer } = await import(new URL('wasm/keypoints.js', build));

const seed = readFileSync(new URL('testdata/ap-ukraine-territory.txt', root), 'utf8');
const german =
  'Die Bundesregierung hat am Dienstag in Berlin neue Maßnahmen gegen die steigenden Energiepreise beschlossen. ' +
  'Der Kanzler sagte, die Entlastungen sollen schon im Januar wirken und vor allem Familien mit kleinen Einkommen helfen.\n';

function native(args, input) {
  return execFileSync(fileURLToPath(new URL('keypoints', build)), args, { input, encoding: 'utf8' }).replace(/\n$/, '');
}

async function rejectsWith(promise, name, code) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.name, name, err.message);
    if (code !== undefined) {
      assert.equal(err.code, code);
    }
    return true;
  });
}

describe('in a worker', () => {
  test('one module worker for every summarizer', async () => {
    const seen = [];
    const a = await Summarizer.create({ monitor: (m) => m.addEventListener('downloadprogress', (e) => seen.push(e.loaded)) });
    const b = await Summarizer.create({ type: 'headline' });
    assert.equal(started.length, 1);
    assert.equal(started[0].url, new URL('wasm/keypoints.worker.js', build).href);
    assert.equal(started[0].options.type, 'module');
    assert.equal(seen[0], 0);
    assert.equal(seen.at(-1), 1);
    assert.ok(seen.length > 2, `progress from the worker: ${seen}`);
    for (let i = 1; i < seen.length; i++) {
      assert.ok(seen[i] > seen[i - 1], `progress goes back: ${seen}`);
    }
    assert.equal(a.inputQuota, 5 * 1024 * 1024);
    assert.equal(await b.summarize(seed), native(['-type', 'headline'], seed));
    // The page compiled the wasm while the worker started, and the worker was sent the module.
    assert.equal(loads.length, 1);
    assert.ok(loads[0].module instanceof WebAssembly.Module, 'the worker gets the compiled module');
  });

  test('summaries match the command-line tool', async () => {
    for (const options of [{}, { type: 'tldr', length: 'long' }, { format: 'plain-text', length: 'medium' }]) {
      const s = await Summarizer.create(options);
      const args = Object.entries(options).flatMap(([k, v]) => [`-${k}`, v]);
      assert.equal(await s.summarize(seed), native(args, seed), JSON.stringify(options));
    }
  });

  test('replies find their calls', async () => {
    const s = await Summarizer.create({ length: 'long' });
    const inputs = [seed, seed.slice(0, 1500), seed.slice(1500, 4000), seed.slice(4000), '', seed.replace(/Zelenskyy/g, 'Zelensky')];
    const want = [];
    for (const input of inputs) {
      want.push(await s.summarize(input));
    }
    const got = await Promise.all([...inputs, ...inputs].map((input) => s.summarize(input)));
    assert.deepEqual(got, [...want, ...want]);
    const chunks = [];
    for await (const chunk of s.summarizeStreaming(seed)) {
      chunks.push(chunk);
    }
    assert.equal(chunks.join(''), want[0]);
  });

  test('analyze', async () => {
    const s = await Summarizer.create();
    const got = await s.analyze(seed);
    assert.equal(got.text, await s.summarize(seed));
    for (const point of got.keyPoints) {
      for (const span of point.spans) {
        assert.ok(seed.slice(span.start, span.end).length > 0);
      }
    }
  });

  test('errors cross with their codes', async () => {
    const s = await Summarizer.create();
    assert.equal(await s.summarize(''), '');
    await assert.rejects(s.analyze(' '), (err) => err.code === 'empty_text');
    await rejectsWith(s.summarize(german), 'NotSupportedError', 'unsupported_language');
    await rejectsWith(s.summarize('x'.repeat(s.inputQuota + 1)), 'QuotaExceededError', 'text_too_long');
  });

  test('abort while the worker is busy', async () => {
    const s = await Summarizer.create();
    const ac = new AbortController();
    const long = Array(20).fill(seed).join('\n\n');
    const p = s.summarize(long, { signal: ac.signal });
    setTimeout(() => ac.abort(), 5);
    const t0 = performance.now();
    await rejectsWith(p, 'AbortError');
    assert.ok(performance.now() - t0 < 1000, 'rejected promptly');
    // The late reply is dropped; the next call gets its own.
    assert.match(await s.summarize(seed), /### Facing US pressure/);
  });

  test('a long text retires the worker, and the next call starts a fresh one that summarizes alike', async () => {
    const s = await Summarizer.create();
    const want = await s.summarize(seed);
    const workers = started.length;
    const stopped = terminated.length;
    // Long enough to leave the engine's memory past RETIRE_GROWTH_BYTES.
    const long = Array(150).fill(seed).join('\n\n');
    assert.equal(await s.summarize(long), native([], long));
    assert.equal(terminated.length, stopped + 1, 'the worker that summarized the long text is terminated');
    assert.equal(started.length, workers, 'no worker starts before it is needed');
    assert.equal(await s.summarize(seed), want);
    assert.equal(started.length, workers + 1, 'a fresh worker');
    assert.equal(loads.at(-1).module, loads[0].module, 'the fresh worker gets the module compiled once');
    assert.equal(await s.summarize(seed), want);
    assert.equal(started.length, workers + 1, 'a short text keeps the worker');
  });

  test('destroy', async () => {
    const s = await Summarizer.create();
    const inFlight = s.summarize(seed);
    s.destroy();
    await rejectsWith(inFlight, 'AbortError');
    await rejectsWith(s.summarize(seed), 'AbortError');
  });
});

describe('without a worker', () => {
  for (const worker of ['refused:', 'broken:', null]) {
    test(`worker ${worker}: the engine runs on this thread`, async () => {
      const { Summarizer: S, setEngineSource } = await freshModule();
      setEngineSource({ worker });
      const threadsBefore = started.length;
      const s = await S.create({ type: 'tldr' });
      assert.equal(started.length, threadsBefore, 'no worker thread started');
      assert.equal(typeof globalThis.Go, 'function', 'Go runs here');
      assert.equal(await s.summarize(seed), native(['-type', 'tldr'], seed));
    });
  }
});
