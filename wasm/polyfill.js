// The polyfill: importing this module makes globalThis.Summarizer work in every browser, so that code written for
// Chrome's built-in summarizer runs unchanged.
//
//   import 'keypoints/polyfill';
//   const summarizer = await Summarizer.create({ type: 'key-points' });
//
// Where the browser has no Summarizer, globalThis.Summarizer becomes keypoints' own. Where it has one, it becomes a
// Summarizer that hands each availability() and create() to the browser's when the browser's availability() for the
// same options is "available", and to ours otherwise. That includes "downloadable" and "downloading": there the
// browser's would first fetch a model of gigabytes, while ours is ready in about a second. A caller who would rather
// wait for the browser's model calls configure({ useDownloadable: true }).

import { Summarizer as Ours } from './keypoints.js';

// builtIn is the browser's own Summarizer, or null; read once, before this module replaces it.
const builtIn = typeof globalThis.Summarizer === 'function' && globalThis.Summarizer !== Ours ? globalThis.Summarizer : null;

let useDownloadable = false;

/**
 * configure changes how the polyfill chooses between the browser's Summarizer and ours. useDownloadable: true hands
 * calls to the browser's when its availability() is "downloadable" or "downloading" too, so that create() waits for
 * its model to download; false (the default) uses ours unless the browser's is "available" at once.
 */
export function configure({ useDownloadable: value = false } = {}) {
  useDownloadable = Boolean(value);
}

// builtInAvailability is what the browser's Summarizer says for options, or "unavailable" where it throws (an option
// value it does not know, such as format "json", which ours reads).
async function builtInAvailability(options) {
  try {
    return await builtIn.availability(options);
  } catch {
    return 'unavailable';
  }
}

// usable says whether the browser's Summarizer should take a call with this availability.
function usable(availability) {
  return availability === 'available' || (useDownloadable && (availability === 'downloadable' || availability === 'downloading'));
}

/**
 * Summarizer is the browser's Summarizer where it is usable for the options of each call, and ours otherwise. Both
 * kinds of summarizer count as instances of it.
 */
class Summarizer {
  constructor() {
    throw new TypeError('Illegal constructor');
  }

  static async availability(options = {}) {
    const theirs = await builtInAvailability(options);
    return usable(theirs) ? theirs : Ours.availability(options);
  }

  static async create(options = {}) {
    return usable(await builtInAvailability(options)) ? builtIn.create(options) : Ours.create(options);
  }

  static [Symbol.hasInstance](value) {
    return value instanceof Ours || value instanceof builtIn;
  }
}

/** The Summarizer globalThis.Summarizer was made: ours alone where the browser has none. */
export const polyfilled = builtIn ? Summarizer : Ours;

/** Whether the browser has a Summarizer of its own, which polyfilled hands calls to where it is usable. */
export const hasBuiltIn = builtIn !== null;

globalThis.Summarizer = polyfilled;
