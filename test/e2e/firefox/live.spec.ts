// Live pages in Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core over
// WebDriver BiDi. Firefox gives a driver no toolbar click, so the reader opens through "open
// automatically": the detector reports a readable page and the background calls `toggleReader`,
// the function behind the click and the shortcut. At 1280×900 and 390×844: the live reader (直播,
// the newest post's time, the reopen note, the key points, every post with its time and headline),
// 简体 converting the posts, screenshots to look at in test/e2e/screenshots/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { firefoxOpeningArticles, openOfflinePage, overlayAttribute, overlayText } from '../support/firefox.ts';
import { LIVE_PAGES, REPO_ROOT } from '../support/pages.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');
const LIVE = LIVE_PAGES[0]!;

/** Texts of every element matching `selector` inside the overlay, white space collapsed. */
function overlayTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (inside) =>
      Array.from(document.querySelector('qingdu-reader')?.shadowRoot?.querySelectorAll(inside) ?? [], (el) =>
        (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    selector,
  );
}

function overlayAttributes(page: Page, selector: string, name: string): Promise<(string | null)[]> {
  return page.evaluate(
    (inside, attribute) =>
      Array.from(document.querySelector('qingdu-reader')?.shadowRoot?.querySelectorAll(inside) ?? [], (el) => el.getAttribute(attribute)),
    selector,
    name,
  );
}

test.describe('live pages in Firefox ESR', () => {
  const firefox = firefoxOpeningArticles();

  test.beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    test(`the live page opens as a live reader and 简体 converts its posts (${size})`, async () => {
      const page = await openOfflinePage(firefox.browser, LIVE.url);
      await page.setViewport(viewport);
      await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 15_000 }).toBe('zh-Hant');

      expect(await overlayText(page, '.qd-live-badge')).toBe('直播');
      expect(await overlayText(page, 'h1')).toBe('金正恩訪俄：朝鮮領導人進入俄羅斯國境，將與普京會面');
      expect(await overlayText(page, '.qd-live-newest')).toMatch(/^最新更新：2023年9月12日 \d\d:43$/);
      expect(await overlayText(page, '.qd-live-reopen')).toContain('重新開啟');
      expect(await overlayTexts(page, '.qd-live-key-points li')).toHaveLength(3);
      const headlines = await overlayTexts(page, '.qd-live-posts > li > article h3');
      expect(headlines).toHaveLength(5);
      expect(headlines[0]).toBe('金正恩與普京計劃會面，或涉及武器談判');
      const times = await overlayAttributes(page, '.qd-live-posts .qd-post-time time', 'datetime');
      expect(times).toEqual([
        '2023-09-12T09:43:37.000Z',
        '2023-09-12T08:20:00.000Z',
        '2023-09-12T07:05:00.000Z',
        '2023-09-12T05:40:00.000Z',
        '2023-09-12T04:15:29.000Z',
      ]);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: resolve(SCREENSHOTS, `firefox-live-${size}-trad.png`) });

      await (await page.$('qingdu-reader >>> [data-script="simp"]'))!.click();
      await expect.poll(() => overlayAttribute(page, 'lang')).toBe('zh-Hans');
      await expect.poll(() => overlayText(page, '.qd-live-posts h3')).toBe('金正恩与普京计划会面，或涉及武器谈判');
      await expect.poll(async () => (await overlayTexts(page, '.qd-live-posts > li:last-child p[data-block]'))[0]).toMatch(/^克里姆林宫此前证实了金正恩的访俄行程/);
      expect(await overlayText(page, '.qd-live-reopen')).toContain('重新打开');
      await page.evaluate(() => {
        const post = document.querySelector('qingdu-reader')?.shadowRoot?.querySelectorAll('.qd-post')[1];
        post?.scrollIntoView({ block: 'start' });
      });
      await page.screenshot({ path: resolve(SCREENSHOTS, `firefox-live-${size}-to-simp.png`) });

      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => document.querySelector('qingdu-reader') === null)).toBe(true);
      await page.close();
    });
  }
});
