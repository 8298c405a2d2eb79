// The toolbar button and the shortcut, in Chromium with the built extension: enabled only on BBC
// 中文 pages and saying what a click does; the shortcut registered; a click on a BBC page that is
// not an article shows the self-dismissing notice in the page's script and changes nothing else.
import { NON_ARTICLES, NON_BBC_URL, ARTICLES } from '../support/pages.ts';
import { clicksDelivered, clickToolbarButton, dialogOf, hostOf, openPage, toolbarButton } from '../support/chromium.ts';
import { pageSnapshot, snapshotDifference } from '../support/page-state.ts';
import { expect, test } from '../support/fixtures.ts';
import type Browser from 'webextension-polyfill';

declare const chrome: Browser.Browser; // inside worker.evaluate only

test('the button is disabled (greyed) on a page outside BBC 中文, and a click there reaches nothing', async ({ ext }) => {
  const page = await openPage(ext, NON_BBC_URL);
  expect((await toolbarButton(ext, page)).title).toMatch(/BBC 中文/);
  // Chrome's declarative rules (which enable the button on BBC 中文 URLs) must not match here either.
  const delivered = await clicksDelivered(ext, async () => {
    await clickToolbarButton(ext, page);
    await page.waitForTimeout(500);
  });
  expect(delivered).toBe(0);
  await expect(page.locator('qingdu-reader, qingdu-notice')).toHaveCount(0);
  await page.close();
});

test('a click the moment an article starts loading is never lost', async ({ ext }) => {
  // The worker hears of a navigation only after it has committed, and enabling the button per tab
  // from there lagged the page (a click right after DOMContentLoaded was dropped about 1 in 15
  // times soon after browser start). The browser's own rules enable it at commit: a click at
  // commit, from a tab that showed a page where the button was disabled, opens the reader.
  for (let round = 0; round < 6; round += 1) {
    const page = await openPage(ext, NON_BBC_URL);
    await page.goto(ARTICLES[round % ARTICLES.length]!.url, { waitUntil: 'commit' });
    await clickToolbarButton(ext, page);
    await expect(dialogOf(page)).toBeVisible();
    await page.close();
  }
});

test('on a BBC 中文 article the button takes clicks and its title says what a click does', async ({ ext }) => {
  const page = await openPage(ext, ARTICLES[0]!.url);
  // "Read in Qingdu", followed by the shortcut in parentheses when the browser has assigned one.
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu(?: \(Alt\+Shift\+R\))?$/);
  const delivered = await clicksDelivered(ext, async () => {
    await clickToolbarButton(ext, page);
    await expect(dialogOf(page)).toBeVisible();
  });
  expect(delivered).toBe(1);
  await page.close();
});

test('leaving BBC 中文 in the same tab greys the button again', async ({ ext }) => {
  const page = await openPage(ext, ARTICLES[0]!.url);
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
  await page.goto(NON_BBC_URL);
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/BBC 中文/);
  const delivered = await clicksDelivered(ext, async () => {
    await clickToolbarButton(ext, page);
    await page.waitForTimeout(500);
  });
  expect(delivered).toBe(0);
  await page.close();
});

test('with "open automatically" on, an article opens in the reader by itself; other pages stay as they are', async ({ ext }) => {
  await ext.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 3, autoOpen: true } }));
  try {
    const article = await openPage(ext, ARTICLES[1]!.url);
    await expect(dialogOf(article)).toBeVisible();
    const index = await openPage(ext, NON_ARTICLES[0]!.url);
    await index.waitForLoadState('load');
    // The detector has reported the index page (the title changes only then), and nothing opened.
    await expect.poll(async () => (await toolbarButton(ext, index)).title).toMatch(/not a BBC 中文 article/);
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
    // The detector has reported the page (the click shows the notice either way).
    await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/not a BBC 中文 article/);
    const before = await pageSnapshot(page);

    await clickToolbarButton(ext, page);
    const notice = page.locator('qingdu-notice [role="status"]');
    await expect(notice).toHaveText(/這不是一篇文章/);
    await expect(notice).toHaveAttribute('lang', 'zh-Hant');
    await expect(hostOf(page)).toHaveCount(0);

    // It dismisses itself; afterwards the page is exactly as before.
    await expect(page.locator('qingdu-notice')).toHaveCount(0, { timeout: 10_000 });
    expect(snapshotDifference(before, await pageSnapshot(page))).toBeUndefined();
    await page.close();
  });
}
