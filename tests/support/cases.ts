/**
 * Labelled real pages in the format of the shared fixtures' `cases.json`, and the scoring rules
 * its README gives: only the fields a page really holds count, `alsoAccept` counts as right, and
 * strings compare after NFC, white-space collapsing and case-folding (URLs after decodeURI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CASE_FIELDS, type CaseField, type CaseOffer, extractHtml, toCaseOffer } from './load-page';

export interface Case {
  id: string;
  file: string;
  url: string;
  site: string;
  kind: 'posting' | 'listing' | 'other';
  snapshot?: { date?: string };
  expected: Record<CaseField, string | null>;
  alsoAccept?: Partial<Record<CaseField, string[]>>;
  where?: Partial<Record<CaseField, 'text' | 'attribute' | 'inline-script' | 'source-only'>>;
}

/** The shared fixtures beside the project, wherever the project is cloned. */
export const SHARED_FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures');

export function sharedFixturesAvailable(): boolean {
  return existsSync(join(SHARED_FIXTURES, 'cases.json'));
}

export function loadCases(casesFile: string): { cases: Case[]; dir: string } {
  const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as Case[];
  return { cases, dir: dirname(casesFile) };
}

export interface CaseResult {
  id: string;
  isPosting: boolean;
  offer: CaseOffer | null;
}

/** Runs the extractor on one case, at the instant the page was captured. */
export function runCase(testCase: Case, dir: string): CaseResult {
  const html = readFileSync(join(dir, testCase.file), 'utf8');
  const now = testCase.snapshot?.date ? new Date(testCase.snapshot.date) : new Date();
  const { isPosting, offer } = extractHtml(html, testCase.url, now);
  return { id: testCase.id, isPosting, offer: offer ? toCaseOffer(offer) : null };
}

export function normalizeForCompare(field: CaseField, value: string | null): string | null {
  if (value == null) return null;
  let text = value;
  if (field === 'applyUrl') {
    try {
      text = decodeURI(text);
    } catch {
      // keep as written
    }
  }
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Fields of a posting case that count: those the page holds (not source-only). */
export function countedFields(testCase: Case): CaseField[] {
  return CASE_FIELDS.filter((field) => {
    if (testCase.expected[field] == null) return false;
    // Derived fields have no `where` of their own: the status is always shown (a notice or its
    // absence), and the contract kind is held exactly when its words are.
    if (field === 'status') return true;
    const where = testCase.where?.[field === 'contract' ? 'contractRaw' : field];
    return where !== undefined && where !== 'source-only';
  });
}

export function isRight(testCase: Case, field: CaseField, actual: string | null): boolean {
  const accepted = [testCase.expected[field], ...(testCase.alsoAccept?.[field] ?? [])];
  const got = normalizeForCompare(field, actual);
  return accepted.some((value) => normalizeForCompare(field, value) === got);
}

export { CASE_FIELDS, type CaseField };

/**
 * Labels no honest reading of the page can reproduce, each with the reason. Tests assert these
 * still miss (so a fix is noticed and the entry removed); the accuracy report counts them as misses.
 */
export const KNOWN_MISSES: Readonly<Record<string, Partial<Record<CaseField, string>>>> = {
  'beta.gouv.fr/2021-06-25-covoitPO--2021-07': {
    contractRaw:
      'the page says « indépendant·e·s » like 2021-03-30-sante-psy-dev, but the labels differ (« indépendant·e » vs « indépendant »): the front matter is not on the page',
  },
  'incubateur.anct.gouv.fr/recrutements__plan-de-relance-inclusion-numerique-developpeur-principal-5dda24fd--2021-10-05':
    {
      publishedAt:
        'the page holds no publication date; the label counts it as present only because it equals the closing date in the page data',
    },
};

export function knownMiss(testCase: Case, field: CaseField): string | undefined {
  return KNOWN_MISSES[testCase.id]?.[field];
}
