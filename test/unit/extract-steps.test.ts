// extractInSteps (extraction in slices, the event loop free in between) against extract, and the
// choice between the located region and Readability. No timings: a slice of 0 ms pauses after
// every step, which makes the number of pauses and the work done between them deterministic.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isArticle, type Article, type ExtractResult } from '../../src/core/article.ts';
import { extract, extractInSteps } from '../../src/core/extract.ts';
import { parsePage } from '../../src/node/parse-page.ts';

const html = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/bbc', name), 'utf8');

const PAGES: [file: string, url: string][] = [
  ['trad-2023-chinese-news-66748432.html', 'https://www.bbc.com/zhongwen/trad/chinese-news-66748432'],
  ['trad-2023-chinese-news-66762882.html', 'https://www.bbc.com/zhongwen/trad/chinese-news-66762882'],
  ['trad-2023-world-66783048.html', 'https://www.bbc.com/zhongwen/trad/world-66783048'],
  ['derived-simp-2022-world-62912357.html', 'https://www.bbc.com/zhongwen/simp/world-62912357'],
  ['simp-2012-chinese_news-121210_hongkong_politics.html', 'http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml'],
  ['derived-trad-live.html', 'https://www.bbc.com/zhongwen/trad/live/world-66783048'],
  ['derived-trad-live-2023-world-66783048.html', 'https://www.bbc.com/zhongwen/live/c0000000000t/trad'],
];

function article(result: ExtractResult): Article {
  if (!isArticle(result)) throw new Error(`expected an article, got ${result.pageKind}: ${result.reason}`);
  return result;
}

describe('extractInSteps', () => {
  for (const [file, url] of PAGES) {
    it(`gives exactly what extract gives, pausing between steps, without touching the page: ${file}`, async () => {
      const { document } = parsePage(html(file), url);
      const before = document.documentElement.outerHTML;
      let pauses = 0;
      const stepped = await extractInSteps(document, url, async () => void (pauses += 1), 0);
      expect(document.documentElement.outerHTML).toBe(before);
      expect(stepped).toEqual(extract(document, url));
      if (isArticle(stepped)) expect(pauses).toBeGreaterThan(0);
    });
  }

  it('is not affected by the page changing its body while it pauses (it works on a copy)', async () => {
    const [file, url] = PAGES[1] ?? ['', ''];
    const { document } = parsePage(html(file), url);
    const reference = article(extract(document, url));
    let pauses = 0;
    const stepped = await extractInSteps(document, url, async () => {
      pauses += 1;
      // A page script emptying the story and adding a paragraph of its own.
      for (const paragraph of Array.from(document.querySelectorAll('main p'))) paragraph.remove();
      document.querySelector('main')?.insertAdjacentHTML('beforeend', '<p>頁面腳本後來加上的段落。</p>');
    }, 0);
    expect(pauses).toBeGreaterThan(0);
    expect(article(stepped)).toEqual(reference);
  });

  it('uses the default pause (a new task) and still matches extract', async () => {
    const [file, url] = PAGES[0] ?? ['', ''];
    const { document } = parsePage(html(file), url);
    expect(await extractInSteps(document, url)).toEqual(extract(document, url));
  });
});

describe('the located region and the Readability fallback', () => {
  it('reads the same story from a Simorgh page whose main and h1#content are gone (Readability decides)', () => {
    const [file, url] = PAGES[1] ?? ['', ''];
    const located = article(extract(parsePage(html(file), url).document, url));
    const { document } = parsePage(html(file), url);
    const main = document.querySelector('main');
    const headline = document.querySelector('h1#content');
    if (!main || !headline) throw new Error('fixture changed');
    headline.removeAttribute('id');
    const div = document.createElement('div');
    div.append(...Array.from(main.childNodes));
    main.replaceWith(div);
    const fallback = article(extract(document, url));
    const paragraphs = (a: Article): string[] => a.blocks.filter((block) => block.type === 'paragraph').map((block) => block.text);
    expect(paragraphs(fallback)).toEqual(paragraphs(located));
    expect(fallback.title).toBe(located.title);
  });

  it('leaves out what the page hides in the located region (hidden, aria-hidden, display:none, a modal)', () => {
    const [file, url] = PAGES[1] ?? ['', ''];
    const reference = article(extract(parsePage(html(file), url).document, url));
    const { document } = parsePage(html(file), url);
    const anchor = document.querySelectorAll('main p')[3]?.parentElement;
    if (!anchor) throw new Error('fixture changed');
    anchor.insertAdjacentHTML(
      'afterend',
      '<p hidden>隱藏一。</p><div aria-hidden="true"><p>隱藏二。</p></div><p style="display: none">隱藏三。</p>' +
        '<section style="visibility:hidden"><p>隱藏四。</p></section><div role="dialog" aria-modal="true"><p>隱藏五。</p></div>',
    );
    expect(article(extract(document, url))).toEqual(reference);
  });
});
