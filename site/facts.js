// The side section of a summary: the people the article names (places and organizations on smaller lines), its
// quotes and its numbers, each a button that shows its passage in the source view. It lists the few a reader wants
// first, with the rest behind "Show all". As in view.js, everything from the article reaches the page as text only.
import { el } from './view.js';

// How many of each the section shows before "Show all": enough to see who is who, few enough to take in at a glance.
const SHOWN = { people: 8, places: 8, organizations: 6, quotes: 5, numbers: 8 };

// Words of a number's sentence shown on each side of it.
const CONTEXT_BEFORE = 6;
const CONTEXT_AFTER = 8;

// renderFacts fills container with the entities, quotes and figures of r (an analyze result) and reports whether it
// found any. onSpan(span, button) runs when an item is chosen, with the span of the text to show. An entity shows
// its first mention; choosing it again while it is the current choice shows the next one, and so on round.
export function renderFacts(container, r, onSpan) {
  const frag = document.createDocumentFragment();
  const people = r.entities.filter((e) => e.kind === 'person' && e.mentions.length > 0);
  const places = r.entities.filter((e) => e.kind === 'place' && e.mentions.length > 0);
  const organizations = r.entities.filter((e) => e.kind === 'organization' && e.mentions.length > 0);

  if (people.length + places.length + organizations.length > 0) {
    const g = group('people', people.length > 0 ? 'People' : 'Places and organizations');
    if (people.length > 0) {
      const list = el('ul', 'fact-list people');
      people.forEach((p, i) => list.append(item(entityButton(p, onSpan), i >= SHOWN.people)));
      g.section.append(list);
    }
    for (const [kind, name, all] of [['places', 'Places', places], ['organizations', 'Organizations', organizations]]) {
      if (all.length === 0) continue;
      const line = el('p', `names ${kind}`);
      line.append(el('span', 'names-label', name));
      const list = el('ul', 'name-list');
      list.setAttribute('aria-label', name);
      all.forEach((e, i) => list.append(item(entityButton(e, onSpan), i >= SHOWN[kind])));
      line.append(list);
      g.section.append(line);
    }
    frag.append(finish(g));
  }

  if (r.quotes.length > 0) {
    const g = group('quotes', 'Quotes');
    const list = el('ul', 'fact-list quotes');
    const shown = pickQuotes(r.quotes, r.entities, SHOWN.quotes);
    r.quotes.forEach((q, i) => {
      const b = el('button', 'fact quote');
      b.type = 'button';
      const lines = el('span', 'clamp');
      if (q.speaker) lines.append(el('span', 'speaker', q.speaker), ' — ');
      lines.append(`“${q.text}”`);
      b.append(lines);
      b.title = q.speaker ? `${q.speaker}: “${q.text}”` : `“${q.text}”`;
      b.addEventListener('click', () => onSpan(q.span, b));
      list.append(item(b, !shown.has(i)));
    });
    g.section.append(list);
    frag.append(finish(g));
  }

  if (r.figures.length > 0) {
    const g = group('numbers', 'Numbers');
    const list = el('ul', 'fact-list numbers');
    r.figures.forEach((f, i) => {
      const b = el('button', 'fact number');
      b.type = 'button';
      const [before, after] = around(f.context, f.text);
      const lines = el('span', 'clamp');
      lines.append(before, el('strong', 'figure', f.text), after);
      b.append(lines);
      b.addEventListener('click', () => onSpan(f.span, b));
      list.append(item(b, i >= SHOWN.numbers));
    });
    g.section.append(list);
    frag.append(finish(g));
  }

  container.replaceChildren(frag);
  return container.childElementCount > 0;
}

function group(name, title) {
  const section = el('section', `fact-group group-${name}`);
  const id = `facts-${name}`;
  const heading = el('h3', 'fact-title', title);
  heading.id = id;
  section.setAttribute('aria-labelledby', id);
  section.append(heading);
  return { section, title };
}

// finish adds the group's "Show all" button when some of its items are hidden.
function finish({ section, title }) {
  const extra = section.querySelectorAll('li.extra');
  if (extra.length === 0) return section;
  const toggle = el('button', 'quiet show-all');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  const label = () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.textContent = open ? 'Show fewer' : `Show all (${extra.length} more)`;
  };
  label();
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    for (const li of extra) li.hidden = !open;
    label();
  });
  section.append(toggle);
  return section;
}

function item(button, extra) {
  const li = el('li');
  if (extra) {
    li.className = 'extra';
    li.hidden = true;
  }
  li.append(button);
  return li;
}

// entityButton is the button of an entity: its name, a person's role, and once chosen, which mention is shown.
function entityButton(e, onSpan) {
  const b = el('button', `fact entity ${e.kind}`);
  b.type = 'button';
  b.append(el('span', 'name', e.text));
  if (e.role) b.append(' ', el('span', 'role', e.role));
  const n = e.mentions.length;
  const count = el('span', 'count');
  count.setAttribute('aria-hidden', 'true');
  b.append(count);
  if (n > 1) b.title = `Mentioned ${n} times: choose again for the next`;
  let at = -1;
  b.addEventListener('click', () => {
    // The next mention while this entity is the current choice; the first after anything else was chosen.
    at = b.getAttribute('aria-current') === 'true' ? (at + 1) % n : 0;
    count.textContent = n > 1 ? `${at + 1}/${n}` : '';
    onSpan(e.mentions[at], b);
  });
  return b;
}

// pickQuotes chooses which n quotes to show: a quote from each speaker before a second from any, speakers in the
// order of their importance, and quotes nobody is named for last. It returns the indices chosen.
function pickQuotes(quotes, entities, n) {
  const rank = new Map(entities.map((e, i) => [e.text, i]));
  const seen = new Map();
  const keyed = quotes.map((q, i) => {
    const round = seen.get(q.speaker) ?? 0;
    seen.set(q.speaker, round + 1);
    return { i, unknown: q.speaker === '' ? 1 : 0, round, rank: rank.get(q.speaker) ?? entities.length };
  });
  keyed.sort((a, b) => a.unknown - b.unknown || a.round - b.round || a.rank - b.rank || a.i - b.i);
  return new Set(keyed.slice(0, n).map((k) => k.i));
}

// around returns the words of context just before and after the first place text appears in it, with an ellipsis
// where the sentence goes on; ["", ""] when context does not hold text.
function around(context, text) {
  const at = context.indexOf(text);
  if (at < 0) return ['', ''];
  const before = context.slice(0, at).split(/\s+/);
  const after = context.slice(at + text.length).split(/\s+/);
  const head = before.slice(-CONTEXT_BEFORE - 1).join(' ');
  const tail = after.slice(0, CONTEXT_AFTER + 1).join(' ');
  return [(before.length > CONTEXT_BEFORE + 1 ? '…' : '') + head, tail + (after.length > CONTEXT_AFTER + 1 ? '…' : '')];
}
