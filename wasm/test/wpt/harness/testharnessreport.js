// Written for run.mjs (not a WPT file): hands testharness.js's results to run.mjs through the binding it exposes,
// __wptReport, or leaves them on window.__wptResult where there is none.
(function () {
  const testStatus = ['PASS', 'FAIL', 'TIMEOUT', 'NOTRUN', 'PRECONDITION_FAILED'];
  const harnessStatus = ['OK', 'ERROR', 'TIMEOUT', 'PRECONDITION_FAILED'];
  add_completion_callback(function (tests, harness) {
    const report = {
      // Whether the page's Summarizer was the module's at the end, and whether the browser had one of its own.
      moduleInUse: window.__wptHarness ? window.Summarizer === window.__wptHarness.module : null,
      nativeSummarizer: window.__wptHarness ? window.__wptHarness.nativeSummarizer : null,
      harness: { status: harnessStatus[harness.status] ?? String(harness.status), message: harness.message ?? null,
        stack: harness.stack ?? null },
      tests: tests.map((t) => ({ name: t.name, status: testStatus[t.status] ?? String(t.status),
        message: t.message ?? null, stack: t.stack ?? null })),
    };
    window.__wptResult = report;
    if (typeof window.__wptReport === 'function') {
      window.__wptReport(report);
    }
  });
})();
