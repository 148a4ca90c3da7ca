/**
 * The saved offers as list items, live. The whole table is read through the closesAt index and
 * re-read on every change; so that the first screen does not wait for 10,000 records, the
 * offers still open with a date (the top of the list, see sortAndFilter.ts) are read first with
 * a limit, straight from the same index, and shown until the full read arrives. The full read
 * starts only once that first screen is there: started together, its thousands of records
 * would hold up the few the candidate sees first.
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

/**
 * The top of the list: open offers closing today or later, soonest first, at most a screenful.
 * Exported so that the popup's entrypoint can start it before anything renders.
 */
export async function readFirstScreen(db: PostuloDb, today: string): Promise<readonly ListItem[]> {
  const rows = await db.offers
    .where('closesAt')
    .between(today, NO_CLOSING_DATE, true, false)
    .limit(FIRST_SCREEN_ROWS)
    .toArray();
  return rows.map(toListItem).filter((item) => item.status !== 'closed' && item.status !== 'filled');
}

/**
 * `takePreread`: gives the first screen the entrypoint read before the first render
 * (readFirstScreen), once. The popup's shell calls this hook, so the list stays read (and live)
 * while an offer's detail is shown.
 */
export function useOfferItems(
  db: PostuloDb,
  now: () => Date,
  takePreread?: () => readonly ListItem[] | null,
): OfferItems {
  const today = localIsoDate(now());
  const [preread] = useState(() => takePreread?.() ?? null);
  const [firstScreen, setFirstScreen] = useState<readonly ListItem[] | null>(preread ?? null);
  // Failed or not, the first read is over: the full read may start.
  const [firstReadOver, setFirstReadOver] = useState(preread != null);
  const all = useLiveQuery(() => db.offers.orderBy('closesAt').toArray(), [db], firstReadOver);

  useEffect(() => {
    if (preread != null) return;
    let cancelled = false;
    readFirstScreen(db, today)
      .then(
        (items) => {
          if (!cancelled) setFirstScreen(items);
        },
        () => {
          // The full read reports errors; the first screen is only a head start.
        },
      )
      .finally(() => {
        if (!cancelled) setFirstReadOver(true);
      });
    return () => {
      cancelled = true;
    };
  }, [db, today, preread]);

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
