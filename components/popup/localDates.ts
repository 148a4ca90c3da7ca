/**
 * Calendar arithmetic in the candidate's local time. Closing dates are calendar dates
 * (`YYYY-MM-DD`, no time zone), so "today" must be the local day, not the UTC one: at 00:30 in
 * Paris an offer closing "today" must not already read as closed.
 */

const MS_PER_DAY = 86_400_000;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The local calendar day of an instant, as `YYYY-MM-DD`. */
export function localIsoDate(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** The local time of day of an instant, as `HH:MM`. */
export function localClockTime(instant: Date): string {
  return `${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

function utcDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). DST-proof. */
export function daysBetween(from: string, to: string): number {
  return Math.round(utcDayNumber(to) - utcDayNumber(from));
}

/** The instant at a local date and time (`YYYY-MM-DD`, `HH:MM`), as an ISO string. */
export function localInstant(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).toISOString();
}

/**
 * The same instant moved to another local calendar day, keeping its local time of day: when a
 * candidate corrects "I sent it on Monday", the hour they logged it at is the best guess left.
 */
export function moveToLocalDate(instant: string, date: string): string {
  return localInstant(date, localClockTime(new Date(instant)));
}

/** A `YYYY-MM-DD` a person plausibly means (date inputs report `0002-03-12` while the year is typed). */
export function isPlausibleDate(value: string): boolean {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= 1990 && year <= 2100;
}
