// The panel: the key points of the page (or the selection) the user asked about, with the page's look. The
// background reads the page and leaves the text in session storage (see background.js); the panel shows whatever
// arrives there for its window, and runs the engine, keypoints.js, itself (through summarizing.js, the page's).
// Changing type or length summarizes the stored text again, without reading the page again.
//
// Which records the panel follows: those of its window in the side panel or sidebar; those of one tab in the popup
// (the active tab, which it asks the background to read) or when opened as panel.html?tab=ID.
import { MESSAGES, Summarizers, copyMarkdown, count, fail as failIn, fillKinds, flash, say as sayIn, showKind } from './summarizing.js';
import { TYPE_NAMES, renderSummary, renderSource, showPoint, warmType } from './view.js';

const api = globalThis.browser ?? globalThis.chrome;
const params = new URLSearchParams(location.search);

const $ = (id) => document.getElementById(id);
const ui = {
  kicker: $('kicker'),
  articleTitle: $('article-title'),
  progress: $('progress'),
  progressBar: $('progress-bar'),
  status: $('status'),
  elsewhere: $('elsewhere'),
  results: $('results'),
  summaryTitle: $('summary-title'),
  copy: $('copy'),
  summary: $('summary'),
  stats: $('stats'),
  kind: $('kind'),
  source: $('source'),
};

// STATES are what the panel says for each state of a record that has no summary to show, in words any reader uses;
// summarizing.js words the engine's errors.
const STATES = {
  idle:
    'Choose the keypoints button in the toolbar to see the key points of the article on this page, or select ' +
    'some text and choose “Summarize selection” from the menu.',
  reading: 'Reading the page…',
  'no-article':
    'This page has no readable article. keypoints summarizes running text (articles, papers, transcripts, ' +
    'reviews); to summarize part of this page, select the text and choose “Summarize selection” from the menu.',
  'no-selection': 'No text is selected. Select the text to summarize, then choose “Summarize selection” again.',
  unreadable:
    'keypoints cannot read this page. Browsers keep extensions out of their own pages, extension stores and ' +
    'some viewers; open the article itself and try again.',
};

const state = {
  follow: null, // {windowId} or {tabId}: which records this panel shows
  record: null, // the record on screen: {id, kind, state, title, url, text...}, see background.js
  result: null, // the analyze result on screen
  run: 0, // number of the latest summary asked for; older answers are dropped
  lastPoint: null, // link of the point last shown, where Escape returns
};

// summarizers holds one Summarizer per type and length, as the page does; the engine behind them loads once. While
// it starts in its worker, the panel lays out its results' type (view.js, warmType), the way render fills them.
const summarizers = new Summarizers({
  progress: ui.progress,
  bar: ui.progressBar,
  onStarting: () =>
    warmType(ui.results, (r, text) => {
      ui.stats.textContent = text;
      renderSummary(ui.summary, { ...r, type: chosen('type') }, () => {});
      renderSource(ui.source, text, r);
      return [ui.stats, ui.summary, ui.source];
    }),
});

// show puts a record on screen: who it is from, then its summary or what stopped it.
function show(record) {
  state.record = record;
  state.run++;
  ui.elsewhere.hidden = true;
  const from = record.site || hostOf(record.url);
  const kind = record.kind === 'selection' ? 'Selection' : record.state === 'ready' ? 'Article' : 'Page';
  ui.kicker.textContent = [kind, from].filter(Boolean).join(' · ');
  ui.articleTitle.textContent = record.title || from || 'This page';
  ui.articleTitle.hidden = false;
  if (record.state === 'ready') {
    summarize();
    return;
  }
  hideResults();
  say(STATES[record.state] ?? MESSAGES.internal, record.state === 'reading' ? '' : 'notice');
  document.body.dataset.state = record.state;
}

// summarize makes the summary of the record on screen with the chosen type and length. A newer request (another
// record, another choice) makes an older one moot: its answer, or its error, is dropped.
async function summarize() {
  const record = state.record;
  if (record?.state !== 'ready') return;
  const run = ++state.run;
  const type = chosen('type');
  const length = chosen('length');
  const kind = ui.kind.value;
  document.body.dataset.state = 'summarizing';
  ui.results.setAttribute('aria-busy', 'true');
  if (ui.results.hidden) say('Summarizing…');
  try {
    const s = await summarizers.get(type, length, kind);
    if (run !== state.run) return;
    const r = await s.analyze(record.text);
    if (run !== state.run) return;
    render(record, r);
  } catch (e) {
    if (run !== state.run) return;
    fail(e);
  } finally {
    if (run === state.run) ui.results.removeAttribute('aria-busy');
  }
}

function render(record, r) {
  const sameText = ui.results.dataset.record === record.id;
  state.result = r;
  state.lastPoint = null;
  ui.summaryTitle.textContent = TYPE_NAMES[r.type] ?? 'Summary';
  renderSummary(ui.summary, r, point);
  renderSource(ui.source, record.text, r);
  ui.stats.textContent = `${showKind(ui.kind, r)} · ${count(r.stats.words, 'word')} · ${count(r.stats.sentences, 'sentence')}`;
  // A new text starts both panes at the top; a new choice for the same text keeps the reader's place.
  if (!sameText) {
    ui.summary.parentElement.scrollTop = 0;
    ui.source.scrollTop = 0;
  }
  ui.results.dataset.record = record.id;
  ui.results.hidden = false;
  say('');
  document.body.dataset.state = 'ready';
}

function fail(e) {
  hideResults();
  failIn(ui.status, e);
  document.body.dataset.state = 'error';
}

function hideResults() {
  state.result = null;
  ui.results.hidden = true;
  delete ui.results.dataset.record;
}

function say(message, kind) {
  sayIn(ui.status, message, kind);
}

function point(k) {
  state.lastPoint = ui.summary.querySelector(`a[data-point="${k}"]`);
  showPoint(ui.summary, ui.source, k);
}

function chosen(name) {
  return document.querySelector(`input[name="${name}"]:checked`).value;
}

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

async function copy() {
  if (await copyMarkdown(state.result)) flash(ui.copy, 'Copied');
}

// mine says whether a stored record is one this panel follows.
function mine(record) {
  if (!record || typeof record !== 'object') return false;
  const f = state.follow;
  return f.tabId !== undefined ? record.tabId === f.tabId : record.windowId === f.windowId;
}

async function follow() {
  if (params.has('popup')) {
    document.body.classList.add('popup');
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    state.follow = { tabId: tab?.id };
  } else if (params.has('tab')) {
    state.follow = { tabId: Number(params.get('tab')) };
  } else {
    state.follow = { windowId: (await api.windows.getCurrent()).id };
  }
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session') return;
    for (const change of Object.values(changes)) {
      if (mine(change.newValue) && change.newValue.id !== undefined) show(change.newValue);
    }
  });
  // The side panel stays open across the window's tabs; it says when the tab in view is not the one summarized.
  api.tabs.onActivated?.addListener(({ tabId, windowId }) => {
    if (windowId === state.follow.windowId && state.record) ui.elsewhere.hidden = tabId === state.record.tabId;
  });
  const stored = Object.values(await api.storage.session.get(null)).filter(mine);
  stored.sort((a, b) => a.time - b.time);
  if (stored.length > 0 && !state.record) {
    show(stored.at(-1));
  } else if (!state.record) {
    say(STATES.idle, 'notice');
    document.body.dataset.state = 'idle';
  }
  if (params.has('popup') && state.follow.tabId !== undefined) {
    await api.runtime.sendMessage({ type: 'summarize-tab', tabId: state.follow.tabId });
  }
}

// Preferences: the type and length chosen last time, in the extension's own storage.
function restoreChoices() {
  for (const name of ['type', 'length']) {
    const value = localStorage.getItem(`keypoints.${name}`);
    const input = value && document.querySelector(`input[name="${name}"][value="${CSS.escape(value)}"]`);
    if (input) input.checked = true;
  }
}

function wire() {
  fillKinds(ui.kind);
  ui.kind.addEventListener('change', summarize);
  for (const input of document.querySelectorAll('input[name="type"], input[name="length"]')) {
    input.addEventListener('change', () => {
      localStorage.setItem(`keypoints.${input.name}`, input.value);
      summarize();
    });
  }
  ui.source.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.lastPoint?.isConnected) {
      e.preventDefault();
      state.lastPoint.focus();
      state.lastPoint.scrollIntoView({ block: 'nearest' });
    }
  });
  ui.copy.addEventListener('click', copy);
}

restoreChoices();
wire();
follow().catch((e) => fail(e));
