// @vitest-environment jsdom
// Every saved article page through the real extractor and into the reader overlay: whatever the
// page holds (2012 archive, 2022 body, 2023 Simorgh pages, with or without byline, photos, videos,
// related links), every block of the Article reaches the screen in order, photos as
// figure > img + figcaption, nothing rendered empty; non-article pages get the error state in the
// page's own script. Guards the seam between extraction and the UI.
import { join } from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { isArticle, type Article } from '../../src/core/article.ts';
import { extract } from '../../src/core/extract.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { parsePageFile } from '../../src/node/parse-page.ts';
import { ReaderApp, type ReaderState } from '../../src/reader/ui/App.tsx';

/** Each page with its URL (see test/fixtures/PROVENANCE.md); the 2022 body has no canonical link. */
const ARTICLE_PAGES: Record<string, string | undefined> = {
  'simp-2012-chinese_news-121210_hongkong_politics.html': undefined,
  'derived-simp-2022-world-62912357.html': 'https://www.bbc.com/zhongwen/simp/world-62912357',
  'derived-simp-2023-chinese-news-66762882.html': undefined,
  'trad-2023-chinese-news-66748432.html': undefined,
  'trad-2023-chinese-news-66762882.html': undefined,
  'trad-2023-world-66783048.html': undefined,
};
const OTHER_PAGES = ['derived-trad-index.html', 'derived-trad-live.html', 'derived-trad-media.html'];

const fixture = (name: string): string => join(import.meta.dirname, '../fixtures/bbc', name);

let host: HTMLElement | undefined;

afterEach(() => {
  if (host?.shadowRoot) render(null, host.shadowRoot);
  host?.remove();
});

function show(state: ReaderState): ShadowRoot {
  host = document.createElement('qingdu-reader');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  act(() =>
    render(
      h(ReaderApp, {
        state,
        settings: { ...DEFAULT_SETTINGS, uiLanguage: 'zh_CN' },
        loadDictionary: () => Promise.reject(new Error('not on open')),
        onClose: () => undefined,
      }),
      shadow,
    ),
  );
  return shadow;
}

async function extractFixture(name: string, url?: string): Promise<ReturnType<typeof extract>> {
  const page = await parsePageFile(fixture(name), url);
  return extract(page.document, page.url);
}

describe.each(Object.entries(ARTICLE_PAGES))('%s in the reader', (name, url) => {
  it('shows every block of the extracted article, in order, none empty', async () => {
    const result = await extractFixture(name, url);
    if (!isArticle(result)) throw new Error(`${name} should be an article: ${result.reason}`);
    const article: Article = result;
    const shadow = show({ status: 'ready', article });

    expect(shadow.querySelector('[role="dialog"]')?.getAttribute('lang')).toBe(article.lang);
    expect(shadow.querySelector('h1')?.textContent).toBe(article.title);

    const rendered = [...shadow.querySelectorAll<HTMLElement>('.qd-body > [data-block]')];
    expect(rendered.map((el) => Number(el.dataset.block))).toEqual(article.blocks.map((_, i) => i));
    rendered.forEach((el, i) => {
      const block = article.blocks[i];
      if (!block) throw new Error('more rendered blocks than blocks');
      if (block.type === 'figure') {
        const figure = el.querySelector('figure');
        expect(figure?.querySelector('img')?.parentElement).toBe(figure);
        if (block.caption) expect(figure?.querySelector('figcaption')?.textContent).toContain(block.caption);
        if (block.credit) expect(figure?.querySelector('figcaption small')?.textContent).toContain(block.credit);
      } else if (block.type === 'media') {
        expect(el.querySelector('a')?.getAttribute('href')).toMatch(/^https?:\/\//);
      } else {
        expect(el.textContent?.replace(/\s+/g, '')).toBe(block.text.replace(/\s+/g, ''));
      }
      expect(el.textContent?.trim() || el.querySelector('img')).toBeTruthy();
    });
    expect(shadow.querySelectorAll('.qd-related li')).toHaveLength(article.related.length);
    expect(shadow.querySelectorAll('.qd-byline li')).toHaveLength(article.byline.length);
  });
});

describe.each(OTHER_PAGES)('%s in the reader', (name) => {
  it('explains in the page’s script why there is no article, with a link to the page', async () => {
    const result = await extractFixture(name);
    if (isArticle(result)) throw new Error(`${name} should not be an article`);
    const url = `https://www.bbc.com/zhongwen/trad/${name}`;
    const shadow = show({ status: 'error', pageKind: result.pageKind, url, detail: result.reason });
    const dialog = shadow.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('lang')).toBe('zh-Hant');
    expect(dialog?.querySelector('h1')?.textContent).toBe('無法用清讀打開這個頁面');
    expect(dialog?.querySelector('.qd-error-message')?.textContent).toMatch(/[這頁]/);
    expect(dialog?.querySelector('a[data-action="original"]')?.getAttribute('href')).toBe(url);
  });
});
