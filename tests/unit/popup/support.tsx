/**
 * Popup tests' world: an in-memory database per test, offers saved the way the background saves
 * them (lib/offers-repo.ts), and an api whose writes go to that database — so a component test
 * sees its own write come back through liveQuery, as in the extension.
 */
import { render, screen, within } from '@testing-library/preact';
import type { PopupApi } from '../../../components/popup/api';
import type { PopupEnv } from '../../../components/popup/context';
import { readFirstScreen } from '../../../components/popup/firstScreen';
import { Popup } from '../../../components/popup/Popup';
import { PostuloDb } from '../../../lib/db';
import { rememberDatabaseOpened } from '../../../lib/db-peek';
import type { ActiveTabReading } from '../../../lib/messaging';
import { emptyOfferFields, type Offer, type OfferFields } from '../../../lib/offer';
import * as repo from '../../../lib/offers-repo';

let dbCount = 0;

/** localStorage's three calls over a map, which `items` shows. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** The first screen as the popup's entry reads it, once a page has seen Dexie open the database `name`. */
export function firstScreenOf(name: string, today = '2026-03-12') {
  const marks = memoryStorage();
  rememberDatabaseOpened(marks, name);
  return readFirstScreen(indexedDB, marks, today, name);
}

export function freshDb(): PostuloDb {
  dbCount += 1;
  return new PostuloDb(`popup-test-${dbCount}-${Math.random().toString(36).slice(2)}`);
}

export function makeOffer(slug: string, fields: Partial<OfferFields> = {}): Offer {
  return {
    ...emptyOfferFields(fields.title ?? `Poste ${slug}`),
    status: 'open',
    ...fields,
    url: `https://beta.gouv.fr/recrutement/2026/03/01/${slug}`,
    source: 'test',
    provenance: {},
  };
}

/** Saves offers as the background would; returns their ids in the order given. */
export async function seed(db: PostuloDb, offers: Offer[], at = new Date('2026-03-01T10:00:00Z')): Promise<string[]> {
  const ids: string[] = [];
  for (const offer of offers) ids.push((await repo.saveOffer(db, offer, at)).mark.id);
  return ids;
}

export interface FakeApi extends PopupApi {
  /** Every call, in order: [message, payload]. */
  calls: Array<[keyof PopupApi, unknown]>;
  /** Makes the next call of `message` fail with `reason` (a message, or the error itself). */
  refuseNext(message: keyof PopupApi, reason: string | Error): void;
}

const UNREADABLE: ActiveTabReading = { isPosting: false, offer: null, mark: null };

export function fakeApi(db: PostuloDb, now: () => Date, tab: ActiveTabReading = UNREADABLE): FakeApi {
  const calls: FakeApi['calls'] = [];
  const refusals = new Map<keyof PopupApi, string | Error>();
  const call = async <T,>(message: keyof PopupApi, data: unknown, write: () => Promise<T>): Promise<T> => {
    calls.push([message, data]);
    const reason = refusals.get(message);
    if (reason !== undefined) {
      refusals.delete(message);
      throw typeof reason === 'string' ? new Error(reason) : reason;
    }
    return write();
  };
  return {
    calls,
    refuseNext: (message, reason) => refusals.set(message, reason),
    readActiveTab: (data) => call('readActiveTab', data, async () => tab),
    saveActiveTab: (data) =>
      call('saveActiveTab', data, async () => {
        if (!tab.offer) throw new Error('unreadable tab');
        return repo.saveOffer(db, tab.offer, now());
      }),
    editOffer: (data) =>
      call('editOffer', data, async () => void (await repo.editFields(db, data.id, data.edits, now()))),
    setStage: (data) =>
      call('setStage', data, async () => {
        const at = data.at ?? now().toISOString();
        await repo.setStage(db, data.id, { stage: data.stage, at }, now());
      }),
    editStageDate: (data) =>
      call('editStageDate', data, async () => void (await repo.editStageDate(db, data.id, data.index, data.at, now()))),
    updateNotes: (data) =>
      call('updateNotes', data, async () => {
        await repo.updateNotes(db, data.id, { notes: data.notes, contactPerson: data.contactPerson }, now());
      }),
    deleteOffer: (data) => call('deleteOffer', data, () => repo.deleteOffer(db, data.id)),
    restoreOffer: (data) => call('restoreOffer', data, () => repo.restoreOffer(db, data.saved)),
    addReminder: (data) => call('addReminder', data, () => repo.addReminder(db, data.offerId, data.reminder, now())),
    removeReminder: (data) =>
      call(
        'removeReminder',
        data,
        async () => void (await repo.removeReminder(db, data.offerId, data.reminderId, now())),
      ),
  };
}

export interface Setup {
  db: PostuloDb;
  api: FakeApi;
  env: PopupEnv;
}

/** A database, an api over it and a fixed clock (12 March 2026, 10:00 local). */
export function setup(options: { now?: Date; tab?: ActiveTabReading; locale?: 'fr' | 'en' } = {}): Setup {
  const db = freshDb();
  const clock = options.now ?? new Date(2026, 2, 12, 10, 0);
  const now = () => clock;
  const api = fakeApi(db, now, options.tab);
  return { db, api, env: { locale: options.locale ?? 'fr', db, api, now } };
}

export function renderPopup(env: PopupEnv) {
  return render(<Popup env={env} />);
}

/** The titles of the list's rows, in the order shown. */
export function rowTitles(): string[] {
  const list = screen.getByRole('list', { name: 'Mes offres' });
  return within(list)
    .getAllByRole('button')
    .map((button) => button.querySelector('.offer-row__title')?.textContent ?? '');
}
