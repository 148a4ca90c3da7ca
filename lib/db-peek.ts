/**
 * A first look at the offers with the plain IndexedDB API, for the popup's first screen: Dexie and
 * the schemas are a large part of the popup's code, and reading a screenful of rows needs neither.
 * It never creates nor upgrades the database: when there is none yet, or one at another schema
 * version than this build's (an update whose upgrade has not run), it answers null and the caller
 * reads through Dexie (lib/db.ts), which does both.
 *
 * It opens the database only once a page of the extension has seen Dexie open it at this version
 * (rememberDatabaseOpened, in the pages' localStorage). Opening a database that does not exist
 * creates it, and giving that creation up races with the background creating it with Dexie at the
 * same moment: in the benchmark, a database Dexie had just created, tables and all, was found gone
 * a moment later. The mark keeps a new user's first popup from ever opening a database that is
 * not there; the abort below is only the last guard.
 */
import type { OfferRow } from './db';
import { DB_IDB_VERSION, DB_NAME } from './db-layout';

/** Where the extension's pages note that Dexie has opened the database: their localStorage. */
export type OpenedMarks = Pick<Storage, 'getItem' | 'setItem'>;

/** The key of the mark in localStorage; its value is the IndexedDB version Dexie opened. */
export function openedMarkKey(name = DB_NAME): string {
  return `postulo.db-opened.${name}`;
}

/** Called by a page once Dexie has opened (created or upgraded) the database. */
export function rememberDatabaseOpened(marks: OpenedMarks, name = DB_NAME): void {
  try {
    marks.setItem(openedMarkKey(name), String(DB_IDB_VERSION));
  } catch {
    // Storage refused: the next popup reads through Dexie, a little later.
  }
}

function openedAtThisVersion(marks: OpenedMarks, name: string): boolean {
  try {
    return marks.getItem(openedMarkKey(name)) === String(DB_IDB_VERSION);
  } catch {
    return false;
  }
}

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
export function peekOffers(
  factory: IDBFactory,
  marks: OpenedMarks,
  range: IndexRange,
  name = DB_NAME,
): Promise<OfferRow[] | null> {
  if (!openedAtThisVersion(marks, name)) return Promise.resolve(null);
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
