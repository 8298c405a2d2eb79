// The reader UI in a real browser, without the extension: the harness (Vite dev server on loopback,
// see main.tsx) renders ReaderApp in a shadow root over a deliberately ugly page, with a real
// Article and local placeholder photos. Each case saves a PNG for people to look at (light, sepia,
// dark, system-dark; 原文, 简体, 繁體·香港; photos, a broken photo, captions only, the video card,
// the end of the article, loading and error states, English UI, a phone) and runs axe-core over
// the overlay. Other cases check what needs real layout: a script switch keeps the paragraph being
// read in place, page styles do not reach in, a broken photo collapses to its caption.
//
//   npx playwright test --config test/e2e/playwright.config.ts ui-harness
//   PNGs: $QINGDU_UI_SHOTS, default <tmp>/qingdu-ui-shots
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { axeViolations } from '../support/axe.ts';
import { dialogOf } from '../support/chromium.ts';

const outDir = process.env.QINGDU_UI_SHOTS ?? join(tmpdir(), 'qingdu-ui-shots');

let server: ViteDevServer;
let browser: Browser;
let base = '';

test.beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  server = await createServer({ configFile: join(import.meta.dirname, 'vite.config.ts'), server: { port: 0 } });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the harness server has no address');
  base = `http://127.0.0.1:${address.port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Opens the harness with these query parameters; waits for the overlay, its fonts and, for a
 * default script other than 原文, the converted text. */
async function open(query: string, viewport = DESKTOP, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: viewport === PHONE ? 2 : 1, colorScheme });
  await page.goto(`${base}?${query}`);
  await dialogOf(page).waitFor();
  await page.evaluate(() => document.fonts.ready);
  const script = new URLSearchParams(query).get('script');
  if (script) await page.locator(`qingdu-reader [data-script="${script}"][aria-pressed="true"]:not([aria-busy])`).waitFor();
  return page;
}

/** Scrolls the overlay so that the element matching `selector` is just under the toolbar, and
 * waits for the lazy photos that came into view. */
async function scrollTo(page: Page, selector: string, nth: number): Promise<void> {
  await page.evaluate(
    ({ selector, nth }) => {
      const root = document.querySelector('qingdu-reader')?.shadowRoot;
      const scroller = root?.querySelector<HTMLElement>('.qd-scroll');
      const target = root?.querySelectorAll<HTMLElement>(selector)[nth];
      if (!scroller || !target) throw new Error(`nothing matches ${selector}`);
      scroller.scrollTop += target.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 24;
    },
    { selector, nth },
  );
  await page.waitForFunction(() =>
    [...(document.querySelector('qingdu-reader')?.shadowRoot?.querySelectorAll('img') ?? [])].every((img) => {
      const { top, bottom } = img.getBoundingClientRect();
      return img.complete || top > innerHeight || bottom < 0;
    }),
  );
}

interface Shot {
  name: string;
  query: string;
  /** Scroll to the nth element matching this selector first. */
  at?: [string, number];
  viewport?: typeof DESKTOP;
  colorScheme?: 'light' | 'dark';
}

const SHOTS: Shot[] = [
  ...['light', 'sepia', 'dark'].flatMap((theme): Shot[] => [
    { name: `${theme}-trad-top`, query: `theme=${theme}&ui=zh_TW` },
    { name: `${theme}-trad-photo`, query: `theme=${theme}&ui=zh_TW`, at: ['figure', 2] },
  ]),
  { name: 'dark-trad-video', query: 'theme=dark&ui=zh_TW', at: ['.qd-media', 0] },
  { name: 'dark-trad-end', query: 'theme=dark&ui=zh_TW', at: ['.qd-related', 0] },
  { name: 'light-trad-serif-heading', query: 'theme=light&ui=zh_TW&font=serif', at: ['h2', 0] },
  { name: 'light-trad-broken-photo', query: 'theme=light&ui=zh_TW&broken=1' },
  { name: 'light-simp-top', query: 'theme=light&ui=zh_CN&script=simp' },
  { name: 'sepia-hk-kai-top', query: 'theme=sepia&ui=zh_TW&script=hk&font=kai' },
  { name: 'dark-simp-photo', query: 'theme=dark&ui=zh_CN&script=simp', at: ['figure', 1] },
  { name: 'system-dark-trad-photo', query: 'theme=system&ui=zh_TW', at: ['figure', 1], colorScheme: 'dark' },
  { name: 'light-trad-captions-only', query: 'theme=light&ui=zh_TW&images=captions', at: ['figure', 1] },
  { name: 'light-error', query: 'theme=light&ui=zh_TW&state=error' },
  { name: 'sepia-loading', query: 'theme=sepia&ui=zh_TW&state=loading' },
  { name: 'light-english-ui', query: 'theme=light&ui=en' },
  { name: 'phone-light-top', query: 'theme=light&ui=zh_TW', viewport: PHONE },
  { name: 'phone-light-photo', query: 'theme=light&ui=zh_TW', at: ['figure', 1], viewport: PHONE },
];

for (const shot of SHOTS) {
  test(`${shot.name}: screenshot, and axe-core finds nothing in the overlay`, async () => {
    const page = await open(shot.query, shot.viewport, shot.colorScheme);
    if (shot.at) await scrollTo(page, ...shot.at);
    await page.screenshot({ path: join(outDir, `${shot.name}.png`) });
    // axe-core over the overlay only (the harness page under it is ugly on purpose).
    expect(await axeViolations(page, 'qingdu-reader')).toEqual([]);
    await page.close();
  });
}

/** Where block `index` is in the viewport. */
async function blockTop(page: Page, index: number): Promise<number> {
  return page.evaluate((index) => {
    const el = document.querySelector('qingdu-reader')?.shadowRoot?.querySelector(`[data-block="${index}"]`);
    if (!el) throw new Error(`no block ${index}`);
    return el.getBoundingClientRect().top;
  }, index);
}

test('a script switch keeps the paragraph being read where it was', async () => {
  const page = await open('theme=light&ui=zh_CN');
  const dialog = dialogOf(page);
  const title = await dialog.locator('h1').innerText();
  // Chromium and Firefox also anchor scrolling natively (CSS scroll anchoring), which would hide
  // whether the reader keeps the place itself; not every browser does, so test ours alone.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = '.qd-scroll { overflow-anchor: none; }';
    document.querySelector('qingdu-reader')?.shadowRoot?.append(style);
  });
  await scrollTo(page, '[data-block="30"]', 0);
  const before = await blockTop(page, 30);
  // The key a reader would press while reading. (A Playwright click first scrolls the sticky
  // button "into view", which moves the overlay itself.)
  await page.keyboard.press('2');
  await expect(dialog).toHaveAttribute('lang', 'zh-Hans');
  await expect(dialog.locator('h1')).not.toHaveText(title);
  expect(Math.abs((await blockTop(page, 30)) - before)).toBeLessThan(2);
  await page.screenshot({ path: join(outDir, 'light-simp-middle.png') });
  await page.keyboard.press('4');
  await expect(dialog).toHaveAttribute('lang', 'zh-Hant-HK');
  expect(Math.abs((await blockTop(page, 30)) - before)).toBeLessThan(2);
  await page.close();
});

test('the page’s own styles do not reach into the overlay', async () => {
  const page = await open('theme=light&ui=zh_TW');
  const style = await page.evaluate(() => {
    const p = document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('.qd-body p');
    if (!p) throw new Error('no paragraph');
    const computed = getComputedStyle(p);
    return { letterSpacing: computed.letterSpacing, fontFamily: computed.fontFamily, color: computed.color };
  });
  // The harness page sets `* { letter-spacing: 0.3em }`, Comic Sans and red text.
  expect(style.letterSpacing).toBe('normal');
  expect(style.fontFamily).not.toContain('Comic Sans');
  expect(style.color).not.toBe('rgb(255, 0, 0)');
  await page.close();
});

test('a photo that fails to load collapses to its caption, with no broken image shown', async () => {
  const page = await open('theme=light&ui=zh_TW&broken=1');
  const figure = page.locator('qingdu-reader figure').first();
  await expect(figure.locator('img')).toHaveCount(0);
  await expect(figure.locator('figcaption')).toContainText('「一帶一路」成為習近平雄心勃勃的「大國外交」戰略的核心支柱。');
  await expect(figure.locator('figcaption')).toContainText('Getty Image');
  // The other photos are there, each laid out at its own aspect ratio before and after loading.
  const boxes = await page.locator('qingdu-reader figure img').evaluateAll((imgs) =>
    imgs.map((img) => {
      const { width, height } = img.getBoundingClientRect();
      return Math.round((width / height) * 100) / 100;
    }),
  );
  expect(boxes).toEqual([1.78, 1.78, 1.78, 1.78]);
  await page.close();
});
