// Page detection: is this a BBC News 中文 page, what kind of page is it, and in which script is it
// published. This runs in the always-on content script on every BBC page, so it reads only a
// handful of stable signals (the URL, `html[lang]`, `og:type`, the first JSON-LD `@type`, `h1`,
// `main`, `time`) with single-element queries: no cloning, no full-document walks, no
// dependencies. Hashed class names are never used; they change with every BBC release.

import type { ScriptVariant } from './article.ts';

export type PageKind = 'article' | 'live' | 'media' | 'index' | 'other';

export interface PageInfo {
  kind: PageKind;
  variant: ScriptVariant;
}

/**
 * Where BBC News 中文 pages live: these hosts, at `/zhongwen` and below, over http(s). The one
 * definition of "a BBC 中文 page": the toolbar button's declarative rules are built from it too.
 */
export const BBC_CHINESE_HOSTS: readonly string[] = ['www.bbc.com', 'bbc.com', 'm.bbc.com', 'www.bbc.co.uk', 'bbc.co.uk', 'm.bbc.co.uk'];
export const BBC_CHINESE_PATH = '/zhongwen';

/** True for pages of the BBC News 中文 site: bbc.com/zhongwen/… and the older bbc.co.uk/zhongwen/…. */
export function isBbcChineseUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return false;
  const path = parsed.pathname;
  return BBC_CHINESE_HOSTS.includes(parsed.hostname) && (path === BBC_CHINESE_PATH || path.startsWith(`${BBC_CHINESE_PATH}/`));
}

/**
 * Pages the reader opens on: articles, and live pages (shown as their posts so far). The toolbar
 * button, "open automatically" and the toggle all ask this one question.
 */
export function isReadable(info: PageInfo): boolean {
  return info.kind === 'article' || info.kind === 'live';
}

export function detect(document: Document, url: string): PageInfo {
  const variant = detectVariant(document, url);
  return { kind: detectKind(document, url), variant };
}

/**
 * The published script. The URL is the strongest signal (`/zhongwen/simp/…`, `/zhongwen/trad/…`,
 * `/zhongwen/articles/<id>/simp|trad`); `html[lang]` (zh-hans / zh-Hans-CN / zh-hant / zh-TW …)
 * decides when the URL does not.
 */
export function detectVariant(document: Document, url: string): ScriptVariant {
  const segments = zhongwenSegments(url);
  if (segments) {
    if (segments.includes('simp')) return 'simp';
    if (segments.includes('trad')) return 'trad';
  }
  const lang = (document.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (/^zh-(?:hant|tw|hk|mo)\b/.test(lang)) return 'trad';
  return 'simp';
}

function detectKind(document: Document, url: string): PageKind {
  const segments = zhongwenSegments(url);
  if (!segments) return 'other';

  const fromUrl = kindFromPath(segments);
  if (fromUrl) return fromUrl;

  const fromMetadata = kindFromMetadata(document);
  if (fromMetadata && fromMetadata !== 'article') return fromMetadata;

  const heading = document.querySelector('h1');
  if (!heading || !heading.textContent?.trim()) {
    return document.querySelector('main, [role="main"]') ? 'index' : 'other';
  }
  if (fromMetadata === 'article') return 'article';
  // Pages without metadata (saved bodies, the 2012 archive): a headline plus a dateline, or a
  // dated `.shtml` archive path, is a story.
  if (document.querySelector('time[datetime]')) return 'article';
  if (isDatedArchivePath(segments)) return 'article';
  return 'other';
}

/**
 * Path segments after `/zhongwen`, or null when the URL is not a BBC 中文 page. The query string
 * and fragment (RSS links carry `?at_medium=RSS&at_campaign=rss`) play no part; the data-saving
 * and AMP renderings' suffix is dropped, so `…/simp.lite` and `…/trad.amp` read as `simp`, `trad`.
 */
function zhongwenSegments(url: string): string[] | null {
  if (!isBbcChineseUrl(url)) return null;
  const parsed = parseUrl(url);
  if (!parsed) return null;
  return parsed.pathname.split('/').filter((segment) => segment !== '').slice(1).map((segment) => segment.replace(/\.(?:lite|amp)$/, ''));
}

const MEDIA_SEGMENT = /^(?:media-\d+|av|multimedia|podcasts?|bbc_cantonese_radio|radio)$/;
const INDEX_SEGMENT = /^(?:topics|popular)$/;

function kindFromPath(segments: string[]): PageKind | null {
  const rest = segments.filter((segment) => segment !== 'simp' && segment !== 'trad');
  if (rest.includes('live')) return 'live';
  if (rest.some((segment) => MEDIA_SEGMENT.test(segment))) return 'media';
  if (rest.some((segment) => INDEX_SEGMENT.test(segment))) return 'index';
  // /zhongwen/simp, /zhongwen/trad/index.shtml, /zhongwen/simp/chinese_news/ (a section front).
  if (rest.length === 0) return 'index';
  if (rest.length === 1 && /^index\.s?html?$/.test(rest[0] ?? '')) return 'index';
  if (rest.length === 1 && /^[a-z_]+$/.test(rest[0] ?? '')) return 'index';
  return null;
}

function isDatedArchivePath(segments: string[]): boolean {
  return segments.length >= 4 && /\.s?html?$/.test(segments[segments.length - 1] ?? '') &&
    segments.some((segment) => /^(?:19|20)\d\d$/.test(segment));
}

/**
 * What the page says about itself: `og:type` and the first JSON-LD `@type` (article pages list the
 * NewsArticle first and may carry VideoObject blocks after it; a media page leads with the video).
 * Only the first JSON-LD script is read, with a regular expression rather than a JSON parse.
 */
function kindFromMetadata(document: Document): PageKind | null {
  const jsonLd = document.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
  const firstType = /"@type"\s*:\s*\[?\s*"([A-Za-z]+)"/.exec(jsonLd)?.[1];
  if (firstType) {
    if (firstType === 'LiveBlogPosting') return 'live';
    if (/Article$/.test(firstType)) return 'article';
    if (/^(?:VideoObject|AudioObject|MediaObject)$/.test(firstType)) return 'media';
    if (/^(?:CollectionPage|ItemList|WebSite)$/.test(firstType)) return 'index';
  }
  const ogType = document.head?.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType) {
    if (ogType === 'article') return 'article';
    if (ogType.startsWith('video') || ogType.startsWith('music')) return 'media';
    if (ogType === 'website') return 'index';
  }
  return null;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
