/**
 * Two alarms wake the background: one for the next due reminder and a periodic sweep, in case
 * the first is lost (Firefox forgets alarms on restart; an update may clear them).
 *
 * Re-creating an alarm replaces it, so re-creating on every wake could keep pushing it back
 * (Chrome delays a packed extension's alarm to at least 30 s ahead): an alarm that will already
 * fire in time is left alone.
 */
import type { AlarmsApi } from './browser-api';

export const NEXT_ALARM = 'postulo:next';
export const SWEEP_ALARM = 'postulo:sweep';
export const SWEEP_PERIOD_MINUTES = 15;

/** Chrome's minimum delay for packed extensions, plus a margin. */
const CLAMP_TOLERANCE_MS = 60_000;

/**
 * True when an existing alarm at `scheduledTime` already does the job of one at `when`: it is
 * set for that very instant, or both are due now-ish (re-creating it then could only let the
 * browser's minimum delay push it later, wake after wake).
 */
export function alarmCovers(scheduledTime: number, when: number, now: number): boolean {
  if (scheduledTime === when) return true;
  const soon = now + CLAMP_TOLERANCE_MS;
  return when <= soon && scheduledTime <= soon;
}

/** Sets the next-reminder alarm to `when`, or clears it when nothing is waiting. */
export async function armNextAlarm(alarms: AlarmsApi, when: number | null, now: number): Promise<void> {
  const existing = await alarms.get(NEXT_ALARM);
  if (when === null) {
    if (existing) await alarms.clear(NEXT_ALARM);
    return;
  }
  if (existing && alarmCovers(existing.scheduledTime, when, now)) return;
  await alarms.create(NEXT_ALARM, { when });
}

/** Creates the periodic sweep when it is missing (never re-created: that would postpone it). */
export async function ensureSweepAlarm(alarms: AlarmsApi): Promise<void> {
  const existing = await alarms.get(SWEEP_ALARM);
  if (existing && existing.periodInMinutes === SWEEP_PERIOD_MINUTES) return;
  await alarms.create(SWEEP_ALARM, { delayInMinutes: SWEEP_PERIOD_MINUTES, periodInMinutes: SWEEP_PERIOD_MINUTES });
}
