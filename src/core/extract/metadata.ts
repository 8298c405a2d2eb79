// Article metadata from stable page signals: the headline, the byline list and the datelines found
// while preparing the copy, and the page's `<meta>` tags (article:published_time, Dublin Core in
// 2012 pages, og:title). JSON-LD is read only as a fallback when those say nothing, so an article
// comes out the same whether or not the page still carries its embedded data.

import type { BylineEntry, ScriptVariant } from '../article.ts';
import { normalizeWhitespace } from '../article.ts';

export interface ArticleMetadata {
  title: string;
  lang: string;
  byline: BylineEntry[];
  published?: string;
  updated?: string;
}

export interface MetadataFromBody {
  headline?: string;
  byline: BylineEntry[];
  times: string[];
}

export function readMetadata(document: Document, body: MetadataFromBody, variant: ScriptVariant): ArticleMetadata {
  let jsonLd: JsonLdArticle | null | undefined;
  const lazyJsonLd = (): JsonLdArticle | null => (jsonLd === undefined ? (jsonLd = readJsonLdArticle(document)) : jsonLd);

  const title = body.headline || titleFromHead(document) || lazyJsonLd()?.headline || '';

  const published =
    toIsoDate(metaContent(document, 'article:published_time')) ??
    toIsoDate(metaContent(document, 'dcterms.created')) ??
    toIsoDate(body.times[0]) ??
    toIsoDate(lazyJsonLd()?.datePublished);

  let updated =
    toIsoDate(metaContent(document, 'article:modified_time')) ??
    toIsoDate(metaContent(document, 'dcterms.modified')) ??
    (body.times.length > 1 ? toIsoDate(body.times[body.times.length - 1]) : undefined) ??
    toIsoDate(lazyJsonLd()?.dateModified);
  if (updated && published && !isLater(updated, published)) updated = undefined;

  let byline = body.byline;
  if (byline.length === 0) {
    const authors = lazyJsonLd()?.authors ?? [];
    byline = authors.map((name) => ({ name }));
  }

  const metadata: ArticleMetadata = { title, lang: languageTag(document, variant), byline };
  if (published) metadata.published = published;
  if (updated) metadata.updated = updated;
  return metadata;
}

/** `html[lang]` in BCP 47 case (zh-hant → zh-Hant), or the variant's tag when the page has none. */
export function languageTag(document: Document, variant: ScriptVariant): string {
  const raw = document.documentElement.getAttribute('lang')?.trim();
  if (!raw) return variant === 'simp' ? 'zh-Hans' : 'zh-Hant';
  return raw
    .split(/[-_]/)
    .map((part, index) => {
      if (index === 0) return part.toLowerCase();
      if (part.length === 4) return part[0]?.toUpperCase() + part.slice(1).toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      return part.toLowerCase();
    })
    .join('-');
}

/** A `<meta>` in the head (by `property` or `name`); the body is never searched. */
function metaContent(document: Document, name: string): string | undefined {
  const head = document.head;
  if (!head) return undefined;
  const element = head.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return element?.getAttribute('content')?.trim() || undefined;
}

/** og:title or `<title>` without the site-name suffix (" - BBC News 中文", " - BBC中文网 - 两岸三地"). */
function titleFromHead(document: Document): string {
  const raw = metaContent(document, 'og:title') ?? document.title;
  return normalizeWhitespace(raw.split(/\s+-\s+BBC/)[0] ?? '');
}

/** ISO 8601: date-only values stay dates (2022-09-16); timestamps become UTC (…T07:56:32.000Z). */
export function toIsoDate(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function isLater(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

// ---- JSON-LD fallback ----

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  authors: string[];
}

function readJsonLdArticle(document: Document): JsonLdArticle | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const article = findArticleNode(parsed);
    if (article) return article;
  }
  return null;
}

function findArticleNode(value: unknown): JsonLdArticle | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findArticleNode(item);
      if (found) return found;
    }
    return null;
  }
  if (!isRecord(value)) return null;
  if (Array.isArray(value['@graph'])) return findArticleNode(value['@graph']);
  const type = value['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (!types.some((t) => typeof t === 'string' && /Article$/.test(t))) return null;
  const authors = (Array.isArray(value.author) ? value.author : [value.author])
    .filter((author): author is Record<string, unknown> => isRecord(author) && author['@type'] === 'Person')
    .map((author) => (typeof author.name === 'string' ? normalizeWhitespace(author.name) : ''))
    .filter((name) => name !== '');
  const article: JsonLdArticle = { authors };
  if (typeof value.headline === 'string') article.headline = normalizeWhitespace(value.headline);
  if (typeof value.datePublished === 'string') article.datePublished = value.datePublished;
  if (typeof value.dateModified === 'string') article.dateModified = value.dateModified;
  return article;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
