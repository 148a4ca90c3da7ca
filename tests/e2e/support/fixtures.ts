/**
 * Pages for the browser tests: the real pages of the shared fixtures (beside the project, never
 * copied into it; tests skip with a message when they are absent) and the project's own small
 * hand-written pages in tests/fixtures/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Case, loadCases, SHARED_FIXTURES, sharedFixturesAvailable } from '../../support/cases';

export { sharedFixturesAvailable };

export const SHARED_MISSING_MESSAGE = `shared fixtures not found at ${SHARED_FIXTURES} (../shared/fixtures beside the project): real-page browser tests skipped`;

const OWN_FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export function sharedCases(): Case[] {
  if (!sharedFixturesAvailable()) return [];
  return loadCases(join(SHARED_FIXTURES, 'cases.json')).cases;
}

export function readSharedPage(testCase: Case): string {
  return readFileSync(join(SHARED_FIXTURES, testCase.file), 'utf8');
}

/** A page of tests/fixtures/, e.g. `content/incubateur-posting.html`. */
export function readOwnFixture(path: string): string {
  return readFileSync(join(OWN_FIXTURES, path), 'utf8');
}

/** The newest snapshot date among a site's cases of one kind: "the newest build" of its postings. */
export function newestSnapshot(cases: readonly Case[], site: string, kind: Case['kind']): string | null {
  let newest: string | null = null;
  for (const testCase of cases) {
    const date = testCase.site === site && testCase.kind === kind ? testCase.snapshot?.date : undefined;
    if (date && (newest === null || date > newest)) newest = date;
  }
  return newest;
}
