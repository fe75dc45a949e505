// Runs the web-platform-tests Summarizer suite (the files wpt-files.json lists, laid under wpt/) against a project's
// JavaScript module that exports Summarizer, in headless Chromium, and reports every subtest.
//
// usage: node run.mjs PROJECT [options]
//   --module PATH    the module, relative to PROJECT (default build/wasm/keypoints.js)
//   --export NAME    the export that becomes globalThis.Summarizer (default Summarizer)
//   --build          run `make -C PROJECT wasm` first (done anyway when the module is missing)
//   --no-build       never build
//   --filter TEXT    only the test files whose path contains TEXT
//   --json FILE      where the full results go (default build/wpt/results.json in PROJECT)
//   --headed         show the browser
//
// Each test file runs in a fresh browser context at http://127.0.0.1:PORT/ (a server of this script, loopback
// only); a ".window.js" test is wrapped the way WPT's server wraps it, after a module script that imports the
// module and sets globalThis.Summarizer; an ".html" file gets that module script inserted after its doctype. The
// module's own folder is served at /__module/, so it finds its wasm and worker beside it.
// Exit status: 0 when no applicable subtest failed and every file's harness ended OK, 1 otherwise, 2 when the run
// itself could not be made.

import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WPT = path.join(HERE, 'wpt');
const HARNESS = path.join(HERE, 'harness');
const FILE_TIMEOUT_MS = 120_000; // testharness's own "long" timeout is 60 s; this is the backstop

function usage(message) {
  console.error(`run.mjs: ${message}\nusage: node run.mjs PROJECT [--module PATH] [--export NAME] [--build|--no-build] [--filter TEXT] [--json FILE] [--headed]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = { module: 'build/wasm/keypoints.js', export: 'Summarizer', build: 'if-missing', filter: '', json: null, headed: false };
let project = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    if (i + 1 >= args.length) usage(`${a} needs a value`);
    return args[++i];
  };
  if (a === '--module') opts.module = value();
  else if (a === '--export') opts.export = value();
  else if (a === '--build') opts.build = 'always';
  else if (a === '--no-build') opts.build = 'never';
  else if (a === '--filter') opts.filter = value();
  else if (a === '--json') opts.json = path.resolve(value());
  else if (a === '--headed') opts.headed = true;
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (project === null) project = path.resolve(a);
  else usage(`unexpected argument ${a}`);
}
if (!project) usage('PROJECT is required');
opts.json ??= path.join(project, 'build', 'wpt', 'results.json');
if (!/^[A-Za-z_$][\w$]*$/.test(opts.export)) usage(`--export ${opts.export} is not an identifier`);

// The module, built when asked or when it is missing.
const modulePath = path.resolve(project, opts.module);
if (opts.build === 'always' || (opts.build === 'if-missing' && !fs.existsSync(modulePath))) {
  console.error(`run.mjs: make -C ${project} wasm`);
  execFileSync('make', ['-C', project, 'wasm'], { stdio: ['ignore', 'inherit', 'inherit'] });
}
if (!fs.existsSync(modulePath)) usage(`no module at ${modulePath}`);
const moduleDir = path.dirname(modulePath);
const moduleURL = `/__module/${path.basename(modulePath)}`;

// The WPT files, checked against the manifest.
const manifest = JSON.parse(fs.readFileSync(path.join(HERE, 'wpt-files.json'), 'utf8'));
const bad = [];
for (const f of manifest.files) {
  const p = path.join(WPT, f.path);
  if (!fs.existsSync(p)) bad.push(`missing ${f.path}`);
  else if (createHash('sha256').update(fs.readFileSync(p)).digest('hex') !== f.sha256) bad.push(`changed ${f.path}`);
}
if (bad.length) {
  usage(`the WPT files under ${WPT} do not match wpt-files.json (lay them down from the sources it names):\n  ${bad.join('\n  ')}`);
}
const testharnessPath = path.join(HERE, 'node_modules', 'wpt-runner', 'testharness', 'testharness.js');
if (!fs.existsSync(testharnessPath)) usage(`no ${testharnessPath}: run npm install in ${HERE}`);
const naRules = JSON.parse(fs.readFileSync(path.join(HERE, 'na.json'), 'utf8')).rules;

const tests = manifest.tests.filter((t) => t.includes(opts.filter));
if (!tests.length) usage(`no test file matches --filter ${opts.filter}`);

// META: lines of a .window.js test.
function meta(source) {
  const out = { title: null, timeout: null, scripts: [] };
  for (const line of source.split('\n')) {
    const m = /^\/\/ META: (\w+)=(.*)$/.exec(line.trim());
    if (!m) continue;
    if (m[1] === 'title') out.title = m[2];
    else if (m[1] === 'timeout') out.timeout = m[2];
    else if (m[1] === 'script') out.scripts.push(m[2]);
  }
  return out;
}

const escapeHTML = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// The module script every test page starts with: import the module, make its Summarizer the page's.
function loaderScript(thenScripts = []) {
  return `<script type="module">
import { ${opts.export} as __Summarizer } from ${JSON.stringify(moduleURL)};
globalThis.__wptHarness = { nativeSummarizer: typeof globalThis.Summarizer !== 'undefined', module: __Summarizer };
globalThis.Summarizer = __Summarizer;
for (const src of ${JSON.stringify(thenScripts)}) {
  const s = document.createElement('script');
  s.src = src;
  s.async = false;
  document.head.append(s);
}
</script>`;
}

// WPT's wrapper for X.window.js, served as X.window.html: testharness.js, testharnessreport.js, the META scripts,
// then the test, here started by the loader once Summarizer is defined.
function windowWrapper(testPath) {
  const source = fs.readFileSync(path.join(WPT, testPath), 'utf8');
  const m = meta(source);
  const scripts = ['/resources/testharness.js', '/resources/testharnessreport.js', ...m.scripts, '/' + testPath];
  return `<!doctype html>
<meta charset=utf-8>
${m.title ? `<title>${escapeHTML(m.title)}</title>\n` : ''}${m.timeout === 'long' ? '<meta name="timeout" content="long">\n' : ''}${loaderScript(scripts)}
<div id=log></div>
`;
}

function withLoader(html) {
  const m = /^\s*<!doctype[^>]*>/i.exec(html);
  return m ? html.slice(0, m[0].length) + '\n' + loaderScript() + html.slice(m[0].length) : loaderScript() + '\n' + html;
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm', '.json': 'application/json', '.ts': 'text/plain' };

// inside resolves rel under root, or null when it would leave it.
function inside(root, rel) {
  const p = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  return p === root || p.startsWith(root + path.sep) ? p : null;
}

const fixed = {
  '/resources/testharness.js': testharnessPath,
  '/resources/testharnessreport.js': path.join(HARNESS, 'testharnessreport.js'),
  '/resources/testdriver.js': path.join(HARNESS, 'testdriver.js'),
  '/resources/testdriver-vendor.js': path.join(HARNESS, 'testdriver-vendor.js'),
  '/common/get-host-info.sub.js': path.join(HARNESS, 'get-host-info.sub.js'),
};

function serve(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const pathname = decodeURIComponent(url.pathname);
  const send = (status, body, type = 'text/plain') => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const sendFile = (file, transform) => {
    let body = fs.readFileSync(file);
    if (transform) body = Buffer.from(transform(body.toString('utf8')));
    send(200, body, TYPES[path.extname(file)] ?? 'application/octet-stream');
  };
  try {
    if (fixed[pathname]) return sendFile(fixed[pathname]);
    if (pathname.startsWith('/__module/')) {
      const file = inside(moduleDir, pathname.slice('/__module/'.length));
      if (file && fs.existsSync(file) && fs.statSync(file).isFile()) return sendFile(file);
      return send(404, 'not found');
    }
    if (pathname.startsWith('/ai/')) {
      const rel = pathname.slice(1);
      if (rel.endsWith('.window.html')) {
        const js = rel.replace(/\.html$/, '.js');
        if (inside(WPT, js) && fs.existsSync(path.join(WPT, js))) return send(200, windowWrapper(js), 'text/html');
      }
      const file = inside(WPT, rel);
      if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return sendFile(file, file.endsWith('.html') ? withLoader : undefined);
      }
    }
    return send(404, 'not found');
  } catch (err) {
    return send(500, String(err?.stack ?? err));
  }
}

const server = http.createServer(serve);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;
const base = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: !opts.headed,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--js-flags=--expose-gc',
    // Nothing but loopback: every other name fails to resolve.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
});
const chromiumVersion = browser.version();

// runFile loads one test page and waits for testharness's completion report.
async function runFile(testPath) {
  const url = base + '/' + (testPath.endsWith('.window.js') ? testPath.replace(/\.js$/, '.html') : testPath);
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (m) => { if (m.type() === 'error' || process.env.WPT_DEBUG) consoleErrors.push(`${m.type()}: ${m.text()} @ ${m.location()?.url ?? ''}`); });
  page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
  let resolveReport;
  const reported = new Promise((resolve) => { resolveReport = resolve; });
  await context.exposeBinding('__wptReport', (source, report) => {
    if (source.frame === page.mainFrame()) resolveReport(report);
  });
  await context.exposeBinding('__wptClick', async (source, id) => {
    if (process.env.WPT_DEBUG) consoleErrors.push(`debug: click #${id} asked by ${source.frame.url()}`);
    for (const frame of page.frames()) {
      const handle = await frame.$(`[id="${id}"]`).catch(() => null);
      if (handle) {
        await handle.click({ timeout: 10_000 });
        return true;
      }
    }
    throw new Error(`no element #${id} in any frame`);
  });
  const started = Date.now();
  let report;
  try {
    await page.goto(url, { waitUntil: 'commit' });
    report = await Promise.race([reported, new Promise((resolve) => setTimeout(() => resolve(null), FILE_TIMEOUT_MS))]);
  } catch (err) {
    pageErrors.push(String(err?.message ?? err));
  }
  await context.close();
  return {
    file: testPath,
    url: url.replace(base, ''),
    ms: Date.now() - started,
    harness: report?.harness ?? { status: 'NO_REPORT', message: `no testharness report within ${FILE_TIMEOUT_MS / 1000} s` },
    tests: report?.tests ?? [],
    moduleInUse: report?.moduleInUse ?? null,
    nativeSummarizer: report?.nativeSummarizer ?? null,
    declared: (fs.readFileSync(path.join(WPT, testPath), 'utf8').match(/\bpromise_test\(/g) ?? []).length,
    consoleErrors,
    pageErrors,
  };
}

function classify(file, t) {
  const rule = naRules.find((r) => r.file === file && (r.subtest === '*' || r.subtest === t.name));
  if (rule) return { outcome: 'NA', reason: rule.reason };
  if (t.status === 'PASS') return { outcome: 'PASS' };
  if (t.status === 'PRECONDITION_FAILED') return { outcome: 'NA', reason: `precondition not met: ${t.message ?? 'assert_implements_optional'}` };
  return { outcome: 'FAIL' };
}

const results = [];
try {
  for (const testPath of tests) {
    const r = await runFile(testPath);
    for (const t of r.tests) Object.assign(t, classify(testPath, t));
    results.push(r);
    const n = (o) => r.tests.filter((t) => t.outcome === o).length;
    console.log(`${r.harness.status.padEnd(9)} ${String(n('PASS')).padStart(2)} pass ${String(n('FAIL')).padStart(2)} fail ${String(n('NA')).padStart(2)} n/a  ${testPath}  (${r.ms} ms)`);
  }
} finally {
  await browser.close();
  server.close();
}

const all = results.flatMap((r) => r.tests.map((t) => ({ file: r.file, ...t })));
const count = (o) => all.filter((t) => t.outcome === o).length;
const summary = {
  files: results.length,
  subtests: all.length,
  declared: results.reduce((s, r) => s + r.declared, 0),
  pass: count('PASS'),
  fail: count('FAIL'),
  notApplicable: count('NA'),
  harnessNotOK: results.filter((r) => r.harness.status !== 'OK').map((r) => ({ file: r.file, ...r.harness })),
};

const oneLine = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
console.log('\nFailing subtests:');
for (const t of all.filter((x) => x.outcome === 'FAIL')) {
  console.log(`  [${t.status}] ${t.file.replace('ai/summarizer/', '')} :: ${t.name}\n      ${oneLine(t.message)}`);
}
console.log('\nNot applicable:');
for (const t of all.filter((x) => x.outcome === 'NA')) {
  console.log(`  ${t.file.replace('ai/summarizer/', '')} :: ${t.name}\n      ${oneLine(t.reason)}`);
}
for (const h of summary.harnessNotOK) console.log(`\nharness ${h.status} in ${h.file}: ${oneLine(h.message)}`);

fs.mkdirSync(path.dirname(opts.json), { recursive: true });
fs.writeFileSync(opts.json, JSON.stringify({
  project, module: modulePath, chromium: chromiumVersion, when: new Date().toISOString(), summary, results,
}, null, 2) + '\n');
console.log(`\n${summary.files} test files, ${summary.subtests} subtests reported (${summary.declared} promise_test calls in the files); results in ${opts.json}`);
console.log(`not applicable: ${summary.notApplicable}`);
console.log(`wpt: ${summary.pass} passed, ${summary.fail} failed, ${summary.notApplicable} skipped`);
// A harness error (an exception outside any subtest, such as an event after an abort) fails the run too.
process.exit(summary.fail > 0 || summary.harnessNotOK.length > 0 ? 1 : 0);
