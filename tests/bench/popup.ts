/**
 * Popup: time to the first painted list, with 100, 1,000 and 10,000 saved offers. The extension's
 * database is seeded from one of its pages, then popup.html is opened again and again, each time
 * in a new tab, as the toolbar button opens it: a fresh document, not one that replaces the
 * previous popup (that would add the teardown of a page holding 10,000 offers, which no real
 * opening pays). Each open counts from its navigation start (performance.now() in the popup) to
 * the first animation frame at which an offer row is in the DOM (frames run right before paint),
 * and to the frame at which the whole list is known (its count replaces « Chargement des
 * offres… »). The frames are watched by a script that runs before the popup's own, so no frame is
 * missed while this process catches up.
 */
import type { Page } from 'playwright-core';
import { type BenchExtensionBrowser, launchWithExtension } from './browsers';
import { replaceOffers, waitForDatabase } from './extension-db';
import { makeOfferRows } from './offers';
import { median } from './stats';

/** The list's rows and its status line (components/popup/OfferList.tsx, OfferRowView.tsx). */
const ROW = '.offer-row';
const LIST_STATUS = '.offer-list__heading [role="status"]';

export interface PopupTimes {
  offers: number;
  firstRow: number[];
  wholeList: number[];
}

/** Runs in the popup before its own scripts: watches every frame until the list is counted. */
function watchFrames({ row, status }: { row: string; status: string }): void {
  const marks: { firstRow?: number; wholeList?: number } = {};
  Object.assign(globalThis, { __postuloBenchFrames: marks });
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

async function timedOpen(tab: Page, url: string): Promise<{ firstRow: number; wholeList: number }> {
  await tab.goto(url, { waitUntil: 'commit' });
  const handle = await tab.waitForFunction(
    () => {
      const marks = (globalThis as { __postuloBenchFrames?: { firstRow?: number; wholeList?: number } })
        .__postuloBenchFrames;
      return marks?.wholeList !== undefined ? marks : null;
    },
    undefined,
    { timeout: 20_000 },
  );
  const marks = (await handle.jsonValue()) as { firstRow: number; wholeList: number };
  return { firstRow: marks.firstRow, wholeList: marks.wholeList };
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

/** A new tab for each open, closed after it, like a popup. */
async function openOnce(browser: BenchExtensionBrowser, url: string): Promise<{ firstRow: number; wholeList: number }> {
  const tab = await browser.context.newPage();
  try {
    // As a string, after the `__name` helper that tsx's compiled functions call (see allowNamedFunctions).
    await tab.addInitScript({
      content: `globalThis.__name ??= (target) => target; (${watchFrames})(${JSON.stringify({ row: ROW, status: LIST_STATUS })});`,
    });
    return await timedOpen(tab, url);
  } finally {
    await tab.close();
  }
}

export async function measurePopup(
  extensionDir: string,
  sizes: readonly number[],
  opens: number,
): Promise<PopupTimes[]> {
  const browser = await launchWithExtension(extensionDir);
  try {
    const url = `chrome-extension://${browser.extensionId}/popup.html`;
    const creator = await browser.context.newPage();
    await creator.goto(url);
    await waitForDatabase(creator);
    await creator.close();
    const results: PopupTimes[] = [];
    for (const size of sizes) {
      await seedOffers(browser, size);
      await openOnce(browser, url); // warm-up, not counted
      const firstRow: number[] = [];
      const wholeList: number[] = [];
      for (let open = 0; open < opens; open++) {
        const times = await openOnce(browser, url);
        firstRow.push(times.firstRow);
        wholeList.push(times.wholeList);
      }
      results.push({ offers: size, firstRow, wholeList });
    }
    return results;
  } finally {
    await browser.close();
  }
}

export function summarisePopup(times: PopupTimes): { firstRow: number; wholeList: number } {
  return { firstRow: median(times.firstRow), wholeList: median(times.wholeList) };
}
