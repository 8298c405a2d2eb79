// Unit and corpus tests run in Node (Vitest). Browser suites live in test/e2e and run separately.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/corpus/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
