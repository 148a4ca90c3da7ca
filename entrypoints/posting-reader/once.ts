/**
 * One reader per document. The background injects the reader each time the tab reports that it
 * has loaded, which happens again in the same document (a client-side navigation, a page restored
 * from the back/forward cache, the 5 s fallback then the real load): a later copy must do nothing
 * but leave the running one alone, which re-reads the page itself on a client-side navigation.
 *
 * The running reader is kept on the isolated world's `globalThis`, which every script of the
 * extension in that frame shares and the page's own scripts cannot see. A reader whose extension
 * has gone (reloaded, updated: its context is invalid) does not count: the new copy takes over.
 */

/** The isolated-world global that holds the running reader. */
export const READER_KEY = '__postuloReader';

export interface RunningReader {
  /** False once the reader's extension context is gone. */
  isValid(): boolean;
}

/** Runs `start` unless a live reader already runs in this world; true when it started one. */
export function startOnce(start: () => RunningReader, scope: object = globalThis): boolean {
  if (isLive(Reflect.get(scope, READER_KEY))) return false;
  Reflect.set(scope, READER_KEY, start());
  return true;
}

function isLive(reader: unknown): boolean {
  if (typeof reader !== 'object' || reader === null) return false;
  const isValid: unknown = Reflect.get(reader, 'isValid');
  if (typeof isValid !== 'function') return false;
  try {
    return isValid.call(reader) === true;
  } catch {
    return false;
  }
}
