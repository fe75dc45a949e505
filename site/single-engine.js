// The engine of the single-file page (build/keypoints.html): keypoints.js itself, told to take its worker and its
// wasm from the page, which may not load files.
//
// `serve -single` bundles this file in place of keypoints.js and ends the page with two data blocks in base64: the
// worker as one module script (id "keypoints-worker": Go's wasm_exec.js, then keypoints.worker.js and the modules it
// imports, joined), and keypoints.wasm gzipped (id "keypoints-wasm", data-size its size unpacked). A page opened from
// disk may start a module worker from a data: URL only. Where the browser refuses even that, keypoints.js runs the
// engine on the page, with the wasm_exec.js the page inlines.
import { Summarizer as Engine, setEngineSource } from './keypoints.js';

const worker = document.getElementById('keypoints-worker');
const wasm = document.getElementById('keypoints-wasm');
if (worker && wasm) {
  setEngineSource({
    worker: `data:text/javascript;base64,${worker.textContent.trim()}`,
    // Decoded when the engine loads, not when the page opens: a reader may never ask for a summary.
    wasm: () => unbase64(wasm.textContent.trim()),
    encoding: 'gzip',
    bytes: Number(wasm.dataset.size),
  });
}

export const Summarizer = Engine;

// unbase64 decodes base64 text, with the platform's decoder where there is one.
function unbase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
