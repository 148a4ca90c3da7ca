/**
 * The real-browser suite: Chromium with the built extension (`npm run test:e2e` builds it first).
 * One browser at a time, so files run one after the other.
 */
import { defineConfig } from 'vitest/config';

// Vitest 5 prints failures with Map.groupBy (Node ≥ 21); on Node 20 the report itself crashes and
// hides the failure. This config runs in the main process, where the reporter runs.
if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}

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
