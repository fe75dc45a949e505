// The Web Worker keypoints.engine.js starts in browsers: it loads the engine on this thread and answers the page's
// calls, so that neither loading nor summarizing ever blocks the page.
//
// Messages in:  {load} first, where load says where keypoints.wasm comes from ({module}, compiled by the page, or
//               {wasm, encoding, bytes}, see loadEngine); then {id, method, text, options}: method "text" or
//               "summary", options the engine's options JSON.
// Messages out: {progress} while loading, then {ready: {maxTextBytes}} or {loadError}; {id, result, retired} or
// {id, error, retired} for each call, in the order calls finish, retired true once the engine has retired its
// instance (a long text left it holding too much memory): the page then sends its calls to a fresh worker and
// terminates this one, which frees the memory at once. Errors travel as {name, code, message}: structured cloning would drop
// the code.

// Go's runtime and the error helpers are imported here, not only where they are used, so that the worker fetches
// them beside the engine's module rather than one after another while the page's compiled wasm waits.
import './wasm_exec.js';
import { withCode } from './keypoints.errors.js';
import { loadEngine } from './keypoints.engine.js';

let ready = null;

self.addEventListener('message', async ({ data }) => {
  if ('load' in data) {
    ready ??= loadEngine((progress) => self.postMessage({ progress }), data.load);
    ready.then(
      (engine) => self.postMessage({ ready: { maxTextBytes: engine.maxTextBytes } }),
      (err) => self.postMessage({ loadError: plainError(err) }),
    );
    return;
  }
  const { id, method, text, options } = data;
  let engine = null;
  try {
    if (!ready) {
      throw withCode(new Error('keypoints: the worker was asked to summarize before it was told to load'), 'internal');
    }
    engine = await ready;
    const result = await engine.run(method, text, options);
    self.postMessage({ id, result, retired: engine.retired });
  } catch (err) {
    self.postMessage({ id, error: plainError(err), retired: Boolean(engine?.retired) });
  }
});

function plainError(err) {
  return {
    name: String(err?.name ?? 'Error'),
    code: typeof err?.code === 'string' ? err.code : 'internal',
    message: String(err?.message ?? err),
  };
}
