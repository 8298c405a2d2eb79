// Live pages (Simorgh's /zhongwen/live/<id>/<variant>): the title, the summary under it, the key
// points, then every post as the page orders them (newest first) — its time, headline and
// subheadline, and its text, lists, photos and captions — into one Article whose `live` field says
// where each part is. Read from stable signals only: `main`, `h1`, the key-points region
// (`data-e2e="key-points"`, else the first region with a list), `article` elements with a heading,
// `time`, the visually hidden ", " that Simorgh puts between the parts of a heading, and the page's
// JSON-LD (LiveBlogPosting.liveBlogUpdate, whose `@id` ends in the post's heading id) for the exact
// time of each post, since a post's `<time>` shows only a date ("12 九月 2023") or "3 小時前".
//
// Each part's body goes through the same preparation, sanitizer and block walk as an article
// (extract/prepare.ts, sanitize.ts, extract/blocks.ts), so lazy photos, captions, credits, lists and
// links come out exactly as they do in articles. The page is read only before the first step ends:
// every part is copied into its own inert document at once.

import type { Article, Block, BlockSpan, ExtractResult, LiveCoverage, LivePost, RelatedStory, ScriptVariant } from '../article.ts';
import { normalizeWhitespace, readingMinutes, textLength } from '../article.ts';
import { sanitizeChildrenInBatches, windowOf } from '../sanitize.ts';
import { blocksFromSteps } from './blocks.ts';
import { dedupeRelated } from './links.ts';
import { isRecord, readMetadata, toIsoDate } from './metadata.ts';
import { prepareArticleSteps } from './prepare.ts';
import type { Steps } from './steps.ts';

/** One part of the page, copied out of it: a post, the summary or the key points. */
interface CopiedPart {
  /** An inert document whose `main` holds the part's body. */
  document: Document;
  headline?: string;
  subheadline?: string;
  published?: string;
  breaking?: boolean;
}

const NO_POSTS: ExtractResult = {
  kind: 'not-an-article',
  pageKind: 'live',
  reason: 'This live page has no posts that could be read.',
};

/** Elements whose text is never shown (their text content is code or markup, not words). */
const UNSEEN_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object']);

export function* extractLiveSteps(source: Document, url: string, variant: ScriptVariant): Steps<ExtractResult> {
  const window = windowOf(source);
  if (!window) throw new Error('extract needs a document that belongs to a window (a tab or jsdom)');
  const root = source.querySelector('main[role="main"]') ?? source.querySelector('main') ?? source.body;
  if (!root) return NO_POSTS;

  // ---- Read and copy the page, all in this first step ----
  const postElements = Array.from(root.getElementsByTagName('article')).filter(
    (article) => article.querySelector('h2, h3, h4') !== null && article.parentElement?.closest('article') === null,
  );
  if (postElements.length === 0) return NO_POSTS;
  const headline = root.querySelector('h1');
  const title = headline ? liveTitle(headline) : '';
  const times = postTimesFromJsonLd(source);
  const insidePost = (element: Element): boolean => postElements.some((post) => post.contains(element));

  const description = headline ? summaryParagraph(headline, insidePost) : null;
  const summary = description ? copyPart(source, [description]) : undefined;
  const keyPointsRegion = keyPointsOf(root, insidePost);
  const keyPoints = keyPointsRegion ? copyPart(source, partBody(keyPointsRegion)) : undefined;
  const posts = postElements.map((article) => {
    const heading = article.querySelector('h2, h3, h4') as Element;
    const part = copyPart(source, Array.from(article.childNodes).filter((node) => node !== heading));
    Object.assign(part, postHeading(heading));
    const published = (heading.id && times.get(heading.id)) || postTime(heading);
    if (published) part.published = published;
    return part;
  });

  // ---- Each part through the article pipeline, into one list of blocks ----
  const blocks: Block[] = [];
  const related: RelatedStory[] = [];
  const live: LiveCoverage = { posts: [] };
  const appendPart = function* (part: CopiedPart, leading: Block[]): Steps<BlockSpan> {
    const from = blocks.length;
    blocks.push(...leading);
    const prepared = yield* prepareArticleSteps(part.document, url, '');
    yield;
    yield* sanitizeChildrenInBatches(prepared.body, window);
    const body = yield* blocksFromSteps(prepared.body, url);
    blocks.push(...body.blocks);
    related.push(...prepared.related, ...body.related);
    return { from, to: blocks.length };
  };
  if (summary) {
    const span = yield* appendPart(summary, []);
    if (span.to > span.from) live.summary = span;
  }
  if (keyPoints) {
    const span = yield* appendPart(keyPoints, []);
    if (span.to > span.from) live.keyPoints = span;
  }
  for (const part of posts) {
    const leading: Block[] = [];
    if (part.headline) leading.push({ type: 'heading', text: part.headline, level: 3 });
    if (part.subheadline) leading.push({ type: 'paragraph', text: part.subheadline, content: [part.subheadline] });
    const span = yield* appendPart(part, leading);
    if (span.to === span.from) continue;
    const post: LivePost = { ...span };
    if (part.published) post.published = part.published;
    if (part.breaking) post.breaking = true;
    live.posts.push(post);
  }
  if (live.posts.length === 0) return NO_POSTS;

  const postTimes = live.posts.map((post) => post.published).filter((time): time is string => time !== undefined);
  const newest = latest(postTimes);
  if (newest) live.newest = newest;

  const metadata = readMetadata(source, { headline: title, byline: [], times: [] }, variant);
  let articleText = 0;
  for (const block of blocks) articleText += textLength(block.text);
  const article: Article = {
    url,
    variant,
    lang: metadata.lang,
    title: metadata.title,
    byline: metadata.byline,
    blocks,
    related: dedupeRelated(related),
    textLength: articleText,
    readingMinutes: readingMinutes(articleText),
    live,
  };
  // The coverage runs from its oldest post to its newest; the page's own metadata when posts have no time.
  const published = earliest(postTimes) ?? metadata.published;
  const updated = newest ?? metadata.updated;
  if (published) article.published = published;
  if (updated && updated !== published) article.updated = updated;
  return article;
}

/** A fresh inert document with `nodes` (deep copies) as the content of its `main`. */
function copyPart(source: Document, nodes: Node[]): CopiedPart {
  const document = source.implementation.createHTMLDocument('');
  const main = document.createElement('main');
  for (const node of nodes) main.append(document.importNode(node, true));
  document.body.append(main);
  return { document };
}

/** A region's content without its own heading (the page's "概要" label; the reader has its own). */
function partBody(region: Element): Node[] {
  return Array.from(region.childNodes).filter((node) => !(node.nodeType === 1 && /^h[1-6]$/.test((node as Element).localName)));
}

/** The key points: Simorgh's `data-e2e="key-points"` region, or the first region outside the posts holding a list. */
function keyPointsOf(root: Element, insidePost: (element: Element) => boolean): Element | null {
  const marked = root.querySelector('[data-e2e="key-points"]');
  if (marked && !insidePost(marked)) return marked;
  for (const region of Array.from(root.querySelectorAll('section, [role="region"]'))) {
    if (!insidePost(region) && region.querySelector('ul, ol') && !region.querySelector('article')) return region;
  }
  return null;
}

/** The paragraph under the title (Simorgh's Header renders it as the headline's next sibling). */
function summaryParagraph(headline: Element, insidePost: (element: Element) => boolean): Element | null {
  for (let sibling = headline.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName === 'p' && !insidePost(sibling) && visibleText(sibling) !== '') return sibling;
  }
  return null;
}

/** Simorgh's visually hidden separator between the parts of a heading: ", " alone. */
function isSeparator(text: string): boolean {
  return /^[,，、\s]*$/.test(text);
}

/**
 * The title in the `h1`. On a page that is still live it reads "直播, <title>": the label, a
 * visually hidden ", " and the title, each in its own element of a `role="text"` span. Whatever
 * follows the first separator is the title; without one the whole heading is.
 */
function liveTitle(headline: Element): string {
  const container = headline.querySelector('[role="text"]');
  if (container) {
    const parts = Array.from(container.children);
    const separator = parts.findIndex((part) => isSeparator(visibleText(part)));
    if (separator > 0) {
      const title = parts.slice(separator + 1).map((part) => visibleText(part)).filter((text) => !isSeparator(text)).join(' ');
      if (title) return title;
    }
  }
  return visibleText(headline);
}

/**
 * A post's heading: a banner (its time, and the breaking-news label) then the headline and an
 * optional subheadline, the parts separated by visually hidden ", ". Read by structure, never by
 * wording: the banner is the part holding the `time`.
 */
function postHeading(heading: Element): Pick<CopiedPart, 'headline' | 'subheadline' | 'breaking'> {
  const time = heading.querySelector('time');
  const container = heading.querySelector('[role="text"]') ?? heading;
  const texts: string[] = [];
  for (const part of Array.from(container.children)) {
    if (time && part.contains(time)) continue;
    const text = visibleText(part);
    if (!isSeparator(text)) texts.push(text);
  }
  if (texts.length === 0) {
    // A heading without separate parts (plain text beside its time): its own text, minus the time.
    const text = visibleText(heading, time).replace(/^[,，、\s]+/, '');
    if (text) texts.push(text);
  }
  const result: Pick<CopiedPart, 'headline' | 'subheadline' | 'breaking'> = {};
  const [headline, ...rest] = texts;
  if (headline) result.headline = headline;
  if (rest.length > 0) result.subheadline = rest.join(' ');
  if (heading.querySelector('[data-testid="breaking-news-label"]')) result.breaking = true;
  return result;
}

/** Text a reader sees: no script, style or other code, nothing hidden, whitespace collapsed. */
function visibleText(element: Element, skip?: Element | null): string {
  let text = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el === skip || UNSEEN_TAGS.has(el.localName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') continue;
        walk(el);
      }
    }
  };
  walk(element);
  return normalizeWhitespace(text);
}

// ---- Times ----

/** Post heading id → ISO time, from the page's LiveBlogPosting JSON-LD (`@id` = `<url>#post-<id>`). */
function postTimesFromJsonLd(document: Document): Map<string, string> {
  const times = new Map<string, string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isRecord(value)) return;
    if (Array.isArray(value['@graph'])) visit(value['@graph']);
    if (!Array.isArray(value.liveBlogUpdate)) return;
    for (const update of value.liveBlogUpdate) {
      if (!isRecord(update) || typeof update['@id'] !== 'string' || typeof update.datePublished !== 'string') continue;
      const marker = update['@id'].lastIndexOf('#post-');
      const iso = toIsoDate(update.datePublished);
      if (marker >= 0 && iso) times.set(update['@id'].slice(marker + '#post-'.length), iso);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Not JSON: the page's other signals still count.
    }
  }
  return times;
}

const CHINESE_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/**
 * The time a post's `<time>` gives when the page's data does not: an ISO `datetime`, or a date in
 * the forms Simorgh renders for zhongwen ("12 九月 2023", "2023年9月12日"). A relative time
 * ("3 小時前") says nothing once read later, so it gives none.
 */
function postTime(heading: Element): string | undefined {
  const time = heading.querySelector('time');
  if (!time) return undefined;
  const datetime = time.getAttribute('datetime') ?? '';
  return toIsoDate(datetime) ?? chineseDate(datetime) ?? chineseDate(visibleText(time));
}

function chineseDate(text: string): string | undefined {
  const trimmed = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const named = /^(\d{1,2})\s*(十[一二]?|[一二三四五六七八九])月\s*(\d{4})$/.exec(trimmed);
  const numeric = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(trimmed);
  if (named) {
    day = Number(named[1]);
    month = CHINESE_MONTHS.indexOf(named[2] ?? '') + 1;
    year = Number(named[3]);
  } else if (numeric) {
    year = Number(numeric[1]);
    month = Number(numeric[2]);
    day = Number(numeric[3]);
  } else {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function latest(times: string[]): string | undefined {
  return times.reduce<string | undefined>((best, time) => (best === undefined || Date.parse(time) > Date.parse(best) ? time : best), undefined);
}

function earliest(times: string[]): string | undefined {
  return times.reduce<string | undefined>((best, time) => (best === undefined || Date.parse(time) < Date.parse(best) ? time : best), undefined);
}

