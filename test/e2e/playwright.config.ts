// Playwright runs every `*.spec.ts` under test/e2e (the Chromium suites in chromium/, the reader-UI
// harness in ui-harness/, the options page suites, and the Firefox suites, where puppeteer-core
// drives Firefox ESR and Playwright's runner only schedules) against the built extension. Build first
// (`npm run build`); `npm test` does. One worker: the machine has two cores and each suite keeps
// one browser with the extension for all its tests.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results',
  workers: 1,
  fullyParallel: false,
  // No retries: a test that fails once has found something (a click once lost 1 in 15 times was a
  // real race in the extension, not noise).
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: { trace: 'off' },
});
