// The extension in Chromium (firefox.test.mjs has it in Firefox). Headless Chromium (Debian's /usr/bin/chromium,
// started by internal/browsers/launch.mjs) loads the Chrome build unpacked;
// the toolbar button is pressed through the DevTools protocol (Extensions.triggerAction, which acts as a click: it
// grants activeTab and opens the real side panel), and the side panel is read and photographed where it is. The
// context menu's handler is called from the service worker with what Chrome passes it, since a headless browser
// shows no menus. The side panel (reloaded once watched, so that its first request is seen too), the worker it
// starts and the service worker report their requests over the DevTools protocol, the test pages theirs through
// Playwright, and the last test asserts that the extension loaded nothing but its own files. Test pages come from
// a server on the loopback address; Chromium sends every other request (its own update and sign-in checks) to a
// proxy that answers none, so nothing leaves the machine. Needs `make extension`.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchChromiumProfile } from '../../internal/browsers/launch.mjs';
import { build, seedHeadings, selected, startProxy, startSite, unselected } from './pages.mjs';

const extensionDir = join(build, 'extension', 'chrome');
const screenshot = join(build, 'test-output', 'extension-panel.png');
const TIMEOUT_MS = 120_000; // a hang's limit, not a test's

let site; // {url, otherOrigin, close}: the test pages
let proxy; // {port, close}: where every request bound beyond the loopback address ends
let context; // Playwright's BrowserContext
let worker; // the extension's service worker
let extensionID;
let browserSession; // a DevTools session on the browser
let panel; // a DevTools session on the side panel, once it has opened
let page; // the tab the tests browse in
const requests = []; // {owner, url}: every request of every target, owner the URL of the page or worker that made it

before(async () => {
  assert.ok(existsSync(join(extensionDir, 'manifest.json')), `${extensionDir} is missing: run make extension`);
  site = await startSite();
  proxy = await startProxy();
  context = await launchChromiumProfile({
    headless: false,
    viewport: null,
    args: [
      '--window-size=1280,1000',
      // Loopback addresses bypass the proxy; everything else goes to it.
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      // Lets the DevTools protocol press the extension's toolbar button.
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: TIMEOUT_MS }));
  extensionID = new URL(worker.url()).host;
  browserSession = await context.browser().newBrowserCDPSession();
  const workerTarget = await findTarget((t) => t.type === 'service_worker' && t.url === worker.url());
  await watchRequests(await attach(workerTarget.targetId), worker.url());
  context.on('request', (r) => requests.push({ owner: r.frame().url(), url: r.url() }));
  page = context.pages()[0] ?? (await context.newPage());
});

after(async () => {
  await context?.close();
  await site?.close();
  await proxy?.close();
});

test('the build: a Chrome and a Firefox extension, unpacked and zipped, with no host permission', () => {
  const chrome = JSON.parse(readFileSync(join(build, 'extension', 'chrome', 'manifest.json'), 'utf8'));
  const firefox = JSON.parse(readFileSync(join(build, 'extension', 'firefox', 'manifest.json'), 'utf8'));
  const csp = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";
  assert.equal(chrome.manifest_version, 3);
  assert.deepEqual(chrome.permissions, ['activeTab', 'scripting', 'contextMenus', 'sidePanel', 'storage']);
  assert.equal(chrome.content_security_policy.extension_pages, csp);
  assert.equal(chrome.background.service_worker, 'background.js');
  assert.equal(chrome.side_panel.default_path, 'panel.html');
  assert.deepEqual(firefox.permissions, ['activeTab', 'scripting', 'contextMenus', 'storage']);
  assert.equal(firefox.content_security_policy.extension_pages, csp);
  assert.deepEqual(firefox.background, { scripts: ['background.js'] });
  assert.equal(firefox.sidebar_action.default_panel, 'panel.html');
  assert.ok(firefox.browser_specific_settings.gecko.id);
  for (const m of [chrome, firefox]) {
    assert.equal(m.host_permissions, undefined);
    assert.equal(m.content_scripts, undefined);
    assert.equal(m.web_accessible_resources, undefined);
  }
  for (const target of ['chrome', 'firefox']) {
    const names = zipNames(readFileSync(join(build, `keypoints-${target}.zip`)));
    for (const f of ['manifest.json', 'background.js', 'panel.html', 'panel.js', 'panel.css', 'view.js', 'style.css',
      'keypoints.js', 'keypoints.worker.js', 'keypoints.wasm', 'wasm_exec.js', 'vendor/Readability.js']) {
      assert.ok(names.includes(f), `keypoints-${target}.zip lacks ${f}`);
      assert.ok(existsSync(join(build, 'extension', target, f)), `build/extension/${target} lacks ${f}`);
    }
  }
});

const browserTest = { timeout: TIMEOUT_MS };

test('the toolbar button shows the article as themed key points in the side panel', browserTest, async () => {
  await page.goto(`${site.url}article`);
  await pressButton(page);
  panel = await sidePanel();
  await watchRequests(panel, panel.url);
  await panel.send('Page.reload');
  await panel.waitFor(() => document.body.dataset.state === 'ready');

  const shown = await panel.evaluate(() => ({
    kicker: document.getElementById('kicker').textContent,
    title: document.getElementById('article-title').textContent,
    themes: [...document.querySelectorAll('#summary .theme')].map((s) => ({
      label: s.querySelector('h3')?.textContent ?? '',
      points: [...s.querySelectorAll('a.point')].map((a) => a.textContent),
    })),
  }));
  assert.equal(shown.kicker, 'Article · Example News');
  assert.match(shown.title, /Zelenskyy rejects giving up territory/);
  const labels = shown.themes.map((t) => t.label);
  const found = seedHeadings.map((h) => labels.indexOf(h));
  assert.ok(found.every((i) => i >= 0), `themes ${JSON.stringify(labels)} lack a section heading`);
  assert.deepEqual([...found].sort((a, b) => a - b), found, 'themes are in the article’s order');
  const points = shown.themes.flatMap((t) => t.points);
  assert.equal(points.length, 5, 'medium is 5 key points');
  for (const t of shown.themes) assert.ok(t.points.length > 0, `theme ${t.label} has no point`);
  for (const p of points) assert.ok(p.trim().split(/\s+/).length >= 4, `point ${JSON.stringify(p)} is too short`);
  const text = shown.themes.map((t) => t.points.join(' ')).join(' ');
  assert.doesNotMatch(text, /Sign in|All rights reserved|Most read/, 'page furniture stays out of the summary');

  // Choosing a point shows its sentence in the article view, which holds the article's text and nothing else.
  const chosen = await panel.evaluate(() => {
    const link = [...document.querySelectorAll('#summary .theme')]
      .find((s) => s.querySelector('h3').textContent === 'Europeans back Ukraine')
      .querySelector('a.point');
    link.scrollIntoView({ block: 'center' });
    link.click();
    const source = document.getElementById('source');
    return {
      point: link.textContent,
      current: link.getAttribute('aria-current'),
      marks: [...source.querySelectorAll('mark.active')].map((m) => m.textContent),
      focused: document.activeElement?.localName,
      elements: [...source.children].map((e) => e.localName).filter((n) => n !== 'mark'),
      text: source.textContent,
    };
  });
  assert.equal(chosen.current, 'true');
  assert.equal(chosen.focused, 'mark');
  assert.deepEqual(chosen.elements, []);
  const marked = chosen.marks.join(' ');
  for (const word of words(chosen.point)) assert.ok(words(marked).includes(word), `"${word}" is not in ${marked}`);
  const record = await stored();
  assert.equal(chosen.text, record.text);
  assert.ok(selected.every((p) => record.text.includes(p)), 'the article text holds every paragraph');
  assert.ok(!record.text.includes('Sign in') && !record.text.includes('Most read'), 'page furniture stays out');

  await panel.waitFor(settled);
  await capture(panel, screenshot);

  // Another length summarizes the same text again; the page is not read again.
  await panel.evaluate(() => document.querySelector('input[name="length"][value="short"]').click());
  await panel.waitFor(() => document.querySelectorAll('#summary a.point').length === 3);
  assert.equal((await stored()).time, record.time);
  await panel.evaluate(() => document.querySelector('input[name="type"][value="headline"]').click());
  await panel.waitFor(() => document.querySelector('#summary .headline a.point') !== null);
  assert.equal(await panel.evaluate(() => document.getElementById('summary-title').textContent), 'Headline');
  await panel.evaluate(() => {
    document.querySelector('input[name="type"][value="key-points"]').click();
    document.querySelector('input[name="length"][value="medium"]').click();
  });
  await panel.waitFor(() => document.querySelectorAll('#summary a.point').length === 5);

  // The side panel stays open in the window's other tabs, and says there that its summary is of another tab.
  const other = await context.newPage();
  await other.bringToFront();
  await panel.waitFor(() => !document.getElementById('elsewhere').hidden);
  await other.close();
  await page.bringToFront();
  await panel.waitFor(() => document.getElementById('elsewhere').hidden);
});

test('a page without an article says so plainly', browserTest, async () => {
  await page.goto(`${site.url}login`);
  await pressButton(page);
  await panel.waitFor(() => document.body.dataset.state === 'no-article');
  const shown = await panel.evaluate(() => ({
    status: document.getElementById('status').textContent,
    results: document.getElementById('results').hidden,
  }));
  assert.match(shown.status, /^This page has no readable article\./);
  assert.equal(shown.results, true);
  await capture(panel, join(build, 'test-output', 'extension-no-article.png'));
});

test('a page the browser keeps extensions out of says so', browserTest, async () => {
  await page.goto('chrome://version/');
  await pressButton(page);
  await panel.waitFor(() => document.body.dataset.state === 'unreadable');
  const status = await panel.evaluate(() => document.getElementById('status').textContent);
  assert.match(status, /^keypoints cannot read this page\./);
});

test('"Summarize selection" summarizes the selected text, line breaks kept', browserTest, async () => {
  await page.goto(`${site.url}selection`);
  // The button's press stands for the menu's click in granting activeTab, which Chrome gives both.
  await pressButton(page);
  await panel.waitFor(() => ['ready', 'no-article'].includes(document.body.dataset.state));
  const selection = await selectSection(page);
  const tab = await tabOf(page);
  // The menu's selectionText runs paragraphs together, so the handler reads the page's own selection.
  await worker.evaluate(([info, tab]) => onMenuClicked(info, tab), [menuInfo(selection), tab]);
  await panel.waitFor(() => {
    const kicker = document.getElementById('kicker').textContent;
    return document.body.dataset.state === 'ready' && kicker.startsWith('Selection');
  });
  const shown = await panel.evaluate(() => ({
    source: document.getElementById('source').textContent,
    points: [...document.querySelectorAll('#summary a.point')].map((a) => a.textContent),
  }));
  assert.equal(shown.source, selection);
  assert.ok(selected.every((p) => shown.source.includes(p)));
  assert.ok(!shown.source.includes(unselected), 'text outside the selection stays out');
  assert.ok(shown.points.length > 0);
  for (const p of shown.points) {
    assert.ok(words(selection).includes(words(p)[0]), `point ${JSON.stringify(p)} is not from the selection`);
  }
});

test('"Summarize selection" falls back to the menu’s text where the page cannot be read', browserTest, async () => {
  // Going to another site ends the activeTab grant: the handler can no longer read the page.
  await page.goto(`${site.otherOrigin}selection`);
  const selection = await selectSection(page);
  const tab = await tabOf(page);
  const earlier = (await stored()).time;
  await worker.evaluate(([info, tab]) => onMenuClicked(info, tab), [menuInfo(selection), tab]);
  const record = await stored();
  assert.ok(record.time > earlier);
  assert.equal(record.kind, 'selection');
  assert.equal(record.text, collapse(selection));
  await panel.waitFor(
    (text) => document.body.dataset.state === 'ready' && document.getElementById('source').textContent === text,
    record.text,
  );
});

test('the extension requests nothing but its own files', async () => {
  const own = `chrome-extension://${extensionID}/`;
  const ofExtension = requests.filter((r) => r.owner.startsWith(own));
  for (const f of ['panel.js', 'keypoints.js', 'keypoints.worker.js', 'keypoints.wasm']) {
    assert.ok(ofExtension.some((r) => r.url === own + f), `the request for ${f} was not seen`);
  }
  assert.deepEqual(ofExtension.filter((r) => !r.url.startsWith(own)), [], 'requests of the extension elsewhere');
  const ofPages = requests.filter((r) => !r.owner.startsWith(own));
  assert.ok(ofPages.length > 0);
  // The test pages come from the loopback address; chrome://version comes from the browser itself.
  const local = (url) => url.startsWith('chrome://') || ['127.0.0.1', 'localhost'].includes(new URL(url).hostname);
  assert.deepEqual(ofPages.filter((r) => !local(r.url)), [], 'requests of the test pages beyond the machine');
});

// pressButton presses the extension's toolbar button on page's tab, as a click does.
async function pressButton(p) {
  const tab = await findTarget((t) => t.type === 'tab' && t.url === p.url());
  await browserSession.send('Extensions.triggerAction', { id: extensionID, targetId: tab.targetId });
}

// sidePanel resolves to a session on the side panel's page, once the browser has opened it.
async function sidePanel() {
  const url = `chrome-extension://${extensionID}/panel.html`;
  const target = await findTarget((t) => t.type === 'page' && t.url.startsWith(url));
  const session = await attach(target.targetId);
  session.url = target.url;
  await session.waitFor(() => document.readyState === 'complete');
  return session;
}

async function findTarget(match) {
  let found;
  await waitUntil(async () => {
    const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{}] });
    found = targetInfos.find(match);
    return found;
  });
  return found;
}

// attach opens a DevTools session on a target that Playwright does not hand out, such as the side panel.
async function attach(targetId) {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  return over(browserSession, sessionId);
}

// over is the session sessionId, reached through parent (a session too): its commands and events travel inside
// the parent's Target messages.
function over(parent, sessionId) {
  let nextID = 0;
  const calls = new Map();
  const listeners = new Map();
  parent.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    if (m.id === undefined) {
      for (const fn of listeners.get(m.method) ?? []) fn(m.params);
      return;
    }
    const call = calls.get(m.id);
    calls.delete(m.id);
    if (m.error) call?.reject(new Error(`${call.method}: ${m.error.message}`));
    else call?.resolve(m.result);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextID;
      calls.set(id, { resolve, reject, method });
      const message = JSON.stringify({ id, method, params });
      parent.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
    });
  const evaluate = async (fn, args = []) => {
    const r = await send('Runtime.evaluate', {
      expression: `(${fn})(...${JSON.stringify(args)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  return {
    send,
    on(method, fn) {
      listeners.set(method, [...(listeners.get(method) ?? []), fn]);
    },
    evaluate: (fn, ...args) => evaluate(fn, args),
    // waitFor resolves once fn, evaluated in the target, is truthy.
    waitFor: (fn, ...args) => waitUntil(() => evaluate(fn, args).catch(() => false)),
  };
}

// watchRequests records the requests of the target of session, and those of the workers it starts from then on:
// each is attached as it starts and held there until its Network domain is on, so that even its first request is
// seen. owner is the URL the requests are recorded under.
async function watchRequests(session, owner) {
  session.on('Network.requestWillBeSent', (e) => requests.push({ owner, url: e.request.url }));
  await session.send('Network.enable');
  session.on('Target.attachedToTarget', async ({ sessionId, waitingForDebugger }) => {
    const child = over(session, sessionId);
    child.on('Network.requestWillBeSent', (e) => requests.push({ owner, url: e.request.url }));
    // A target may be gone before these commands reach it (a worker that the engine retired, or one still starting
    // when the browser closes); one that is gone makes no request, so its session's refusal is no failure.
    try {
      await child.send('Network.enable');
    } catch {
      // gone
    } finally {
      if (waitingForDebugger) await child.send('Runtime.runIfWaitingForDebugger').catch(() => {});
    }
  });
  // A service worker starts no workers of its own, and refuses.
  await session
    .send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false })
    .catch(() => {});
}

// settled is true once the page's scrolling has stopped: smooth scrolls take a moment.
function settled() {
  return new Promise((resolve) => {
    const at = () => [...document.querySelectorAll('*')].map((e) => e.scrollTop).join();
    const before = at();
    setTimeout(() => resolve(at() === before), 200);
  });
}

async function capture(session, path) {
  const { data } = await session.send('Page.captureScreenshot', { format: 'png' });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(data, 'base64'));
}

// stored is the record the background left for the test tab's window.
async function stored() {
  const tab = await tabOf(page);
  return worker.evaluate((key) => chrome.storage.session.get(key).then((r) => r[key]), `article:${tab.windowId}`);
}

// tabOf is the extension's view of page's tab, as the handlers receive it: with its URL and title while the
// extension holds activeTab for it, with its id and window always.
let tabID;
async function tabOf(p) {
  const tab = await worker.evaluate(
    async ([url, id]) => (await chrome.tabs.query({})).find((t) => (id === undefined ? t.url === url : t.id === id)),
    [p.url(), tabID],
  );
  tabID = tab.id;
  return tab;
}

// selectSection selects the paragraphs under "Europeans back Ukraine" and returns the selection as the page has it.
async function selectSection(p) {
  return p.evaluate(() => {
    const paragraphs = document.querySelectorAll('p[data-selected]');
    const range = document.createRange();
    range.setStartBefore(paragraphs[0].firstChild);
    range.setEndAfter(paragraphs[paragraphs.length - 1].lastChild);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return String(getSelection());
  });
}

async function waitUntil(fn, timeout = TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// menuInfo is what Chrome passes the menu's handler for a selection in the top frame: selectionText has its
// whitespace collapsed.
function menuInfo(selection) {
  return { menuItemId: 'summarize-selection', selectionText: collapse(selection), frameId: 0, pageUrl: page.url() };
}

function words(s) {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function collapse(s) {
  return s.replace(/\s+/g, ' ').trim();
}

// zipNames lists the names in a zip's central directory.
function zipNames(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra;
  }
  return names;
}
