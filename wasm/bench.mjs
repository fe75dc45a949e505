// The cost of keypoints.js on this machine, on this thread (as Node.js runs it): cold start (compile and instantiate
// the wasm, load the part-of-speech model, summarize the seed article once) and the warm median per article over
// ../shared/data/cnndm-dev.jsonl, plus the size of keypoints.wasm. Run with `make bench-wasm`.

import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const shared = new URL(`${process.env.SHARED ?? '../shared'}/`, root);
const devSet = new URL('data/cnndm-dev.jsonl', shared);
const seed = readFileSync(new URL('testdata/ap-ukraine-territory.txt', root), 'utf8');
const ROUNDS = 3;

const t0 = performance.now();
const { Summarizer } = await import(new URL('wasm/keypoints.js', build));
// The last progress event before 1 comes when the wasm is instantiated; what follows is the model load.
let instantiated = t0;
const summarizer = await Summarizer.create({
  monitor: (m) => m.addEventListener('downloadprogress', (e) => e.loaded < 1 && (instantiated = performance.now())),
});
const ready = performance.now();
await summarizer.summarize(seed);
const cold = performance.now();
console.log(`cold start: ${ms(cold - t0)}`);
console.log(`  read, compile and instantiate keypoints.wasm: ${ms(instantiated - t0)}`);
console.log(`  load the part-of-speech model: ${ms(ready - instantiated)}`);
console.log(`  first summary of the seed: ${ms(cold - ready)}`);

let articles;
if (existsSync(devSet)) {
  articles = readFileSync(devSet, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).article);
  console.log(`warm: ${articles.length} articles of ${fileURLToPath(devSet)}, ${ROUNDS} rounds`);
} else {
  articles = [seed];
  console.log(`warm: ${fileURLToPath(devSet)} is absent; the seed article alone, ${ROUNDS} rounds`);
}
const times = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const article of articles) {
    const start = performance.now();
    await summarizer.summarize(article);
    times.push(performance.now() - start);
  }
}
times.sort((a, b) => a - b);
const quantile = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(`warm per article: median ${ms(quantile(0.5))}, p90 ${ms(quantile(0.9))}, max ${ms(times.at(-1))}`);

const wasm = readFileSync(new URL('wasm/keypoints.wasm', build));
console.log(`keypoints.wasm: raw ${mb(wasm.length)}, gzip -9 ${mb(gzipSync(wasm, { level: 9 }).length)}`);

function ms(t) {
  return `${t.toFixed(1)} ms`;
}

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB (${bytes} bytes)`;
}
