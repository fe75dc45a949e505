// The extension in Firefox (extension.test.mjs has it in Chromium). web-ext lints the Firefox build; headless Firefox
// (Debian's firefox-esr over WebDriver BiDi, through puppeteer-core and internal/browsers/launch.mjs) installs it with BiDi's
// webExtension.install, as a temporary add-on.
//
// WebDriver BiDi reaches web pages only: it refuses to open moz-extension:// pages, and shows neither the toolbar
// nor the sidebar (Debian ships no geckodriver, whose classic WebDriver would not either). So the tests step into
// the browser window's own privileged scope (evaluateInFirefoxChrome) to press the toolbar button as a click does,
// which makes Firefox grant activeTab and open the sidebar, and to open the panel in a tab of the same window: a
// panel in a tab follows its window's records, as the sidebar's does, and BiDi can drive that tab. The sidebar's own
// page runs in the extension's process, out of BiDi's reach; the tests check that it is the one that opened.
// Firefox's context menu is not reached: see extension/README.md.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { evaluateInFirefoxChrome, launchFirefox } from '../../internal/browsers/launch.mjs';
import { build, repo, seedHeadings, startSite } from './pages.mjs';

const extensionDir = join(build, 'extension', 'firefox');
const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
const addonID = manifest.browser_specific_settings.gecko.id;
// The add-on's internal UUID, which names its moz-extension:// origin; fixed here so that the tests know it.
const uuid = randomUUID();
const origin = `moz-extension://${uuid}/`;
// The widget ids Firefox gives an add-on's toolbar button and sidebar: its id with the characters ids may not hold
// replaced.
const widget = addonID.replace(/[^a-z0-9_-]/gi, '_');
const buttonID = `${widget}-browser-action`;
const sidebarID = `${widget}-sidebar-action`;

const TIMEOUT_MS = 180_000; // a hang's limit, not a test's: Firefox starts slowly on a busy machine

let site;
let browser;
let tab; // the tab the tests browse in
let panel; // the panel, in a tab of the same window

before(async () => {
  assert.ok(existsSync(join(extensionDir, 'manifest.json')), `${extensionDir} is missing: run make extension`);
  site = await startSite();
  browser = await launchFirefox({
    systemAccess: true,
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [addonID]: uuid }) },
  });
  [tab] = await browser.pages();
  // Every HTTP request of the browser, whichever page, worker or add-on makes it, as Firefox's network layer sees
  // it, with the add-on (if any) on whose behalf it is made. moz-extension:// files are no HTTP requests.
  await evaluateInFirefoxChrome(browser, () => {
    window.keypointsRequests = [];
    Services.obs.addObserver((subject) => {
      const channel = subject.QueryInterface(Ci.nsIChannel);
      const { loadInfo } = channel;
      const addon = loadInfo.triggeringPrincipal?.addonId || loadInfo.loadingPrincipal?.addonId || '';
      window.keypointsRequests.push({ url: channel.URI.spec, addon });
    }, 'http-on-modify-request');
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('web-ext lint: no errors, and no warnings but two in Readability', { timeout: TIMEOUT_MS }, () => {
  const webExt = join(repo, 'internal', 'browsers', 'node_modules', '.bin', 'web-ext');
  const run = spawnSync(webExt, ['lint', '--source-dir', extensionDir, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
  });
  assert.ok(run.stdout.trim().startsWith('{'), `web-ext lint printed no report (make browser-deps): ${run.error ?? run.stderr}`);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.notices, []);
  // Readability (vendor/, as Mozilla publishes it) puts the page's own markup back into its copy of the page with
  // innerHTML; see extension/README.md. Any other warning is ours to fix.
  const warnings = report.warnings.map((w) => `${w.code} ${w.file}`);
  assert.deepEqual(warnings, Array(2).fill('UNSAFE_VAR_ASSIGNMENT vendor/Readability.js'), JSON.stringify(report.warnings));
});

test('it installs through WebDriver BiDi, with no warning', { timeout: TIMEOUT_MS }, async () => {
  assert.equal(await browser.installExtension(extensionDir), addonID);
  const installed = await evaluateInFirefoxChrome(browser, (id) => {
    const policy = WebExtensionPolicy.getByID(id);
    return {
      active: policy.active,
      origin: `moz-extension://${policy.mozExtensionHostname}/`,
      warnings: policy.extension.warnings,
      errors: policy.extension.errors,
      // Firefox has its sidebar and no side panel: background.js opens the sidebar.
      sidebar: SidebarController.sidebars.has(`${id.replace(/[^a-z0-9_-]/gi, '_')}-sidebar-action`),
    };
  }, addonID);
  assert.deepEqual(installed, { active: true, origin, warnings: [], errors: [], sidebar: true });
});

test('the toolbar button opens the sidebar with the article as themed key points', { timeout: TIMEOUT_MS }, async () => {
  await tab.goto(`${site.url}article`);
  await pressButton();
  await evaluateInFirefoxChrome(browser, () =>
    new Promise((resolve) => {
      const check = () => (SidebarController.isOpen ? resolve() : setTimeout(check, 50));
      check();
    }),
  );
  assert.equal(await evaluateInFirefoxChrome(browser, () => SidebarController.currentID), sidebarID);

  panel = await openPanel();
  await panel.waitForFunction(() => document.body.dataset.state === 'ready');
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
  for (const h of seedHeadings) assert.ok(labels.includes(h), `themes ${JSON.stringify(labels)} lack ${h}`);
  const points = shown.themes.flatMap((t) => t.points);
  assert.equal(points.length, 5, 'medium is 5 key points');
  assert.doesNotMatch(points.join(' '), /Sign in|All rights reserved|Most read/, 'page furniture stays out');

  // A point clicked shows its sentence in the article view, which holds the article's text and nothing else.
  await panel.evaluate(() => {
    const link = [...document.querySelectorAll('#summary .theme')]
      .find((s) => s.querySelector('h3').textContent === 'Europeans back Ukraine')
      .querySelector('a.point');
    link.dataset.chosen = '';
    link.scrollIntoView({ block: 'center' });
  });
  await panel.locator('#summary a.point[data-chosen]').click();
  await panel.waitForFunction(() => document.querySelector('#source mark.active') !== null);
  const chosen = await panel.evaluate(() => ({
    point: document.querySelector('#summary a.point[data-chosen]').textContent,
    current: document.querySelector('#summary a.point[data-chosen]').getAttribute('aria-current'),
    marks: [...document.querySelectorAll('#source mark.active')].map((m) => m.textContent).join(' '),
    elements: [...document.getElementById('source').children].map((e) => e.localName).filter((n) => n !== 'mark'),
  }));
  assert.equal(chosen.current, 'true');
  assert.deepEqual(chosen.elements, []);
  for (const word of words(chosen.point)) assert.ok(words(chosen.marks).includes(word), `"${word}" is not in ${chosen.marks}`);
  const record = await stored();
  assert.equal(await panel.evaluate(() => document.getElementById('source').textContent), record.text);
  assert.ok(!record.text.includes('Sign in') && !record.text.includes('Most read'), 'page furniture stays out');

  // Another length summarizes the same text again; the page is not read again.
  await panel.evaluate(() => document.querySelector('input[name="length"][value="short"]').click());
  await panel.waitForFunction(() => document.querySelectorAll('#summary a.point').length === 3);
  assert.equal((await stored()).time, record.time);
  await panel.evaluate(() => document.querySelector('input[name="length"][value="medium"]').click());
  await panel.waitForFunction(() => document.querySelectorAll('#summary a.point').length === 5);
  await panel.screenshot({ path: join(build, 'test-output', 'extension-panel-firefox.png') });
});

test('a page without an article says so plainly', { timeout: TIMEOUT_MS }, async () => {
  await tab.bringToFront();
  await tab.goto(`${site.url}login`);
  await pressButton();
  await panel.waitForFunction(() => document.body.dataset.state === 'no-article');
  assert.match(await panel.evaluate(() => document.getElementById('status').textContent), /^This page has no readable article\./);
});

test('a page the browser keeps extensions out of says so', { timeout: TIMEOUT_MS }, async () => {
  await tab.bringToFront();
  // Navigated by the browser: BiDi sees no load event in Firefox's own pages.
  await evaluateInFirefoxChrome(browser, () => {
    openTrustedLinkIn('about:robots', 'current');
    return new Promise((resolve) => {
      const check = () => (gBrowser.currentURI.spec === 'about:robots' && !gBrowser.selectedBrowser.webProgress.isLoadingDocument ? resolve() : setTimeout(check, 50));
      check();
    });
  });
  await pressButton();
  await panel.waitForFunction(() => document.body.dataset.state === 'unreadable');
  assert.match(await panel.evaluate(() => document.getElementById('status').textContent), /^keypoints cannot read this page\./);
});

test('the extension makes no network request', { timeout: TIMEOUT_MS }, async () => {
  const requests = await evaluateInFirefoxChrome(browser, () => window.keypointsRequests);
  // The observer saw the test pages, so it would have seen the add-on's requests.
  assert.ok(requests.some((r) => r.url === `${site.url}article`), JSON.stringify(requests));
  assert.deepEqual(requests.filter((r) => r.addon === addonID), []);
  const pages = requests.filter((r) => r.url.startsWith(site.url));
  assert.deepEqual(pages.map((r) => r.addon), pages.map(() => ''), 'the test pages were loaded by the tab alone');
});

// pressButton presses the add-on's toolbar button in the window, as a click does: pinned to the toolbar first,
// since Firefox keeps add-on buttons in its extensions menu until they are.
async function pressButton() {
  await evaluateInFirefoxChrome(browser, (id) => {
    CustomizableUI.addWidgetToArea(id, CustomizableUI.AREA_NAVBAR);
    document.getElementById(id).querySelector('toolbarbutton').doCommand();
  }, buttonID);
}

// openPanel opens panel.html in a tab of the test tab's window, and resolves to puppeteer's page for it. The tab
// is opened by the browser itself: pages may not open moz-extension:// addresses, nor may BiDi. (Puppeteer goes on
// calling the tab about:blank, but evaluates in the panel.)
async function openPanel() {
  const url = `${origin}panel.html`;
  const before = new Set(await browser.pages());
  await evaluateInFirefoxChrome(browser, (address) => {
    gBrowser.addTab(address, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
  }, url);
  let page;
  await waitUntil(async () => (page = (await browser.pages()).find((p) => !before.has(p))));
  page.setDefaultTimeout(TIMEOUT_MS);
  await waitUntil(() =>
    page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false),
  );
  return page;
}

async function waitUntil(fn) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// stored is the record the background left for the window, read where the panel reads it.
async function stored() {
  return panel.evaluate(async () => {
    const { id } = await browser.windows.getCurrent();
    return (await browser.storage.session.get(`article:${id}`))[`article:${id}`];
  });
}

function words(s) {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
