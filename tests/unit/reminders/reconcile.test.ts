import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostuloDb } from '../../../lib/db';
import type { Reminder } from '../../../lib/reminder';
import { planReconcile, syncReminderTable } from '../../../lib/reminders/reconcile';
import { deadlineReminderId, type ScheduledReminder } from '../../../lib/reminders/schedule';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { offerRow } from './saved-offers';

const ZONE = 'Europe/Paris';
const NOW = Date.parse('2026-06-01T10:00:00Z');

const computed = (id: string, dueAt: number): ScheduledReminder => ({
  id,
  offerId: 'https://example.org/a',
  kind: 'custom',
  dueAt,
  label: 'x',
});

describe('planReconcile', () => {
  it('adds new reminders unshown, keeps shownAt and snoozedUntil, removes obsolete ones', () => {
    const stored: Reminder[] = [
      { ...computed('kept', 100), shownAt: 150, snoozedUntil: 900 },
      { ...computed('moved', 200), shownAt: 250, snoozedUntil: null },
      { ...computed('gone', 300), shownAt: null },
    ];
    const plan = planReconcile(stored, [computed('kept', 100), computed('moved', 220), computed('new', 400)]);
    expect(plan.put).toEqual([
      { ...computed('moved', 220), shownAt: 250, snoozedUntil: null },
      { ...computed('new', 400), shownAt: null, snoozedUntil: null },
    ]);
    expect(plan.remove).toEqual(['gone']);
  });

  it('plans nothing when the table already matches', () => {
    const rows: Reminder[] = [{ ...computed('a', 1), shownAt: null, snoozedUntil: null }];
    expect(planReconcile(rows, [computed('a', 1)])).toEqual({ put: [], remove: [] });
  });
});

describe('syncReminderTable', () => {
  let db: PostuloDb;
  beforeEach(async () => {
    db = new PostuloDb(`test-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('fills the table from the offers, then is idempotent', async () => {
    await db.offers.put(offerRow({ closesAt: '2026-06-20' }));
    const first = await syncReminderTable(db, DEFAULT_SETTINGS, NOW, ZONE);
    expect(first.put).toHaveLength(3);
    const rows = await db.reminders.orderBy('dueAt').toArray();
    expect(rows.map((row) => row.label)).toEqual(['7', '2', '0']);
    expect(rows.every((row) => row.shownAt === null)).toBe(true);

    const second = await syncReminderTable(db, DEFAULT_SETTINGS, NOW, ZONE);
    expect(second).toEqual({ put: [], remove: [] });
    expect(await db.reminders.orderBy('dueAt').toArray()).toEqual(rows);
  });

  it('keeps shownAt across a change of reminder hour', async () => {
    const offer = offerRow({ closesAt: '2026-06-20' });
    await db.offers.put(offer);
    await syncReminderTable(db, DEFAULT_SETTINGS, NOW, ZONE);
    const id = deadlineReminderId(offer.id, 7, '2026-06-20');
    await db.reminders.update(id, { shownAt: NOW });

    const later = { ...DEFAULT_SETTINGS, deadlineReminders: { ...DEFAULT_SETTINGS.deadlineReminders, at: '10:30' } };
    await syncReminderTable(db, later, NOW, ZONE);
    expect(await db.reminders.get(id)).toMatchObject({ shownAt: NOW, dueAt: Date.parse('2026-06-13T08:30:00Z') });
  });

  it('deletes deadline reminders once the offer is marked applied, and adds the follow-up', async () => {
    await db.offers.put(offerRow({ closesAt: '2026-06-20' }));
    await syncReminderTable(db, DEFAULT_SETTINGS, NOW, ZONE);
    await db.offers.put(
      offerRow({
        closesAt: '2026-06-20',
        history: [
          ['to-apply', '2026-01-01T10:00:00Z'],
          ['applied', '2026-06-01T09:00:00Z'],
        ],
      }),
    );
    const plan = await syncReminderTable(db, DEFAULT_SETTINGS, NOW, ZONE);
    expect(plan.remove).toHaveLength(3);
    expect((await db.reminders.toArray()).map((row) => row.kind)).toEqual(['follow-up']);
  });

  it('deletes the reminders of a deleted offer', async () => {
    const offer = offerRow({ closesAt: '2026-06-20' });
    await db.offers.put(offer);
    await syncReminderTable(db, DEFAULT_SETTINGS, NOW, ZONE);
    await db.offers.delete(offer.id);
    await syncReminderTable(db, DEFAULT_SETTINGS, NOW, ZONE);
    expect(await db.reminders.count()).toBe(0);
  });
});
