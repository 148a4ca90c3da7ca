/**
 * The build a run measures: made by WXT into a private temporary folder, so that nobody else's
 * build rewrites it mid-run and the run rewrites nobody's .output. Same configuration as
 * `npm run build:chrome` (wxt.config.ts); only the output folder differs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'wxt';

export interface BenchBuild {
  /** The chrome-mv3 folder: what the extension loads from. */
  dir: string;
  remove(): void;
}

/** WXT's log, but quiet: stdout is for the table; problems still go to stderr. */
const quietLogger = {
  debug() {},
  log() {},
  info() {},
  success() {},
  warn: (...args: unknown[]) => console.error(...args),
  error: (...args: unknown[]) => console.error(...args),
  fatal: (...args: unknown[]) => console.error(...args),
  level: 1,
};

export async function buildForBench(root: string): Promise<BenchBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'postulo-bench-build-'));
  try {
    await build({ root, outDir, browser: 'chrome', logger: quietLogger });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return { dir: join(outDir, 'chrome-mv3'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
