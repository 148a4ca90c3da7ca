/**
 * The text fallback on the shared real pages (../shared/fixtures beside the project): the contract
 * and contact the labels find in the visible text, and no closing date made up from prose (none of
 * these pages writes its closing date in its text). Skipped when the shared folder is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Case, isRight, loadCases, SHARED_FIXTURES, sharedFixturesAvailable } from '../../support/cases';
import { extractHtml, toCaseOffer } from '../../support/load-page';

const available = sharedFixturesAvailable();
if (!available) console.warn(`fallback-real-pages: skipped, no shared fixtures at ${SHARED_FIXTURES}`);

const { cases, dir } = available ? loadCases(join(SHARED_FIXTURES, 'cases.json')) : { cases: [] as Case[], dir: '' };
const postings = cases.filter((testCase) => testCase.kind === 'posting');
const inText = (field: 'contractRaw' | 'contact') => postings.filter((testCase) => testCase.where?.[field] === 'text');

function extractCase(testCase: Case) {
  const html = readFileSync(join(dir, testCase.file), 'utf8');
  const now = testCase.snapshot?.date ? new Date(testCase.snapshot.date) : new Date();
  return extractHtml(html, testCase.url, now).offer;
}

describe.skipIf(!available)('the text fallback on real pages', () => {
  it.each(inText('contractRaw').map((testCase) => [testCase.id, testCase] as const))(
    '%s: the contract kind its text names',
    (_id, testCase) => {
      const offer = extractCase(testCase);
      expect(offer?.contract).toBe(testCase.expected.contract);
    },
  );

  it.each(inText('contact').map((testCase) => [testCase.id, testCase] as const))(
    '%s: the contact e-mail of its text',
    (_id, testCase) => {
      const offer = extractCase(testCase);
      expect(isRight(testCase, 'contact', offer ? toCaseOffer(offer).contact : null)).toBe(true);
    },
  );

  it.each(postings.map((testCase) => [testCase.id, testCase] as const))(
    '%s: no closing date made up from its prose',
    (_id, testCase) => {
      const offer = extractCase(testCase);
      expect(offer?.provenance.closesAt === 'text' ? offer.closesAtRaw : null).toBeNull();
    },
  );
});
