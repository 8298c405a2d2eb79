// Today's BBC 中文 formats in Firefox ESR with the built extension (puppeteer-core over WebDriver
// BiDi; the reader opens through the "open automatically" setting, the same `toggleReader` a click
// runs): the Optimo article from RSS at phone size, where the page hides most of the story behind
// "Continue reading" with a class, and at desktop size; the `.lite` page with its credits.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { firefoxOpeningArticles, overlayAttribute, overlayText, serveOfflineInFirefox } from '../support/firefox.ts';
import { ARTICLES, REPO_ROOT } from '../support/pages.ts';
import { publishedContent } from '../support/published.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');
const OPTIMO = ARTICLES.find((article) => article.file === 'today-optimo-trad-c9w1e66748qo.html')!;
const LITE = ARTICLES.find((article) => article.file === 'today-lite-simp-c5l266762882o.html')!;

test.describe('today’s BBC 中文 pages in Firefox ESR', () => {
  const firefox = firefoxOpeningArticles();

  test.beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  async function openAt(url: string, width: number, height: number): Promise<Page> {
    const page = await firefox.browser.newPage();
    await page.setViewport({ width, height });
    await serveOfflineInFirefox(page);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  for (const size of [
    { name: 'phone', width: 390, height: 844 },
    { name: 'desktop', width: 1280, height: 900 },
  ] as const) {
    test(`Optimo article from RSS at ${size.width}×${size.height} shows every paragraph and the byline's location`, async () => {
      const published = publishedContent(OPTIMO);
      const page = await openAt(`${OPTIMO.url}?at_medium=RSS&at_campaign=rss`, size.width, size.height);
      await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 15_000 }).toBe('zh-Hant');
      const hiddenByPage = await page.evaluate(
        () => Array.from(document.querySelector('main')?.children ?? []).filter((child) => getComputedStyle(child).display === 'none').length,
      );
      if (size.name === 'phone') expect(hiddenByPage).toBeGreaterThan(30);
      else expect(hiddenByPage).toBe(1); // only the continue-reading button

      expect(await overlayText(page, 'h1')).toBe(published.title);
      const text = (await overlayText(page)) ?? '';
      for (const paragraph of published.paragraphs) expect(text).toContain(paragraph);
      expect(await overlayText(page, '.qd-byline-location')).toBe('台北');
      for (const label of ['Author', 'Reporting from', 'Continue reading', '閱讀時間']) expect(text).not.toContain(label);
      await page.screenshot({ path: resolve(SCREENSHOTS, `today-optimo-firefox-${size.name}.png`) });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => document.querySelector('qingdu-reader') === null)).toBe(true);
      await page.close();
    });
  }

  test('a .lite page opens with every photo and its credit', async () => {
    const published = publishedContent(LITE);
    const page = await openAt(LITE.url, 390, 844);
    await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 15_000 }).toBe('zh-Hans');
    const figures = await page.evaluate(() =>
      Array.from(document.querySelector('qingdu-reader')?.shadowRoot?.querySelectorAll('figure') ?? [])
        .filter((figure) => figure.querySelector('img'))
        .map((figure) => figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
    expect(figures).toHaveLength(published.photos.length);
    for (const photo of published.photos) {
      const match = figures.find((caption) => caption.includes(photo.caption));
      expect(match, `a figure captioned ${photo.caption}`).toBeDefined();
      expect(match).toContain(photo.credit ?? '(no credit)');
    }
    await page.screenshot({ path: resolve(SCREENSHOTS, 'today-lite-firefox-phone.png') });
    await page.close();
  });
});
