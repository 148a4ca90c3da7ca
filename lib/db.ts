/**
 * The extension's IndexedDB (Dexie). It lives in the extension's own origin: the background owns
 * the writes, the popup and options pages read it (liveQuery). A content script never opens it:
 * its IndexedDB would be the job site's.
 *
 * Schemas are append-only: never edit a `version(n)`, add `version(n + 1)` with its upgrade, and
 * a test that fills version n and opens n + 1 (tests/unit/db.migrations.test.ts).
 */
import Dexie, { type Table } from 'dexie';
import type { Stage } from './application';
import { DB_NAME } from './db-layout';
import type { Reminder } from './reminder';
import type { SavedOffer } from './saved-offer';

export { DB_NAME, NO_CLOSING_DATE } from './db-layout';

/** A stored offer with the derived keys the popup sorts and filters on, kept in step on write. */
export interface OfferRow extends SavedOffer {
  /** The effective closing date (user's correction, else the page's); '9999-12-31' when none, so it sorts last. */
  closesAt: string;
  stage: Stage;
}

export class PostuloDb extends Dexie {
  offers!: Table<OfferRow, string>;
  reminders!: Table<Reminder, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      offers: 'id, closesAt, stage, updatedAt',
      reminders: 'id, offerId, dueAt',
    });
  }
}

let shared: PostuloDb | null = null;

/** The one database of this context, opened on first use. */
export function getDb(): PostuloDb {
  shared ??= new PostuloDb();
  return shared;
}
