/**
 * The options page's test world: an in-memory database, settings in the fake browser's
 * storage, and an api that runs the real background handlers (`receiveMessage`, sent from the
 * options page) on that database — so a component test exercises the whole path but the transport.
 */
import { render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OptionsApi, OptionsEnv } from '../../../components/options/context';
import { OptionsPage } from '../../../components/options/OptionsPage';
import { receiveMessage } from '../../../lib/background';
import type { PostuloDb } from '../../../lib/db';
import type { TextFile } from '../../../lib/export/download';
import { toOfferRow } from '../../../lib/offers-repo';
import type { Reminder } from '../../../lib/reminder';
import type { SavedOffer } from '../../../lib/saved-offer';
import { SENDERS, testContext } from '../background/test-context';
import { freshDb } from '../storage/offer-factory';

export interface RecordingApi extends OptionsApi {
  calls: Array<[keyof OptionsApi, unknown]>;
}

/** The real handlers, as the options page reaches them. */
export function backgroundApi(db: PostuloDb): RecordingApi {
  const ctx = testContext({ db });
  const calls: RecordingApi['calls'] = [];
  return {
    calls,
    restoreBackup: async (data) => {
      calls.push(['restoreBackup', data]);
      return receiveMessage('restoreBackup', data, SENDERS.options, ctx);
    },
    deleteAllData: async (data) => {
      calls.push(['deleteAllData', data]);
      await receiveMessage('deleteAllData', data, SENDERS.options, ctx);
    },
  };
}

export interface OptionsWorld {
  db: PostuloDb;
  api: RecordingApi;
  downloads: TextFile[];
  env: OptionsEnv;
}

export const NOW = new Date(2026, 2, 12, 10, 0);

export async function optionsWorld(
  offers: readonly SavedOffer[] = [],
  reminders: readonly Reminder[] = [],
  browserLanguage = 'fr-FR',
): Promise<OptionsWorld> {
  fakeBrowser.reset();
  const db = freshDb();
  await db.offers.bulkAdd(offers.map(toOfferRow));
  await db.reminders.bulkAdd([...reminders]);
  const api = backgroundApi(db);
  const downloads: TextFile[] = [];
  return {
    db,
    api,
    downloads,
    env: { db, api, browserLanguage, now: () => NOW, download: (file) => downloads.push(file) },
  };
}

export function renderOptions(env: OptionsEnv) {
  return render(<OptionsPage env={env} />);
}

export async function snapshot(db: PostuloDb) {
  return { offers: await db.offers.toArray(), reminders: await db.reminders.toArray() };
}

/** Picks `file` in a file input, as the browser's file chooser would. */
export function pickFile(input: HTMLElement, file: File): void {
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
