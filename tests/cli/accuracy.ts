/**
 * npm run accuracy -- DIR   (DIR holds cases.json)
 * Detection errors, then per-field accuracy over the fields each page really holds.
 * A second column counts every posting's field, null expectations included (no invented values).
 */
import { join } from 'node:path';
import { CASE_FIELDS, type CaseField, countedFields, isRight, knownMiss, loadCases, runCase } from '../support/cases';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: accuracy DIR   (a folder with cases.json)\n');
  process.exit(2);
}
const { cases, dir: base } = loadCases(join(dir, 'cases.json'));
const held = new Map<CaseField, { right: number; total: number }>();
const strict = new Map<CaseField, { right: number; total: number }>();
const misses: string[] = [];
let detectionErrors = 0;

for (const testCase of cases) {
  const result = runCase(testCase, base);
  const shouldPost = testCase.kind === 'posting';
  if (result.isPosting !== shouldPost) {
    detectionErrors++;
    misses.push(`DETECTION ${testCase.id}: expected ${testCase.kind}, got isPosting=${result.isPosting}`);
  }
  if (!shouldPost) continue;
  const counted = new Set(countedFields(testCase));
  for (const field of CASE_FIELDS) {
    const actual = result.offer?.[field] ?? null;
    const right = isRight(testCase, field, actual);
    const bump = (map: typeof held) => {
      const cell = map.get(field) ?? { right: 0, total: 0 };
      cell.total++;
      if (right) cell.right++;
      map.set(field, cell);
    };
    bump(strict);
    if (counted.has(field)) {
      bump(held);
      if (!right) {
        const known = knownMiss(testCase, field);
        const why = known ? ` (known: ${known})` : '';
        misses.push(
          `${field} ${testCase.id}: expected ${JSON.stringify(testCase.expected[field])}, got ${JSON.stringify(actual)}${why}`,
        );
      }
    } else if (!right) {
      misses.push(
        `(strict) ${field} ${testCase.id}: expected ${JSON.stringify(testCase.expected[field])}, got ${JSON.stringify(actual)}`,
      );
    }
  }
}

const pct = (cell?: { right: number; total: number }) =>
  cell?.total ? `${((100 * cell.right) / cell.total).toFixed(1)} % (${cell.right}/${cell.total})` : 'n/a';
const rows = CASE_FIELDS.map(
  (field) => `| ${field.padEnd(12)} | ${pct(held.get(field)).padEnd(18)} | ${pct(strict.get(field)).padEnd(18)} |`,
);
process.stdout.write(
  // The misses first, the summary last: it is what a reader of the output's tail needs.
  [
    ...misses,
    '',
    `cases: ${cases.length}   detection errors: ${detectionErrors}`,
    '',
    `| field        | held by page       | all postings       |`,
    `| ------------ | ------------------ | ------------------ |`,
    ...rows,
    '',
  ].join('\n'),
);
