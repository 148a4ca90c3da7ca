/**
 * Asks the browser to keep Postulo's data when the disk runs low. By default an origin's storage
 * is « best effort »: under storage pressure the browser may evict it, and with it every saved
 * offer and its history. `navigator.storage.persist()` asks for « persistent » storage, which
 * only the user can clear.
 *
 * Asked from an extension page (the popup, the options page): `persist()` exists in windows only,
 * not in the background's service worker. Asked once: Chrome answers silently, but Firefox may
 * show the user a prompt, which must not come back on every popup. Once granted, `persisted()`
 * says so and nothing is asked again.
 */
import { browser } from 'wxt/browser';

/** Where the first ask is remembered (storage.local, beside the settings). */
export const PERSIST_ASKED_KEY = 'persistentStorageAskedAt';

export type PersistOutcome =
  | 'already' // persistent before we asked
  | 'granted'
  | 'refused'
  | 'asked-before' // not persistent, but asked once already: not again
  | 'unsupported'; // no StorageManager.persist here

/** The part of `navigator.storage` used here. */
export type PersistentStorage = Pick<StorageManager, 'persisted' | 'persist'>;

/** Remembers that the question was asked, across pages and restarts. */
export interface AskedFlag {
  wasAsked(): Promise<boolean>;
  markAsked(at: Date): Promise<void>;
}

export async function requestPersistentStorage(
  storage: Partial<PersistentStorage> | undefined,
  flag: AskedFlag,
  now: Date = new Date(),
): Promise<PersistOutcome> {
  if (typeof storage?.persist !== 'function' || typeof storage.persisted !== 'function') return 'unsupported';
  if (await storage.persisted()) return 'already';
  if (await flag.wasAsked()) return 'asked-before';
  // Marked before asking: a page closed during a prompt still counts as asked.
  await flag.markAsked(now);
  return (await storage.persist()) ? 'granted' : 'refused';
}

/** The flag in `browser.storage.local`. */
export function storageLocalFlag(
  local: Pick<typeof browser.storage.local, 'get' | 'set'> = browser.storage.local,
): AskedFlag {
  return {
    wasAsked: async () => typeof (await local.get(PERSIST_ASKED_KEY))[PERSIST_ASKED_KEY] === 'string',
    markAsked: (at) => local.set({ [PERSIST_ASKED_KEY]: at.toISOString() }),
  };
}

/**
 * What an extension page calls when it opens. Never throws and never delays the page: the
 * outcome is for tests and logs, the data is kept either way.
 */
export async function persistStorageOnce(
  storage: Partial<PersistentStorage> | undefined = globalThis.navigator?.storage,
  flag: AskedFlag = storageLocalFlag(),
): Promise<PersistOutcome | 'failed'> {
  try {
    return await requestPersistentStorage(storage, flag);
  } catch (error) {
    console.warn('Postulo: persistent storage not requested', error);
    return 'failed';
  }
}
