import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiveMessage } from '../../../lib/background';
import { MESSAGE_TYPES } from '../../../lib/background/handlers';
import { UnreadableTabError } from '../../../lib/background/read-tab';
import { MESSAGE_SCHEMAS, type MessageType, PAGE_MESSAGES, RefusedMessage } from '../../../lib/messaging';
import { getOffer, saveOffer } from '../../../lib/offers-repo';
import { canonicalUrl } from '../../../lib/url';
import { makeOffer, POSTING_URL } from '../storage/offer-factory';
import { NOW, SENDERS, type TestContext, testContext } from './test-context';

const ID = canonicalUrl(POSTING_URL);

/** A valid payload for every message type, about the offer saved before each test. */
const VALID: { [T in MessageType]: unknown } = {
  saveOffer: { offer: makeOffer({ title: 'Nouveau titre' }) },
  lookupOffers: { urls: [POSTING_URL] },
  openOffer: { id: ID },
  showPanel: {},
  readPageState: {},
  editOffer: { id: ID, edits: { title: 'Corrigé' } },
  setStage: { id: ID, stage: 'applied', at: '2026-03-11T09:00:00.000Z' },
  editStageDate: { id: ID, index: 0, at: '2026-03-01T09:00:00.000Z' },
  updateNotes: { id: ID, notes: 'Une note' },
  deleteOffer: { id: ID },
  restoreOffer: { saved: null }, // filled in beforeEach: needs a real record
  addReminder: { offerId: ID, reminder: { at: '2026-03-20T08:00:00.000Z', label: 'Relancer' } },
  removeReminder: { offerId: ID, reminderId: 'r1' },
  readActiveTab: {},
  saveActiveTab: {},
  restoreBackup: { text: '{}', mode: 'merge' },
  deleteAllData: { confirm: 'delete-all' },
};

let ctx: TestContext;
beforeEach(async () => {
  ctx = testContext();
  await saveOffer(ctx.db, makeOffer(), new Date('2026-03-01T08:00:00.000Z'));
  const saved = await getOffer(ctx.db, ID);
  VALID.restoreOffer = { saved };
});
afterEach(async () => {
  await ctx.db.delete();
});

async function snapshot() {
  return { offers: await ctx.db.offers.toArray(), reminders: await ctx.db.reminders.toArray() };
}

describe('every message type has a handler', () => {
  it('covers the protocol exactly', () => {
    expect([...MESSAGE_TYPES].sort()).toEqual(Object.keys(MESSAGE_SCHEMAS).sort());
  });
});

describe('refused senders', () => {
  it.each(MESSAGE_TYPES)('refuses %s from another extension and changes nothing', async (type) => {
    const before = await snapshot();
    await expect(receiveMessage(type, VALID[type], SENDERS.foreignExtension, ctx)).rejects.toThrow(RefusedMessage);
    expect(await snapshot()).toEqual(before);
    expect(ctx.afterWrite).not.toHaveBeenCalled();
    expect(ctx.openOffer).not.toHaveBeenCalled();
    expect(ctx.readTab).not.toHaveBeenCalled();
  });

  it.each(MESSAGE_TYPES)('refuses %s from a sender with no id', async (type) => {
    await expect(receiveMessage(type, VALID[type], SENDERS.anonymous, ctx)).rejects.toThrow(RefusedMessage);
  });

  const extensionPageOnly = MESSAGE_TYPES.filter((type) => !PAGE_MESSAGES.has(type));
  it.each(extensionPageOnly)('refuses %s from a content script and changes nothing', async (type) => {
    const before = await snapshot();
    for (const sender of [SENDERS.contentScript, SENDERS.spoofedPage]) {
      await expect(receiveMessage(type, VALID[type], sender, ctx)).rejects.toThrow(/refused/);
    }
    expect(await snapshot()).toEqual(before);
    expect(ctx.readTab).not.toHaveBeenCalled();
  });

  it('lets a content script save, look up and open the page it is on', async () => {
    await expect(receiveMessage('saveOffer', VALID.saveOffer, SENDERS.contentScript, ctx)).resolves.toMatchObject({
      created: false,
    });
    await expect(
      receiveMessage('lookupOffers', VALID.lookupOffers, SENDERS.contentScript, ctx),
    ).resolves.toHaveProperty(ID);
    await receiveMessage('openOffer', VALID.openOffer, SENDERS.contentScript, ctx);
    expect(ctx.openOffer).toHaveBeenCalledWith(ID);
  });
});

describe('invalid payloads', () => {
  it.each([
    ['saveOffer', 'an empty title', { offer: { ...makeOffer(), title: '' } }],
    ['saveOffer', 'no offer', {}],
    ['lookupOffers', 'a string for a list', { urls: 'https://beta.gouv.fr/' }],
    ['editOffer', 'a date in words', { id: ID, edits: { closesAt: 'demain' } }],
    ['setStage', 'an unknown stage', { id: ID, stage: 'hired' }],
    ['setStage', 'an id that is no URL', { id: 'not-a-url', stage: 'applied' }],
    ['editStageDate', 'a negative index', { id: ID, index: -1, at: '2026-03-01T09:00:00.000Z' }],
    ['updateNotes', 'notes too long', { id: ID, notes: 'x'.repeat(20001) }],
    ['restoreOffer', 'a partial record', { saved: { id: ID } }],
    ['addReminder', 'an instant in words', { offerId: ID, reminder: { at: 'bientôt', label: 'x' } }],
    ['deleteOffer', 'no payload', null],
  ] as const)('refuses %s with %s and changes nothing', async (type, _what, data) => {
    const before = await snapshot();
    await expect(receiveMessage(type, data, SENDERS.popup, ctx)).rejects.toThrow(RefusedMessage);
    expect(await snapshot()).toEqual(before);
    expect(ctx.afterWrite).not.toHaveBeenCalled();
  });

  it('refuses to save an offer whose address is not a web page', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
      const offer = { ...makeOffer(), url };
      await expect(receiveMessage('saveOffer', { offer }, SENDERS.contentScript, ctx)).rejects.toThrow(/web address/);
    }
    expect(await ctx.db.offers.count()).toBe(1);
  });

  it('reports a missing offer as an error and writes nothing', async () => {
    const other = 'https://example.org/jobs/unknown';
    await expect(receiveMessage('setStage', { id: other, stage: 'applied' }, SENDERS.popup, ctx)).rejects.toThrow(
      /No saved offer/,
    );
    expect(await ctx.db.offers.count()).toBe(1);
  });
});

describe('valid messages, end to end through the handler', () => {
  it('saves a new offer from a content script, then marks it on lookup', async () => {
    const url = 'https://incubateur.anct.gouv.fr/recrutements/sicoval-pm-5f2b1c9a/?utm_source=x';
    const outcome = await receiveMessage('saveOffer', { offer: makeOffer({ url }) }, SENDERS.contentScript, ctx);

    const id = canonicalUrl(url);
    expect(outcome).toEqual({
      mark: { id, stage: 'to-apply', stageAt: NOW.toISOString() },
      created: true,
      changes: [],
    });
    expect(ctx.afterWrite).toHaveBeenCalledTimes(1);
    expect((await getOffer(ctx.db, id))?.page.title).toBe('Développeur·euse fullstack');

    const marks = await receiveMessage('lookupOffers', { urls: [url, 'https://example.org/'] }, SENDERS.popup, ctx);
    expect(Object.keys(marks)).toEqual([id]);
  });

  it('follows an application from the popup: stage, dates, notes, corrections, reminders', async () => {
    await receiveMessage('setStage', { id: ID, stage: 'applied' }, SENDERS.popup, ctx);
    await receiveMessage('editStageDate', { id: ID, index: 1, at: '2026-03-10T09:00:00.000Z' }, SENDERS.popup, ctx);
    await receiveMessage('editOffer', { id: ID, edits: { closesAt: '2026-04-02' } }, SENDERS.popup, ctx);
    await receiveMessage(
      'updateNotes',
      { id: ID, notes: 'Envoyé par e-mail', contactPerson: 'Alex' },
      SENDERS.options,
      ctx,
    );
    const reminder = await receiveMessage('addReminder', VALID.addReminder, SENDERS.popup, ctx);

    const saved = await getOffer(ctx.db, ID);
    expect(saved?.application).toMatchObject({
      stage: 'applied',
      notes: 'Envoyé par e-mail',
      contactPerson: 'Alex',
      edits: { closesAt: '2026-04-02' },
      reminders: [{ id: reminder.id, label: 'Relancer' }],
    });
    expect(saved?.application.history[1]).toEqual({ stage: 'applied', at: '2026-03-10T09:00:00.000Z' });
    expect(ctx.afterWrite).toHaveBeenCalledTimes(5);

    await receiveMessage('removeReminder', { offerId: ID, reminderId: reminder.id }, SENDERS.popup, ctx);
    expect((await getOffer(ctx.db, ID))?.application.reminders).toEqual([]);
  });

  it('dates a stage change « now » when the popup gives no date', async () => {
    await receiveMessage('setStage', { id: ID, stage: 'interview', note: 'Visio jeudi' }, SENDERS.popup, ctx);
    expect((await getOffer(ctx.db, ID))?.application.history.at(-1)).toEqual({
      stage: 'interview',
      at: NOW.toISOString(),
      note: 'Visio jeudi',
    });
  });

  it('deletes with undo', async () => {
    const before = await ctx.db.offers.get(ID);
    const removed = await receiveMessage('deleteOffer', { id: ID }, SENDERS.popup, ctx);
    expect(await ctx.db.offers.count()).toBe(0);

    // The record crosses the message boundary as JSON and comes back.
    await receiveMessage('restoreOffer', JSON.parse(JSON.stringify({ saved: removed })), SENDERS.popup, ctx);
    expect(await ctx.db.offers.get(ID)).toEqual(before);
  });

  it('keeps a write when the after-write hook fails', async () => {
    ctx.afterWrite.mockRejectedValueOnce(new Error('reminders unavailable'));
    await receiveMessage('setStage', { id: ID, stage: 'followed-up' }, SENDERS.popup, ctx);
    expect((await getOffer(ctx.db, ID))?.application.stage).toBe('followed-up');
  });
});

describe('the active tab', () => {
  const otherUrl = 'https://jobs.example.org/offres/42';

  it('reads it without saving, and says whether it is saved', async () => {
    ctx.readTab.mockResolvedValue({ isPosting: true, offer: makeOffer({ url: otherUrl }) });

    const reading = await receiveMessage('readActiveTab', {}, SENDERS.popup, ctx);

    expect(ctx.readTab).toHaveBeenCalledWith(7);
    expect(reading).toMatchObject({ isPosting: true, offer: { url: otherUrl }, mark: null });
    expect(await ctx.db.offers.count()).toBe(1);

    ctx.readTab.mockResolvedValue({ isPosting: true, offer: makeOffer() });
    expect((await receiveMessage('readActiveTab', {}, SENDERS.popup, ctx)).mark).toMatchObject({ id: ID });
  });

  it('answers nothing readable for a tab that cannot be read', async () => {
    ctx.readTab.mockRejectedValue(new UnreadableTabError('chrome://settings'));
    expect(await receiveMessage('readActiveTab', {}, SENDERS.popup, ctx)).toEqual({
      isPosting: false,
      offer: null,
      mark: null,
    });
  });

  it('saves it from the popup', async () => {
    ctx.readTab.mockResolvedValue({ isPosting: false, offer: makeOffer({ url: otherUrl, provenance: {} }) });

    const outcome = await receiveMessage('saveActiveTab', {}, SENDERS.popup, ctx);

    expect(outcome.created).toBe(true);
    expect(outcome.mark.id).toBe(otherUrl);
    expect(await ctx.db.offers.count()).toBe(2);
    expect(ctx.afterWrite).toHaveBeenCalledTimes(1);
  });

  it('refuses to save when there is no tab or it cannot be read', async () => {
    const noTab = testContext({ db: ctx.db, activeTabId: async () => undefined });
    await expect(receiveMessage('saveActiveTab', {}, SENDERS.popup, noTab)).rejects.toThrow(UnreadableTabError);
    ctx.readTab.mockRejectedValue(new UnreadableTabError('the web store'));
    await expect(receiveMessage('saveActiveTab', {}, SENDERS.popup, ctx)).rejects.toThrow(UnreadableTabError);
    expect(await ctx.db.offers.count()).toBe(1);
  });
});
