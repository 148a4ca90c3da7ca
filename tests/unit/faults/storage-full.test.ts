/**
 * Storage full (issue 6): the browser refuses a write for lack of space. Two ways it happens,
 * both simulated under Dexie on the in-memory IndexedDB:
 * - the object store refuses the record (`put` throws `QuotaExceededError`);
 * - the transaction aborts when it commits (Chrome's way: Dexie rejects with an `AbortError`
 *   whose `inner` is the quota error).
 * Every write then answers a clear « Espace de stockage plein … » error (in the candidate's
 * language) that the popup shows and the shortcut's notification says; nothing is changed or
 * half-written; once there is space again, the same write works.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import Dexie from 'dexie';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PopupApi } from '../../../components/popup/api';
import { Popup } from '../../../components/popup/Popup';
import { receiveMessage } from '../../../lib/background';
import { saveTabAndTell } from '../../../lib/background/gestures';
import type { MessageType } from '../../../lib/messaging';
import { fromOfferRow, getOffer, saveOffer } from '../../../lib/offers-repo';
import { isQuotaError, StorageFullError } from '../../../lib/storage-full';
import { canonicalUrl } from '../../../lib/url';
import { SENDERS, type TestContext, testContext } from '../background/test-context';
import { backupText, savedOffer } from '../backup/builders';
import { makeOffer, POSTING_URL } from '../storage/offer-factory';

const ID = canonicalUrl(POSTING_URL);
const NEW_URL = 'https://beta.gouv.fr/recrutement/2026/03/02/designer.html';
const STORAGE_FULL_FR = /^Espace de stockage plein : rien n'a été enregistré et vos données n'ont pas changé\./;

type Shortage = 'store refuses the record' | 'transaction aborts on commit';
const SHORTAGES: Shortage[] = ['store refuses the record', 'transaction aborts on commit'];

function quotaException(): DOMException {
  return new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
}

const TABLE_WRITES = ['put', 'bulkPut', 'add', 'bulkAdd', 'update', 'delete', 'bulkDelete', 'clear'] as const;

/** Makes every write of the database fail the way `shortage` says, until `vi.restoreAllMocks()`. */
function fillStorage(ctx: TestContext, shortage: Shortage): void {
  if (shortage === 'store refuses the record') {
    const refuse = () => {
      throw quotaException();
    };
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(refuse);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(refuse);
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(refuse);
    vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(refuse);
  } else {
    const abort = () => Dexie.Promise.reject(new Dexie.AbortError('Transaction aborted', quotaException()));
    for (const table of [ctx.db.offers, ctx.db.reminders]) {
      for (const write of TABLE_WRITES) vi.spyOn(table, write).mockImplementation(abort);
    }
  }
}

/** Every write a message can ask for, about the offer saved before each test. */
const WRITES: Array<[MessageType, unknown, keyof typeof SENDERS]> = [
  ['saveOffer', { offer: makeOffer({ url: NEW_URL, title: 'Designer' }) }, 'contentScript'],
  ['saveOffer', { offer: makeOffer({ title: 'Titre changé', closesAt: '2023-05-01' }) }, 'contentScript'],
  ['setStage', { id: ID, stage: 'applied' }, 'popup'],
  ['editStageDate', { id: ID, index: 0, at: '2026-03-01T09:00:00.000Z' }, 'popup'],
  ['editOffer', { id: ID, edits: { title: 'Corrigé' } }, 'popup'],
  ['updateNotes', { id: ID, notes: 'Une note', contactPerson: 'Camille' }, 'popup'],
  ['addReminder', { offerId: ID, reminder: { at: '2026-03-20T08:00:00.000Z', label: 'Relancer' } }, 'popup'],
  ['deleteOffer', { id: ID }, 'popup'],
];

let ctx: TestContext;

beforeEach(async () => {
  fakeBrowser.reset();
  ctx = testContext();
  await saveOffer(ctx.db, makeOffer(), new Date('2026-03-01T08:00:00.000Z'));
});

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await ctx.db.delete();
});

async function snapshot() {
  return { offers: await ctx.db.offers.toArray(), reminders: await ctx.db.reminders.toArray() };
}

describe.each(SHORTAGES)('storage full (%s)', (shortage) => {
  it.each(WRITES)('%s answers « Espace de stockage plein » and changes nothing', async (type, data, sender) => {
    const before = await snapshot();
    fillStorage(ctx, shortage);

    const refusal = receiveMessage(type, data, SENDERS[sender], ctx);
    await expect(refusal).rejects.toBeInstanceOf(StorageFullError);
    await expect(refusal).rejects.toThrow(STORAGE_FULL_FR);

    vi.restoreAllMocks();
    const after = await snapshot();
    expect(after).toEqual(before);
    // Whole records only: each one still reads back as a valid saved offer.
    for (const row of after.offers) expect(() => fromOfferRow(row)).not.toThrow();
    expect(ctx.afterWrite).not.toHaveBeenCalled();
  });

  it('the same save works once there is space again', async () => {
    fillStorage(ctx, shortage);
    const offer = makeOffer({ url: NEW_URL, title: 'Designer' });
    await expect(receiveMessage('saveOffer', { offer }, SENDERS.contentScript, ctx)).rejects.toThrow(STORAGE_FULL_FR);

    vi.restoreAllMocks();
    await expect(receiveMessage('saveOffer', { offer }, SENDERS.contentScript, ctx)).resolves.toMatchObject({
      created: true,
    });
    const saved = await getOffer(ctx.db, canonicalUrl(NEW_URL));
    expect(saved?.page.title).toBe('Designer');
    expect(saved?.application.history).toHaveLength(1);
  });
});

describe('the words of a full storage', () => {
  it('speak the language of the settings', async () => {
    const english = testContext({ db: ctx.db, locale: async () => 'en' });
    fillStorage(english, 'store refuses the record');
    await expect(receiveMessage('setStage', { id: ID, stage: 'applied' }, SENDERS.popup, english)).rejects.toThrow(
      /^Storage full: nothing was saved and your data is unchanged\./,
    );
  });

  it('are kept for a full storage only: other failures pass through as they are', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The disk is on fire.', 'UnknownError');
    });
    const failure = receiveMessage('setStage', { id: ID, stage: 'applied' }, SENDERS.popup, ctx);
    await expect(failure).rejects.not.toBeInstanceOf(StorageFullError);
    await expect(failure).rejects.toThrow(/disk is on fire/);
  });

  it('recognise the quota error however it is wrapped', () => {
    expect(isQuotaError(quotaException())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quotaException()))).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: quotaException() }))).toBe(true);
    expect(isQuotaError(new DOMException('old Firefox', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError in a message is not a quota error'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});

/** The popup's api over the real handlers, as the extension's messaging would deliver them. */
function handlerApi(context: TestContext): PopupApi {
  const send =
    <T extends MessageType>(type: T) =>
    (data: unknown) =>
      receiveMessage(type, data, SENDERS.popup, context);
  return {
    readActiveTab: send('readActiveTab'),
    saveActiveTab: send('saveActiveTab'),
    editOffer: send('editOffer'),
    setStage: send('setStage'),
    editStageDate: send('editStageDate'),
    updateNotes: send('updateNotes'),
    deleteOffer: send('deleteOffer'),
    restoreOffer: send('restoreOffer'),
    addReminder: send('addReminder'),
    removeReminder: send('removeReminder'),
  };
}

describe('a full storage met in the popup', () => {
  it('is said in its alert, and the stage stays', async () => {
    window.history.replaceState(null, '', `/popup.html?offer=${encodeURIComponent(ID)}`);
    render(h(Popup, { env: { locale: 'fr', db: ctx.db, api: handlerApi(ctx), now: () => new Date() } }));
    const next = await screen.findByRole('button', { name: 'Passer à « Candidature envoyée »' });
    fillStorage(ctx, 'transaction aborts on commit');
    fireEvent.click(next);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /L'opération n'a pas abouti : Espace de stockage plein : rien n'a été enregistré/,
    );
    vi.restoreAllMocks();
    expect((await getOffer(ctx.db, ID))?.application.stage).toBe('to-apply');
  });
});

describe('a full storage met from the shortcut or the context menu', () => {
  it('is what the notification says, and nothing is saved', async () => {
    ctx.readTab.mockResolvedValue({ isPosting: true, offer: makeOffer({ url: NEW_URL, title: 'Designer' }) });
    fillStorage(ctx, 'transaction aborts on commit');
    const warning = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await saveTabAndTell(ctx, 7);
    expect(warning).toHaveBeenCalled();
    vi.restoreAllMocks();

    const shown = Object.values(fakeBrowser.notifications.getAllCreateOptions());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: 'Espace de stockage plein' });
    expect(String(shown[0]?.message)).toMatch(STORAGE_FULL_FR);
    expect(await ctx.db.offers.count()).toBe(1);
  });
});

describe('a backup restored into a full storage', () => {
  it('is refused with the browser as the reason, and nothing changes', async () => {
    const before = await snapshot();
    const text = backupText([savedOffer({ url: NEW_URL }), savedOffer()]);
    fillStorage(ctx, 'transaction aborts on commit');
    for (const mode of ['merge', 'replace'] as const) {
      const answer = await receiveMessage('restoreBackup', { text, mode }, SENDERS.options, ctx);
      expect(answer).toMatchObject({ ok: false, code: 'database' });
    }
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });
});
