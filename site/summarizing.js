// What the page and the extension's panel share around the engine: one summarizer per choice of type and length,
// the words shown for each of the engine's error codes, the status line, and copying a summary as Markdown. The
// panel's copy comes from here (extension/build.mjs), as view.js does, so both say the same thing the same way.
import { Summarizer } from './keypoints.js';

// MESSAGES are what a reader is told for each error code of the engine, and for the two ways the engine itself can
// fail to start (unavailable, load), in words any reader uses. They fit the page and the panel alike.
export const MESSAGES = {
  empty_text: 'There is nothing to summarize yet: the text has no words.',
  text_too_long:
    'This text is too long to summarize here. The limit is 5 MB, hundreds of articles at once: choose one article.',
  unsupported_language:
    'This text does not look like English. keypoints reads English only, so it cannot summarize it.',
  invalid_options: 'That choice of summary is not one keypoints knows. Reload and try again.',
  unavailable:
    'This browser cannot run the summarizer: it needs WebAssembly, which is missing or turned off here.',
  load: 'The summarizer could not start: its files did not load completely. Reload and try again.',
  internal: 'Something went wrong while summarizing this text. Try again, or try another text.',
};

// TEXT_CODES are the codes that are about the text rather than the summarizer: the reader can fix them.
export const TEXT_CODES = new Set(['empty_text', 'text_too_long', 'unsupported_language']);

// KIND_NAMES are the kinds of text the engine reads each its own way, as a reader would name them, in the order
// the menus list them.
export const KIND_NAMES = {
  news: 'News story',
  reference: 'Reference article',
  report: 'Paper or report',
  transcript: 'Meeting or interview',
  chat: 'Chat',
  reviews: 'Reviews',
  story: 'Story or book',
  docs: 'Documentation',
  email: 'E-mail',
  notes: 'Notes or list',
  general: 'General text',
};

/** fillKinds adds an option per kind to select, whose first option ("Detected") lets the engine tell. */
export function fillKinds(select) {
  for (const [value, name] of Object.entries(KIND_NAMES)) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = name;
    select.append(option);
  }
}

/** showKind names the kind r was read as, in the menu's first option when the engine told it. */
export function showKind(select, r) {
  select.options[0].textContent = select.value === '' ? `Detected: ${KIND_NAMES[r.kind] ?? r.kind}` : 'Detected';
  return KIND_NAMES[r.kind] ?? r.kind;
}

/** count says n of word, "1 word" or "1,234 words". */
export function count(n, word) {
  return `${grouped(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * grouped writes a whole number with its thousands separated by commas, as English does. It is not
 * toLocaleString('en'): the first call of that loads the browser's locale data, which took 55 ms of the page's
 * thread just before the first summary appeared.
 */
export function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

// FETCHED is the share of the engine's download progress that keypoints.js reports at most while it fetches and
// compiles keypoints.wasm; past it, the engine's instance is made and starting in its worker.
const FETCHED = 0.8;

/**
 * Summarizers keeps one Summarizer per type and length, made on first use; the engine behind them loads once, and a
 * summarizer that failed to be made is forgotten, so that the next request tries again. While the engine loads for
 * the first time, progress (a div holding the bar) is shown and bar (a <progress>) follows its download. onStarting,
 * when given, runs once, as the engine's download is done and it starts in its worker: from then until it is ready,
 * the page's thread has nothing to do for it.
 */
export class Summarizers {
  loading = 0; // engine loads in flight, to show the progress bar once
  loaded = false; // the engine has started once
  #cache = new Map();
  #progress;
  #bar;
  #onStarting;

  constructor({ progress, bar, onStarting = null }) {
    this.#progress = progress;
    this.#bar = bar;
    this.#onStarting = onStarting;
  }

  /**
   * get resolves to the summarizer for type, length and kind of text ("" lets the engine tell), or rejects with an
   * error whose code is in MESSAGES.
   */
  get(type, length, kind = '') {
    const key = `${type}/${length}/${kind}`;
    let s = this.#cache.get(key);
    if (!s) {
      s = this.#create(type, length, kind);
      this.#cache.set(key, s);
      s.catch(() => this.#cache.delete(key));
    }
    return s;
  }

  async #create(type, length, kind) {
    const options = { type, length, format: 'markdown', kind };
    if ((await Summarizer.availability(options)) === 'unavailable') throw coded('unavailable');
    const first = !this.loaded;
    if (first) this.#start();
    try {
      const s = await Summarizer.create({
        ...options,
        monitor: (m) => {
          if (first) m.addEventListener('downloadprogress', (e) => this.#set(e.loaded));
        },
      });
      this.loaded = true;
      return s;
    } catch (e) {
      // Options the engine refuses say so; anything else means the engine itself did not load.
      throw e?.code === 'invalid_options' || e?.code === 'unsupported_language' ? e : coded('load', e);
    } finally {
      if (first) this.#end();
    }
  }

  // The bar starts indeterminate: until the engine reports a share done, it only says that loading is under way.
  #start() {
    this.loading++;
    this.#progress.hidden = false;
    this.#bar.removeAttribute('value');
  }

  #set(loaded) {
    if (!(Number.isFinite(loaded) && loaded > 0)) return;
    this.#bar.value = Math.min(1, loaded);
    if (loaded > FETCHED) this.#starting();
  }

  #starting() {
    const f = this.#onStarting;
    this.#onStarting = null;
    f?.();
  }

  #end() {
    if (--this.loading > 0) return;
    this.#bar.value = 1;
    this.#progress.hidden = true;
  }
}

/** coded makes the error of one of MESSAGES' codes, with what caused it. */
export function coded(code, cause) {
  const e = new Error(MESSAGES[code], { cause });
  e.code = code;
  return e;
}

/**
 * fail says in status what went wrong with e and returns its code: e's own when MESSAGES has words for it,
 * "internal" otherwise. Failures of the summarizer rather than of the text go to the console too, for a bug report.
 */
export function fail(status, e) {
  const code = e?.code in MESSAGES ? e.code : 'internal';
  say(status, MESSAGES[code], 'error');
  if (code === 'internal' || code === 'load') console.error('keypoints:', e?.cause ?? e);
  return code;
}

/** say shows message in status; kind ("ok", "error", "notice" or "") styles it. */
export function say(status, message, kind = '') {
  status.textContent = message;
  status.className = `status ${kind}`.trim();
}

/** markdown is the summary r (an analyze result) as the engine wrote it, ending in one newline; "" for none. */
export function markdown(r) {
  return r ? r.text.trimEnd() + '\n' : '';
}

/**
 * copyMarkdown puts the summary r on the clipboard as Markdown. Clipboard access can be refused (permissions, an
 * unfocused page); a selected text area copies everywhere, so that is the fallback.
 */
export async function copyMarkdown(r) {
  const md = markdown(r);
  if (!md) return false;
  try {
    await navigator.clipboard.writeText(md);
  } catch {
    const area = document.createElement('textarea');
    area.value = md;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  return true;
}

/** flash shows text on button for a moment, then its own label again. */
export function flash(button, text) {
  const label = button.dataset.label ?? button.textContent;
  button.dataset.label = label;
  button.textContent = text;
  clearTimeout(button._timer);
  button._timer = setTimeout(() => {
    button.textContent = label;
  }, 1500);
}
