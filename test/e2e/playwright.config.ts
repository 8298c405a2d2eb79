// Playwright runs every `*.spec.ts` under test/e2e (the Chromium suites in chromium/, the reader-UI
// harness in ui-harness/, the options page suite) against the built extension in Debian's Chromium. Build first
// (`npm run build`); `npm test` does. One worker: the machine has two cores and each suite keeps
// one browser with the extension for all its tests. The Firefox suite is not Playwright's (it uses
// puppeteer-core over WebDriver BiDi): see test/e2e/firefox/.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  testIgnore: 'firefox/**',
  outputDir: '../../test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: { trace: 'off' },
});
