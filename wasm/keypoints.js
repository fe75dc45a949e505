// keypoints: the key points of English text, grouped by theme, worked out on the user's device.
//
// The module is shaped like the web platform's Summarizer (Writing Assistance APIs), so code written for Chrome's
// built-in summarizer runs on it unchanged:
//
//   import { Summarizer } from './keypoints.js';
//   const summarizer = await Summarizer.create({ type: 'key-points', length: 'medium' });
//   const markdown = await summarizer.summarize(article);
//
// The module is the entry of four, one job each: this one is the Summarizer API; keypoints.options.js reads and
// checks options; keypoints.errors.js makes the errors callers receive; keypoints.engine.js loads the Go core,
// compiled to WebAssembly (keypoints.wasm, run by Go's wasm_exec.js), in a Web Worker (keypoints.worker.js) or on
// the calling thread, once, for every Summarizer. All of them lie beside this file, and the module fetches those
// files and nothing else, unless setEngineSource tells it where else they are (the single-file page hands it its
// worker and wasm that way).
//
// The summary is extractive: every point is made of pieces of one sentence of the input. The context and
// sharedContext options, which steer a language model, are read for one thing only: the kind of text they name
// ("a meeting transcript", "customer reviews"), which changes how the text is read; create's kind option, beyond
// the spec, says it outright.

import { engineOptions, readOptions, unsupported } from './keypoints.options.js';
import { engineError, quotaExceeded, withCode } from './keypoints.errors.js';
import { sharedEngine } from './keypoints.engine.js';

export { loadEngine, setEngineSource } from './keypoints.engine.js';

/**
 * Summarizer summarizes English text into key points grouped by theme, a TL;DR, a teaser or a headline. Create
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
   * otherwise: for a language other than English in expectedInputLanguages, expectedContextLanguages or
   * outputLanguage, a runtime without WebAssembly, or a document whose permissions policy does not allow
   * "summarizer" (see allowedByPolicy). As the spec's Web IDL says, it rejects with a TypeError for a type, format,
   * length or preference outside its enum, with a RangeError for a malformed language tag, and with an
   * InvalidStateError when the document is not fully active.
   */
  static async availability(options = {}) {
    const opts = readOptions(options);
    throwIfInactive();
    return unsupported(opts) || !allowedByPolicy() ? 'unavailable' : 'available';
  }

  /**
   * create resolves to a Summarizer once the engine is ready. The first call loads it (fetch, compile, instantiate,
   * and the part-of-speech model); later calls share it. options.monitor, if given, is called with an EventTarget
   * that receives downloadprogress events whose loaded goes from 0 to 1, each in a task of its own, as the spec
   * queues them, so that a listener may still abort create. It rejects as availability does for options outside
   * the enums and malformed tags, with an InvalidStateError when the document is not fully active, with a
   * NotAllowedError (code "not_allowed") where the permissions policy does not allow "summarizer", with a
   * NotSupportedError for options availability calls unavailable, with the signal's reason if options.signal
   * aborts before the summarizer is made, and with a NetworkError or an OperationError if the engine cannot be
   * loaded. Aborting options.signal later destroys the summarizer.
   */
  static async create(options = {}) {
    const opts = readOptions(options);
    throwIfInactive();
    const signal = options?.signal;
    if (signal?.aborted) {
      throw signal.reason;
    }
    if (!allowedByPolicy()) {
      const message = 'keypoints: the permissions policy does not allow "summarizer" in this document';
      throw withCode(new DOMException(message, 'NotAllowedError'), 'not_allowed');
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
    let stopped = false; // no events once create has failed or been aborted
    let fired = -1;
    // events settles once every event asked for so far has been dispatched, or dropped.
    let events = Promise.resolve();
    const fire = (loaded) => {
      if (monitor && loaded > fired) {
        fired = loaded;
        events = events.then(nextTask).then(() => {
          if (!stopped && !signal?.aborted) {
            monitor.dispatchEvent(progressEvent(loaded));
          }
        });
      }
      return events;
    };
    const load = sharedEngine();
    fire(0);
    const onProgress = (loaded) => fire(loaded);
    load.listeners.add(onProgress);
    if (!load.engine) {
      fire(load.progress);
    }
    // The summarizer is made after the last event: an abort heard by then still rejects create.
    const ready = load.ready.then(async (engine) => {
      await fire(1);
      return engine;
    });
    let engine;
    try {
      engine = await untilAborted(ready, [signal]);
    } catch (err) {
      stopped = true;
      throw err;
    } finally {
      load.listeners.delete(onProgress);
    }
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

  /** preference is "auto", "speed" or "capability", as given to create; one engine serves them all. */
  get preference() {
    return this.#options.preference;
  }

  /** kind is the kind of text create was told to read the input as, "" when the engine tells from the text. */
  get kind() {
    return this.#options.kind;
  }

  /** sharedContext is the string given to create, "" when none was; only a kind of text it names is read. */
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
   * summarizer is destroyed before the summary is ready. options.context is read only for a kind of text it names.
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
    throwIfInactive();
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
    throwIfInactive();
    const signals = this.#signals(options);
    const text = String(input);
    // The answer comes in a later task, as the spec's does from its parallel steps, so that destroy or an abort
    // before then rejects the call, as it does calls to the engine.
    await untilAborted(nextTask(), signals);
    return utf8Length(text);
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
    throwIfInactive();
    const signals = this.#signals(options);
    throwIfAborted(signals);
    const text = String(input);
    const requested = utf8Length(text);
    if (requested > this.inputQuota) {
      throw quotaExceeded(`keypoints: the input is ${requested} bytes, the limit is ${this.inputQuota}`, requested, this.inputQuota);
    }
    const opts = this.#options;
    const optionsJSON = engineOptions(opts, options?.context);
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

// throwIfInactive throws the spec's InvalidStateError when the module's document is not fully active: its frame
// was removed (a document without a window), or it is no longer the one its frame shows. Workers and Node.js have
// no document, and nothing to check.
function throwIfInactive() {
  const doc = globalThis.document;
  if (doc && typeof doc === 'object' && 'defaultView' in doc) {
    const view = doc.defaultView;
    if (!view || view.document !== doc) {
      throw withCode(new DOMException('keypoints: the document is not fully active', 'InvalidStateError'), 'inactive_document');
    }
  }
}

// allowedByPolicy says whether the document's permissions policy allows the "summarizer" feature, which by default
// a document's own origin has and cross-origin frames have only when their <iframe> says allow="summarizer". Where
// the browser can say (Chromium's document.featurePolicy, which knows the feature from its own Summarizer), the
// module follows it, as the spec asks. Where it cannot (Firefox and WebKit expose no policy to scripts; a browser
// without a Summarizer of its own has never heard of the feature; workers and Node.js have no document), the
// module allows itself: it is the framed page's own code, run on files that page chose to load, and the policy
// guards the browser's model, which is not in use.
function allowedByPolicy() {
  const policy = globalThis.document?.permissionsPolicy ?? globalThis.document?.featurePolicy;
  if (typeof policy?.allowsFeature !== 'function' || typeof policy.features !== 'function') {
    return true;
  }
  try {
    return !policy.features().includes('summarizer') || policy.allowsFeature('summarizer');
  } catch {
    return true;
  }
}

// nextTask resolves in a task of its own, after whatever the current one queues. A message on a fresh channel is
// used where there is one: timers in a hidden tab may wait a second.
function nextTask() {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } else {
      setTimeout(resolve, 0);
    }
  });
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
