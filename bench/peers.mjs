// keypoints against the summarizers people otherwise pick, on the same articles in the same process loop: quality
// (ROUGE F1 against the gold, scored by bench/cmd/rouge), length, and warm time per article. Run with
// `make bench-peers`; BENCHMARKS.md holds the results and says how to read them.
//
// Every system gives three sentences, or our three short key points; on the BBC set, whose gold runs to about seven
// sentences, three more rows give seven. Lead-N takes the first N sentences of our own splitter (`keypoints split
// -jsonl`, run natively before the loop, so its time is not the loop's: see BenchmarkParseDev). Each system is loaded
// once and runs once over all articles before any is timed; then every article goes through every system in turn, so
// that noise from the machine falls on all of them alike. The predictions are left in build/bench/peers-SET.jsonl.

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as lib from './lib.mjs';

const require = createRequire(import.meta.url);
const SENTENCES = 3;
// Where every system's predictions go, one {system, ref, pred} line per article, for a closer look.
const out = new URL('bench/', lib.build);

// keypointsAt is our summarizer at one length: short (3 key points), medium (5) or long (7), through summarize(),
// the Summarizer API's call, which returns the plain text a reader sees: theme labels, and a "• " line per point.
function keypointsAt(length, name, only) {
  return {
    name,
    only,
    async load() {
      const { Summarizer } = await import(new URL('wasm/keypoints.js', lib.build));
      const summarizer = await Summarizer.create({ ...lib.OPTIONS, length });
      return async (text) =>
        (await summarizer.summarize(text))
          .split('\n')
          .filter((line) => line.startsWith('• '))
          .map((line) => line.slice(2));
    },
  };
}

// keypointsAnalyze is the same summary through analyze(), which the page calls: the whole structure behind the text
// (spans, every sentence, themes) and the facts (entities, quotes, figures) as well.
const keypointsAnalyze = {
  name: 'keypoints analyze() (with facts)',
  async load() {
    const { Summarizer } = await import(new URL('wasm/keypoints.js', lib.build));
    const summarizer = await Summarizer.create(lib.OPTIONS);
    return async (text) => (await summarizer.analyze(text)).keyPoints.map((k) => k.text);
  },
};

// keypointsSources is a diagnostic: the whole input sentences our short key points are cut from, which separates
// what choosing the sentences scores from what shortening them costs or gains.
const keypointsSources = {
  name: 'keypoints, whole source sentences',
  untimed: 'diagnostic: the sentences our 3 points come from, uncut',
  async load() {
    const { Summarizer } = await import(new URL('wasm/keypoints.js', lib.build));
    const summarizer = await Summarizer.create(lib.OPTIONS);
    return async (text) => {
      const s = await summarizer.analyze(text);
      return s.keyPoints.map((k) => text.slice(s.sentences[k.sentence].start, s.sentences[k.sentence].end));
    };
  },
};

// leadN is the first n sentences of our own splitter, split natively before the loop (see BenchmarkParseDev).
function leadN(n, only) {
  return {
    name: `Lead-${n} (our splitter)`,
    only,
    untimed: 'split natively before the loop',
    async load() {
      return (text, i, dataset) => dataset.splits[i].slice(0, n);
    },
  };
}

function tsTextrank(n = SENTENCES, only) {
  return {
    name: n === SENTENCES ? 'ts-textrank' : `ts-textrank (${n})`,
    only,
    async load() {
      const tr = require('ts-textrank');
      const config = new tr.AbsoluteSummarizerConfig(
        n,
        new tr.SorensenDiceSimilarity(),
        new tr.DefaultTextParser(),
        0.85,
        tr.Summarizer.SORT_OCCURENCE,
      );
      const summarizer = new tr.Summarizer(config, new tr.NullLogger());
      return (text) => summarizer.summarize(text, 'en');
    },
  };
}

const lexrank = {
  name: 'lexrank',
  async load() {
    const { summarize } = require('lexrank');
    return (text) => {
      let lines;
      summarize(text, SENTENCES, (err, top) => {
        if (err) {
          throw err;
        }
        lines = top.map((t) => t.text);
      });
      return lines; // the callback is called before summarize returns
    };
  },
};

// node-summarizer returns its sentences glued into one string; sentencesOf cuts it back into the sentences of its
// own tokenizer, outside the clock, so that ROUGE-Lsum sees one a line as for every other system.
function nodeSummarizer(name, method) {
  return {
    name,
    async load() {
      const { SummarizerManager } = require('node-summarizer');
      const natural = createRequire(require.resolve('node-summarizer'))('natural');
      const tokenizer = new natural.SentenceTokenizer();
      return {
        run: async (text) => {
          const out = await new SummarizerManager(text, SENTENCES)[method]();
          if (!out || typeof out.summary !== 'string') {
            throw new Error(String(out?.summary ?? 'no summary'));
          }
          return out.summary;
        },
        sentences: (text, summary) => sentencesOf(summary, tokenizer.tokenize(text)),
      };
    },
  };
}

function sentencesOf(summary, originals) {
  const byLength = [...new Set(originals)].sort((a, b) => b.length - a.length);
  const out = [];
  let rest = summary;
  while (rest.trim() !== '') {
    const next = byLength.find((s) => s.length > 0 && rest.startsWith(s));
    if (!next) {
      out.push(rest);
      break;
    }
    out.push(next);
    rest = rest.slice(next.length);
  }
  return out;
}

const wink = {
  name: 'wink-nlp',
  async load() {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    return (text) => {
      const doc = nlp.readDoc(text);
      const sentences = doc.sentences().out();
      return doc
        .out(its.sentenceWiseImportance)
        .sort((a, b) => b.importance - a.importance || a.index - b.index)
        .slice(0, SENTENCES)
        .sort((a, b) => a.index - b.index)
        .map((s) => sentences[s.index]);
    };
  },
};

// The rows with only set run on that set alone: seven sentences, the BBC gold's length, where three leave every
// system bound by recall.
const SYSTEMS = [
  keypointsAt('short', 'keypoints (wasm, short: 3 points)'),
  keypointsAnalyze,
  keypointsSources,
  leadN(3),
  tsTextrank(),
  lexrank,
  nodeSummarizer('node-summarizer (frequency)', 'getSummaryByFrequency'),
  nodeSummarizer('node-summarizer (rank)', 'getSummaryByRank'),
  wink,
  keypointsAt('long', 'keypoints long (7 points)', 'bbc-dev'),
  leadN(7, 'bbc-dev'),
  tsTextrank(7, 'bbc-dev'),
];

const available = lib.devSets.filter((d) => lib.present(d.file, 'bench-peers'));
if (available.length === 0) {
  process.exit(0);
}
// Each system is loaded once, in this order, before any article: load ms is its import and set-up, cold.
const systems = [];
for (const def of SYSTEMS) {
  const sys = { def, name: def.name, loadMs: NaN };
  systems.push(sys);
  const start = performance.now();
  try {
    const loaded = await def.load();
    sys.loadMs = performance.now() - start;
    sys.run = typeof loaded === 'function' ? loaded : loaded.run;
    sys.sentences = typeof loaded === 'function' ? (text, out) => out : loaded.sentences;
  } catch (err) {
    sys.failed = `cannot load: ${String(err?.message ?? err).split('\n')[0]}`;
  }
}
for (const set of available) {
  await measure(set);
}
console.log('\nLoading each system once, cold, in this process (import and set-up; ours: compile the wasm, load the tagger)\n');
lib.table(
  ['system', 'load ms'],
  systems.filter((s) => !s.def.untimed && !s.def.only).map((s) => [s.name, s.failed ?? lib.fixed(s.loadMs, 0)]),
);

async function measure(set) {
  const records = lib.readJSONLines(set.file, set.limit);
  const articles = records.map((r) => r.article);
  const input = records.map((r, i) => JSON.stringify({ id: i, text: r.article })).join('\n');
  const splits = [];
  for (const line of lib.run(lib.path(new URL('keypoints', lib.build)), ['split', '-jsonl'], input).split('\n')) {
    if (line.trim() !== '') {
      const rec = JSON.parse(line);
      splits[rec.id] = (rec.sentences ?? []).map((s) => s.text);
    }
  }
  const dataset = { splits };
  console.log(`\n${records.length} articles of ${lib.path(set.file)}, gold "${set.gold}"\n`);

  const runs = systems
    .filter((s) => !s.def.only || s.def.only === set.name)
    .map((s) => ({ ...s, times: [], preds: [], errors: 0, firstError: null }));
  for (const sys of runs.filter((s) => !s.failed)) {
    for (let i = 0; i < articles.length; i++) {
      await call(sys, i); // the warm-up pass; its results are replaced by the timed pass's
    }
  }
  for (let i = 0; i < articles.length; i++) {
    for (const sys of runs.filter((s) => !s.failed)) {
      sys.times.push(await call(sys, i));
    }
  }

  const lines = [];
  for (const sys of runs.filter((s) => !s.failed)) {
    articles.forEach((text, i) => {
      lines.push(JSON.stringify({ system: sys.name, id: records[i].id, ref: records[i][set.gold], pred: sys.preds[i] }));
    });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL(`peers-${set.name}.jsonl`, out), `${lines.join('\n')}\n`);
  const scores = new Map();
  for (const line of lib.run(process.env.GO ?? 'go', ['run', './bench/cmd/rouge', '-json'], lines.join('\n'), { cwd: lib.path(lib.root) }).split('\n')) {
    if (line.trim() !== '') {
      const s = JSON.parse(line);
      scores.set(s.system, s);
    }
  }
  lib.table(
    ['system', 'R1', 'R2', 'RLsum', 'words', 'median ms', 'p90 ms', 'notes'],
    runs.map((sys) => {
      if (sys.failed) {
        return [sys.name, '—', '—', '—', '—', '—', '—', sys.failed];
      }
      const s = scores.get(sys.name);
      const untimed = sys.def.untimed;
      const notes = [];
      if (untimed) {
        notes.push(untimed);
      }
      if (sys.errors > 0) {
        notes.push(`${sys.errors} articles failed and score 0 (${sys.firstError})`);
      }
      return [
        sys.name,
        lib.fixed(s.rouge1, 2),
        lib.fixed(s.rouge2, 2),
        lib.fixed(s.rougeLsum, 2),
        lib.fixed(s.words, 1),
        untimed ? '—' : lib.fixed(lib.median(sys.times), 2),
        untimed ? '—' : lib.fixed(lib.quantile(sys.times, 0.9), 2),
        notes.join('; '),
      ];
    }),
  );

  async function call(sys, i) {
    const text = articles[i];
    const start = performance.now();
    let out;
    try {
      out = await sys.run(text, i, dataset);
    } catch (err) {
      const took = performance.now() - start;
      if (sys.preds[i] === undefined) {
        sys.errors++;
        sys.firstError ??= String(err?.message ?? err).split('\n')[0].slice(0, 120);
      }
      sys.preds[i] = [];
      return took;
    }
    const took = performance.now() - start;
    sys.preds[i] = sys.sentences(text, out);
    return took;
  }
}
