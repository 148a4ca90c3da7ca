/**
 * Extraction time: the extractor (lib/extract) run where it really runs, in Chromium, on every
 * page of the set. The page is parsed with DOMParser first, outside the timed section: the
 * content script reads a document the browser has already parsed. Each page is read several
 * times; its time is the median of those reads.
 *
 * The blank page that hosts the extractor is cross-origin isolated (COOP + COEP headers), which
 * gives performance.now() a 5 µs resolution instead of 100 µs: a read takes about a millisecond.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { extract } from '../../lib/extract';
import { parseHtml } from '../support/load-page';
import { launchWithoutExtension } from './browsers';
import type { BenchPage } from './pages';
import { median } from './stats';

const REPO = resolve(import.meta.dirname, '../..');
const HOST_PAGE = 'https://extractor-bench.postulo.invalid/';

export interface ExtractionTimes {
  /** Median time of one read, per page, in ms. */
  perPage: number[];
  /** Pages read as postings: the bundle really ran the extractor. */
  postingsFound: number;
  /** The timer's resolution in that context, in ms. */
  resolutionMs: number;
}

/** The extractor as one classic script, exposing `extract` on the page's global object. */
export async function bundleExtractor(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import { extract } from './lib/extract'; globalThis.postuloExtract = extract;",
      resolveDir: REPO,
      loader: 'ts',
      sourcefile: 'extractor-bench-entry.ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bundle');
  return output.text;
}

interface PageInput {
  html: string;
  url: string;
  now: string;
  reads: number;
}

export async function measureExtractionInChromium(
  pages: readonly BenchPage[],
  reads: number,
): Promise<ExtractionTimes> {
  const script = await bundleExtractor();
  const browser = await launchWithoutExtension();
  try {
    const tab = await browser.context.newPage();
    await tab.route(HOST_PAGE, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
        body: '<!doctype html><title>extractor benchmark</title>',
      }),
    );
    await tab.goto(HOST_PAGE);
    await tab.addScriptTag({ content: script });
    const isolated = await tab.evaluate(() => globalThis.crossOriginIsolated);

    const timePage = (input: PageInput) =>
      tab.evaluate(({ html, url, now, reads }) => {
        type Extract = (page: { document: Document; url: URL; now: Date }) => { isPosting: boolean };
        const run = (globalThis as unknown as { postuloExtract: Extract }).postuloExtract;
        const document = new DOMParser().parseFromString(html, 'text/html');
        const page = { document, url: new URL(url), now: new Date(now) };
        const times: number[] = [];
        let isPosting = false;
        for (let read = 0; read < reads; read++) {
          const start = performance.now();
          isPosting = run(page).isPosting;
          times.push(performance.now() - start);
        }
        return { times, isPosting };
      }, input);

    // Warm-up over every page, not counted: the first reads compile the extractor.
    for (const page of pages) await timePage({ html: page.html, url: page.url, now: page.now.toISOString(), reads: 2 });

    const perPage: number[] = [];
    let postingsFound = 0;
    for (const page of pages) {
      const { times, isPosting } = await timePage({
        html: page.html,
        url: page.url,
        now: page.now.toISOString(),
        reads,
      });
      perPage.push(median(times));
      if (isPosting) postingsFound++;
    }
    return { perPage, postingsFound, resolutionMs: isolated ? 0.005 : 0.1 };
  } finally {
    await browser.close();
  }
}

/** The same measure in Node over happy-dom (the unit tests' DOM): a secondary figure. */
export function measureExtractionInNode(pages: readonly BenchPage[], reads: number): ExtractionTimes {
  const parsed = pages.map((page) => ({
    page: { document: parseHtml(page.html, page.url), url: new URL(page.url), now: page.now },
  }));
  for (const { page } of parsed) extract(page);
  const perPage: number[] = [];
  let postingsFound = 0;
  for (const { page } of parsed) {
    const times: number[] = [];
    let isPosting = false;
    for (let read = 0; read < reads; read++) {
      const start = performance.now();
      isPosting = extract(page).isPosting;
      times.push(performance.now() - start);
    }
    perPage.push(median(times));
    if (isPosting) postingsFound++;
  }
  return { perPage, postingsFound, resolutionMs: 0.001 };
}
