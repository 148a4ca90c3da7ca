/**
 * One Vitest run, two projects, so a run ends with one summary line:
 * - unit: everything under tests/unit, in happy-dom with the WXT fake browser and an in-memory IndexedDB;
 * - e2e: the real-browser suite (tests/e2e/vitest.config.ts), run after the unit tests, one file at a
 *   time; it needs the builds (`npm run build`), which `npm test` and `npm run test:e2e` make first.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import './tests/support/node-polyfills.ts';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      './tests/e2e/vitest.config.ts',
    ],
  },
});
