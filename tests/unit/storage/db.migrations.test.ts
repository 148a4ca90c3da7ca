/**
 * Schema versions of the extension's database. Version 1 is the only one so far; each later
 * `version(n)` gets a test here that fills version n - 1 with data and opens version n.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PostuloDb } from '../../../lib/db';
import { DB_IDB_VERSION, DB_SCHEMA_VERSION } from '../../../lib/db-layout';
import { getOffer, saveOffer, setStage } from '../../../lib/offers-repo';
import { freshDb, makeOffer } from './offer-factory';

const opened: PostuloDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function track(db: PostuloDb): PostuloDb {
  opened.push(db);
  return db;
}

describe('the schema version', () => {
  it('is the newest version lib/db.ts declares, as the popup reads it before Dexie is loaded (lib/db-peek.ts)', async () => {
    const db = track(freshDb());
    await db.open();
    expect(db.verno).toBe(DB_SCHEMA_VERSION);
    expect(db.backendDB().version).toBe(DB_IDB_VERSION);
  });
});

describe('database version 1', () => {
  it('opens empty with the offers and reminders stores and their indexes', async () => {
    const db = track(freshDb());
    await db.open();

    expect(db.verno).toBe(1);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['offers', 'reminders']);
    expect(db.offers.schema.primKey.keyPath).toBe('id');
    expect(db.offers.schema.indexes.map((index) => index.name).sort()).toEqual(['closesAt', 'stage', 'updatedAt']);
    expect(db.reminders.schema.indexes.map((index) => index.name).sort()).toEqual(['dueAt', 'offerId']);
    expect(await db.offers.count()).toBe(0);
    expect(await db.reminders.count()).toBe(0);
  });

  it('keeps what was written across a close and a reopen, and sorts on the derived keys', async () => {
    const name = `postulo-test-${crypto.randomUUID()}`;
    const first = new PostuloDb(name);
    await saveOffer(first, makeOffer({ url: 'https://example.org/jobs/late', closesAt: '2023-06-01' }), new Date());
    await saveOffer(
      first,
      makeOffer({ url: 'https://example.org/jobs/none', closesAt: null, provenance: {} }),
      new Date(),
    );
    await saveOffer(first, makeOffer({ url: 'https://example.org/jobs/soon', closesAt: '2023-04-01' }), new Date());
    await setStage(
      first,
      'https://example.org/jobs/soon',
      { stage: 'applied', at: new Date().toISOString() },
      new Date(),
    );
    first.close();

    const reopened = track(new PostuloDb(name));
    const byClosing = await reopened.offers.orderBy('closesAt').primaryKeys();
    expect(byClosing).toEqual([
      'https://example.org/jobs/soon',
      'https://example.org/jobs/late',
      'https://example.org/jobs/none',
    ]);
    expect(await reopened.offers.where('stage').equals('applied').primaryKeys()).toEqual([
      'https://example.org/jobs/soon',
    ]);
    expect((await getOffer(reopened, 'https://example.org/jobs/soon'))?.application.stage).toBe('applied');
  });
});
