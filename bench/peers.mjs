// keypoints against the summarizers people otherwise pick, on the same articles in the same process loop: quality
// (ROUGE F1 against the gold, scored by bench/cmd/rouge), length, and warm time per article. Run with
// `make bench-peers`; BENCHMARKS.md holds the results and says how to read them.
//
// On news every system gives three sentences, or our three short key points; on the BBC set, whose gold runs to about
// seven sentences, three more rows give seven. On the genre sets (data/genres/) every system gives the set's k (3, 5
// or 7: lib.devSets), and we give as many key points. Lead-N takes the first N sentences of our own splitter
// (`keypoints split -jsonl`, run natively before the loop, so its time is not the loop's: see BenchmarkParseDev);
// Lead-K takes them with wink-nlp's splitter, so that the baseline we are measured against does not move when our own
// reading of sentences changes. Our margin over the best of Lead-K, ts-textrank and lexrank, per metric, comes with a
// paired bootstrap 95% interval over articles (bench/cmd/rouge -against). Each system is loaded once and runs once
// over all articles before any is timed; then every article goes through every system in turn, so that noise from
// the machine falls on all of them alike. The predictions are left in build/bench/peers-SET.jsonl.

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as lib from './lib.mjs';

const require = createRequire(import.meta.url);
const SENTENCES = 3;
// Where every system's predictions go, one {system, ref, pred} line per article, for a closer look.
const out = new URL('bench/', lib.build);

// A system runs on the sets its on accepts. On those whose k is its own, a role of "ours" makes it the row the margins
// are taken from, and "baseline" one of the rows they are taken over.
const news = (set) => !set.genre;
const givesK = (k) => (set) => set.k === k;
const genreK = (k) => (set) => set.genre && set.k === k;
const only = (name) => (set) => set.name === name;
const either = (...tests) => (set) => tests.some((t) => t(set));

// keypointsAt is our summarizer at one length: short (3 key points), medium (5) or long (7), through summarize(),
// the Summarizer API's call, which returns the plain text a reader sees: theme labels, and a "• " line per point.
// On the sets whose k is its number of points it is "ours", the row the margins are taken from.
function keypointsAt(length, name, on) {
  const k = { short: 3, medium: 5, long: 7 }[length];
  return {
    name,
    on,
    k,
    role: 'ours',
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
  on: news,
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
  on: news,
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
function leadN(n, on) {
  return {
    name: `Lead-${n} (our splitter)`,
    on,
    untimed: 'split natively before the loop',
    async load() {
      return (text, i, dataset) => dataset.splits[i].slice(0, n);
    },
  };
}

// leadK is the first k sentences of wink-nlp's splitter, split in the loop: the baseline of the margins.
function leadK(k, on) {
  return {
    name: `Lead-${k} (wink-nlp's splitter)`,
    label: `Lead-${k}`,
    on,
    k,
    role: 'baseline',
    async load() {
      const winkNLP = require('wink-nlp');
      const nlp = winkNLP(require('wink-eng-lite-web-model'));
      return (text) => nlp.readDoc(text).sentences().out().slice(0, k);
    },
  };
}

function tsTextrank(n, on) {
  return {
    name: n === SENTENCES ? 'ts-textrank' : `ts-textrank (${n})`,
    label: 'ts-textrank',
    on,
    k: n,
    role: 'baseline',
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

function lexrank(n, on) {
  return {
    name: n === SENTENCES ? 'lexrank' : `lexrank (${n})`,
    label: 'lexrank',
    on,
    k: n,
    role: 'baseline',
    async load() {
      const { summarize } = require('lexrank');
      return (text) => {
        let lines;
        summarize(text, n, (err, top) => {
          if (err) {
            throw err;
          }
          lines = top.map((t) => t.text);
        });
        return lines; // the callback is called before summarize returns
      };
    },
  };
}

// node-summarizer returns its sentences glued into one string; sentencesOf cuts it back into the sentences of its
// own tokenizer, outside the clock, so that ROUGE-Lsum sees one a line as for every other system.
function nodeSummarizer(name, method) {
  return {
    name,
    on: news,
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
  on: news,
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

// The news rows come first, as they always have; the rows that run on one kind of set alone follow: seven sentences
// on BBC, the gold's length, where three leave every system bound by recall, and each genre set's k. The load table
// lists the rows that run on CNN/DM.
const SYSTEMS = [
  keypointsAt('short', 'keypoints (wasm, short: 3 points)', givesK(3)),
  keypointsAnalyze,
  keypointsSources,
  leadN(3, news),
  leadK(3, givesK(3)),
  tsTextrank(3, givesK(3)),
  lexrank(3, givesK(3)),
  nodeSummarizer('node-summarizer (frequency)', 'getSummaryByFrequency'),
  nodeSummarizer('node-summarizer (rank)', 'getSummaryByRank'),
  wink,
  keypointsAt('medium', 'keypoints medium (5 points)', genreK(5)),
  leadK(5, genreK(5)),
  tsTextrank(5, genreK(5)),
  lexrank(5, genreK(5)),
  keypointsAt('long', 'keypoints long (7 points)', either(only('bbc-dev'), genreK(7))),
  leadN(7, only('bbc-dev')),
  leadK(7, genreK(7)),
  tsTextrank(7, either(only('bbc-dev'), genreK(7))),
  lexrank(7, genreK(7)),
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
const summaries = [];
for (const set of available) {
  summaries.push(await measure(set));
}
console.log(`
Every set: our key points and the baselines at the same k (Lead-K with wink-nlp's splitter, ts-textrank, lexrank),
and our margin over the best baseline of each metric, with its paired bootstrap 95% interval over articles
`);
lib.table(
  [
    'set',
    'n',
    'k',
    'keypoints R1 / R2 / RLsum',
    'Lead-K',
    'ts-textrank',
    'lexrank',
    'R1 margin [95%] over',
    'R2 margin [95%] over',
    'RLsum margin [95%] over',
  ],
  summaries.map((s) => [
    s.set.name,
    s.n,
    s.set.k,
    s.ours,
    ...s.baselines,
    ...s.margins.map((m) => `${m.text} ${m.label}`),
  ]),
);
console.log('\nLoading each system once, cold, in this process (import and set-up; ours: compile the wasm, load the tagger)\n');
lib.table(
  ['system', 'load ms'],
  systems.filter((s) => !s.def.untimed && s.def.on(lib.devSets[0])).map((s) => [s.name, s.failed ?? lib.fixed(s.loadMs, 0)]),
);

async function measure(set) {
  const records = lib.readJSONLines(set.file, set.limit);
  const articles = records.map((r) => r[set.text]);
  const input = records.map((r, i) => JSON.stringify({ id: i, text: r[set.text] })).join('\n');
  const splits = [];
  for (const line of lib.run(lib.path(new URL('keypoints', lib.build)), ['split', '-jsonl'], input).split('\n')) {
    if (line.trim() !== '') {
      const rec = JSON.parse(line);
      splits[rec.id] = (rec.sentences ?? []).map((s) => s.text);
    }
  }
  const dataset = { splits };
  const gold = set.genre ? 'gold[0]' : set.gold;
  console.log(`\n${records.length} articles of ${lib.path(set.file)}, gold "${gold}", k = ${set.k}\n`);

  // Ours comes first; the others keep their order.
  const isOurs = (s) => s.def.role === 'ours' && s.def.k === set.k;
  const isBaseline = (s) => s.def.role === 'baseline' && s.def.k === set.k;
  const runs = systems
    .filter((s) => s.def.on(set))
    .sort((a, b) => isOurs(b) - isOurs(a))
    .map((s) => ({ ...s, times: [], preds: [], errors: 0, firstError: null }));
  const ours = runs.find(isOurs);
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
      const ref = lib.reference(set, records[i]);
      lines.push(JSON.stringify({ system: sys.name, id: records[i].id, ref, pred: sys.preds[i] }));
    });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL(`peers-${set.name}.jsonl`, out), `${lines.join('\n')}\n`);
  const scores = new Map();
  const against = ours && !ours.failed ? ['-against', ours.name] : [];
  const rougeArgs = ['run', './bench/cmd/rouge', '-json', '-split', ...against];
  for (const line of lib.run(process.env.GO ?? 'go', rougeArgs, lines.join('\n'), { cwd: lib.path(lib.root) }).split('\n')) {
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

  // Our margin over the best baseline of each metric: the one with the highest mean F1 there.
  const scored = runs.filter((s) => !s.failed && scores.has(s.name));
  const baselines = scored.filter(isBaseline);
  const triple = (name) => {
    const s = scores.get(name);
    return s ? `${lib.fixed(s.rouge1, 2)} / ${lib.fixed(s.rouge2, 2)} / ${lib.fixed(s.rougeLsum, 2)}` : '—';
  };
  const margins = ['rouge1', 'rouge2', 'rougeLsum'].map((metric) => {
    if (!ours || ours.failed || baselines.length === 0) {
      return { over: '—', label: '—', text: '—' };
    }
    const best = baselines.reduce((a, b) => (scores.get(b.name)[metric] > scores.get(a.name)[metric] ? b : a));
    const m = scores.get(best.name).margin[metric];
    return { over: best.name, label: best.def.label, text: `${signed(m.mean)} [${signed(m.lo)}, ${signed(m.hi)}]` };
  });
  if (ours && !ours.failed && baselines.length > 0) {
    console.log(`\n${ours.name} minus the best baseline of each metric, paired bootstrap 95% interval over articles\n`);
    lib.table(
      ['metric', 'best baseline', 'margin [95%]'],
      ['R1', 'R2', 'RLsum'].map((name, i) => [name, margins[i].over, margins[i].text]),
    );
  }
  const baseline = (label) => triple(baselines.find((s) => s.def.label === label)?.name);
  return {
    set,
    n: records.length,
    ours: ours ? triple(ours.name) : '—',
    baselines: [baseline(`Lead-${set.k}`), baseline('ts-textrank'), baseline('lexrank')],
    margins,
  };

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

function signed(x) {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(2)}` : '—';
}
