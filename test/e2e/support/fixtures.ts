// Playwright test fixtures for the Chromium suites: one Chromium with the built extension per test
// file (worker scope), shared by its tests; each test opens its own tabs and closes them.
//
//   import { test, expect } from '../support/fixtures.ts';
//   test('…', async ({ ext }) => { const page = await openPage(ext, url); … });
import { test as base } from '@playwright/test';
import { launchChromiumWithExtension, type ExtensionBrowser, type LaunchOptions } from './chromium.ts';

function withChromium(options: LaunchOptions) {
  return base.extend<object, { ext: ExtensionBrowser }>({
    ext: [
      // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
      async ({}, use) => {
        const ext = await launchChromiumWithExtension(options);
        await use(ext);
        await ext.context.close();
      },
      { scope: 'worker' },
    ],
  });
}

export const test = withChromium({});
/** The same on a phone: 390 × 844, touch, 3× pixels, mobile viewport handling. */
export const phoneTest = withChromium({ phone: true });

export { expect } from '@playwright/test';
