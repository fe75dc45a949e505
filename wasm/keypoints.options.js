// The options of keypoints.js, read as the spec's Web IDL reads them, checked against what the engine can do, and
// written as the engine's options JSON.

export const TYPES = ['key-points', 'tldr', 'teaser', 'headline'];
export const LENGTHS = ['short', 'medium', 'long'];
// "json" is beyond the spec: the summary as JSON text, as the command-line tool's -format json renders it.
export const FORMATS = ['markdown', 'plain-text', 'json'];
// The spec lets a caller prefer a fast model or a capable one; there is one engine here, which is both.
export const PREFERENCES = ['auto', 'speed', 'capability'];
// KINDS are the kinds of text the engine reads each its own way; "kind" is beyond the spec. "" lets the engine
// tell from the text itself.
export const KINDS = ['', 'news', 'reference', 'report', 'transcript', 'chat', 'reviews', 'story', 'docs', 'email', 'notes',
  'general'];

// readOptions reads create's or availability's options as Web IDL would: absent values take the spec's defaults,
// other values become strings, a string outside its enum is a TypeError (the spec's types are Web IDL enums; "json"
// is our one addition), and language tags are canonicalized (a RangeError for one that is not well formed, as the
// spec says) and replaced by their best fit among the languages supported, which for English is "en".
export function readOptions(options) {
  if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object' && typeof options !== 'function') {
    throw new TypeError('keypoints: options must be an object');
  }
  const str = (value, fallback) => (value === undefined ? fallback : String(value));
  const oneOf = (what, value, fallback, values) => {
    const v = str(value, fallback);
    if (!values.includes(v)) {
      throw new TypeError(`keypoints: ${what} "${v}" is not one of ${values.join(', ')}`);
    }
    return v;
  };
  const outputLanguage = options.outputLanguage === undefined ? null : bestFit(languageTag(options.outputLanguage));
  return {
    type: oneOf('type', options.type, 'key-points', TYPES),
    format: oneOf('format', options.format, 'markdown', FORMATS),
    length: oneOf('length', options.length, 'short', LENGTHS),
    preference: oneOf('preference', options.preference, 'auto', PREFERENCES),
    kind: oneOf('kind', options.kind, '', KINDS),
    sharedContext: str(options.sharedContext, ''),
    expectedInputLanguages: languageList(options.expectedInputLanguages, 'expectedInputLanguages'),
    expectedContextLanguages: languageList(options.expectedContextLanguages, 'expectedContextLanguages'),
    outputLanguage,
  };
}

function languageList(value, name) {
  if (value === undefined) {
    return null;
  }
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') {
    throw new TypeError(`keypoints: ${name} must be a list of language tags`);
  }
  const tags = [...new Set(Array.from(value, (tag) => bestFit(languageTag(tag))))];
  return tags.length ? Object.freeze(tags) : null;
}

function languageTag(tag) {
  const text = String(tag);
  try {
    return Intl.getCanonicalLocales(text)[0];
  } catch {
    throw new RangeError(`keypoints: ${JSON.stringify(text)} is not a well-formed language tag`);
  }
}

// bestFit maps any English tag (en, en-US, en-Latn-GB...) to "en", the one language supported, and leaves the
// others as they are so that unsupported can name them.
function bestFit(tag) {
  return tag.split('-')[0] === 'en' ? 'en' : tag;
}

// unsupported says why summaries with opts (as readOptions read them) cannot be made here, as {code, message}, or
// returns null.
export function unsupported(opts) {
  const languages = [...(opts.expectedInputLanguages ?? []), ...(opts.expectedContextLanguages ?? []), opts.outputLanguage ?? 'en'];
  const other = languages.find((tag) => tag !== 'en');
  if (other) {
    return { code: 'unsupported_language', message: `keypoints: only English is supported, not "${other}"` };
  }
  if (typeof WebAssembly !== 'object') {
    return { code: 'internal', message: 'keypoints: this runtime has no WebAssembly' };
  }
  return null;
}

// engineOptions is the options JSON the engine reads: the json names of the Go library's Options. The kind is
// create's kind option, else the one the call's context or the shared context names ("a meeting transcript",
// "product reviews"), else none, and the engine tells from the text.
export function engineOptions(opts, context) {
  const kind = opts.kind || kindIn(context) || kindIn(opts.sharedContext);
  return JSON.stringify({ type: opts.type, length: opts.length, format: opts.format, kind });
}

// contextKinds are the words of a context that name a kind, tried in order: "a news story about a meeting" is news.
const contextKinds = [
  ['transcript', /\b(?:transcripts?|meetings?|interviews?|minutes|hearings?)\b/i],
  ['chat', /\b(?:chats?|conversations?|dialogues?|messages)\b/i],
  ['email', /\b(?:e-?mails?|mail thread)\b/i],
  ['news', /\b(?:news|press release|newspaper)\b/i],
  ['reference', /\b(?:wikipedia|encyclopa?edia|reference)\b/i],
  ['report', /\b(?:papers?|reports?|studies|study|thesis|articles? from a journal|abstracts?)\b/i],
  ['reviews', /\b(?:reviews?|ratings?|testimonials?)\b/i],
  ['story', /\b(?:story|stories|novels?|fiction|chapters?|books?)\b/i],
  ['docs', /\b(?:documentation|docs|readme|manual|markdown)\b/i],
  ['notes', /\b(?:notes|lists?|to-?dos?)\b/i],
];

// kindIn returns the kind a context string names, or "".
export function kindIn(context) {
  if (!context) return '';
  const text = String(context);
  return contextKinds.find(([, words]) => words.test(text))?.[0] ?? '';
}
