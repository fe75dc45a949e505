// The page's views of a summary: the key points grouped by theme, and the pasted text with each point's source
// marked. Everything the user pasted, and everything derived from it, reaches the page as text nodes (textContent,
// createTextNode) only; nothing here parses HTML.

// Heading of the summary for each type.
export const TYPE_NAMES = {
  'key-points': 'Key points',
  tldr: 'TL;DR',
  teaser: 'Teaser',
  headline: 'Headline',
};

// renderSummary fills container with the summary r (an analyze result). Key points are grouped under a heading per
// theme, themes without a point left out; the other types read as prose (a headline as one line), each sentence of
// it still a link to its source. onPoint(i) runs when point i is chosen.
export function renderSummary(container, r, onPoint) {
  const frag = document.createDocumentFragment();
  if (r.type === 'key-points') {
    for (const theme of r.themes) {
      if (theme.keyPoints.length === 0) continue;
      const section = el('section', 'theme');
      section.append(el('h3', 'theme-label', theme.label));
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
// marks the point's link as the current one. It returns the first mark, or null when the point has no source.
export function showPoint(summary, source, k) {
  for (const m of source.querySelectorAll('mark.active')) m.classList.remove('active');
  for (const a of summary.querySelectorAll('a[aria-current]')) a.removeAttribute('aria-current');
  const marks = source.querySelectorAll(`mark[data-point="${k}"]`);
  const link = summary.querySelector(`a[data-point="${k}"]`);
  if (link) link.setAttribute('aria-current', 'true');
  if (marks.length === 0) return null;
  for (const m of marks) {
    m.classList.remove('flash');
    m.classList.add('active');
    // Reading offsetWidth restarts the flash animation when the same point is chosen twice.
    void m.offsetWidth;
    m.classList.add('flash');
  }
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  marks[0].scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  marks[0].focus({ preventScroll: true });
  return marks[0];
}

// el makes an element with a class and, optionally, its text.
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
