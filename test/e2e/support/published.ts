// What each saved page published, read from the page itself and never from our extractor, so the
// browser suites can check that the overlay shows all of it: the headline, every paragraph, every
// photo's caption and credit. Simorgh-era pages carry the article as data (`window.SIMORGH_DATA`,
// read by the reader-UI fixture's deriver); the 2022 body and the 2012 archive page carry it in
// their markup, read here with the few selectors their layouts use.

import { JSDOM } from 'jsdom';
import { tightenPunctuation } from '../../../src/core/extract/typography.ts';
import { publishedFromOptimo } from '../../corpus/published.ts';
import { articleFromSimorgh } from '../../fixtures/articles/derive-from-simorgh.ts';
import { readFixture, type SavedPage } from './pages.ts';

export interface PublishedPhoto {
  caption: string;
  credit?: string;
}

export interface PublishedContent {
  title: string;
  paragraphs: string[];
  photos: PublishedPhoto[];
}

/** Collapses runs of white space, as rendered text does. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The screen-reader prefixes BBC pages put before captions and credits; none may reach the reader. */
export const SCREEN_READER_PREFIXES = [
  '图像来源',
  '圖像來源',
  '图像加注文字',
  '圖像加註文字',
  '视频加注文字',
  '視頻加註文字',
  '音頻加註文字',
  '音频加注文字',
] as const;

/**
 * What the page published, with the one typographic rule the reader applies to text (no space
 * around full-width punctuation: the BBC's "Mate 60 Pro ，在" is shown as "Mate 60 Pro，在").
 */
export function publishedContent(page: SavedPage): PublishedContent {
  const content = publishedAsIs(page);
  return {
    title: tightenPunctuation(content.title),
    paragraphs: content.paragraphs.map(tightenPunctuation),
    photos: content.photos.map((photo) => ({ ...photo, caption: tightenPunctuation(photo.caption) })),
  };
}

function publishedAsIs(page: SavedPage): PublishedContent {
  const html = readFixture(page).toString('utf8');
  if (page.file.startsWith('today-')) return fromOptimo(html);
  if (html.includes('window.SIMORGH_DATA=')) return fromSimorgh(html, page.url);
  const { document } = new JSDOM(html, { url: page.url }).window;
  return document.querySelector('.bodytext') ? fromArchiveMarkup(document) : fromBodyMarkup(document);
}

/** Today's pages (test/fixtures/derive-today-bbc-fixtures.ts): their Optimo blocks, as the corpus reads them. */
function fromOptimo(html: string): PublishedContent {
  const published = publishedFromOptimo(html);
  const photos = published.figures.flatMap((figure): PublishedPhoto[] =>
    figure.caption ? [{ caption: normalizeText(figure.caption), ...(figure.credit ? { credit: normalizeText(figure.credit) } : {}) }] : [],
  );
  return { title: normalizeText(published.title), paragraphs: published.paragraphs.map(normalizeText), photos };
}

function fromSimorgh(html: string, url: string): PublishedContent {
  const article = articleFromSimorgh(html, url);
  const paragraphs: string[] = [];
  const photos: PublishedPhoto[] = [];
  for (const block of article.blocks) {
    if (block.type === 'paragraph') paragraphs.push(normalizeText(block.text));
    if (block.type === 'figure' && block.caption !== undefined) {
      const photo: PublishedPhoto = { caption: normalizeText(block.caption) };
      if (block.credit !== undefined) photo.credit = normalizeText(block.credit);
      photos.push(photo);
    }
  }
  return { title: normalizeText(article.title), paragraphs: paragraphs.filter(Boolean), photos };
}

/** The 2012 `.shtml` layout: `div.bodytext` with `p` paragraphs and `p.caption` under each photo. */
function fromArchiveMarkup(document: Document): PublishedContent {
  const body = document.querySelector('.bodytext')!;
  const paragraphs = [...body.querySelectorAll('p:not(.caption)')].map((p) => normalizeText(p.textContent ?? ''));
  const photos = [...body.querySelectorAll('p.caption')].map((p) => ({ caption: normalizeText(p.textContent ?? '') }));
  const title = normalizeText(document.querySelector('h1')?.textContent ?? '');
  return { title, paragraphs: paragraphs.filter(Boolean), photos };
}

/** The 2022 rendered body: `p[dir]` paragraphs, and figures whose caption and credit follow a prefix span. */
function fromBodyMarkup(document: Document): PublishedContent {
  const withoutPrefix = (element: Element | null): string => {
    if (!element) return '';
    const copy = element.cloneNode(true) as Element;
    for (const span of copy.querySelectorAll('span')) {
      if (SCREEN_READER_PREFIXES.some((prefix) => (span.textContent ?? '').startsWith(prefix))) span.remove();
    }
    return normalizeText(copy.textContent ?? '');
  };
  const paragraphs = [...document.querySelectorAll('p[dir]')]
    .filter((p) => !p.closest('figure'))
    .map((p) => normalizeText(p.textContent ?? ''));
  const photos = [...document.querySelectorAll('figure')]
    .filter((figure) => figure.querySelector('img'))
    .map((figure) => {
      const photo: PublishedPhoto = { caption: withoutPrefix(figure.querySelector('figcaption')) };
      const credit = withoutPrefix(figure.querySelector('p[role="text"]'));
      if (credit) photo.credit = credit;
      return photo;
    });
  return { title: normalizeText(document.querySelector('h1')?.textContent ?? ''), paragraphs: paragraphs.filter(Boolean), photos };
}
