/**
 * Page cost: what the extension adds to the load of a posting page. Two browsers, identical but
 * for the extension, load the same real pages at their real addresses, one load each in turn
 * (A B, then B A, so that any drift of the machine falls on both sides). Times are the page's own
 * Navigation Timing, from navigation start: `domContentLoadedEventEnd` (the content script reads
 * the page at DOMContentLoaded) and `loadEventEnd` (the load time). Then one traced load per page
 * says how much of the page's main thread our own scripts take, and when (script-time.ts): far
 * less sensitive than load times to a busy machine, it shows what in the extension costs.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { type BenchBrowser, launchWithExtension, launchWithoutExtension, serveDocuments } from './browsers';
import type { BenchPage } from './pages';
import { type ScriptTime, traceOurScripts } from './script-time';
import { median } from './stats';

export interface LoadSamples {
  domContentLoaded: number[];
  load: number[];
}

export interface PageCost {
  pages: number;
  loadsPerSide: number;
  withExtension: LoadSamples;
  withoutExtension: LoadSamples;
  /** Per page: median load with / without; shows whether one page or layout is the cost. */
  perPageLoadRatio: { id: string; ratio: number }[];
  /** The extension's own scripts on the page's main thread, one traced load per page. */
  ourScripts: ScriptTime;
}

interface Side {
  context: BrowserContext;
  tab: Page;
  samples: LoadSamples;
  loadsByPage: Map<string, number[]>;
}

async function timedLoad(side: Side, url: string): Promise<{ domContentLoaded: number; load: number }> {
  await side.tab.goto(url, { waitUntil: 'load' });
  // loadEventEnd is written once the load handlers have returned: wait for it, then read it.
  const handle = await side.tab.waitForFunction(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry && entry.loadEventEnd > 0 ? [entry.domContentLoadedEventEnd, entry.loadEventEnd] : null;
  });
  const [domContentLoaded = Number.NaN, load = Number.NaN] = (await handle.jsonValue()) ?? [];
  return { domContentLoaded, load };
}

async function prepareSide(context: BrowserContext, pages: readonly BenchPage[]): Promise<Side> {
  const tab = await context.newPage();
  await serveDocuments(context, tab, pages);
  return { context, tab, samples: { domContentLoaded: [], load: [] }, loadsByPage: new Map() };
}

export async function measurePageCost(
  extensionDir: string,
  pages: readonly BenchPage[],
  loadsPerSide: number,
): Promise<PageCost> {
  if (pages.length === 0) throw new Error('no posting page to load');
  const extensionBrowser = await launchWithExtension(extensionDir);
  let plainBrowser: BenchBrowser | null = null;
  try {
    plainBrowser = await launchWithoutExtension();
    const withExtension = await prepareSide(extensionBrowser.context, pages);
    const withoutExtension = await prepareSide(plainBrowser.context, pages);

    // Warm-up, not counted: the first loads pay for starting renderers and compiling code.
    for (const page of pages.slice(0, 3)) {
      await timedLoad(withExtension, page.url);
      await timedLoad(withoutExtension, page.url);
    }

    for (let load = 0; load < loadsPerSide; load++) {
      const page = pages[load % pages.length];
      if (!page) continue;
      const order = load % 2 === 0 ? [withExtension, withoutExtension] : [withoutExtension, withExtension];
      for (const side of order) {
        const times = await timedLoad(side, page.url);
        side.samples.domContentLoaded.push(times.domContentLoaded);
        side.samples.load.push(times.load);
        side.loadsByPage.set(page.id, [...(side.loadsByPage.get(page.id) ?? []), times.load]);
      }
    }

    const ourScripts = await traceOurScripts(
      extensionBrowser.context,
      withExtension.tab,
      extensionBrowser.extensionId,
      pages,
    );
    const perPageLoadRatio = pages.flatMap((page) => {
      const a = withExtension.loadsByPage.get(page.id);
      const b = withoutExtension.loadsByPage.get(page.id);
      return a && b ? [{ id: page.id, ratio: median(a) / median(b) }] : [];
    });
    return {
      pages: pages.length,
      loadsPerSide,
      withExtension: withExtension.samples,
      withoutExtension: withoutExtension.samples,
      perPageLoadRatio,
      ourScripts,
    };
  } finally {
    await extensionBrowser.close();
    await plainBrowser?.close();
  }
}

/**
 * A 95 % interval for median(a) / median(b), by resampling each side (bootstrap, fixed seed so a
 * run is reproducible from its samples): on a busy machine it shows how far the ratio can be
 * trusted.
 */
export function ratioInterval(a: readonly number[], b: readonly number[], rounds = 2000): [number, number] {
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const resample = (values: readonly number[]) =>
    values.map(() => values[Math.floor(random() * values.length)] ?? Number.NaN);
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) ratios.push(median(resample(a)) / median(resample(b)));
  ratios.sort((x, y) => x - y);
  return [ratios[Math.floor(rounds * 0.025)] ?? Number.NaN, ratios[Math.floor(rounds * 0.975)] ?? Number.NaN];
}
