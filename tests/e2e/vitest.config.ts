/**
 * The real-browser suite: Chromium with the built extension (`npm run test:e2e` builds it first).
 * One browser at a time, so files run one after the other.
 */
import { defineConfig } from 'vitest/config';
import '../support/node-polyfills.ts';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
