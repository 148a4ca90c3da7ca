/**
 * A first look at the offers with the plain IndexedDB API, for the popup's first screen: Dexie and
 * the schemas are a large part of the popup's code, and reading a screenful of rows needs neither.
 * It never creates nor upgrades the database: when there is none yet, or one at another schema
 * version than this build's (an update whose upgrade has not run), it answers null and the caller
 * reads through Dexie (lib/db.ts), which does both.
 */
import type { OfferRow } from './db';
import { DB_IDB_VERSION, DB_NAME } from './db-layout';

export interface IndexRange {
  /** An index of the offers table (lib/db.ts). */
  index: 'closesAt' | 'stage' | 'updatedAt';
  /** Included. */
  lower: string;
  /** Excluded. */
  upper: string;
  limit: number;
}

/** The first `limit` offers of `range`, in index order, or null (see above). */
export function peekOffers(factory: IDBFactory, range: IndexRange, name = DB_NAME): Promise<OfferRow[] | null> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(name);
    // Called only when the database does not exist: leave it uncreated.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onerror = (event) => {
      // The abort above, or a database that cannot be opened: either way, no rows to show early.
      event.preventDefault();
      resolve(null);
    };
    opening.onsuccess = () => {
      const database = opening.result;
      // Never hold up an upgrade from another page or the background.
      database.onversionchange = () => database.close();
      if (database.version !== DB_IDB_VERSION || !database.objectStoreNames.contains('offers')) {
        database.close();
        resolve(null);
        return;
      }
      try {
        const request = database
          .transaction('offers', 'readonly')
          .objectStore('offers')
          .index(range.index)
          .getAll(IDBKeyRange.bound(range.lower, range.upper, false, true), range.limit);
        request.onsuccess = () => resolve(request.result as OfferRow[]);
        request.onerror = () => reject(request.error);
      } catch (error) {
        reject(error);
      } finally {
        // Closes once the read transaction is over.
        database.close();
      }
    };
  });
}
