import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_VERSION } from '../../../lib/backup/format';
import { MIGRATIONS, upgradeBackup } from '../../../lib/backup/migrate';
import { readBackup } from '../../../lib/backup/read';
import { restoreBackup } from '../../../lib/backup/restore';
import type { PostuloDb } from '../../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { dropTestDb, openTestDb } from './db-support';

/** A hand-made file in the first historical format (version 0), as tests/fixtures keeps it. */
const VERSION_0 = readFileSync(join(import.meta.dirname, '../../fixtures/backup/version-0.json'), 'utf8');
const OFFER_ID = 'https://incubateur.anct.gouv.fr/jobs/dev-fullstack';
const MINE: Settings = { ...DEFAULT_SETTINGS, locale: 'en', csvSeparator: ',' };

let db: PostuloDb | undefined;
afterEach(async () => {
  if (db) await dropTestDb(db);
  db = undefined;
});

describe('older backups', () => {
  it('has one upgrade step per older version, none missing', () => {
    expect(MIGRATIONS.map((step) => step.from)).toEqual([...Array(BACKUP_VERSION).keys()]);
  });

  it('restores a version 0 file into the current version', async () => {
    db = await openTestDb();
    const result = await restoreBackup(db, VERSION_0, { mode: 'replace', currentSettings: MINE });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.offers.get(OFFER_ID);
    expect(row).toMatchObject({
      id: OFFER_ID,
      stage: 'applied',
      closesAt: '2025-12-15',
      changes: [],
      application: { contactPerson: 'Camille', edits: { location: 'Paris ou Lyon' } },
    });
    expect(row?.application.history[1]).toEqual({
      stage: 'applied',
      at: '2025-11-05T17:40:00+01:00',
      note: 'CV + lettre',
    });
    const reminders = await db.reminders.orderBy('dueAt').toArray();
    expect(reminders.map(({ kind, dueAt, shownAt }) => ({ kind, dueAt, shownAt }))).toEqual([
      { kind: 'follow-up', dueAt: Date.UTC(2025, 10, 15, 8), shownAt: Date.UTC(2025, 10, 15, 8, 0, 5) },
      { kind: 'deadline', dueAt: Date.UTC(2025, 11, 13, 8), shownAt: null },
    ]);
    // The file predates saved settings: the ones in use stay.
    expect(result.value.settings).toEqual(MINE);
  });

  it('points at the place in the old file when it is broken', () => {
    const broken = JSON.parse(VERSION_0);
    broken.reminders[1].dueAt = 'tomorrow';
    const result = readBackup(JSON.stringify(broken), { settings: MINE });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ code: 'invalid', path: 'reminders[1].dueAt' });
    expect(result.problem.message).toMatch(/^reminders\[1\]\.dueAt: .*\(version 0 file\)$/);
  });

  it('refuses a file from a newer Postulo', () => {
    const result = upgradeBackup({ format: 'postulo-backup', version: BACKUP_VERSION + 8 }, { settings: MINE });
    expect(!result.ok && result.problem).toMatchObject({
      code: 'newer-version',
      version: BACKUP_VERSION + 8,
      message: expect.stringMatching(`^version ${BACKUP_VERSION + 8} is newer than this extension`),
    });
  });

  it.each([
    ['no version', { format: 'postulo-backup' }],
    ['a text version', { format: 'postulo-backup', version: '1' }],
    ['a negative version', { format: 'postulo-backup', version: -1 }],
    ['a fractional version', { format: 'postulo-backup', version: 0.5 }],
  ])('refuses a file with %s', (_name, data) => {
    const result = upgradeBackup(data, { settings: MINE });
    expect(!result.ok && result.problem).toMatchObject({ code: 'not-a-backup', path: 'version' });
  });

  it('leaves a current file as it is', () => {
    const data = { format: 'postulo-backup', version: BACKUP_VERSION, offers: [], reminders: [] };
    expect(upgradeBackup(data, { settings: MINE })).toEqual({ ok: true, value: data });
  });
});
