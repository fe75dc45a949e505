// The options of keypoints.js, read as the spec's Web IDL reads them, checked against what the engine can do, and
// written as the engine's options JSON.

export const TYPES = ['key-points', 'tldr', 'teaser', 'headline'];
export const LENGTHS = ['short', 'medium', 'long'];
// "json" is beyond the spec: the summary as JSON text, as the command-line tool's -format json renders it.
export const FORMATS = ['markdown', 'plain-text', 'json'];

// readOptions reads create's or availability's options as Web IDL would: absent values take the spec's defaults,
// other values become strings, language tags are canonicalized (a TypeError for one that is not a tag) and replaced
// by their best fit among the languages supported, which for English is "en".
export function readOptions(options) {
  if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object' && typeof options !== 'function') {
    throw new TypeError('keypoints: options must be an object');
  }
  const str = (value, fallback) => (value === undefined ? fallback : String(value));
  const outputLanguage = options.outputLanguage === undefined ? null : bestFit(languageTag(options.outputLanguage));
  return {
    type: str(options.type, 'key-points'),
    format: str(options.format, 'markdown'),
    length: str(options.length, 'short'),
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
  try {
    return Intl.getCanonicalLocales(String(tag))[0];
  } catch {
    throw new TypeError(`keypoints: ${JSON.stringify(String(tag))} is not a language tag`);
  }
}

// bestFit maps any English tag (en, en-US, en-Latn-GB...) to "en", the one language supported, and leaves the
// others as they are so that unsupported can name them.
function bestFit(tag) {
  return tag.split('-')[0] === 'en' ? 'en' : tag;
}

// unsupported says why summaries with opts cannot be made here, as {code, message}, or returns null.
export function unsupported(opts) {
  const bad = (what, value, values) =>
    values.includes(value) ? null : { code: 'invalid_options', message: `keypoints: ${what} "${value}" is not one of ${values.join(', ')}` };
  const why = bad('type', opts.type, TYPES) ?? bad('format', opts.format, FORMATS) ?? bad('length', opts.length, LENGTHS);
  if (why) {
    return why;
  }
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

// engineOptions is the options JSON the engine reads: the json names of the Go library's Options.
export function engineOptions(opts) {
  return JSON.stringify({ type: opts.type, length: opts.length, format: opts.format });
}
