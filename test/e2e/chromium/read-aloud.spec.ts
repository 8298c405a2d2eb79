// Read aloud in Chromium with real voices (speech-dispatcher + espeak-ng, audio into PulseAudio's
// null sink), on a saved BBC page through the real toolbar click. What a reader would notice: 朗讀
// starts at the headline, the highlighted sentence moves on through the article's sentences in
// order as each utterance ends, pause holds it and resume goes on from it, 繁體·香港 switches to a
// Cantonese (yue) voice and the same sentence in Hong Kong text, and closing stops the speech.
//
// What carries the marks: the sentence is a CSS Custom Highlight named `qingdu-speaking` (read here
// from the page's own world: the highlight registry belongs to the document), and the element
// holding it (h1, p, h2/h3, li, blockquote or the caption's span) carries `data-speaking`. The
// page's `speechSynthesis.speaking` is the tab's: true while the reader speaks, false once closed.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { test as base, expect } from '@playwright/test';
import { splitSentences } from '../../../src/core/sentences.ts';
import { clickToolbarButton, dialogOf, hostOf, launchChromiumWithExtension, openPage, toolbarButton, type ExtensionBrowser } from '../support/chromium.ts';
import { ARTICLES, REPO_ROOT } from '../support/pages.ts';
import { normalizeText, publishedContent } from '../support/published.ts';
import { startSoundServer } from '../support/speech.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test/e2e/screenshots');
const SAVED = ARTICLES.find((article) => article.file === 'trad-2023-chinese-news-66762882.html')!;

const test = base.extend<object, { ext: ExtensionBrowser }>({
  ext: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      startSoundServer();
      const ext = await launchChromiumWithExtension({ args: ['--enable-speech-dispatcher'] });
      await use(ext);
      await ext.context.close();
    },
    { scope: 'worker' },
  ],
});

// Voices are listed by speech-dispatcher some seconds after the first request; espeak-ng says a
// sentence in a few seconds. Generous, never asserted as timings.
test.setTimeout(180_000);
const SLOW = { timeout: 90_000 };

/** The text under the read-aloud highlight, as the page's own world sees the document's registry. */
function highlighted(page: Page): Promise<string> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('qingdu-speaking');
    if (!highlight) return '';
    return [...highlight].map((range) => range.toString()).join('');
  });
}

function speaking(page: Page): Promise<boolean> {
  return page.evaluate(() => speechSynthesis.speaking);
}

async function openReader(ext: ExtensionBrowser): Promise<{ page: Page; dialog: Locator }> {
  const page = await openPage(ext, SAVED.url);
  await page.waitForLoadState('load');
  await expect.poll(async () => (await toolbarButton(ext, page)).title).toMatch(/^Read in Qingdu/);
  await clickToolbarButton(ext, page);
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  return { page, dialog };
}

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

test('朗讀 reads the headline and then the sentences in order; pause holds the sentence, resume goes on; close stops', async ({ ext }) => {
  const published = publishedContent(SAVED);
  const sentencesOf = (text: string): string[] => splitSentences(text).map(({ start, end }) => text.slice(start, end));
  // The article opens with a photo: its caption is read after the headline (its credit is not).
  const expected = [
    published.title,
    published.photos[0]!.caption,
    ...sentencesOf(published.paragraphs[0]!),
    ...sentencesOf(published.paragraphs[1]!),
    ...sentencesOf(published.paragraphs[2]!),
  ].map(normalizeText);

  const { page, dialog } = await openReader(ext);
  const button = dialog.locator('[data-action="read-aloud"]');
  await expect(button).toHaveAttribute('title', '朗讀 (R)');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true', SLOW);
  await expect(dialog.locator('h1')).toHaveAttribute('data-speaking', '');
  expect(normalizeText(await highlighted(page))).toBe(expected[0]);
  expect(await speaking(page)).toBe(true);
  // The voice is a local Mandarin one (the page is 繁體 as published: Mandarin as read in Taiwan).
  await expect(dialog.locator('.qd-speech')).toHaveAttribute('data-lang', 'zh-TW');
  await expect(dialog.locator('.qd-speech')).toHaveAttribute('data-voice', /Mandarin/);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: resolve(SCREENSHOTS, 'read-aloud-light.png') });

  // Each utterance's end moves the highlight to the next sentence, in order.
  const seen: string[] = [expected[0]!];
  while (seen.length < 4) {
    await expect.poll(async () => normalizeText(await highlighted(page)), SLOW).not.toBe(seen.at(-1));
    seen.push(normalizeText(await highlighted(page)));
  }
  expect(seen).toEqual(expected.slice(0, 4));
  // The element holding the sentence carries the marker: now the second paragraph, alone.
  await expect(dialog.locator('.qd-body > p').nth(1)).toHaveAttribute('data-speaking', '');
  await expect(dialog.locator('[data-speaking]')).toHaveCount(1);
  await expect(dialog.locator('h1')).not.toHaveAttribute('data-speaking', '');

  // Pause: the same sentence stays marked, nothing is spoken; resume reads on from it.
  await dialog.locator('[data-action="speech-pause"]').click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  const paused = normalizeText(await highlighted(page));
  await expect.poll(() => speaking(page)).toBe(false);
  await page.waitForTimeout(2000);
  expect(normalizeText(await highlighted(page))).toBe(paused);
  await dialog.locator('[data-action="speech-pause"]').click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  expect(normalizeText(await highlighted(page))).toBe(paused);
  await expect.poll(async () => normalizeText(await highlighted(page)), SLOW).not.toBe(paused);
  expect(normalizeText(await highlighted(page))).toBe(expected[seen.length]);

  // Close: the overlay goes and the tab stops talking; the highlight is gone from the document.
  await page.keyboard.press('Escape');
  await expect(hostOf(page)).toHaveCount(0);
  await expect.poll(() => speaking(page)).toBe(false);
  expect(await highlighted(page)).toBe('');
  await page.close();
});

test('繁體·香港 while reading goes on from the same sentence in Hong Kong text with a Cantonese (yue) voice', async ({ ext }) => {
  const { page, dialog } = await openReader(ext);
  await dialog.locator('[data-action="read-aloud"]').click();
  await expect(dialog.locator('[data-action="read-aloud"]')).toHaveAttribute('aria-pressed', 'true', SLOW);
  // Wait for the paragraph: its text differs between 台灣 and 香港 forms.
  await expect(dialog.locator('.qd-body > p').first()).toHaveAttribute('data-speaking', '', SLOW);
  const before = normalizeText(await highlighted(page));

  await dialog.locator('[data-script="hk"]').click();
  await expect(dialog).toHaveAttribute('lang', 'zh-Hant-HK');
  await expect(dialog.locator('.qd-speech')).toHaveAttribute('data-lang', 'zh-HK');
  await expect(dialog.locator('.qd-speech')).toHaveAttribute('data-voice', /Cantonese/);
  await expect(dialog.locator('[data-action="read-aloud"]')).toHaveAttribute('aria-pressed', 'true');
  // The same sentence (or, if it ended meanwhile, the next one) in the paragraph now shown in HK text.
  const paragraph = normalizeText(await dialog.locator('.qd-body > p').first().innerText());
  const now = normalizeText(await highlighted(page));
  expect(paragraph).toContain(now);
  expect(now.length).toBeGreaterThan(0);
  expect(await speaking(page)).toBe(true);
  // Which voices this browser offered for Cantonese (the note for the lead lists them).
  const voices = await dialog.locator('[data-setting="voice"] option').allTextContents();
  console.log(`Chromium Cantonese voices: ${voices.length - 1}, first: ${voices.slice(1, 4).join(' | ')}; sentence before: ${before}`);
  expect(voices.slice(1).every((name) => /Cantonese/.test(name))).toBe(true);

  await dialog.locator('[data-action="speech-stop"]').click();
  await expect(dialog.locator('[data-action="read-aloud"]')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => speaking(page)).toBe(false);
  await expect(dialog.locator('[data-speaking]')).toHaveCount(0);
  await page.close();
});
