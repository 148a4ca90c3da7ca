import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../lib/backup/export';
import { restoreBackup } from '../../../lib/backup/restore';
import { Reminder } from '../../../lib/reminder';
import { SavedOffer } from '../../../lib/saved-offer';
import { DEFAULT_SETTINGS, Settings } from '../../../lib/settings';
import { dataset } from './arbitraries';
import { byId, dropTestDb, openTestDb, snapshot } from './db-support';

describe('backup round trip', () => {
  it('generates only records the schemas accept unchanged (so the round trip below is meaningful)', () => {
    fc.assert(
      fc.property(dataset, (data) => {
        for (const saved of data.offers) expect(SavedOffer.parse(saved)).toStrictEqual(saved);
        for (const reminder of data.reminders) expect(Reminder.parse(reminder)).toStrictEqual(reminder);
        expect(Settings.parse(data.settings)).toStrictEqual(data.settings);
      }),
      { numRuns: 200 },
    );
  });

  it('export then restore (replace) into an empty database gives back exactly the same data', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, async (data) => {
        const source = await openTestDb(data.offers, data.reminders);
        const target = await openTestDb();
        try {
          const text = await exportBackup(source, data.settings);
          const restored = await restoreBackup(target, text, { mode: 'replace', currentSettings: DEFAULT_SETTINGS });
          if (!restored.ok) throw new Error(restored.problem.message);

          const after = await snapshot(target);
          const { offers: rows } = after;
          const offers = rows.map(({ closesAt: _closesAt, stage: _stage, ...saved }) => saved);
          expect(byId(offers)).toStrictEqual(byId(data.offers));
          expect(byId(after.reminders)).toStrictEqual(byId(data.reminders));
          expect(restored.value.settings).toStrictEqual(data.settings);
          // The derived sort keys are rebuilt exactly as they were.
          expect(byId(rows)).toStrictEqual(byId((await snapshot(source)).offers));
        } finally {
          await dropTestDb(source);
          await dropTestDb(target);
        }
      }),
      { numRuns: 60 },
    );
  });
});
