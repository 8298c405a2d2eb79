// The hostile payload corpus and the broken pages through `extract` in Node (jsdom, parsed as a tab
// sees it): fast feedback before the browser suite. What must hold for every page: extraction does
// not throw and does not touch the page; every URL that reaches the Article is http(s); escaped
// markup in the page arrives as visible text; nothing in the page's data pollutes prototypes; and
// the sanitize policy on its own leaves nothing the overlay audit would flag.

import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, test } from 'vitest';
import { isArticle, type Article } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { sanitizeHtml } from '../../src/core/sanitize.ts';
import { parsePage } from '../../src/node/parse-page.ts';
import { auditTree } from '../fixtures/hostile/audit.ts';
import { articleText, comparableText, unsafeArticleUrls } from '../fixtures/hostile/checks.ts';
import {
  baseArticleParagraphs,
  brokenPages,
  clobberPages,
  hostilePayloadPages,
  todayKindsPayloadPages,
  type GeneratedPage,
  type Injection,
} from '../fixtures/hostile/pages.ts';
import { PAYLOADS } from '../fixtures/hostile/payloads.ts';

const REAL_PARAGRAPHS = baseArticleParagraphs();

/** The text a tab shows: every text node outside elements whose content is not rendered as text. */
function visibleText(document: Document): string {
  const hidden = new Set(['style', 'script', 'template', 'noscript', 'title', 'xmp', 'textarea', 'noembed', 'noframes', 'iframe']);
  const walker = document.createTreeWalker(document.body ?? document.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && !hidden.has(parent.localName) && !parent.closest('style, script, template')) parts.push(walker.currentNode.nodeValue ?? '');
  }
  return comparableText(parts.join(''));
}

/**
 * Share of the real article's paragraphs that the page still shows and the Article keeps: payloads
 * must not cost the reader the article. Paragraphs a payload hides in the page itself (an unclosed
 * raw-text element swallows the rest of the page) are not the reader's to show.
 */
function keptShare(article: Article, document: Document): number {
  const text = comparableText(articleText(article));
  const shown = visibleText(document);
  const inPage = REAL_PARAGRAPHS.map((p) => comparableText(p).slice(0, 16)).filter((p) => shown.includes(p));
  return inPage.length === 0 ? 1 : inPage.filter((p) => text.includes(p)).length / inPage.length;
}

const tally = { pages: 0, injections: 0, unsafeUrls: 0, sentinelsExpected: 0, sentinelsFound: 0, brokenHandled: 0 };

/** Text the HTML parser makes of a text payload in the page: its character references decoded once. */
function shownAsText(source: string): string {
  return JSDOM.fragment(`<p>${source}</p>`).textContent ?? '';
}

function extractUntouched(page: GeneratedPage) {
  const { document } = parsePage(page.html, page.url);
  const before = document.documentElement.outerHTML;
  const result = extract(document, page.url);
  expect(document.documentElement.outerHTML, 'extract must not modify the page').toBe(before);
  return { result, document };
}

/** Slots whose sentinel sits in body text that a reader must keep (paragraphs, headings, captions, links). */
const TEXT_SLOTS = new Set<Injection['slot']>(['paragraph', 'heading', 'caption', 'link-href', 'link-title', 'style-paragraph', 'list-item', 'gallery-caption']);

function checkArticle(page: GeneratedPage, article: Article): void {
  const unsafe = unsafeArticleUrls(article);
  tally.unsafeUrls += unsafe.length;
  expect(unsafe, `${page.name}: non-http(s) URLs in the Article`).toEqual([]);

  const text = comparableText(articleText(article));
  for (const injection of page.injections) {
    if (injection.payload.kind === 'text' && injection.slot === 'paragraph') {
      expect(text, `${injection.payload.id}: escaped markup must be shown as text`).toContain(
        comparableText(shownAsText(injection.payload.source)),
      );
    }
    if (injection.sentinel && TEXT_SLOTS.has(injection.slot)) {
      tally.sentinelsExpected += 1;
      if (text.includes(injection.sentinel)) tally.sentinelsFound += 1;
    }
  }
}

describe('hostile payloads through extract (Node, jsdom)', () => {
  const pages = [...hostilePayloadPages(), ...todayKindsPayloadPages(), ...clobberPages()];

  test('the corpus has at least 100 payloads covering every class the issue names', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(100);
    const classes = new Set(PAYLOADS.map((p) => p.class));
    for (const wanted of [
      'script', 'event-handler', 'url-javascript', 'url-data', 'url-vbscript', 'svg', 'mathml', 'iframe-srcdoc',
      'object-embed', 'base', 'meta', 'form', 'css', 'mutation-xss', 'namespace-confusion', 'dom-clobbering',
      'encoding', 'embedded-data',
    ]) {
      expect(classes, wanted).toContain(wanted);
    }
    // Every payload is placed somewhere.
    const placed = new Set(pages.flatMap((page) => page.injections.map((i) => i.payload.id)));
    expect(PAYLOADS.filter((p) => !placed.has(p.id)).map((p) => p.id)).toEqual([]);
  });

  test('payloads also sit in today’s page kinds: byline photo and location, embeds, .lite credits, gallery captions', () => {
    const slots = new Set(pages.flatMap((page) => page.injections.map((injection) => injection.slot)));
    for (const slot of ['byline-photo-src', 'byline-photo-alt', 'byline-location', 'embed-source', 'embed-caption', 'lite-credit', 'gallery-caption'] as const) {
      expect(slots, slot).toContain(slot);
    }
  });

  for (const page of pages) {
    test(`${page.name}: ${page.injections.length} injections, no unsafe URL, page untouched`, () => {
      tally.pages += 1;
      tally.injections += page.injections.length;
      const { result, document } = extractUntouched(page);
      expect(isArticle(result), `${page.name} is still an article`).toBe(true);
      if (isArticle(result)) {
        checkArticle(page, result);
        // Soft, so the safety checks above are still reported for a page that loses its text.
        // A batch page carries ~200 injected blocks among 48 real paragraphs, and Readability's
        // heuristics then drop a few real ones; a page with one payload must keep nearly all.
        const floor = page.injections.length > 20 ? 0.75 : 0.9;
        expect.soft(keptShare(result, document), `${page.name}: share of the real article's paragraphs kept`).toBeGreaterThanOrEqual(floor);
      }
      expect((Object.prototype as Record<string, unknown>)['qdPolluted'], 'prototype pollution').toBeUndefined();
      expect(({} as Record<string, unknown>)['qdPolluted']).toBeUndefined();
    });
  }

  test('the sanitize policy alone leaves nothing the overlay audit flags, for every markup payload', () => {
    const { window } = new JSDOM('<!DOCTYPE html><body>', { url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882' });
    const flagged: string[] = [];
    for (const payload of PAYLOADS) {
      if (payload.kind !== 'markup' && payload.kind !== 'clobber') continue;
      const fragment = sanitizeHtml(`<p>${payload.source}</p>`, window);
      const holder = window.document.createElement('div');
      holder.append(fragment);
      for (const finding of auditTree(holder, window.location.href)) flagged.push(`${payload.id}: ${JSON.stringify(finding)}`);
    }
    expect(flagged).toEqual([]);
  });
});

describe('broken pages through extract (Node, jsdom)', () => {
  // The 5 MB page takes jsdom most of a minute on a busy 2-core machine; the browser suite and the
  // bench run it in Chromium, where it matters.
  for (const page of brokenPages().filter((p) => p.name !== 'five-megabytes')) {
    test(`${page.name} (${page.expect}): ${page.note}`, () => {
      const { result } = extractUntouched(page);
      if (page.expect === 'article') expect(isArticle(result), `${page.name} should give the article`).toBe(true);
      if (page.expect === 'message') expect(isArticle(result), `${page.name} should give a message`).toBe(false);
      if (isArticle(result)) {
        expect(unsafeArticleUrls(result)).toEqual([]);
        expect(result.title.trim()).not.toBe('');
        expect(result.blocks.length).toBeGreaterThan(0);
      } else {
        expect(result.reason.trim()).not.toBe('');
      }
      tally.brokenHandled += 1;
    });
  }
});

afterAll(() => {
  console.log(
    `hostile (Node/extract): ${PAYLOADS.length} payloads, ${tally.injections} injections in ${tally.pages} pages, ` +
      `unsafe URLs in Articles = ${tally.unsafeUrls}, sentinels kept ${tally.sentinelsFound}/${tally.sentinelsExpected}, ` +
      `broken pages handled ${tally.brokenHandled}`,
  );
});
