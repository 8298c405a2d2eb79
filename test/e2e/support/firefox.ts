// Driving Debian's Firefox ESR with the built extension (dist/firefox) through puppeteer-core over
// WebDriver BiDi, for the Firefox suites:
//   launchFirefoxWithExtension()  Firefox with the add-on installed (temporary, unsigned), offline
//   serveOfflineInFirefox(page)   BBC pages answered from fixtures at their real URLs (pages.ts)
//   EXTENSION_ORIGIN              the add-on's moz-extension:// origin, fixed by a pref
//   openOptionsPage(browser)      the add-on's options page, where `browser.*` is available to a test
//   storeSettings(browser, …)     settings written to storage as the options page writes them
//   firefoxOpeningArticles()      one such Firefox per describe block, opening the reader by itself
// Firefox has no CDP `Extensions.triggerAction`: suites open the reader with the real keyboard
// shortcut or the autoOpen setting, both of which reach the same background function as a click.

import { test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { SETTINGS_VERSION, type Settings } from '../../../src/core/settings.ts';
import { DIST_FIREFOX, offlineAnswer, type OfflineAnswer } from './pages.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** `browser_specific_settings.gecko.id` in manifest.json. */
export const ADDON_ID = 'qingdu@qingdu.invalid';
/** The add-on's internal UUID is random per profile; `extensions.webextensions.uuids` fixes it. */
export const ADDON_UUID = '0b7e3c2a-5f41-4d8e-9c6a-1e2f3a4b5c6d';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
export const OPTIONS_URL = `${EXTENSION_ORIGIN}/src/options/index.html`;

export interface FirefoxLaunchOptions {
  extensionPath?: string;
  headless?: boolean;
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    // BiDi may navigate to moz-extension:// pages (options, tests of storage) only with this flag.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'intl.accept_languages': 'zh-CN, zh',
    },
  });
  try {
    const installed = await browser.installExtension(options.extensionPath ?? DIST_FIREFOX);
    if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Answers every request of `page` from fixtures (see `offlineAnswer`): nothing reaches the network.
 * A suite serving pages of its own passes an `answerFor` that falls back to `offlineAnswer`.
 */
export async function serveOfflineInFirefox(
  page: Page,
  answerFor: (url: string) => OfflineAnswer = offlineAnswer,
): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/.test(url)) return void request.continue();
    // BiDi requests have no resourceType(); images are told apart by their URL.
    const answer = answerFor(url);
    switch (answer.kind) {
      case 'page':
      case 'image':
        return void request.respond({ status: 200, body: answer.body, contentType: answer.contentType });
      case 'redirect':
        return void request.respond({ status: 301, headers: { location: answer.location } });
      case 'refuse':
        return void request.abort();
    }
  });
}

/**
 * The add-on's options page in a new tab: an extension page, where `browser.*` is available to the
 * test. The navigation moves the tab into the extension process, so the driver never hears
 * "loaded": it is started, and the page's own readiness awaited instead.
 */
export async function openOptionsPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  page.goto(OPTIONS_URL).catch(() => undefined);
  await pollUntilReady(page, () => 'browser' in globalThis && document.readyState !== 'loading');
  return page;
}

/**
 * Polls `ready` in the page by hand until it is true. Not puppeteer's `waitForFunction`: while the tab
 * moves into another process, Firefox's BiDi can answer an evaluation from a realm that is going away
 * (seen: "right-hand side of 'in' should be an object, got null", 2 of 40 tries), and
 * `waitForFunction` gives up on the first such error. Here an evaluation that fails is simply asked
 * again; only the deadline ends the wait, with the last error in its message.
 */
async function pollUntilReady(page: Page, ready: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(ready)) return;
    } catch (error) {
      lastError = error; // the realm was replaced under the evaluation: ask the new one
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${page.url()} was not ready after ${timeoutMs} ms`, { cause: lastError });
}

/** Writes settings to storage.sync through the options page, as the page itself stores them. */
export async function storeSettings(browser: Browser, settings: Partial<Settings>): Promise<void> {
  type SyncStorage = { browser: { storage: { sync: { set: (items: Record<string, unknown>) => Promise<void> } } } };
  const page = await openOptionsPage(browser);
  await page.evaluate(
    (value) => (globalThis as unknown as SyncStorage).browser.storage.sync.set({ settings: value }),
    { version: SETTINGS_VERSION, ...settings },
  );
  await page.close();
}

/** A new tab answered from fixtures (`serveOfflineInFirefox`), navigated to `url`. */
export async function openOfflinePage(
  browser: Browser,
  url: string,
  waitUntil: 'load' | 'domcontentloaded' = 'load',
): Promise<Page> {
  const page = await browser.newPage();
  await serveOfflineInFirefox(page);
  await page.goto(url, { waitUntil });
  return page;
}

/** An attribute of the overlay's dialog, or undefined while there is no overlay. */
export function overlayAttribute(page: Page, name: string): Promise<string | null | undefined> {
  return page.evaluate(
    (attribute) =>
      document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[role="dialog"]')?.getAttribute(attribute),
    name,
  );
}

/**
 * The overlay's text (white space collapsed), or undefined while there is no overlay. textContent,
 * not innerText: off-screen blocks are not laid out (content-visibility: auto).
 */
export function overlayText(page: Page, selector = '[role="dialog"]'): Promise<string | undefined> {
  return page.evaluate(
    (inside) =>
      (document.querySelector('qingdu-reader')?.shadowRoot?.querySelector<HTMLElement>(inside)?.textContent ?? undefined)
        ?.replace(/\s+/g, ' ')
        .trim(),
    selector,
  );
}

/**
 * One Firefox with the add-on for the enclosing describe block, launched before its tests and closed
 * after them, with "open automatically" on: the suites' way to open the reader, since a driver cannot
 * press Firefox's toolbar button or shortcut. Read `.browser` inside a test or hook.
 */
export function firefoxOpeningArticles(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  test.beforeAll(async () => {
    browser = await launchFirefoxWithExtension();
    await storeSettings(browser, { autoOpen: true });
  });
  test.afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('Firefox is launched in beforeAll: read .browser inside a test');
      return browser;
    },
  };
}
