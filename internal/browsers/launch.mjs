// The one place the tests and benchmarks start browsers, each from its Debian package and none downloaded:
//
//   chromium  /usr/bin/chromium, headless, driven by playwright-core over the DevTools protocol
//   firefox   /usr/bin/firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser, driven by selenium-webdriver through /usr/bin/WebKitWebDriver (package
//             webkit2gtk-driver), in a window on an Xvfb display of its own (package xvfb)
//
// launchChromium, launchChromiumProfile, launchFirefox and launchWebKit hand back each driver's own objects, for the
// tests that need what only one browser can do (Chromium's DevTools sessions, Firefox's add-on install and its
// window's own scope, evaluateInFirefoxChrome). launch(name)
// hands back the same small face over all three (pages that go to a URL, evaluate a function, wait for one to be
// true, click a selector, take a screenshot), for the tests and the benchmark that run alike in every browser.
//
// A browser that is not installed is an error that says what to install: nothing here skips. KEYPOINTS_CHROMIUM,
// KEYPOINTS_FIREFOX, KEYPOINTS_WEBKIT_DRIVER and KEYPOINTS_MINIBROWSER name other binaries.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, By } from 'selenium-webdriver';

export const engines = ['chromium', 'firefox', 'webkit'];

// What each browser needs on the machine, and the Debian package that brings it.
const needs = {
  chromium: [{ path: process.env.KEYPOINTS_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' }],
  firefox: [{ path: process.env.KEYPOINTS_FIREFOX ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' }],
  webkit: [
    { path: process.env.KEYPOINTS_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver', pkg: 'webkit2gtk-driver' },
    {
      path: process.env.KEYPOINTS_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      pkg: 'webkit2gtk-driver',
    },
    { path: '/usr/bin/Xvfb', pkg: 'xvfb' },
  ],
};

export const chromiumPath = needs.chromium[0].path;
export const firefoxPath = needs.firefox[0].path;
const [webkitDriverPath, miniBrowserPath, xvfbPath] = needs.webkit.map((n) => n.path);

// The display Xvfb gives WebKit: the size of the window tests lay pages out in.
const SCREEN = '1280x1024x24';
const START_TIMEOUT_MS = 60_000;

// requireBrowser throws, naming the package to install, unless everything name needs is on the machine.
export function requireBrowser(name) {
  const missing = needs[name].filter((n) => !existsSync(n.path));
  if (missing.length > 0) {
    const pkgs = [...new Set(missing.map((n) => n.pkg))].join(' ');
    throw new Error(`${name}: ${missing.map((n) => n.path).join(', ')} missing: apt-get install ${pkgs}`);
  }
}

// The flags every headless run of Chromium shares: the new headless mode, and nothing that talks to the network on
// its own, so request counts see only what the page asks for.
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Firefox's own traffic, turned off on top of what its remote agent already turns off for automation, so that the
// network events of a test are the page's.
const firefoxPrefs = {
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
};

// launchChromium starts headless Chromium; it resolves to playwright-core's Browser. options go to
// chromium.launch; args are added to chromiumArgs.
export async function launchChromium(options = {}) {
  requireBrowser('chromium');
  const { args = [], ...rest } = options;
  return chromium.launch({ executablePath: chromiumPath, ...rest, args: [...chromiumArgs, ...args] });
}

// launchChromiumProfile starts Chromium on a new profile folder, a profile as a person has (unlike the temporary
// ones, it can install pages and load extensions). It resolves to playwright-core's BrowserContext; closing it
// removes the folder.
export async function launchChromiumProfile(options = {}) {
  requireBrowser('chromium');
  const { args = [], ...rest } = options;
  const dir = mkdtempSync(join(tmpdir(), 'keypoints-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    ...rest,
    args: [...chromiumArgs, ...args],
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return context;
}

// launchFirefox starts headless Firefox over WebDriver BiDi; it resolves to puppeteer-core's Browser. prefs are
// added to Firefox's preferences. systemAccess lets evaluateInFirefoxChrome reach the browser's own window.
export async function launchFirefox({ prefs = {}, systemAccess = false, args = [], ...options } = {}) {
  requireBrowser('firefox');
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: { ...firefoxPrefs, ...prefs },
    args: [...(systemAccess ? ['--remote-allow-system-access'] : []), ...args],
    ...options,
  });
}

// evaluateInFirefoxChrome runs fn(...args) in the privileged scope of Firefox's browser window (its "chrome"), where
// the toolbar, the sidebar and the add-on manager are, and resolves to its result (args and result as JSON). This
// is how a test presses an add-on's toolbar button: WebDriver BiDi reaches web pages only, and Debian ships no
// geckodriver. browser must come from launchFirefox({systemAccess: true}).
export async function evaluateInFirefoxChrome(browser, fn, ...args) {
  const { connection } = browser;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('evaluateInFirefoxChrome: no browser window; launch with {systemAccess: true}');
  const { result } = await connection.send('script.evaluate', {
    expression: `Promise.resolve(${expression(fn, args)}).then((v) => JSON.stringify(v ?? null))`,
    target: { context: window.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`in Firefox's chrome: ${result.exceptionDetails.text}`);
  return JSON.parse(result.result.value);
}

// launchWebKit starts Xvfb, WebKitWebDriver on it and a MiniBrowser session; it resolves to selenium-webdriver's
// WebDriver, whose quit() also stops the driver and the display. Each call is a new browser with empty storage.
export async function launchWebKit() {
  requireBrowser('webkit');
  const display = await startXvfb();
  let server;
  try {
    server = await startWebKitDriver(display.name);
    const driver = await new Builder()
      .usingServer(server.url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      })
      .build();
    const quit = driver.quit.bind(driver);
    driver.quit = async () => {
      try {
        await quit();
      } finally {
        await server.stop();
        await display.stop();
      }
    };
    return driver;
  } catch (err) {
    await server?.stop();
    await display.stop();
    throw err;
  }
}

// startXvfb starts an X server on the first free display; it resolves to {name, stop}.
async function startXvfb() {
  const child = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', SCREEN, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const number = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb named no display: ${err}`)), START_TIMEOUT_MS);
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code}: ${err}`));
    });
  });
  return { name: `:${number}`, stop: () => stop(child) };
}

// startWebKitDriver starts WebKitWebDriver on a free port of 127.0.0.1, for the display; it resolves to {url, stop}
// once the driver answers.
async function startWebKitDriver(display) {
  const port = await freePort();
  const child = spawn(webkitDriverPath, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}: ${err}`);
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`WebKitWebDriver did not answer on ${url}: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => stop(child) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// launch starts the browser name (one of engines) and resolves to {name, version, newPage(), close()}. Each page
// has a fresh profile of its own: empty cache and storage, no service worker, as on a first visit. A page is
//
//   goto(url)                    navigates and waits for the load event
//   evaluate(fn, ...args)        runs fn(...args) in the page (args and result as JSON) and resolves to its result
//   waitFor(fn, ...args)         resolves to fn's first truthy result, polling; rejects after 2 min
//   click(selector)              clicks the first element that matches, as a mouse does
//   paste(selector, text)        empties the field that matches and pastes text into it: from the clipboard with
//                                Ctrl+V in Chromium and Firefox; in WebKit, whose driver cannot fill the clipboard,
//                                the field's value and the input event a paste fires
//   screenshot(path)             saves a PNG of the viewport
//   requests                     every URL the browser reported the page (and its workers) requesting, or null
//                                where the automation reports no network events (WebKit's does not)
//   problems                     script errors and console errors, where the automation reports them
//   close()
//
// and page.driver is the driver's own page (playwright's Page, puppeteer's Page, selenium's WebDriver).
export async function launch(name) {
  if (name === 'chromium') return wrapChromium(await launchChromium());
  if (name === 'firefox') return wrapFirefox(await launchFirefox({ systemAccess: true }));
  if (name === 'webkit') return wrapWebKit();
  throw new Error(`launch: no browser ${JSON.stringify(name)}; one of ${engines.join(', ')}`);
}

const WAIT_TIMEOUT_MS = 120_000; // a hang's limit, not a test's: a busy machine is slow

// expression is fn called with args, as source: the one form of script all three drivers evaluate alike.
function expression(fn, args) {
  return `(${fn})(...${JSON.stringify(args)})`;
}

async function poll(evaluate, fn, args) {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  for (;;) {
    const value = await evaluate(fn, ...args).catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function savePNG(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

// commonPage is what a page of Chromium (playwright-core) and of Firefox (puppeteer-core) does alike, their pages
// answering the same calls: requests as the automation reports them (from requestSource, the page or its context),
// the page's errors, navigation, scripts, screenshots and closing. Clicking and pasting differ.
function commonPage(page, requestSource, close) {
  const requests = [];
  const problems = [];
  requestSource.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  const evaluate = (fn, ...args) => page.evaluate(expression(fn, args));
  return {
    driver: page,
    requests,
    problems,
    goto: (url) => page.goto(url, { waitUntil: 'load' }).then(() => {}),
    evaluate,
    waitFor: (fn, ...args) => poll(evaluate, fn, args),
    screenshot: async (path) => savePNG(path, await page.screenshot()),
    close,
  };
}

function wrapChromium(browser) {
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await context.newPage();
      return {
        ...commonPage(page, context, () => context.close()),
        click: (selector) => page.locator(selector).first().click(),
        paste: async (selector, text) => {
          const field = page.locator(selector).first();
          await field.fill('');
          await page.evaluate((t) => navigator.clipboard.writeText(t), text);
          await field.focus();
          await page.keyboard.press('Control+V');
        },
      };
    },
    close: () => browser.close(),
  };
}

async function wrapFirefox(browser) {
  return {
    name: 'firefox',
    version: await browser.version(),
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      return {
        ...commonPage(page, page, () => context.close()),
        click: (selector) => page.locator(selector).click(),
        // The clipboard is filled from the browser's own scope: a page may write it only in a user's gesture.
        paste: async (selector, text) => {
          await page.$eval(selector, (field) => {
            field.value = '';
          });
          await evaluateInFirefoxChrome(browser, (t) => {
            Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(t);
          }, text);
          await page.focus(selector);
          await page.keyboard.down('Control');
          await page.keyboard.press('v');
          await page.keyboard.up('Control');
        },
      };
    },
    close: () => browser.close(),
  };
}

// WebKit's pages are each a browser of their own: a MiniBrowser session keeps its storage for as long as it runs.
async function wrapWebKit() {
  requireBrowser('webkit');
  const pages = new Set();
  let version;
  return {
    name: 'webkit',
    get version() {
      return version;
    },
    async newPage() {
      const driver = await launchWebKit();
      version ??= `MiniBrowser ${(await driver.getCapabilities()).get('browserVersion')}`;
      await driver.manage().window().setRect({ width: 1280, height: 900 });
      const evaluate = (fn, ...args) => driver.executeScript(`return ${expression(fn, args)}`);
      const page = {
        driver,
        requests: null,
        problems: [],
        // WebKitWebDriver may answer before the load event (a module page's scripts still to run): wait for it.
        goto: async (url) => {
          await driver.get(url);
          await poll(evaluate, () => document.readyState === 'complete', []);
        },
        evaluate,
        waitFor: (fn, ...args) => poll(evaluate, fn, args),
        click: async (selector) => driver.findElement(By.css(selector)).click(),
        paste: (selector, text) => evaluate(pasteInto, selector, text),
        screenshot: async (path) => savePNG(path, Buffer.from(await driver.takeScreenshot(), 'base64')),
        close: async () => {
          pages.delete(page);
          await driver.quit();
        },
      };
      pages.add(page);
      return page;
    },
    async close() {
      await Promise.all([...pages].map((p) => p.close()));
    },
  };
}

// pasteInto is a paste as a page sees one, for a driver that cannot fill the clipboard: the field's value, then the
// input event a paste fires.
function pasteInto(selector, text) {
  const field = document.querySelector(selector);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}
