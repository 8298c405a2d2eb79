// The saved BBC pages the browser suites serve offline at their real URLs, shared by the Chromium
// (Playwright) and Firefox (puppeteer-core) suites, the bench and `npm start`. Each entry names the
// fixture file (test/fixtures/bbc/, provenance in test/fixtures/PROVENANCE.md), the production URL
// it is served at, and what kind of page it is.

import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURE_DIR = resolve(REPO_ROOT, 'test/fixtures/bbc');
export const DIST_CHROME = resolve(REPO_ROOT, 'dist/chrome');
export const DIST_FIREFOX = resolve(REPO_ROOT, 'dist/firefox');

export interface SavedPage {
  /** File name in test/fixtures/bbc/. */
  file: string;
  /** The production URL the page is served at. */
  url: string;
  kind: 'article' | 'index' | 'media' | 'live';
  /** The script the page is published in. */
  variant: 'simp' | 'trad';
}

/** Every article fixture: the reader must open on each. */
export const ARTICLES: readonly SavedPage[] = [
  {
    file: 'trad-2023-chinese-news-66748432.html',
    url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66748432',
    kind: 'article',
    variant: 'trad',
  },
  {
    file: 'trad-2023-chinese-news-66762882.html',
    url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882',
    kind: 'article',
    variant: 'trad',
  },
  {
    file: 'trad-2023-world-66783048.html',
    url: 'https://www.bbc.com/zhongwen/trad/world-66783048',
    kind: 'article',
    variant: 'trad',
  },
  {
    // Published at http://…; bbc.co.uk now answers http with a redirect to https, and so do we.
    file: 'simp-2012-chinese_news-121210_hongkong_politics.html',
    url: 'https://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml',
    kind: 'article',
    variant: 'simp',
  },
  {
    file: 'derived-simp-2022-world-62912357.html',
    url: 'https://www.bbc.com/zhongwen/simp/world-62912357',
    kind: 'article',
    variant: 'simp',
  },
  {
    file: 'derived-simp-2023-chinese-news-66762882.html',
    url: 'https://www.bbc.com/zhongwen/simp/chinese-news-66762882',
    kind: 'article',
    variant: 'simp',
  },
  // Today's formats, rendered from real pages' data (test/fixtures/derive-today-bbc-fixtures.ts).
  {
    file: 'today-optimo-trad-c9w1e66748qo.html',
    url: 'https://www.bbc.com/zhongwen/articles/c9w1e66748qo/trad',
    kind: 'article',
    variant: 'trad',
  },
  {
    file: 'today-lite-simp-c5l266762882o.html',
    url: 'https://www.bbc.com/zhongwen/articles/c5l266762882o/simp.lite',
    kind: 'article',
    variant: 'simp',
  },
];

/** BBC 中文 pages that are not articles: the button is enabled, a click shows the notice. */
export const NON_ARTICLES: readonly SavedPage[] = [
  { file: 'derived-trad-index.html', url: 'https://www.bbc.com/zhongwen/trad', kind: 'index', variant: 'trad' },
  {
    file: 'derived-trad-media.html',
    url: 'https://www.bbc.com/zhongwen/trad/media-66783048',
    kind: 'media',
    variant: 'trad',
  },
];

/**
 * Live pages: the reader opens on them. The first is built on Simorgh's live page; the second is an
 * article's markup under a live URL, whose posts cannot be read (the reader says so).
 */
export const LIVE_PAGES: readonly SavedPage[] = [
  {
    file: 'derived-trad-live-2023-world-66783048.html',
    url: 'https://www.bbc.com/zhongwen/live/c0000000000t/trad',
    kind: 'live',
    variant: 'trad',
  },
  {
    file: 'derived-trad-live.html',
    url: 'https://www.bbc.com/zhongwen/trad/live/world-66783048',
    kind: 'live',
    variant: 'trad',
  },
];

export const SAVED_PAGES: readonly SavedPage[] = [...ARTICLES, ...NON_ARTICLES, ...LIVE_PAGES];

/** A page outside BBC 中文, where the button must stay disabled. Served from memory. */
export const NON_BBC_URL = 'https://example.org/news/today';
export const NON_BBC_HTML =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not the BBC</title></head>' +
  '<body><main><h1>An ordinary page</h1><p>Nothing for Qingdu here.</p></main></body></html>';

export function pageByUrl(url: string): SavedPage | undefined {
  const wanted = withoutQueryOrHash(url);
  return SAVED_PAGES.find((page) => page.url === wanted);
}

export function fixturePath(page: SavedPage): string {
  return resolve(FIXTURE_DIR, page.file);
}

export function readFixture(page: SavedPage): Buffer {
  return readFileSync(fixturePath(page));
}

function withoutQueryOrHash(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/**
 * The stand-in for every photo (BBC photos come from ichef.bbci.co.uk, which tests never reach): a
 * 160×90 PNG of a soft dusk sky over dark ground, encoded here, so `<img>` elements load, lay out
 * and look like photos in screenshots.
 */
export const PLACEHOLDER_PHOTO_PNG = encodeRgbPng(160, 90, (x, y) => {
  const t = y / 89;
  if (t > 0.68 + 0.06 * Math.sin(x / 17)) return [52 - 20 * t, 64 - 20 * t, 58 - 20 * t];
  return [96 + 120 * t, 124 + 60 * t, 168 - 30 * t + 8 * Math.sin(x / 40)];
});

function encodeRgbPng(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // each row starts with filter type 0
    for (let x = 0; x < width; x++) {
      const [r = 0, g = 0, b = 0] = pixel(x, y);
      raw.set([r, g, b].map((value) => Math.max(0, Math.min(255, Math.round(value)))), row + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** How a request for `url` is answered when the suites run offline. */
export type OfflineAnswer =
  | { kind: 'page'; body: Buffer; contentType: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'image'; body: Buffer; contentType: string }
  | { kind: 'refuse' };

/**
 * The one rule for offline serving, used by every browser driver: saved pages at their URLs,
 * `http://www.bbc.co.uk/…` redirected to https as the BBC does, images answered with the
 * placeholder photo, the stand-in non-BBC page, and everything else (page scripts, analytics,
 * fonts) refused, so no test ever touches the network.
 */
export function offlineAnswer(url: string, resourceType?: string): OfflineAnswer {
  const parsed = new URL(url);
  if (parsed.protocol === 'http:' && parsed.hostname === 'www.bbc.co.uk') {
    parsed.protocol = 'https:';
    return { kind: 'redirect', location: parsed.href };
  }
  const page = pageByUrl(url);
  if (page) return { kind: 'page', body: readFixture(page), contentType: 'text/html; charset=utf-8' };
  if (url === NON_BBC_URL) return { kind: 'page', body: Buffer.from(NON_BBC_HTML), contentType: 'text/html; charset=utf-8' };
  if (resourceType === 'image' || /\.(?:jpe?g|png|gif|webp)(?:$|\?)/i.test(parsed.pathname)) {
    return { kind: 'image', body: PLACEHOLDER_PHOTO_PNG, contentType: 'image/png' };
  }
  return { kind: 'refuse' };
}
