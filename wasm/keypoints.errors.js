// The errors of keypoints.js: each is what Chrome's built-in summarizer raises in the same case (a DOMException of
// the spec's name), carrying in `code` one of the engine's stable codes (empty_text, text_too_long,
// unsupported_language, invalid_options, internal), so that callers can switch on it whichever way it was raised.

// withCode gives err our stable code. DOMException has a numeric legacy code getter on its prototype; an own
// property shadows it.
export function withCode(err, code) {
  Object.defineProperty(err, 'code', { value: code, enumerable: true, configurable: true });
  return err;
}

// quotaExceeded is the error for input over the quota: the spec's QuotaExceededError, with requested and quota,
// where the runtime has that class, and a DOMException of that name with the same fields where it has not yet.
export function quotaExceeded(message, requested, quota) {
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
export function engineError(err, requested, quota) {
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

// loadFailure is the error create rejects with when the engine cannot be loaded: a NetworkError when the wasm
// cannot be fetched, an OperationError for everything else (a wasm that does not compile, a runtime that does not
// start), each with code "internal".
export function loadFailure(err) {
  if (err?.name === 'NetworkError' || err?.name === 'OperationError') {
    return err;
  }
  return withCode(new DOMException(`keypoints: the engine did not load: ${err?.message ?? err}`, 'OperationError'), 'internal');
}
