// The npm package as a user gets it: `make package`'s tarball installed into an empty project; imported by Node.js;
// built into a page by Vite with the configuration the package's README gives, and by webpack with none, each page
// run in headless Chromium (Debian's /usr/bin/chromium); and a TypeScript consumer type-checked against its .d.ts.
// Vite, webpack, TypeScript and playwright-core are this folder's npm packages. Needs `make build package` (make
// test-package).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = new URL('./', import.meta.url);
const root = new URL('../../../', import.meta.url);
const build = new URL(`${process.env.KEYPOINTS_BUILD ?? 'build'}/`, root);
const manifest = JSON.parse(readFileSync(new URL('../../npm/package.json', import.meta.url), 'utf8'));
const readme = readFileSync(new URL('../../npm/README.md', import.meta.url), 'utf8');
const tarball = fileURLToPath(new URL(`keypoints-${manifest.version}.tgz`, build));
const tool = (path) => fileURLToPath(new URL(`node_modules/${path}`, here));
const seed = readFileSync(new URL('testdata/ap-ukraine-territory.txt', root), 'utf8');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// native is what the command-line tool prints for input, the reference for every summary here.
function native(args, input) {
  return execFileSync(fileURLToPath(new URL('keypoints', build)), args, { input, encoding: 'utf8' }).replace(/\n$/, '');
}

const project = mkdtempSync(join(tmpdir(), 'keypoints-consumer-'));
const write = (name, text) => writeFileSync(join(project, name), text);
after(() => rmSync(project, { recursive: true, force: true }));

before(() => {
  assert.ok(existsSync(tarball), `${tarball} is missing: run make package`);
  write('package.json', JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2) + '\n');
  // The package depends on nothing, so the install needs no registry: --offline makes sure of it.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'pipe' });
});

test('npm installs the packed package into an empty project, with nothing else', () => {
  const installed = join(project, 'node_modules', 'keypoints');
  for (const f of [...manifest.files, 'package.json', 'README.md', 'LICENSE']) {
    assert.ok(existsSync(join(installed, f)), `node_modules/keypoints lacks ${f}`);
  }
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'));
  assert.deepEqual(Object.keys(lock.packages).filter(Boolean), ['node_modules/keypoints']);
  assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
});

test('Node.js imports it by name', () => {
  write('node.mjs', `import { Summarizer } from 'keypoints';
import { readFileSync } from 'node:fs';
const s = await Summarizer.create({ type: 'headline' });
process.stdout.write(await s.summarize(readFileSync(0, 'utf8')));
`);
  const out = execFileSync('node', ['node.mjs'], { cwd: project, input: seed, encoding: 'utf8' });
  assert.equal(out, native(['-type', 'headline'], seed));
});

test('tsc type-checks a consumer against the package types', () => {
  write('consumer.ts', `import { Summarizer, setEngineSource, type Summary, type SummarizerCreateOptions } from 'keypoints';
import { configure, hasBuiltIn, polyfilled } from 'keypoints/polyfill';

configure({ useDownloadable: false });
setEngineSource({ worker: null });
const options: SummarizerCreateOptions = { type: 'tldr', length: 'short', preference: 'speed' };

export async function run(text: string): Promise<string> {
  if ((await Summarizer.availability(options)) !== 'available') return '';
  const s = await Summarizer.create({
    ...options,
    monitor(m) {
      m.addEventListener('downloadprogress', (e) => console.log(e.loaded.toFixed(2)));
    },
  });
  const summary: Summary = await s.analyze(text);
  const span = summary.keyPoints[0]?.spans[0];
  const made: typeof Summarizer = polyfilled;
  const from = span ? text.slice(span.start, span.end) : '';
  return [hasBuiltIn, made.name, s.preference, s.inputQuota, from, await s.summarize(text)].join(' ');
}

// @ts-expect-error: "bogus" is no type of summary
Summarizer.create({ type: 'bogus' });
`);
  for (const moduleResolution of ['bundler', 'nodenext']) {
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        lib: ['es2022', 'dom'],
        module: moduleResolution === 'bundler' ? 'esnext' : 'nodenext',
        moduleResolution,
        types: [],
      },
      files: ['consumer.ts'],
    };
    write(`tsconfig.${moduleResolution}.json`, JSON.stringify(config, null, 2));
    try {
      execFileSync('node', [tool('typescript/bin/tsc'), '-p', `tsconfig.${moduleResolution}.json`], { cwd: project, encoding: 'utf8' });
    } catch (err) {
      assert.fail(`tsc (${moduleResolution}): ${err.stdout}${err.stderr}`);
    }
  }
});

// The README's Vite configuration, as a user would copy it.
function viteConfig() {
  const m = /`vite\.config\.js`:\s*```js\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'the README gives a vite.config.js');
  return m[1];
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

// The page both bundlers build: code written for Chrome's Summarizer, with the polyfill, and ours by name.
const mainJS = `import 'keypoints/polyfill';
import { hasBuiltIn } from 'keypoints/polyfill';
import { Summarizer as Keypoints } from 'keypoints';
import seed from './seed.js';

const report = { hasBuiltIn, availability: await Summarizer.availability({ type: 'key-points' }) };
try {
  const s = await Summarizer.create({ type: 'key-points', length: 'medium' });
  report.ours = s instanceof Keypoints;
  report.keyPoints = await s.summarize(seed);
  report.headline = await (await Keypoints.create({ type: 'headline' })).summarize(seed);
} catch (e) {
  report.failure = String(e?.stack ?? e);
}
document.getElementById('out').textContent = JSON.stringify(report);
document.body.dataset.done = 'true';
`;

// page is the HTML of the page, under the strict policy the package README asks for, loading script.
const page = (script) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<title>consumer</title>
${script}
</head>
<body><pre id="out"></pre></body>
</html>
`;

// checkBundle makes sure a bundler shipped the wasm and the worker, and no Node.js module.
function checkBundle(dist) {
  const files = readdirSync(dist, { recursive: true }).map(String);
  assert.ok(files.some((f) => f.endsWith('.wasm')), `the wasm was shipped: ${files}`);
  for (const f of files.filter((a) => a.endsWith('.js'))) {
    assert.doesNotMatch(readFileSync(join(dist, f), 'utf8'), /node:fs|keypoints\.fs\.node/, `${f} holds no Node.js module`);
  }
}

// runPage serves dist on 127.0.0.1, opens it in headless Chromium and checks what the page reports: the summaries
// are the command-line tool's, the engine ran in one worker, and nothing but the page's own files was asked for.
async function runPage(dist) {
  const served = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    served.push(path);
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    const tab = await browser.newPage();
    const requests = [];
    const errors = [];
    const workers = [];
    tab.on('request', (r) => requests.push(r.url()));
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('worker', (w) => workers.push(w.url()));
    await tab.goto(`${origin}/`);
    await tab.waitForSelector('body[data-done]');
    const report = JSON.parse(await tab.textContent('#out'));
    assert.equal(report.failure, undefined, report.failure);
    assert.deepEqual(errors, []);
    assert.equal(report.availability, 'available');
    assert.equal(report.ours, true, 'Chromium has no model here, so the polyfill hands the call to keypoints');
    assert.equal(report.keyPoints, native(['-length', 'medium'], seed));
    assert.equal(report.headline, native(['-type', 'headline'], seed));
    assert.equal(workers.length, 1, `one worker: ${workers}`);
    assert.ok(served.some((p) => p.endsWith('.wasm')), `served: ${served}`);
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), [], 'nothing but the page’s own files');
  } finally {
    await browser.close();
    server.close();
  }
}

const browserTest = { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is absent` };

test('Vite builds a page with the README configuration, and it summarizes in Chromium', browserTest, async () => {
  write('vite.config.js', viteConfig());
  write('seed.js', `export default ${JSON.stringify(seed)};\n`);
  write('main.js', mainJS);
  write('index.html', page('<script type="module" src="/main.js"></script>'));
  execFileSync('node', [tool('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: project, stdio: 'pipe' });
  const dist = join(project, 'dist');
  checkBundle(dist);
  assert.ok(readdirSync(join(dist, 'assets')).some((f) => /worker/.test(f)), 'Vite bundled the worker');
  await runPage(dist);
});

test('webpack builds the same page with no configuration of the package, and it summarizes in Chromium', browserTest, async () => {
  write('seed.js', `export default ${JSON.stringify(seed)};\n`);
  write('main.js', mainJS);
  const { default: webpack } = await import(tool('webpack/lib/index.js'));
  const dist = join(project, 'dist-webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack({ mode: 'production', context: project, entry: './main.js', output: { path: dist } }, (err, result) =>
      err ? reject(err) : resolve(result));
  });
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  writeFileSync(join(dist, 'index.html'), page('<script src="main.js"></script>'));
  checkBundle(dist);
  await runPage(dist);
});
