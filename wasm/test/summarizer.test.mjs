// The Summarizer API of keypoints.js, run on this thread (Node.js has no Worker): every call, option and error
// path, with the command-line tool as the reference for summaries. Needs `make build wasm` (make test-wasm).

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshModule } from './fresh.mjs';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const { Summarizer } = await import(new URL('wasm/keypoints.js', build));

const seed = readFileSync(new URL('testdata/ap-ukraine-territory.txt', root), 'utf8');
const german =
  'Die Bundesregierung hat am Dienstag in Berlin neue Maßnahmen gegen die steigenden Energiepreise beschlossen. ' +
  'Der Kanzler sagte, die Entlastungen sollen schon im Januar wirken und vor allem Familien mit kleinen Einkommen helfen.\n';
const MB5 = 5 * 1024 * 1024;

// native runs the command-line tool on input and returns what it prints, without the final newline.
function native(args, input) {
  return execFileSync(fileURLToPath(new URL('keypoints', build)), args, { input, encoding: 'utf8' }).replace(/\n$/, '');
}

function words(s) {
  return s.split(/\s+/).filter(Boolean).length;
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }
  return chunks;
}

// rejectsWith checks the name and our code of a rejection.
async function rejectsWith(promise, name, code) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.name, name, err.message);
    if (code !== undefined) {
      assert.equal(err.code, code);
    }
    return true;
  });
}

const types = ['key-points', 'tldr', 'teaser', 'headline'];
const lengths = ['short', 'medium', 'long'];
const formats = ['markdown', 'plain-text', 'json'];

describe('create', () => {
  test('monitor sees downloadprogress from 0 to 1', async () => {
    const seen = [];
    const viaHandler = [];
    const s = await Summarizer.create({
      monitor(m) {
        assert.ok(m instanceof EventTarget);
        m.addEventListener('downloadprogress', (e) => {
          assert.equal(e.type, 'downloadprogress');
          assert.equal(e.total, 1);
          assert.equal(e.lengthComputable, true);
          seen.push(e.loaded);
        });
        m.ondownloadprogress = (e) => viaHandler.push(e.loaded);
      },
    });
    assert.ok(s instanceof Summarizer);
    assert.equal(seen[0], 0);
    assert.equal(seen.at(-1), 1);
    for (let i = 1; i < seen.length; i++) {
      assert.ok(seen[i] > seen[i - 1], `progress goes back: ${seen}`);
    }
    assert.deepEqual(viaHandler, seen);
  });

  test('engine is loaded once', async () => {
    const seen = [];
    await Summarizer.create({ monitor: (m) => m.addEventListener('downloadprogress', (e) => seen.push(e.loaded)) });
    assert.deepEqual(seen, [0, 1]);
  });

  test('defaults', async () => {
    const s = await Summarizer.create();
    assert.equal(s.type, 'key-points');
    assert.equal(s.format, 'markdown');
    assert.equal(s.length, 'short');
    assert.equal(s.sharedContext, '');
    assert.equal(s.expectedInputLanguages, null);
    assert.equal(s.expectedContextLanguages, null);
    assert.equal(s.outputLanguage, null);
    assert.equal(s.inputQuota, MB5);
  });

  test('options', async () => {
    const s = await Summarizer.create({
      type: 'tldr',
      format: 'plain-text',
      length: 'long',
      sharedContext: 'World news for a general reader',
      expectedInputLanguages: ['en-US', 'en', 'EN-gb'],
      expectedContextLanguages: ['en'],
      outputLanguage: 'en-GB',
    });
    assert.equal(s.type, 'tldr');
    assert.equal(s.format, 'plain-text');
    assert.equal(s.length, 'long');
    assert.equal(s.sharedContext, 'World news for a general reader');
    assert.deepEqual(s.expectedInputLanguages, ['en']);
    assert.ok(Object.isFrozen(s.expectedInputLanguages));
    assert.deepEqual(s.expectedContextLanguages, ['en']);
    assert.equal(s.outputLanguage, 'en');
  });

  test('attributes are read-only', async () => {
    const s = await Summarizer.create();
    for (const name of ['type', 'format', 'length', 'sharedContext', 'inputQuota', 'outputLanguage']) {
      assert.throws(() => {
        s[name] = 'x';
      }, TypeError);
    }
  });

  test('constructor is not public', () => {
    assert.throws(() => new Summarizer(), TypeError);
  });

  test('values outside the enums', async () => {
    for (const options of [{ type: 'tl;dr' }, { format: 'html' }, { length: 'huge' }, { preference: 'fast' }]) {
      await assert.rejects(Summarizer.create(options), TypeError, JSON.stringify(options));
    }
  });

  test('preference', async () => {
    assert.equal((await Summarizer.create()).preference, 'auto');
    for (const preference of ['auto', 'speed', 'capability']) {
      const s = await Summarizer.create({ preference, type: 'headline' });
      assert.equal(s.preference, preference);
      assert.equal(await s.summarize(seed), native(['-type', 'headline'], seed));
    }
  });

  test('unsupported options', async () => {
    await rejectsWith(Summarizer.create({ expectedInputLanguages: ['fr'] }), 'NotSupportedError', 'unsupported_language');
    await rejectsWith(Summarizer.create({ expectedContextLanguages: ['en', 'de'] }), 'NotSupportedError', 'unsupported_language');
    await rejectsWith(Summarizer.create({ outputLanguage: 'ja' }), 'NotSupportedError', 'unsupported_language');
  });

  test('invalid arguments', async () => {
    await assert.rejects(Summarizer.create({ outputLanguage: 'not a tag!' }), RangeError);
    await assert.rejects(Summarizer.create({ expectedInputLanguages: ['en-abc-invalid'] }), RangeError);
    await assert.rejects(Summarizer.create({ expectedInputLanguages: 'en' }), TypeError);
    await assert.rejects(Summarizer.create({ monitor: 'yes' }), TypeError);
    const boom = new Error('boom');
    await assert.rejects(
      Summarizer.create({
        monitor() {
          throw boom;
        },
      }),
      (err) => err === boom,
    );
  });

  test('pre-aborted signal', async () => {
    await rejectsWith(Summarizer.create({ signal: AbortSignal.abort() }), 'AbortError');
    const reason = new Error('changed my mind');
    await assert.rejects(Summarizer.create({ signal: AbortSignal.abort(reason) }), (err) => err === reason);
  });

  test('signal aborted while creating', async () => {
    const ac = new AbortController();
    const events = [];
    const p = Summarizer.create({ signal: ac.signal, monitor: (m) => m.addEventListener('downloadprogress', (e) => events.push(e.loaded)) });
    ac.abort();
    await rejectsWith(p, 'AbortError');
    assert.ok(!events.includes(1), 'no progress after the abort');
  });

  test('signal aborted on the first progress event, with the engine loaded', async () => {
    await Summarizer.create();
    const ac = new AbortController();
    const reason = new Error('enough');
    const events = [];
    const p = Summarizer.create({
      signal: ac.signal,
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) => {
          events.push(e.loaded);
          ac.abort(reason);
        }),
    });
    assert.deepEqual(events, [], 'events come in tasks of their own, after create returns');
    await assert.rejects(p, (err) => err === reason);
    assert.deepEqual(events, [0]);
  });

  test('signal aborted after create destroys the summarizer', async () => {
    const ac = new AbortController();
    const s = await Summarizer.create({ signal: ac.signal });
    assert.equal(await s.summarize(''), '');
    ac.abort();
    await rejectsWith(s.summarize(seed), 'AbortError');
  });
});

describe('kind', () => {
  const transcript = 'Grad A: So we should start with the budget for the next quarter, I think.\n' +
    'Professor B: Um, yes, and then the travel costs, which came in late this week.\n' +
    'Grad A: Right, I have the figures here and they look higher than last year.\n';

  test('the engine tells it from the text, and says which', async () => {
    const s = await Summarizer.create();
    assert.equal(s.kind, '');
    assert.equal((await s.analyze(seed)).kind, 'news');
    assert.equal((await s.analyze(transcript)).kind, 'chat');
  });

  test('create\'s kind, beyond the spec, says it outright, as the command line\'s -kind does', async () => {
    const s = await Summarizer.create({ kind: 'story', length: 'long' });
    assert.equal(s.kind, 'story');
    const r = await s.analyze(seed);
    assert.equal(r.kind, 'story');
    assert.equal(await s.summarize(seed), native(['-kind', 'story', '-length', 'long'], seed));
  });

  test('sharedContext and context name it', async () => {
    const shared = await Summarizer.create({ sharedContext: 'Notes from a team meeting' });
    assert.equal((await shared.analyze(seed)).kind, 'transcript');
    const plain = await Summarizer.create();
    assert.equal((await plain.analyze(seed, { context: 'customer reviews of a kettle' })).kind, 'reviews');
    assert.equal((await plain.analyze(seed, { context: 'please be brief' })).kind, 'news');
  });

  test('a kind outside the list is a TypeError', async () => {
    await assert.rejects(Summarizer.create({ kind: 'poem' }), TypeError);
    await assert.rejects(Summarizer.availability({ kind: 'poem' }), TypeError);
  });
});

describe('availability', () => {
  test('supported', async () => {
    assert.equal(await Summarizer.availability(), 'available');
    assert.equal(await Summarizer.availability(null), 'available');
    for (const type of types) {
      for (const length of lengths) {
        for (const format of formats) {
          assert.equal(await Summarizer.availability({ type, length, format }), 'available', `${type} ${length} ${format}`);
        }
      }
    }
    assert.equal(
      await Summarizer.availability({ expectedInputLanguages: ['en', 'en-US', 'en-Latn-GB'], expectedContextLanguages: ['en-AU'], outputLanguage: 'en-US' }),
      'available',
    );
  });

  test('unsupported', async () => {
    for (const options of [
      { expectedInputLanguages: ['fr'] },
      { expectedInputLanguages: ['en', 'es'] },
      { expectedContextLanguages: ['de-DE'] },
      { outputLanguage: 'ja' },
      { outputLanguage: 'zh-Hant-TW' },
    ]) {
      assert.equal(await Summarizer.availability(options), 'unavailable', JSON.stringify(options));
    }
  });

  test('values outside the enums are TypeErrors, as Web IDL makes them', async () => {
    for (const options of [{ type: 'summary' }, { type: 'tl;dr' }, { format: 'html' }, { length: 'tiny' }, { length: 3 },
      { preference: 'quality' }]) {
      await assert.rejects(Summarizer.availability(options), TypeError, JSON.stringify(options));
    }
    assert.equal(await Summarizer.availability({ format: 'json', preference: 'speed' }), 'available');
  });

  test('malformed language tags are RangeErrors', async () => {
    await assert.rejects(Summarizer.availability({ expectedInputLanguages: ['en_US!'] }), RangeError);
    await assert.rejects(Summarizer.availability({ outputLanguage: '' }), RangeError);
    await assert.rejects(Summarizer.availability({ expectedInputLanguages: 'en' }), TypeError);
  });
});

describe('summarize', () => {
  for (const type of types) {
    for (const length of lengths) {
      for (const format of formats) {
        test(`${type} ${length} ${format} matches the command-line tool`, async () => {
          const s = await Summarizer.create({ type, length, format });
          const got = await s.summarize(seed);
          const want = native(['-type', type, '-length', length, '-format', format], seed);
          if (format === 'json') {
            // With -format json the tool prints the whole Summary; summarize gives its rendered text.
            assert.equal(got, JSON.parse(want).text);
            JSON.parse(got);
          } else {
            assert.equal(got, want);
          }
          assert.ok(got.length > 0);
        });
      }
    }
  }

  test('key points, short, markdown', async () => {
    const s = await Summarizer.create();
    const got = await s.summarize(seed);
    assert.match(got, /^### Facing US pressure$/m);
    assert.ok(got.split('\n').filter((l) => l.startsWith('- ')).length <= 3);
  });

  test('plain text has no markup', async () => {
    const s = await Summarizer.create({ format: 'plain-text', length: 'medium' });
    const got = await s.summarize(seed);
    assert.doesNotMatch(got, /^(###|- )/m);
    assert.match(got, /^• /m);
  });

  test('headline word limits', async () => {
    for (const [length, limit] of [['short', 12], ['medium', 17], ['long', 22]]) {
      const s = await Summarizer.create({ type: 'headline', length, format: 'plain-text' });
      const got = await s.summarize(seed);
      assert.ok(!got.includes('\n'), got);
      assert.ok(words(got) > 0 && words(got) <= limit, `${length}: ${got}`);
    }
  });

  test('context and sharedContext change nothing', async () => {
    const plain = await (await Summarizer.create()).summarize(seed);
    const s = await Summarizer.create({ sharedContext: 'Summaries for a newsletter about Italy' });
    assert.equal(await s.summarize(seed, { context: 'Focus on the Pope' }), plain);
  });

  test('no words gives an empty summary', async () => {
    const s = await Summarizer.create();
    for (const input of ['', '   \n\t ', '<html><body></body></html>']) {
      assert.equal(await s.summarize(input), '', JSON.stringify(input));
    }
  });

  test('not English', async () => {
    const s = await Summarizer.create();
    await rejectsWith(s.summarize(german), 'NotSupportedError', 'unsupported_language');
  });

  test('too long', async () => {
    const s = await Summarizer.create();
    await assert.rejects(s.summarize('a'.repeat(s.inputQuota + 1)), (err) => {
      assert.equal(err.name, 'QuotaExceededError');
      assert.equal(err.code, 'text_too_long');
      assert.equal(err.requested, s.inputQuota + 1);
      assert.equal(err.quota, s.inputQuota);
      assert.ok(err instanceof DOMException);
      return true;
    });
    // Two bytes a character: under the quota in UTF-16 code units, over it in UTF-8 bytes.
    await rejectsWith(s.summarize('é'.repeat(s.inputQuota / 2 + 1)), 'QuotaExceededError', 'text_too_long');
  });

  test('calls in flight at once', async () => {
    const options = [{}, { type: 'tldr' }, { type: 'headline', length: 'long' }, { format: 'plain-text', length: 'long' }];
    const summarizers = await Promise.all(options.map((o) => Summarizer.create(o)));
    const inputs = [seed, seed.slice(0, 2000), seed.slice(2000)];
    const want = [];
    for (const s of summarizers) {
      for (const input of inputs) {
        want.push(await s.summarize(input));
      }
    }
    const got = await Promise.all(summarizers.flatMap((s) => inputs.map((input) => s.summarize(input))));
    assert.deepEqual(got, want);
  });
});

describe('summarizeStreaming', () => {
  test('chunks concatenate to the summary', async () => {
    for (const type of types) {
      const s = await Summarizer.create({ type, length: 'long' });
      const stream = s.summarizeStreaming(seed);
      assert.ok(stream instanceof ReadableStream);
      const chunks = await readAll(stream);
      assert.ok(chunks.every((c) => typeof c === 'string' && c.length > 0));
      assert.equal(chunks.join(''), await s.summarize(seed));
      if (type === 'key-points') {
        assert.ok(chunks.length > 3, `${chunks.length} chunks`);
      }
    }
  });

  test('no words gives no chunks', async () => {
    const s = await Summarizer.create();
    assert.deepEqual(await readAll(s.summarizeStreaming('')), []);
  });

  test('errors error the stream', async () => {
    const s = await Summarizer.create();
    await rejectsWith(readAll(s.summarizeStreaming(german)), 'NotSupportedError', 'unsupported_language');
    await rejectsWith(readAll(s.summarizeStreaming('x'.repeat(s.inputQuota + 1))), 'QuotaExceededError', 'text_too_long');
  });

  test('abort', async () => {
    const s = await Summarizer.create();
    assert.throws(() => s.summarizeStreaming(seed, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    const ac = new AbortController();
    const stream = s.summarizeStreaming(seed, { signal: ac.signal });
    ac.abort();
    await rejectsWith(readAll(stream), 'AbortError');
  });

  test('cancel', async () => {
    const s = await Summarizer.create();
    const stream = s.summarizeStreaming(seed);
    await stream.cancel();
    assert.match(await s.summarize(seed), /### Facing US pressure/);
  });
});

describe('measureInputUsage', () => {
  test('UTF-8 bytes of the input', async () => {
    const s = await Summarizer.create();
    assert.equal(await s.measureInputUsage(''), 0);
    assert.equal(await s.measureInputUsage('héllo'), 6);
    assert.equal(await s.measureInputUsage('😀'), 4);
    assert.equal(await s.measureInputUsage('\ud800'), 3, 'a lone surrogate is written as U+FFFD');
    assert.equal(await s.measureInputUsage(seed), Buffer.byteLength(seed));
    assert.equal(await s.measureInputUsage(seed, { context: 'a context adds nothing' }), Buffer.byteLength(seed));
  });

  test('consistent with inputQuota', async () => {
    const s = await Summarizer.create();
    assert.equal(s.inputQuota, MB5);
    const over = '€'.repeat(Math.floor(s.inputQuota / 3) + 1);
    assert.ok((await s.measureInputUsage(over)) > s.inputQuota);
    await rejectsWith(s.summarize(over), 'QuotaExceededError', 'text_too_long');
  });

  test('abort', async () => {
    const s = await Summarizer.create();
    await rejectsWith(s.measureInputUsage(seed, { signal: AbortSignal.abort() }), 'AbortError');
    const ac = new AbortController();
    const inFlight = s.measureInputUsage(seed, { signal: ac.signal });
    ac.abort();
    await rejectsWith(inFlight, 'AbortError');
  });
});

describe('analyze', () => {
  // Emoji (two UTF-16 units, four bytes), curly quotes and dashes (one unit, three bytes) ahead of the points, so that
  // UTF-16, byte and code point offsets all differ where the spans start.
  const fancy =
    '“Stay safe 🙏🏽,” the 👩‍💻 team wrote — and added: “We’ll keep you posted 📣.”\n\n' +
    seed.replace('strong refusal', 'strong 🇺🇦 refusal').replace('Pope Leo XIV', 'Pope Leo XIV ✝️');

  test('spans select the raw characters', async () => {
    const s = await Summarizer.create({ length: 'long' });
    const got = await s.analyze(fancy);
    const nativeSummary = JSON.parse(native(['-length', 'long', '-format', 'json'], fancy));
    const bytes = Buffer.from(fancy);
    assert.equal(got.keyPoints.length, nativeSummary.keyPoints.length);
    let nonASCII = 0;
    got.keyPoints.forEach((point, i) => {
      assert.equal(point.spans.length, nativeSummary.keyPoints[i].spans.length);
      point.spans.forEach((span, j) => {
        const raw = nativeSummary.keyPoints[i].spans[j];
        const slice = fancy.slice(span.start, span.end);
        assert.equal(slice, bytes.subarray(raw.start, raw.end).toString('utf8'));
        assert.ok(raw.start === 0 || span.start < raw.start, 'the spans come after multi-byte characters');
        if (/[^\x00-\x7f]/.test(slice)) {
          nonASCII++;
        }
      });
      // The point's last word is in its last span (its first may be a bracketed name standing for a pronoun).
      const letters = (t) => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      const last = point.spans.at(-1);
      assert.ok(letters(fancy.slice(last.start, last.end)).endsWith(letters(point.text.split(/\s+/).at(-1))), point.text);
    });
    assert.ok(nonASCII > 0, 'some span holds an emoji or a curly quote');
    assert.equal(got.sentences.length, nativeSummary.sentences.length);
    got.sentences.forEach((sentence, i) => {
      const raw = nativeSummary.sentences[i];
      assert.equal(fancy.slice(sentence.start, sentence.end), bytes.subarray(raw.start, raw.end).toString('utf8'));
    });
  });

  test('structure', async () => {
    const s = await Summarizer.create({ type: 'tldr', length: 'medium', format: 'plain-text' });
    const got = await s.analyze(seed);
    assert.equal(got.type, 'tldr');
    assert.equal(got.length, 'medium');
    assert.equal(got.format, 'plain-text');
    assert.equal(got.text, await s.summarize(seed));
    assert.ok(got.themes.length >= 1);
    assert.ok(got.keyPoints.length >= 1);
    for (const theme of got.themes) {
      assert.ok(['heading', 'keyphrase'].includes(theme.labelSource));
    }
    assert.ok(got.stats.words > 500 && got.stats.sentences === got.sentences.length);
  });

  test('errors', async () => {
    const s = await Summarizer.create();
    await assert.rejects(s.analyze(''), (err) => {
      assert.equal(err.code, 'empty_text');
      assert.ok(err instanceof Error);
      return true;
    });
    await rejectsWith(s.analyze(german), 'NotSupportedError', 'unsupported_language');
    await rejectsWith(s.analyze('b'.repeat(MB5 + 1)), 'QuotaExceededError', 'text_too_long');
  });
});

describe('abort', () => {
  test('pre-aborted signal', async () => {
    const s = await Summarizer.create();
    await rejectsWith(s.summarize(seed, { signal: AbortSignal.abort() }), 'AbortError');
    await rejectsWith(s.analyze(seed, { signal: AbortSignal.abort() }), 'AbortError');
    const reason = new Error('stop');
    await assert.rejects(s.summarize(seed, { signal: AbortSignal.abort(reason) }), (err) => err === reason);
  });

  test('abort during a call', async () => {
    const s = await Summarizer.create();
    const ac = new AbortController();
    const p = s.summarize(seed, { signal: ac.signal });
    const q = s.analyze(seed, { signal: ac.signal });
    ac.abort();
    await rejectsWith(p, 'AbortError');
    await rejectsWith(q, 'AbortError');
    // The summarizer, and the call's result arriving late, are unharmed.
    assert.match(await s.summarize(seed), /### Facing US pressure/);
  });

  test('abort after the call has finished changes nothing', async () => {
    const s = await Summarizer.create();
    const ac = new AbortController();
    const got = await s.summarize(seed, { signal: ac.signal });
    ac.abort();
    assert.match(got, /### Facing US pressure/);
  });
});

describe('the document', () => {
  // Node.js has no document; these stand in for a page's, with only what the module reads of one.
  const withDocument = async (doc, fn) => {
    globalThis.document = doc;
    try {
      await fn();
    } finally {
      delete globalThis.document;
    }
  };
  const page = (policy) => {
    const doc = { featurePolicy: policy };
    doc.defaultView = { document: doc };
    return doc;
  };

  test('not fully active: InvalidStateError', async () => {
    const s = await Summarizer.create();
    const detached = { defaultView: null };
    await withDocument(detached, async () => {
      await rejectsWith(Summarizer.availability(), 'InvalidStateError', 'inactive_document');
      await rejectsWith(Summarizer.create(), 'InvalidStateError', 'inactive_document');
      await rejectsWith(s.summarize(seed), 'InvalidStateError', 'inactive_document');
      await rejectsWith(s.measureInputUsage(seed), 'InvalidStateError', 'inactive_document');
      assert.throws(() => s.summarizeStreaming(seed), { name: 'InvalidStateError' });
    });
    const replaced = { defaultView: { document: {} } };
    await withDocument(replaced, () => rejectsWith(Summarizer.create(), 'InvalidStateError', 'inactive_document'));
  });

  test('a permissions policy that denies "summarizer": unavailable, NotAllowedError', async () => {
    const denied = page({ features: () => ['summarizer'], allowsFeature: (f) => f !== 'summarizer' });
    await withDocument(denied, async () => {
      assert.equal(await Summarizer.availability(), 'unavailable');
      await rejectsWith(Summarizer.create(), 'NotAllowedError', 'not_allowed');
    });
  });

  test('a policy that allows it, or knows nothing of it, or none: available', async () => {
    for (const policy of [
      { features: () => ['summarizer'], allowsFeature: () => true },
      { features: () => ['camera'], allowsFeature: () => false },
      undefined,
    ]) {
      await withDocument(page(policy), async () => {
        assert.equal(await Summarizer.availability(), 'available');
        assert.match(await (await Summarizer.create()).summarize(seed), /###/);
      });
    }
  });
});

describe('destroy', () => {
  test('calls in flight and later calls reject', async () => {
    const s = await Summarizer.create();
    const inFlight = s.summarize(seed);
    const measuring = s.measureInputUsage(seed);
    s.destroy();
    await rejectsWith(inFlight, 'AbortError');
    await rejectsWith(measuring, 'AbortError');
    await rejectsWith(s.summarize(seed), 'AbortError');
    await rejectsWith(s.analyze(seed), 'AbortError');
    await rejectsWith(s.measureInputUsage(seed), 'AbortError');
    assert.throws(() => s.summarizeStreaming(seed), { name: 'AbortError' });
    s.destroy();
  });

  test('other summarizers keep working', async () => {
    const a = await Summarizer.create();
    const b = await Summarizer.create();
    a.destroy();
    assert.match(await b.summarize(seed), /### Facing US pressure/);
  });
});

describe('memory', () => {
  // Long enough to leave the engine's memory past RETIRE_GROWTH_BYTES.
  const long = Array(150).fill(seed).join('\n\n');

  test('a long text retires the instance, and the next call starts a fresh one that summarizes alike', async () => {
    const { loadEngine } = await import(new URL('wasm/keypoints.js', build));
    const engine = await loadEngine();
    const want = await engine.run('summary', seed, '');
    assert.equal(engine.retired, false);
    assert.equal(JSON.parse(await engine.run('summary', long, '')).text, native([], long));
    assert.equal(engine.retired, true);
    assert.equal(await engine.run('summary', seed, ''), want);
    assert.equal(engine.retired, false);
    assert.equal(engine.alive, true);
  });

  test('a summarizer keeps working across a retirement', async () => {
    const s = await Summarizer.create({ type: 'tldr' });
    const want = await s.analyze(seed);
    assert.equal(await s.summarize(long), native(['-type', 'tldr'], long));
    assert.deepEqual(await s.analyze(seed), want);
  });
});

describe('setEngineSource', () => {
  const wasmFile = new URL('wasm/keypoints.wasm', build);
  // Each test takes a new instance of the module, with an engine of its own to load.
  const fresh = freshModule;
  const progressOf = (seen) => (m) => m.addEventListener('downloadprogress', (e) => seen.push(e.loaded));

  test('gzipped bytes from a function, unpacked with progress', async () => {
    const { Summarizer: S, setEngineSource } = await fresh();
    const raw = readFileSync(wasmFile);
    let calls = 0;
    setEngineSource({
      wasm: async () => {
        calls++;
        return gzipSync(raw);
      },
      encoding: 'gzip',
      bytes: raw.length,
    });
    assert.equal(calls, 0, 'the function waits for the engine to load');
    const seen = [];
    const s = await S.create({ monitor: progressOf(seen) });
    await S.create();
    assert.equal(calls, 1);
    assert.ok(seen.some((p) => p > 0 && p < 0.75), `download progress: ${seen}`);
    assert.equal(await s.summarize(seed), native([], seed));
    assert.throws(() => setEngineSource({}), (err) => err.name === 'InvalidStateError');
  });

  test('a Blob', async () => {
    const { Summarizer: S, setEngineSource } = await fresh();
    setEngineSource({ wasm: new Blob([readFileSync(wasmFile)]) });
    const seen = [];
    const s = await S.create({ type: 'headline', monitor: progressOf(seen) });
    // Node.js reads a Blob in one piece: the download is done at once.
    assert.deepEqual([seen[0], seen.at(-1)], [0, 1]);
    assert.equal(await s.summarize(seed), native(['-type', 'headline'], seed));
  });

  test('values of the wrong kind', async () => {
    const { setEngineSource } = await fresh();
    for (const source of [null, 'keypoints.wasm', { encoding: 'br' }, { bytes: -1 }, { bytes: 1.5 }, { wasm: 42 }, { worker: 42 }]) {
      assert.throws(() => setEngineSource(source), TypeError, JSON.stringify(source));
    }
    setEngineSource({ wasm: wasmFile, worker: null });
  });

  test('a wasm that does not load fails create; another source may follow', async () => {
    const { Summarizer: S, setEngineSource } = await fresh();
    setEngineSource({ wasm: new Uint8Array([0, 1, 2, 3]) });
    await rejectsWith(S.create(), 'OperationError', 'internal');
    setEngineSource({ wasm: () => 42 });
    await rejectsWith(S.create(), 'OperationError', 'internal');
    setEngineSource({ wasm: new URL('wasm/missing.wasm', build) });
    await assert.rejects(S.create(), (err) => err.code === 'internal');
    setEngineSource({ wasm: wasmFile });
    const s = await S.create();
    assert.equal(await s.summarize(seed), native([], seed));
  });
});
