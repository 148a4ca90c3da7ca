/**
 * The reminder settings as the form edits them: the text a person typed becomes a valid value,
 * or the reason it cannot. The limits are read from the Settings schema, so the form and the
 * stored value agree.
 */
import { Settings } from '../../lib/settings';

const deadlineShape = Settings.shape.deadlineReminders.shape;
const followUpShape = Settings.shape.followUp.shape;

export const DAYS_BEFORE_MAX = deadlineShape.daysBefore.element.maxValue ?? 60;
// zod does not expose an array's maximum length; tests/unit/options check it against the schema.
export const DAYS_BEFORE_COUNT_MAX = 10;
export const FOLLOW_UP_MIN = followUpShape.afterDays.minValue ?? 1;
export const FOLLOW_UP_MAX = followUpShape.afterDays.maxValue ?? 90;

export type DayProblem = 'invalid' | 'duplicate' | 'too-many';

/** A whole number typed in a field ('7', ' 7 '), or null ('', '7.5', '7j', '-1'). */
export function parseWholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

/** Days before closing, furthest first (the order the reminders come in). */
export function sortDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

export function addDayBefore(
  days: readonly number[],
  typed: string,
): { ok: true; days: number[] } | { ok: false; problem: DayProblem } {
  const day = parseWholeNumber(typed);
  if (day === null || day > DAYS_BEFORE_MAX) return { ok: false, problem: 'invalid' };
  if (days.includes(day)) return { ok: false, problem: 'duplicate' };
  if (days.length >= DAYS_BEFORE_COUNT_MAX) return { ok: false, problem: 'too-many' };
  return { ok: true, days: sortDays([...days, day]) };
}

export function removeDayBefore(days: readonly number[], day: number): number[] {
  return days.filter((item) => item !== day);
}

/** Follow-up delay typed → days, or null when out of range. */
export function parseFollowUpDays(typed: string): number | null {
  const days = parseWholeNumber(typed);
  return days !== null && days >= FOLLOW_UP_MIN && days <= FOLLOW_UP_MAX ? days : null;
}

/** `HH:MM` of a time input (which may give `HH:MM:SS` when seconds are shown), or null. */
export function parseClockTime(typed: string): string | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(typed.trim());
  return match ? `${match[1]}:${match[2]}` : null;
}
