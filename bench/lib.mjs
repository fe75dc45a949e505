// Shared by the harness's scripts: where the builds and the development sets are, reading them, and statistics.

import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = new URL('../', import.meta.url);
// KEYPOINTS_BUILD and SHARED are paths relative to the repository's root, as the Makefile passes them.
export const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
export const shared = new URL(`${process.env.SHARED ?? '../shared'}/`, root);
export const seedPath = new URL('testdata/ap-ukraine-territory.txt', root);

/**
 * The development sets of the peers table: where the text and the gold are, how many articles to read, and k, the
 * number of sentences (or key points) every system gives on the set. News is scored at 3 against its highlights or
 * extractive summary (a list of sentences); the genre sets (`data/genres/`, rows with `text` and `gold`, a list of
 * references of which the first is scored) at the k that keypoints eval gives them (setLengths in
 * cmd/keypoints/eval.go): 3 for chats and reviews, 5 for papers and meetings, 7 for Wikipedia, reports and stories.
 */
export const devSets = [
  { name: 'cnndm-dev', file: new URL('data/cnndm-dev.jsonl', shared), text: 'article', gold: 'highlights', limit: Infinity, k: 3 },
  { name: 'bbc-dev', file: new URL('data/bbc-dev.jsonl', shared), text: 'article', gold: 'summary', limit: 400, k: 3 },
  ...[
    ['dialogsum', 3],
    ['fewsum', 3],
    ['scisummnet', 5],
    ['qmsum', 5],
    ['wikipedia', 7],
    ['govreport', 7],
    ['squality', 7],
  ].map(([name, k]) => ({
    name,
    file: new URL(`data/genres/${name}.jsonl`, shared),
    text: 'text',
    gold: 'gold',
    limit: Infinity,
    k,
    genre: true,
  })),
];

/** reference is a record's gold as bench/cmd/rouge -split reads it: a list of sentences, or gold[0] as one string. */
export function reference(set, record) {
  return set.genre ? record.gold[0] : record[set.gold];
}

export const path = (url) => fileURLToPath(url);

/** readJSONLines parses the first limit records of a JSON lines file. */
export function readJSONLines(url, limit = Infinity) {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, limit)
    .map((line) => JSON.parse(line));
}

/** present reports whether the file exists, printing why the caller stops when it does not. */
export function present(url, what) {
  if (existsSync(url)) {
    return true;
  }
  console.log(`${what}: ${path(url)} is absent; nothing to measure`);
  return false;
}

/** run starts a program, feeds it input and returns its stdout; it throws with the program's stderr on failure. */
export function run(program, args, input, options = {}) {
  const res = spawnSync(program, args, { input, encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (res.error) {
    throw res.error;
  }
  if (res.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} exited ${res.status}: ${res.stderr.trim()}`);
  }
  return res.stdout;
}

/** quantile of an unsorted list of numbers: q=0.5 is the median (the mean of the middle two for an even count). */
export function quantile(values, q) {
  if (values.length === 0) {
    return NaN;
  }
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

/** fixed formats a number for a table, "—" for NaN. */
export function fixed(x, digits = 1) {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}

/** table prints rows as a Markdown table. */
export function table(header, rows) {
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  console.log(lines.join('\n'));
}

/** The summarizer options of every measurement: what the page's default key points are. */
export const OPTIONS = { type: 'key-points', length: 'short', format: 'plain-text' };
