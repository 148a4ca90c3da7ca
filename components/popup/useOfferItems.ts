/**
 * The saved offers as list items, live. The whole table is read through the closesAt index and
 * re-read on every change; so that the first screen does not wait for 10,000 records, the
 * offers still open with a date (the top of the list, see sortAndFilter.ts) are read first with
 * a limit, straight from the same index, and shown until the full read arrives.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { NO_CLOSING_DATE, type PostuloDb } from '../../lib/db';
import { localIsoDate } from './localDates';
import { type ListItem, sortForList, toListItem } from './sortAndFilter';
import { useLiveQuery } from './useLiveQuery';

/** Enough rows to fill a tall popup at any zoom, with margin. */
export const FIRST_SCREEN_ROWS = 40;

export interface OfferItems {
  /** Sorted for the list; partial until `complete`. */
  items: readonly ListItem[];
  complete: boolean;
  error: unknown;
}

export function useOfferItems(db: PostuloDb, now: () => Date): OfferItems {
  const today = localIsoDate(now());
  const all = useLiveQuery(() => db.offers.orderBy('closesAt').toArray(), [db]);
  const [firstScreen, setFirstScreen] = useState<readonly ListItem[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    db.offers
      .where('closesAt')
      .between(today, NO_CLOSING_DATE, true, false)
      .limit(FIRST_SCREEN_ROWS)
      .toArray()
      .then((rows) => {
        if (cancelled) return;
        const open = rows.map(toListItem).filter((item) => item.status !== 'closed' && item.status !== 'filled');
        setFirstScreen(open);
      })
      .catch(() => {
        // The full read reports errors; the first screen is only a head start.
      });
    return () => {
      cancelled = true;
    };
  }, [db, today]);

  const sorted = useMemo(
    () => (all.status === 'ready' ? sortForList(all.value.map(toListItem), today) : null),
    [all, today],
  );

  if (sorted) return { items: sorted, complete: true, error: null };
  return {
    items: firstScreen ?? [],
    complete: false,
    error: all.status === 'error' ? all.error : null,
  };
}
