// Types of polyfill.js: importing it sets globalThis.Summarizer (see keypoints.d.ts for the API).

import type { Summarizer as KeypointsSummarizer } from './keypoints.js';

export interface PolyfillOptions {
  /** true: hand calls to the browser's Summarizer when its availability() is "downloadable" or "downloading" too,
   * so that create() waits for its model. Default false: ours, unless the browser's is "available" at once. */
  useDownloadable?: boolean;
}

/** Changes how the polyfill chooses between the browser's Summarizer and ours. */
export declare function configure(options?: PolyfillOptions): void;

/** What globalThis.Summarizer now is: ours where the browser has none, else one that picks per call. */
export declare const polyfilled: typeof KeypointsSummarizer;

/** Whether the browser has a Summarizer of its own. */
export declare const hasBuiltIn: boolean;
