// The reader at desktop size in Chromium with the built extension and real toolbar clicks: the
// keyboard moves through the toolbar without moving the article; the Aa panel changes the reader at
// once and saves to the same storage the options page reads; Chinese typography — full-width curly
// quotes in 简体, 「 trimmed at the start of headlines and captions. Screenshots for people to look at.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type Browser from 'webextension-polyfill';
import { axeViolations } from '../support/axe.ts';
import { clickToolbarButton, dialogOf, openPage, toolbarButton, type ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from '../support/fixtures.ts';
import { ARTICLES, REPO_ROOT } from '../support/pages.ts';

declare const chrome: Browser.Browser; // inside worker.evaluate only

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');

async function openReader(ext: ExtensionBrowser, file: string): Promise<{ page: Page; dialog: Locator }> {
  const saved = ARTICLES.find((article) => article.file === file)!;
  const page = await openPage(ext, saved.url);
  await page.waitForLoadState('load');
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
  await clickToolbarButton(ext, page);
  const dialog = dialogOf(page);
  await expect(dialog.locator('h1')).toBeVisible();
  return { page, dialog };
}

/** Where focus is inside the overlay: 'toolbar', 'article' or 'none'. */
function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.querySelector('qingdu-reader')?.shadowRoot?.activeElement;
    if (!active) return 'none';
    return active.closest('.qd-toolbar') ? 'toolbar' : active.closest('.qd-scroll') ? 'article' : 'none';
  });
}

test('from the middle of the article, Tab through every toolbar control and back leaves the article where it was', async ({ ext }) => {
  const { page, dialog } = await openReader(ext, 'trad-2023-chinese-news-66762882.html');
  const scroller = dialog.locator('.qd-scroll');
  // Block 22, as a reader might be, under the toolbar.
  await scroller.evaluate((el) => {
    const block = el.querySelector('[data-block="22"]')!;
    el.scrollTop += block.getBoundingClientRect().top - el.getBoundingClientRect().top;
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const at = await scroller.evaluate((el) => el.scrollTop);
  expect(at).toBeGreaterThan(2000);
  const controls = await dialog.locator('.qd-toolbar button:visible').count();
  expect(controls).toBeGreaterThanOrEqual(7); // 4 scripts, A−, A+, Aa, close
  for (let i = 0; i < controls; i += 1) {
    await page.keyboard.press('Tab');
    expect(await focusPlace(page)).toBe('toolbar');
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(at);
  }
  for (let i = 1; i < controls; i += 1) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusPlace(page)).toBe('toolbar');
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(at);
  }
  // Page Down from a toolbar control still pages the article.
  await page.keyboard.press('PageDown');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(at);
  await page.close();
});

test('the Aa panel applies a change at once and saves it where the options page reads it', async ({ ext }) => {
  await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
  const { page, dialog } = await openReader(ext, 'trad-2023-world-66783048.html');
  await dialog.locator('[data-action="settings"]').click();
  const panel = dialog.locator('.qd-panel');
  await expect(panel).toBeVisible();
  await panel.getByLabel('米黃').or(panel.getByLabel('米黄')).or(panel.getByLabel('Sepia')).first().check();
  await expect(dialog).toHaveAttribute('data-theme', 'sepia');
  await panel.locator('[data-setting="indent"] input').check();
  await expect(dialog).toHaveAttribute('data-indent', 'true');
  const indent = await dialog.locator('.qd-body > p').first().evaluate((p) => getComputedStyle(p).textIndent);
  const size = await dialog.locator('.qd-body > p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(parseFloat(indent)).toBeCloseTo(2 * size, 0);
  await panel.locator('[data-setting="images"] input[value="captions"]').check();
  await expect(dialog.locator('figure img')).toHaveCount(0);
  // No Kai font on this machine: offered disabled, with a word why.
  await expect(panel.locator('[data-setting="font"] input[value="kai"]')).toBeDisabled();
  await expect(panel.locator('[data-setting="font"] input[value="serif"]')).toBeEnabled();
  expect(await axeViolations(page, 'qingdu-reader')).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, 'desktop-settings-panel.png') });

  const stored = () => ext.worker.evaluate(async () => (await chrome.storage.sync.get('settings'))['settings'] as Record<string, unknown> | undefined);
  await expect.poll(async () => (await stored())?.['images']).toBe('captions');
  expect(await stored()).toMatchObject({ theme: 'sepia', indent: true, images: 'captions', version: 3 });
  // Esc closes the panel, not the reader.
  await panel.locator('input').first().focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-action="settings"]')).toBeFocused();
  await page.close();

  // The options page shows what the panel saved.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
  await expect(options.locator('#setting-theme-sepia')).toBeChecked();
  await expect(options.locator('#setting-indent')).toBeChecked();
  await options.close();
  await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
});

/**
 * Width of the first `char` in the body text between two Chinese characters, in em of its
 * paragraph. (Next to other punctuation a quote is squeezed to half on purpose: “，” kerning.)
 */
function glyphWidth(dialog: Locator, char: string): Promise<number> {
  return dialog.locator('.qd-body').evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const between = new RegExp(`(?<=\\p{Script=Han})${wanted}(?=\\p{Script=Han})`, 'u');
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.search(between) ?? -1;
      if (at < 0) continue;
      const paragraph = node.parentElement!;
      paragraph.scrollIntoView();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      return range.getBoundingClientRect().width / parseFloat(getComputedStyle(paragraph).fontSize);
    }
    throw new Error(`no ${wanted} in the body`);
  }, char);
}

test('in 简体 the curly quotes are as wide as the characters around them', async ({ ext }) => {
  const { page, dialog } = await openReader(ext, 'derived-simp-2022-world-62912357.html');
  await expect(dialog).toHaveAttribute('lang', 'zh-Hans');
  expect(await glyphWidth(dialog, '“')).toBeGreaterThanOrEqual(0.9);
  expect(await glyphWidth(dialog, '”')).toBeGreaterThanOrEqual(0.9);
  // And after switching a traditional page to 简体 (「」 become “”).
  const trad = await openReader(ext, 'trad-2023-chinese-news-66762882.html');
  await trad.dialog.locator('[data-script="simp"]').click();
  await expect(trad.dialog).toHaveAttribute('lang', 'zh-Hans');
  await expect(trad.dialog.locator('.qd-body')).not.toHaveAttribute('aria-busy', 'true');
  expect(await glyphWidth(trad.dialog, '“')).toBeGreaterThanOrEqual(0.9);
  await trad.page.close();
  await page.close();
});

/** How far the second character of an element's text starts from the element's left edge, in em. */
function secondCharacterInset(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode()!;
    const range = document.createRange();
    range.setStart(node, 1);
    range.setEnd(node, 2);
    const left = el.getBoundingClientRect().left + parseFloat(getComputedStyle(el).paddingLeft) + parseFloat(getComputedStyle(el).borderLeftWidth);
    return (range.getBoundingClientRect().left - left) / parseFloat(getComputedStyle(el).fontSize);
  });
}

test('a headline and a caption that open with 「 start flush with the column', async ({ ext }) => {
  const { page, dialog } = await openReader(ext, 'trad-2023-chinese-news-66762882.html');
  const headline = dialog.locator('h1');
  await expect(headline).toHaveText(/^「/);
  // 「 takes half a character: the next character starts half an em in, not a whole em.
  expect(await secondCharacterInset(headline)).toBeLessThan(0.6);
  const caption = dialog.locator('figcaption .qd-caption').filter({ hasText: /^「/ }).first();
  expect(await secondCharacterInset(caption)).toBeLessThan(0.6);
  await page.close();
});

test('screenshot at desktop size (light), axe-clean', async ({ ext }) => {
  const { page } = await openReader(ext, 'trad-2023-chinese-news-66762882.html');
  await page.evaluate(() => document.fonts.ready);
  expect(await axeViolations(page, 'qingdu-reader')).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, 'desktop-light.png') });
  await page.close();
});
