// Live pages in Chromium with the built extension, through the real toolbar path: the button is
// enabled on a live page, a click opens a live reader (直播 label, the newest post's time, the note to
// reopen for newer posts, the key points, every post with its time and headline), the script switch
// converts a post, and Esc leaves the page as it was; at desktop size (1280×900) and phone size
// (390×844), with screenshots in test/e2e/screenshots/ to look at. A live page whose posts cannot be
// read opens the reader with a plain message and a link to the page, never a made-up article.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { dialogOf, hostOf, openPage, openReaderByClick, type ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from '../support/fixtures.ts';
import { pageSnapshot, snapshotDifference } from '../support/page-state.ts';
import { LIVE_PAGES, REPO_ROOT } from '../support/pages.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');
const [LIVE, UNREADABLE_LIVE] = LIVE_PAGES as [typeof LIVE_PAGES[0], typeof LIVE_PAGES[0]];

/** The page's own post headlines, newest first (the fixture's data: test/fixtures/derive-live-fixture.ts). */
const FIRST_HEADLINE = '金正恩與普京計劃會面，或涉及武器談判';
const FIRST_HEADLINE_SIMPLIFIED = '金正恩与普京计划会面，或涉及武器谈判';

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

async function openLiveReader(ext: ExtensionBrowser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await openPage(ext, url);
  await page.setViewportSize(viewport);
  await openReaderByClick(ext, page);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

for (const [size, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`the live page opens as a live reader and 简体 converts its posts (${size}, ${viewport.width}×${viewport.height})`, async ({ ext }) => {
    const page = await openPage(ext, LIVE.url);
    const before = await pageSnapshot(page);
    await page.close();

    const reader = await openLiveReader(ext, LIVE.url, viewport);
    const dialog = dialogOf(reader);
    await expect(dialog).toHaveAttribute('lang', 'zh-Hant');
    await expect(dialog.locator('.qd-live-badge')).toHaveText('直播');
    await expect(dialog.locator('h1')).toHaveText('金正恩訪俄：朝鮮領導人進入俄羅斯國境，將與普京會面');
    await expect(dialog.locator('.qd-live-newest time')).toHaveAttribute('datetime', '2023-09-12T09:43:37.000Z');
    await expect(dialog.locator('.qd-live-newest')).toHaveText(/^最新更新：2023年9月12日 \d\d:43$/);
    await expect(dialog.locator('.qd-live-reopen')).toContainText('重新開啟');
    await expect(dialog.locator('.qd-live-key-points li')).toHaveCount(3);
    const posts = dialog.locator('.qd-live-posts > li > article');
    await expect(posts).toHaveCount(5);
    for (let i = 0; i < 5; i += 1) {
      await expect(posts.nth(i).locator('.qd-post-time time')).toHaveAttribute('datetime', /^2023-09-12T\d\d:\d\d:\d\d\.000Z$/);
      await expect(posts.nth(i).locator('h3')).not.toBeEmpty();
    }
    await expect(posts.first().locator('h3')).toHaveText(FIRST_HEADLINE);
    await expect(posts.first().locator('.qd-post-breaking')).toHaveText('突發');
    // The photos are the page's own, with their captions and credits.
    await expect(posts.nth(1).locator('figure figcaption')).toContainText('7月，俄羅斯國防部長紹伊古曾訪問朝鮮');
    await expect(posts.nth(1).locator('figure .qd-credit')).toContainText('Reuters');
    await shoot(reader, `live-${size}-trad`);

    await dialog.locator('[data-script="simp"]').click();
    await expect(dialog).toHaveAttribute('lang', 'zh-Hans');
    await expect(posts.first().locator('h3')).toHaveText(FIRST_HEADLINE_SIMPLIFIED);
    await expect(dialog.locator('.qd-live-reopen')).toContainText('重新打开');
    await expect(dialog.locator('.qd-body')).not.toHaveAttribute('aria-busy', 'true');
    // The last post too, which was off screen at the switch (converted after the first frame).
    await expect(posts.last().locator('p[data-block]').first()).toHaveText(/^克里姆林宫此前证实了金正恩的访俄行程/);
    await shoot(reader, `live-${size}-to-simp`);
    // Scrolled to a post with a photo, to see a post's time, headline, text and figure together.
    await posts.nth(1).evaluate((post) => post.scrollIntoView({ block: 'start' }));
    await shoot(reader, `live-${size}-post`);

    await reader.keyboard.press('Escape');
    await expect(hostOf(reader)).toHaveCount(0);
    expect(snapshotDifference(before, await pageSnapshot(reader))).toBeUndefined();
    await reader.close();
  });
}

test('a live page whose posts cannot be read opens the reader with a plain message and a link to it', async ({ ext }) => {
  const reader = await openLiveReader(ext, UNREADABLE_LIVE.url, { width: 1280, height: 900 });
  const dialog = dialogOf(reader);
  await expect(dialog.locator('.qd-error-message')).toHaveText(/找不到這個直播頁面的內容/);
  await expect(dialog.locator('a[data-action="original"]')).toHaveAttribute('href', UNREADABLE_LIVE.url);
  await expect(dialog.locator('.qd-live-posts')).toHaveCount(0);
  await reader.close();
});
