// What the extension's tests in Chromium and in Firefox share: where the build is, the seed article and its sections,
// and the test pages, served from the loopback address.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const build = resolve(repo, process.env.KEYPOINTS_BUILD ?? 'build');
export const seed = readFileSync(join(repo, 'testdata', 'ap-ukraine-territory.txt'), 'utf8');

// The seed article's section headings: at medium length each becomes a theme with key points.
export const seedHeadings = ['Facing US pressure', 'Europeans back Ukraine', 'Both sides exchange aerial strikes'];
export const seedBlocks = seed.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
// The section the selection test selects: the paragraphs under "Europeans back Ukraine".
export const selected = seedBlocks.slice(seedBlocks.indexOf(seedHeadings[1]) + 1, seedBlocks.indexOf(seedHeadings[2]));
export const unselected = seedBlocks[0];

// startSite serves the test pages on 127.0.0.1: a news article with the site's furniture around it, a login form,
// and a page whose text the selection test selects.
export async function startSite() {
  const pages = { '/article': articlePage(), '/login': loginPage(), '/selection': selectionPage() };
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://127.0.0.1').pathname];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    // The same pages from another origin: going there ends the extension's activeTab grant.
    otherOrigin: `http://localhost:${port}/`,
    close: () => new Promise((r) => server.close(r)),
  };
}

// startProxy is where Chromium sends what is not for the loopback address: it answers every request with a refusal
// and closes every tunnel.
export async function startProxy() {
  const server = createServer((req, res) => {
    res.writeHead(403);
    res.end();
  });
  server.on('connect', (req, socket) => socket.destroy());
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    close: () => new Promise((r) => server.close(r)),
  };
}

function html(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function layout(title, main) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${html(title)}</title>
<meta property="og:site_name" content="Example News">
</head>
<body>
<header><a href="/">Example News</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/login">Sign in</a></li></ul></nav>
</header>
<main>${main}</main>
<footer><nav><a href="/about">About us</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></nav>
<p>© 2025 Example News. All rights reserved.</p></footer>
</body>
</html>`;
}

function articlePage() {
  const body = seedBlocks
    .map((b) => (seedHeadings.includes(b) ? `<h2>${html(b)}</h2>` : `<p>${html(b)}</p>`))
    .join('\n');
  return layout(
    'Zelenskyy rejects giving up territory as he rallies European support | Example News',
    `<article>
<h1>Zelenskyy rejects giving up territory as he rallies European support</h1>
<p class="byline">By the Associated Press</p>
${body}
</article>
<aside><h2>Most read</h2>
<ol><li><a href="/a">Markets rally as rates hold</a></li><li><a href="/b">Storm heads north</a></li></ol></aside>`,
  );
}

function loginPage() {
  return layout(
    'Sign in | Example News',
    `<h1>Sign in</h1>
<form><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label>
<button>Sign in</button></form>
<p><a href="/reset">Forgot your password?</a></p>`,
  );
}

function selectionPage() {
  const opening = seedBlocks.slice(0, 3).map((b) => `<p>${html(b)}</p>`);
  const section = selected.map((b) => `<p data-selected>${html(b)}</p>`);
  const later = seedBlocks.slice(-2).map((b) => `<p>${html(b)}</p>`);
  const paragraphs = [...opening, ...section, ...later].join('\n');
  return layout('Live updates | Example News', `<div class="live">${paragraphs}</div>`);
}
