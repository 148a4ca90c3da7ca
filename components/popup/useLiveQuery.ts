/**
 * Dexie's liveQuery as a Preact hook (dexie-react-hooks is React-only): the component re-renders
 * whenever the database rows the query read change, including writes made by the background.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Re-subscribes when `deps` change, like useEffect. With `enabled` false, nothing is read yet and
 * the result stays 'loading' (a query that must wait for another).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], enabled = true): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) => setResult({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
  }, [...deps, enabled]);
  return result;
}
