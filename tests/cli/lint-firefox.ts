/**
 * npm run lint:firefox [-- DIR]   (DIR: the Firefox build, .output/firefox-mv3 by default)
 * Runs `web-ext lint` on the build and fails on any error and on any warning that is not one of
 * the bundled libraries' understood ones (see firefox-lint-rules.ts), each printed with its reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeMessage, judgeLint, type LintReport, textAround } from './firefox-lint-rules';

const ROOT = resolve(import.meta.dirname, '../..');
// WXT names the folder after the manifest version it builds for Firefox.
const DEFAULT_DIRS = ['.output/firefox-mv3', '.output/firefox-mv2'].map((dir) => join(ROOT, dir));

const sourceDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DIRS.find((dir) => existsSync(dir));
if (!sourceDir || !existsSync(join(sourceDir, 'manifest.json'))) {
  process.stderr.write('lint:firefox: no Firefox build found: run npm run build:firefox (or pass its folder)\n');
  process.exit(2);
}

const webExt = join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
const run = spawnSync(
  process.execPath,
  [webExt, 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
let report: LintReport;
try {
  report = JSON.parse(run.stdout) as LintReport;
} catch {
  process.stderr.write(`lint:firefox: web-ext lint gave no report (exit ${run.status})\n${run.stderr}\n`);
  process.exit(2);
}

const verdict = judgeLint(report, (file, line, column) => {
  const path = join(sourceDir, file);
  return existsSync(path) ? textAround(readFileSync(path, 'utf8'), line, column) : null;
});

for (const { message, rule } of verdict.understood)
  process.stdout.write(`understood  ${describeMessage(message)}\n            (${rule.library}: ${rule.why})\n`);
for (const message of verdict.problems) process.stdout.write(`PROBLEM     ${describeMessage(message)}\n`);
process.stdout.write(
  `web-ext lint ${sourceDir.slice(ROOT.length + 1) || sourceDir}: ${report.errors.length} errors, ` +
    `${verdict.understood.length} understood library warnings, ${verdict.problems.length} problems\n`,
);
process.exit(verdict.problems.length === 0 ? 0 : 1);
