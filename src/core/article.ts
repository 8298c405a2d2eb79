// The Article model: the one typed shape that extraction produces and everything downstream
// (conversion, the reader overlay, the CLI, tests) reads. No HTML strings live here: page markup is
// sanitized and turned into typed inline runs before it becomes part of an Article.

export type ScriptVariant = 'simp' | 'trad';

export type Inline =
  | string
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'strong' | 'em'; children: Inline[] };

export interface ArticleImage {
  src: string;
  srcset?: string;
  width?: number;
  height?: number;
  alt: string;
}

export type Block =
  | { type: 'paragraph'; text: string; content: Inline[] }
  | { type: 'heading'; text: string; level: 2 | 3 }
  | { type: 'figure'; text: string; image: ArticleImage; caption?: string; credit?: string }
  | { type: 'list'; text: string; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; text: string; content: Inline[] }
  | { type: 'media'; text: string; kind: 'video' | 'audio' | 'embed'; caption?: string; href?: string };

export interface BylineEntry {
  name: string;
  role?: string;
  /** Where the contributor reported from ("Reporting from 台北" on the page). */
  location?: string;
}

export interface RelatedStory {
  title: string;
  url: string;
}

/** Blocks `from` up to (not including) `to` of an Article. */
export interface BlockSpan {
  from: number;
  to: number;
}

/** One post of a live page: its blocks (its headline first, as a level-3 heading, when it has one). */
export interface LivePost extends BlockSpan {
  /** ISO 8601: an instant when the page's data says it, else the date the post shows. */
  published?: string;
  /** The page marks it as breaking news. */
  breaking?: boolean;
}

/**
 * What makes an Article a live page. Every word of a live page is in `blocks` (the summary as
 * paragraphs, the key points as a list, each post's headline as a heading followed by its text,
 * photos and captions); `live` only says where each part starts and ends, and when each post was
 * published. So the script switch (`convertArticle`), the leak checks and the reading-time count
 * treat a live page exactly like any article, with no case of their own: nothing here is text.
 */
export interface LiveCoverage {
  /** The page's description under its title. */
  summary?: BlockSpan;
  keyPoints?: BlockSpan;
  /** Newest first, as the page orders them. */
  posts: LivePost[];
  /** ISO 8601: when the newest post was published, if known. */
  newest?: string;
}

export interface Article {
  url: string;
  variant: ScriptVariant;
  /** BCP 47 language of the page as published, e.g. `zh-Hans` or `zh-Hant`. */
  lang: string;
  title: string;
  byline: BylineEntry[];
  /** ISO 8601. */
  published?: string;
  /** ISO 8601. */
  updated?: string;
  /** Every block carries `text`: its plain text (a figure's is its caption). */
  blocks: Block[];
  /** Related-story link lists found inside the body. */
  related: RelatedStory[];
  textLength: number;
  readingMinutes: number;
  /** Present on live pages only (see LiveCoverage). */
  live?: LiveCoverage;
}

/** What `extract` returns when the page is not something the reader can show. */
export interface NotAnArticle {
  kind: 'not-an-article';
  /** What the page is, as far as we can tell. */
  pageKind: 'live' | 'media' | 'index' | 'other';
  /** One plain sentence (English) saying why; the UI chooses its own localized wording from pageKind. */
  reason: string;
}

export type ExtractResult = Article | NotAnArticle;

export function isArticle(result: ExtractResult): result is Article {
  return !('kind' in result && result.kind === 'not-an-article');
}

// ---- Plain-text helpers (text length, reading time) ----

/** Han ideographs, kana and hangul: each is read as one unit. */
const CJK_CHARACTER = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;
/** One CJK character, or one run of other letters/digits (an English word, a number, "BBC"). */
const READING_UNIT = new RegExp(`${CJK_CHARACTER}|(?:(?!${CJK_CHARACTER})[\\p{L}\\p{N}])+`, 'gu');

/**
 * Length of a text as a reader of Chinese counts it: every Han character (and kana/hangul) is one
 * unit, every run of other letters or digits ("Walailak", "2023", "IMF") is one unit, and
 * punctuation and whitespace count for nothing. So 「一帶一路」倡議十週年 is 9, and
 * 特林·艾亞拉（Trin Aiyara） is 7.
 */
export function textLength(text: string): number {
  let count = 0;
  READING_UNIT.lastIndex = 0;
  while (READING_UNIT.exec(text) !== null) count += 1;
  return count;
}

/**
 * Reading speed for Chinese, in units of `textLength` per minute. Firefox's reader view uses 255
 * characters a minute, the IReST read-aloud mean for Chinese (Trauzettel-Klosinski & Dietz 2012,
 * 255 ± 29). People read news silently, which is faster than reading aloud, so 255 overstates the
 * time; we take 300, about 1.5 standard deviations above the read-aloud mean — still a modest
 * silent rate, so the estimate errs on the side of "a little longer than you will need".
 */
export const CHINESE_UNITS_PER_MINUTE = 300;

/** Whole minutes to read `length` units (at least 1 for any text). */
export function readingMinutes(length: number): number {
  if (length <= 0) return 0;
  return Math.max(1, Math.round(length / CHINESE_UNITS_PER_MINUTE));
}

/** Collapse runs of whitespace (incl. newlines and non-breaking spaces) to one space and trim. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The plain text of inline runs, as the reader sees it. */
export function inlineText(content: readonly Inline[]): string {
  let text = '';
  for (const run of content) text += typeof run === 'string' ? run : inlineText(run.children);
  return text;
}
