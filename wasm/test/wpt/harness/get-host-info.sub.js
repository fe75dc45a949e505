// Written for run.mjs (not a WPT file): the part of WPT's /common/get-host-info.sub.js the Summarizer tests use.
// run.mjs serves one loopback port; 127.0.0.1 and localhost are two sites there, so the "not same site" origin of a
// page on one is the other. Both are secure contexts over http.
function get_host_info() {
  const port = location.port;
  const here = location.hostname === 'localhost' ? 'localhost' : '127.0.0.1';
  const other = here === 'localhost' ? '127.0.0.1' : 'localhost';
  const origin = `http://${here}:${port}`;
  const otherOrigin = `http://${other}:${port}`;
  return {
    HTTP_PORT: port,
    HTTPS_PORT: port,
    ORIGINAL_HOST: here,
    REMOTE_HOST: other,
    NOTSAMESITE_HOST: other,
    ORIGIN: origin,
    HTTP_ORIGIN: origin,
    HTTPS_ORIGIN: origin,
    HTTP_REMOTE_ORIGIN: otherOrigin,
    HTTPS_REMOTE_ORIGIN: otherOrigin,
    HTTP_NOTSAMESITE_ORIGIN: otherOrigin,
    HTTPS_NOTSAMESITE_ORIGIN: otherOrigin,
  };
}
