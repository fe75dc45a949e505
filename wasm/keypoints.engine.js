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

// noWorker is how startWorker says that its worker never started, so that the engine may load on this thread.
const noWorker = new Error('keypoints: the worker did not start');

// startWorker runs the engine in a module Web Worker and resolves to a proxy that forwards calls to it. Replies are
// matched to calls by id, so any number may be in flight. The worker starts at once and loads the engine from wasm
// (a promise of wasmSource's result) once that is ready; url is the worker's script, undefined for the default. It
// rejects with noWorker when the worker cannot be made, or fails before it says anything.
function startWorker(url, wasm, report) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = url === undefined ? defaultWorker() : new Worker(url, { type: 'module', name: 'keypoints' });
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