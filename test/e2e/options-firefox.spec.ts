// The options page in Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core
// over WebDriver BiDi (Playwright's runner only schedules the test): the page opens at its
// moz-extension:// address, a change is saved to storage, and a reader open in another tab follows
// changes at once. The reader is opened the way a reader would without a toolbar click: the
// "open automatically" setting, switched on in this very page.
//
// Two things this needs that are not obvious:
// - WebDriver BiDi refuses to navigate to moz-extension:// unless Firefox runs with
//   `--remote-allow-system-access`; and the navigation moves the tab into the extension process,
//   so it never reports "loaded" to the driver: we start it and wait for the page's own content.
// - The extension's internal UUID is random per profile; the shared launcher (support/firefox.ts)
//   fixes it with the pref `extensions.webextensions.uuids`, so the options page has a known address.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import {
  launchFirefoxWithExtension,
  openOfflinePage,
  openOptionsPage,
  OPTIONS_URL,
  overlayAttribute,
  overlayText,
} from './support/firefox.ts';
import { REPO_ROOT } from './support/pages.ts';

const ARTICLE_URL = 'https://www.bbc.com/zhongwen/simp/world-62912357';
const SCREENSHOTS = resolve(REPO_ROOT, 'test-results/options');

type StorageAreaName = 'sync' | 'local';

/** The settings as stored in one area, read in the options page (an extension page). */
function storedSettings(options: Page, area: StorageAreaName): Promise<unknown> {
  return options.evaluate(async (name) => {
    type Area = { get: (key: string) => Promise<Record<string, unknown>> };
    const api = (globalThis as unknown as { browser: { storage: Record<StorageAreaName, Area> } }).browser;
    return (await api.storage[name].get('settings')).settings;
  }, area);
}

test.describe('options page (Firefox ESR)', () => {
  let browser: Browser;

  test.beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchFirefoxWithExtension();
  });

  test.afterAll(async () => {
    await browser?.close();
  });

  test('opens at its moz-extension:// address, saves a change, and an open reader follows', async () => {
    const options = await openOptionsPage(browser);
    await options.waitForSelector('.options__header h1');
    expect(await options.evaluate(() => location.href)).toBe(OPTIONS_URL);
    // Firefox assigns the suggested key, and the page says where to change it.
    expect(await options.$eval('[data-testid="shortcut"]', (el) => el.textContent)).toBe(
      'Open or close the reader: Alt+Shift+R',
    );
    expect(await options.evaluate(() => document.body.textContent)).toContain('about:addons');
    await options.click('[data-action="shortcuts"]');
    await expect.poll(async () => (await browser.pages()).map((page) => page.url())).toContainEqual(
      expect.stringMatching(/^about:addons/),
    );
    await options.bringToFront();

    // A change is saved.
    await options.click('#setting-autoOpen');
    await expect.poll(() => storedSettings(options, 'sync')).toMatchObject({ version: 3, autoOpen: true });
    await options.screenshot({ path: join(SCREENSHOTS, 'firefox-options.png'), fullPage: true });

    // With it, the reader opens by itself on a BBC 中文 article.
    const article = await openOfflinePage(browser, ARTICLE_URL, 'domcontentloaded');
    await expect.poll(() => overlayAttribute(article, 'data-theme'), { timeout: 15_000 }).toBe('system');
    await expect.poll(() => overlayAttribute(article, 'lang')).toBe('zh-Hans');

    // Changes made in the options page reach the open reader without a reload.
    await options.bringToFront();
    await options.click('#setting-theme-dark');
    await options.click('#setting-defaultScript-tw');
    await expect.poll(() => overlayAttribute(article, 'data-theme')).toBe('dark');
    await expect.poll(() => overlayAttribute(article, 'lang'), { timeout: 15_000 }).toBe('zh-Hant-TW');
    await expect.poll(() => overlayText(article, 'h1')).toContain('習近平');
    await article.bringToFront();
    // The theme changed while the tab was in the background: its colour transitions run now.
    await article.evaluate(() =>
      Promise.all(document.querySelector('qingdu-reader')?.shadowRoot?.getAnimations().map((animation) => animation.finished) ?? []),
    );
    await article.screenshot({ path: join(SCREENSHOTS, 'firefox-reader-followed.png') });
  });
});
