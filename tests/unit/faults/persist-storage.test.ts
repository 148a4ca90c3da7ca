/**
 * Persistent storage (issue 6): an extension page asks the browser, once, to keep Postulo's data
 * when the disk runs low. The browser's StorageManager is a stub; the « asked once » flag lives in
 * the fake browser's storage.local, as in the extension.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  PERSIST_ASKED_KEY,
  type PersistentStorage,
  persistStorageOnce,
  storageLocalFlag,
} from '../../../lib/persist-storage';

/** A StorageManager that grants (or refuses) and remembers, like Chrome's. */
function stubStorage(grants: boolean, persistedAtStart = false) {
  let persisted = persistedAtStart;
  return {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = persisted || grants;
      return persisted;
    }),
  } satisfies PersistentStorage;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('persistStorageOnce', () => {
  it('asks once, and the browser keeps the answer', async () => {
    const storage = stubStorage(true);
    expect(await persistStorageOnce(storage)).toBe('granted');
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await persistStorageOnce(storage)).toBe('already');
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again after a refusal, even from another page or after a restart', async () => {
    const popup = stubStorage(false);
    expect(await persistStorageOnce(popup)).toBe('refused');
    const optionsLater = stubStorage(false);
    expect(await persistStorageOnce(optionsLater)).toBe('asked-before');
    expect(optionsLater.persist).not.toHaveBeenCalled();
    const stored = await fakeBrowser.storage.local.get(PERSIST_ASKED_KEY);
    expect(Number.isNaN(Date.parse(String(stored[PERSIST_ASKED_KEY])))).toBe(false);
  });

  it('asks nothing when the storage is persistent already', async () => {
    const storage = stubStorage(true, true);
    expect(await persistStorageOnce(storage)).toBe('already');
    expect(storage.persist).not.toHaveBeenCalled();
    expect(await storageLocalFlag().wasAsked()).toBe(false);
  });

  it('does nothing where the browser has no persist() (a worker, an old browser)', async () => {
    expect(await persistStorageOnce(undefined)).toBe('unsupported');
    expect(await persistStorageOnce({ persisted: async () => false })).toBe('unsupported');
    expect(await storageLocalFlag().wasAsked()).toBe(false);
  });

  it('never throws: a failing browser is logged, the page goes on', async () => {
    const warning = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = { persisted: async () => false, persist: async () => Promise.reject(new Error('denied')) };
    expect(await persistStorageOnce(storage)).toBe('failed');
    expect(warning).toHaveBeenCalledTimes(1);
  });
});
