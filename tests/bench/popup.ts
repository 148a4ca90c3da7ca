/**
 * Popup: time to the first painted list, with 100, 1,000 and 10,000 saved offers. The extension's
 * database is seeded from one of its pages, then popup.html is loaded again and again; each load
 * counts from its navigation start (performance.now() in the popup) to the first animation frame
 * at which an offer row is in the DOM (frames run right before paint), and to the frame at which
 * the whole list is known (its count replaces « Chargement des offres… »).
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from './browsers';
import { allowNamedFunctions, replaceOffers, waitForDatabase } from './extension-db';
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

async function timedOpen(tab: Page, url: string): Promise<{ firstRow: number; wholeList: number }> {
  await tab.goto(url, { waitUntil: 'commit' });
  await allowNamedFunctions(tab);
  return tab.evaluate(
    ({ row, status }) =>
      new Promise<{ firstRow: number; wholeList: number }>((resolve, reject) => {
        let firstRow = Number.NaN;
        const giveUp = setTimeout(() => reject(new Error('no offer row within 20 s')), 20_000);
        const frame = () => {
          const now = performance.now();
          if (Number.isNaN(firstRow) && document.querySelector(row)) firstRow = now;
          const line = document.querySelector(status)?.textContent ?? '';
          // The count is shown once the whole table is read; until then the line says it is loading.
          if (!Number.isNaN(firstRow) && /\d/.test(line)) {
            clearTimeout(giveUp);
            resolve({ firstRow, wholeList: now });
          } else requestAnimationFrame(frame);
        };
        frame();
      }),
    { row: ROW, status: LIST_STATUS },
  );
}

export async function measurePopup(
  extensionDir: string,
  sizes: readonly number[],
  opens: number,
): Promise<PopupTimes[]> {
  const browser = await launchWithExtension(extensionDir);
  try {
    const url = `chrome-extension://${browser.extensionId}/popup.html`;
    const seeder = await browser.context.newPage();
    await seeder.goto(url);
    await waitForDatabase(seeder);
    const tab = await browser.context.newPage();
    const results: PopupTimes[] = [];
    for (const size of sizes) {
      await replaceOffers(seeder, makeOfferRows(size, new Date()));
      await timedOpen(tab, url); // warm-up, not counted
      const firstRow: number[] = [];
      const wholeList: number[] = [];
      for (let open = 0; open < opens; open++) {
        const times = await timedOpen(tab, url);
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
