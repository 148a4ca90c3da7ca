/**
 * The top of the list, read before anything else: the offers still open with a closing date from
 * today on, soonest first, a screenful. They come first in the list (sortAndFilter.ts), so they
 * can be shown while the whole table is still being read, and the closesAt index gives them in
 * that order. Read with the plain IndexedDB API (lib/db-peek.ts), so the first paint waits for
 * neither Dexie nor the schemas; the open popup runs the same query through Dexie to keep the
 * next popup's head start current (keepFirstScreenRemembered.ts).
 */
import type { OfferRow } from '../../lib/db';
import { NO_CLOSING_DATE } from '../../lib/db-layout';
import { type IndexRange, type OpenedMarks, peekOffers } from '../../lib/db-peek';
import { type ListItem, toListItem } from './sortAndFilter';

/**
 * Enough rows to fill the toolbar popup (at most 600 px high) down to a third of the normal zoom,
 * rows being 7 rem high (OfferList.tsx), and no more: each row read is converted and may be
 * rendered before the first paint.
 */
export const FIRST_SCREEN_ROWS = 20;

/** Where the first screen comes from: the closesAt index, from today on, a screenful. */
export function firstScreenRange(today: string): IndexRange {
  return { index: 'closesAt', lower: today, upper: NO_CLOSING_DATE, limit: FIRST_SCREEN_ROWS };
}

/** The first screen's rows as list items: those of `firstScreenRange` that are not over. */
export function firstScreenItems(rows: readonly OfferRow[]): ListItem[] {
  return rows.map(toListItem).filter((item) => item.status !== 'closed' && item.status !== 'filled');
}

/** Null when the database cannot be peeked at (none yet, or not upgraded yet): the list reads it whole. */
export async function readFirstScreen(
  factory: IDBFactory,
  marks: OpenedMarks,
  today: string,
  name?: string,
): Promise<ListItem[] | null> {
  const rows = await peekOffers(factory, marks, firstScreenRange(today), name);
  return rows === null ? null : firstScreenItems(rows);
}
