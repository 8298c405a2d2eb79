// What the BBC itself published in each fixture page, read from the page and never from an
// extractor: the Simorgh-era pages' own `window.SIMORGH_DATA` blocks, and for the 2022 body and
// the 2012 page, their body markup (read here with the page's own structure and class names, which
// is fine for an oracle: the extractor never sees these selectors).

import { JSDOM } from 'jsdom';
import { normalizeWhitespace } from '../../src/core/article.ts';

export interface PublishedFigure {
  /** The image file name (last path segment), enough to identify it among a page's photos. */
  file: string;
  caption?: string;
  credit?: string;
}

export interface PublishedArticle {
  title: string;
  byline: { name: string; role?: string }[];
  /** ISO instant or date. */
  published: string;
  updated?: string;
  paragraphs: string[];
  headings: string[];
  figures: PublishedFigure[];
  videoCaptions: string[];
  related: string[];
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
  const textOf = (block: SimorghBlock | undefined): string =>
    normalizeWhitespace(
      (block?.model?.blocks ?? [])
        .flatMap((text) => text.model?.blocks ?? [])
        .filter((paragraph) => paragraph.type === 'paragraph')
        .map((paragraph) => paragraph.model?.text ?? '')
        .join(' '),
    );
  const child = (block: SimorghBlock, type: string): SimorghBlock | undefined =>
    block.model?.blocks?.find((inner) => inner.type === type);

  for (const block of data.pageData.content.model.blocks) {
    switch (block.type) {
      case 'headline':
        published.title = textOf(block);
        break;
      case 'byline':
        for (const entry of block.model?.blocks ?? []) {
          const name = normalizeWhitespace(entry.model?.name ?? (entry as { name?: string }).name ?? '');
          const role = normalizeWhitespace((entry as { title?: string }).title ?? entry.model?.title ?? '');
          if (name) published.byline.push(role ? { name, role } : { name });
        }
        break;
      case 'timestamp': {
        const first = block.model?.firstPublished;
        const last = block.model?.lastPublished;
        if (first) published.published = new Date(first).toISOString();
        if (first && last && last > first) published.updated = new Date(last).toISOString();
        break;
      }
      case 'subheadline':
        published.headings.push(textOf(block));
        break;
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
      case 'video': {
        const media = child(block, 'aresMedia');
        const caption = media ? textOf(child(media, 'caption')) : '';
        published.videoCaptions.push(caption);
        break;
      }
    }
  }
  return published;
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
