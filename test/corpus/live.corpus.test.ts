// The live page through `extract`, against what the page itself published (its __NEXT_DATA__, read
// by published-live.ts): the title, the summary, the key points, then every post in the page's
// order with its time, headline, subheadline, paragraphs, lists, photos, captions and credits — on
// the page as built, on copies with every class name rewritten (neutral and hostile words), and on
// a copy without its embedded data (no JSON-LD, no __NEXT_DATA__: post times fall back to the
// dates the posts show). No UI string of the page (直播, 概要, 現場直播, 最新消息, 分享, the
// screen-reader prefixes) reaches the Article.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isArticle, type Article, type BlockSpan } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { parsePage } from '../../src/node/parse-page.ts';
import { publishedFromLivePage, type PublishedLiveBlock } from './published-live.ts';
import { rewriteClassNames, stripEmbeddedData } from './rewrite.ts';

const FILE = 'derived-trad-live-2023-world-66783048.html';
const URL = 'https://www.bbc.com/zhongwen/live/c0000000000t/trad';
const html = readFileSync(join(import.meta.dirname, '../fixtures/bbc', FILE), 'utf8');
const published = publishedFromLivePage(html);

function extractLive(page: string): Article {
  const { document } = parsePage(page, URL);
  const result = extract(document, URL);
  if (!isArticle(result)) throw new Error(`not readable: ${result.reason}`);
  return result;
}

/** The Article's blocks of a span in the oracle's simple form. */
function simple(article: Article, span: BlockSpan | undefined): PublishedLiveBlock[] {
  if (!span) return [];
  return article.blocks.slice(span.from, span.to).map((block): PublishedLiveBlock => {
    switch (block.type) {
      case 'heading':
        return { type: 'heading', text: block.text };
      case 'paragraph':
        return { type: 'paragraph', text: block.text };
      case 'list':
        return { type: 'list', items: block.text.split('\n') };
      case 'figure':
        return { type: 'figure', file: block.image.src.split('/').pop() ?? '', caption: block.caption ?? '', credit: block.credit ?? '' };
      default:
        throw new Error(`unexpected ${block.type} block`);
    }
  });
}

/** Page furniture and screen-reader words that must never be read as the page's text. */
const UI_WORDS = ['直播', '概要', '現場直播', '最新消息', '分享', '圖像來源', '圖像加註文字'];

const VARIANTS: [name: string, page: string, dataStripped: boolean][] = [
  ['as built', html, false],
  ['with neutral class names', rewriteClassNames(html, 'neutral'), false],
  ['with hostile class names', rewriteClassNames(html, 'hostile'), false],
  ['without its embedded data', stripEmbeddedData(html), true],
];

describe.each(VARIANTS)('the live page %s', (_name, page, dataStripped) => {
  const article = extractLive(page);
  const live = article.live!;

  it('is a live Article with the title, summary and key points the page published', () => {
    expect(live).toBeDefined();
    expect(article.title).toBe(published.title);
    expect(article.variant).toBe('trad');
    expect(simple(article, live.summary)).toEqual(published.summary);
    expect(simple(article, live.keyPoints)).toEqual([{ type: 'list', items: published.keyPoints }]);
  });

  it('has every post in the page order, each with its headline, text, photos, captions and credits', () => {
    expect(live.posts).toHaveLength(published.posts.length);
    live.posts.forEach((post, index) => expect(simple(article, post)).toEqual(published.posts[index]!.blocks));
    // Nothing but the parts: every block belongs to the summary, the key points or one post.
    const spans = [live.summary, live.keyPoints, ...live.posts].filter((span): span is BlockSpan => span !== undefined);
    expect(spans.map((span) => [span.from, span.to])).toEqual(spans.map((_span, i) => [spans[i - 1]?.to ?? 0, spans[i]!.to]));
    expect(spans.at(-1)!.to).toBe(article.blocks.length);
  });

  it('dates each post: exactly from the page data, or by the date the post shows when the data is gone', () => {
    const expected = published.posts.map((post) => (dataStripped ? post.published.slice(0, 10) : post.published));
    expect(live.posts.map((post) => post.published)).toEqual(expected);
    expect(live.posts.map((post) => post.breaking === true)).toEqual(published.posts.map((post) => post.breaking));
    expect(live.newest).toBe(expected[0]);
    expect(article.updated).toBe(dataStripped ? undefined : expected[0]);
    expect(article.published).toBe(expected.at(-1));
  });

  it('lets no UI string of the page into the Article', () => {
    expect(article.title).not.toMatch(/^直播/);
    for (const block of article.blocks) {
      expect(UI_WORDS).not.toContain(block.text);
      expect(block.text).not.toMatch(/圖像來源，|圖像加註文字，|^最新消息\s*[,，]/);
    }
    expect(article.byline).toEqual([]);
    expect(article.related).toEqual([]);
  });
});

it('a live page whose posts are not in any markup it can read is reported as a live page, not made up', () => {
  // derived-trad-live.html: an article's markup under a live URL (see PROVENANCE.md).
  const old = readFileSync(join(import.meta.dirname, '../fixtures/bbc/derived-trad-live.html'), 'utf8');
  const url = 'https://www.bbc.com/zhongwen/trad/live/world-66783048';
  const result = extract(parsePage(old, url).document, url);
  expect(result).toMatchObject({ kind: 'not-an-article', pageKind: 'live' });
});

it('reads a post heading that is plain text beside its time (no separate parts) as its headline', () => {
  const { document } = parsePage(html, URL);
  const heading = document.querySelector('main article h3');
  if (!heading) throw new Error('fixture changed');
  heading.innerHTML = '<time datetime="12 九月 2023">12 九月 2023</time> 金正恩與普京計劃會面，或涉及武器談判';
  const result = extract(document, URL);
  if (!isArticle(result) || !result.live) throw new Error('not read as a live page');
  const first = result.live.posts[0]!;
  expect(result.blocks[first.from]).toEqual({ type: 'heading', text: '金正恩與普京計劃會面，或涉及武器談判', level: 3 });
  expect(first.published).toBe('2023-09-12T09:43:37.000Z');
});
