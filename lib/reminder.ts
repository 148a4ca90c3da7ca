/**
 * A reminder is data, not a timer: each one has its due instant and whether it was shown, so
 * it is shown exactly once whatever happens to alarms and service workers.
 */
import { z } from 'zod';

export const REMINDER_KINDS = ['deadline', 'follow-up', 'custom'] as const;
export const ReminderKind = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKind>;

export const Reminder = z.object({
  /** Deterministic for computed reminders (`<offerId>#deadline-7`), so rescheduling keeps `shownAt`. */
  id: z.string().min(1).max(4200),
  offerId: z.string().url(),
  kind: ReminderKind,
  /** Epoch milliseconds: indexed, compared with `Date.now()`. */
  dueAt: z.number().int().nonnegative(),
  /** Epoch milliseconds when it was shown (notification or « À faire »); null until then. */
  shownAt: z.number().int().nonnegative().nullable(),
  /** « Me le rappeler demain »: not shown again before this instant (epoch ms); absent when never snoozed. */
  snoozedUntil: z.number().int().nonnegative().nullable().optional(),
  /** Days before closing (deadline), the custom reminder's text, etc. */
  label: z.string().max(300).nullable(),
});
export type Reminder = z.infer<typeof Reminder>;
