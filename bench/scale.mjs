// How keypoints.js's time and memory grow with the input, in Node.js on this thread: analyze() on 10 KB, 100 KB and
// 1 MB of concatenated development articles (the files bench/cmd/corpus writes, the same bytes BenchmarkScale reads).
// Each size runs in a fresh process, so one size's memory does not hide in another's: the process loads the engine,
// warms it for WARM_MS on the 10 KB input (V8 first runs wasm from its baseline compiler and optimizes the hot
// functions later, on a background thread; until then a call takes several times longer), then analyzes the input
// once untimed and ROUNDS times timed. Run with `make bench-scale`.
//
// The Go runtime inside the wasm never gives memory back to the host, so the resident set after the calls is the
// peak the calls needed; "growth" is that minus the resident set of the warmed engine. "next call" is the 10 KB call
// after each timed one: after an input that retires the engine, it includes starting a fresh one.

import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import * as lib from './lib.mjs';

const SIZES = ['10KB', '100KB', '1MB'];
const ROUNDS = 5;
const WARM_MS = 4000;
const dir = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/bench/`, lib.root);
const mb = (bytes) => bytes / 1e6;

if (process.argv[2] === 'child') {
  await child(process.argv[3]);
} else {
  parent();
}

function parent() {
  const missing = SIZES.filter((s) => !existsSync(new URL(`scale-${s}.txt`, dir)));
  if (missing.length > 0) {
    console.log(`bench-scale: ${lib.path(dir)}scale-{${missing.join(',')}}.txt are absent (bench/cmd/corpus writes them from ../shared/data); nothing to measure`);
    return;
  }
  const rows = [];
  const medians = {};
  for (const size of SIZES) {
    const out = execFileSync(process.execPath, [lib.path(new URL(import.meta.url)), 'child', size], { encoding: 'utf8' });
    const r = JSON.parse(out);
    medians[size] = r.median;
    rows.push([
      size,
      String(r.bytes),
      lib.fixed(r.median, 0),
      lib.fixed(r.times.length ? Math.max(...r.times) : NaN, 0),
      lib.fixed(r.bytes / 1e6 / (r.median / 1000), 2),
      lib.fixed(mb(r.rssReady), 0),
      lib.fixed(mb(r.rssAfter), 0),
      lib.fixed(mb(r.rssAfter - r.rssReady), 0),
      String(r.points),
      lib.fixed(r.restart, 0),
    ]);
  }
  console.log(`\nkeypoints.js analyze() in Node.js ${process.version}, median of ${ROUNDS} warm calls per size\n`);
  lib.table(['input', 'bytes', 'median ms', 'max ms', 'MB/s', 'rss ready MB', 'rss after MB', 'growth MB', 'key points', 'next call ms'], rows);
  console.log(`\nt(1MB)/t(100KB) = ${lib.fixed(medians['1MB'] / medians['100KB'], 2)}; t(100KB)/t(10KB) = ${lib.fixed(medians['100KB'] / medians['10KB'], 2)} (10 = linear)`);
}

async function child(size) {
  const text = readFileSync(new URL(`scale-${size}.txt`, dir), 'utf8');
  const { Summarizer } = await import(new URL('wasm/keypoints.js', lib.build));
  const summarizer = await Summarizer.create(lib.OPTIONS);
  await summarizer.analyze(readFileSync(lib.seedPath, 'utf8'));
  const rssReady = process.memoryUsage().rss;
  const warm = readFileSync(new URL('scale-10KB.txt', dir), 'utf8');
  for (const start = performance.now(); performance.now() - start < WARM_MS; ) {
    await summarizer.analyze(warm);
  }
  const first = await summarizer.analyze(text);
  // A call that leaves the engine large retires it, and the call after it starts a fresh one (keypoints.engine.js):
  // a short call after each round pays that start, timed apart, so that every timed call finds a warm engine and
  // the times say how the work grows with the input.
  const times = [];
  const restarts = [];
  let rssAfter = 0;
  for (let i = 0; i < ROUNDS; i++) {
    await summarizer.analyze(warm);
    const start = performance.now();
    await summarizer.analyze(text);
    times.push(performance.now() - start);
    rssAfter = Math.max(rssAfter, process.memoryUsage().rss);
    const restart = performance.now();
    await summarizer.analyze(warm);
    restarts.push(performance.now() - restart);
  }
  process.stdout.write(
    JSON.stringify({
      size,
      bytes: Buffer.byteLength(text),
      times,
      median: lib.median(times),
      restart: lib.median(restarts),
      rssReady,
      rssAfter,
      points: first.keyPoints.length,
    }),
  );
}
