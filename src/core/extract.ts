// Extraction: a BBC News 中文 page into the typed Article model, or a typed "not an article".
// The page's own document is never modified. Steps:
//   1. detect: only article pages go further (live, media, index pages are reported as such);
//   2. prepare (BBC-specific, extract/prepare.ts): copy the article region into an inert document,
//      materialise lazy photos, make figures and videos canonical, collect byline/dates/related,
//      drop ads and page furniture;
//   3. Readability does the generic cleaning on that copy (once);
//   4. DOMPurify (sanitize.ts) reduces its output to the allow-list, in place;
//   5. the walk (extract/blocks.ts) turns it into blocks of typed inline runs.

import { Readability } from '@mozilla/readability';
import type { Article, ExtractResult, NotAnArticle } from './article.ts';
import { articleTextLength, readingMinutes } from './article.ts';
import { detect } from './detect.ts';
import { blocksFrom } from './extract/blocks.ts';
import { readMetadata } from './extract/metadata.ts';
import { prepareArticle } from './extract/prepare.ts';
import { sanitizeInPlace, windowOf } from './sanitize.ts';

/** Below this many reading units of paragraph text a page is not something to read as an article. */
const MIN_ARTICLE_TEXT = 60;

/**
 * Readability's threshold for "enough text" (default 500 characters) is set for alphabetic
 * languages; 200 Chinese characters is already a short news story. Below it Readability retries
 * with its cleaning relaxed, which is slower and keeps more clutter.
 */
const READABILITY_CHAR_THRESHOLD = 200;

export function extract(document: Document, url: string): ExtractResult {
  const info = detect(document, url);
  if (info.kind !== 'article') return notAnArticle(info.kind);

  const window = windowOf(document);
  if (!window) throw new Error('extract needs a document that belongs to a window (a tab or jsdom)');

  const prepared = prepareArticle(document, url, document.title);
  const metadata = readMetadata(document, prepared, info.variant);

  const content = prepared.located ? prepared.body : readableContent(prepared.document);
  if (!content) {
    return { kind: 'not-an-article', pageKind: 'other', reason: 'No article text was found on this page.' };
  }

  sanitizeInPlace(content, window);
  const body = blocksFrom(content, url);

  const paragraphText = articleTextLength(body.blocks.filter((block) => block.type === 'paragraph'));
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

  const related = dedupeRelated([...prepared.related, ...body.related]);
  const textLength = articleTextLength(body.blocks);
  const article: Article = {
    url,
    variant: info.variant,
    lang: metadata.lang,
    title: metadata.title,
    byline: metadata.byline,
    blocks: body.blocks,
    related,
    textLength,
    readingMinutes: readingMinutes(textLength),
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

function dedupeRelated(stories: Article['related']): Article['related'] {
  const seen = new Set<string>();
  return stories.filter((story) => (seen.has(story.url) ? false : (seen.add(story.url), true)));
}
