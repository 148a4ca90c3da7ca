import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES } from '../../../lib/backup/format';
import { checkBackupSize } from '../../../lib/backup/read';
import { type RestoreMode, restoreBackup } from '../../../lib/backup/restore';
import type { PostuloDb } from '../../../lib/db';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { backupText, event, OFFER_URL, reminder, savedOffer } from './builders';
import { dropTestDb, openTestDb, snapshot } from './db-support';

/** Five good offers, numbered, with whatever the case breaks in one of them. */
function fiveOffers() {
  return [0, 1, 2, 3, 4].map((index) => savedOffer({ url: `${OFFER_URL}-${index}`, title: `Offre ${index}` }));
}

let db: PostuloDb;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  db = await openTestDb(
    [savedOffer({ application: { notes: 'déjà là', history: [event('to-apply', '2026-01-05T08:00:00.000Z')] } })],
    [reminder({ offerId: OFFER_URL })],
  );
  before = await snapshot(db);
});
afterAll(async () => {
  await dropTestDb(db);
});

async function restoreBoth(input: string | Uint8Array) {
  const results = [];
  for (const mode of ['merge', 'replace'] as RestoreMode[]) {
    results.push(await restoreBackup(db, input, { mode, currentSettings: DEFAULT_SETTINGS }));
  }
  return results;
}

interface BadFile {
  name: string;
  input: () => string | Uint8Array;
  code: string;
  path?: string;
  message: RegExp;
}

const broken = (change: (offers: ReturnType<typeof fiveOffers>) => void, reminders: unknown[] = []) => {
  const offers = fiveOffers();
  change(offers);
  return backupText(offers, reminders);
};

const BAD_FILES: BadFile[] = [
  { name: 'not JSON', input: () => 'Bonjour', code: 'not-json', message: /^not JSON/ },
  { name: 'an empty file', input: () => '', code: 'not-json', message: /^not JSON/ },
  {
    name: 'a truncated file',
    input: () => backupText(fiveOffers()).slice(0, 300),
    code: 'not-json',
    message: /^not JSON/,
  },
  {
    name: 'another JSON document',
    input: () => '{"name":"mon-cv"}',
    code: 'not-a-backup',
    message: /^not a Postulo backup$/,
  },
  { name: 'a JSON array', input: () => '[]', code: 'not-a-backup', message: /^not a Postulo backup$/ },
  { name: 'JSON null', input: () => 'null', code: 'not-a-backup', message: /^not a Postulo backup$/ },
  {
    name: 'a newer version',
    input: () => backupText(fiveOffers(), [], { version: 9 }),
    code: 'newer-version',
    message: /^version 9 is newer than this extension/,
  },
  {
    name: 'one offer with a broken address among many',
    input: () =>
      broken((offers) => {
        const third = offers[3];
        if (third) third.page.url = 'pas une adresse';
      }),
    code: 'invalid',
    path: 'offers[3].page.url',
    message: /^offers\[3\]\.page\.url: invalid URL$/,
  },
  {
    name: 'one offer with an empty history',
    input: () =>
      broken((offers) => {
        const second = offers[2];
        if (second) second.application.history = [];
      }),
    code: 'invalid',
    path: 'offers[2].application.history',
    message: /^offers\[2\]\.application\.history: /,
  },
  {
    name: 'one offer with a date that does not exist',
    input: () =>
      broken((offers) => {
        const first = offers[1];
        if (first) first.page.closesAt = '2026-02-30';
      }),
    code: 'invalid',
    path: 'offers[1].page.closesAt',
    message: /^offers\[1\]\.page\.closesAt: not a calendar date$/,
  },
  {
    name: 'the same offer twice',
    input: () =>
      broken((offers) => {
        const copy = offers[0];
        if (copy) offers.push(copy);
      }),
    code: 'invalid',
    path: 'offers[5].id',
    message: /^offers\[5\]\.id: same id as offers\[0\]$/,
  },
  {
    name: 'a broken reminder',
    input: () =>
      broken(() => {}, [
        reminder({ offerId: `${OFFER_URL}-1` }),
        { ...reminder({ offerId: `${OFFER_URL}-1` }), dueAt: -5 },
      ]),
    code: 'invalid',
    path: 'reminders[1].dueAt',
    message: /^reminders\[1\]\.dueAt: /,
  },
  {
    name: 'no settings',
    input: () => JSON.stringify({ ...JSON.parse(backupText(fiveOffers())), settings: undefined }),
    code: 'invalid',
    path: 'settings',
    message: /^settings: /,
  },
  {
    name: 'bytes that are not text',
    input: () => new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x7d]),
    code: 'not-text',
    message: /^not a text file/,
  },
  {
    name: 'a huge file',
    input: () => `{"format":"postulo-backup","padding":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`,
    code: 'too-large',
    message: /^the file is 51 MB, more than the 50 MB a backup can be$/,
  },
  {
    name: 'a huge file of multi-byte text',
    input: () => 'é'.repeat(MAX_BACKUP_BYTES / 2 + 1),
    code: 'too-large',
    message: /^the file is/,
  },
];

describe('a bad backup file changes nothing', () => {
  it.each(BAD_FILES)('$name', async ({ input, code, path, message }) => {
    for (const result of await restoreBoth(input())) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problem.code).toBe(code);
      expect(result.problem.path).toBe(path);
      expect(result.problem.message).toMatch(message);
    }
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        for (const result of await restoreBoth(bytes)) expect(result.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('a good file cut anywhere', async () => {
    const good = backupText(fiveOffers(), [reminder({ offerId: `${OFFER_URL}-2` })]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), async (end) => {
        for (const result of await restoreBoth(good.slice(0, end))) {
          expect(!result.ok && result.problem.code).toBe('not-json');
        }
      }),
      { numRuns: 100 },
    );
    expect(await snapshot(db)).toStrictEqual(before);
  });

  it('the options page can refuse a huge file by its size alone', () => {
    expect(checkBackupSize(MAX_BACKUP_BYTES).ok).toBe(true);
    expect(checkBackupSize(MAX_BACKUP_BYTES + 1)).toMatchObject({ ok: false, problem: { code: 'too-large' } });
  });

  it('while a good file does restore (so the cases above fail for their own reason)', async () => {
    const other = await openTestDb();
    try {
      const result = await restoreBackup(other, backupText(fiveOffers(), [reminder({ offerId: `${OFFER_URL}-1` })]), {
        mode: 'replace',
        currentSettings: DEFAULT_SETTINGS,
      });
      expect(result.ok).toBe(true);
      expect(await other.offers.count()).toBe(5);
    } finally {
      await dropTestDb(other);
    }
  });
});
