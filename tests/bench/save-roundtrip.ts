/**
 * Save round-trip, content script → stored. On a posting page served at its real address, a click
 * on the panel's « Enregistrer l'offre » is timed in the page, from the click to the moment the
 * panel shows the saved state (« Enregistrée… »), which it shows only once the background has
 * answered that the record is written (save message → checks → one Dexie transaction → answer
 * → panel). The record is then looked for in the database itself, so a run that did not store
 * anything cannot count. The table is emptied before each run, so each is a real first save.
 *
 * Secondary figure: the same message sent from an extension page straight to the background
 * (no page, no panel): what the background's part of the trip costs.
 */
import type { Page } from 'playwright-core';
import { servePage } from '../e2e/support/browser';
import { panel } from '../e2e/support/panel';
import { extractHtml } from '../support/load-page';
import { launchWithExtension } from './browsers';
import { allowNamedFunctions, countOffers, replaceOffers, waitForDatabase } from './extension-db';
import type { BenchPage } from './pages';

export const SAVE_BUTTON = "Enregistrer l'offre";

export interface SaveTimes {
  /** Click → saved state in the panel, in ms (only runs whose record was stored). */
  panel: number[];
  /** sendMessage('saveOffer') → answer, from an extension page, in ms. */
  message: number[];
  /** Runs whose record was not found in the database afterwards. */
  notStored: number;
}

/**
 * Clicks the panel's save button and times, in the page, from the click to the saved state. The
 * button is found the way a user finds it (role and name, through the shadow root) and clicked
 * with a real input event: the panel ignores clicks a page's script makes (`isTrusted`). The time
 * starts at the click event's own timestamp (same clock as performance.now()), so the test
 * driver's delay before the click does not count; it ends when the panel's `.saved` line, the one
 * the browser tests read, appears.
 */
async function timedClick(page: Page): Promise<number> {
  const locator = panel(page).getByRole('button', { name: SAVE_BUTTON });
  const button = await locator.elementHandle({ timeout: 10_000 });
  // Let the panel's own « already saved? » question be answered first: it is not part of a save.
  await page.waitForTimeout(150);
  await allowNamedFunctions(page);
  const timing = await page.evaluateHandle((saveButton) => {
    const root = saveButton.getRootNode() as ParentNode & Node;
    let clickedAt = Number.NaN;
    saveButton.addEventListener('click', (event) => {
      clickedAt = event.timeStamp;
    });
    return {
      elapsed: new Promise<number>((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (!root.querySelector('.saved') || Number.isNaN(clickedAt)) return;
          observer.disconnect();
          clearTimeout(giveUp);
          resolve(performance.now() - clickedAt);
        });
        const giveUp = setTimeout(() => {
          observer.disconnect();
          const shown = (root.textContent ?? '').replace(/\s+/g, ' ').slice(-160);
          const state = Number.isNaN(clickedAt) ? 'no click received' : 'clicked';
          reject(new Error(`no saved state within 10 s (${state}; the panel shows: ${shown})`));
        }, 10_000);
        observer.observe(root, { childList: true, subtree: true, characterData: true });
      }),
    };
  }, button);
  await locator.click();
  return page.evaluate((handle) => handle.elapsed, timing);
}

async function timedMessage(extensionPage: Page, offer: unknown): Promise<number> {
  await allowNamedFunctions(extensionPage);
  return extensionPage.evaluate(async (data) => {
    // The wire format of @webext-core/messaging, which lib/messaging.ts uses.
    const message = { id: Math.floor(Math.random() * 1e9), type: 'saveOffer', data, timestamp: Date.now() };
    const start = performance.now();
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome.runtime;
    const answer = (await runtime.sendMessage(message)) as { err?: unknown } | undefined;
    const elapsed = performance.now() - start;
    if (!answer || answer.err) throw new Error(`saveOffer refused: ${JSON.stringify(answer?.err ?? 'no answer')}`);
    return elapsed;
  }, offer);
}

export async function measureSave(extensionDir: string, pages: readonly BenchPage[]): Promise<SaveTimes> {
  const browser = await launchWithExtension(extensionDir);
  try {
    for (const page of pages) await servePage(browser.context, page.url, page.html);
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await waitForDatabase(extensionPage);

    const times: SaveTimes = { panel: [], message: [], notStored: 0 };
    // The first page once more at the start, not counted: it wakes and warms the background.
    for (const [index, page] of [pages[0], ...pages].entries()) {
      if (!page) continue;
      await replaceOffers(extensionPage, []);
      const tab = await browser.context.newPage();
      await tab.goto(page.url, { waitUntil: 'load' });
      const elapsed = await timedClick(tab).catch((error: unknown) => {
        throw new Error(`${page.id}: ${error instanceof Error ? error.message : String(error)}`);
      });
      const stored = (await countOffers(extensionPage)) === 1;
      await tab.close();
      if (index === 0) continue;
      if (stored) times.panel.push(elapsed);
      else times.notStored++;
    }

    for (const [index, page] of [pages[0], ...pages].entries()) {
      const offer = page ? extractHtml(page.html, page.url, page.now).offer : null;
      if (!offer) continue;
      await replaceOffers(extensionPage, []);
      const elapsed = await timedMessage(extensionPage, { offer });
      if (index > 0) times.message.push(elapsed);
    }
    return times;
  } finally {
    await browser.close();
  }
}
