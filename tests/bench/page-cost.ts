/**
 * Page cost: what the extension adds to the load of a posting page. Two browsers, identical but
 * for the extension, load the same real pages at their real addresses, one load each in turn.
 * Every page is loaded as often first by one side as by the other (A B, then B A at its next
 * round), so neither an order effect nor the drift of the machine falls on one side; after each
 * load both wait until the extension's own after-load work (the reading, the panel) is over, so
 * that it never overlaps the other side's next load. Times are the page's own
 * Navigation Timing, from navigation start: `domContentLoadedEventEnd` (the content script reads
 * the page at DOMContentLoaded) and `loadEventEnd` (the load time). Then one traced load per page
 * says how much of the page's main thread our own scripts take, and when (script-time.ts): far
 * less sensitive than load times to a busy machine, it shows what in the extension costs.
 */
import type { BrowserContext, Page } from 'playwright-core';
import {
  type BenchBrowser,
  type BenchExtensionBrowser,
  emptyExtension,
  launchWithBareExtension,
  launchWithExtension,
  launchWithoutExtension,
  serveDocuments,
} from './browsers';
import type { BenchPage } from './pages';
import { type ScriptTime, traceOurScripts } from './script-time';
import { median } from './stats';

export interface LoadSamples {
  domContentLoaded: number[];
  load: number[];
}

/**
 * What the "with" side's browser has: Postulo; nothing, in the control run, so that the ratio
 * shows what the method cannot resolve; or an extension with nothing in it (its manifest alone),
 * so that the ratio shows what Chromium charges for any extension installed.
 */
export type WithSide = 'extension' | 'control' | 'empty-extension';

export interface PageCostOptions {
  /** Postulo by default. */
  withSide?: WithSide;
  /** As in BrowserOptions: on by default; off, every next page of a site reuses the tab's frame. */
  backForwardCache?: boolean;
}

export interface PageCost {
  withSide: WithSide;
  backForwardCache: boolean;
  pages: number;
  loadsPerSide: number;
  withExtension: LoadSamples;
  withoutExtension: LoadSamples;
  /** Per page: median load with / without; shows whether one page or layout is the cost. */
  perPageLoadRatio: { id: string; ratio: number }[];
  /** Load with / without of the two loads of one page in one round, in the order they ran. */
  pairedLoadRatios: number[];
  /** The extension's own scripts on the page's main thread, one traced load per page (main run only). */
  ourScripts: ScriptTime | null;
}

/**
 * After a load, the extension reads the page when the browser is idle, then the background
 * injects the panel: the next load, on either side, starts once the panel is there (or after
 * PANEL_WAIT_MS where none came) and SETTLE_MS more; after a load without the extension, SETTLE_MS.
 */
const PANEL_HOST = 'postulo-panel';
const PANEL_WAIT_MS = 1000;
const SETTLE_MS = 60;

interface Side {
  context: BrowserContext;
  tab: Page;
  /** Whether this side's browser has Postulo, whose panel marks the end of its work. */
  showsPanel: boolean;
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

/** A side's tab, adding its loads to `samples` and `loadsByPage` (shared by the blocks). */
async function prepareSide(
  context: BrowserContext,
  showsPanel: boolean,
  pages: readonly BenchPage[],
  samples: LoadSamples,
  loadsByPage: Map<string, number[]>,
): Promise<Side> {
  const tab = await context.newPage();
  await serveDocuments(context, tab, pages);
  return { context, tab, showsPanel, samples, loadsByPage };
}

/**
 * Pairs of browsers the loads are spread over, each pair launched afresh, in one order then in
 * the other. Two browsers launched the same way differ by a few per cent for as long as they run
 * (the control run showed 0.97 and 1.03 with one pair per launch order, its paired interval
 * leaving 1 out): what comes with one browser's process falls on a side for a block only, and
 * averages out over the blocks.
 */
const BLOCKS = 6;

/**
 * `withSide`: what the "with" side's browser has (see WithSide). Both sides get the same
 * `backForwardCache`.
 * The loads are made in BLOCKS blocks, each with its own two browsers, launched in one order for
 * one block and in the other order for the next, so that whatever comes with being launched first
 * or second, or with one browser's processes, falls on both sides.
 */
export async function measurePageCost(
  extensionDir: string,
  pages: readonly BenchPage[],
  loadsPerSide: number,
  { withSide = 'extension', backForwardCache = true }: PageCostOptions = {},
): Promise<PageCost> {
  if (pages.length === 0) throw new Error('no posting page to load');
  const empty = withSide === 'empty-extension' ? emptyExtension() : null;
  try {
    return await loadAlternately(extensionDir, empty?.dir ?? null, pages, loadsPerSide, withSide, backForwardCache);
  } finally {
    empty?.remove();
  }
}

async function loadAlternately(
  extensionDir: string,
  emptyExtensionDir: string | null,
  pages: readonly BenchPage[],
  loadsPerSide: number,
  withSide: WithSide,
  backForwardCache: boolean,
): Promise<PageCost> {
  const browserOptions = { backForwardCache };
  const result: PageCost = {
    withSide,
    backForwardCache,
    pages: pages.length,
    loadsPerSide,
    withExtension: { domContentLoaded: [], load: [] },
    withoutExtension: { domContentLoaded: [], load: [] },
    perPageLoadRatio: [],
    pairedLoadRatios: [],
    ourScripts: null,
  };
  const loadsByPage = { with: new Map<string, number[]>(), without: new Map<string, number[]>() };
  const rounds = Math.ceil(loadsPerSide / pages.length);
  const blockCount = Math.max(1, Math.min(BLOCKS, rounds));
  const blocks = Array.from({ length: blockCount }, (_, block) => ({
    extensionFirst: block % 2 === 0,
    // The rounds shared out, the first blocks taking one more where they do not divide.
    rounds: Math.floor(rounds / blockCount) + (block < rounds % blockCount ? 1 : 0),
    last: block === blockCount - 1,
  }));
  // Counted across the blocks, so that every page is loaded as often first by one side as by the other.
  let round = 0;
  for (const block of blocks) {
    const browsers: BenchBrowser[] = [];
    try {
      const launchWith = async () => {
        const browser =
          withSide === 'control'
            ? await launchWithoutExtension(browserOptions)
            : emptyExtensionDir !== null
              ? await launchWithBareExtension(emptyExtensionDir, browserOptions)
              : await launchWithExtension(extensionDir, browserOptions);
        browsers.push(browser);
        return browser;
      };
      const launchPlain = async () => {
        const browser = await launchWithoutExtension(browserOptions);
        browsers.push(browser);
        return browser;
      };
      let withBrowser: BenchBrowser;
      let plainBrowser: BenchBrowser;
      if (block.extensionFirst) {
        withBrowser = await launchWith();
        plainBrowser = await launchPlain();
      } else {
        plainBrowser = await launchPlain();
        withBrowser = await launchWith();
      }
      const withExtension = await prepareSide(
        withBrowser.context,
        withSide === 'extension',
        pages,
        result.withExtension,
        loadsByPage.with,
      );
      const withoutExtension = await prepareSide(
        plainBrowser.context,
        false,
        pages,
        result.withoutExtension,
        loadsByPage.without,
      );

      // Warm-up, not counted: the first loads pay for starting renderers and compiling code.
      for (const page of pages.slice(0, 3)) {
        await settledLoad(withExtension, page.url);
        await settledLoad(withoutExtension, page.url);
      }

      for (const end = round + block.rounds; round < end; round++) {
        for (const [index, page] of pages.entries()) {
          const order =
            (round + index) % 2 === 0 ? [withExtension, withoutExtension] : [withoutExtension, withExtension];
          const pair = new Map<Side, number>();
          for (const side of order) {
            const times = await settledLoad(side, page.url);
            side.samples.domContentLoaded.push(times.domContentLoaded);
            side.samples.load.push(times.load);
            side.loadsByPage.set(page.id, [...(side.loadsByPage.get(page.id) ?? []), times.load]);
            pair.set(side, times.load);
          }
          result.pairedLoadRatios.push(
            (pair.get(withExtension) ?? Number.NaN) / (pair.get(withoutExtension) ?? Number.NaN),
          );
        }
      }

      if (withSide === 'extension' && backForwardCache && block.last && 'extensionId' in withBrowser) {
        const { extensionId } = withBrowser as BenchExtensionBrowser;
        result.ourScripts = await traceOurScripts(withBrowser.context, withExtension.tab, extensionId, pages);
      }
    } finally {
      for (const browser of browsers) await browser.close();
    }
  }
  result.perPageLoadRatio = pages.flatMap((page) => {
    const a = loadsByPage.with.get(page.id);
    const b = loadsByPage.without.get(page.id);
    return a && b ? [{ id: page.id, ratio: median(a) / median(b) }] : [];
  });
  return result;
}

/** A timed load, then the wait for the extension's after-load work (see PANEL_HOST). */
async function settledLoad(side: Side, url: string): Promise<{ domContentLoaded: number; load: number }> {
  const times = await timedLoad(side, url);
  if (side.showsPanel) {
    await side.tab.waitForSelector(PANEL_HOST, { state: 'attached', timeout: PANEL_WAIT_MS }).catch(() => {});
  }
  await side.tab.waitForTimeout(SETTLE_MS);
  return times;
}

/** A 95 % interval for the median of `values` (bootstrap, fixed seed). */
export function medianInterval(values: readonly number[], rounds = 2000): [number, number] {
  const random = seededRandom();
  const medians: number[] = [];
  for (let round = 0; round < rounds; round++) {
    medians.push(median(values.map(() => values[Math.floor(random() * values.length)] ?? Number.NaN)));
  }
  medians.sort((x, y) => x - y);
  return [medians[Math.floor(rounds * 0.025)] ?? Number.NaN, medians[Math.floor(rounds * 0.975)] ?? Number.NaN];
}

/** xorshift32: the same resamples on every run, so a run is reproducible from its samples. */
function seededRandom(): () => number {
  let seed = 0x2545f491;
  return () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
}

/**
 * A 95 % interval for median(a) / median(b), by resampling each side (bootstrap, fixed seed so a
 * run is reproducible from its samples): on a busy machine it shows how far the ratio can be
 * trusted.
 */
export function ratioInterval(a: readonly number[], b: readonly number[], rounds = 2000): [number, number] {
  const random = seededRandom();
  const resample = (values: readonly number[]) =>
    values.map(() => values[Math.floor(random() * values.length)] ?? Number.NaN);
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) ratios.push(median(resample(a)) / median(resample(b)));
  ratios.sort((x, y) => x - y);
  return [ratios[Math.floor(rounds * 0.025)] ?? Number.NaN, ratios[Math.floor(rounds * 0.975)] ?? Number.NaN];
}
