// polyfill.js: globalThis.Summarizer where the runtime has none, and where it has one of its own that is available,
// downloadable or refuses the options. The runtime's own is a stand-in here, installed before each fresh copy of the
// module is imported, since the polyfill reads it once, as it loads. Needs `make wasm` (make test-wasm).

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const seed = readFileSync(new URL('testdata/ap-ukraine-territory.txt', root), 'utf8');

const copies = [];
after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// withBuiltIn imports a fresh copy of polyfill.js and keypoints.js with builtIn as the runtime's own Summarizer.
async function withBuiltIn(builtIn) {
  const dir = mkdtempSync(join(tmpdir(), 'keypoints-polyfill-'));
  copies.push(dir);
  cpSync(fileURLToPath(new URL('wasm/', build)), dir, { recursive: true });
  if (builtIn) globalThis.Summarizer = builtIn;
  else delete globalThis.Summarizer;
  const polyfill = await import(pathToFileURL(join(dir, 'polyfill.js')).href);
  const ours = await import(pathToFileURL(join(dir, 'keypoints.js')).href);
  return { ...polyfill, Ours: ours.Summarizer };
}

// fakeBuiltIn is a runtime's Summarizer whose availability() answers availability, or throws it when it is an Error.
function fakeBuiltIn(availability) {
  const calls = [];
  class BuiltIn {
    static async availability(options) {
      calls.push(['availability', options]);
      if (availability instanceof Error) throw availability;
      return availability;
    }
    static async create(options) {
      calls.push(['create', options]);
      return Object.assign(Object.create(BuiltIn.prototype), { type: options.type ?? 'key-points', builtIn: true });
    }
  }
  return { BuiltIn, calls };
}

describe('polyfill', () => {
  test('no Summarizer of its own: ours', async () => {
    const { polyfilled, hasBuiltIn, Ours } = await withBuiltIn(null);
    assert.equal(hasBuiltIn, false);
    assert.equal(polyfilled, Ours);
    assert.equal(globalThis.Summarizer, Ours);
    const s = await globalThis.Summarizer.create({ type: 'headline' });
    assert.ok(s instanceof Ours);
    assert.ok((await s.summarize(seed)).length > 0);
  });

  test('its own says available: each call goes to it', async () => {
    const { BuiltIn, calls } = fakeBuiltIn('available');
    const { polyfilled, hasBuiltIn } = await withBuiltIn(BuiltIn);
    assert.equal(hasBuiltIn, true);
    assert.equal(globalThis.Summarizer, polyfilled);
    assert.equal(await Summarizer.availability({ type: 'tldr' }), 'available');
    const s = await Summarizer.create({ type: 'tldr' });
    assert.equal(s.builtIn, true);
    assert.ok(s instanceof Summarizer);
    assert.deepEqual(calls.map(([what]) => what), ['availability', 'availability', 'create']);
    assert.equal(calls[2][1].type, 'tldr', 'the options are passed on');
  });

  for (const availability of ['downloadable', 'downloading', 'unavailable', new TypeError('no such format')]) {
    test(`its own says ${availability}: ours, unless the caller would wait`, async () => {
      const { BuiltIn, calls } = fakeBuiltIn(availability);
      const { configure, Ours } = await withBuiltIn(BuiltIn);
      assert.equal(await Summarizer.availability({ type: 'teaser' }), 'available');
      const s = await Summarizer.create({ type: 'teaser' });
      assert.ok(s instanceof Ours);
      assert.ok(s instanceof Summarizer);
      assert.equal(await s.summarize(seed), await (await Ours.create({ type: 'teaser' })).summarize(seed));
      assert.ok(!calls.some(([what]) => what === 'create'));

      configure({ useDownloadable: true });
      const waited = await Summarizer.create({ type: 'teaser' });
      const waits = availability === 'downloadable' || availability === 'downloading';
      assert.equal(waited.builtIn === true, waits);
      assert.equal(await Summarizer.availability(), waits ? availability : 'available');
      configure();
    });
  }

  test('options ours refuses are refused as ours refuses them', async () => {
    const { BuiltIn } = fakeBuiltIn('unavailable');
    await withBuiltIn(BuiltIn);
    assert.equal(await Summarizer.availability({ outputLanguage: 'fr' }), 'unavailable');
    await assert.rejects(Summarizer.create({ type: 'bogus' }), TypeError);
    assert.throws(() => new Summarizer(), TypeError);
  });

  after(() => {
    delete globalThis.Summarizer;
  });
});
