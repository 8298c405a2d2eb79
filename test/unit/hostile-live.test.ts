// The hostile payload corpus placed in a live page (fixtures/hostile/live-pages.ts) through
// `extract` in Node (jsdom, parsed as a tab sees it): the page is still read as a live page with all
// its real posts, extraction does not touch the page, every URL in the Article is http(s), every
// post time is a real date or none, the page's escaped text arrives as text, text slots keep their
// sentinels, and nothing pollutes prototypes.
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { isArticle } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { parsePage } from '../../src/node/parse-page.ts';
import { articleText, comparableText, unsafeArticleUrls } from '../fixtures/hostile/checks.ts';
import { hostileLivePages, livePageWithoutPosts } from '../fixtures/hostile/live-pages.ts';
import type { Injection } from '../fixtures/hostile/pages.ts';
import { PAYLOADS } from '../fixtures/hostile/payloads.ts';

/** Slots whose sentinel sits in text a reader must get. */
const TEXT_SLOTS = new Set<Injection['slot']>(['paragraph', 'post-headline', 'key-point', 'caption', 'style-paragraph', 'link-href', 'post-time']);

const REAL_HEADLINES = ['金正恩與普京計劃會面，或涉及武器談判', '金正恩與普京「結盟」為何會令人擔憂'];

describe('hostile payloads in a live page, through extract (Node, jsdom)', () => {
  const pages = hostileLivePages();

  test('every payload with a live slot is placed, and the live slots are all used', () => {
    const placed = new Set(pages.flatMap((page) => page.injections.map((i) => i.payload.id)));
    const expected = PAYLOADS.filter((p) => p.kind !== 'clobber').map((p) => p.id);
    expect(expected.filter((id) => !placed.has(id))).toEqual([]);
    const slots = new Set(pages.flatMap((page) => page.injections.map((i) => i.slot)));
    for (const slot of ['post-headline', 'post-subheadline', 'post-time', 'post-id', 'key-point', 'summary', 'h1', 'caption', 'noscript', 'jsonld', 'page-data']) {
      expect(slots, slot).toContain(slot);
    }
  });

  for (const page of pages) {
    test(`${page.name}: ${page.injections.length} injections — still live, safe URLs and dates, page untouched`, () => {
      const { document } = parsePage(page.html, page.url);
      const before = document.documentElement.outerHTML;
      const result = extract(document, page.url);
      expect(document.documentElement.outerHTML, 'extract must not modify the page').toBe(before);
      if (!isArticle(result)) throw new Error(`${page.name}: not read as a live page: ${result.reason}`);
      expect(result.live, 'read as a live page').toBeDefined();
      const live = result.live!;
      const headlines = live.posts.map((post) => result.blocks[post.from]?.text);
      // A page of one isolated payload (it breaks the markup after it, in a tab too) keeps the posts before it.
      const isolated = !page.name.startsWith('live-payloads');
      expect(live.posts.length).toBeGreaterThanOrEqual(isolated ? 1 : 5);
      for (const headline of isolated ? REAL_HEADLINES.slice(0, 1) : REAL_HEADLINES) expect(headlines).toContain(headline);
      for (const post of live.posts) {
        if (post.published !== undefined) expect(Number.isNaN(Date.parse(post.published)), post.published).toBe(false);
        expect(post.to).toBeGreaterThan(post.from);
      }
      expect(unsafeArticleUrls(result), 'non-http(s) URLs in the Article').toEqual([]);

      const text = comparableText(articleText(result));
      for (const injection of page.injections) {
        // (After an isolated payload the page itself shows nothing more: its later sentinels are gone in a tab too.)
        if (!isolated && injection.sentinel && TEXT_SLOTS.has(injection.slot)) {
          expect.soft(text, `${injection.payload.id} in ${injection.slot}: its text is kept`).toContain(injection.sentinel);
        }
        if (injection.payload.kind === 'text' && (injection.slot === 'paragraph' || injection.slot === 'post-headline')) {
          const shown = JSDOM.fragment(`<p>${injection.payload.source}</p>`).textContent ?? '';
          expect(text, `${injection.payload.id}: escaped markup is shown as text`).toContain(comparableText(shown));
        }
      }
      expect((Object.prototype as Record<string, unknown>)['qdPolluted'], 'prototype pollution').toBeUndefined();
    });
  }

  test('a payload in the title that swallows the rest of the page leaves no posts: a plain "live" message, nothing made up', () => {
    const page = livePageWithoutPosts();
    const { document } = parsePage(page.html, page.url);
    // As a tab parses it, the page itself has no post left.
    expect(document.getElementsByTagName('article')).toHaveLength(0);
    expect(extract(document, page.url)).toMatchObject({ kind: 'not-an-article', pageKind: 'live' });
  });
});
