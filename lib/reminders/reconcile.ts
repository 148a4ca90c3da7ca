/**
 * Keeps the `reminders` table equal to what the schedule computes from the saved offers, while
 * keeping what only the table knows: whether each reminder was shown, and until when it is
 * snoozed. Run after every write and on every wake; running it twice changes nothing.
 */
import type { PostuloDb } from '../db';
import type { Reminder } from '../reminder';
import type { SavedOffer } from '../saved-offer';
import type { Settings } from '../settings';
import { type ScheduledReminder, scheduleReminders } from './schedule';

export interface ReconcilePlan {
  /** New reminders and those whose due time or label changed. */
  put: Reminder[];
  /** Ids of stored reminders the schedule no longer has (stage moved on, offer deleted…). */
  remove: string[];
}

/** The pure diff: computed reminders against stored rows. */
export function planReconcile(stored: readonly Reminder[], computed: readonly ScheduledReminder[]): ReconcilePlan {
  const storedById = new Map(stored.map((row) => [row.id, row]));
  const computedIds = new Set<string>();
  const put: Reminder[] = [];
  for (const reminder of computed) {
    if (computedIds.has(reminder.id)) continue;
    computedIds.add(reminder.id);
    const previous = storedById.get(reminder.id);
    const next: Reminder = {
      ...reminder,
      shownAt: previous?.shownAt ?? null,
      snoozedUntil: previous?.snoozedUntil ?? null,
    };
    if (!previous || !sameReminder(previous, next)) put.push(next);
  }
  const remove = stored.filter((row) => !computedIds.has(row.id)).map((row) => row.id);
  return { put, remove };
}

/** Every reminder all saved offers should have; an offer the schedule cannot read is skipped, not fatal. */
export function scheduleAll(
  offers: readonly SavedOffer[],
  settings: Settings,
  now: number,
  timeZone: string,
): ScheduledReminder[] {
  return offers.flatMap((offer) => {
    try {
      return scheduleReminders(offer, settings, now, timeZone);
    } catch (error) {
      console.error('Postulo: cannot schedule reminders for', offer.id, error);
      return [];
    }
  });
}

/** Brings the table in line with the offers, in one transaction so no wake sees half of it. */
export async function syncReminderTable(
  db: PostuloDb,
  settings: Settings,
  now: number,
  timeZone: string,
): Promise<ReconcilePlan> {
  return db.transaction('rw', db.offers, db.reminders, async () => {
    const [offers, stored] = await Promise.all([db.offers.toArray(), db.reminders.toArray()]);
    const plan = planReconcile(stored, scheduleAll(offers, settings, now, timeZone));
    if (plan.put.length > 0) await db.reminders.bulkPut(plan.put);
    if (plan.remove.length > 0) await db.reminders.bulkDelete(plan.remove);
    return plan;
  });
}

function sameReminder(a: Reminder, b: Reminder): boolean {
  return (
    a.offerId === b.offerId &&
    a.kind === b.kind &&
    a.dueAt === b.dueAt &&
    a.label === b.label &&
    a.shownAt === b.shownAt &&
    (a.snoozedUntil ?? null) === (b.snoozedUntil ?? null)
  );
}
