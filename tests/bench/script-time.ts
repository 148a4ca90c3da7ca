/**
 * Where the extension's own scripts spend the page's main thread during a load, from a DevTools
 * trace: every script evaluation and function call whose code comes from the extension
 * (`chrome-extension://<id>/…`: the content script, the panel script), counted once (calls nested
 * in another counted call are not added twice), in thread CPU time, split by when it ran: while
 * the page is parsed (to the end of DOMContentLoaded), from there to the end of the load event,
 * or after it. Promise continuations carry no script address in a trace and are not counted.
 * Thread CPU time is what our code costs the page; unlike wall-clock time, it does not grow when
 * another process takes the CPU.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { BenchPage } from './pages';

export interface ScriptTime {
  /** CPU ms of our scripts per load, from navigation start to the end of DOMContentLoaded. */
  untilDomContentLoaded: number[];
  /** From there to the end of the load event. */
  untilLoad: number[];
  /** After the load event (within the time each page was watched). */
  afterLoad: number[];
  /** Where the time went before the load event, all loads together: script file → CPU ms. */
  beforeLoadByScript: Map<string, number>;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  args?: {
    frame?: string;
    data?: {
      url?: string;
      documentLoaderURL?: string;
      isLoadingMainFrame?: boolean;
      isMainFrame?: boolean;
      frame?: string;
    };
  };
}

const CODE_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run']);

/** Loads each page once in `tab` while tracing, then attributes our scripts' time to each load. */
export async function traceOurScripts(
  context: BrowserContext,
  tab: Page,
  extensionId: string,
  pages: readonly BenchPage[],
  afterLoadMs = 1500,
): Promise<ScriptTime> {
  const session = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (batch) => events.push(...(batch.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'blink.user_timing'] },
    transferMode: 'ReportEvents',
  });
  for (const page of pages) {
    await tab.goto(page.url, { waitUntil: 'load' });
    // What the extension does once the page has loaded (reading it, showing the panel) counts too.
    await tab.waitForTimeout(afterLoadMs);
  }
  await session.send('Tracing.end');
  await complete;
  await session.detach();
  return attribute(events, `chrome-extension://${extensionId}/`, new Set(pages.map((page) => page.url)));
}

export function attribute(events: readonly TraceEvent[], origin: string, urls: ReadonlySet<string>): ScriptTime {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const starts = sorted.filter(
    (event) =>
      event.name === 'navigationStart' &&
      event.args?.data?.isLoadingMainFrame === true &&
      urls.has(event.args.data.documentLoaderURL ?? ''),
  );
  const result: ScriptTime = {
    untilDomContentLoaded: [],
    untilLoad: [],
    afterLoad: [],
    beforeLoadByScript: new Map(),
  };

  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1]?.ts ?? Number.POSITIVE_INFINITY;
    const within = sorted.filter((event) => event.ts >= start.ts && event.ts < end);
    // The boundaries are the main frame's (frames inside the page have their own): the frame this
    // navigation started in. The frame keeps its id across loads, and the window may start with
    // the previous document's marks: the new document's are the last ones. A boundary that is not
    // found makes the load unreadable rather than counting everything on one side of it.
    const mainFrame = start.args?.frame;
    const boundary = (endName: string): number | null =>
      within.findLast((event) => event.name === endName && event.args?.frame === mainFrame)?.ts ?? null;
    const parsedBoundary = boundary('domContentLoadedEventEnd');
    const loadedBoundary = boundary('loadEventEnd');
    if (mainFrame === undefined || parsedBoundary === null || loadedBoundary === null) continue;
    const parsedAt = parsedBoundary;
    const loadedAt = Math.max(loadedBoundary, parsedAt);
    let whileParsed = 0;
    let untilLoaded = 0;
    let after = 0;
    const openUntil = new Map<number, number>();
    for (const event of within) {
      const url = event.args?.data?.url ?? '';
      if (event.ph !== 'X' || !CODE_EVENTS.has(event.name) || !url.startsWith(origin)) continue;
      // Nested in a call already counted on this thread: its time is inside that one.
      if (event.ts < (openUntil.get(event.tid) ?? 0)) continue;
      openUntil.set(event.tid, event.ts + (event.dur ?? 0));
      const cpuMs = (event.tdur ?? event.dur ?? 0) / 1000;
      if (event.ts < parsedAt) whileParsed += cpuMs;
      else if (event.ts < loadedAt) untilLoaded += cpuMs;
      else after += cpuMs;
      if (event.ts < loadedAt) {
        const script = url.slice(origin.length);
        result.beforeLoadByScript.set(script, (result.beforeLoadByScript.get(script) ?? 0) + cpuMs);
      }
    }
    result.untilDomContentLoaded.push(whileParsed);
    result.untilLoad.push(untilLoaded);
    result.afterLoad.push(after);
  }
  return result;
}
