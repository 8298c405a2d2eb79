// The reader in Firefox ESR in a phone-sized window (390 × 844; Firefox for Android is a platform
// the Firefox build ships to): every toolbar control is a finger's size, nothing scrolls sideways,
// the text size is within reach in the Aa panel, the keyboard moves through the toolbar without
// moving the article, and End lands on the related stories. Opened by the autoOpen setting (see
// reader.spec.ts in this folder: Firefox gives a driver no toolbar click).
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { firefoxOpeningArticles, overlayAttribute, serveOfflineInFirefox } from '../support/firefox.ts';
import { ARTICLES } from '../support/pages.ts';
import { smallestGap } from '../support/targets.ts';

const PHONE = { width: 390, height: 844 };

/** Runs `fn` on the overlay's dialog in the page. */
async function inOverlay<T>(page: Page, fn: (dialog: HTMLElement) => T): Promise<T> {
  const dialog = await page.$('qingdu-reader >>> [role="dialog"]');
  if (!dialog) throw new Error('no overlay');
  try {
    return (await dialog.evaluate(fn as (element: Element) => T)) as T;
  } finally {
    await dialog.dispose();
  }
}

test.describe('the reader in Firefox ESR at phone size', () => {
  const firefox = firefoxOpeningArticles();

  for (const file of ['simp-2012-chinese_news-121210_hongkong_politics.html', 'trad-2023-chinese-news-66762882.html']) {
    test(`${file}: toolbar controls ≥ 44 × 44, no sideways scroll, text size in reach, End reaches the related stories`, async () => {
      const saved = ARTICLES.find((article) => article.file === file)!;
      const page = await firefox.browser.newPage();
      await page.setViewport(PHONE);
      await serveOfflineInFirefox(page);
      await page.goto(saved.url, { waitUntil: 'load' });
      await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 15_000 }).toMatch(/^zh/);

      const targets = await inOverlay(page, (dialog) =>
        [...dialog.querySelectorAll<HTMLElement>('.qd-toolbar button')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { name: el.getAttribute('aria-label') ?? '', x: r.left, y: r.top, right: r.right, width: r.width, height: r.height };
          }),
      );
      expect(targets.length).toBeGreaterThanOrEqual(6);
      for (const t of targets) {
        expect(t.width, t.name).toBeGreaterThanOrEqual(44);
        expect(t.height, t.name).toBeGreaterThanOrEqual(44);
        expect(t.right, t.name).toBeLessThanOrEqual(PHONE.width);
      }
      expect(smallestGap(targets)).toBeGreaterThanOrEqual(8 - 0.5);
      const overflow = await inOverlay(page, (dialog) =>
        [dialog, ...dialog.querySelectorAll<HTMLElement>('.qd-toolbar, .qd-scroll')].map((el) => el.scrollWidth - el.clientWidth),
      );
      for (const extra of overflow) expect(extra).toBeLessThanOrEqual(0);
      const bodySize = await inOverlay(page, (dialog) => parseFloat(getComputedStyle(dialog.querySelector('.qd-body > p')!).fontSize));
      expect(bodySize).toBeGreaterThanOrEqual(16);

      // Tab into the toolbar and back from the middle of the article: the article stays put.
      // (Read after the blocks now on screen have been laid out: their real heights replace the
      // estimates, and the browser keeps the text in view by adjusting the scroll position.)
      const middle = await inOverlay(page, async (dialog) => {
        const scroller = dialog.querySelector<HTMLElement>('.qd-scroll')!;
        scroller.scrollTop = scroller.scrollHeight / 3;
        scroller.focus({ preventScroll: true });
        for (let i = 0; i < 3; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
        return scroller.scrollTop;
      });
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
      for (let i = 0; i < 3; i += 1) {
        await page.keyboard.down('Shift');
        await page.keyboard.press('Tab');
        await page.keyboard.up('Shift');
      }
      expect(await inOverlay(page, (dialog) => dialog.querySelector<HTMLElement>('.qd-scroll')!.scrollTop)).toBe(middle);

      // The text size, in the Aa panel.
      await (await page.$('qingdu-reader >>> [data-action="settings"]'))!.click();
      await expect
        .poll(() => inOverlay(page, (dialog) => {
          const slider = dialog.querySelector('[data-setting="fontSize"] input');
          const r = slider?.getBoundingClientRect();
          return r ? r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth : false;
        }))
        .toBe(true);
      await (await page.$('qingdu-reader >>> [data-action="settings"]'))!.click();

      // End, from the article.
      await inOverlay(page, (dialog) => dialog.querySelector<HTMLElement>('.qd-scroll')!.focus());
      await page.keyboard.press('End');
      await expect
        .poll(() => inOverlay(page, (dialog) => {
          const scroller = dialog.querySelector<HTMLElement>('.qd-scroll')!;
          const end = dialog.querySelector('.qd-related') ?? dialog.querySelector('.qd-footer')!;
          const atEnd = scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop <= 1;
          return atEnd && end.getBoundingClientRect().top < innerHeight;
        }))
        .toBe(true);
      await page.close();
    });
  }
});
