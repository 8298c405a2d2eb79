// Screenshots of the reader UI for people to look at: starts the harness's Vite dev server on
// loopback, opens it in Debian's Chromium (headless) and saves PNGs of the overlay in each theme,
// both scripts, with photos, a broken photo, the video card, the loading and error states, and a
// phone-sized viewport. It runs axe-core over the overlay in each, and checks, in a real layout, that a script switch keeps the paragraph
// the reader was on where it was.
//
//   npx tsx test/e2e/ui-harness/screenshots.ts [outDir]      (default: <tmp>/qingdu-ui-shots)
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';

const here = import.meta.dirname;
const outDir = resolve(process.argv[2] ?? join(tmpdir(), 'qingdu-ui-shots'));
mkdirSync(outDir, { recursive: true });

const server = await createServer({ configFile: join(here, 'vite.config.ts'), server: { port: 0 } });
await server.listen();
const address = server.httpServer?.address();
if (!address || typeof address === 'string') throw new Error('no server address');
const base = `http://127.0.0.1:${address.port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});

/** Opens the harness with these query parameters and waits until the overlay and its fonts are ready. */
async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${base}?${query}`);
  await page.locator('qingdu-reader [role="dialog"]').waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** Scrolls the overlay so that the element matching `selector` is just under the toolbar. */
async function scrollTo(page: Page, selector: string, nth: number): Promise<void> {
  await page.evaluate(
    ({ selector, nth }) => {
      const root = document.querySelector('qingdu-reader')?.shadowRoot;
      const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
      const target = root?.querySelectorAll<HTMLElement>(selector)[nth];
      const toolbar = root?.querySelector<HTMLElement>('.qd-toolbar');
      if (!dialog || !target) throw new Error(`nothing matches ${selector}`);
      dialog.scrollTop += target.getBoundingClientRect().top - (toolbar?.offsetHeight ?? 0) - 24;
    },
    { selector, nth },
  );
  // Lazy photos that just came into view.
  await page.waitForFunction(() =>
    [...(document.querySelector('qingdu-reader')?.shadowRoot?.querySelectorAll('img') ?? [])].every(
      (img) => {
        const { top, bottom } = img.getBoundingClientRect();
        return img.complete || top > innerHeight || bottom < 0;
      },
    ),
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path });
  console.log(path);
}

/** Switches with the script's key (1–4), as a reader would while reading. (A Playwright click would
 * first scroll the sticky button "into view", moving the page itself.) */
async function switchScript(page: Page, script: string): Promise<void> {
  const key = { original: '1', simp: '2', tw: '3', hk: '4' }[script];
  if (!key) throw new Error(`no key for ${script}`);
  await page.keyboard.press(key);
  await page.locator(`qingdu-reader [data-script="${script}"][aria-pressed="true"]:not([aria-busy])`).waitFor();
}

/** Where paragraph `index` is in the viewport. */
async function blockTop(page: Page, index: number): Promise<number> {
  return page.evaluate((index) => {
    const el = document.querySelector('qingdu-reader')?.shadowRoot?.querySelector(`[data-block="${index}"]`);
    if (!el) throw new Error(`no block ${index}`);
    return el.getBoundingClientRect().top;
  }, index);
}

/** One screenshot: the harness opened with `query`, scrolled to `at` (selector, index) if given. */
interface Shot {
  name: string;
  query: string;
  at?: [string, number];
  /** The system colour scheme the page sees (for theme=system). */
  colorScheme?: 'light' | 'dark';
}

const DESKTOP_SHOTS: Shot[] = [
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
];

const PHONE_SHOTS: Shot[] = [
  { name: 'phone-light-top', query: 'theme=light&ui=zh_TW' },
  { name: 'phone-light-photo', query: 'theme=light&ui=zh_TW', at: ['figure', 1] },
];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core over the overlay only (the harness page under it is ugly on purpose). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
    };
    const result = await axe.run({ include: [['qingdu-reader']] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

async function take(page: Page, shot: Shot): Promise<void> {
  await page.emulateMedia({ colorScheme: shot.colorScheme ?? 'light' });
  await open(page, shot.query);
  // A default script other than 原文 converts on open: wait until it is on screen.
  const script = new URLSearchParams(shot.query).get('script');
  if (script) await page.locator(`qingdu-reader [data-script="${script}"][aria-pressed="true"]:not([aria-busy])`).waitFor();
  if (shot.at) await scrollTo(page, ...shot.at);
  await shoot(page, shot.name);
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`axe-core, ${shot.name}:\n${violations.join('\n')}`);
}

try {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const shot of DESKTOP_SHOTS) await take(desktop, shot);

  // Script switching in a real layout: the paragraph being read stays where it was.
  await open(desktop, 'theme=light&ui=zh_CN');
  await scrollTo(desktop, '[data-block="30"]', 0);
  const before = await blockTop(desktop, 30);
  await switchScript(desktop, 'simp');
  const after = await blockTop(desktop, 30);
  console.log(`block 30 top: ${before.toFixed(1)} before the switch to 简体, ${after.toFixed(1)} after`);
  if (Math.abs(after - before) > 2) throw new Error('the switch moved the paragraph being read');
  await shoot(desktop, 'light-simp-middle');

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  for (const shot of PHONE_SHOTS) await take(phone, shot);
} finally {
  await browser.close();
  await server.close();
}
