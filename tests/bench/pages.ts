/**
 * The pages the benchmarks load: the real pages of ../shared/fixtures (beside the project, never
 * copied into it), or, when that folder is absent, the project's own small pages in
 * tests/fixtures/ at addresses of the same sites, and the run says which.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCases, SHARED_FIXTURES, sharedFixturesAvailable } from '../support/cases';
import { extractHtml } from '../support/load-page';

export interface BenchPage {
  id: string;
  url: string;
  html: string;
  /** The instant the page describes (its snapshot), so dates read as they did then. */
  now: Date;
  kind: 'posting' | 'listing' | 'other';
}

export interface PageSet {
  source: string;
  pages: BenchPage[];
}

const OWN_FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** Own pages by folder, and the address of the site they copy the layout of. */
const OWN_FOLDERS: readonly { folder: string; urlOf: (name: string) => string }[] = [
  { folder: 'incubateur', urlOf: (name) => `https://incubateur.anct.gouv.fr/recrutements/equipe-${name}/` },
  { folder: 'content', urlOf: (name) => `https://incubateur.anct.gouv.fr/recrutements/equipe-${name}/` },
  { folder: 'beta', urlOf: (name) => `https://beta.gouv.fr/recrutement/2022/01/01/${name}.html` },
];

export function benchPages(): PageSet {
  if (sharedFixturesAvailable()) {
    const { cases, dir } = loadCases(join(SHARED_FIXTURES, 'cases.json'));
    return {
      source: `${cases.length} real pages of ../shared/fixtures`,
      pages: cases.map((testCase) => ({
        id: testCase.id,
        url: testCase.url,
        html: readFileSync(join(dir, testCase.file), 'utf8'),
        now: testCase.snapshot?.date ? new Date(testCase.snapshot.date) : new Date(),
        kind: testCase.kind,
      })),
    };
  }
  const pages: BenchPage[] = [];
  for (const { folder, urlOf } of OWN_FOLDERS) {
    for (const file of readdirSync(join(OWN_FIXTURES, folder)).filter((name) => name.endsWith('.html'))) {
      const name = file.replace(/\.html$/, '');
      const url = urlOf(name);
      const html = readFileSync(join(OWN_FIXTURES, folder, file), 'utf8');
      const now = new Date();
      // Own pages carry no label: what the extractor reads decides which ones are postings.
      const kind = extractHtml(html, url, now).isPosting ? 'posting' : 'other';
      pages.push({ id: `${folder}/${name}`, url, html, now, kind });
    }
  }
  return {
    source: `${pages.length} own pages of tests/fixtures (../shared/fixtures not found)`,
    pages,
  };
}

export function postings(set: PageSet): BenchPage[] {
  return set.pages.filter((page) => page.kind === 'posting');
}

/** `count` pages spread evenly over the list (every site and layout, not the first few). */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, index) => items[Math.floor(index * step)]).filter(
    (item): item is T => item !== undefined,
  );
}
