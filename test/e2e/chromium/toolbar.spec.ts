// The toolbar button and the shortcut, in Chromium with the built extension: enabled only on BBC
// 中文 pages and saying what a click does; the shortcut registered; a click on a BBC page that is
// not an article shows the self-dismissing notice in the page's script and changes nothing else.
import { NON_ARTICLES, NON_BBC_URL, ARTICLES } from '../support/pages.ts';
import { clickToolbarButton, openPage, toolbarButton } from '../support/chromium.ts';
import { pageSnapshot, snapshotDifference } from '../support/page-state.ts';
import { expect, test } from '../support/fixtures.ts';
import type Browser from 'webextension-polyfill';

declare const chrome: Browser.Browser; // inside worker.evaluate only

test('the button is disabled (greyed) on a page outside BBC 中文', async ({ ext }) => {
  const page = await openPage(ext, NON_BBC_URL);
  const button = await toolbarButton(ext, page);
  expect(button.enabled).toBe(false);
  expect(button.title).toMatch(/BBC 中文/);
  await page.close();
});

test('the button is enabled on a BBC 中文 article and its title says what a click does', async ({ ext }) => {
  const page = await openPage(ext, ARTICLES[0]!.url);
  await expect.poll(async () => (await toolbarButton(ext, page)).enabled).toBe(true);
  // "Read in Qingdu", followed by the shortcut in parentheses when the browser has assigned one.
  expect((await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu(?: \(Alt\+Shift\+R\))?$/);
  await page.close();
});

test('leaving BBC 中文 in the same tab greys the button again', async ({ ext }) => {
  const page = await openPage(ext, ARTICLES[0]!.url);
  await expect.poll(async () => (await toolbarButton(ext, page)).enabled).toBe(true);
  await page.goto(NON_BBC_URL);
  await expect.poll(async () => (await toolbarButton(ext, page)).enabled).toBe(false);
  await page.close();
});

test('with "open automatically" on, an article opens in the reader by itself; other pages stay as they are', async ({ ext }) => {
  await ext.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 3, autoOpen: true } }));
  try {
    const article = await openPage(ext, ARTICLES[1]!.url);
    await expect(article.locator('qingdu-reader [role="dialog"]')).toBeVisible();
    const index = await openPage(ext, NON_ARTICLES[0]!.url);
    await index.waitForLoadState('load');
    // The detector has reported the index page (the title changes only then), and nothing opened.
    await expect.poll(async () => (await toolbarButton(ext, index)).title).toMatch(/not a BBC 中文 article/);
    expect((await toolbarButton(ext, index)).enabled).toBe(true);
    await expect(index.locator('qingdu-reader, qingdu-notice')).toHaveCount(0);
    await Promise.all([article.close(), index.close()]);
  } finally {
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
  }
});

test('the toggle command is registered with the suggested shortcut Alt+Shift+R', async ({ ext }) => {
  const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
  const toggle = commands.find((command) => command.name === 'toggle-reader');
  expect(toggle?.description).toBe('Open or close the reader');
  const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?.['toggle-reader']?.suggested_key).toEqual({ default: 'Alt+Shift+R' });
  // Headless Chromium registers the command but assigns suggested keys only where it has a
  // keybinding UI; when it has assigned one, it must be ours (no collision took it away).
  if (toggle?.shortcut) expect(toggle.shortcut).toBe('Alt+Shift+R');
});

for (const saved of NON_ARTICLES) {
  test(`a click on a BBC 中文 ${saved.kind} page shows 這不是一篇文章 and changes nothing else`, async ({ ext }) => {
    const page = await openPage(ext, saved.url);
    await expect.poll(async () => (await toolbarButton(ext, page)).enabled).toBe(true);
    const before = await pageSnapshot(page);

    await clickToolbarButton(ext, page);
    const notice = page.locator('qingdu-notice [role="status"]');
    await expect(notice).toHaveText(/這不是一篇文章/);
    await expect(notice).toHaveAttribute('lang', 'zh-Hant');
    await expect(page.locator('qingdu-reader')).toHaveCount(0);

    // It dismisses itself; afterwards the page is exactly as before.
    await expect(page.locator('qingdu-notice')).toHaveCount(0, { timeout: 10_000 });
    expect(snapshotDifference(before, await pageSnapshot(page))).toBeUndefined();
    await page.close();
  });
}
