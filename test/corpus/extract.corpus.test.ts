// The corpus: every fixture page through `extract`, scored against what the BBC published in that
// page (test/corpus/published.ts); the same on copies with every class name rewritten and the
// embedded data removed; and plain Readability 0.6 measured on the same parsed documents, printed
// alongside for comparison.
import { describe, expect, it, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { isArticle, type Article } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { parsePage } from '../../src/node/parse-page.ts';
import {
  publishedFrom2012Page,
  publishedFrom2022Body,
  publishedFromOptimo,
  publishedFromSimorgh,
  withTypography,
  type PublishedArticle,
} from './published.ts';
import { ratio, scoreArticle, scoreReadability, type ArticleScore, type ReadabilityScore } from './score.ts';
import { rewriteClassNames, stripEmbeddedData } from './rewrite.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/bbc', name), 'utf8');

interface CorpusPage {
  file: string;
  url: string;
  published: (html: string) => PublishedArticle;
}

const PAGES: CorpusPage[] = [
  { file: 'trad-2023-chinese-news-66748432.html', url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66748432', published: publishedFromSimorgh },
  { file: 'trad-2023-chinese-news-66762882.html', url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882', published: publishedFromSimorgh },
  { file: 'trad-2023-world-66783048.html', url: 'https://www.bbc.com/zhongwen/trad/world-66783048', published: publishedFromSimorgh },
  { file: 'derived-simp-2023-chinese-news-66762882.html', url: 'https://www.bbc.com/zhongwen/simp/chinese-news-66762882', published: publishedFromSimorgh },
  { file: 'derived-simp-2022-world-62912357.html', url: 'https://www.bbc.com/zhongwen/simp/world-62912357', published: publishedFrom2022Body },
  {
    file: 'simp-2012-chinese_news-121210_hongkong_politics.html',
    url: 'http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml',
    published: publishedFrom2012Page,
  },
  // Today's formats (test/fixtures/derive-today-bbc-fixtures.ts), at the URLs readers arrive by.
  {
    file: 'today-optimo-trad-c9w1e66748qo.html',
    url: 'https://www.bbc.com/zhongwen/articles/c9w1e66748qo/trad?at_medium=RSS&at_campaign=rss',
    published: publishedFromOptimo,
  },
  { file: 'today-lite-simp-c5l266762882o.html', url: 'https://www.bbc.com/zhongwen/articles/c5l266762882o/simp.lite', published: publishedFromOptimo },
  { file: 'today-pgl-trad-chinese-news-66762882.html', url: 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882#main-content', published: publishedFromOptimo },
];

function extractArticle(html: string, url: string): Article {
  const { document } = parsePage(html, url);
  const result = extract(document, url);
  if (!isArticle(result)) throw new Error(`not an article: ${result.reason}`);
  return result;
}

function plainReadability(html: string, url: string, published: PublishedArticle): ReadabilityScore {
  const { document } = parsePage(html, url);
  const readerable = isProbablyReaderable(document);
  const result = new Readability(document.cloneNode(true) as Document).parse();
  const content = result?.content ? JSDOM.fragment(result.content) : null;
  return scoreReadability(content, result?.textContent ?? '', readerable, published);
}

function expectPerfect(score: ArticleScore): void {
  expect(score.paragraphs.found).toBe(score.paragraphs.expected);
  expect(score.paragraphsInOrder).toBe(true);
  expect(score.articleShare).toBeGreaterThanOrEqual(0.995);
  expect(score.figures.found).toBe(score.figures.expected);
  expect(score.captionsExact.found).toBe(score.captionsExact.expected);
  expect(score.creditsExact.found).toBe(score.creditsExact.expected);
  expect(score.headings.found).toBe(score.headings.expected);
  expect(score.videos.found).toBe(score.videos.expected);
  expect(score.related.found).toBe(score.related.expected);
  expect(score.relatedInOrder).toBe(true);
  expect(score.embeds.found).toBe(score.embeds.expected);
  expect(score.readTime).toBe(true);
  expect(score.byline).toBe(true);
  expect(score.published).toBe(true);
  expect(score.leaks).toEqual([]);
}

const rows: string[] = [];
const row = (page: string, variant: string, score: ArticleScore): string =>
  [page, variant, ratio(score.paragraphs), score.paragraphsInOrder ? 'yes' : 'NO', `${(score.articleShare * 100).toFixed(2)}%`,
    ratio(score.figures), ratio(score.captionsExact), ratio(score.creditsExact), ratio(score.headings), ratio(score.videos),
    ratio(score.related), ratio(score.embeds), score.byline ? 'yes' : 'NO', score.published ? 'yes' : 'NO', String(score.leaks.length)].join(' | ');
const readabilityRow = (page: string, score: ReadabilityScore): string =>
  [page, 'plain Readability', ratio(score.paragraphs), '', '', ratio(score.figures), `clean ${ratio(score.captionsClean)}`, '', '', '', '', '', '', '',
    `${score.leaks}`, `isProbablyReaderable: ${score.readerable ? 'yes' : 'no'}`].join(' | ');

describe('corpus: every fixture page scored against its own published content', () => {
  afterAll(() => {
    console.log(
      ['page | variant | paragraphs | in order | article share | photos | captions exact | credits exact | subheadings | videos | related | embeds | byline | published | leaks', ...rows].join('\n'),
    );
  });

  for (const page of PAGES) {
    describe(page.file, () => {
      const html = fixture(page.file);
      const published = withTypography(page.published(html));
      const original = extractArticle(html, page.url);

      it('has every paragraph in order, every photo with its caption and credit, and nothing foreign', () => {
        const score = scoreArticle(original, published);
        rows.push(row(page.file, 'as saved', score));
        expectPerfect(score);
        expect(original.title).toBe(published.title);
        if (published.updated) expect(Date.parse(original.updated ?? '')).toBe(Date.parse(published.updated));
      });

      it('gives the same Article with class names rewritten (neutral and hostile) and embedded data removed', () => {
        const stripped = stripEmbeddedData(html);
        expect(stripped).not.toMatch(/SIMORGH_DATA|__NEXT_DATA__|application\/ld\+json/);
        for (const style of ['neutral', 'hostile'] as const) {
          const rewritten = rewriteClassNames(stripped, style);
          expect(rewritten).not.toBe(stripped);
          const article = extractArticle(rewritten, page.url);
          const score = scoreArticle(article, published);
          rows.push(row(page.file, `classes ${style} + no data`, score));
          expectPerfect(score);
          expect(article).toEqual(original);
        }
      });

      it('plain Readability on the same document, measured for comparison', () => {
        const score = plainReadability(html, page.url, published);
        rows.push(readabilityRow(page.file, score));
        expect(score.paragraphs.expected).toBeGreaterThan(0);
      });
    });
  }
});
