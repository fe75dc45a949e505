// Types of keypoints.js: the Summarizer of the Writing Assistance APIs, plus analyze and the Summary it returns.

/** The kinds of summary: the most important points as bullets grouped by theme, a short overview, the most
 * intriguing parts to draw a reader in, or one line with the gist. */
export type SummarizerType = 'key-points' | 'tldr' | 'teaser' | 'headline';

/** How the summary is written. "json" is beyond the spec: the summary as JSON text. */
export type SummarizerFormat = 'markdown' | 'plain-text' | 'json';

/** 3, 5 or 7 key points; one sentence, a short paragraph or a paragraph for tldr and teaser; at most 12, 17 or 22
 * words for a headline. */
export type SummarizerLength = 'short' | 'medium' | 'long';

/** Whether the caller would rather have a fast summarizer or a capable one. Default "auto"; one engine serves all
 * three. */
export type SummarizerPreference = 'auto' | 'speed' | 'capability';

/** keypoints answers "available" or "unavailable"; the other values exist for code written for the spec. */
export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** The stable codes errors carry in `code`, to switch on. "not_allowed" is the NotAllowedError of a document whose
 * permissions policy does not allow "summarizer"; "inactive_document" the InvalidStateError of a document that is
 * not fully active. */
export type ErrorCode =
  | 'empty_text'
  | 'text_too_long'
  | 'unsupported_language'
  | 'invalid_options'
  | 'not_allowed'
  | 'inactive_document'
  | 'internal';

export interface SummarizerCreateCoreOptions {
  /** Default "key-points". */
  type?: SummarizerType;
  /** Default "markdown". */
  format?: SummarizerFormat;
  /** Default "short". */
  length?: SummarizerLength;
  /** Default "auto". */
  preference?: SummarizerPreference;
  /** Language tags of the input; only English ("en", "en-US"...) is supported. */
  expectedInputLanguages?: string[];
  /** Language tags of the context strings; only English is supported. */
  expectedContextLanguages?: string[];
  /** Language tag of the summary; only English is supported. */
  outputLanguage?: string;
  /** Beyond the spec: the kind of text the input is, when the caller knows; "" (the default) lets the engine tell. */
  kind?: TextKind;
}

/**
 * The kinds of text the engine reads each its own way: news and reports from their lead, the others by what the
 * whole text keeps coming back to.
 */
export type TextKind = '' | 'news' | 'reference' | 'report' | 'transcript' | 'chat' | 'reviews' | 'story' | 'docs' |
  'email' | 'notes' | 'general';

export interface SummarizerCreateOptions extends SummarizerCreateCoreOptions {
  /** Aborting before the engine is ready rejects create; aborting later destroys the summarizer. */
  signal?: AbortSignal;
  /** Called once with an EventTarget that receives downloadprogress events while the engine loads. */
  monitor?: (monitor: CreateMonitor) => void;
  /** Read only for a kind of text it names ("a meeting transcript", "product reviews"), when kind is not given. */
  sharedContext?: string;
}

export interface SummarizerSummarizeOptions {
  /** Aborting rejects the call at once with the signal's reason. */
  signal?: AbortSignal;
  /** Read only for a kind of text it names, when create was given no kind. */
  context?: string;
}

/** A ProgressEvent of the spec's shape: loaded goes from 0 to 1, total is 1. */
export interface DownloadProgressEvent extends Event {
  readonly type: 'downloadprogress';
  readonly loaded: number;
  readonly total: 1;
  readonly lengthComputable: true;
}

export interface CreateMonitor extends EventTarget {
  ondownloadprogress: ((this: CreateMonitor, event: DownloadProgressEvent) => unknown) | null;
  addEventListener(
    type: 'downloadprogress',
    listener: (this: CreateMonitor, event: DownloadProgressEvent) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}

/**
 * Summarizes English text (news, reference articles, papers, transcripts, chats, reviews, stories) on the user's
 * device. Create one with Summarizer.create.
 *
 * Errors: a NotSupportedError DOMException (code "unsupported_language" or "invalid_options"), a QuotaExceededError
 * (code "text_too_long", with requested and quota), an Error with code "empty_text" (analyze only), an UnknownError
 * DOMException (code "internal"); aborts reject with the signal's reason, an "AbortError" DOMException by default.
 */
export declare class Summarizer {
  private constructor();

  /** "available" for supported options; "unavailable" for languages other than English, or where the document's
   * permissions policy does not allow "summarizer" (Chromium says; Firefox and WebKit expose no policy, and there
   * the module allows itself). Rejects with a TypeError for a type, format, length or preference outside its
   * values, a RangeError for a malformed language tag, and an InvalidStateError for a document that is not fully
   * active. */
  static availability(options?: SummarizerCreateCoreOptions): Promise<Availability>;

  /** Loads the engine (once per page or process, shared by every summarizer) and resolves to a summarizer. Rejects
   * as availability does, with a NotAllowedError where availability would say "unavailable" for the policy, and with
   * a NotSupportedError for other unavailable options. */
  static create(options?: SummarizerCreateOptions): Promise<Summarizer>;

  /** The summary of input; "" for input without words. */
  summarize(input: string, options?: SummarizerSummarizeOptions): Promise<string>;

  /** The summary a line at a time; the chunks concatenate to what summarize resolves to. */
  summarizeStreaming(input: string, options?: SummarizerSummarizeOptions): ReadableStream<string>;

  /** The input's UTF-8 length in bytes, the unit of inputQuota; in a later task, so that destroy or an abort
   * before then rejects it. */
  measureInputUsage(input: string, options?: SummarizerSummarizeOptions): Promise<number>;

  /** Beyond the spec: the structured summary, every span a UTF-16 offset range of input. Rejects input without
   * words with an Error whose code is "empty_text". Costs about half as much again as summarize, which skips the
   * entities, quotes and figures. */
  analyze(input: string, options?: Pick<SummarizerSummarizeOptions, 'signal'>): Promise<Summary>;

  /** Calls in flight and every later call reject with an "AbortError" DOMException. */
  destroy(): void;

  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly length: SummarizerLength;
  readonly preference: SummarizerPreference;
  /** "" when create was given none. */
  readonly sharedContext: string;
  /** The kind create was given, "" when the engine tells from the text. */
  readonly kind: TextKind;
  /** Best fits of the tags given to create (["en"]), or null when none were. */
  readonly expectedInputLanguages: readonly string[] | null;
  readonly expectedContextLanguages: readonly string[] | null;
  readonly outputLanguage: string | null;
  /** The largest input, in UTF-8 bytes: 5 MB. */
  readonly inputQuota: number;
}

/** A range of the input in UTF-16 code units, as String.prototype.slice takes it. */
export interface Span {
  start: number;
  end: number;
}

/** What analyze returns: the rendered summary and the structure behind it, every point traceable to the input. */
export interface Summary {
  type: SummarizerType;
  length: SummarizerLength;
  format: SummarizerFormat;
  /** The kind of text the input was read as: the one asked for, or the one the text itself shows. */
  kind: Exclude<TextKind, ''>;
  /** The input's own headline, "" when it has none. */
  title: string;
  /** The summary rendered in format: what summarize resolves to. */
  text: string;
  /** In the order of the input. */
  themes: Theme[];
  /** In the order a reader should see them. */
  keyPoints: KeyPoint[];
  /** Every sentence of the input, boilerplate excluded. */
  sentences: SentenceRef[];
  /** People, places and organizations, most important first. */
  entities: Entity[];
  /** Direct quotes with their speakers, in order. */
  quotes: Quote[];
  /** Numbers with what they count, in order. */
  figures: Figure[];
  stats: { words: number; sentences: number; paragraphs: number };
}

/** A run of the input about one subject: a section under a heading, or a block found by its vocabulary. */
export interface Theme {
  label: string;
  labelSource: 'heading' | 'keyphrase';
  /** Indices into Summary.sentences. */
  sentences: number[];
  /** Indices into Summary.keyPoints. */
  keyPoints: number[];
}

/** One point of the summary, made only of pieces of one input sentence. */
export interface KeyPoint {
  text: string;
  /** Index into Summary.themes. */
  theme: number;
  /** Index into Summary.sentences. */
  sentence: number;
  /** The pieces of the input the text is made of, in order. */
  spans: Span[];
  /** Relative importance, 0 to 1, comparable within one summary. */
  score: number;
}

export interface SentenceRef extends Span {
  /** Index of its paragraph among the input's blocks. */
  paragraph: number;
}

export interface Entity {
  /** The fullest name the input gives. */
  text: string;
  kind: 'person' | 'place' | 'organization';
  /** For people, the title the input gives them; else "". */
  role: string;
  /** Every mention's name, in order. */
  mentions: Span[];
}

export interface Quote {
  /** The words inside the quote marks, whitespace collapsed. */
  text: string;
  /** Who said it, "" when the input does not say. */
  speaker: string;
  /** The quoted words, marks excluded. */
  span: Span;
}

export interface Figure {
  text: string;
  span: Span;
  /** The sentence it comes from, normalized. */
  context: string;
}

/** keypoints.wasm as a URL to fetch, or its bytes. */
export type WasmSource = string | URL | Blob | ArrayBuffer | ArrayBufferView;

/** Where the engine comes from. Each field left out keeps its default: the files beside keypoints.js. */
export interface EngineSource {
  /** keypoints.wasm, or a function called once, when the engine loads, that gives it. */
  wasm?: WasmSource | (() => WasmSource | Promise<WasmSource>);
  /** "gzip" when wasm is given as gzipped bytes. Default "identity"; a fetched URL is decoded by the browser. */
  encoding?: 'identity' | 'gzip';
  /** The size of keypoints.wasm uncompressed, which download progress counts against. Default: the size the build
   * wrote into keypoints.engine.js for its own keypoints.wasm, or else the response's Content-Length. */
  bytes?: number;
  /** The worker's module script, which must answer as keypoints.worker.js does; null runs the engine on the calling
   * thread. Default: keypoints.worker.js where Worker exists, null elsewhere. Where the worker cannot start, the
   * engine runs on the calling thread. */
  worker?: string | URL | null;
}

/**
 * Changes where the engine comes from, for pages that cannot load it from the files beside keypoints.js (a page
 * saved as one file, a bundle that moves files). Throws a TypeError for a value of the wrong kind, and an
 * InvalidStateError DOMException once the engine has started loading.
 */
export declare function setEngineSource(source: EngineSource): void;

/** The raw engine keypoints.worker.js runs; applications use Summarizer. */
export interface Engine {
  readonly maxTextBytes: number;
  readonly alive: boolean;
  /** True once a call on a long text has retired the instance that ran it, until the next call starts a fresh one;
   * see loadEngine. */
  readonly retired: boolean;
  run(method: 'text' | 'summary', text: string, optionsJSON: string): Promise<string>;
}

/** Loads the engine on the calling thread, from keypoints.wasm beside keypoints.js unless wasm says otherwise; see
 * Engine. */
export declare function loadEngine(
  onProgress?: (fraction: number) => void,
  wasm?: { wasm?: WasmSource; encoding?: 'identity' | 'gzip'; bytes?: number },
): Promise<Engine>;
