/**
 * Quiet hours hold notifications back until the quiet period ends; they never drop one. A
 * window whose start is after its end (21:00 → 08:00) runs overnight.
 */
import type { Settings } from '../settings';
import { addDays, minutesOfDay, wallClockAt, zonedInstant } from './zoned-time';

export type QuietHours = Settings['quietHours'];

/** When the quiet period containing `instant` ends, or null when `instant` is not in one. */
export function quietPeriodEnd(instant: number, quiet: QuietHours, timeZone: string): number | null {
  if (!quiet.enabled) return null;
  const from = minutesOfDay(quiet.from);
  const to = minutesOfDay(quiet.to);
  if (from === to) return null; // An empty window, not a whole day of silence.
  const clock = wallClockAt(instant, timeZone);
  const minute = clock.hour * 60 + clock.minute;
  let endDate: string | null = null;
  if (from < to) {
    if (minute >= from && minute < to) endDate = clock.date;
  } else if (minute >= from) {
    endDate = addDays(clock.date, 1);
  } else if (minute < to) {
    endDate = clock.date;
  }
  if (endDate === null) return null;
  const end = zonedInstant(endDate, quiet.to, timeZone);
  return end > instant ? end : null;
}

/** `instant`, or the end of the quiet period it falls in. */
export function outsideQuietHours(instant: number, quiet: QuietHours, timeZone: string): number {
  return quietPeriodEnd(instant, quiet, timeZone) ?? instant;
}
