import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_CLOSING_DATE, type PostuloDb } from '../../../lib/db';
import {
  addReminder,
  deleteOffer,
  editFields,
  editStageDate,
  getOffer,
  InvalidOfferDataError,
  lookup,
  OfferNotFoundError,
  removeReminder,
  restoreOffer,
  saveOffer,
  setStage,
  toOfferRow,
  updateNotes,
} from '../../../lib/offers-repo';
import { canonicalUrl } from '../../../lib/url';
import { freshDb, makeOffer, POSTING_URL } from './offer-factory';

const DAY1 = new Date('2023-03-02T09:00:00.000Z');
const DAY2 = new Date('2023-03-05T10:30:00.000Z');
const DAY3 = new Date('2023-03-09T08:15:00.000Z');
const ID = canonicalUrl(POSTING_URL);

let db: PostuloDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

async function stored(id = ID) {
  const saved = await getOffer(db, id);
  if (!saved) throw new Error(`expected ${id} to be saved`);
  return saved;
}

describe('saveOffer', () => {
  it('creates one record at « À postuler » with its first history event', async () => {
    const outcome = await saveOffer(db, makeOffer(), DAY1);

    expect(outcome).toEqual({
      mark: { id: ID, stage: 'to-apply', stageAt: DAY1.toISOString() },
      created: true,
      changes: [],
    });
    const saved = await stored();
    expect(saved.application.history).toEqual([{ stage: 'to-apply', at: DAY1.toISOString() }]);
    expect(saved.savedAt).toBe(DAY1.toISOString());
    expect(saved.page.title).toBe('Développeur·euse fullstack');
  });

  it('never creates two records for one offer', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    const again = await saveOffer(db, makeOffer(), DAY2);

    expect(again.created).toBe(false);
    expect(await db.offers.count()).toBe(1);
    const saved = await stored();
    expect(saved.savedAt).toBe(DAY1.toISOString());
    expect(saved.updatedAt).toBe(DAY2.toISOString());
  });

  it('refreshes the page fields on a re-visit and keeps every user-owned field', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    await editFields(db, ID, { closesAt: '2023-04-30', organization: 'Mon équipe' }, DAY1);
    await setStage(db, ID, { stage: 'applied', at: DAY2.toISOString(), note: 'par e-mail' }, DAY2);
    await updateNotes(db, ID, { notes: 'Appeler Camille', contactPerson: 'Camille' }, DAY2);
    const before = await stored();

    await saveOffer(db, makeOffer({ organization: 'DINUM — Etalab', contractRaw: 'CDD de 2 ans' }), DAY3);

    const after = await stored();
    expect(after.page.organization).toBe('DINUM — Etalab');
    expect(after.page.contractRaw).toBe('CDD de 2 ans');
    expect(after.application).toEqual(before.application);
    expect(after.application.edits).toEqual({ closesAt: '2023-04-30', organization: 'Mon équipe' });
    expect(after.application.stage).toBe('applied');
    // The derived sort key still follows the user's date, not the page's.
    expect((await db.offers.get(ID))?.closesAt).toBe('2023-04-30');
  });

  it('keeps what an earlier visit read when a re-visit cannot read a field', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    const weaker = makeOffer({
      organization: null,
      closesAt: null,
      status: 'unknown',
      provenance: { title: 'meta' },
    });

    const outcome = await saveOffer(db, weaker, DAY2);

    const saved = await stored();
    expect(saved.page.organization).toBe('DINUM');
    expect(saved.page.closesAt).toBe('2023-04-15');
    expect(saved.page.status).toBe('open');
    expect(saved.page.provenance.organization).toBe('site');
    expect(saved.page.provenance.title).toBe('meta');
    expect(outcome.changes).toEqual([]);
  });

  it.each([
    ['closed', { status: 'closed' as const }, [{ field: 'status', from: 'open', to: 'closed' }]],
    ['filled', { status: 'filled' as const }, [{ field: 'status', from: 'open', to: 'filled' }]],
    ['closing date moved', { closesAt: '2023-05-01' }, [{ field: 'closesAt', from: '2023-04-15', to: '2023-05-01' }]],
  ])('records a change that matters: %s', async (_what, revisit, expected) => {
    await saveOffer(db, makeOffer(), DAY1);

    const outcome = await saveOffer(db, makeOffer(revisit), DAY2);

    const withDates = expected.map((change) => ({ ...change, at: DAY2.toISOString() }));
    expect(outcome.changes).toEqual(withDates);
    expect((await stored()).changes).toEqual(withDates);
  });

  it('records a closing date that appears', async () => {
    await saveOffer(db, makeOffer({ closesAt: null, provenance: { title: 'site' } }), DAY1);

    const outcome = await saveOffer(db, makeOffer({ closesAt: '2023-04-20' }), DAY2);

    expect(outcome.changes).toEqual([{ at: DAY2.toISOString(), field: 'closesAt', from: null, to: '2023-04-20' }]);
  });

  it('records nothing when nothing that matters changed, and a change only once', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    expect((await saveOffer(db, makeOffer({ organization: 'Autre' }), DAY2)).changes).toEqual([]);
    expect((await saveOffer(db, makeOffer({ status: 'filled' }), DAY2)).changes).toHaveLength(1);
    expect((await saveOffer(db, makeOffer({ status: 'filled' }), DAY3)).changes).toEqual([]);
    // Closed → open again is not one of the changes that matter.
    expect((await saveOffer(db, makeOffer({ status: 'open' }), DAY3)).changes).toEqual([]);
    expect((await stored()).changes).toHaveLength(1);
  });

  it.each([
    ['tracking parameters', `${POSTING_URL}?utm_source=newsletter&utm_campaign=mars&fbclid=abc`],
    ['a fragment', `${POSTING_URL}#candidater`],
    ['the host in capitals', POSTING_URL.replace('beta.gouv.fr', 'BETA.gouv.fr')],
    ['mtm_ and xtor', `${POSTING_URL}?mtm_source=x&xtor=RSS-3`],
  ])('is one record whatever %s the address carries', async (_what, variant) => {
    await saveOffer(db, makeOffer(), DAY1);

    const outcome = await saveOffer(db, makeOffer({ url: variant }), DAY2);

    expect(outcome.created).toBe(false);
    expect(await db.offers.count()).toBe(1);
    expect((await stored()).page.url).toBe(ID);
  });

  it('treats a trailing slash as the same address', async () => {
    const url = 'https://incubateur.anct.gouv.fr/recrutements/sicoval-pm-5f2b1c9a/';
    await saveOffer(db, makeOffer({ url }), DAY1);
    const outcome = await saveOffer(db, makeOffer({ url: url.slice(0, -1) }), DAY2);
    expect(outcome.created).toBe(false);
    expect(await db.offers.count()).toBe(1);
  });

  it('keeps the old incubateur URL schemes of one posting as distinct records', async () => {
    const schemes = [
      'https://incubateur.anct.gouv.fr/recrutement/sicoval/pm/',
      'https://incubateur.anct.gouv.fr/recrutements/pm/',
      'https://incubateur.anct.gouv.fr/recrutements/sicoval-pm/',
      'https://incubateur.anct.gouv.fr/recrutements/sicoval-pm-5f2b1c9a/',
    ];
    for (const url of schemes) await saveOffer(db, makeOffer({ url }), DAY1);
    expect(await db.offers.count()).toBe(schemes.length);
  });

  it.each([
    ['an empty title', { title: '' }],
    ['an address that is not a URL', { url: 'pas une adresse' }],
    ['an address that is not a web page', { url: 'javascript:alert(1)' }],
    ['an impossible closing date', { closesAt: '2023-02-31' }],
    ['an unknown status', { status: 'ouvert' }],
  ])('refuses %s and writes nothing', async (_what, bad) => {
    const invalid = { ...makeOffer(), ...bad } as Parameters<typeof saveOffer>[1];
    await expect(saveOffer(db, invalid, DAY1)).rejects.toThrow(InvalidOfferDataError);
    expect(await db.offers.count()).toBe(0);
  });

  it('refuses an invalid re-visit and leaves the record as it was', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    const before = await db.offers.get(ID);
    const invalid = { ...makeOffer(), publishedAt: '1er mars' } as Parameters<typeof saveOffer>[1];

    await expect(saveOffer(db, invalid, DAY2)).rejects.toThrow(/publishedAt/);
    expect(await db.offers.get(ID)).toEqual(before);
  });

  it('loses nothing when 20 saves of one offer run at once', async () => {
    const saves = Array.from({ length: 20 }, (_, i) =>
      saveOffer(db, makeOffer({ url: `${POSTING_URL}?utm_content=${i}` }), new Date(DAY1.getTime() + i * 1000)),
    );
    const outcomes = await Promise.all(saves);

    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(await db.offers.count()).toBe(1);
    expect((await stored()).application.history).toHaveLength(1);
  });

  it('keeps 20 different offers saved at once', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => saveOffer(db, makeOffer({ url: `https://example.org/jobs/${i}` }), DAY1)),
    );
    expect(outcomes.every((outcome) => outcome.created)).toBe(true);
    expect(await db.offers.count()).toBe(20);
  });

  it('loses no history when 20 stage changes and re-visits interleave', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      writes.push(setStage(db, ID, { stage: 'followed-up', at: new Date(DAY2.getTime() + i).toISOString() }, DAY2));
      writes.push(saveOffer(db, makeOffer(), DAY3));
    }
    await Promise.all(writes);

    const saved = await stored();
    expect(saved.application.history).toHaveLength(21);
    expect(saved.application.stage).toBe('followed-up');
  });
});

describe('lookup', () => {
  it('answers the saved offers among the addresses, by canonical URL', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    await setStage(db, ID, { stage: 'interview', at: DAY2.toISOString() }, DAY2);

    const marks = await lookup(db, [`${POSTING_URL}#top`, 'https://example.org/not-saved', 'not a url']);

    expect(marks).toEqual({ [ID]: { id: ID, stage: 'interview', stageAt: DAY2.toISOString() } });
  });

  it('answers nothing for no address', async () => {
    expect(await lookup(db, [])).toEqual({});
  });
});

describe('editFields', () => {
  it('keeps a correction apart from the page and shows it on top', async () => {
    await saveOffer(db, makeOffer(), DAY1);

    const saved = await editFields(db, ID, { title: 'Dev fullstack (Etalab)', closesAt: '2023-04-30' }, DAY2);

    expect(saved.page.title).toBe('Développeur·euse fullstack');
    expect(saved.application.edits).toEqual({ title: 'Dev fullstack (Etalab)', closesAt: '2023-04-30' });
    expect(saved.updatedAt).toBe(DAY2.toISOString());
    expect((await db.offers.get(ID))?.closesAt).toBe('2023-04-30');
  });

  it('drops a correction set back to exactly what the page says', async () => {
    await saveOffer(db, makeOffer({ contact: { email: 'jobs@beta.gouv.fr', name: null, phone: null } }), DAY1);
    await editFields(
      db,
      ID,
      { organization: 'X', contact: { email: 'moi@exemple.fr', name: null, phone: null } },
      DAY1,
    );

    const saved = await editFields(
      db,
      ID,
      { organization: 'DINUM', contact: { phone: null, name: null, email: 'jobs@beta.gouv.fr' } },
      DAY2,
    );

    expect(saved.application.edits).toEqual({});
  });

  it('refuses an invalid correction and writes nothing', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    const before = await db.offers.get(ID);

    await expect(editFields(db, ID, { closesAt: '2023-13-01' }, DAY2)).rejects.toThrow(InvalidOfferDataError);
    await expect(editFields(db, ID, { title: '   ' }, DAY2)).rejects.toThrow(InvalidOfferDataError);
    expect(await db.offers.get(ID)).toEqual(before);
  });

  it('names the missing offer', async () => {
    await expect(editFields(db, ID, { title: 'x' }, DAY1)).rejects.toThrow(OfferNotFoundError);
  });
});

describe('stages', () => {
  it('moves to any stage, skipping steps, and dates each change', async () => {
    await saveOffer(db, makeOffer(), DAY1);

    await setStage(db, ID, { stage: 'interview', at: DAY2.toISOString(), note: 'visio' }, DAY2);
    const saved = await setStage(db, ID, { stage: 'rejected', at: DAY3.toISOString() }, DAY3);

    expect(saved.application.stage).toBe('rejected');
    expect(saved.application.history).toEqual([
      { stage: 'to-apply', at: DAY1.toISOString() },
      { stage: 'interview', at: DAY2.toISOString(), note: 'visio' },
      { stage: 'rejected', at: DAY3.toISOString() },
    ]);
    expect((await db.offers.get(ID))?.stage).toBe('rejected');
    expect((await lookup(db, [ID]))[ID]?.stageAt).toBe(DAY3.toISOString());
  });

  it('allows « Abandonnée » straight from « À postuler »', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    expect((await setStage(db, ID, { stage: 'abandoned', at: DAY2.toISOString() }, DAY2)).application.stage).toBe(
      'abandoned',
    );
  });

  it('corrects a logged date without reordering: the current stage stays the last one logged', async () => {
    await saveOffer(db, makeOffer(), DAY2);
    await setStage(db, ID, { stage: 'applied', at: DAY3.toISOString() }, DAY3);

    // « J'avais postulé avant d'enregistrer l'offre »: a date before the first event.
    const saved = await editStageDate(db, ID, 1, DAY1.toISOString(), DAY3);

    expect(saved.application.history.map((event) => [event.stage, event.at])).toEqual([
      ['to-apply', DAY2.toISOString()],
      ['applied', DAY1.toISOString()],
    ]);
    expect(saved.application.stage).toBe('applied');
  });

  it('refuses a date for a step that does not exist, or an invalid date', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    await expect(editStageDate(db, ID, 3, DAY2.toISOString(), DAY2)).rejects.toThrow(/index 3/);
    await expect(editStageDate(db, ID, 0, 'hier', DAY2)).rejects.toThrow(InvalidOfferDataError);
    expect((await stored()).application.history[0]?.at).toBe(DAY1.toISOString());
  });
});

describe('notes and reminders', () => {
  it('updates notes and the contact person independently', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    await updateNotes(db, ID, { notes: 'Préparer le portfolio' }, DAY1);
    await updateNotes(db, ID, { contactPerson: 'Dominique' }, DAY2);

    const saved = await stored();
    expect(saved.application.notes).toBe('Préparer le portfolio');
    expect(saved.application.contactPerson).toBe('Dominique');

    await updateNotes(db, ID, { contactPerson: '  ' }, DAY2);
    expect((await stored()).application.contactPerson).toBeNull();
  });

  it('adds a custom reminder with a fresh id and removes it', async () => {
    await saveOffer(db, makeOffer(), DAY1);

    const first = await addReminder(db, ID, { at: DAY3.toISOString(), label: "Préparer l'entretien" }, DAY1);
    const second = await addReminder(db, ID, { at: DAY3.toISOString(), label: 'Relancer' }, DAY1);

    expect(first.id).not.toBe(second.id);
    expect((await stored()).application.reminders).toEqual([first, second]);

    await removeReminder(db, ID, first.id, DAY2);
    expect((await stored()).application.reminders).toEqual([second]);
    await expect(removeReminder(db, ID, first.id, DAY2)).rejects.toThrow(/no reminder/);
  });

  it('refuses an empty reminder label', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    await expect(addReminder(db, ID, { at: DAY3.toISOString(), label: ' ' }, DAY1)).rejects.toThrow(
      InvalidOfferDataError,
    );
    expect((await stored()).application.reminders).toEqual([]);
  });
});

describe('delete and restore', () => {
  it('removes the offer and its reminders, and undo puts it back exactly', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    await setStage(db, ID, { stage: 'applied', at: DAY2.toISOString() }, DAY2);
    await editFields(db, ID, { closesAt: '2023-05-02' }, DAY2);
    await saveOffer(db, makeOffer({ status: 'closed' }), DAY3);
    await db.reminders.bulkPut([
      { id: `${ID}#deadline-7`, offerId: ID, kind: 'deadline', dueAt: 1, shownAt: null, label: '7' },
      { id: 'other', offerId: 'https://example.org/other', kind: 'custom', dueAt: 1, shownAt: null, label: 'x' },
    ]);
    const rowBefore = await db.offers.get(ID);

    const removed = await deleteOffer(db, ID);

    expect(await db.offers.get(ID)).toBeUndefined();
    expect((await db.reminders.toArray()).map((reminder) => reminder.id)).toEqual(['other']);
    expect(removed).not.toHaveProperty('stage');

    await restoreOffer(db, structuredClone(removed));
    expect(await db.offers.get(ID)).toEqual(rowBefore);
  });

  it('says so when the offer to delete is gone', async () => {
    await expect(deleteOffer(db, ID)).rejects.toThrow(OfferNotFoundError);
  });

  it('refuses to restore an invalid record', async () => {
    await saveOffer(db, makeOffer(), DAY1);
    const removed = await deleteOffer(db, ID);
    const broken = { ...removed, application: { ...removed.application, history: [] } };

    await expect(restoreOffer(db, broken)).rejects.toThrow(InvalidOfferDataError);
    await expect(restoreOffer(db, { ...removed, id: 'https://example.org/elsewhere' })).rejects.toThrow(/differ/);
    expect(await db.offers.count()).toBe(0);
  });
});

describe('toOfferRow', () => {
  it('derives the sort keys from the effective fields', async () => {
    await saveOffer(db, makeOffer({ closesAt: null, provenance: {} }), DAY1);
    const saved = await stored();
    expect(toOfferRow(saved)).toMatchObject({ closesAt: NO_CLOSING_DATE, stage: 'to-apply' });

    const edited = { ...saved, application: { ...saved.application, edits: { closesAt: '2023-06-01' } } };
    expect(toOfferRow(edited).closesAt).toBe('2023-06-01');
  });
});
