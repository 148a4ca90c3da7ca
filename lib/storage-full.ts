/**
 * The browser's storage is full: IndexedDB refused a write for lack of space. Every write is one
 * transaction, so nothing was changed — the candidate must be told why the save failed and what
 * to do, not « something went wrong ».
 */

/** What a refused write becomes when the reason is a full disk or quota (its message is for the user). */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

/**
 * True when `error` is, or wraps, the browser's quota error: `QuotaExceededError` (the
 * DOMException, or Dexie's error of that name), Firefox's older `NS_ERROR_DOM_QUOTA_REACHED`, or a
 * transaction aborted because of one (Dexie's `AbortError` keeps it as `inner`).
 */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { name, code, inner, cause } = current as {
      name?: unknown;
      code?: unknown;
      inner?: unknown;
      cause?: unknown;
    };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || name === 'StorageFullError') {
      return true;
    }
    // DOMException.QUOTA_EXCEEDED_ERR, for engines that name it otherwise.
    if (code === 22 && current instanceof DOMException) return true;
    current = inner ?? cause;
  }
  return false;
}
