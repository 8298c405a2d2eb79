// The reader in Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core over
// WebDriver BiDi (Playwright's runner only schedules the tests): on saved BBC pages served offline
// at their real URLs, the overlay opens, the script switch converts the text and `lang`, and Esc
// closes it and releases the page's scroll.
//
// Firefox has no way for a driver to click a toolbar button or press a browser shortcut, so the
// reader is opened by the "open automatically" setting: the detector reports an article, the
// background reads the setting and calls `toggleReader` — the function behind the click and the
// shortcut — which injects the reader bundle exactly as a click does.
import { expect, test } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { firefoxOpeningArticles,
  overlayAttribute,
  overlayText,
  openOfflinePage,
  openOptionsPage,
  storeSettings,
} from '../support/firefox.ts';
import { ARTICLES, NON_BBC_URL } from '../support/pages.ts';
import { normalizeText, publishedContent } from '../support/published.ts';

interface ExtensionPageGlobal {
  browser: {
    tabs: { query: (filter: object) => Promise<{ id?: number; url?: string }[]> };
    action: { isEnabled: (details: { tabId: number }) => Promise<boolean> };
  };
}

test.describe('the reader in Firefox ESR', () => {
  const firefox = firefoxOpeningArticles();

  test('opens on a traditional article, 简体 converts it, Esc closes it and releases the page', async () => {
    const saved = ARTICLES.find((article) => article.file === 'trad-2023-world-66783048.html')!;
    const published = publishedContent(saved);
    const page = await openOfflinePage(firefox.browser, saved.url);

    await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 15_000 }).toBe('zh-Hant');
    const title = await overlayText(page, 'h1');
    expect(title).toBe(published.title);
    const text = (await overlayText(page)) ?? '';
    for (const paragraph of published.paragraphs) expect(text).toContain(paragraph);

    // The BBC's traditional edition writes Taiwan's variants: OpenCC's tw2s is the reference.
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    await (await page.$('qingdu-reader >>> [data-script="simp"]'))!.click();
    await expect.poll(() => overlayAttribute(page, 'lang')).toBe('zh-Hans');
    await expect.poll(() => overlayText(page, 'h1')).toBe(normalizeText(toSimplified(title!)));

    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('qingdu-reader') === null)).toBe(true);
    // The scroll lock is gone with it: <html> is back to having no style attribute, as served.
    expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('visible');
    await page.close();
  });

  test('opens on a simplified article and 繁體·台灣 converts it to zh-Hant-TW', async () => {
    const saved = ARTICLES.find((article) => article.file === 'derived-simp-2022-world-62912357.html')!;
    const page = await openOfflinePage(firefox.browser, saved.url);
    await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 15_000 }).toBe('zh-Hans');
    const title = (await overlayText(page, 'h1'))!;

    const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
    await (await page.$('qingdu-reader >>> [data-script="tw"]'))!.click();
    await expect.poll(() => overlayAttribute(page, 'lang')).toBe('zh-Hant-TW');
    await expect.poll(() => overlayText(page, 'h1')).toBe(normalizeText(toTaiwan(title)));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('qingdu-reader') === null)).toBe(true);
    await page.close();
  });

  test('简体 on trad-2023-chinese-news-66762882 writes the simplified 着: 随着, never 随著 or 意味著', async () => {
    const saved = ARTICLES.find((article) => article.file === 'trad-2023-chinese-news-66762882.html')!;
    const page = await openOfflinePage(firefox.browser, saved.url);
    await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 15_000 }).toBe('zh-Hant');
    await (await page.$('qingdu-reader >>> [data-script="simp"]'))!.click();
    await expect.poll(() => overlayAttribute(page, 'lang')).toBe('zh-Hans');
    await expect.poll(async () => (await overlayText(page)) ?? '').toContain('随着');
    await expect.poll(() => page.evaluate(() => document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[aria-busy="true"]') === null)).toBe(true);
    expect(await overlayText(page)).not.toMatch(/(?:随|意味|伴随|朝|接|看)著/);
    await page.close();
  });

  test('繁體·台灣 with 台灣用語 on writes Taiwan\'s words on a simplified page', async () => {
    await storeSettings(firefox.browser, { autoOpen: true, taiwanPhrases: true });
    try {
      const saved = ARTICLES.find((article) => article.file === 'derived-simp-2022-world-62912357.html')!;
      const page = await openOfflinePage(firefox.browser, saved.url);
      await expect.poll(() => overlayAttribute(page, 'lang'), { timeout: 15_000 }).toBe('zh-Hans');
      const title = (await overlayText(page, 'h1'))!;
      await (await page.$('qingdu-reader >>> [data-script="tw"]'))!.click();
      await expect.poll(() => overlayAttribute(page, 'lang')).toBe('zh-Hant-TW');
      await expect.poll(() => overlayText(page, 'h1')).toBe(normalizeText(OpenCC.Converter({ from: 'cn', to: 'twp' })(title)));
      expect(await overlayText(page, 'h1')).toContain('外交訊號');
      await page.close();
    } finally {
      await storeSettings(firefox.browser, { autoOpen: true });
    }
  });

  test('the toolbar button is enabled on a BBC 中文 page and disabled on any other', async () => {
    const bbc = await openOfflinePage(firefox.browser, ARTICLES[0]!.url);
    const other = await openOfflinePage(firefox.browser, NON_BBC_URL);
    const extensionPage = await openOptionsPage(firefox.browser);
    const states = await extensionPage.evaluate(async () => {
      const api = (globalThis as unknown as ExtensionPageGlobal).browser;
      const tabs = await api.tabs.query({});
      // Without the "tabs" permission only BBC 中文 tabs and our own pages show their URL.
      return Promise.all(
        tabs.map(async (tab) => ({ url: tab.url ?? '', enabled: await api.action.isEnabled({ tabId: tab.id! }) })),
      );
    });
    const ofBbc = states.filter((state) => state.url === ARTICLES[0]!.url);
    const ofOthers = states.filter((state) => state.url === '');
    expect(ofBbc.map((state) => state.enabled)).toEqual([true]);
    expect(ofOthers.length).toBeGreaterThan(0);
    expect(ofOthers.every((state) => !state.enabled)).toBe(true);
    await Promise.all([bbc.close(), other.close(), extensionPage.close()]);
  });
});
