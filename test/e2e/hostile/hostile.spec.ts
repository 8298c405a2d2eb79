// Hostile and broken input in Chromium with the built extension and real toolbar clicks (issue 7).
//   1. Payloads: the 151-payload corpus (test/fixtures/hostile) injected into real BBC pages (and
//      into the live page's posts, key points, headings and data: fixtures/hostile/live-pages.ts); the
//      reader opens, every script is chosen in turn, the overlay is scrolled and swept with the
//      pointer: nothing runs (flag calls in the page's world and the extension's world, dialogs),
//      no exception, and the overlay audit finds nothing; closing leaves the page as it was.
//   2. Isolation: page CSS aimed at the overlay changes none of its computed styles; the overlay
//      changes none of the page's; page scripts that grab keys and rewrite the DOM do not break it.
//   3. Broken pages: each gives the article or a clear message linking to the original, with no
//      exception and a live tab, and leaves the page as it was.
// The suite prints one summary line with its counts at the end.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { hostileLivePages } from '../../fixtures/hostile/live-pages.ts';
import { brokenPages, clobberPages, hostilePayloadPages, isolationPage, todayKindsPayloadPages, type GeneratedPage } from '../../fixtures/hostile/pages.ts';
import { PAYLOADS, payloadByNumber } from '../../fixtures/hostile/payloads.ts';
import { expect, test } from '../support/fixtures.ts';
import { pageSnapshot, snapshotDifference, type PageSnapshot } from '../support/page-state.ts';
import { REPO_ROOT } from '../support/pages.ts';
import { clickToolbarButton, dialogOf, hostOf, type ExtensionBrowser } from '../support/chromium.ts';
import {
  auditOverlay,
  noticeOf,
  openGenerated,
  openReader,
  scrollThroughOverlay,
  sweepPointer,
  waitSettled,
  type TabWatch,
} from './harness.ts';

const SCREENSHOTS = resolve(REPO_ROOT, 'test-results/hostile');
const SCRIPT_ORDER = ['simp', 'tw', 'hk', 'original'] as const;

interface Counts {
  payloadsTried: string[];
  injections: number;
  executed: string[];
  dangerous: number;
  sentinelsShown: number;
  sentinelsPlaced: number;
  brokenHandled: number;
  brokenTotal: number;
  isolationPassed: number;
  isolationTotal: number;
}

/** What one test has counted so far: nothing yet. */
function noCounts(): Counts {
  return {
    payloadsTried: [],
    injections: 0,
    executed: [],
    dangerous: 0,
    sentinelsShown: 0,
    sentinelsPlaced: 0,
    brokenHandled: 0,
    brokenTotal: 0,
    isolationPassed: 0,
    isolationTotal: 0,
  };
}

const counts: Counts = noCounts();

/**
 * Playwright starts a fresh worker after a failed test, and each worker has its own module state.
 * So each test writes what it counted to its own file under the run's output directory (which
 * Playwright empties when a run starts); the summary adds up every file there.
 */
const COUNTS_DIR = resolve(REPO_ROOT, 'test-results/hostile/counts');
const RUN_PREFIX = 'test-';

function summary(): string {
  const files = existsSync(COUNTS_DIR) ? readdirSync(COUNTS_DIR).filter((f) => f.startsWith(RUN_PREFIX)) : [];
  const all = files.map((f) => JSON.parse(readFileSync(resolve(COUNTS_DIR, f), 'utf8')) as Counts);
  const sum = (key: keyof Counts): number => all.reduce((total, c) => total + (c[key] as number), 0);
  const tried = new Set(all.flatMap((c) => c.payloadsTried));
  const executed = new Set(all.flatMap((c) => c.executed));
  return (
    `HOSTILE SUMMARY (chromium): payloads tried ${tried.size}/${PAYLOADS.length} (${sum('injections')} injections), ` +
    `executed = ${executed.size}${executed.size ? ` [${[...executed].join(', ')}]` : ''}, ` +
    `dangerous attributes reaching the overlay = ${sum('dangerous')}, ` +
    `sentinels shown ${sum('sentinelsShown')}/${sum('sentinelsPlaced')}, ` +
    `broken pages handled ${sum('brokenHandled')}/${sum('brokenTotal')}, ` +
    `isolation checks passed ${sum('isolationPassed')}/${sum('isolationTotal')}`
  );
}

test.describe.configure({ timeout: 180_000 });

test.beforeEach(() => {
  Object.assign(counts, noCounts());
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads fixtures from the pattern.
test.afterEach(({}, testInfo) => {
  mkdirSync(COUNTS_DIR, { recursive: true });
  writeFileSync(resolve(COUNTS_DIR, `${RUN_PREFIX}${testInfo.testId}.json`), JSON.stringify(counts));
});

test.afterAll(() => {
  console.log(summary());
});

/** Moves scroll and focus somewhere a reader might leave them, and records the page. */
async function settlePage(page: Page): Promise<PageSnapshot> {
  await page.evaluate(() => {
    // Through the prototype: the DOM-clobbering pages replace document.querySelector.
    const link = Document.prototype.querySelector.call(document, 'main a[href], a[href]');
    if (link instanceof HTMLElement) link.focus({ preventScroll: true });
    window.scrollTo(0, 600);
  });
  return pageSnapshot(page);
}

/** Closes with Esc (or the close button) and checks the page is exactly as before. */
async function closeAndCompare(page: Page, before: PageSnapshot, how: 'escape' | 'button'): Promise<void> {
  if (how === 'escape') await page.keyboard.press('Escape');
  else await dialogOf(page).locator('[data-action="close"]').click();
  await expect(hostOf(page)).toHaveCount(0);
  expect(snapshotDifference(before, await pageSnapshot(page)), 'page after open + close').toBeUndefined();
}

async function recordExecution(watch: TabWatch, label: string): Promise<string[]> {
  const ran = await watch.executed();
  const names = [...ran.mainWorld.map((n) => `main:${payloadByNumber(n)?.id ?? n}`), ...ran.extensionWorld.map((n) => `extension:${payloadByNumber(n)?.id ?? n}`)];
  for (const name of names) if (!counts.executed.includes(name)) counts.executed.push(name);
  return [...names, ...ran.polluted.map((p) => `${label}: polluted ${p}`)];
}

async function auditAndCount(page: Page, label: string): Promise<string[]> {
  const findings = await auditOverlay(page);
  counts.dangerous += findings.length;
  return findings.map((f) => `${label}: ${JSON.stringify(f)}`);
}

// ---------------------------------------------------------------------------------------------
// 1. Payloads

async function runPayloadPage(ext: ExtensionBrowser, generated: GeneratedPage): Promise<void> {
  for (const injection of generated.injections) if (!counts.payloadsTried.includes(injection.payload.id)) counts.payloadsTried.push(injection.payload.id);
  counts.injections += generated.injections.length;
  const { page, watch } = await openGenerated(ext, generated);
  const before = await settlePage(page);
  await watch.beginReaderPhase();
  await openReader(ext, page).catch((error: Error) => {
    throw new Error(`${error.message}\nreported in the tab: ${JSON.stringify(watch.problems())}`);
  });
  await waitSettled(page);
  const dialog = dialogOf(page);

  const findings: string[] = [];
  findings.push(...(await auditAndCount(page, 'opened')));
  await expect(dialog.locator('h1')).not.toBeEmpty();
  // A live page with payloads in its posts is still shown as a live page, posts and all.
  if (generated.name.startsWith('live-payloads')) await expect(dialog.locator('.qd-live-posts > li').first()).toBeAttached();
  // textContent, not innerText: off-screen blocks are not laid out (content-visibility: auto).
  const shown = (await dialog.textContent()) ?? '';
  for (const injection of generated.injections) {
    if (!injection.sentinel) continue;
    counts.sentinelsPlaced += 1;
    if (shown.includes(injection.sentinel)) counts.sentinelsShown += 1;
  }
  await scrollThroughOverlay(page);
  await sweepPointer(page);
  for (const script of SCRIPT_ORDER) {
    const button = dialog.locator(`[data-script="${script}"]`);
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
    findings.push(...(await auditAndCount(page, `script ${script}`)));
  }
  await scrollThroughOverlay(page);
  const ran = await recordExecution(watch, generated.name);
  expect(ran, `${generated.name}: payloads that ran once the reader opened`).toEqual([]);
  expect(findings, `${generated.name}: dangerous things in the overlay`).toEqual([]);
  expect(watch.problems(), `${generated.name}: dialogs, exceptions, console errors`).toEqual([]);
  await closeAndCompare(page, before, 'escape');
  await watch.detach();
  await page.close();
}

test.describe('payloads', () => {
  for (const generated of hostilePayloadPages()) {
    test(`${generated.name}: ${generated.injections.length} injections — nothing runs, nothing dangerous reaches the overlay`, async ({ ext }) => {
      await runPayloadPage(ext, generated);
    });
  }
  for (const generated of hostileLivePages()) {
    test(`${generated.name}: ${generated.injections.length} injections in a live page — nothing runs, nothing dangerous reaches the overlay`, async ({ ext }) => {
      await runPayloadPage(ext, generated);
    });
  }
  // Today's page kinds: bylines with photos and locations, embeds, .lite credits, gallery captions.
  for (const generated of todayKindsPayloadPages()) {
    test(`${generated.name}: ${generated.injections.length} injections in today's page kinds — nothing runs, nothing dangerous reaches the overlay`, async ({ ext }) => {
      await runPayloadPage(ext, generated);
    });
  }
  for (const generated of clobberPages()) {
    test(`DOM clobbering ${generated.name}: the reader still opens and nothing runs`, async ({ ext }) => {
      await runPayloadPage(ext, generated);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Isolation

/** Every custom property the overlay's stylesheet uses: a page that read our source would aim at them. */
function overlayCustomProperties(): string[] {
  const css = readFileSync(resolve(REPO_ROOT, 'src/reader/ui/styles.ts'), 'utf8');
  return [...new Set(css.match(/--qd-[a-z-]+/g) ?? [])];
}

/**
 * A page can redefine, with @font-face, a font family the overlay names (Noto Sans CJK …): glyphs
 * then come from the page's font. That is a known limit of any shadow-root UI (font faces are
 * document-wide); it cannot hide, move, recolour or resize anything, and the computed styles stay
 * the overlay's. So these rules are in the computed-style check but not in the pixel check.
 */
const FONT_FACE_OVERRIDES = `
@font-face { font-family: "Noto Sans CJK SC"; src: local("DejaVu Serif"); }
@font-face { font-family: "Noto Sans CJK TC"; src: local("DejaVu Serif"); }
@font-face { font-family: "Noto Serif CJK TC"; src: local("DejaVu Sans Mono"); }
@font-face { font-family: sans-serif; src: local("DejaVu Serif"); }`;

function hostileCss({ fontFaces }: { fontFaces: boolean }): string {
  const vars = overlayCustomProperties().map((name) => `${name}: 77px red "Comic Sans MS" !important;`).join(' ');
  return `<style id="qd-hostile-css">${fontFaces ? FONT_FACE_OVERRIDES : ''}
qingdu-reader, qingdu-reader * , html qingdu-reader:not(#x):not(#y) { all: initial !important; display: block !important;
  position: static !important; opacity: 0.2 !important; visibility: hidden !important; transform: scale(0.5) rotate(3deg) !important;
  filter: invert(1) blur(2px) !important; z-index: -1 !important; clip-path: inset(50%) !important; pointer-events: none !important;
  font-size: 40px !important; color: red !important; background: yellow !important; inset: auto !important; width: 10px !important; height: 10px !important; }
:host, :host(*), :host(qingdu-reader), :host-context(html), ::slotted(*), qingdu-reader::part(dialog) { color: red !important; font-size: 40px !important; display: none !important; }
html, body { color: #f0f !important; font: italic 40px/5 "Comic Sans MS", cursive !important; letter-spacing: 5px !important;
  word-spacing: 20px !important; text-transform: uppercase !important; writing-mode: vertical-rl !important; direction: rtl !important;
  text-align: right !important; text-shadow: 2px 2px red !important; cursor: wait !important; -webkit-text-fill-color: lime !important;
  text-decoration: underline wavy red !important; hyphens: auto !important; tab-size: 40 !important; quotes: "<" ">" !important; }
* { box-sizing: content-box !important; font-family: serif !important; color: red !important; border: 3px solid lime !important; margin: 7px !important; }
*::before, *::after { content: "X" !important; }
:root, html, body, qingdu-reader { ${vars} color-scheme: dark !important; accent-color: red !important; }
</style>`;
}

/**
 * The viewport as the compositor shows it, through CDP: Playwright's page.screenshot measures the
 * page first and captures the wrong area when the page's root is vertical-rl. Saved to `path`;
 * returns base64 PNG.
 */
async function captureViewport(page: Page, path: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { data } = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
  await cdp.detach();
  writeFileSync(path, Buffer.from(data, 'base64'));
  return data;
}

/** Pixels whose colour differs by more than `tolerance` levels in any channel, decoded in a blank page. */
async function changedPixels(ext: ExtensionBrowser, pngA: string, pngB: string, tolerance: number): Promise<number> {
  const page = await ext.context.newPage();
  try {
    return await page.evaluate(
      async ({ a, b, tolerance: limit }) => {
        const pixels = async (base64: string): Promise<ImageData> => {
          const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no 2d context');
          context.drawImage(bitmap, 0, 0);
          return context.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [first, second] = [await pixels(a), await pixels(b)];
        if (first.width !== second.width || first.height !== second.height) return first.width * first.height;
        let count = 0;
        for (let i = 0; i < first.data.length; i += 4) {
          for (let channel = 0; channel < 4; channel += 1) {
            if (Math.abs((first.data[i + channel] ?? 0) - (second.data[i + channel] ?? 0)) > limit) {
              count += 1;
              break;
            }
          }
        }
        return count;
      },
      { a: pngA, b: pngB, tolerance },
    );
  } finally {
    await page.close();
  }
}

/** What the overlay looks like, as computed styles of its parts and the host's box. */
async function overlayLook(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const host = document.querySelector('qingdu-reader');
    const root = host?.shadowRoot;
    if (!host || !root) return {};
    const properties = [
      'display', 'position', 'visibility', 'opacity', 'transform', 'filter', 'z-index', 'clip-path', 'pointer-events',
      'color', 'background-color', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'letter-spacing',
      'word-spacing', 'text-transform', 'writing-mode', 'direction', 'text-align', 'text-shadow', 'cursor',
      '-webkit-text-fill-color', 'text-decoration-line', 'margin-top', 'padding-top', 'border-top-width', 'width', 'height',
      'box-sizing', 'color-scheme', 'accent-color', 'quotes',
    ];
    const parts: Record<string, Element | null> = {
      host,
      dialog: root.querySelector('[role="dialog"]'),
      h1: root.querySelector('h1'),
      paragraph: root.querySelector('p:not([role])'),
      figure: root.querySelector('figure'),
      image: root.querySelector('figure img'),
      caption: root.querySelector('figcaption'),
      scriptButton: root.querySelector('[data-script="simp"]'),
      close: root.querySelector('[data-action="close"]'),
    };
    const look: Record<string, Record<string, string>> = {};
    for (const [name, element] of Object.entries(parts)) {
      if (!element) {
        look[name] = { missing: 'yes' };
        continue;
      }
      const style = getComputedStyle(element);
      const before = getComputedStyle(element, '::before').content;
      const entry: Record<string, string> = { '::before': before };
      for (const property of properties) entry[property] = style.getPropertyValue(property);
      const box = element.getBoundingClientRect();
      entry['box'] = `${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.width)}x${Math.round(box.height)}`;
      look[name] = entry;
    }
    return look;
  });
}

/** The page's own look: computed styles of its parts, and what is loaded into the document. */
async function pageLook(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const look: Record<string, string> = {
      styleSheets: String(document.styleSheets.length),
      // A sheet of print rules only (the reader's, adopted while it is open so that printing shows the
      // article alone: reader/print.ts) changes nothing on screen; any other adopted sheet would.
      adoptedStyleSheets: String(
        document.adoptedStyleSheets.filter((sheet) => !Array.from(sheet.cssRules).every((rule) => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')).length,
      ),
      fonts: String(document.fonts.size),
      topLevelElements: Array.from(document.documentElement.children).filter((e) => e.localName !== 'qingdu-reader').map((e) => e.localName).join(','),
    };
    const properties = ['display', 'color', 'background-color', 'font-family', 'font-size', 'line-height', 'margin-top', 'width', 'visibility'];
    const selectors = ['body', 'main', 'h1', 'main p', 'main a[href]', 'main figure img', 'main figcaption', 'header', 'footer'];
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (!element) continue;
      const style = getComputedStyle(element);
      look[selector] = properties.map((p) => `${p}=${style.getPropertyValue(p)}`).join(';');
    }
    const root = getComputedStyle(document.documentElement);
    look['html'] = ['display', 'color', 'background-color', 'font-family', 'font-size'].map((p) => `${p}=${root.getPropertyValue(p)}`).join(';');
    return look;
  });
}

test.describe('isolation', () => {
  test('page CSS aimed at the overlay (!important, all: initial, :host guesses, @font-face, custom properties) changes nothing in it', async ({ ext }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const looks: Record<string, Record<string, string>>[] = [];
    const shots: string[] = [];
    const cases = [
      isolationPage('isolation-clean', ''),
      isolationPage('isolation-hostile-css', hostileCss({ fontFaces: false })),
      isolationPage('isolation-hostile-css-and-fonts', hostileCss({ fontFaces: true })),
    ];
    for (const generated of cases) {
      counts.isolationTotal += generated.name.includes('hostile') ? 1 : 0;
      const { page, watch } = await openGenerated(ext, generated);
      await watch.beginReaderPhase();
      await openReader(ext, page);
      await waitSettled(page);
      looks.push(await overlayLook(page));
      shots.push(await captureViewport(page, resolve(SCREENSHOTS, `${generated.name}.png`)));
      expect(watch.problems()).toEqual([]);
      await page.keyboard.press('Escape');
      await watch.detach();
      await page.close();
    }
    const [clean, hostile, hostileWithFonts] = looks;
    expect(hostile, 'overlay computed styles with hostile page CSS').toEqual(clean);
    expect(hostileWithFonts, 'overlay computed styles with hostile page CSS and @font-face').toEqual(clean);
    counts.isolationPassed += 1;
    // Same computed styles must also render the same. Anti-aliasing at the photo's rounded corners
    // may differ by a few colour levels when the page behind lays out differently, so a pixel
    // counts as changed when a channel differs by more than 4 of 255.
    const changed = await changedPixels(ext, shots[0] ?? '', shots[1] ?? '', 4);
    expect(changed, 'overlay pixels changed by hostile page CSS (test-results/hostile/*.png)').toBe(0);
    counts.isolationPassed += 1;
  });

  test('the overlay changes nothing in the page’s look while open, and leaves nothing behind', async ({ ext }) => {
    counts.isolationTotal += 1;
    const generated = isolationPage('isolation-page-look', '');
    const { page, watch } = await openGenerated(ext, generated);
    const before = await settlePage(page);
    const lookBefore = await pageLook(page);
    const adoptedBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
    await watch.beginReaderPhase();
    await openReader(ext, page);
    await waitSettled(page);
    await dialogOf(page).locator('[data-script="tw"]').click();
    await expect(dialogOf(page).locator('[data-script="tw"]')).toHaveAttribute('aria-pressed', 'true');
    expect(await pageLook(page), 'page look while the overlay is open').toEqual(lookBefore);
    await closeAndCompare(page, before, 'button');
    expect(await pageLook(page), 'page look after close').toEqual(lookBefore);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length), 'adopted style sheets after close').toBe(adoptedBefore);
    expect(watch.problems()).toEqual([]);
    await watch.detach();
    await page.close();
    counts.isolationPassed += 1;
  });

  test('page scripts grabbing keys, stealing focus and rewriting the DOM do not break the reader', async ({ ext }) => {
    counts.isolationTotal += 1;
    const busyPage = `<script>
      window.__qdKeys = [];
      addEventListener('keydown', function (e) { __qdKeys.push('window:' + e.key); if (e.key !== 'Escape') e.preventDefault(); }, true);
      document.addEventListener('keydown', function (e) { __qdKeys.push('document:' + e.key); e.preventDefault(); });
      document.addEventListener('keydown', function (e) {
        if (e.key === '2') { var box = document.getElementById('qd-page-search'); if (box) box.focus(); }
      }, true);
      document.addEventListener('focusin', function (e) { __qdKeys.push('focusin:' + (e.target && e.target.id)); });
      var n = 0;
      setInterval(function () {
        n++;
        var main = document.querySelector('main');
        var p = document.createElement('p'); p.textContent = '動態段落 ' + n; p.className = 'qd-dynamic';
        if (main) main.appendChild(p);
        var old = document.querySelectorAll('.qd-dynamic'); if (old.length > 3) old[0].remove();
        document.body.className = 'tick-' + n;
        document.title = '更新 ' + n;
        var ad = document.createElement('div'); ad.className = 'qd-ad'; document.documentElement.appendChild(ad);
        var ads = document.querySelectorAll('.qd-ad'); if (ads.length > 2) ads[0].remove();
      }, 50);
      new MutationObserver(function (records) {
        records.forEach(function (r) { r.addedNodes.forEach(function (node) {
          if (node.nodeType === 1 && node.localName !== 'div' && node.localName !== 'p') { node.setAttribute('data-seen-by-page', '1'); }
        }); });
      }).observe(document.documentElement, { childList: true, subtree: true });
    </script>`;
    const generated = isolationPage('isolation-busy-page', busyPage, '<input id="qd-page-search" aria-label="搜尋">');
    const { page, watch } = await openGenerated(ext, generated);
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('main a[href]')?.focus({ preventScroll: true });
      window.scrollTo(0, 800);
    });
    const focusedBefore = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await watch.beginReaderPhase();
    await openReader(ext, page);
    await waitSettled(page);
    const dialog = dialogOf(page);
    // Keys in the overlay still work: script key, size keys, then buttons, then Esc.
    await page.keyboard.press('2');
    await expect(dialog).toHaveAttribute('lang', 'zh-Hans', { timeout: 30_000 });
    await dialog.locator('[data-script="hk"]').click();
    await expect(dialog).toHaveAttribute('lang', 'zh-Hant-HK', { timeout: 30_000 });
    await expect(dialog.locator('h1')).not.toBeEmpty();
    expect(await auditAndCount(page, 'busy page')).toEqual([]);
    await dialog.locator('[data-action="close"]').focus();
    await page.keyboard.press('Escape');
    await expect(hostOf(page)).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(focusedBefore);
    expect(await recordExecution(watch, generated.name)).toEqual([]);
    expect(watch.problems()).toEqual([]);
    await watch.detach();
    await page.close();
    counts.isolationPassed += 1;
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Broken pages

test.describe('broken pages', () => {
  for (const broken of brokenPages()) {
    test(`${broken.name} (${broken.expect}): ${broken.note}`, async ({ ext }) => {
      counts.brokenTotal += 1;
      const stillLoading = (broken.hangingUrls ?? []).length > 0;
      const { page, watch, release } = await openGenerated(ext, broken, { waitForLoad: !stillLoading });
      if (stillLoading) await page.waitForFunction(() => document.querySelectorAll('main p').length > 5);
      const before = await settlePage(page);
      await watch.beginReaderPhase();
      const dialog = dialogOf(page);
      if (broken.expect === 'message') {
        // A BBC page that is not an article may get the page-level notice instead of the overlay.
        await clickToolbarButton(ext, page);
        await expect(dialog.or(noticeOf(page)).first()).toBeVisible();
        if (await noticeOf(page).count()) {
          expect((await noticeOf(page).innerText()).trim(), 'the notice says something').not.toBe('');
          await expect(hostOf(page)).toHaveCount(0);
          await expect(noticeOf(page)).toHaveCount(0, { timeout: 15_000 });
          expect(snapshotDifference(before, await pageSnapshot(page))).toBeUndefined();
          expect(watch.problems()).toEqual([]);
          await watch.detach();
          await page.close();
          counts.brokenHandled += 1;
          return;
        }
      } else {
        // A page still being parsed must get the overlay (in its loading state) at once.
        await openReader(ext, page, stillLoading ? 15_000 : undefined);
      }

      if (stillLoading) {
        // While the page is still being parsed the overlay says so (it is not blank) …
        expect((await dialog.innerText()).trim()).not.toBe('');
        await closeAndCompare(page, before, 'escape');
        // … and once the page has arrived, a click shows the result.
        await release();
        await page.waitForLoadState('load');
        await openReader(ext, page);
      }
      await waitSettled(page);
      const text = (await dialog.innerText()).trim();
      expect(text, 'the overlay is not blank').not.toBe('');
      const isArticle = (await dialog.locator('[data-script]').count()) > 0;
      if (broken.expect === 'article') expect(isArticle, 'shows the article').toBe(true);
      if (broken.expect === 'message') expect(isArticle, 'shows a message').toBe(false);
      if (isArticle) {
        await expect(dialog.locator('h1')).not.toBeEmpty();
        expect(await dialog.locator('p').count()).toBeGreaterThan(0);
        await dialog.locator('[data-script="simp"]').click();
        await expect(dialog).toHaveAttribute('lang', 'zh-Hans', { timeout: 30_000 });
      } else {
        const original = dialog.locator(`a[href="${broken.url}"]`);
        await expect(original, 'a link to the original page').toHaveCount(1);
      }
      await scrollThroughOverlay(page);
      // The tab answers (not frozen).
      expect(await page.evaluate(() => document.readyState)).not.toBe('');
      expect(await auditAndCount(page, broken.name)).toEqual([]);
      expect(await recordExecution(watch, broken.name)).toEqual([]);
      expect(watch.problems(), 'no exception or console error').toEqual([]);
      if (stillLoading) {
        await page.keyboard.press('Escape');
        await expect(hostOf(page)).toHaveCount(0);
      } else {
        await closeAndCompare(page, before, 'button');
      }
      await watch.detach();
      await page.close();
      counts.brokenHandled += 1;
    });
  }
});
