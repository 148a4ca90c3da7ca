/**
 * The real-browser suite: Chromium with the built extension (`npm run test:e2e` builds it first).
 * One browser at a time, so files run one after the other.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import '../support/node-polyfills.ts';

export default defineConfig({
  // Paths are the project's, whether this file is used alone or as a project of the root config.
  root: resolve(import.meta.dirname, '../..'),
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    // After the unit tests, never beside them: two browsers and a unit run on two cores make
    // timings (and so waits) unpredictable.
    sequence: { groupOrder: 1 },
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
