// The served page, driven as a person would: paste, read, choose a point, change the summary, copy it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launch, paste, screenshotPath, seed, seedHeadings, startServer, watchProgress } from './helpers.mjs';

const french =
  "Le président ukrainien a réaffirmé son refus de céder des territoires, alors que les États-Unis font pression " +
  "pour des concessions douloureuses à la Russie et qu'il cherche le soutien des Européens. Il a rencontré le pape " +
  'à Castel Gandolfo avant des entretiens avec la présidente du Conseil italien.';

// A short article that quotes markup as text: every sentence is a key point, so the page must show the markup, as
// text, in the points and in the source, and never run it.
const markup =
  'Moderators of a local news site removed a reader comment on Tuesday that read ' +
  '<img src=x onerror="window.__pwned=1"> in full. A second comment, <script>window.__pwned=1</script>, was ' +
  'removed an hour later by the same team. The site said both comments tried to run code in the browsers of other ' +
  'readers, and that no reader was harmed.\n';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// open starts a fresh profile on the page and collects what the page reports as going wrong: script errors and
// console errors, Content-Security-Policy violations among them.
async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await context.addInitScript(watchProgress);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(server.url);
  return { context, page, problems };
}

// summarized waits for the summary after the n-th to be on screen, and returns the page's count of summaries.
async function summarized(page, after = 0) {
  await page.waitForFunction(
    (n) => Number(document.getElementById('results').dataset.shown ?? 0) > n && !document.getElementById('results').hidden,
    after,
    { timeout: 30_000 },
  );
  return Number(await page.locator('#results').getAttribute('data-shown'));
}

async function themes(page) {
  return page.locator('#summary section.theme').evaluateAll((sections) =>
    sections.map((s) => ({
      label: s.querySelector('h3')?.textContent ?? '',
      points: [...s.querySelectorAll('li a.point')].map((a) => a.textContent),
    })),
  );
}

// offsetInSource is where mark starts in the source view, in UTF-16 code units of the text it shows.
function offsetInSource(mark) {
  const range = document.createRange();
  range.setStart(mark.closest('#source'), 0);
  range.setEnd(mark, 0);
  return range.toString().length;
}

// inView reports whether el is visible both in its scrolling pane and in the window.
function inView(el) {
  const r = el.getBoundingClientRect();
  const pane = el.closest('#source').getBoundingClientRect();
  return r.top >= pane.top && r.bottom <= pane.bottom && r.top >= 0 && r.bottom <= innerHeight;
}

describe('served page', () => {
  test('the seed article gives four themes at medium length, with a point from each section', async () => {
    const { context, page, problems } = await open();
    await paste(page, seed);
    await summarized(page);
    // The engine loaded as the page opened, with the progress bar showing meanwhile.
    assert.equal(await page.evaluate(() => window.progressShown), true);
    assert.equal(await page.locator('#progress').isVisible(), false);
    // The server sends the wasm compressed, and the bar still shows how much of it has come.
    const progress = await page.evaluate(() => window.progress);
    assert.ok(progress.some((p) => p > 0 && p < 0.7), `download progress: ${progress}`);
    assert.equal(progress.at(-1), 1);

    const got = await themes(page);
    assert.equal(got.length, 4, JSON.stringify(got));
    assert.deepEqual(got.slice(1).map((t) => t.label), seedHeadings);
    assert.ok(got[0].label.length > 0);
    for (const t of got) assert.ok(t.points.length >= 1, `no point under ${t.label}`);
    assert.equal(got.flatMap((t) => t.points).length, 5);
    // Theme labels are real headings, under the summary's own.
    assert.equal(await page.getByRole('heading', { level: 3, name: 'Europeans back Ukraine' }).count(), 1);
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Key points' }).count(), 1);

    assert.match(await page.locator('#stats').textContent(), /^News story · 981 words · 46 sentences · (<1|\d[\d,]*) ms$/);
    assert.equal(await page.locator('#status').textContent(), '5 key points in 4 themes.');
    assert.equal(await page.locator('#text').inputValue(), seed);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('while the engine starts, the results are laid out unseen once and left empty and hidden', async () => {
    const { context, page, problems } = await open();
    await page.waitForFunction(() => window.progressShown && document.getElementById('progress').hidden, null, {
      timeout: 30_000,
    });
    assert.equal(await page.evaluate(() => window.warmed), true);
    const left = await page.evaluate(() => ({
      hidden: document.getElementById('results').hidden,
      className: document.getElementById('results').className,
      text: ['summary', 'source', 'facts-body', 'stats', 'article-title'].map((id) => document.getElementById(id).textContent),
      titleHidden: document.getElementById('article-title').hidden,
      status: document.getElementById('status').textContent,
    }));
    assert.deepEqual(left, { hidden: true, className: 'results', text: ['', '', '', '', ''], titleHidden: true, status: '' });
    await paste(page, seed);
    await summarized(page);
    assert.equal(await page.locator('#summary section.theme').count(), 4);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('choosing a point highlights its source and scrolls it into view', async () => {
    const { context, page, problems } = await open();
    await paste(page, seed);
    await summarized(page);

    // By mouse: the last point, whose sentence is far down the article.
    const last = page.locator('#summary a.point').last();
    const sentence = await last.textContent();
    assert.ok(seed.includes(sentence), 'an uncompressed sentence of the article');
    await last.click();
    const active = page.locator('#source mark.active');
    await active.first().waitFor();
    assert.equal((await active.allTextContents()).join(''), sentence);
    await page.waitForFunction(inView, await active.first().elementHandle(), { timeout: 5_000 });
    assert.equal(await last.getAttribute('aria-current'), 'true');
    assert.equal(await active.first().evaluate((m) => m === document.activeElement), true);

    // Escape goes back to the point.
    await page.keyboard.press('Escape');
    assert.equal(await last.evaluate((a) => a === document.activeElement), true);

    // By keyboard: the first point of "Europeans back Ukraine"; only its marks are active now.
    const europe = page.locator('section.theme', { has: page.getByRole('heading', { name: 'Europeans back Ukraine' }) });
    const point = europe.locator('a.point').first();
    await point.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('#source mark.active')].map((m) => m.textContent).join('').length > 0 &&
        document.querySelector('a.point[aria-current]')?.textContent === text,
      await point.textContent(),
    );
    const marked = (await active.allTextContents()).join(' ');
    const wanted = await point.textContent();
    // A point may be a trimmed sentence; each word of it comes from the marked source.
    for (const word of wanted.split(/\s+/).map((w) => w.replace(/^[“"]+|[.,“”"]+$/g, ''))) {
      assert.ok(marked.includes(word), `${word} in ${marked}`);
    }
    await page.waitForFunction(inView, await active.first().elementHandle(), { timeout: 5_000 });

    // Every mark holds text of the article, the source view is the pasted text exactly, and nothing but text and
    // marks makes it.
    assert.equal(await page.locator('#source').textContent(), seed);
    assert.deepEqual(
      await page.locator('#source').evaluate((s) => [...new Set([...s.childNodes].map((n) => n.nodeName))].sort()),
      ['#text', 'MARK'],
    );

    await page.waitForTimeout(400); // the flash of the highlight settles
    // The viewport, not the full page: the article pane is as tall as the window and scrolls on its own.
    await page.screenshot({ path: screenshotPath('seed.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('people, quotes and numbers lead to their passages', async () => {
    const { context, page, problems } = await open();
    await paste(page, seed);
    await summarized(page);
    const facts = page.locator('#facts');
    assert.equal(await facts.isVisible(), true);
    assert.equal(await page.getByRole('heading', { level: 2, name: 'People, quotes and numbers' }).count(), 1);

    // People, most important first, with their roles; places and organizations on their own lines.
    const people = await facts.locator('.people li:not([hidden]) button').evaluateAll((bs) =>
      bs.map((b) => ({ name: b.querySelector('.name').textContent, role: b.querySelector('.role')?.textContent ?? '' })),
    );
    assert.deepEqual(people[0], { name: 'Volodymyr Zelenskyy', role: 'Ukrainian President' });
    assert.ok(people.some((p) => p.name === 'Donald Trump'), JSON.stringify(people));
    assert.ok(people.length <= 8, JSON.stringify(people));
    const places = await facts.locator('.places li:not([hidden]) .name').allTextContents();
    assert.ok(places.includes('Ukraine') && places.includes('Moscow'), places.join(', '));

    // Quotes: a few, from different speakers, Merz's among them.
    const quotes = facts.locator('.quotes li:not([hidden]) button');
    assert.ok((await quotes.count()) <= 5);
    assert.ok((await quotes.locator('.speaker').allTextContents()).includes('Friedrich Merz'));

    // Numbers: choosing one marks exactly it in the article, in view, with focus there; Escape comes back.
    const numbers = facts.locator('.numbers li:not([hidden]) button');
    assert.ok((await numbers.count()) <= 8);
    assert.ok((await numbers.locator('.figure').allTextContents()).includes('110 drones'));
    const drones = numbers.filter({ has: page.locator('.figure', { hasText: /^110 drones$/ }) });
    await drones.click();
    const active = page.locator('#source mark.active');
    await active.first().waitFor();
    assert.deepEqual(await active.allTextContents(), ['110 drones']);
    await page.waitForFunction(inView, await active.first().elementHandle(), { timeout: 5_000 });
    assert.equal(await active.first().evaluate((m) => m === document.activeElement), true);
    assert.equal(await drones.getAttribute('aria-current'), 'true');
    assert.equal(await page.locator('#source').textContent(), seed);
    await page.keyboard.press('Escape');
    assert.equal(await drones.evaluate((b) => b === document.activeElement), true);
    await page.waitForTimeout(400); // the flash of the highlight settles
    await page.mouse.move(0, 0);
    await drones.evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: screenshotPath('seed-facts.png') });

    // A person shows the first mention, and the next one each time they are chosen again.
    const zelenskyy = facts.locator('.people button', { has: page.locator('.name', { hasText: /^Volodymyr Zelenskyy$/ }) });
    await zelenskyy.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await active.allTextContents(), ['Volodymyr Zelenskyy']);
    const first = await active.first().evaluate(offsetInSource);
    assert.equal(first, seed.indexOf('Volodymyr Zelenskyy'));
    assert.equal(await zelenskyy.evaluate((b) => b === document.activeElement || document.activeElement.matches('#source mark')), true);
    await zelenskyy.click();
    const second = await active.first().evaluate(offsetInSource);
    assert.ok(second > first, `${second} after ${first}`);
    assert.match((await active.allTextContents()).join(''), /Zelenskyy/);
    assert.match(await zelenskyy.locator('.count').textContent(), /^2\/\d+$/);

    // A quote by keyboard: its words, marks excluded, across the point marks it may cross.
    const merz = quotes.filter({ has: page.locator('.speaker', { hasText: /^Friedrich Merz$/ }) }).first();
    await merz.focus();
    await page.keyboard.press('Enter');
    assert.match((await active.allTextContents()).join(''), /^We have to talk about it\./);

    // "Show all" reveals the rest of a group, and hides it again.
    const more = facts.locator('.group-people .show-all');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.equal(await facts.getByRole('button', { name: /Oleg Nikolayev/ }).isVisible(), false);
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.equal(await facts.getByRole('button', { name: /Oleg Nikolayev/ }).isVisible(), true);
    await more.click();
    assert.equal(await facts.getByRole('button', { name: /Oleg Nikolayev/ }).isVisible(), false);

    // A key point after a fact: the fact's marks go, and the source is made of text and point marks again.
    await page.locator('#summary a.point').first().click();
    assert.equal(await page.locator('#source mark.span-mark').count(), 0);
    assert.equal(await page.locator('#facts [aria-current]').count(), 0);
    assert.equal(await page.locator('#source').textContent(), seed);
    assert.deepEqual(
      await page.locator('#source').evaluate((s) => [...new Set([...s.childNodes].map((n) => n.nodeName))].sort()),
      ['#text', 'MARK'],
    );

    // The section folds away, and stays folded on the next visit.
    await page.locator('#facts > summary').click();
    assert.equal(await facts.evaluate((d) => d.open), false);
    await page.reload();
    assert.equal(await page.locator('#facts').evaluate((d) => d.open), false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('length and type change the summary without pasting again', async () => {
    const { context, page, problems } = await open();
    await paste(page, seed);
    let n = await summarized(page);
    const count = () => page.locator('#summary a.point').count();
    assert.equal(await count(), 5);

    await page.getByRole('radio', { name: 'Short' }).check();
    n = await summarized(page, n);
    assert.equal(await count(), 3);
    await page.getByRole('radio', { name: 'Long' }).check();
    n = await summarized(page, n);
    assert.equal(await count(), 7);
    await page.getByRole('radio', { name: 'Medium' }).check();
    n = await summarized(page, n);

    const seen = new Set();
    for (const [type, heading] of [['TL;DR', 'TL;DR'], ['Teaser', 'Teaser'], ['Headline', 'Headline']]) {
      await page.getByRole('radio', { name: type }).check();
      n = await summarized(page, n);
      assert.equal(await page.locator('#summary-title').textContent(), heading);
      assert.equal(await page.locator('#summary h3').count(), 0, 'prose has no theme headings');
      const text = await page.locator('#summary').textContent();
      assert.ok(text.length > 20, text);
      assert.ok(!seen.has(text), `${type} repeats an earlier summary`);
      seen.add(text);
    }
    assert.equal(await page.locator('#summary p.headline a.point').count(), 1);
    // Each sentence of the prose still leads to its source.
    await page.locator('#summary a.point').first().click();
    await page.locator('#source mark.active').first().waitFor();

    assert.equal(await page.locator('#text').inputValue(), seed);
    // The choice is remembered for the next visit.
    await page.reload();
    assert.equal(await page.getByRole('radio', { name: 'Headline' }).isChecked(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('empty, non-English and too-long text get a clear message and stay in the box', async () => {
    const { context, page, problems } = await open();
    const box = page.getByRole('textbox', { name: 'Article' });
    const status = page.locator('#status.error');

    await box.fill('   \n\n  ');
    await page.keyboard.press('Control+Enter');
    await status.waitFor();
    assert.match(await status.textContent(), /nothing to summarize/);
    assert.equal(await box.inputValue(), '   \n\n  ');

    await paste(page, french);
    await page.waitForFunction(() => /English/.test(document.querySelector('#status.error')?.textContent ?? ''));
    assert.match(await status.textContent(), /does not look like English/);
    assert.equal(await box.inputValue(), french);
    assert.equal(await page.locator('#results').isVisible(), false);
    assert.equal(await box.getAttribute('aria-invalid'), 'true');

    const long = 'word '.repeat((5 << 20) / 5 + 1);
    await box.evaluate((b, t) => {
      b.value = t;
    }, long);
    await page.getByRole('button', { name: 'Summarize' }).click();
    await page.waitForFunction(() => /too long/.test(document.querySelector('#status.error')?.textContent ?? ''));
    assert.equal((await box.inputValue()).length, long.length);

    // A good article after the errors is summarized as usual.
    await paste(page, seed);
    await summarized(page);
    assert.equal(await box.getAttribute('aria-invalid'), 'false');

    // Clear empties the box and the results, and leaves the cursor in the box for the next article.
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    assert.equal(await box.inputValue(), '');
    assert.equal(await page.locator('#results').isVisible(), false);
    assert.equal(await box.evaluate((b) => b === document.activeElement), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('markup in the pasted text shows as text and never runs', async () => {
    const { context, page, problems } = await open();
    await paste(page, markup);
    await summarized(page);

    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('#results img, #results script').count(), 0);
    const source = await page.locator('#source').textContent();
    assert.equal(source, markup);
    const points = await page.locator('#summary a.point').allTextContents();
    assert.ok(points.some((p) => p.includes('<img src=x onerror="window.__pwned=1">')), points.join('\n'));
    assert.ok(points.some((p) => p.includes('<script>window.__pwned=1</script>')), points.join('\n'));
    // A short text is one theme, and its points stand without a heading.
    assert.equal(await page.locator('#summary h3').count(), 0);
    // Choosing the point marks the markup in the source, as text.
    await page.locator('#summary a.point', { hasText: '<script>' }).click();
    assert.match((await page.locator('#source mark.active').allTextContents()).join(''), /<script>window.__pwned=1<\/script>/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('#text').inputValue(), markup);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('no request leaves the page while it summarizes', async () => {
    const { context, page, problems } = await open();
    const all = [];
    context.on('request', (r) => all.push(r.url()));
    await paste(page, seed);
    let n = await summarized(page);
    // The service worker, registered once the page is idle, fetches the page's files to keep them: that is the page
    // caching itself, done before what is measured here.
    await page.evaluate(() => navigator.serviceWorker.ready);

    const during = [];
    const onRequest = (r) => during.push(r.url());
    context.on('request', onRequest);
    page.on('request', onRequest);
    await paste(page, markup);
    n = await summarized(page, n);
    await page.getByRole('radio', { name: 'Long' }).check();
    n = await summarized(page, n);
    await page.getByRole('radio', { name: 'Teaser' }).check();
    n = await summarized(page, n);
    await page.locator('#summary a.point').first().click();
    context.off('request', onRequest);
    page.off('request', onRequest);

    assert.deepEqual(during, []);
    for (const url of all) assert.ok(url.startsWith(server.url), `${url} is not the page's own`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('copy and download give the summary as Markdown', async () => {
    const { context, page, problems } = await open({ acceptDownloads: true });
    await paste(page, seed);
    await summarized(page);

    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^### .+\n- /);
    for (const h of seedHeadings) assert.ok(copied.includes(`\n### ${h}\n- `), `${h} in ${copied}`);
    assert.equal(await page.getByRole('button', { name: 'Copied' }).count(), 1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .md' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^keypoints-[a-z0-9-]+\.md$/);
    assert.equal(readFileSync(await download.path(), 'utf8'), copied);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('dark mode and phone width', async () => {
    const dark = await open({ colorScheme: 'dark' });
    await paste(dark.page, seed);
    await summarized(dark.page);
    const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 150, `dark background, got ${background}`);
    await dark.page.locator('#summary a.point').nth(2).click();
    await dark.page.waitForTimeout(400);
    await dark.page.screenshot({ path: screenshotPath('seed-dark.png') });
    await dark.page.locator('#facts button.person').nth(1).click();
    await dark.page.mouse.move(0, 0);
    await dark.page.waitForTimeout(400);
    await dark.page.locator('#facts').evaluate((f) => f.scrollIntoView({ block: 'start' }));
    await dark.page.screenshot({ path: screenshotPath('seed-facts-dark.png') });
    assert.deepEqual(dark.problems, []);
    await dark.context.close();

    const phone = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await paste(phone.page, seed);
    await summarized(phone.page);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    // The summary as a phone shows it after the paste: scrolled to the key points.
    await phone.page.locator('#results').evaluate((r) => r.scrollIntoView({ block: 'start' }));
    await phone.page.screenshot({ path: screenshotPath('seed-phone.png') });
    await phone.page.locator('#facts').evaluate((f) => f.scrollIntoView({ block: 'start' }));
    await phone.page.screenshot({ path: screenshotPath('seed-facts-phone.png') });
    await phone.page.evaluate(() => scrollTo(0, 0));
    await phone.page.screenshot({ path: screenshotPath('seed-phone-top.png') });
    assert.deepEqual(phone.problems, []);
    await phone.context.close();
  });
});
