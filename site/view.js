// The page's views of a summary: the key points grouped by theme, and the pasted text with each point's source
// marked, where any passage can be highlighted. Everything the user pasted, and everything derived from it, reaches
// the page as text nodes (textContent, createTextNode) only; nothing here parses HTML.

// Heading of the summary for each type.
export const TYPE_NAMES = {
  'key-points': 'Key points',
  tldr: 'TL;DR',
  teaser: 'Teaser',
  headline: 'Headline',
};

// renderSummary fills container with the summary r (an analyze result). Key points are grouped under a heading per
// theme, themes without a point left out, and a single group needs no heading; the other types read as prose (a
// headline as one line), each sentence of it still a link to its source. onPoint(i) runs when point i is chosen.
export function renderSummary(container, r, onPoint) {
  const frag = document.createDocumentFragment();
  if (r.type === 'key-points') {
    const groups = r.themes.filter((theme) => theme.keyPoints.length > 0);
    for (const theme of groups) {
      const section = el('section', 'theme');
      if (groups.length > 1) section.append(el('h3', 'theme-label', theme.label));
      const list = el('ul', 'points');
      for (const k of theme.keyPoints) {
        const item = el('li');
        item.append(pointLink(r, k, onPoint));
        list.append(item);
      }
      section.append(list);
      frag.append(section);
    }
  } else {
    const prose = el('p', r.type === 'headline' ? 'headline' : 'prose');
    r.keyPoints.forEach((_, k) => {
      if (k > 0) prose.append(' ');
      prose.append(pointLink(r, k, onPoint));
    });
    frag.append(prose);
  }
  container.replaceChildren(frag);
}

// pointLink is the link of key point k: a real link to its first mark, so it is focusable, announced as a link and
// works with the keyboard; onPoint takes over from the browser's jump.
function pointLink(r, k, onPoint) {
  const a = el('a', 'point', r.keyPoints[k].text);
  a.href = `#source-${k}`;
  a.dataset.point = String(k);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    onPoint(k);
  });
  return a;
}

// renderSource fills container with text, each span of each key point of r wrapped in a <mark>. Spans are UTF-16
// offsets, so text.slice selects them exactly. Overlapping or out-of-range spans (which the engine does not make)
// are clipped rather than trusted.
export function renderSource(container, text, r) {
  const spans = [];
  r.keyPoints.forEach((p, k) => {
    p.spans.forEach((s, j) => spans.push({ start: s.start, end: s.end, point: k, first: j === 0 }));
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);

  const frag = document.createDocumentFragment();
  let at = 0;
  for (const s of spans) {
    const start = Math.max(at, Math.min(s.start, text.length));
    const end = Math.min(s.end, text.length);
    if (end <= start) continue;
    if (start > at) frag.append(document.createTextNode(text.slice(at, start)));
    const mark = el('mark', 'source-mark', text.slice(start, end));
    mark.dataset.point = String(s.point);
    if (s.first) mark.id = `source-${s.point}`;
    mark.tabIndex = -1;
    frag.append(mark);
    at = end;
  }
  if (at < text.length) frag.append(document.createTextNode(text.slice(at)));
  container.replaceChildren(frag);
}

// showPoint highlights the source of point k in the source view, scrolls it into view and moves focus there, and
// makes the point's link the current choice among the choosers in results. It returns the first mark, or null when
// the point has no source.
export function showPoint(results, source, k) {
  clearHighlight(source);
  setCurrent(results, results.querySelector(`a.point[data-point="${k}"]`));
  return highlight(source.querySelectorAll(`mark[data-point="${k}"]`));
}

// showSpan highlights one span of the text in the source view as showPoint highlights a point, and makes chooser
// (the button that asked for it) the current choice. The span's text is wrapped in marks of class "span-mark", one
// for each run of text it covers, so it may start or end inside a point's mark; the marks go again at the next
// highlight. It returns the first mark, or null for a span outside the text.
export function showSpan(results, source, span, chooser) {
  clearHighlight(source);
  setCurrent(results, chooser);
  const marks = [];
  const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  let at = 0;
  for (const node of nodes) {
    const from = at;
    at += node.length;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, at);
    if (end <= start) continue;
    let piece = node;
    if (start > from) piece = piece.splitText(start - from);
    if (end < at) piece.splitText(end - start);
    const mark = el('mark', 'span-mark');
    mark.tabIndex = -1;
    piece.replaceWith(mark);
    mark.append(piece);
    marks.push(mark);
  }
  return highlight(marks);
}

// clearHighlight undoes showPoint and showSpan: no mark is active, and the source view holds the same nodes as
// renderSource made.
export function clearHighlight(source) {
  for (const m of source.querySelectorAll('mark.active')) m.classList.remove('active', 'flash');
  const spans = source.querySelectorAll('mark.span-mark');
  if (spans.length === 0) return;
  for (const m of spans) m.replaceWith(...m.childNodes);
  source.normalize();
}

function setCurrent(results, chooser) {
  for (const c of results.querySelectorAll('[aria-current]')) c.removeAttribute('aria-current');
  chooser?.setAttribute('aria-current', 'true');
}

function highlight(marks) {
  if (marks.length === 0) return null;
  for (const m of marks) {
    m.classList.remove('flash');
    m.classList.add('active');
    // Reading offsetWidth restarts the flash animation when the same passage is chosen twice.
    void m.offsetWidth;
    m.classList.add('flash');
  }
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  marks[0].scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  marks[0].focus({ preventScroll: true });
  return marks[0];
}

// SPECIMEN is a summary of SPECIMEN_TEXT with one of every line the results show, shaped as analyze returns it, for
// warmType.
const SPECIMEN_TEXT = 'Aa “Bb” — 1.';
const SPECIMEN = {
  type: 'key-points',
  themes: [
    { label: 'Aa', keyPoints: [0] },
    { label: 'Bb', keyPoints: [1] },
  ],
  keyPoints: [
    { text: SPECIMEN_TEXT, spans: [{ start: 0, end: 2 }] },
    { text: 'Bb.', spans: [] },
  ],
  entities: [
    { kind: 'person', text: 'Aa', role: 'Bb', mentions: [{ start: 0, end: 2 }] },
    { kind: 'place', text: 'Bb', mentions: [{ start: 4, end: 6 }] },
    { kind: 'organization', text: 'Cc', mentions: [{ start: 4, end: 6 }] },
  ],
  quotes: [
    { speaker: 'Aa', text: 'Bb', span: { start: 3, end: 7 } },
    { speaker: '', text: 'Cc', span: { start: 3, end: 7 } },
  ],
  figures: [{ text: '1', context: SPECIMEN_TEXT, span: { start: 10, end: 11 } }],
};

// warmType lays out results (hidden, and the class "warming" keeps it unseen) once with SPECIMEN in it, and leaves it
// hidden and empty again. The first layout of each size and weight of a font loads it: in Chromium on Linux each
// asks the browser process, and a first summary's results took 70–110 ms to lay out where the next took under 1 ms.
// Done while the engine starts in its worker, that time no longer follows the first summary; it is one task, so
// nothing of it is ever painted. fill(r, text) renders the summary r of text as a real one is, and returns the
// elements it filled.
export function warmType(results, fill) {
  if (!results.hidden) return;
  results.classList.add('warming');
  results.hidden = false;
  const filled = fill(SPECIMEN, SPECIMEN_TEXT);
  results.getBoundingClientRect();
  for (const e of filled) e.replaceChildren();
  results.hidden = true;
  results.classList.remove('warming');
}

// el makes an element with a class and, optionally, its text.
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
