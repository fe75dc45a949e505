// What the browser tests share: the repository's paths, the Go server, the browsers (internal/browsers/launch.mjs), and the
// ways a person puts text on the page.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, launchChromiumProfile } from '../../internal/browsers/launch.mjs';
import { startServer as startOn } from './serve.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const siteDir = join(repo, 'build', 'site');
export const singleFile = join(repo, 'build', 'keypoints.html');
export const outputDir = join(repo, 'build', 'test-output');
export const seed = readFileSync(join(repo, 'testdata', 'ap-ukraine-territory.txt'), 'utf8');

// The seed article's section headings, which become themes, and the theme of its opening paragraphs.
export const seedHeadings = ['Facing US pressure', 'Europeans back Ukraine', 'Both sides exchange aerial strikes'];

// launch starts headless Chromium, whose contexts are fresh temporary profiles.
export const launch = launchChromium;

// launchProfile starts Chromium on a new profile folder, a profile as a person has: unlike the temporary ones,
// Chromium offers to install pages from it. It resolves to the context; closing it removes the folder.
export const launchProfile = launchChromiumProfile;

// startServer serves build/site; see serve.mjs.
export function startServer(options) {
  return startOn(siteDir, options);
}

// paste puts text on the clipboard and pastes it into the article box with Ctrl+V, as a person does.
export async function paste(page, text) {
  const box = page.locator('#text');
  await box.fill('');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await box.focus();
  await page.keyboard.press('Control+V');
}

// waitForSummary waits until the summary on screen is newer than the one before and returns the status line.
export async function waitForSummary(page, timeout = 30_000) {
  await page.locator('#results:not([hidden]):not([aria-busy])').waitFor({ timeout });
  await page.locator('#status.ok').waitFor({ timeout });
  return page.locator('#status').textContent();
}

// watchProgress is a script to run before the page's own: it records in window.progress every value the engine's
// progress bar takes, sets window.progressShown once the bar has shown, and window.warmed once the results have been
// laid out unseen to load their type (view.js, warmType). The engine starts loading as the page opens, before a test
// could look.
export function watchProgress() {
  window.progress = [];
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.id === 'progress' && r.attributeName === 'hidden' && !r.target.hidden) window.progressShown = true;
      if (r.target.id === 'progress-bar' && r.attributeName === 'value') window.progress.push(r.target.value);
      if (r.target.id === 'results' && r.attributeName === 'class' && /\bwarming\b/.test(r.oldValue ?? '')) window.warmed = true;
    }
  }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['class', 'hidden', 'value'] });
}

export function screenshotPath(name) {
  mkdirSync(outputDir, { recursive: true });
  return join(outputDir, name);
}
