// Screenshots of the overlay as a reader sees it, for people to look at (a passing assertion does
// not show a broken layout): light and dark, simplified and traditional, a page with photos and a
// video. Written to test/e2e/screenshots/ (git-ignored). Each shot also checks what it shows.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type Browser from 'webextension-polyfill';
import { dialogOf, openPage, openReaderByClick, type ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from '../support/fixtures.ts';
import { ARTICLES, REPO_ROOT } from '../support/pages.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');

declare const chrome: Browser.Browser; // inside worker.evaluate only

async function useTheme(ext: ExtensionBrowser, theme: 'light' | 'dark'): Promise<void> {
  await ext.worker.evaluate(
    (value) => chrome.storage.sync.set({ settings: { version: 3, theme: value } }),
    theme,
  );
}

async function openReader(ext: ExtensionBrowser, file: string): Promise<Page> {
  const saved = ARTICLES.find((article) => article.file === file)!;
  const page = await openPage(ext, saved.url);
  await openReaderByClick(ext, page);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  // Fonts and photos settled, and the controls' colour transitions (0.15 s) over, so the picture
  // is what a reader would see: a switch moves the pressed button in the same frame as the text.
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() =>
    Promise.all(document.querySelector('qingdu-reader')?.shadowRoot?.getAnimations().map((animation) => animation.finished) ?? []),
  );
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

const SHOTS = [
  { name: 'light-simp-original', theme: 'light', file: 'derived-simp-2022-world-62912357.html', script: undefined, lang: 'zh-Hans' },
  { name: 'light-simp-to-tw', theme: 'light', file: 'derived-simp-2022-world-62912357.html', script: 'tw', lang: 'zh-Hant-TW' },
  { name: 'dark-trad-original', theme: 'dark', file: 'trad-2023-chinese-news-66762882.html', script: undefined, lang: 'zh-Hant' },
  { name: 'dark-trad-to-simp', theme: 'dark', file: 'trad-2023-chinese-news-66762882.html', script: 'simp', lang: 'zh-Hans' },
  { name: 'light-trad-hk', theme: 'light', file: 'trad-2023-chinese-news-66748432.html', script: 'hk', lang: 'zh-Hant-HK' },
  { name: 'light-simp-2012-archive', theme: 'light', file: 'simp-2012-chinese_news-121210_hongkong_politics.html', script: undefined, lang: 'zh-Hans' },
] as const;

for (const shot of SHOTS) {
  test(`screenshot ${shot.name}`, async ({ ext }) => {
    await useTheme(ext, shot.theme);
    const page = await openReader(ext, shot.file);
    const dialog = dialogOf(page);
    await expect(dialog).toHaveAttribute('data-theme', shot.theme);
    if (shot.script) await dialog.locator(`[data-script="${shot.script}"]`).click();
    await expect(dialog).toHaveAttribute('lang', shot.lang);
    await shoot(page, shot.name);
    await page.close();
  });
}

test('screenshot of photos and a video card (light and dark)', async ({ ext }) => {
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(ext, theme);
    const page = await openReader(ext, 'trad-2023-world-66783048.html');
    const dialog = dialogOf(page);
    await expect(dialog).toHaveAttribute('data-theme', theme);
    // The photos in view loaded (the placeholder photo): none is a broken image. (Photos further
    // down load lazily, as they should.)
    const photos = dialog.locator('figure img');
    await expect(photos.first()).toBeVisible();
    const inViewLoaded = (): Promise<boolean> =>
      photos.evaluateAll((images) =>
        images
          .filter((image) => {
            const rect = image.getBoundingClientRect();
            return rect.bottom > 0 && rect.top < window.innerHeight;
          })
          .every((image) => (image as HTMLImageElement).naturalWidth > 0),
      );
    await expect.poll(inViewLoaded).toBe(true);
    // The video appears as a card that links to the BBC page.
    const video = dialog.locator('.qd-media[data-kind="video"]').first();
    await expect(video).toBeVisible();
    await expect(video.locator('a[href^="https://www.bbc.com/"]')).toHaveCount(1);
    // A tall window, scrolled to the photo and video card that stand closest together, shows both.
    await page.setViewportSize({ width: 1280, height: 1800 });
    await dialog.locator('.qd-scroll').evaluate((scroller) => {
      const top = (element: Element): number => element.getBoundingClientRect().top;
      const cards = [...scroller.querySelectorAll('.qd-media[data-kind="video"]')];
      const figures = [...scroller.querySelectorAll('figure')];
      let best: { figure: Element; gap: number } | undefined;
      for (const card of cards) {
        for (const figure of figures) {
          const gap = top(card) - top(figure);
          if (gap > 0 && (!best || gap < best.gap)) best = { figure, gap };
        }
      }
      scroller.scrollTop += top(best?.figure ?? cards[0]!) - 80;
    });
    await expect.poll(inViewLoaded).toBe(true);
    await shoot(page, `${theme}-photos-and-video`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.close();
  }
});
