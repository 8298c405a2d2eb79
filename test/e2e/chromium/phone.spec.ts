// The reader on a phone (Chromium at 390 × 844, touch, 3× pixels, mobile viewport handling), on every
// saved article — the 2012 archive page too, which declares a 996-px desktop layout: while the reader
// is open the layout is the device's width and the text is readable at scale 1; every toolbar control
// is a finger's size; nothing scrolls sideways; the text size is within reach; End lands on the
// related stories and "back to top" on the top; closing puts the page's own viewport back exactly.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { clickToolbarButton, dialogOf, hostOf, openPage, PHONE_VIEWPORT, toolbarButton, type ExtensionBrowser } from '../support/chromium.ts';
import { expect, phoneTest as test } from '../support/fixtures.ts';
import { pageSnapshot, snapshotDifference } from '../support/page-state.ts';
import { ARTICLES, REPO_ROOT, type SavedPage } from '../support/pages.ts';
import { smallestGap, type Box } from '../support/targets.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');

async function openArticle(ext: ExtensionBrowser, saved: SavedPage): Promise<Page> {
  const page = await openPage(ext, saved.url);
  await page.waitForLoadState('load');
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
  return page;
}

/** The page's viewport declarations, as written. */
function viewportMetas(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => [...document.querySelectorAll('meta[name="viewport" i]')].map((meta) => meta.getAttribute('content')));
}


/** Every visible control in the toolbar, with its box. */
function toolbarTargets(dialog: Locator): Promise<Box[]> {
  return dialog.locator('.qd-toolbar').evaluate((toolbar) =>
    [...toolbar.querySelectorAll<HTMLElement>('button, a[href], input, select')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.qd-panel'))
      .map((el) => {
        const rect = el.getBoundingClientRect();
        return { name: el.getAttribute('aria-label') ?? el.textContent ?? '', x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }),
  );
}


for (const saved of ARTICLES) {
  test(`${saved.file}: on a phone the reader is laid out at the device's width, a finger's size, and End reaches the related stories`, async ({ ext }) => {
    const page = await openArticle(ext, saved);
    const metas = await viewportMetas(page);
    const before = await pageSnapshot(page);

    await clickToolbarButton(ext, page);
    const dialog = dialogOf(page);
    await expect(dialog.locator('h1')).toBeVisible();

    // The device's width, unscaled, whatever layout width the page declared.
    await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth)).toBe(PHONE_VIEWPORT.width);
    await expect.poll(() => page.evaluate(() => window.visualViewport?.scale)).toBe(1);
    const bodySize = await dialog.locator('.qd-body > p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(16);

    // Every toolbar control at least 44 × 44 with 8 px between, all on screen.
    const targets = await toolbarTargets(dialog);
    expect(targets.length).toBeGreaterThanOrEqual(6); // 4 scripts, Aa, close
    for (const target of targets) {
      expect(target.width, `${target.name} width`).toBeGreaterThanOrEqual(44);
      expect(target.height, `${target.name} height`).toBeGreaterThanOrEqual(44);
      expect(target.x, `${target.name} left`).toBeGreaterThanOrEqual(0);
      expect(target.x + target.width, `${target.name} right`).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    }
    expect(smallestGap(targets)).toBeGreaterThanOrEqual(8);

    // Nothing scrolls sideways: not the article, not the toolbar.
    const overflow = await dialog.evaluate((element) =>
      [element, ...element.querySelectorAll<HTMLElement>('.qd-toolbar, .qd-scroll')].map((el) => el.scrollWidth - el.clientWidth),
    );
    for (const extra of overflow) expect(extra).toBeLessThanOrEqual(0);

    // The text size is within reach: the Aa panel holds it, on screen.
    await dialog.locator('[data-action="settings"]').tap();
    const size = dialog.locator('[data-setting="fontSize"] input[type="range"]');
    await expect(size).toBeInViewport();
    expect(await axeViolations(page, 'qingdu-reader')).toEqual([]);
    await dialog.locator('[data-action="settings"]').tap();
    await expect(dialog.locator('.qd-panel')).toHaveCount(0);

    // End lands at the real end: the related stories (or, without them, the footer) in view.
    const scroller = dialog.locator('.qd-scroll');
    await scroller.focus();
    await page.keyboard.press('End');
    const end = dialog.locator('.qd-related').or(dialog.locator('.qd-footer')).first();
    await expect(end).toBeInViewport();
    await expect
      .poll(() => scroller.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop))
      .toBeLessThanOrEqual(1);
    await expect(dialog.locator('[data-action="top"]')).toBeInViewport();
    await dialog.locator('[data-action="top"]').tap();
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0);
    await expect(dialog.locator('h1')).toBeInViewport();

    await dialog.locator('[data-action="close"]').tap();
    await expect(hostOf(page)).toHaveCount(0);
    expect(await viewportMetas(page)).toEqual(metas);
    expect(snapshotDifference(before, await pageSnapshot(page))).toBeUndefined();
    await page.close();
  });
}

declare const chrome: import('webextension-polyfill').Browser; // inside worker.evaluate only

// One test per theme: each opens a page, runs axe-core twice and takes its screenshots, which on a
// loaded two-core machine is most of a test's minute.
for (const theme of ['light', 'dark'] as const) {
  test(`screenshots on a phone, ${theme}: the reader and the Aa panel open (axe-clean)`, async ({ ext }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ext.worker.evaluate((value) => chrome.storage.sync.set({ settings: { version: 3, theme: value } }), theme);
    const page = await openArticle(ext, ARTICLES.find((article) => article.file === 'derived-simp-2023-chinese-news-66762882.html')!);
    await clickToolbarButton(ext, page);
    const dialog = dialogOf(page);
    await expect(dialog).toHaveAttribute('data-theme', theme);
    await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth)).toBe(PHONE_VIEWPORT.width);
    await page.evaluate(() => document.fonts.ready);
    expect(await axeViolations(page, 'qingdu-reader')).toEqual([]);
    await page.screenshot({ path: resolve(SCREENSHOTS, `phone-${theme}.png`) });
    await dialog.locator('[data-action="settings"]').tap();
    await expect(dialog.locator('.qd-panel')).toBeVisible();
    expect(await axeViolations(page, 'qingdu-reader')).toEqual([]);
    await page.screenshot({ path: resolve(SCREENSHOTS, `phone-${theme}-settings.png`) });
    if (theme === 'light') {
      // The smallest phone in use: the toolbar still fits on one line, nothing scrolls sideways.
      await page.setViewportSize({ width: 320, height: 640 });
      await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth)).toBe(320);
      for (const target of await toolbarTargets(dialog)) {
        expect(target.x + target.width, target.name).toBeLessThanOrEqual(320);
        expect(target.height, target.name).toBeGreaterThanOrEqual(44);
      }
      const overflow = await dialog.evaluate((element) =>
        [element, ...element.querySelectorAll<HTMLElement>('.qd-toolbar, .qd-scroll')].map((el) => el.scrollWidth - el.clientWidth),
      );
      for (const extra of overflow) expect(extra).toBeLessThanOrEqual(0);
      await page.screenshot({ path: resolve(SCREENSHOTS, 'phone-320-settings.png') });
    }
    await page.close();
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
  });
}
