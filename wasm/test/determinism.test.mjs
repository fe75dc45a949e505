// The WebAssembly engine and the native command-line tool give the same Summary for the same text: analyze's
// result equals `keypoints -format json` once the tool's byte offsets are turned into UTF-16 offsets. Needs
// `make build wasm` (make test-wasm); the evaluation set in ../shared/data is used when present.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const shared = new URL(`${process.env.SHARED ?? '../shared'}/`, root);
const { Summarizer } = await import(new URL('wasm/keypoints.js', build));

const seed = readFileSync(new URL('testdata/ap-ukraine-territory.txt', root), 'utf8');
const headings = /^(Facing US pressure|Europeans back Ukraine|Both sides exchange aerial strikes)\n\n/gm;
const devSet = new URL('data/cnndm-dev.jsonl', shared);
const DEV_ARTICLES = 20;

function articles(file, limit = Infinity) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((line) => JSON.parse(line))
    .map(({ id, article }) => ({ name: id, text: article }));
}

function native(text) {
  const out = execFileSync(fileURLToPath(new URL('keypoints', build)), ['-format', 'json'], { input: text, encoding: 'utf8' });
  return JSON.parse(out);
}

// toUTF16 rewrites, in place, every span of v ({start, end} byte offsets, alone or inside a sentence) into UTF-16
// offsets of text.
function toUTF16(v, text) {
  const units = new Int32Array(Buffer.byteLength(text) + 1).fill(-1);
  let b = 0;
  let u = 0;
  for (const ch of text) {
    units[b] = u;
    b += Buffer.byteLength(ch);
    u += ch.length;
  }
  units[b] = u;
  const at = (offset) => {
    assert.ok(units[offset] >= 0, `byte offset ${offset} is inside a character`);
    return units[offset];
  };
  const walk = (x) => {
    if (Array.isArray(x)) {
      x.forEach(walk);
    } else if (x && typeof x === 'object') {
      if (typeof x.start === 'number' && typeof x.end === 'number') {
        x.start = at(x.start);
        x.end = at(x.end);
      }
      Object.values(x).forEach(walk);
    }
  };
  walk(v);
  return v;
}

const summarizer = await Summarizer.create({ format: 'json' });

async function same(text) {
  const got = await summarizer.analyze(text);
  assert.deepEqual(got, toUTF16(native(text), text));
  // summarize() takes the engine's cheaper path, which skips the facts; its text must not change for it.
  assert.equal(await summarizer.summarize(text), got.text);
}

describe('wasm and native agree', () => {
  test('seed', () => same(seed));

  test('seed without its headings', async () => {
    const bare = seed.replace(headings, '');
    assert.equal(seed.length - bare.length, 'Facing US pressure\n\nEuropeans back Ukraine\n\nBoth sides exchange aerial strikes\n\n'.length);
    await same(bare);
  });

  for (const { name, text } of articles(new URL('testdata/eval/cnndm-3.jsonl', root))) {
    test(`cnndm-3 ${name}`, () => same(text));
  }

  const skip = existsSync(devSet) ? false : `${fileURLToPath(devSet)} is absent`;
  test(`first ${DEV_ARTICLES} articles of cnndm-dev`, { skip }, async (t) => {
    for (const { name, text } of articles(devSet, DEV_ARTICLES)) {
      await t.test(name, () => same(text));
    }
  });
});
