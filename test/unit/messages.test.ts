// extensionApi() must not take a clobbered page global for the WebExtension API: page ids and names
// reach the content script's world, and a Chrome without a real `browser` would otherwise use a form.
import { afterEach, describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import { extensionApi } from '../../src/messages.ts';

const scope = globalThis as { browser?: unknown; chrome?: unknown };

afterEach(() => {
  delete scope.browser;
  delete scope.chrome;
});

describe('extensionApi', () => {
  const page = new JSDOM('<form id=browser><input name=runtime id=qd-clobbered></form>').window;
  // What the page's named properties give a script that asks for `browser`: the form (jsdom gives
  // this much), whose `runtime` is the input (a browser's form named getter; jsdom lacks it, so it
  // is added here as browsers expose it).
  const clobbered = (page as unknown as { browser: unknown }).browser;
  Object.defineProperty(clobbered, 'runtime', { value: page.document.querySelector('input[name=runtime]') });
  const realChrome = { runtime: { getURL: (path: string) => `chrome-extension://id/${path}` } };

  test('the page clobbers `browser` with a form whose runtime is an input', () => {
    expect(clobbered).toBeInstanceOf(page.HTMLFormElement);
    expect((clobbered as { runtime: unknown }).runtime).toBeInstanceOf(page.HTMLInputElement);
  });

  test('a clobbered `browser` is passed over for the real `chrome`', () => {
    scope.browser = clobbered;
    scope.chrome = realChrome;
    expect(extensionApi()).toBe(realChrome);
  });

  test('a real `browser` (Firefox) is used first', () => {
    const realBrowser = { runtime: { getURL: () => 'moz-extension://id/' } };
    scope.browser = realBrowser;
    scope.chrome = realChrome;
    expect(extensionApi()).toBe(realBrowser);
  });

  test('with only clobbered globals there is no API, and it says so', () => {
    scope.browser = clobbered;
    scope.chrome = page.document.createElement('img');
    expect(() => extensionApi()).toThrow(/no WebExtension API/);
  });
});
