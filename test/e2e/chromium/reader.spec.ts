// The reader on every saved article, in Chromium with the built extension and real toolbar clicks:
// it opens with the headline, every paragraph and every photo with its caption and credit, and
// no screen-reader prefix text; the script control converts the text and `lang`; Esc closes it and
// leaves the page's DOM, scroll position and focus exactly as they were.
import type { Locator, Page } from 'playwright-core';
import type Browser from 'webextension-polyfill';
import * as OpenCC from 'opencc-js';
import { clickToolbarButton, dialogOf, hostOf, openPage, toolbarButton, type ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from '../support/fixtures.ts';
import { pageSnapshot, snapshotDifference } from '../support/page-state.ts';
import { ARTICLES, readFixture, type SavedPage } from '../support/pages.ts';
import { normalizeText, publishedContent, SCREEN_READER_PREFIXES } from '../support/published.ts';
import { createConverter } from '../../../src/core/zh/index.ts';
import { nodeDictionaryLoader } from '../../../src/node/zh-dicts.ts';

declare const chrome: Browser.Browser; // inside worker.evaluate only

/** Opens a saved article, moves the page's scroll and focus somewhere a reader might leave them. */
async function openArticle(ext: ExtensionBrowser, saved: SavedPage): Promise<Page> {
  const page = await openPage(ext, saved.url);
  // The page's own inline scripts touch <html> while it loads; compare against the loaded page.
  await page.waitForLoadState('load');
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
  await page.evaluate(() => {
    document.querySelector<HTMLElement>('main a[href], a[href]')?.focus({ preventScroll: true });
    window.scrollTo(0, 600);
  });
  return page;
}

/** Text as the reader sees it, white space collapsed. */
/**
 * The overlay's text. Not `innerText`: it leaves out blocks the browser has not laid out yet
 * (`content-visibility: auto` skips off-screen blocks until they near the viewport).
 */
async function shownText(locator: Locator): Promise<string> {
  return normalizeText((await locator.textContent()) ?? '');
}

/** Quote marks differ by design between our converter (「」 in traditional) and plain OpenCC. */
function withoutQuotes(text: string): string {
  return text.replace(/[「」『』“”‘’"]/g, '');
}

for (const saved of ARTICLES) {
  test(`${saved.file}: a toolbar click shows the whole article; Esc restores the page`, async ({ ext }) => {
    const published = publishedContent(saved);
    const page = await openArticle(ext, saved);
    const before = await pageSnapshot(page);

    await clickToolbarButton(ext, page);
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(hostOf(page)).toHaveCount(1);

    const text = await shownText(dialog);
    expect(normalizeText(await dialog.locator('h1').innerText())).toBe(published.title);
    for (const paragraph of published.paragraphs) expect(text).toContain(paragraph);

    // Every photo: a figure with the image and, under it, its caption and credit.
    const figures = dialog.locator('figure:has(img)');
    const shownFigures = await figures.evaluateAll((elements) =>
      elements.map((figure) => figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
    for (const photo of published.photos) {
      const match = shownFigures.find((caption) => caption.includes(photo.caption));
      expect(match, `a figure captioned ${photo.caption}`).toBeDefined();
      if (photo.credit) expect(match).toContain(photo.credit);
    }
    for (const prefix of SCREEN_READER_PREFIXES) expect(text).not.toContain(prefix);

    // The toolbar now offers to close.
    await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Close Qingdu reader/);

    await page.keyboard.press('Escape');
    await expect(hostOf(page)).toHaveCount(0);
    expect(snapshotDifference(before, await pageSnapshot(page))).toBeUndefined();
    await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
    await page.close();
  });
}

/**
 * Opens `file`, switches to `script` and checks the headline against plain OpenCC (`reference`),
 * and the `lang` attribute; returns the page and the dialog for further checks.
 */
async function switchScript(
  ext: ExtensionBrowser,
  file: string,
  script: 'simp' | 'tw' | 'hk',
  lang: string,
  reference: (text: string) => string,
): Promise<{ page: Page; dialog: Locator; originalTitle: string }> {
  const saved = ARTICLES.find((article) => article.file === file)!;
  const page = await openArticle(ext, saved);
  await clickToolbarButton(ext, page);
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  const originalTitle = normalizeText(await dialog.locator('h1').innerText());

  await dialog.locator(`[data-script="${script}"]`).click();
  await expect(dialog).toHaveAttribute('lang', lang);
  await expect(dialog.locator(`[data-script="${script}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => withoutQuotes(normalizeText(await dialog.locator('h1').innerText())))
    .toBe(withoutQuotes(reference(originalTitle)));
  expect(normalizeText(await dialog.locator('h1').innerText())).not.toBe(originalTitle);
  return { page, dialog, originalTitle };
}

test('繁體·台灣 on a simplified page converts the text and sets lang="zh-Hant-TW"', async ({ ext }) => {
  const file = 'derived-simp-2022-world-62912357.html';
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const { page, dialog } = await switchScript(ext, file, 'tw', 'zh-Hant-TW', toTaiwan);
  // Captions follow too.
  const firstCaption = publishedContent(ARTICLES.find((article) => article.file === file)!).photos[0]!.caption;
  await expect(dialog.locator('figcaption').first()).toContainText(withoutQuotes(toTaiwan(firstCaption)).slice(0, 12));
  await page.close();
});

test('简体 on a traditional page converts the text and sets lang="zh-Hans"; 原文 brings the page\'s text back', async ({ ext }) => {
  // The BBC's traditional edition writes Taiwan's variants: OpenCC's tw2s is the reference.
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const { page, dialog, originalTitle } = await switchScript(ext, 'trad-2023-world-66783048.html', 'simp', 'zh-Hans', toSimplified);
  await dialog.locator('[data-script="original"]').click();
  await expect(dialog.locator('h1')).toHaveText(originalTitle);
  await page.close();
});

/** The particle zhe written 著 (Taiwan's and the traditional page's form) after the words it follows. */
const TAIWANESE_ZHE = /(?:随|隨|伴随|意味|看|朝|接|沿|顺|本|带|向|对|靠|跟|望)著/;

test('简体 on trad-2023-chinese-news-66762882 writes the simplified 着: 随着, never 随著 or 意味著', async ({ ext }) => {
  const { page, dialog } = await switchScript(ext, 'trad-2023-chinese-news-66762882.html', 'simp', 'zh-Hans', OpenCC.Converter({ from: 'tw', to: 'cn' }));
  await expect(dialog.locator('[aria-busy="true"]')).toHaveCount(0);
  const text = await shownText(dialog);
  expect(text).toContain('随着');
  expect(text).not.toMatch(TAIWANESE_ZHE);
  await page.close();
});

test('繁體·台灣 with 台灣用語 on writes Taiwan\'s words on a simplified page (訊號, 哈薩克), and only then', async ({ ext }) => {
  await ext.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 3, taiwanPhrases: true } }));
  try {
    const file = 'derived-simp-2022-world-62912357.html';
    const { page, dialog } = await switchScript(ext, file, 'tw', 'zh-Hant-TW', OpenCC.Converter({ from: 'cn', to: 'twp' }));
    await expect(dialog.locator('[aria-busy="true"]')).toHaveCount(0);
    await expect(dialog.locator('h1')).toContainText('外交訊號');
    const text = await shownText(dialog);
    expect(text).toContain('哈薩克總統托卡耶夫');
    expect(text).not.toContain('哈薩克斯坦');
    // Turned off in storage, the open reader follows: Taiwan's characters only, the mainland's words.
    await ext.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 3, taiwanPhrases: false } }));
    await expect(dialog.locator('h1')).toContainText('外交信號');
    await expect(dialog.locator('[data-script="tw"]')).toHaveAttribute('aria-pressed', 'true');
    await page.close();
  } finally {
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
  }
});

test('opening loads no dictionary; resting the pointer on a script button loads it without switching; the click converts the whole article', async ({ ext }) => {
  const saved = ARTICLES.find((article) => article.file === 'derived-simp-2022-world-62912357.html')!;
  const page = await openArticle(ext, saved);
  const dictionaries: string[] = [];
  page.on('request', (request) => {
    if (/\/zh\/[^/]+\.bin$/.test(request.url())) dictionaries.push(request.url());
  });
  await clickToolbarButton(ext, page);
  const dialog = dialogOf(page);
  await expect(dialog.locator('h1')).toBeVisible();
  await page.waitForTimeout(500);
  expect(dictionaries, 'dictionary files fetched by opening the reader').toEqual([]);

  const tw = dialog.locator('[data-script="tw"]');
  await tw.hover();
  await expect.poll(() => dictionaries.length, { message: 'the pointer resting on 繁體·台灣 starts loading' }).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  await expect(dialog).toHaveAttribute('lang', 'zh-Hans');
  await expect(tw).toHaveAttribute('aria-pressed', 'false');

  const fetched = dictionaries.length;
  await tw.click();
  await expect(dialog).toHaveAttribute('lang', 'zh-Hant-TW');
  expect(dictionaries.length, 'the click fetches nothing more').toBe(fetched);
  // Blocks off screen are converted right after the switch is shown: then every paragraph is.
  await expect(dialog.locator('.qd-body')).not.toHaveAttribute('aria-busy', 'true');
  // Each as our converter (the one the differential tests hold to opencc-js) makes it in Node.
  const toTaiwan = await createConverter({ from: 'auto', to: 'tw', quotes: 'corner' }, nodeDictionaryLoader());
  const text = await shownText(dialog);
  const paragraphs = publishedContent(saved).paragraphs;
  expect(paragraphs.length).toBeGreaterThan(10);
  for (const paragraph of paragraphs) expect(text).toContain(normalizeText(toTaiwan(paragraph)));
  await page.close();
});

test('a second toolbar click closes the reader', async ({ ext }) => {
  const page = await openArticle(ext, ARTICLES[1]!);
  const before = await pageSnapshot(page);
  await clickToolbarButton(ext, page);
  await expect(dialogOf(page)).toBeVisible();
  await clickToolbarButton(ext, page);
  await expect(hostOf(page)).toHaveCount(0);
  expect(snapshotDifference(before, await pageSnapshot(page))).toBeUndefined();
  // And a third opens it again, from the reader already loaded in the tab.
  await clickToolbarButton(ext, page);
  await expect(dialogOf(page)).toBeVisible();
  await page.close();
});

test('the page cannot scroll while the reader is open', async ({ ext }) => {
  const page = await openArticle(ext, ARTICLES[0]!);
  await clickToolbarButton(ext, page);
  await expect(dialogOf(page)).toBeVisible();
  const overflow = await page.evaluate(() => getComputedStyle(document.documentElement).overflow);
  expect(overflow).toBe('hidden');
  await page.mouse.wheel(0, 2000);
  // The reader scrolled, the page did not.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(600);
  await page.close();
});

test('in-place navigation to another page closes the reader (never shows the previous article)', async ({ ext }) => {
  const page = await openArticle(ext, ARTICLES[2]!);
  await clickToolbarButton(ext, page);
  await expect(dialogOf(page)).toBeVisible();
  await page.evaluate(() => history.pushState({}, '', '/zhongwen/trad/world-00000001'));
  await expect(hostOf(page)).toHaveCount(0);
  await page.close();
});

test('the page re-rendering its body while the reader is open leaves the reader open and working', async ({ ext }) => {
  const page = await openArticle(ext, ARTICLES[2]!);
  await clickToolbarButton(ext, page);
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  const title = await dialog.locator('h1').innerText();
  // What a client-side framework does on hydration or an update: the body's content is replaced.
  await page.evaluate(() => {
    document.body.innerHTML = '<main role="main"><h1>Re-rendered</h1><p>New content.</p></main>';
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('h1')).toHaveText(title);
  await dialog.locator('[data-script="simp"]').click();
  await expect(dialog).toHaveAttribute('lang', 'zh-Hans');
  await page.keyboard.press('Escape');
  await expect(hostOf(page)).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
  await page.close();
});

test('opened while the page is still loading, the reader shows the whole article', async ({ ext }) => {
  const saved = ARTICLES[0]!;
  const published = publishedContent(saved);
  // The page waits on a parser-blocking script before its body, held until the click is made.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const slowScript = 'https://www.bbc.com/zhongwen/qingdu-test-slow.js';
  await ext.context.route(slowScript, async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
  });
  await ext.context.route(saved.url, async (route) => {
    const html = readFixture(saved).toString('utf8').replace('<body', `<script src="${slowScript}"></script><body`);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(saved.url, { waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => document.readyState)).toBe('loading');
    await clickToolbarButton(ext, page);
    release();
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    const text = await shownText(dialog);
    for (const paragraph of published.paragraphs) expect(text).toContain(paragraph);
    await page.close();
  } finally {
    release();
    await ext.context.unroute(saved.url);
    await ext.context.unroute(slowScript);
  }
});
