// How much memory the engine holds around one long input, and after it: the resident set of the warmed engine, its
// peak while it analyzes 1 MB of concatenated development articles (bench/cmd/corpus's scale-1MB.txt) ROUNDS times,
// and what it holds once that is done and the next short text is summarized. The Go runtime in the wasm never hands
// memory back, so the engine retires an instance that a long text left large (wasm/keypoints.engine.js); these
// figures show what that buys. Run with `make bench-memory`.
//
//   Node.js   keypoints.js on this thread, in a fresh process (node --expose-gc): the resident set of the process.
//             "settled" is after a full garbage collection, which is when V8 frees a retired instance's memory,
//             SETTLE_MS after the calls.
//   Chromium  the served page (`make site`) with the engine in its worker: the resident set of this browser's
//             renderer processes (page and worker), read from /proc every SAMPLE_MS for the peak.
//
// Warming is WARM_MS of analyze() on the 10 KB input, as bench/scale.mjs does.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import * as lib from './lib.mjs';

const ROUNDS = 3;
const WARM_MS = 3000;
const SAMPLE_MS = 10;
const IDLE_MS = 1000;
const SETTLE_MS = 5000;
const dir = new URL('bench/', lib.build);
const site = new URL('site/', lib.build);
const mb = (bytes) => Math.round(bytes / 1e6);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.argv[2] === 'node') {
  await inNode();
} else {
  await parent();
}

async function parent() {
  const inputs = ['10KB', '1MB'].map((s) => new URL(`scale-${s}.txt`, dir));
  if (inputs.some((f) => !existsSync(f))) {
    console.log(`bench-memory: ${lib.path(dir)}scale-{10KB,1MB}.txt are absent (bench/cmd/corpus writes them); nothing to measure`);
    return;
  }
  const rows = [];
  const node = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', lib.path(new URL(import.meta.url)), 'node'], { encoding: 'utf8' }),
  );
  rows.push(row(`Node.js ${process.version}, this thread`, node));
  if (existsSync(new URL('index.html', site))) {
    rows.push(row('Chromium, the page\'s worker', await inChromium()));
  } else {
    console.log(`bench-memory: ${lib.path(site)} has no page (make site); Chromium not measured`);
  }
  console.log(`\nresident MB around ${ROUNDS} analyze() calls on 1 MB, after ${WARM_MS / 1000} s of warming on 10 KB\n`);
  lib.table(['where', 'warmed', 'peak', 'peak − warmed', 'after each call', 'done, then a short text', '− warmed', 'same summary'], rows);
}

function row(name, r) {
  return [name, r.warmed, r.peak, r.peak - r.warmed, r.after.join(', '), r.settled, r.settled - r.warmed, r.same ? 'yes' : 'NO'];
}

async function inNode() {
  const text = readFileSync(new URL('scale-1MB.txt', dir), 'utf8');
  const warm = readFileSync(new URL('scale-10KB.txt', dir), 'utf8');
  const seed = readFileSync(lib.seedPath, 'utf8');
  const { Summarizer } = await import(new URL('wasm/keypoints.js', lib.build));
  const rss = () => mb(process.memoryUsage().rss);
  const s = await Summarizer.create(lib.OPTIONS);
  const first = await s.summarize(seed);
  for (const start = performance.now(); performance.now() - start < WARM_MS; ) {
    await s.analyze(warm);
  }
  globalThis.gc();
  const warmed = rss();
  // The call runs on this thread, so the resident set is read between calls; the runtime never shrinks an
  // instance's memory, so what it holds after a call is what the call needed.
  const after = [];
  for (let i = 0; i < ROUNDS; i++) {
    await s.analyze(text);
    after.push(rss());
  }
  const same = (await s.summarize(seed)) === first;
  // A retired instance is freed once nothing reaches it. While its Go scavenger is still returning the pages a long
  // call left free, the scavenger's pending timer (a setTimeout) reaches it; the timer fires within a few seconds,
  // and the collection after that frees the instance.
  await sleep(SETTLE_MS);
  globalThis.gc();
  await sleep(IDLE_MS);
  process.stdout.write(JSON.stringify({ warmed, peak: Math.max(...after), after, settled: rss(), same }));
}

async function inChromium() {
  const { launchChromium } = await import('../internal/browsers/launch.mjs');
  const { startServer } = await import('../site/test/serve.mjs');
  const server = await startServer(lib.path(site));
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    const inputs = {
      seed: readFileSync(lib.seedPath, 'utf8'),
      warm: readFileSync(new URL('scale-10KB.txt', dir), 'utf8'),
      text: readFileSync(new URL('scale-1MB.txt', dir), 'utf8'),
    };
    // The page's own module, so the engine is the page's, in its worker.
    await page.evaluate(
      async ({ inputs, options, warmMS }) => {
        const { Summarizer } = await import('./keypoints.js');
        const s = await Summarizer.create(options);
        window.__memory = { s, inputs, first: await s.summarize(inputs.seed) };
        for (const start = performance.now(); performance.now() - start < warmMS; ) {
          await s.analyze(inputs.warm);
        }
      },
      { inputs, options: lib.OPTIONS, warmMS: WARM_MS },
    );
    await sleep(IDLE_MS);
    const warmed = rendererRSS();
    let peak = warmed;
    const sampler = setInterval(() => (peak = Math.max(peak, rendererRSS())), SAMPLE_MS);
    const after = [];
    for (let i = 0; i < ROUNDS; i++) {
      await page.evaluate(() => window.__memory.s.analyze(window.__memory.inputs.text).then(() => {}));
      after.push(rendererRSS());
    }
    clearInterval(sampler);
    const same = await page.evaluate(async () => (await window.__memory.s.summarize(window.__memory.inputs.seed)) === window.__memory.first);
    await sleep(IDLE_MS);
    return { warmed, peak, after, settled: rendererRSS(), same };
  } finally {
    await browser.close();
    await server.stop();
  }
}

// rendererRSS is the resident set, in MB, of the renderer processes of the browser this process started.
function rendererRSS() {
  const parent = new Map();
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number);
  for (const pid of pids) {
    try {
      // The parent is the second field after the command's closing parenthesis.
      parent.set(pid, Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
    } catch {
      // The process has exited since the listing.
    }
  }
  const ours = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) {
      if (p === process.pid) return true;
    }
    return false;
  };
  let kB = 0;
  for (const pid of pids) {
    try {
      if (ours(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) {
        kB += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
      }
    } catch {
      // The process has exited since the listing.
    }
  }
  return mb(kB * 1024);
}
