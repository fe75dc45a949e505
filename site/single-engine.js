// The engine of the single-file page (build/keypoints.html): a Summarizer with the contract of keypoints.js, whose
// WebAssembly comes from the page itself instead of the network.
//
// A page opened from disk may not start workers or import modules from files, so `serve -single` inlines Go's
// wasm_exec.js as a classic script (id "keypoints-go") and keypoints.wasm, gzipped and in base64, as a data block
// (id "keypoints-wasm", data-size its unpacked size), and puts this file in place of keypoints.js. The engine runs
// in a worker made from a blob: URL holding wasm_exec.js and the functions below, so that loading and summarizing
// never freeze the page; where the browser refuses such a worker it runs on the page's thread instead.

const TYPES = ['key-points', 'tldr', 'teaser', 'headline'];
const LENGTHS = ['short', 'medium', 'long'];
const FORMATS = ['markdown', 'plain-text', 'json'];

const constructing = Symbol('constructing');

/** Summarizer summarizes English news text; see keypoints.js for the whole contract. */
export class Summarizer {
  #options;
  #destroyed = false;

  constructor(token, options) {
    if (token !== constructing) throw new TypeError('Illegal constructor');
    this.#options = options;
  }

  static async availability(options = {}) {
    return typeof WebAssembly === 'object' && supported(readOptions(options)) ? 'available' : 'unavailable';
  }

  static async create(options = {}) {
    const opts = readOptions(options);
    options?.signal?.throwIfAborted();
    if (!supported(opts)) {
      throw engineError({ code: 'invalid_options', message: 'keypoints: these options are not supported' });
    }
    const monitor = new EventTarget();
    if (typeof options?.monitor === 'function') options.monitor.call(undefined, monitor);
    const fire = (loaded) => monitor.dispatchEvent(progressEvent(loaded));
    const load = sharedEngine();
    fire(load.progress);
    load.listeners.add(fire);
    try {
      await load.ready;
    } finally {
      load.listeners.delete(fire);
    }
    fire(1);
    return new Summarizer(constructing, opts);
  }

  get type() {
    return this.#options.type;
  }

  get length() {
    return this.#options.length;
  }

  get format() {
    return this.#options.format;
  }

  async summarize(input, options = {}) {
    try {
      return JSON.parse(await this.#run(input, options)).text;
    } catch (err) {
      if (err?.code === 'empty_text') return '';
      throw err;
    }
  }

  async analyze(input, options = {}) {
    return JSON.parse(await this.#run(input, options));
  }

  destroy() {
    this.#destroyed = true;
  }

  async #run(input, options) {
    const signal = options?.signal;
    if (this.#destroyed) throw new DOMException('keypoints: the summarizer has been destroyed', 'AbortError');
    signal?.throwIfAborted();
    const engine = await sharedEngine().ready;
    const o = this.#options;
    const work = engine.summarize(String(input), JSON.stringify({ Type: o.type, Length: o.length, Format: o.format }));
    let json;
    try {
      json = await (signal ? untilAborted(work, signal) : work);
    } catch (err) {
      throw err === signal?.reason ? err : engineError(err);
    }
    if (this.#destroyed) throw new DOMException('keypoints: the summarizer has been destroyed', 'AbortError');
    return json;
  }
}

function readOptions(options) {
  const o = options ?? {};
  return {
    type: String(o.type ?? 'key-points'),
    length: String(o.length ?? 'short'),
    format: String(o.format ?? 'markdown'),
  };
}

function supported(o) {
  return TYPES.includes(o.type) && LENGTHS.includes(o.length) && FORMATS.includes(o.format);
}

function progressEvent(loaded) {
  const e = new Event('downloadprogress');
  Object.defineProperties(e, { loaded: { value: loaded }, total: { value: 1 }, lengthComputable: { value: true } });
  return e;
}

function untilAborted(work, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// engineError turns the engine's {code, message} into the error keypoints.js raises for it, carrying the code.
function engineError(err) {
  const code = typeof err?.code === 'string' ? err.code : 'internal';
  const message = String(err?.message ?? err);
  const names = {
    unsupported_language: 'NotSupportedError',
    invalid_options: 'NotSupportedError',
    text_too_long: 'QuotaExceededError',
  };
  const e = code === 'empty_text' ? new Error(message) : new DOMException(message, names[code] ?? 'UnknownError');
  Object.defineProperty(e, 'code', { value: code, enumerable: true, configurable: true });
  return e;
}

// The engine, loaded once and shared: ready resolves to {summarize(text, optionsJSON)}, listeners hear progress.
let shared = null;

function sharedEngine() {
  if (shared) return shared;
  const load = { progress: 0, listeners: new Set(), ready: null };
  const report = (fraction) => {
    const loaded = Math.min(fraction, 0.999);
    if (loaded <= load.progress) return;
    load.progress = loaded;
    for (const listener of load.listeners) listener(loaded);
  };
  load.ready = startEngine(report);
  load.ready.catch(() => {
    if (shared === load) shared = null;
  });
  shared = load;
  return load;
}

async function startEngine(report) {
  const block = document.getElementById('keypoints-wasm');
  const runtime = document.getElementById('keypoints-go');
  if (!block || !runtime) {
    throw engineError({ code: 'internal', message: 'keypoints: this page lacks its engine' });
  }
  const packed = block.textContent;
  const size = Number(block.dataset.size);
  try {
    return await inWorker(runtime.textContent, packed, size, report);
  } catch (err) {
    if (err?.code !== 'no_worker') throw err;
  }
  return loadEngine(packed, size, report);
}

// inWorker starts the engine in a blob: worker and resolves to a proxy of it. It rejects with code "no_worker"
// when the worker cannot start at all, so that the caller can fall back to this thread.
function inWorker(runtime, packed, size, report) {
  return new Promise((resolve, reject) => {
    let worker;
    let url;
    try {
      const source = [runtime, unbase64, loadEngine, plainError, `(${engineWorker})();`].join('\n');
      url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      worker = new Worker(url, { name: 'keypoints' });
    } catch (err) {
      if (url) URL.revokeObjectURL(url);
      reject(Object.assign(new Error(String(err?.message ?? err)), { code: 'no_worker' }));
      return;
    }
    const pending = new Map();
    let nextID = 1;
    let started = false;
    let failure = null;
    const fail = (err) => {
      failure = err;
      worker.terminate();
      URL.revokeObjectURL(url);
      reject(err);
      for (const call of pending.values()) call.reject(err);
      pending.clear();
    };
    worker.addEventListener('message', ({ data }) => {
      if ('started' in data) {
        started = true;
        worker.postMessage({ load: { packed, size } });
      } else if ('progress' in data) {
        report(data.progress);
      } else if ('ready' in data) {
        resolve({
          summarize(text, options) {
            if (failure) return Promise.reject(failure);
            const id = nextID++;
            return new Promise((resolve, reject) => {
              pending.set(id, { resolve, reject });
              worker.postMessage({ id, text, options });
            });
          },
        });
      } else if ('loadError' in data) {
        fail(engineError(data.loadError));
      } else {
        const call = pending.get(data.id);
        pending.delete(data.id);
        if ('error' in data) call?.reject(data.error);
        else call?.resolve(data.result);
      }
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      const message = `keypoints: the worker stopped${e.message ? `: ${e.message}` : ''}`;
      fail(started ? { code: 'internal', message } : Object.assign(new Error(message), { code: 'no_worker' }));
    });
  });
}

// engineWorker is the body of the blob: worker. It runs there from its source text, beside wasm_exec.js,
// unbase64, loadEngine and plainError, and nowhere else.
function engineWorker() {
  let engine = null;
  self.addEventListener('message', async ({ data }) => {
    if (data.load) {
      engine = loadEngine(data.load.packed, data.load.size, (progress) => self.postMessage({ progress }));
      engine.then(
        () => self.postMessage({ ready: true }),
        (err) => self.postMessage({ loadError: plainError(err) }),
      );
      return;
    }
    try {
      self.postMessage({ id: data.id, result: await (await engine).summarize(data.text, data.options) });
    } catch (err) {
      self.postMessage({ id: data.id, error: plainError(err) });
    }
  });
  self.postMessage({ started: true });
}

// loadEngine unpacks and starts the engine on the thread it runs on, where wasm_exec.js has defined Go, and
// resolves to {summarize(text, optionsJSON)}, which resolves to the summary's JSON.
async function loadEngine(packed, size, report) {
  // Shares of the load reported as progress: unpacking the wasm, compiling it, then the model's warm-up. They are
  // local because this function also runs in the worker, from its source text alone.
  const UNPACKED = 0.6;
  const COMPILED = 0.85;
  report(0.02);
  const gz = unbase64(packed);
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  const wasm = new Uint8Array(size);
  let at = 0;
  for (const reader = stream.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > wasm.length) throw new Error('keypoints: the engine is larger than the page says');
    wasm.set(value, at);
    at += value.length;
    report(0.05 + (UNPACKED - 0.05) * (at / size));
  }
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(wasm.subarray(0, at), go.importObject);
  report(COMPILED);
  go.run(instance);
  const api = globalThis.__keypoints;
  delete globalThis.__keypoints;
  if (!api) throw new Error('keypoints: the engine did not start');
  await api.warm();
  return { summarize: (text, options) => api.summarize(text, options) };
}

// unbase64 decodes base64 text, with the platform's decoder where there is one.
function unbase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// plainError is err as {name, code, message}: structured cloning would drop the code.
function plainError(err) {
  return {
    name: String(err?.name ?? 'Error'),
    code: typeof err?.code === 'string' ? err.code : 'internal',
    message: String(err?.message ?? err),
  };
}
