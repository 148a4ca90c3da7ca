/**
 * Popup: time to the first painted list, with 100, 1,000 and 10,000 saved offers. The extension's
 * database is seeded from one of its pages, then popup.html is opened again and again, each time
 * in a new tab, as the toolbar button opens it: a fresh document, not one that replaces the
 * previous popup (that would add the teardown of a page holding 10,000 offers, which no real
 * opening pays). Each open counts from its navigation start (performance.now() in the popup) to
 * the first paint of the list: the page's first contentful paint (Paint Timing, when the frame
 * was presented), which counts only when an offer row was already in the DOM at an animation
 * frame before it, so that it is the list's paint and not that of something shown before it. Also
 * given: that animation frame (frames run before their style, layout and paint), and the frame at
 * which the whole list is known (its count replaces « Chargement des offres… »). The frames are
 * watched by a script that runs before the popup's own, so no frame is missed while this process
 * catches up.
 *
 * The popup paints first the first screen the last popup showed, remembered in its localStorage
 * (components/popup/rememberedFirstScreen.ts), then the database's if they differ. The opens
 * counted against the goal have it, as every open has but the first after a change made outside
 * the popup (a save from a posting page). Beside each, an open of the popup with nothing
 * remembered (the key removed before its scripts run) times that first open: the list painted
 * from the database's read.
 *
 * Beside each open, the same tab opens a floor page added to this run's copy of the build: one
 * small script that reads the same first rows with plain IndexedDB and appends them as bare
 * elements, no framework, no style. Its time is what Chromium itself takes, on this machine and
 * at this moment, to open an extension page and read the database; the popup cannot be faster.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIRST_SCREEN_ROWS } from '../../components/popup/firstScreen';
import { REMEMBERED_FIRST_SCREEN_KEY } from '../../components/popup/rememberedFirstScreen';
import { DB_NAME, NO_CLOSING_DATE } from '../../lib/db-layout';
import { type BenchExtensionBrowser, launchWithExtension, snapshotBuild } from './browsers';
import { replaceOffers, waitForDatabase } from './extension-db';
import { makeOfferRows } from './offers';
import { median } from './stats';

/** The list's rows and its status line (components/popup/OfferList.tsx, OfferRowView.tsx). */
const ROW = '.offer-row';
const LIST_STATUS = '.offer-list__heading [role="status"]';

export interface PopupTimes {
  offers: number;
  /** First contentful paint, when it painted the list (see above); NaN when it came before any row. */
  firstPaint: number[];
  firstRow: number[];
  wholeList: number[];
  /** The popup with nothing remembered: its first paint, an open beside each of the others. */
  unrememberedFirstPaint: number[];
  unrememberedFirstRow: number[];
  /** The floor page's first paint, an open beside each of the popup's. */
  floorFirstPaint: number[];
  /** The floor page's first row, an open beside each of the popup's. */
  floorFirstRow: number[];
}

const FLOOR_PAGE = 'bench-floor.html';

/** The floor page (see above), ending with a count in the status the frame watcher waits for. */
function writeFloorPage(dir: string): void {
  writeFileSync(
    join(dir, FLOOR_PAGE),
    '<!doctype html><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script>',
  );
  const read = `
    const opening = indexedDB.open(${JSON.stringify(DB_NAME)});
    opening.onsuccess = () => {
      const database = opening.result;
      const today = new Date().toISOString().slice(0, 10);
      const range = IDBKeyRange.bound(today, ${JSON.stringify(NO_CLOSING_DATE)}, false, true);
      const request = database.transaction('offers').objectStore('offers').index('closesAt').getAll(range, ${FIRST_SCREEN_ROWS});
      request.onsuccess = () => {
        database.close();
        for (const row of request.result) {
          const element = document.createElement('div');
          element.className = ${JSON.stringify(ROW.slice(1))};
          element.textContent = row.page.title;
          document.body.append(element);
        }
        const heading = document.createElement('div');
        heading.className = 'offer-list__heading';
        const status = document.createElement('span');
        status.setAttribute('role', 'status');
        status.textContent = String(request.result.length);
        heading.append(status);
        document.body.append(heading);
      };
    };`;
  writeFileSync(join(dir, 'bench-floor.js'), read);
}

/** Runs in the popup before its own scripts: watches every frame until the list is counted. */
function watchFrames({ row, status }: { row: string; status: string }): void {
  const marks: { firstRow?: number; wholeList?: number; firstPaint?: number } = {};
  Object.assign(globalThis, { __postuloBenchFrames: marks });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') marks.firstPaint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const frame = () => {
    const now = performance.now();
    if (marks.firstRow === undefined && document.querySelector(row)) marks.firstRow = now;
    // The count is shown once the whole table is read; until then the line says it is loading.
    if (marks.firstRow !== undefined && /\d/.test(document.querySelector(status)?.textContent ?? '')) {
      marks.wholeList = now;
    } else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

interface OpenTimes {
  firstPaint: number;
  firstRow: number;
  wholeList: number;
}

async function timedOpen(tab: Page, url: string): Promise<OpenTimes> {
  await tab.goto(url, { waitUntil: 'commit' });
  const handle = await tab.waitForFunction(
    () => {
      const marks = (globalThis as { __postuloBenchFrames?: Partial<OpenTimes> }).__postuloBenchFrames;
      return marks?.wholeList !== undefined && marks.firstPaint !== undefined ? marks : null;
    },
    undefined,
    { timeout: 20_000 },
  );
  const marks = (await handle.jsonValue()) as OpenTimes;
  // A paint before the first row is not the list's (an empty state, an error): it does not count.
  const firstPaint = marks.firstPaint >= marks.firstRow ? marks.firstPaint : Number.NaN;
  return { firstPaint, firstRow: marks.firstRow, wholeList: marks.wholeList };
}

/**
 * Writes `size` offers from a page of the extension's origin that shows none of them, closed
 * before the popup opens: extension pages share one renderer process, so a page holding the
 * list (another popup) would weigh on every open measured.
 */
async function seedOffers(browser: BenchExtensionBrowser, size: number): Promise<void> {
  const seeder = await browser.context.newPage();
  try {
    await seeder.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await replaceOffers(seeder, makeOfferRows(size, new Date()));
  } finally {
    await seeder.close();
  }
}

/**
 * Between two opens, as between two clicks on the toolbar button: time for the browser to finish
 * tearing down the previous popup. Extension pages share one renderer process, and a page that
 * held 10,000 offers leaves a major garbage collection behind it, which would otherwise land on
 * the next open measured (and not on a real one, seconds later).
 */
const BETWEEN_OPENS_MS = 500;

/** What is opened: the popup, the popup with nothing remembered, or the floor page. */
type Opened = 'popup' | 'unremembered' | 'floor';

/** A new tab for each open, closed after it, like a popup. */
async function openOnce(browser: BenchExtensionBrowser, opened: Opened): Promise<OpenTimes> {
  const tab = await browser.context.newPage();
  const forget =
    opened === 'unremembered' ? `localStorage.removeItem(${JSON.stringify(REMEMBERED_FIRST_SCREEN_KEY)});` : '';
  try {
    // As a string, after the `__name` helper that tsx's compiled functions call (see allowNamedFunctions).
    await tab.addInitScript({
      content: `${forget} globalThis.__name ??= (target) => target; (${watchFrames})(${JSON.stringify({ row: ROW, status: LIST_STATUS })});`,
    });
    const page = opened === 'floor' ? FLOOR_PAGE : 'popup.html';
    const url = `chrome-extension://${browser.extensionId}/${page}`;
    return await timedOpen(tab, url);
  } finally {
    await tab.close();
    await new Promise((resolve) => setTimeout(resolve, BETWEEN_OPENS_MS));
  }
}

export async function measurePopup(
  extensionDir: string,
  sizes: readonly number[],
  opens: number,
): Promise<PopupTimes[]> {
  // A copy of this run's build, so the floor page added to it is never measured as ours.
  const copy = snapshotBuild(extensionDir);
  writeFloorPage(copy.dir);
  const browser = await launchWithExtension(copy.dir).catch((error: unknown) => {
    copy.remove();
    throw error;
  });
  try {
    const creator = await browser.context.newPage();
    await creator.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await waitForDatabase(creator);
    await creator.close();
    const results: PopupTimes[] = [];
    for (const size of sizes) {
      await seedOffers(browser, size);
      // Warm-up, not counted; the popup's first open after the seeding also remembers its screen.
      await openOnce(browser, 'popup');
      await openOnce(browser, 'floor');
      const times: PopupTimes = {
        offers: size,
        firstPaint: [],
        firstRow: [],
        wholeList: [],
        unrememberedFirstPaint: [],
        unrememberedFirstRow: [],
        floorFirstPaint: [],
        floorFirstRow: [],
      };
      for (let open = 0; open < opens; open++) {
        // Which of the three opens first turns, so none always follows another.
        const kinds: Opened[] = ['popup', 'unremembered', 'floor'];
        const order = [...kinds.slice(open % 3), ...kinds.slice(0, open % 3)];
        for (const opened of order) {
          const measured = await openOnce(browser, opened);
          if (opened === 'floor') {
            times.floorFirstPaint.push(measured.firstPaint);
            times.floorFirstRow.push(measured.firstRow);
          } else if (opened === 'unremembered') {
            times.unrememberedFirstPaint.push(measured.firstPaint);
            times.unrememberedFirstRow.push(measured.firstRow);
          } else {
            times.firstPaint.push(measured.firstPaint);
            times.firstRow.push(measured.firstRow);
            times.wholeList.push(measured.wholeList);
          }
        }
      }
      results.push(times);
    }
    return results;
  } finally {
    await browser.close();
    copy.remove();
  }
}

export interface PopupSummary {
  /** Median over the opens whose first paint was the list's; `paints` says how many those were. */
  firstPaint: number;
  paints: number;
  firstRow: number;
  wholeList: number;
  unrememberedFirstPaint: number;
  unrememberedFirstRow: number;
  floorFirstPaint: number;
  floorFirstRow: number;
}

export function summarisePopup(times: PopupTimes): PopupSummary {
  const listPaints = times.firstPaint.filter(Number.isFinite);
  return {
    firstPaint: median(listPaints),
    paints: listPaints.length,
    firstRow: median(times.firstRow),
    wholeList: median(times.wholeList),
    unrememberedFirstPaint: median(times.unrememberedFirstPaint.filter(Number.isFinite)),
    unrememberedFirstRow: median(times.unrememberedFirstRow),
    floorFirstPaint: median(times.floorFirstPaint.filter(Number.isFinite)),
    floorFirstRow: median(times.floorFirstRow),
  };
}
