// The page: paste an article, get its key points. The engine is keypoints.js, which mirrors the web platform's
// Summarizer API and runs on this device; the page only asks it for summaries and shows them.
import { Summarizers, TEXT_CODES, coded, copyMarkdown, count, fail as failIn, fillKinds, flash, grouped, markdown, say as sayIn, showKind } from './summarizing.js';
import { TYPE_NAMES, renderSummary, renderSource, showPoint, showSpan, warmType } from './view.js';
import { renderFacts } from './facts.js';

const $ = (id) => document.getElementById(id);
const ui = {
  text: $('text'),
  clear: $('clear'),
  summarize: $('summarize'),
  progress: $('progress'),
  progressBar: $('progress-bar'),
  status: $('status'),
  results: $('results'),
  summaryTitle: $('summary-title'),
  articleTitle: $('article-title'),
  stats: $('stats'),
  summary: $('summary'),
  facts: $('facts'),
  factsBody: $('facts-body'),
  source: $('source'),
  copy: $('copy'),
  download: $('download'),
  kind: $('kind'),
};

const state = {
  run: 0, // number of the latest summary asked for; older answers are dropped
  abort: null, // AbortController of the summary in flight
  result: null, // the analyze result on screen, with .source holding the text it was made from
  lastChoice: null, // the point's link or the fact's button last chosen, where Escape returns
  shown: 0, // summaries shown so far, as data-shown on the results: a new summary is one a test can wait for
  busy: 0, // summaries being made
  offline: false, // the service worker has been registered
};

// summarizers holds one Summarizer per type and length; the engine behind them loads once. While it starts in its
// worker, the page lays out its results' type.
const summarizers = new Summarizers({ progress: ui.progress, bar: ui.progressBar, onStarting: warmResults });

// summarize asks for the summary of the text in the box with the chosen type and length, and shows it. A newer
// request makes an older one moot: its answer, or its error, is dropped.
async function summarize() {
  const text = ui.text.value;
  const type = chosen('type');
  const length = chosen('length');
  const kind = ui.kind.value;
  const run = ++state.run;
  state.abort?.abort();
  const abort = new AbortController();
  state.abort = abort;

  if (text.trim() === '') {
    fail(coded('empty_text'));
    return;
  }
  ui.results.setAttribute('aria-busy', 'true');
  if (!summarizers.loaded) say('Loading the summarizer…');
  state.busy++;
  try {
    const s = await summarizers.get(type, length, kind);
    if (run !== state.run) return;
    const started = performance.now();
    const r = await s.analyze(text, { signal: abort.signal });
    const ms = performance.now() - started;
    if (run !== state.run) return;
    show(text, r, ms);
  } catch (e) {
    if (run !== state.run || e?.name === 'AbortError') return;
    fail(e);
  } finally {
    if (run === state.run) ui.results.removeAttribute('aria-busy');
    state.busy--;
    offlineWhenIdle();
  }
}

function show(text, r, ms) {
  state.result = { ...r, source: text };
  state.lastChoice = null;
  ui.summaryTitle.textContent = TYPE_NAMES[r.type] ?? 'Summary';
  ui.articleTitle.hidden = !r.title;
  ui.articleTitle.textContent = r.title ? `From “${r.title}”` : '';
  // What the text was read as, so a reader can see it and pick another kind when the guess is wrong.
  ui.stats.textContent =
    `${showKind(ui.kind, r)} · ${count(r.stats.words, 'word')} · ${count(r.stats.sentences, 'sentence')} · ` +
    `${ms < 1 ? '<1' : grouped(Math.round(ms))} ms`;
  renderSummary(ui.summary, r, point);
  renderSource(ui.source, text, r);
  ui.facts.hidden = !renderFacts(ui.factsBody, r, fact);
  // A new summary starts the article pane at the top, where a reader starts too.
  ui.source.scrollTop = 0;
  ui.results.classList.remove('stale');
  ui.results.hidden = false;
  ui.results.dataset.shown = String(++state.shown);
  ui.text.setAttribute('aria-invalid', 'false');
  say(readyMessage(r), 'ok');
}

// warmResults lays out the results' type before the first summary (view.js, warmType), the way show fills them.
function warmResults() {
  const noop = () => {};
  warmType(ui.results, (r, text) => {
    ui.stats.textContent = text;
    renderSummary(ui.summary, { ...r, type: chosen('type') }, noop);
    renderSource(ui.source, text, r);
    renderFacts(ui.factsBody, r, noop);
    return [ui.stats, ui.summary, ui.source, ui.factsBody];
  });
}

function readyMessage(r) {
  if (r.type !== 'key-points') return `${TYPE_NAMES[r.type]} ready.`;
  const themes = r.themes.filter((t) => t.keyPoints.length > 0).length;
  return `${count(r.keyPoints.length, 'key point')} in ${count(themes, 'theme')}.`;
}

// fail shows what went wrong. The text in the box is left exactly as it is; the summary of another text is hidden
// rather than shown next to this one.
function fail(e) {
  state.result = null;
  ui.results.hidden = true;
  ui.text.setAttribute('aria-invalid', String(TEXT_CODES.has(failIn(ui.status, e))));
}

function say(message, kind) {
  sayIn(ui.status, message, kind);
}

// point shows the source of key point k.
function point(k) {
  state.lastChoice = ui.summary.querySelector(`a[data-point="${k}"]`);
  showPoint(ui.results, ui.source, k);
}

// fact shows a span of the text that button, an item of the side section, stands for.
function fact(span, button) {
  state.lastChoice = button;
  showSpan(ui.results, ui.source, span, button);
}

function chosen(name) {
  return document.querySelector(`input[name="${name}"]:checked`).value;
}

async function copy() {
  if (!(await copyMarkdown(state.result))) return;
  flash(ui.copy, 'Copied');
  say('Copied the summary as Markdown.', 'ok');
}

function downloadMarkdown() {
  const md = markdown(state.result);
  if (!md) return;
  const url = URL.createObjectURL(new Blob([md], { type: 'text/markdown;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(state.result);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// fileName names the download after the article: its title, or its first point, in a few plain words.
function fileName(r) {
  const from = r.title || r.keyPoints[0]?.text || 'summary';
  const slug = from
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 6)
    .join('-');
  return `keypoints-${slug || 'summary'}.md`;
}

// Preferences: the type and length chosen last time, and whether the side section was open. Storage can be refused
// (private modes, file pages); the page then starts from its defaults.
function restoreChoices() {
  for (const name of ['type', 'length']) {
    let value = null;
    try {
      value = localStorage.getItem(`keypoints.${name}`);
    } catch {}
    const input = value && document.querySelector(`input[name="${name}"][value="${CSS.escape(value)}"]`);
    if (input) input.checked = true;
  }
  try {
    if (localStorage.getItem('keypoints.facts') === 'closed') ui.facts.open = false;
  } catch {}
}

function saveChoice(name, value) {
  try {
    localStorage.setItem(`keypoints.${name}`, value);
  } catch {}
}

function updateClear() {
  ui.clear.hidden = ui.text.value === '';
}

function wire() {
  fillKinds(ui.kind);
  ui.text.addEventListener('input', (e) => {
    updateClear();
    if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') {
      summarize();
    } else if (state.result && ui.text.value !== state.result.source) {
      ui.results.classList.add('stale');
      say('The text changed. Press Ctrl+Enter or Summarize to update the summary.');
    }
  });
  // Pasting anywhere on the page, not only in the box, puts the text in the box and summarizes it.
  document.addEventListener('paste', (e) => {
    if (e.target === ui.text || e.target.closest?.('input, textarea, [contenteditable]')) return;
    const text = e.clipboardData?.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    ui.text.value = text;
    updateClear();
    summarize();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      summarize();
    }
  });
  ui.summarize.addEventListener('click', summarize);
  ui.clear.addEventListener('click', () => {
    ui.text.value = '';
    state.run++;
    state.result = null;
    ui.results.hidden = true;
    ui.text.removeAttribute('aria-invalid');
    updateClear();
    say('');
    ui.text.focus();
  });
  ui.kind.addEventListener('change', () => {
    if (ui.text.value.trim() !== '') summarize();
  });
  for (const input of document.querySelectorAll('input[name="type"], input[name="length"]')) {
    input.addEventListener('change', () => {
      saveChoice(input.name, input.value);
      if (ui.text.value.trim() !== '') summarize();
    });
  }
  ui.source.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.lastChoice?.isConnected) {
      e.preventDefault();
      state.lastChoice.focus();
      state.lastChoice.scrollIntoView({ block: 'nearest' });
    }
  });
  ui.facts.addEventListener('toggle', () => saveChoice('facts', ui.facts.open ? 'open' : 'closed'));
  ui.copy.addEventListener('click', copy);
  ui.download.addEventListener('click', downloadMarkdown);
}

// offlineWhenIdle registers the service worker once the engine has loaded (or failed to) and no summary is being
// made. On a first visit the worker fetches every file again to keep it; beside the engine's download and the first
// summary, that took the cores they needed, and afterwards the files come from the HTTP cache.
function offlineWhenIdle() {
  if (state.offline || state.busy > 0 || summarizers.loading > 0) return;
  state.offline = true;
  registerOffline();
}

// The service worker keeps the page working offline. The single-file page has no manifest and no worker to
// register: it is already whole.
function registerOffline() {
  if (!('serviceWorker' in navigator) || !document.querySelector('link[rel="manifest"]')) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('keypoints: offline use unavailable:', e));
  // A new version took over while this page runs the old one. Before the engine loads, its files would come from
  // the new version: reload into it at once when nothing is lost, or say so.
  const updating = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!updating || summarizers.loaded) return;
    if (summarizers.loading === 0 && ui.text.value === '') location.reload();
    else say('A new version of keypoints is ready. Reload the page to use it; copy your text first.');
  });
}

// The engine starts loading as the page opens: a reader comes to paste, and by then it is ready or nearly. It is
// the summarizer the first paste will ask for, so that the paste finds it made.
restoreChoices();
wire();
updateClear();
summarizers
  .get(chosen('type'), chosen('length'), ui.kind.value)
  .catch(() => {})
  .finally(offlineWhenIdle);
