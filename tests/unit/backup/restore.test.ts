import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../../lib/backup/export';
import { NOTES_SEPARATOR } from '../../../lib/backup/merge';
import { restoreBackup } from '../../../lib/backup/restore';
import { NO_CLOSING_DATE, type PostuloDb } from '../../../lib/db';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { backupText, event, OFFER_URL, reminder, savedOffer } from './builders';
import { dropTestDb, openTestDb, snapshot } from './db-support';

const OTHER_URL = 'https://incubateur.anct.gouv.fr/jobs/chef-de-projet-42';
const THIRD_URL = 'https://example.org/emplois/designer';

const opened: PostuloDb[] = [];
async function database(...args: Parameters<typeof openTestDb>) {
  const db = await openTestDb(...args);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map(dropTestDb));
});

describe('restore, merge', () => {
  it('adds new offers, merges known ones and keeps everything already there', async () => {
    const here = savedOffer({ application: { notes: 'ici' } });
    const onlyHere = savedOffer({ url: OTHER_URL, title: 'Chef·fe de projet' });
    const db = await database([here, onlyHere]);
    const theirs = savedOffer({
      updatedAt: '2026-03-08T10:00:00.000Z',
      application: {
        notes: 'là-bas',
        history: [event('to-apply', '2026-03-02T09:00:00.000Z'), event('applied', '2026-03-07T10:00:00.000Z')],
      },
    });
    const onlyThere = savedOffer({ url: THIRD_URL, title: 'Designer', closesAt: '2026-04-01' });

    const result = await restoreBackup(db, backupText([theirs, onlyThere]), {
      mode: 'merge',
      currentSettings: DEFAULT_SETTINGS,
    });

    expect(result.ok && result.value.offers).toEqual({ added: 1, updated: 1, unchanged: 1, removed: 0 });
    const rows = await db.offers.toArray();
    expect(rows.map((row) => row.id).sort()).toEqual([OFFER_URL, OTHER_URL, THIRD_URL].sort());
    const merged = await db.offers.get(OFFER_URL);
    expect(merged?.stage).toBe('applied');
    expect(merged?.application.notes).toBe(`ici${NOTES_SEPARATOR}là-bas`);
    // Derived sort keys are computed for restored rows.
    expect((await db.offers.get(THIRD_URL))?.closesAt).toBe('2026-04-01');
    expect(merged?.closesAt).toBe(NO_CLOSING_DATE);
  });

  it('keeps the settings in use here and says so', async () => {
    const db = await database();
    const mine = { ...DEFAULT_SETTINGS, csvSeparator: ',' as const };
    const result = await restoreBackup(db, backupText([]), { mode: 'merge', currentSettings: mine });
    expect(result.ok && result.value.settings).toEqual(mine);
  });

  it('merging the same file twice changes nothing the second time', async () => {
    const db = await database(
      [savedOffer({ application: { notes: 'ici', edits: { title: 'Corrigé ici' } } })],
      [reminder({ offerId: OFFER_URL, shownAt: null })],
    );
    const file = backupText(
      [
        savedOffer({ updatedAt: '2026-03-09T00:00:00.000Z', application: { notes: 'là-bas' } }),
        savedOffer({ url: THIRD_URL }),
      ],
      [reminder({ offerId: OFFER_URL, shownAt: 1234 }), reminder({ offerId: THIRD_URL })],
    );
    const first = await restoreBackup(db, file, { mode: 'merge', currentSettings: DEFAULT_SETTINGS });
    expect(first.ok).toBe(true);
    const afterFirst = await snapshot(db);

    const second = await restoreBackup(db, file, { mode: 'merge', currentSettings: DEFAULT_SETTINGS });

    expect(await snapshot(db)).toStrictEqual(afterFirst);
    expect(second.ok && second.value.offers).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 0 });
    expect(second.ok && second.value.reminders).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });

  it('matches offers by canonical URL, and their reminders follow', async () => {
    const db = await database([savedOffer()], [reminder({ offerId: OFFER_URL, shownAt: null })]);
    const trackedUrl = `${OFFER_URL}/?utm_source=newsletter#postuler`;
    const file = backupText(
      [savedOffer({ url: trackedUrl, application: { notes: 'du fichier' } })],
      [reminder({ offerId: trackedUrl, shownAt: 999 })],
    );

    const result = await restoreBackup(db, file, { mode: 'merge', currentSettings: DEFAULT_SETTINGS });

    expect(result.ok && result.value.offers).toMatchObject({ added: 0, updated: 1 });
    expect(await db.offers.count()).toBe(1);
    expect((await db.offers.get(OFFER_URL))?.application.notes).toBe('du fichier');
    const reminders = await db.reminders.toArray();
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ id: `${OFFER_URL}#deadline-2`, offerId: OFFER_URL, shownAt: 999 });
  });

  it('never shows again a reminder shown on either computer', async () => {
    const db = await database([savedOffer()], [reminder({ offerId: OFFER_URL, shownAt: 5000 })]);
    await restoreBackup(db, backupText([savedOffer()], [reminder({ offerId: OFFER_URL, shownAt: null })]), {
      mode: 'merge',
      currentSettings: DEFAULT_SETTINGS,
    });
    expect((await db.reminders.toArray())[0]?.shownAt).toBe(5000);
  });

  it('refuses a merge that would break a limit, and changes nothing', async () => {
    const db = await database([savedOffer({ application: { notes: 'a'.repeat(15000) } })]);
    const before = await snapshot(db);
    const result = await restoreBackup(
      db,
      backupText([savedOffer({ url: THIRD_URL }), savedOffer({ application: { notes: 'b'.repeat(15000) } })]),
      { mode: 'merge', currentSettings: DEFAULT_SETTINGS },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('conflict');
    expect(result.problem.path).toBe('offers[1]');
    expect(result.problem.message).toMatch(/^offers\[1\]: merged with the offer already saved, application\.notes: /);
    expect(await snapshot(db)).toStrictEqual(before);
  });
});

describe('restore, replace', () => {
  it('leaves exactly the file: what was there is gone, the file settings apply', async () => {
    const db = await database([savedOffer({ url: OTHER_URL })], [reminder({ offerId: OTHER_URL })]);
    const file = backupText([savedOffer({ url: THIRD_URL })], [reminder({ offerId: THIRD_URL })]);

    const result = await restoreBackup(db, file, { mode: 'replace', currentSettings: DEFAULT_SETTINGS });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.offers).toEqual({ added: 1, updated: 0, unchanged: 0, removed: 1 });
    expect(result.value.settings.csvSeparator).toBe(',');
    expect((await db.offers.toArray()).map((row) => row.id)).toEqual([THIRD_URL]);
    expect((await db.reminders.toArray()).map((row) => row.offerId)).toEqual([THIRD_URL]);
  });

  it('skips reminders whose offer is not in the file, and counts them', async () => {
    const db = await database();
    const file = backupText([savedOffer()], [reminder({ offerId: OFFER_URL }), reminder({ offerId: OTHER_URL })]);
    const result = await restoreBackup(db, file, { mode: 'replace', currentSettings: DEFAULT_SETTINGS });
    expect(result.ok && result.value.reminders).toMatchObject({ added: 1, skipped: 1 });
    expect(await db.reminders.count()).toBe(1);
  });

  it('is all or nothing: a write refused half-way leaves the database as it was', async () => {
    const db = await database([savedOffer({ url: OTHER_URL })], [reminder({ offerId: OTHER_URL })]);
    const before = await snapshot(db);
    // Offers are cleared and rewritten before reminders: fail on the last write.
    db.reminders.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    const file = backupText([savedOffer()], [reminder({ offerId: OFFER_URL })]);

    const result = await restoreBackup(db, file, { mode: 'replace', currentSettings: DEFAULT_SETTINGS });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe('database');
    expect(await snapshot(db)).toStrictEqual(before);
  });
});

describe('export', () => {
  it('writes a versioned file without the derived sort keys', async () => {
    const db = await database([savedOffer({ closesAt: '2026-05-01' })], [reminder({ offerId: OFFER_URL })]);
    const text = await exportBackup(db, DEFAULT_SETTINGS, new Date('2026-03-10T12:00:00.000Z'));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'postulo-backup', version: 1, exportedAt: '2026-03-10T12:00:00.000Z' });
    expect(file.offers).toHaveLength(1);
    expect(file.offers[0]).not.toHaveProperty('closesAt');
    expect(file.offers[0]).not.toHaveProperty('stage');
    expect(file.offers[0].page.closesAt).toBe('2026-05-01');
    expect(file.reminders).toHaveLength(1);
    expect(file.settings).toEqual(DEFAULT_SETTINGS);
  });
});
