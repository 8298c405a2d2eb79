// The reading tools in Chromium on saved BBC pages, through the real toolbar click: 另存 downloads
// one HTML file that parses back to the article in the script shown; copy as Markdown puts the
// article on the clipboard; print (page.pdf, which lays the page out for print) gives the article
// alone — nothing of the page underneath — and closing leaves the page exactly as it was, its
// adopted stylesheets included. Screenshots of the toolbar (desktop and phone) and of a printed page.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { clickToolbarButton, dialogOf, hostOf, openPage, toolbarButton, type ExtensionBrowser } from '../support/chromium.ts';
import { expect, test } from '../support/fixtures.ts';
import { pageSnapshot, snapshotDifference } from '../support/page-state.ts';
import { ARTICLES, REPO_ROOT } from '../support/pages.ts';
import { normalizeText, publishedContent } from '../support/published.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');
const SAVED = ARTICLES.find((article) => article.file === 'trad-2023-chinese-news-66762882.html')!;

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

async function openReader(ext: ExtensionBrowser, url = SAVED.url): Promise<Page> {
  const page = await openPage(ext, url);
  await page.waitForLoadState('load');
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
  await clickToolbarButton(ext, page);
  await expect(dialogOf(page)).toBeVisible();
  return page;
}

test('另存 saves one self-contained HTML file of the article in the script shown, named after the headline', async ({ ext }) => {
  const published = publishedContent(SAVED);
  const page = await openReader(ext);
  const dialog = dialogOf(page);
  await dialog.locator('[data-script="simp"]').click();
  await expect(dialog).toHaveAttribute('lang', 'zh-Hans');
  const title = normalizeText(await dialog.locator('h1').innerText());
  expect(title).not.toBe(published.title);

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-action="save-html"]').click()]);
  expect(download.suggestedFilename()).toBe(`${title}.html`);
  const file = join(tmpdir(), `qingdu-saved-${process.pid}.html`);
  await download.saveAs(file);
  const saved = new JSDOM(readFileSync(file, 'utf8')).window.document;
  expect(saved.documentElement.lang).toBe('zh-Hans');
  expect(normalizeText(saved.querySelector('h1')?.textContent ?? '')).toBe(title);
  expect(saved.querySelector('.qd-source a')?.getAttribute('href')).toBe(SAVED.url);
  // The same paragraphs as the overlay shows, in 简体, in order.
  const shown = await dialog.locator('.qd-body > p').evaluateAll((ps) => ps.map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()));
  const savedParagraphs = [...saved.querySelectorAll('article > p:not(.qd-source):not(.qd-meta):not(.qd-media)')].map((p) => normalizeText(p.textContent ?? ''));
  expect(savedParagraphs).toEqual(shown);
  expect(savedParagraphs.length).toBeGreaterThanOrEqual(published.paragraphs.length);
  expect(saved.querySelectorAll('figure img').length).toBe(published.photos.length);
  expect(saved.querySelectorAll('script, [onload], [onerror]').length).toBe(0);
  await page.close();
});

test('copy as Markdown puts the article on the clipboard and says so', async ({ ext }) => {
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.bbc.com' });
  const published = publishedContent(SAVED);
  const page = await openReader(ext);
  const dialog = dialogOf(page);
  await dialog.locator('[data-action="copy-markdown"]').click();
  await expect(dialog.locator('.qd-tools-status')).toHaveText('已複製為 Markdown。');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown.startsWith(`# ${published.title}\n\n原文：`)).toBe(true);
  expect(markdown).toContain(`(<${SAVED.url}>)`);
  for (const paragraph of published.paragraphs.slice(0, 5)) expect(markdown.replace(/\\(.)/g, '$1')).toContain(paragraph);
  for (const photo of published.photos) expect(markdown).toContain(`*${photo.caption}*`);
  await page.close();
});

/** The text of a PDF, one string (pdftotext keeps reading order). */
function pdfText(pdf: Buffer): string {
  const file = join(tmpdir(), `qingdu-print-${process.pid}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

test('printing with the reader open prints the article alone; closing leaves the page as it was', async ({ ext }) => {
  const published = publishedContent(SAVED);
  const page = await openPage(ext, SAVED.url);
  await page.waitForLoadState('load');
  const before = await pageSnapshot(page);
  const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
  // What the page prints without the reader: its own furniture (most read, footer) is there.
  const pagePrint = normalizeText(pdfText(await page.pdf({ format: 'A4' })));
  expect(pagePrint).toMatch(/熱讀/);

  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
  await clickToolbarButton(ext, page);
  await expect(dialogOf(page)).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  writeFileSync(join(SCREENSHOTS, 'print.pdf'), pdf);
  const text = normalizeText(pdfText(pdf)).replace(/ /g, '');
  // Compared by their Han characters: pdftotext may place a number or a Latin word of a justified
  // line apart from the Chinese around it.
  const han = (value: string): string => value.replace(/[^\p{Script=Han}]/gu, '');
  expect(han(text).startsWith(han(published.title))).toBe(true);
  for (const paragraph of published.paragraphs) expect(han(text)).toContain(han(paragraph).slice(0, 12));
  for (const photo of published.photos) expect(han(text)).toContain(han(photo.caption).slice(0, 12));
  // The source and the date at the end; nothing of the page underneath, nor the toolbar.
  expect(text).toMatch(new RegExp(`原文：${SAVED.url.replace(/[/.]/g, '\\$&')}·儲存日期：\\d{4}年\\d+月\\d+日$`));
  expect(text).not.toMatch(/熱讀|原文簡体|另存/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(SCREENSHOTS, 'print.pdf'), join(SCREENSHOTS, 'print-page')]);

  await page.keyboard.press('Escape');
  await expect(hostOf(page)).toHaveCount(0);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(sheetsBefore);
  expect(snapshotDifference(before, await pageSnapshot(page))).toBeUndefined();
  // And the page prints as itself again.
  expect(normalizeText(pdfText(await page.pdf({ format: 'A4' })))).toMatch(/熱讀/);
  await page.close();
});

for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test(`screenshot: the toolbar with the reading tools (${size.name})`, async ({ ext }) => {
    const page = await openReader(ext);
    await page.setViewportSize(size.viewport);
    const dialog = dialogOf(page);
    for (const action of ['save-html', 'copy-markdown', 'print']) {
      const button = dialog.locator(`[data-action="${action}"]`);
      await expect(button).toBeVisible();
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(size.viewport.width);
    }
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: resolve(SCREENSHOTS, `tools-${size.name}.png`), clip: { x: 0, y: 0, width: size.viewport.width, height: 200 } });
    await page.close();
  });
}
