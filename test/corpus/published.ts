// What the BBC itself published in each fixture page, read from the page and never from an
// extractor: the Simorgh-era pages' own `window.SIMORGH_DATA` blocks, and for the 2022 body and
// the 2012 page, their body markup (read here with the page's own structure and class names, which
// is fine for an oracle: the extractor never sees these selectors).

import { JSDOM } from 'jsdom';
import { normalizeWhitespace } from '../../src/core/article.ts';
import { tightenPunctuation } from '../../src/core/extract/typography.ts';

export interface PublishedFigure {
  /** The image file name (last path segment), enough to identify it among a page's photos. */
  file: string;
  caption?: string;
  credit?: string;
}

export interface PublishedArticle {
  title: string;
  byline: { name: string; role?: string; location?: string }[];
  /** ISO instant or date. */
  published: string;
  updated?: string;
  paragraphs: string[];
  headings: string[];
  figures: PublishedFigure[];
  videoCaptions: string[];
  related: string[];
  /** Today's pages: the page's own read time in minutes. */
  readMinutes?: number;
  /** Today's pages: the embedded posts (their URLs), in order. */
  embeds?: string[];
  /** Text of the page that must not be anywhere in the Article (most-read titles, promos). */
  foreign?: string[];
}

/**
 * The published text with the one typographic rule the reader applies at extraction: no space
 * before or after full-width punctuation (the BBC's "Mate 60 Pro ，在" is read as "Mate 60 Pro，在").
 */
export function withTypography(published: PublishedArticle): PublishedArticle {
  return {
    ...published,
    title: tightenPunctuation(published.title),
    paragraphs: published.paragraphs.map(tightenPunctuation),
    headings: published.headings.map(tightenPunctuation),
    figures: published.figures.map((figure) => (figure.caption ? { ...figure, caption: tightenPunctuation(figure.caption) } : figure)),
    videoCaptions: published.videoCaptions.map(tightenPunctuation),
  };
}

const fileName = (url: string): string => url.split('?')[0]?.split('/').pop() ?? url;

// ---- Simorgh pages: window.SIMORGH_DATA ----

interface SimorghBlock {
  type: string;
  model?: {
    blocks?: SimorghBlock[];
    text?: string;
    locator?: string;
    copyrightHolder?: string;
    name?: string;
    title?: string;
    firstPublished?: number;
    lastPublished?: number;
  };
}

export function publishedFromSimorgh(html: string): PublishedArticle {
  const match = /window\.SIMORGH_DATA\s*=\s*(\{.*?\})\s*<\/script>/s.exec(html);
  if (!match?.[1]) throw new Error('page has no SIMORGH_DATA');
  const data = JSON.parse(match[1]) as { pageData: { content: { model: { blocks: SimorghBlock[] } } } };
  const published: PublishedArticle = {
    title: '', byline: [], published: '', paragraphs: [], headings: [], figures: [], videoCaptions: [], related: [],
  };
  for (const block of data.pageData.content.model.blocks) {
    if (readStoryBlock(block, published)) continue;
    switch (block.type) {
      case 'byline':
        for (const entry of block.model?.blocks ?? []) {
          const name = normalizeWhitespace(entry.model?.name ?? (entry as { name?: string }).name ?? '');
          const role = normalizeWhitespace((entry as { title?: string }).title ?? entry.model?.title ?? '');
          if (name) published.byline.push(role ? { name, role } : { name });
        }
        break;
      case 'image': {
        const raw = child(block, 'rawImage');
        const caption = textOf(child(block, 'caption'));
        const figure: PublishedFigure = { file: fileName(raw?.model?.locator ?? '') };
        if (caption) figure.caption = caption;
        if (raw?.model?.copyrightHolder) figure.credit = normalizeWhitespace(raw.model.copyrightHolder);
        published.figures.push(figure);
        break;
      }
    }
  }
  return published;
}

const textOf = (block: SimorghBlock | undefined): string =>
  normalizeWhitespace(
    (block?.model?.blocks ?? [])
      .flatMap((text) => text.model?.blocks ?? [])
      .filter((paragraph) => paragraph.type === 'paragraph')
      .map((paragraph) => paragraph.model?.text ?? '')
      .join(' '),
  );
const child = (block: SimorghBlock, type: string): SimorghBlock | undefined => block.model?.blocks?.find((inner) => inner.type === type);

/**
 * The blocks both Simorgh models (CPS 2020–23, Optimo today) write alike: headline, timestamp,
 * subheadline, text (paragraphs, and lists of links: related stories), video. False for others.
 */
function readStoryBlock(block: SimorghBlock, published: PublishedArticle): boolean {
  switch (block.type) {
    case 'headline':
      published.title = textOf(block);
      return true;
    case 'timestamp': {
      const first = block.model?.firstPublished;
      const last = block.model?.lastPublished;
      if (first) published.published = new Date(first).toISOString();
      if (first && last && last > first) published.updated = new Date(last).toISOString();
      return true;
    }
    case 'subheadline':
      published.headings.push(textOf(block));
      return true;
    case 'text':
      for (const inner of block.model?.blocks ?? []) {
        if (inner.type === 'paragraph') {
          const text = normalizeWhitespace(inner.model?.text ?? '');
          if (text) published.paragraphs.push(text);
        } else if (inner.type === 'unorderedList') {
          for (const item of inner.model?.blocks ?? []) {
            for (const paragraph of item.model?.blocks ?? []) {
              for (const link of paragraph.model?.blocks ?? []) {
                if (link.type === 'urlLink' && link.model?.locator) published.related.push(link.model.locator);
              }
            }
          }
        }
      }
      return true;
    case 'video': {
      const media = child(block, 'aresMedia');
      published.videoCaptions.push(media ? textOf(child(media, 'caption')) : '');
      return true;
    }
    default:
      return false;
  }
}

// ---- The 2022 body and the 2012 page: their markup ----

export function publishedFrom2022Body(html: string): PublishedArticle {
  const document = new JSDOM(html).window.document;
  const text = (element: Element | null | undefined): string => normalizeWhitespace(element?.textContent ?? '');
  const bylineItems = Array.from(document.querySelectorAll('ul[role="list"]')[0]?.querySelectorAll('li') ?? []).map(text);
  const [name, role] = bylineItems;
  const figures = Array.from(document.querySelectorAll('figure')).map((figure): PublishedFigure => {
    const published: PublishedFigure = { file: fileName(figure.querySelector('img')?.getAttribute('src') ?? '') };
    const caption = text(figure.querySelector('figcaption p'));
    const credit = text(figure.querySelector('p[role="text"] span[lang]'));
    if (caption) published.caption = caption;
    if (credit) published.credit = credit;
    return published;
  });
  return {
    title: text(document.querySelector('h1')),
    byline: name ? [role ? { name, role } : { name }] : [],
    published: document.querySelector('time[datetime]')?.getAttribute('datetime') ?? '',
    paragraphs: Array.from(document.querySelectorAll('p[dir="ltr"]')).map(text).filter(Boolean),
    headings: Array.from(document.querySelectorAll('h2')).map(text),
    figures,
    videoCaptions: [],
    related: Array.from(document.querySelectorAll('ul[role="list"]'))
      .slice(1)
      .flatMap((list) => Array.from(list.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? '')),
  };
}

export function publishedFrom2012Page(html: string): PublishedArticle {
  const document = new JSDOM(html).window.document;
  const text = (element: Element | null | undefined): string => normalizeWhitespace(element?.textContent ?? '');
  const body = document.querySelector('.bodytext');
  if (!body) throw new Error('2012 page has no .bodytext');
  const created = document.querySelector('meta[name="dcterms.created"]')?.getAttribute('content') ?? '';
  const modified = document.querySelector('meta[name="dcterms.modified"]')?.getAttribute('content') ?? '';
  return {
    title: text(document.querySelector('h1')),
    byline: [],
    published: new Date(created).toISOString(),
    updated: new Date(modified).toISOString(),
    paragraphs: Array.from(body.querySelectorAll('p:not(.caption)')).map(text).filter(Boolean),
    headings: Array.from(body.querySelectorAll('h2')).map(text),
    figures: Array.from(body.querySelectorAll('.image')).map((image) => {
      const figure: PublishedFigure = { file: fileName(image.querySelector('img')?.getAttribute('src') ?? '') };
      const caption = text(image.querySelector('.caption'));
      if (caption) figure.caption = caption;
      return figure;
    }),
    videoCaptions: [],
    related: [],
  };
}

// ---- Today's pages (test/fixtures/derive-today-bbc-fixtures.ts): Optimo blocks in SIMORGH_DATA ----

interface OptimoData {
  pageData: {
    content: { model: { blocks: SimorghBlock[] } };
    metadata: { stats?: { readTime?: number } };
    mostRead: { items: { title: string }[] };
  };
}

export function publishedFromOptimo(html: string): PublishedArticle {
  const match = /window\.SIMORGH_DATA\s*=\s*(\{.*?\})\s*<\/script>/s.exec(html);
  if (!match?.[1]) throw new Error('page has no SIMORGH_DATA');
  const data = JSON.parse(match[1]) as OptimoData;
  const published: PublishedArticle = {
    title: '', byline: [], published: '', paragraphs: [], headings: [], figures: [], videoCaptions: [], related: [], embeds: [],
    foreign: data.pageData.mostRead.items.map((item) => normalizeWhitespace(item.title)),
  };
  const readMinutes = data.pageData.metadata.stats?.readTime;
  if (readMinutes) published.readMinutes = readMinutes;
  const after: string[] = [];

  for (const block of data.pageData.content.model.blocks) {
    if (readStoryBlock(block, published)) continue;
    const model = block.model as Record<string, unknown> | undefined;
    switch (block.type) {
      case 'byline':
        for (const contributor of block.model?.blocks ?? []) {
          const name = textOf(child(contributor, 'name'));
          const role = textOf(child(contributor, 'role'));
          const location = textOf(child(contributor, 'location'));
          published.byline.push({ name, ...(role ? { role } : {}), ...(location ? { location } : {}) });
        }
        break;
      case 'image': {
        const raw = child(block, 'rawImage')?.model as { locator?: string; copyrightHolder?: string; width?: number; height?: number } | undefined;
        // A line or spacer (a side of 10 px or less) is decoration, not a photo of the story.
        if ((raw?.width ?? 11) <= 10 || (raw?.height ?? 11) <= 10) break;
        const caption = textOf(child(block, 'caption'));
        const figure: PublishedFigure = { file: fileName(raw?.locator ?? '') };
        if (caption) figure.caption = caption;
        // Simorgh shows no credit for the BBC's own photos (ImageWithCaption's getCopyright).
        if (raw?.copyrightHolder && raw.copyrightHolder !== 'BBC') figure.credit = normalizeWhitespace(raw.copyrightHolder);
        published.figures.push(figure);
        break;
      }
      case 'links':
        published.related.push(...(model?.links as { url: string }[]).map((link) => link.url));
        break;
      case 'oEmbed':
        published.embeds?.push(String(model?.source));
        break;
      case 'podcastPromo':
        published.foreign?.push('BBC 時事一周 Newsweek (Cantonese)', 'Podcast');
        break;
      case 'relatedContent':
        after.push(...(model?.promos as { locators: { assetUri: string } }[]).map((promo) => promo.locators.assetUri));
        break;
    }
  }
  published.related.push(...after);
  // A most-read list may name this very article; its headline is of course in the Article.
  published.foreign = published.foreign?.filter((text) => text !== published.title);
  return published;
}
