// keypoints: the key points of English news text, grouped by theme, worked out on the user's device.
//
// The module is shaped like the web platform's Summarizer (Writing Assistance APIs), so code written for Chrome's
// built-in summarizer runs on it unchanged:
//
//   import { Summarizer } from './keypoints.js';
//   const summarizer = await Summarizer.create({ type: 'key-points', length: 'medium' });
//   const markdown = await summarizer.summarize(article);
//
// Behind it sits the Go core compiled to WebAssembly (keypoints.wasm, run by Go's wasm_exec.js; both lie beside this
// file). In browsers the engine runs in a module Web Worker (keypoints.worker.js), so a page never freezes while it
// loads or summarizes. Where no Worker exists (Node.js, an extension's service worker), or the browser will not start
// one, it runs on the calling thread; a service worker, where import() is forbidden, imports './wasm_exec.js' itself
// before this module. Either way the engine is loaded once and shared by every Summarizer. The module fetches its own
// files and nothing else, unless setEngineSource tells it where else they are (the single-file page hands it its
// worker and wasm that way).
//
// The summary is extractive: every point is made of pieces of one sentence of the input. The context and
// sharedContext options, which steer a language model, are accepted and ignored: they could not change which
// sentences carry the story.

const TYPES = ['key-points', 'tldr', 'teaser', 'headline'];
const LENGTHS = ['short', 'medium', 'long'];
// "json" is beyond the spec: the summary as JSON text, as the command-line tool's -format json renders it.
const FORMATS = ['markdown', 'plain-text', 'json'];

// The share of downloadprogress given to fetching and compiling the wasm; instantiating it takes the next slice, and
// loading the part-of-speech model (the one slow step after the download) the rest up to 1.
const DOWNLOADED = 0.8;
const INSTANTIATED = 0.85;
// The spec fires progress at most every 50 ms, in steps of 1/65536.
const PROGRESS_INTERVAL_MS = 50;
const PROGRESS_STEPS = 65536;

// WASM_BYTES is the size of keypoints.wasm in bytes, written in here by the build beside it; 0 where it was not.
// Download progress counts the bytes of the wasm as they arrive against it: a server that compresses the wasm sends
// no length of what its body yields (Content-Length, when present, counts the compressed bytes), so without it
// progress jumps from nothing to done.
const WASM_BYTES = 0;

// ENCODINGS are the compressions setEngineSource accepts for wasm given as bytes.
const ENCODINGS = ['identity', 'gzip'];

/**
 * Summarizer summarizes English news text into key points grouped by theme, a TL;DR, a teaser or a headline. Create
 * one with Summarizer.create; the constructor is not public.
 */
export class Summarizer {
  #options;
  #engine;
  #destroyer = new AbortController();

  constructor(token, options, engine) {
    if (token !== constructing) {
      throw new TypeError('Illegal constructor');
    }
    this.#options = options;
    this.#engine = engine;
  }

  /**
   * availability resolves to "available" when summaries with these options can be made here, and "unavailable"
   * otherwise: for a type, format or length outside the documented values, a language other than English in
   * expectedInputLanguages, expectedContextLanguages or outputLanguage, or a runtime without WebAssembly. It rejects
   * with a TypeError for a string that is not a language tag, as the spec says.
   */
  static async availability(options = {}) {
    return unsupported(readOptions(options)) ? 'unavailable' : 'available';
  }

  /**
   * create resolves to a Summarizer once the engine is ready. The first call loads it (fetch, compile, instantiate,
   * and the part-of-speech model); later calls share it. options.monitor, if given, is called with an EventTarget
   * that receives downloadprogress events whose loaded goes from 0 to 1. It rejects with a NotSupportedError for
   * options availability calls unavailable, with the signal's reason if options.signal aborts before the engine is
   * ready, and with a NetworkError or an OperationError if the engine cannot be loaded. Aborting options.signal
   * later destroys the summarizer.
   */
  static async create(options = {}) {
    const opts = readOptions(options);
    const signal = options?.signal;
    if (signal?.aborted) {
      throw signal.reason;
    }
    const why = unsupported(opts);
    if (why) {
      throw withCode(new DOMException(why.message, 'NotSupportedError'), why.code);
    }
    let monitor = null;
    if (options?.monitor !== undefined) {
      if (typeof options.monitor !== 'function') {
        throw new TypeError('keypoints: monitor must be a function');
      }
      monitor = new CreateMonitor();
      options.monitor.call(undefined, monitor);
    }
    let stopped = false; // no events once create has failed
    let fired = -1;
    const fire = (loaded) => {
      if (monitor && !stopped && loaded > fired) {
        fired = loaded;
        monitor.dispatchEvent(progressEvent(loaded));
      }
    };
    const load = sharedEngine();
    fire(0);
    const onProgress = (loaded) => fire(loaded);
    load.listeners.add(onProgress);
    if (!load.engine) {
      fire(load.progress);
    }
    let engine;
    try {
      engine = await untilAborted(load.ready, [signal]);
    } catch (err) {
      stopped = true;
      throw err;
    } finally {
      load.listeners.delete(onProgress);
    }
    fire(1);
    const summarizer = new Summarizer(constructing, opts, engine);
    signal?.addEventListener('abort', () => summarizer.#destroy(signal.reason), { once: true });
    return summarizer;
  }

  /** type is the kind of summary: "key-points", "tldr", "teaser" or "headline". */
  get type() {
    return this.#options.type;
  }

  /** format is how the summary is written: "markdown", "plain-text" or "json". */
  get format() {
    return this.#options.format;
  }

  /** length is "short", "medium" or "long". */
  get length() {
    return this.#options.length;
  }

  /** sharedContext is the string given to create, "" when none was; the summary does not depend on it. */
  get sharedContext() {
    return this.#options.sharedContext;
  }

  /** expectedInputLanguages is the frozen list of best-fit language tags given to create (["en"]), or null. */
  get expectedInputLanguages() {
    return this.#options.expectedInputLanguages;
  }

  /** expectedContextLanguages is like expectedInputLanguages, for the context strings. */
  get expectedContextLanguages() {
    return this.#options.expectedContextLanguages;
  }

  /** outputLanguage is the best-fit language tag given to create ("en"), or null. */
  get outputLanguage() {
    return this.#options.outputLanguage;
  }

  /** inputQuota is the largest input accepted, in the units of measureInputUsage: UTF-8 bytes (5 MB). */
  get inputQuota() {
    return this.#engine.maxTextBytes;
  }

  /**
   * summarize resolves to the summary of input, written in this summarizer's type, length and format. Input with
   * no words (empty, whitespace, or only markup) gives "", as the spec asks. It rejects with a NotSupportedError
   * (code "unsupported_language") for text that is clearly not English, with a QuotaExceededError (code
   * "text_too_long") for input over inputQuota, and with the abort reason if options.signal aborts or the
   * summarizer is destroyed before the summary is ready. options.context is ignored.
   */
  async summarize(input, options = {}) {
    try {
      return await this.#run('text', input, options);
    } catch (err) {
      if (err?.code === 'empty_text') {
        return '';
      }
      throw err;
    }
  }

  /**
   * summarizeStreaming returns a ReadableStream of string chunks that concatenate to what summarize resolves to:
   * the finished summary, a line at a time. Errors and aborts error the stream; a signal already aborted throws.
   */
  summarizeStreaming(input, options = {}) {
    throwIfAborted(this.#signals(options));
    let canceled = false;
    return new ReadableStream({
      start: (controller) => {
        this.summarize(input, options).then(
          (text) => {
            if (canceled) {
              return;
            }
            for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
              controller.enqueue(line);
            }
            controller.close();
          },
          (err) => {
            if (!canceled) {
              controller.error(err);
            }
          },
        );
      },
      cancel() {
        canceled = true;
      },
    });
  }

  /**
   * measureInputUsage resolves to how much of inputQuota input uses: its length in UTF-8 bytes, the measure the
   * engine's limit is written in. options.context is ignored, as it is by summarize, and so does not count.
   */
  async measureInputUsage(input, options = {}) {
    throwIfAborted(this.#signals(options));
    return utf8Length(String(input));
  }

  /**
   * analyze resolves to the whole structured summary behind summarize's text (the Summary of keypoints.d.ts):
   * themes, key points with the spans of input they come from, sentences, entities, quotes, figures and counts.
   * Spans are UTF-16 offsets into input, so input.slice(span.start, span.end) is the passage a point was taken
   * from. Unlike summarize it rejects input with no words, with an Error whose code is "empty_text"; other errors
   * are summarize's. It costs about half as much again as summarize, which finds no entities, quotes or figures
   * and passes only the text back.
   */
  async analyze(input, options = {}) {
    return JSON.parse(await this.#run('summary', input, options));
  }

  /**
   * destroy stops the summarizer: calls in flight and every later call reject with an "AbortError" DOMException.
   * The engine stays loaded for the other summarizers of the page.
   */
  destroy() {
    this.#destroy(new DOMException('keypoints: the summarizer has been destroyed', 'AbortError'));
  }

  #destroy(reason) {
    this.#destroyer.abort(reason);
  }

  // The destruction signal comes first: when both have aborted, its reason is the one reported, as with the
  // spec's dependent signal.
  #signals(options) {
    return [this.#destroyer.signal, options?.signal];
  }

  async #run(method, input, options) {
    const signals = this.#signals(options);
    throwIfAborted(signals);
    const text = String(input);
    const requested = utf8Length(text);
    if (requested > this.inputQuota) {
      throw quotaExceeded(`keypoints: the input is ${requested} bytes, the limit is ${this.inputQuota}`, requested, this.inputQuota);
    }
    const opts = this.#options;
    const optionsJSON = JSON.stringify({ Type: opts.type, Length: opts.length, Format: opts.format });
    try {
      return await untilAborted(this.#engine.run(method, text, optionsJSON), signals);
    } catch (err) {
      throw signals.some((s) => s?.aborted && s.reason === err) ? err : engineError(err, requested, this.inputQuota);
    }
  }
}

// constructing guards the constructor: only create makes Summarizers.
const constructing = Symbol('constructing');

/** CreateMonitor is the EventTarget create hands to options.monitor; it receives downloadprogress events. */
class CreateMonitor extends EventTarget {
  #handler = null;

  get ondownloadprogress() {
    return this.#handler;
  }

  set ondownloadprogress(fn) {
    if (this.#handler) {
      this.removeEventListener('downloadprogress', this.#handler);
    }
    this.#handler = typeof fn === 'function' ? fn : null;
    if (this.#handler) {
      this.addEventListener('downloadprogress', this.#handler);
    }
  }
}

// progressEvent is a ProgressEvent where the runtime has one that carries fractions (older browsers truncate loaded
// to an integer), and an Event with the same fields elsewhere (Node.js has no ProgressEvent).
function progressEvent(loaded) {
  if (typeof ProgressEvent === 'function') {
    const e = new ProgressEvent('downloadprogress', { loaded, total: 1, lengthComputable: true });
    if (e.loaded === loaded) {
      return e;
    }
  }
  const e = new Event('downloadprogress');
  for (const [name, value] of Object.entries({ loaded, total: 1, lengthComputable: true })) {
    Object.defineProperty(e, name, { value, enumerable: true });
  }
  return e;
}

// readOptions reads create's or availability's options as Web IDL would: absent values take the spec's defaults,
// other values become strings, language tags are canonicalized (a TypeError for one that is not a tag) and replaced
// by their best fit among the languages supported, which for English is "en".
function readOptions(options) {
  if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object' && typeof options !== 'function') {
    throw new TypeError('keypoints: options must be an object');
  }
  const str = (value, fallback) => (value === undefined ? fallback : String(value));
  const outputLanguage = options.outputLanguage === undefined ? null : bestFit(languageTag(options.outputLanguage));
  return {
    type: str(options.type, 'key-points'),
    format: str(options.format, 'markdown'),
    length: str(options.length, 'short'),
    sharedContext: str(options.sharedContext, ''),
    expectedInputLanguages: languageList(options.expectedInputLanguages, 'expectedInputLanguages'),
    expectedContextLanguages: languageList(options.expectedContextLanguages, 'expectedContextLanguages'),
    outputLanguage,
  };
}

function languageList(value, name) {
  if (value === undefined) {
    return null;
  }
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') {
    throw new TypeError(`keypoints: ${name} must be a list of language tags`);
  }
  const tags = [...new Set(Array.from(value, (tag) => bestFit(languageTag(tag))))];
  return tags.length ? Object.freeze(tags) : null;
}

function languageTag(tag) {
  try {
    return Intl.getCanonicalLocales(String(tag))[0];
  } catch {
    throw new TypeError(`keypoints: ${JSON.stringify(String(tag))} is not a language tag`);
  }
}

// bestFit maps any English tag (en, en-US, en-Latn-GB...) to "en", the one language supported, and leaves the
// others as they are so that unsupported can name them.
function bestFit(tag) {
  return tag.split('-')[0] === 'en' ? 'en' : tag;
}

// unsupported says why summaries with opts cannot be made here, as {code, message}, or returns null.
function unsupported(opts) {
  const bad = (what, value, values) =>
    values.includes(value) ? null : { code: 'invalid_options', message: `keypoints: ${what} "${value}" is not one of ${values.join(', ')}` };
  const why = bad('type', opts.type, TYPES) ?? bad('format', opts.format, FORMATS) ?? bad('length', opts.length, LENGTHS);
  if (why) {
    return why;
  }
  const languages = [...(opts.expectedInputLanguages ?? []), ...(opts.expectedContextLanguages ?? []), opts.outputLanguage ?? 'en'];
  const other = languages.find((tag) => tag !== 'en');
  if (other) {
    return { code: 'unsupported_language', message: `keypoints: only English is supported, not "${other}"` };
  }
  if (typeof WebAssembly !== 'object') {
    return { code: 'internal', message: 'keypoints: this runtime has no WebAssembly' };
  }
  return null;
}

// utf8Length is the length of s in UTF-8, without encoding it. A lone surrogate counts as U+FFFD, three bytes, as
// TextEncoder (and so the engine) writes it.
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else {
      n += 3;
    }
  }
  return n;
}

function throwIfAborted(signals) {
  for (const s of signals) {
    if (s?.aborted) {
      throw s.reason;
    }
  }
}

// untilAborted settles like work, unless one of signals aborts first: then it rejects with that signal's reason at
// once. The work itself runs on; its result is dropped.
function untilAborted(work, signals) {
  signals = signals.filter(Boolean);
  return new Promise((resolve, reject) => {
    const listeners = signals.map((s) => {
      const onAbort = () => {
        done();
        reject(s.reason);
      };
      s.addEventListener('abort', onAbort, { once: true });
      return onAbort;
    });
    const done = () => signals.forEach((s, i) => s.removeEventListener('abort', listeners[i]));
    try {
      throwIfAborted(signals);
    } catch (err) {
      done();
      reject(err);
      return;
    }
    work.then(
      (value) => {
        done();
        resolve(value);
      },
      (err) => {
        done();
        reject(err);
      },
    );
  });
}

// withCode gives err our stable code. DOMException has a numeric legacy code getter on its prototype; an own
// property shadows it.
function withCode(err, code) {
  Object.defineProperty(err, 'code', { value: code, enumerable: true, configurable: true });
  return err;
}

function quotaExceeded(message, requested, quota) {
  let err;
  if (typeof QuotaExceededError === 'function') {
    try {
      err = new QuotaExceededError(message, { requested, quota });
    } catch {
      err = undefined;
    }
  }
  if (!err) {
    err = new DOMException(message, 'QuotaExceededError');
    Object.defineProperties(err, {
      requested: { value: requested, enumerable: true },
      quota: { value: quota, enumerable: true },
    });
  }
  return withCode(err, 'text_too_long');
}

// engineError turns an error from the engine ({code, message}, an Error from the Go bridge or a plain object from
// the worker) into what callers receive: the DOMException Chrome's summarizer raises in that case, carrying our code.
function engineError(err, requested, quota) {
  const code = typeof err?.code === 'string' ? err.code : 'internal';
  const message = String(err?.message ?? err);
  switch (code) {
    case 'unsupported_language':
    case 'invalid_options':
      return withCode(new DOMException(message, 'NotSupportedError'), code);
    case 'text_too_long':
      return quotaExceeded(message, requested, quota);
    case 'empty_text':
      return withCode(new Error(message), code);
    default:
      if (err?.name === 'NetworkError' || err?.name === 'OperationError') {
        return withCode(new DOMException(message, err.name), 'internal');
      }
      return withCode(new DOMException(message, 'UnknownError'), 'internal');
  }
}

// beside is the URL of a file that lies beside this module. It is worked out only when a default is needed: a module
// loaded from a data: URL, such as the single-file page's worker, has no folder.
function beside(name) {
  return new URL(name, import.meta.url);
}

// source is where the engine comes from: what setEngineSource was given, the defaults for the rest.
let source = {};

/**
 * setEngineSource changes where the engine comes from, for pages that cannot load it from the files beside this
 * module (a page saved as one file, a bundle that moves files). Fields left out keep their defaults:
 *
 *   wasm      keypoints.wasm: a URL, its bytes (a Blob, ArrayBuffer or typed array), or a function that returns or
 *             resolves to either, called once, when the engine loads. Default: keypoints.wasm beside this module.
 *   encoding  "gzip" when wasm is given as gzipped bytes; "identity" (the default) otherwise. A fetched URL is
 *             decoded by the browser, whatever its server sends.
 *   bytes     the size of keypoints.wasm, uncompressed, which download progress counts against. Default: the size
 *             the build wrote into this module for its own keypoints.wasm, or else what the response says.
 *   worker    the URL of the worker's module script, which must do what keypoints.worker.js does; null runs the
 *             engine on the calling thread. Default: keypoints.worker.js beside this module where Worker exists,
 *             null elsewhere.
 *
 * It throws a TypeError for a value of the wrong kind, and an InvalidStateError DOMException once the engine has
 * started loading: the engine is shared by every Summarizer of the page and loads once.
 */
export function setEngineSource(next = {}) {
  if (shared && (!shared.engine || shared.engine.alive)) {
    throw new DOMException('keypoints: the engine has started loading; set its source before the first create', 'InvalidStateError');
  }
  if (next === null || typeof next !== 'object') {
    throw new TypeError('keypoints: the engine source must be an object');
  }
  const { wasm, encoding = 'identity', bytes = 0, worker } = next;
  if (wasm !== undefined && typeof wasm !== 'function' && !isWasmSource(wasm)) {
    throw new TypeError('keypoints: wasm must be a URL, a Blob, an ArrayBuffer, a typed array or a function');
  }
  if (!ENCODINGS.includes(encoding)) {
    throw new TypeError(`keypoints: encoding "${encoding}" is not one of ${ENCODINGS.join(', ')}`);
  }
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new TypeError('keypoints: bytes must be a whole number of bytes');
  }
  if (worker !== undefined && worker !== null && typeof worker !== 'string' && !(worker instanceof URL)) {
    throw new TypeError('keypoints: worker must be a URL or null');
  }
  source = { wasm, encoding, bytes, worker };
}

function isWasmSource(wasm) {
  return (
    typeof wasm === 'string' ||
    wasm instanceof URL ||
    (typeof Blob === 'function' && wasm instanceof Blob) ||
    wasm instanceof ArrayBuffer ||
    ArrayBuffer.isView(wasm)
  );
}

// The engine, loaded once per page (or process) and shared by every Summarizer. listeners hear its load progress,
// from 0 up to (not including) 1; ready resolves to the engine, {run, maxTextBytes, alive}. A failed load, or an
// engine that stopped, is forgotten, so that a later create starts again.
let shared = null;

function sharedEngine() {
  if (shared && (!shared.engine || shared.engine.alive)) {
    return shared;
  }
  const load = { progress: 0, listeners: new Set(), ready: null, engine: null };
  const report = (fraction) => {
    const loaded = Math.min(Math.floor(fraction * PROGRESS_STEPS), PROGRESS_STEPS - 1) / PROGRESS_STEPS;
    if (loaded > load.progress) {
      load.progress = loaded;
      for (const listener of load.listeners) {
        listener(loaded);
      }
    }
  };
  load.ready = startEngine(source, report).catch((err) => {
    throw loadFailure(err);
  });
  load.ready.then(
    (engine) => {
      load.engine = engine;
    },
    () => {
      if (shared === load) {
        shared = null;
      }
    },
  );
  shared = load;
  return load;
}

// startEngine loads the engine in a worker, or on this thread where there is none to use: where Worker is missing,
// where the source says so, or where the worker cannot start at all (a browser that refuses it, a script that does
// not load).
async function startEngine(src, report) {
  const wasm = wasmSource(src);
  // A wasm that cannot be had fails the load from here; the worker hears nothing of it.
  wasm.catch(() => {});
  const worker = src.worker !== undefined ? src.worker : typeof Worker === 'function' ? beside('./keypoints.worker.js') : null;
  if (worker !== null) {
    try {
      return await startWorker(worker, wasm, report);
    } catch (err) {
      if (err !== noWorker) {
        throw err;
      }
    }
  }
  return loadEngine(report, await wasm);
}

// loadFailure is the error create rejects with when the engine cannot be loaded: a NetworkError when the wasm
// cannot be fetched, an OperationError for everything else (a wasm that does not compile, a runtime that does not
// start), each with code "internal".
function loadFailure(err) {
  if (err?.name === 'NetworkError' || err?.name === 'OperationError') {
    return err;
  }
  return withCode(new DOMException(`keypoints: the engine did not load: ${err?.message ?? err}`, 'OperationError'), 'internal');
}

// wasmSource is what loadEngine needs of src, in a form a worker can be sent: the function called, a URL made
// absolute against the page, so that the worker, whose base is its script, reads the same file.
async function wasmSource({ wasm, encoding, bytes }) {
  let w = typeof wasm === 'function' ? await wasm() : wasm;
  if (w !== undefined && !isWasmSource(w)) {
    throw new TypeError('keypoints: the wasm function must give a URL, a Blob, an ArrayBuffer or a typed array');
  }
  if (typeof w === 'string' || w instanceof URL) {
    w = new URL(w, globalThis.location?.href).href;
  }
  return { wasm: w, encoding, bytes };
}

// noWorker is how startWorker says that its worker never started, so that the engine may load on this thread.
const noWorker = new Error('keypoints: the worker did not start');

// startWorker runs the engine in a module Web Worker and resolves to a proxy that forwards calls to it. Replies are
// matched to calls by id, so any number may be in flight. The worker starts at once and loads the engine from wasm
// (a promise of wasmSource's result) once that is ready. It rejects with noWorker when the worker cannot be made,
// or fails before it says anything.
function startWorker(url, wasm, report) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(url, { type: 'module', name: 'keypoints' });
    } catch {
      reject(noWorker);
      return;
    }
    const pending = new Map();
    let nextID = 1;
    let heard = false;
    let failure = null;
    const fail = (err) => {
      failure = err;
      worker.terminate();
      reject(err);
      for (const call of pending.values()) {
        call.reject(err);
      }
      pending.clear();
    };
    const engine = {
      maxTextBytes: 0,
      get alive() {
        return !failure;
      },
      run(method, text, optionsJSON) {
        if (failure) {
          return Promise.reject(failure);
        }
        const id = nextID++;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, method, text, options: optionsJSON });
        });
      },
    };
    worker.addEventListener('message', ({ data }) => {
      heard = true;
      if ('progress' in data) {
        report(data.progress);
      } else if ('ready' in data) {
        engine.maxTextBytes = data.ready.maxTextBytes;
        resolve(engine);
      } else if ('loadError' in data) {
        fail(engineError(data.loadError));
      } else {
        const call = pending.get(data.id);
        pending.delete(data.id);
        if ('error' in data) {
          call?.reject(data.error);
        } else {
          call?.resolve(data.result);
        }
      }
    });
    worker.addEventListener('error', (e) => {
      e?.preventDefault?.();
      if (!heard) {
        failure = noWorker;
        worker.terminate();
        reject(noWorker);
        return;
      }
      const detail = e?.message ? `: ${e.message}` : '';
      fail(withCode(new DOMException(`keypoints: the worker stopped${detail}`, 'OperationError'), 'internal'));
    });
    wasm.then(
      (load) => worker.postMessage({ load }),
      (err) => fail(err),
    );
  });
}

/**
 * loadEngine loads the WebAssembly engine on the calling thread and resolves to {run, maxTextBytes}, calling
 * onProgress with fractions from 0 to below 1 on the way. Summarizer calls it where no worker runs the engine and
 * keypoints.worker.js calls it inside its worker; applications want Summarizer. wasm is where keypoints.wasm comes
 * from: {wasm, encoding, bytes} as setEngineSource takes them, wasm a URL or bytes (not a function); by default the
 * file beside this module. run(method, text, optionsJSON) resolves to the summary's JSON (method "summary") or its
 * text (method "text"), and rejects with an Error whose code is the engine's.
 */
export async function loadEngine(onProgress = () => {}, wasm = {}) {
  onProgress(0);
  const [, module] = await Promise.all([loadGo(), compileWasm(wasm, onProgress)]);
  onProgress(DOWNLOADED);
  const go = new globalThis.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  // run returns once main blocks, with the bridge registered; its promise settles only if the Go program exits.
  go.run(instance).then(stop, stop);
  const api = globalThis.__keypoints;
  delete globalThis.__keypoints;
  if (!api) {
    throw withCode(new DOMException('keypoints: the engine did not start', 'OperationError'), 'internal');
  }
  onProgress(INSTANTIATED);
  await api.warm();
  return {
    maxTextBytes: api.maxTextBytes,
    get alive() {
      return !stopped;
    },
    async run(method, text, optionsJSON) {
      if (stopped) {
        throw withCode(new Error('keypoints: the engine has stopped'), 'internal');
      }
      return method === 'text' ? api.text(text, optionsJSON) : api.summarize(text, optionsJSON);
    },
  };
}

// loadGo makes sure Go's wasm_exec.js has defined globalThis.Go, importing it from beside this module when nothing
// has. Where import() is forbidden or cannot reach the file, whoever runs the module defines Go first: a service
// worker imports wasm_exec.js statically before this module, and the single-file page inlines it.
async function loadGo() {
  if (typeof globalThis.Go === 'function') {
    return;
  }
  try {
    await import('./wasm_exec.js');
  } catch (err) {
    throw withCode(new DOMException(`keypoints: loading wasm_exec.js failed: ${err?.message ?? err}`, 'OperationError'), 'internal');
  }
}

// compileWasm compiles keypoints.wasm as it arrives, from where wasm says (see loadEngine): from disk for a file: URL
// (Node.js), fetched for another URL, unpacked for bytes. Progress counts the bytes of the wasm against, in this
// order, the size given, the size the build wrote in (for the default file), and the size the source itself gives
// when it is not compressed.
async function compileWasm({ wasm, encoding = 'identity', bytes = 0 }, onProgress) {
  let body;
  let total = bytes;
  if (wasm === undefined || typeof wasm === 'string' || wasm instanceof URL) {
    const url = wasm === undefined ? beside('./keypoints.wasm') : new URL(wasm);
    if (wasm === undefined) {
      total ||= WASM_BYTES;
    }
    if (url.protocol === 'file:') {
      const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
      return WebAssembly.compile(await readFile(url));
    }
    let response;
    try {
      response = await fetch(url);
    } catch (err) {
      throw withCode(new DOMException(`keypoints: fetching ${url} failed: ${err?.message ?? err}`, 'NetworkError'), 'internal');
    }
    if (!response.ok) {
      throw withCode(new DOMException(`keypoints: fetching ${url} failed: HTTP ${response.status}`, 'NetworkError'), 'internal');
    }
    // A compressed response's Content-Length counts compressed bytes, not the ones the body yields.
    const coding = response.headers.get('Content-Encoding');
    if (!coding || coding === 'identity') {
      total ||= Number(response.headers.get('Content-Length'));
    }
    body = response.body;
  } else {
    // Bytes are read through a Response rather than a Blob: WebKit cannot read a Blob in a worker started from a
    // data: URL (the single file's), and fails with NotReadableError.
    body = wasm instanceof Blob ? wasm.stream() : new Response(wasm).body;
    if (encoding === 'gzip') {
      body = body.pipeThrough(new DecompressionStream('gzip'));
    } else {
      total ||= wasm instanceof Blob ? wasm.size : wasm.byteLength;
    }
  }
  if (body && total > 0) {
    let loaded = 0;
    let last = 0;
    body = body.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          loaded += chunk.byteLength;
          const now = Date.now();
          if (now - last >= PROGRESS_INTERVAL_MS) {
            last = now;
            onProgress(DOWNLOADED * Math.min(loaded / total, 1));
          }
          controller.enqueue(chunk);
        },
      }),
    );
  }
  // A fresh Response with the right type, so that streaming compilation works whatever type the server sends.
  const wasmResponse = new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
  if (typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(wasmResponse);
  }
  return WebAssembly.compile(await wasmResponse.arrayBuffer());
}
