/**
 * Exactly once: the reminders to notify are selected and marked shown in one transaction, before
 * any notification is created. A second wake, a second service worker or an alarm firing late
 * finds them already marked; a notification that then fails to show is not retried (the badge
 * and « À faire » still carry it).
 */
import type { PostuloDb } from '../db';
import type { Reminder } from '../reminder';
import { effectiveDueAt, notifiable } from './due';

/** Marks every reminder due at `now` and not yet shown as shown; returns those worth a notification. */
export async function takeDueReminders(db: PostuloDb, now: number): Promise<Reminder[]> {
  return db.transaction('rw', db.reminders, async () => {
    const due = await db.reminders
      .where('dueAt')
      .belowOrEqual(now)
      .filter((reminder) => reminder.shownAt === null && effectiveDueAt(reminder) <= now)
      .toArray();
    if (due.length === 0) return [];
    const shown = due.map((reminder) => ({ ...reminder, shownAt: now }));
    await db.reminders.bulkPut(shown);
    return notifiable(shown);
  });
}

/** When the next not-yet-shown reminder falls due, or null when none is waiting. */
export async function nextDueAt(db: PostuloDb): Promise<number | null> {
  let next: number | null = null;
  await db.reminders
    .filter((reminder) => reminder.shownAt === null)
    .each((reminder) => {
      const at = effectiveDueAt(reminder);
      if (next === null || at < next) next = at;
    });
  return next;
}
