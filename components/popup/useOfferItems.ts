/**
 * The saved offers as list items, live: the whole table, read through the closesAt index and
 * again on every change. Until that read answers (10,000 records take a while), the list shows
 * the first screen the entrypoint read before anything rendered (firstScreen.ts).
 */
import { useMemo, useState } from 'preact/hooks';
import type { PostuloDb } from '../../lib/db';
import { localIsoDate } from './localDates';
import { type ListItem, sortForList, toListItem } from './sortAndFilter';
import { useLiveQuery } from './useLiveQuery';

export interface OfferItems {
  /** Sorted for the list; partial until `complete`. */
  items: readonly ListItem[];
  complete: boolean;
  error: unknown;
}

/**
 * `takeFirstScreen`: gives the first screen read before the first render, once. The popup's shell
 * calls this hook, so the list stays read (and live) while an offer's detail is shown.
 */
export function useOfferItems(
  db: PostuloDb,
  now: () => Date,
  takeFirstScreen?: () => readonly ListItem[] | null,
): OfferItems {
  const today = localIsoDate(now());
  const [firstScreen] = useState(() => takeFirstScreen?.() ?? null);
  const all = useLiveQuery(() => db.offers.orderBy('closesAt').toArray(), [db]);

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
