// Driving Debian's Chromium with the built extension (dist/chrome), for the e2e suites, the bench
// and `npm start`. What it gives:
//   launchChromiumWithExtension()  a persistent context with the extension loaded, offline
//                                  (unless `serve: 'none'`: then the caller serves the pages)
//   serveOffline(context)          BBC pages answered from fixtures at their real URLs (pages.ts)
//   clickToolbarButton(ext, page)  a real toolbar click (CDP Extensions.triggerAction)
//   openReaderByClick(ext, page)   the reader opened by that click, once the button offers it
//   tabTargetId(ext, page)         the tab's CDP target (for timing a click without the lookup)
//   ext.worker.evaluate(fn, arg)   run code in the extension's service worker (chrome.* APIs)
//   tabIdOf(ext, page)             the chrome.tabs id of a Playwright page
//   hostOf(page), dialogOf(page)   the overlay's host element and dialog
// Recipes from docs/TESTING.md; every helper says why it is done this way.

import type { BrowserContext, CDPSession, Locator, Page, Worker } from 'playwright-core';
import type Browser from 'webextension-polyfill';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_CHROME, offlineAnswer } from './pages.ts';

/** `chrome.*` as seen by code passed to `worker.evaluate` (it runs in the service worker, not here). */
declare const chrome: Browser.Browser;

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker: `worker.evaluate(fn, arg)` runs code with `chrome.*` there. */
  worker: Worker;
  extensionId: string;
  /** A browser-level CDP session (Extensions.triggerAction, Target.getTargets). */
  cdp: CDPSession;
}

export interface LaunchOptions {
  /** Defaults to true; `npm start` passes false to show the browser. */
  headless?: boolean;
  /** Defaults to dist/chrome. */
  extensionPath?: string;
  /** Window size for headed runs and screenshots. */
  viewport?: { width: number; height: number };
  /**
   * A phone instead of a desktop window: 390 × 844 CSS px at 3 device pixels per px, touch, and
   * mobile layout (the page's `<meta name=viewport>` is honoured, as on a phone).
   */
  phone?: boolean;
  colorScheme?: 'light' | 'dark';
  /** A profile directory to keep between launches (storage, shortcuts); default: a fresh temporary one. */
  userDataDir?: string;
  /**
   * How pages are served. 'route' (the default): `serveOffline`. 'none': nothing is served and
   * nothing is routed; the caller must serve every http(s) request itself before the first
   * navigation (the bench does, test/bench/serve.ts, so the extension's own files load unpaused).
   */
  serve?: 'route' | 'none';
  /** More unpacked extensions to load beside ours (the bench's plain Readability peer). */
  alsoLoad?: string[];
  /** More command-line switches (e.g. `--enable-speech-dispatcher` for real voices). */
  args?: string[];
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE_VIEWPORT = { width: 390, height: 844 };

export async function launchChromiumWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionPath = options.extensionPath ?? DIST_CHROME;
  const extensions = [extensionPath, ...(options.alsoLoad ?? [])].join(',');
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    // New headless mode loads extensions; the old one did not.
    headless: options.headless ?? true,
    viewport: options.viewport ?? (options.phone ? PHONE_VIEWPORT : { width: 1280, height: 900 }),
    ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
    colorScheme: options.colorScheme ?? 'light',
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      // Needed by Extensions.triggerAction (the real toolbar click).
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      ...(options.args ?? []),
    ],
  });
  try {
    if ((options.serve ?? 'route') === 'route') await serveOffline(context);
    const worker = await extensionWorker(context, extensionPath);
    const extensionId = new URL(worker.url()).host;
    const browser = context.browser();
    if (!browser) throw new Error('no Browser behind the persistent context: cannot open a browser CDP session');
    // A browser-level session: Target.getTargets and Extensions.triggerAction are not page commands.
    const cdp = await browser.newBrowserCDPSession();
    return { context, worker, extensionId, cdp };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * The service worker of the extension built at `extensionPath`: the one whose script is its
 * manifest's `background.service_worker` (with other extensions loaded, the first worker may be theirs).
 */
export async function extensionWorker(context: BrowserContext, extensionPath: string): Promise<Worker> {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
  const script = manifest.background?.service_worker;
  if (!script) throw new Error(`${extensionPath}/manifest.json names no background.service_worker`);
  const isOurs = (worker: Worker): boolean => new URL(worker.url()).pathname === `/${script}`;
  return context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
}

/**
 * Answers every request from fixtures (see `offlineAnswer`): the production manifest's content
 * scripts match the real BBC URLs, and nothing ever reaches the network. Playwright's routing
 * pauses every request of the context on its way, the extension's own files (`chrome-extension://`)
 * included, which it lets through unchanged; that costs each a round trip through this process.
 */
export async function serveOffline(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (!/^https?:/.test(url)) return route.continue();
    const answer = offlineAnswer(url, request.resourceType());
    switch (answer.kind) {
      case 'page':
      case 'image':
        return route.fulfill({ status: 200, body: answer.body, contentType: answer.contentType });
      case 'redirect':
        return route.fulfill({ status: 301, headers: { location: answer.location } });
      case 'refuse':
        return route.abort('blockedbyclient');
    }
  });
}

/** The reader's host element in a page (the automation contract's `qingdu-reader`). */
export function hostOf(page: Page): Locator {
  return page.locator('qingdu-reader');
}

/** The reader's dialog, inside the host's open shadow root (Playwright's locators pierce it). */
export function dialogOf(page: Page): Locator {
  return page.locator('qingdu-reader [role="dialog"]');
}

/** Opens `url` in a new tab and waits until the document is parsed. */
export async function openPage(ext: ExtensionBrowser, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/**
 * The CDP target id of a page's tab (`Extensions.triggerAction` needs a target of type `tab`).
 * Found by URL; right after a navigation commits the tab target may still show the previous URL
 * for a moment, so it is looked for again for up to 2 s.
 */
export async function tabTargetId(ext: ExtensionBrowser, page: Page): Promise<string> {
  const url = page.url();
  for (let waited = 0; ; waited += 20) {
    const { targetInfos } = await ext.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const matches = targetInfos.filter((target) => target.url === url);
    if (matches.length === 1) return matches[0]!.targetId;
    if (matches.length > 1 || waited >= 2000) {
      throw new Error(`expected one tab at ${url}, found ${matches.length}; open each URL in one tab only`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Clicks the extension's toolbar button for this tab, exactly as a user's click (fires action.onClicked). */
export async function clickToolbarButton(ext: ExtensionBrowser, page: Page): Promise<void> {
  const targetId = await tabTargetId(ext, page);
  await ext.cdp.send('Extensions.triggerAction', { id: ext.extensionId, targetId });
}

/**
 * Opens the reader as a reader does: once the page has loaded and the button offers the reader
 * (its title, set when the detector has reported the page), a real toolbar click; then waits for
 * the overlay.
 */
export async function openReaderByClick(ext: ExtensionBrowser, page: Page): Promise<void> {
  await page.waitForLoadState('load');
  for (let waited = 0; !/^Read in Qingdu/.test((await toolbarButton(ext, page)).title); waited += 50) {
    if (waited >= 10_000) throw new Error(`the button never offered the reader on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await clickToolbarButton(ext, page);
  await dialogOf(page).waitFor({ state: 'visible' });
}

/**
 * The `chrome.tabs` id of a page. The worker may only read URLs of tabs it has host access to, so
 * the page is brought to the front and identified as the active tab.
 */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await ext.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error('no active tab');
  return id;
}

/**
 * What the button says in this tab. Not whether it is enabled: Chrome's `action.isEnabled` answers
 * false in every tab where declarative rules enable the button (ours do, on BBC 中文 pages), even
 * after an explicit `enable`. Whether a click gets through is what `clicksDelivered` measures.
 */
export interface ToolbarButtonState {
  title: string;
}

export async function toolbarButton(ext: ExtensionBrowser, page: Page): Promise<ToolbarButtonState> {
  const tabId = await tabIdOf(ext, page);
  return ext.worker.evaluate(async (id: number) => ({ title: await chrome.action.getTitle({ tabId: id }) }), tabId);
}

/**
 * How many toolbar clicks the browser delivered to the extension while `during` ran: a disabled
 * (greyed) button delivers none. Counted by a second `action.onClicked` listener in the worker,
 * removed afterwards.
 */
export async function clicksDelivered(ext: ExtensionBrowser, during: () => Promise<void>): Promise<number> {
  type ClickCounter = { qingduTestClicks: number; qingduTestListener?: () => void };
  await ext.worker.evaluate(() => {
    const world = globalThis as unknown as ClickCounter;
    world.qingduTestClicks = 0;
    world.qingduTestListener = () => void (world.qingduTestClicks += 1);
    chrome.action.onClicked.addListener(world.qingduTestListener);
  });
  await during();
  return ext.worker.evaluate(() => {
    const world = globalThis as unknown as ClickCounter;
    if (world.qingduTestListener) chrome.action.onClicked.removeListener(world.qingduTestListener);
    return world.qingduTestClicks;
  });
}
