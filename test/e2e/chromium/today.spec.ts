// Today's BBC 中文 formats in Chromium with the built extension and real toolbar clicks: the Optimo
// article reached from RSS (`?at_medium=RSS&at_campaign=rss`) at desktop size and at phone size,
// where the page hides most of the story behind "Continue reading" with a class (the DOM keeps it),
// and the `.lite` page whose photos and credits sit in `<noscript>`. Screenshots of each are written
// to test/e2e/screenshots/ for people to look at.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { clickToolbarButton, dialogOf, hostOf, openPage, toolbarButton, type ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from '../support/fixtures.ts';
import { pageSnapshot, snapshotDifference } from '../support/page-state.ts';
import { ARTICLES, REPO_ROOT } from '../support/pages.ts';
import { normalizeText, publishedContent } from '../support/published.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');
const OPTIMO = ARTICLES.find((article) => article.file === 'today-optimo-trad-c9w1e66748qo.html')!;
const LITE = ARTICLES.find((article) => article.file === 'today-lite-simp-c5l266762882o.html')!;
const FROM_RSS = '?at_medium=RSS&at_campaign=rss';

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

async function openAt(ext: ExtensionBrowser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(url, { waitUntil: 'load' });
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

/** How many of `<main>`'s children the page itself shows, and how many it hides with CSS. */
function mainChildrenShown(page: Page): Promise<{ shown: number; hidden: number }> {
  return page.evaluate(() => {
    const children = Array.from(document.querySelector('main')?.children ?? []);
    const hidden = children.filter((child) => getComputedStyle(child).display === 'none').length;
    return { shown: children.length - hidden, hidden };
  });
}

for (const size of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const) {
  test(`Optimo article from RSS at ${size.width}×${size.height}: every paragraph, byline with location, no page labels; Esc restores`, async ({ ext }) => {
    const published = publishedContent(OPTIMO);
    const page = await openAt(ext, OPTIMO.url + FROM_RSS, size);
    const pageState = await mainChildrenShown(page);
    if (size.name === 'phone') {
      // The page's continue-reading state: most of the story is in the DOM but not displayed.
      await expect(page.locator('#continue-reading-button')).toBeVisible();
      expect(pageState.hidden).toBeGreaterThan(30);
    } else {
      // At desktop size all of it shows; only the button itself is hidden.
      await expect(page.locator('#continue-reading-button')).toBeHidden();
      expect(pageState.hidden).toBe(1);
    }
    const before = await pageSnapshot(page);

    await clickToolbarButton(ext, page);
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    const text = normalizeText((await dialog.textContent()) ?? '');
    expect(normalizeText(await dialog.locator('h1').innerText())).toBe(published.title);
    for (const paragraph of published.paragraphs) expect(text).toContain(paragraph);
    await expect(dialog.locator('.qd-byline-location')).toHaveText('台北');
    for (const label of ['Author', 'Role,', 'Reporting from', 'Continue reading', '閱讀時間', '跳過', 'Podcast']) expect(text).not.toContain(label);
    // The embeds are cards linking to the posts; the related stories list the links blocks and the
    // related-content section.
    await expect(dialog.locator('a[href="https://twitter.com/bbcnewspidgin/status/1700039661874282772"]')).toHaveCount(1);
    await expect(dialog.locator('.qd-related a')).toHaveCount(10);
    await dialog.locator('h1').scrollIntoViewIfNeeded();
    await shoot(page, `today-optimo-${size.name}`);
    await dialog.locator('.qd-related').scrollIntoViewIfNeeded();
    await shoot(page, `today-optimo-${size.name}-related`);

    await page.keyboard.press('Escape');
    await expect(hostOf(page)).toHaveCount(0);
    expect(snapshotDifference(before, await pageSnapshot(page))).toBeUndefined();
    expect(await mainChildrenShown(page)).toEqual(pageState);
    await page.close();
  });
}

test('a .lite page opens as simplified with every photo and its credit from <noscript>', async ({ ext }) => {
  const published = publishedContent(LITE);
  const page = await openAt(ext, LITE.url, { width: 390, height: 844 });
  // The page itself shows no photo until "Load Image" (which needs scripts) is pressed.
  expect(await page.locator('main img').count()).toBe(0);
  await clickToolbarButton(ext, page);
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('lang', 'zh-Hans');
  const figures = await dialog.locator('figure:has(img)').evaluateAll((elements) =>
    elements.map((figure) => figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );
  expect(figures).toHaveLength(published.photos.length);
  for (const photo of published.photos) {
    const match = figures.find((caption) => caption.includes(photo.caption));
    expect(match, `a figure captioned ${photo.caption}`).toBeDefined();
    expect(match).toContain(photo.credit ?? '(no credit)');
  }
  expect(normalizeText((await dialog.textContent()) ?? '')).not.toContain('Load Image');
  await dialog.locator('figure').first().scrollIntoViewIfNeeded();
  await shoot(page, 'today-lite-phone');
  await page.close();
});
