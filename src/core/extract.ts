// Extraction: a BBC News 中文 page into the typed Article model, or a typed "not an article".
// The page's own document is never modified. Steps:
//   1. detect: only article pages go further; live pages have their own steps (extract/live.ts),
//      media and index pages are reported as such;
//   2. prepare (BBC-specific, extract/prepare.ts): copy the article region into an inert document,
//      materialise lazy photos, make figures and videos canonical, collect byline/dates/related,
//      drop ads, hidden elements and page furniture;
//   3. only when the region was not found by the page's stable markers (`main`, Simorgh's
//      `h1#content`): Readability picks the article out of that copy (once). Where the markers
//      are found, the copy is the article and Readability's scoring would only cost time;
//   4. DOMPurify (sanitize.ts) reduces it to the allow-list, in place;
//   5. the walk (extract/blocks.ts) turns it into blocks of typed inline runs.
// Each phase is written as steps (extract/steps.ts): `extract` runs them at once, `extractInSteps`
// in slices with the event loop free in between, for pages long enough to freeze a tab.

import { Readability } from '@mozilla/readability';
import type { Article, ExtractResult, NotAnArticle } from './article.ts';
import { readingMinutes, textLength } from './article.ts';
import { detect } from './detect.ts';
import { blocksFromSteps } from './extract/blocks.ts';
import { dedupeRelated } from './extract/links.ts';
import { extractLiveSteps } from './extract/live.ts';
import { readMetadata } from './extract/metadata.ts';
import { prepareArticleSteps } from './extract/prepare.ts';
import { tightenPunctuation } from './extract/typography.ts';
import { nextTask, runSteps, runStepsInSlices, type Steps } from './extract/steps.ts';
import { sanitizeChildrenInBatches, windowOf } from './sanitize.ts';

/** Blocks counted between two steps (a few milliseconds of work). */
const BLOCKS_PER_STEP = 100;

/** Below this many reading units of paragraph text a page is not something to read as an article. */
const MIN_ARTICLE_TEXT = 60;

/**
 * Readability's threshold for "enough text" (default 500 characters) is set for alphabetic
 * languages; 200 Chinese characters is already a short news story. Below it Readability retries
 * with its cleaning relaxed, which is slower and keeps more clutter.
 */
const READABILITY_CHAR_THRESHOLD = 200;

export function extract(document: Document, url: string): ExtractResult {
  return runSteps(extractionSteps(document, url));
}

/** Longest stretch `extractInSteps` works before it lets the event loop run. */
const EXTRACT_SLICE_MS = 30;

/**
 * The same result as `extract`, computed in slices of about `sliceMs`, awaiting
 * `pause()` between slices (by default a new task, `setTimeout(0)`), so that a very long page
 * never blocks the tab in one long task. Like `extract` it never modifies the page. The article
 * region is copied in the first slice, so later changes to it do not reach the result; the
 * metadata (`<head>`, JSON-LD) is read once the copy is prepared, a few slices later, so a caller
 * whose page navigated meanwhile should discard the result.
 */
export function extractInSteps(
  document: Document,
  url: string,
  pause: () => Promise<unknown> = nextTask,
  sliceMs: number = EXTRACT_SLICE_MS,
): Promise<ExtractResult> {
  return runStepsInSlices(extractionSteps(document, url), pause, sliceMs);
}

function* extractionSteps(document: Document, url: string): Steps<ExtractResult> {
  const info = detect(document, url);
  // A live page is its own shape (title, summary, key points, posts): extract/live.ts.
  if (info.kind === 'live') return yield* extractLiveSteps(document, url, info.variant);
  if (info.kind !== 'article') return notAnArticle(info.kind);

  const window = windowOf(document);
  if (!window) throw new Error('extract needs a document that belongs to a window (a tab or jsdom)');

  const prepared = yield* prepareArticleSteps(document, url, document.title);
  const metadata = readMetadata(document, prepared, info.variant);

  let content: Element | null = prepared.body;
  if (!prepared.located) {
    yield;
    content = readableContent(prepared.document);
  }
  if (!content) {
    return { kind: 'not-an-article', pageKind: 'other', reason: 'No article text was found on this page.' };
  }

  yield;
  yield* sanitizeChildrenInBatches(content, window);
  const body = yield* blocksFromSteps(content, url);

  // Counting reading units is a regular-expression pass over every character: once per block,
  // in steps (it is a sizeable share of the work on a long page). The article's length counts
  // every block's text (captions included, since readers read them too); the threshold only
  // paragraphs.
  let paragraphText = 0;
  let articleText = 0;
  for (const [index, block] of body.blocks.entries()) {
    const length = textLength(block.text);
    articleText += length;
    if (block.type === 'paragraph') paragraphText += length;
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
  }
  if (paragraphText < MIN_ARTICLE_TEXT) {
    const hasMedia = body.blocks.some((block) => block.type === 'media');
    return {
      kind: 'not-an-article',
      pageKind: hasMedia ? 'media' : 'other',
      reason: hasMedia
        ? 'This page is mainly a video or audio clip with little text.'
        : 'This page has too little article text to show in the reader.',
    };
  }

  const related = dedupeRelated([...prepared.related, ...body.related, ...prepared.relatedAfter]);
  const article: Article = {
    url,
    variant: info.variant,
    lang: metadata.lang,
    title: tightenPunctuation(metadata.title),
    byline: metadata.byline,
    blocks: body.blocks,
    related,
    textLength: articleText,
    // The page's own read time when it shows one (the figure its readers see), else our estimate.
    readingMinutes: prepared.readMinutes ?? readingMinutes(articleText),
  };
  if (metadata.published) article.published = metadata.published;
  if (metadata.updated) article.updated = metadata.updated;
  return article;
}

/** Readability's pick of the article in the prepared document (or null), as a live element. */
function readableContent(work: Document): Element | null {
  const readable = new Readability<Element>(work, {
    serializer: (node) => node as Element,
    charThreshold: READABILITY_CHAR_THRESHOLD,
    disableJSONLD: true,
  }).parse();
  return readable?.content ?? null;
}

const NOT_AN_ARTICLE_REASONS: Record<NotAnArticle['pageKind'], string> = {
  live: 'This is a live page (a running feed of updates), not a single article.',
  media: 'This is a video or audio page, not an article.',
  index: 'This is an index page (a front page or topic list), not an article.',
  other: 'This is not a BBC News 中文 article page.',
};

function notAnArticle(pageKind: NotAnArticle['pageKind']): NotAnArticle {
  return { kind: 'not-an-article', pageKind, reason: NOT_AN_ARTICLE_REASONS[pageKind] };
}
