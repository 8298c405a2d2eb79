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
  // One retry in CI only, reported as "flaky" in the output. Known cause (open bug): the first
  // toolbar click soon after the browser starts is sometimes lost (about 1 in 10 in the options
  // suite, fresh or restarted profile; a second click opens the reader). Locally never retried.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: { trace: 'off' },
});
