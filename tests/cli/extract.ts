/**
 * npm run -s extract -- --url URL FILE.html      → the extraction as JSON
 * npm run -s extract -- --cases CASES.json       → one JSON line per case: {"id","isPosting","offer"}
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCases, runCase } from '../support/cases';
import { extractHtml } from '../support/load-page';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, cases: { type: 'string' }, force: { type: 'boolean' } },
});

if (values.cases) {
  const { cases, dir } = loadCases(values.cases);
  for (const testCase of cases) process.stdout.write(`${JSON.stringify(runCase(testCase, dir))}\n`);
} else if (values.url && positionals[0]) {
  const html = readFileSync(positionals[0], 'utf8');
  const result = extractHtml(html, values.url, new Date(), { force: values.force ?? false });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  process.stderr.write('usage: extract --url URL FILE.html | extract --cases CASES.json\n');
  process.exit(2);
}
