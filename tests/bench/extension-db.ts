/**
 * The extension's own IndexedDB, reached from one of its pages (popup.html) with the plain
 * IndexedDB API: the benchmarks seed and empty it without going through the code they measure.
 * Names come from lib/db.ts (database 'postulo', table 'offers', key 'id').
 */
import type { Page } from 'playwright-core';
import type { OfferRow } from '../../lib/db';
import { DB_IDB_VERSION, DB_NAME } from '../../lib/db-layout';
import { openedMarkKey } from '../../lib/db-peek';

const TABLE = 'offers';

/**
 * tsx compiles this code with esbuild's keepNames, which wraps named functions in a `__name`
 * helper that exists in Node, not in the page a function is sent to: give the page a harmless
 * one before evaluating code that names functions (once per document).
 */
export async function allowNamedFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (target) => target');
}

/**
 * Waits until the popup's Dexie has opened the extension's database, by the mark it leaves in the
 * pages' localStorage (lib/db-peek.ts). Not by the name in `indexedDB.databases()`, nor by
 * opening the database from here: a database is listed while another open is still creating it,
 * and a plain open then creates one without tables.
 */
export async function waitForDatabase(page: Page): Promise<void> {
  await page.waitForFunction(({ key, version }) => localStorage.getItem(key) === version, {
    key: openedMarkKey(),
    version: String(DB_IDB_VERSION),
  });
}

/** Empties the offers table, then writes `rows` in batches (one transaction each). */
export async function replaceOffers(page: Page, rows: readonly OfferRow[], batch = 2000): Promise<void> {
  await runInTable(page, { clear: true, rows: [] });
  for (let start = 0; start < rows.length; start += batch) {
    await runInTable(page, { clear: false, rows: rows.slice(start, start + batch) });
  }
}

export async function countOffers(page: Page): Promise<number> {
  await allowNamedFunctions(page);
  return page.evaluate(
    ({ name, table }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          try {
            const request = database.transaction(table, 'readonly').objectStore(table).count();
            request.onsuccess = () => {
              database.close();
              resolve(request.result);
            };
            request.onerror = () => reject(request.error);
          } catch (error) {
            database.close();
            reject(error);
          }
        };
      }),
    { name: DB_NAME, table: TABLE },
  );
}

async function runInTable(page: Page, work: { clear: boolean; rows: readonly OfferRow[] }): Promise<void> {
  await allowNamedFunctions(page);
  return page.evaluate(
    ({ name, table, clear, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          try {
            const transaction = database.transaction(table, 'readwrite');
            const store = transaction.objectStore(table);
            if (clear) store.clear();
            for (const row of rows) store.put(row);
            transaction.oncomplete = () => {
              database.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          } catch (error) {
            // No such table (a database not created by the extension): fail, never hang.
            database.close();
            reject(error);
          }
        };
      }),
    { name: DB_NAME, table: TABLE, clear: work.clear, rows: [...work.rows] },
  );
}
