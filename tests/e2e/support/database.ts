/**
 * The extension's own IndexedDB, read and written from one of its pages (popup, options) with the
 * raw IndexedDB API, so a test sees exactly what is stored, without going through our code.
 */
import type { Page } from 'playwright-core';
import type { OfferRow } from '../../../lib/db';

export type Table = 'offers' | 'reminders';

/** Every record of `table` (none before the database was ever created). */
export function readTable<T = Record<string, unknown>>(page: Page, table: Table): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('postulo');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Puts records straight into the extension's database, as the background would have. */
export async function seedOffers(page: Page, rows: OfferRow[]): Promise<void> {
  await page.evaluate(async (records) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('postulo');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('offers', 'readwrite');
        for (const record of records) tx.objectStore('offers').put(record);
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, rows);
}
