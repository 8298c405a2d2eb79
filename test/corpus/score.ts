// Scoring an extraction (ours, or plain Readability's) against what the page itself published.

import type { Article, Block } from '../../src/core/article.ts';
import { normalizeWhitespace } from '../../src/core/article.ts';
import { LEAK_PATTERNS } from '../../src/core/extract/bbc-text.ts';
import type { PublishedArticle } from './published.ts';

export interface Count {
  found: number;
  expected: number;
}

export interface ArticleScore {
  paragraphs: Count;
  paragraphsInOrder: boolean;
  /** Share of extracted text characters (whitespace ignored) that belong to the article. */
  articleShare: number;
  figures: Count;
  captionsExact: Count;
  creditsExact: Count;
  headings: Count;
  videos: Count;
  related: Count;
  /** The related stories' URLs in the page's order (those found, relative order kept). */
  relatedInOrder: boolean;
  embeds: Count;
  /** The page's own read time, when it shows one, is the Article's. */
  readTime: boolean;
  byline: boolean;
  published: boolean;
  leaks: string[];
}

const compact = (text: string): string => text.replace(/\s+/g, '');
const fileOf = (url: string): string => url.split('?')[0]?.split('/').pop() ?? url;

export function scoreArticle(article: Article, published: PublishedArticle): ArticleScore {
  const paragraphs = article.blocks.filter((block): block is Extract<Block, { type: 'paragraph' }> => block.type === 'paragraph');
  const figures = article.blocks.filter((block): block is Extract<Block, { type: 'figure' }> => block.type === 'figure');
  const media = article.blocks.filter((block): block is Extract<Block, { type: 'media' }> => block.type === 'media');
  const headings = article.blocks.filter((block) => block.type === 'heading').map((block) => block.text);

  const paragraphIndex = new Map<string, number>();
  paragraphs.forEach((paragraph, index) => {
    if (!paragraphIndex.has(paragraph.text)) paragraphIndex.set(paragraph.text, index);
  });
  const positions = published.paragraphs.map((text) => paragraphIndex.get(text)).filter((index) => index !== undefined);
  const inOrder = positions.every((position, index) => index === 0 || position > (positions[index - 1] ?? -1));

  const belongs = new Set([
    ...published.paragraphs, ...published.headings, ...published.videoCaptions,
    ...published.figures.map((figure) => figure.caption ?? ''),
  ]);
  let total = 0;
  let own = 0;
  for (const block of article.blocks) {
    const length = compact(block.text).length;
    total += length;
    if (belongs.has(block.text)) own += length;
  }

  let figuresFound = 0;
  let captionsExact = 0;
  let creditsExact = 0;
  for (const expected of published.figures) {
    const figure = figures.find((candidate) => fileOf(candidate.image.src) === expected.file);
    if (!figure) continue;
    figuresFound += 1;
    if (figure.caption === expected.caption) captionsExact += 1;
    if (figure.credit === expected.credit) creditsExact += 1;
  }

  const articleText = [article.title, ...article.blocks.map((block) => block.text),
    ...article.byline.flatMap((person) => [person.name, person.role ?? '', person.location ?? '']),
    ...figures.map((figure) => `${figure.credit ?? ''} ${figure.image.alt}`), ...media.map((block) => block.caption ?? '')].join('\n');

  const relatedUrls = new Set(article.related.map((story) => story.url));
  const expectedRelated = [...new Set(published.related.map(absolute))];
  const relatedPositions = expectedRelated.map((url) => article.related.findIndex((story) => story.url === url)).filter((index) => index >= 0);
  const embeds = published.embeds ?? [];
  const foreign = (published.foreign ?? []).filter((text) => text && articleText.includes(text));
  return {
    paragraphs: { found: positions.length, expected: published.paragraphs.length },
    paragraphsInOrder: inOrder,
    articleShare: total === 0 ? 0 : own / total,
    figures: { found: figuresFound, expected: published.figures.length },
    captionsExact: { found: captionsExact, expected: published.figures.length },
    creditsExact: { found: creditsExact, expected: published.figures.length },
    headings: { found: published.headings.filter((heading) => headings.includes(heading)).length, expected: published.headings.length },
    videos: { found: published.videoCaptions.filter((caption) => media.some((block) => block.caption === caption)).length, expected: published.videoCaptions.length },
    related: { found: expectedRelated.filter((url) => relatedUrls.has(url)).length, expected: expectedRelated.length },
    relatedInOrder: relatedPositions.every((position, index) => index === 0 || position > (relatedPositions[index - 1] ?? -1)),
    embeds: { found: embeds.filter((href) => media.some((block) => block.kind === 'embed' && block.href === href)).length, expected: embeds.length },
    readTime: published.readMinutes === undefined || article.readingMinutes === published.readMinutes,
    byline: JSON.stringify(article.byline) === JSON.stringify(published.byline),
    published: sameTime(article.published, published.published),
    leaks: [...LEAK_PATTERNS.flatMap((pattern) => articleText.match(new RegExp(pattern.source, 'g')) ?? []), ...foreign],
  };
}

function absolute(url: string): string {
  return new URL(url, 'https://www.bbc.com/').href;
}

function sameTime(actual: string | undefined, expected: string): boolean {
  if (!actual) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(expected)) return actual === expected;
  return Date.parse(actual) === Date.parse(expected);
}

// ---- Plain Readability ----

export interface ReadabilityScore {
  paragraphs: Count;
  figures: Count;
  captionsClean: Count;
  leaks: number;
  readerable: boolean;
}

export function scoreReadability(
  content: DocumentFragment | null,
  textContent: string,
  readerable: boolean,
  published: PublishedArticle,
): ReadabilityScore {
  const text = compact(textContent);
  const images = content ? Array.from(content.querySelectorAll('img')) : [];
  const imageFiles = new Set(images.flatMap((image) => [image.getAttribute('src') ?? '', ...(image.getAttribute('srcset') ?? '').split(/[\s,]+/)]).map(fileOf));
  // A caption is clean when a figcaption (or, in a layout without one, a paragraph outside any
  // figcaption) reads exactly the caption: no screen-reader prefix in front of it.
  const captionTexts = new Set(
    content
      ? Array.from(content.querySelectorAll('figcaption, p'))
          .filter((element) => element.localName === 'figcaption' || !element.closest('figcaption'))
          .map((element) => normalizeWhitespace(element.textContent ?? ''))
      : [],
  );
  const withCaption = published.figures.filter((figure) => figure.caption);
  return {
    paragraphs: { found: published.paragraphs.filter((paragraph) => text.includes(compact(paragraph))).length, expected: published.paragraphs.length },
    figures: { found: published.figures.filter((figure) => imageFiles.has(figure.file)).length, expected: published.figures.length },
    captionsClean: { found: withCaption.filter((figure) => captionTexts.has(figure.caption ?? '')).length, expected: withCaption.length },
    leaks: LEAK_PATTERNS.reduce((sum, pattern) => sum + (textContent.match(new RegExp(pattern.source, 'g'))?.length ?? 0), 0),
    readerable,
  };
}

export const ratio = (count: Count): string => `${count.found}/${count.expected}`;
