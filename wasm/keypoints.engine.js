// The engine behind keypoints.js: the Go core compiled to WebAssembly (keypoints.wasm, run by Go's wasm_exec.js),
// loaded once per page or process and shared by every Summarizer. In browsers it runs in a module Web Worker
// (keypoints.worker.js), so that a page never freezes while it loads or summarizes; where no Worker exists (Node.js,
// an extension's service worker), or the browser will not start one, it runs on the calling thread. It fetches its
// own files and nothing else, unless setEngineSource tells it where else they are.

import { engineError, loadFailure, withCode } from './keypoints.errors.js';

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

// sharedEngine is the engine load in flight or done, {progress, listeners, ready, engine}; it starts one where there
// is none.
export function sharedEngine() {
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
  // undefined: the default worker, keypoints.worker.js beside this module.
  const worker = src.worker !== undefined ? src.worker : typeof Worker === 'function' ? undefined : null;
  if (worker !== null) {
    // The wasm is fetched and compiled here while the worker starts, which takes a browser about as long, and the
    // compiled module is handed to the worker, which would otherwise begin fetching only once it runs. A worker
    // started again after one retired gets the same module.
    const compiled = wasm.then(async (source) => ({ module: await compileWasm(source, report), source }));
    compiled.catch(() => {});
    try {
      return await startWorker(worker, compiled, report);
    } catch (err) {
      if (err !== noWorker) {
        throw err;
      }
    }
    return loadEngine(report, { module: (await compiled).module });
  }
  return loadEngine(report, await wasm);
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

// defaultWorker starts keypoints.worker.js from beside this module. It is written in the one form bundlers follow
// (Vite and webpack bundle the worker of new Worker(new URL('./…', import.meta.url), {type: 'module'})), and runs
// only when the default is wanted: a module loaded from a data: URL, such as the single-file page's, has no folder.
function defaultWorker() {
  return new Worker(new URL('./keypoints.worker.js', import.meta.url), { type: 'module', name: 'keypoints' });
}

// postLoad tells a worker where its engine comes from: the module compiled here, or, where the browser cannot send
// a compiled module to a worker, its source, which the worker then fetches and compiles itself.
function postLoad(worker, { module, source }) {
  try {
    worker.postMessage({ load: { module } });
  } catch {
    worker.postMessage({ load: source });
  }
}

// noWorker is how startWorker says that its worker never started, so that the engine may load on this thread.
const noWorker = new Error('keypoints: the worker did not start');

// startWorker runs the engine in a module Web Worker and resolves to a proxy that forwards calls to it. Replies are
// matched to calls by id, so any number may be in flight. The worker starts at once and loads the engine from wasm
// (a promise of {module, source}: the compiled wasm, and wasmSource's result) once that is ready; url is the
// worker's script, undefined for the default. It rejects with noWorker when the worker cannot be made, or fails
// before it says anything.
//
// A worker whose engine has retired its instance (see loadEngine) says so with its reply; it gets no more calls and
// is terminated once its last one is answered, which hands all its memory back at once, and the next call starts a
// fresh worker from the same wasm.
function startWorker(url, wasm, report) {
  return new Promise((resolve, reject) => {
    let nextID = 1;
    let failure = null;
    let resolved = false;
    // current is the worker calls go to; null once retired, until a call starts the next. all holds every worker
    // not yet terminated, each {worker, pending, heard, queue}.
    let current = null;
    const all = new Set();
    const fail = (err) => {
      failure = err;
      reject(err);
      for (const w of all) {
        w.worker.terminate();
        for (const call of w.pending.values()) {
          call.reject(err);
        }
      }
      all.clear();
    };
    const spawn = () => {
      const w = { worker: url === undefined ? defaultWorker() : new Worker(url, { type: 'module', name: 'keypoints' }), pending: new Map(), heard: false, queue: [] };
      all.add(w);
      w.worker.addEventListener('message', ({ data }) => {
        w.heard = true;
        if ('progress' in data) {
          report(data.progress);
        } else if ('ready' in data) {
          engine.maxTextBytes = data.ready.maxTextBytes;
          resolved = true;
          resolve(engine);
        } else if ('loadError' in data) {
          fail(engineError(data.loadError));
        } else {
          if (data.retired && current === w) {
            current = null;
          }
          const call = w.pending.get(data.id);
          w.pending.delete(data.id);
          if (current !== w && w.pending.size === 0) {
            w.worker.terminate();
            all.delete(w);
          }
          if ('error' in data) {
            call?.reject(data.error);
          } else {
            call?.resolve(data.result);
          }
        }
      });
      w.worker.addEventListener('error', (e) => {
        e?.preventDefault?.();
        if (!w.heard && !resolved) {
          failure = noWorker;
          w.worker.terminate();
          reject(noWorker);
          return;
        }
        const detail = e?.message ? `: ${e.message}` : '';
        fail(withCode(new DOMException(`keypoints: the worker stopped${detail}`, 'OperationError'), 'internal'));
      });
      // The worker hears {load} before any call: calls made before the wasm is ready wait in w.queue.
      wasm.then(
        (load) => {
          postLoad(w.worker, load);
          for (const message of w.queue) {
            w.worker.postMessage(message);
          }
          w.queue = null;
        },
        (err) => fail(err),
      );
      return w;
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
        if (!current) {
          try {
            current = spawn();
          } catch (err) {
            fail(withCode(new DOMException(`keypoints: the worker did not start again: ${err?.message ?? err}`, 'OperationError'), 'internal'));
            return Promise.reject(failure);
          }
        }
        const w = current;
        const id = nextID++;
        return new Promise((resolve, reject) => {
          w.pending.set(id, { resolve, reject });
          const message = { id, method, text, options: optionsJSON };
          if (w.queue) {
            w.queue.push(message);
          } else {
            w.worker.postMessage(message);
          }
        });
      },
    };
    try {
      current = spawn();
    } catch {
      reject(noWorker);
    }
  });
}

/**
 * loadEngine loads the WebAssembly engine on the calling thread and resolves to {run, maxTextBytes}, calling
 * onProgress with fractions from 0 to below 1 on the way. Summarizer calls it where no worker runs the engine and
 * keypoints.worker.js calls it inside its worker; applications want Summarizer. wasm is where keypoints.wasm comes
 * from: {wasm, encoding, bytes} as setEngineSource takes them, wasm a URL or bytes (not a function); by default the
 * file beside this module; or {module}, keypoints.wasm already compiled. run(method, text, optionsJSON) resolves to
 * the summary's JSON (method "summary") or its text (method "text"), and rejects with an Error whose code is the
 * engine's.
 *
 * The Go runtime never hands memory back: a call on a long text leaves the instance holding what that call needed
 * for as long as it lives. So once a call leaves the instance's memory more than RETIRE_GROWTH_BYTES above its size
 * when warm, the instance is retired (dropped, for the host to free) and the next call starts a fresh one from the
 * compiled module. Summaries do not depend on the instance they come from.
 */
export async function loadEngine(onProgress = () => {}, wasm = {}) {
  onProgress(0);
  const [, module] = await Promise.all([loadGo(), wasm.module ?? compileWasm(wasm, onProgress)]);
  onProgress(DOWNLOADED);
  // current is the instance calls go to, a promise; null once retired, until a call starts the next.
  let current = startInstance(module, () => onProgress(INSTANTIATED));
  const first = await current;
  let stopped = false;
  // The bridge reads options from an object, field by field; the same object goes with every call whose JSON is
  // the same, so that the bridge reads them once.
  let lastJSON = '';
  let lastOptions;
  const optionsOf = (json) => {
    if (json !== lastJSON) {
      try {
        lastOptions = json ? JSON.parse(json) : undefined;
      } catch (err) {
        throw withCode(new TypeError(`keypoints: the options are not JSON: ${err.message}`), 'invalid_options');
      }
      lastJSON = json;
    }
    return lastOptions;
  };
  return {
    maxTextBytes: first.api.maxTextBytes,
    get alive() {
      return !stopped;
    },
    // retired says that the last instance was retired and no call has started the next yet.
    get retired() {
      return current === null;
    },
    async run(method, text, optionsJSON) {
      const starting = (current ??= startInstance(module));
      let instance;
      try {
        instance = await starting;
      } catch (err) {
        // A fresh instance that cannot start will not start next time either.
        stopped = true;
        throw err;
      }
      if (instance.stopped) {
        stopped = true;
        throw withCode(new Error('keypoints: the engine has stopped'), 'internal');
      }
      try {
        const options = optionsOf(optionsJSON);
        return settled(method === 'text' ? instance.api.text(text, options) : instance.api.summarize(text, options));
      } finally {
        // Calls already queued on a retired instance finish there; it is freed once the last has.
        if (current === starting && instance.memory.buffer.byteLength > instance.warmBytes + RETIRE_GROWTH_BYTES) {
          current = null;
        }
      }
    },
  };
}

// RETIRE_GROWTH_BYTES is how far a call may leave an instance's memory above its size when warm before the instance
// is retired. Articles and chapters stay well below it, so the model is decoded again only after texts of hundreds
// of kilobytes, whose own summary takes several times longer than a fresh start (about 60 ms in Node.js).
const RETIRE_GROWTH_BYTES = 16 << 20;

// startInstance instantiates the compiled module, runs the Go program until its bridge is registered, and warms
// it; it resolves to {api, memory, warmBytes, stopped}: the bridge, the instance's memory, that memory's size once
// warm, and whether the Go program has exited. onStarted is called between the start and the warming.
async function startInstance(module, onStarted = () => {}) {
  const go = new globalThis.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const state = { api: null, memory: instance.exports.mem, warmBytes: 0, stopped: false };
  const stop = () => {
    state.stopped = true;
  };
  // run returns once main blocks, with the bridge registered; its promise settles only if the Go program exits.
  go.run(instance).then(stop, stop);
  const api = globalThis.__keypoints;
  delete globalThis.__keypoints;
  if (!api) {
    throw withCode(new DOMException('keypoints: the engine did not start', 'OperationError'), 'internal');
  }
  onStarted();
  settled(api.warm());
  state.api = api;
  state.warmBytes = state.memory.buffer.byteLength;
  return state;
}

// settled is what a function of the bridge returned: its value, or the Error it returned, thrown. The bridge does
// its work in the call and hands back no Promise (wasm/main.go).
function settled(result) {
  if (result instanceof Error) {
    throw result;
  }
  return result;
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
    // Written out in full, as for the worker, so that bundlers find the wasm and ship it.
    const url = wasm === undefined ? new URL('./keypoints.wasm', import.meta.url) : new URL(wasm);
    if (wasm === undefined) {
      total ||= WASM_BYTES;
    }
    if (url.protocol === 'file:') {
      // #fs is Node.js's file system in Node.js and a stub elsewhere (package.json's imports), so that bundles for
      // browsers hold no Node.js module.
      const { readFile } = await import('#fs');
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