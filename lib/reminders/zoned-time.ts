/**
 * Wall-clock time in an explicit IANA time zone, computed with `Intl` only.
 *
 * Reminders are promised in the user's local time (« 09:00 le jour de la clôture »), so every
 * computation takes the zone as a parameter instead of reading the process's zone: the schedule
 * can then be tested over Paris, New York, Tokyo and UTC in one run, and the service passes the
 * browser's own zone (`localTimeZone()`).
 */

/** A calendar date `YYYY-MM-DD`. */
export type CalendarDate = string;
/** A clock time `HH:MM` (24 h). */
export type ClockTime = string;

export interface WallClock {
  date: CalendarDate;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;

/** The zone the browser runs in: what the user's clock shows. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock in `timeZone` shows at `instant` (epoch milliseconds). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = values.year ?? 1970;
  const month = values.month ?? 1;
  const day = values.day ?? 1;
  return {
    date: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** The local calendar date at `instant` in `timeZone`. */
export function localDate(instant: number, timeZone: string): CalendarDate {
  return wallClockAt(instant, timeZone).date;
}

/** How far the zone's clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const [year, month, day] = splitDate(wall.date);
  const asUtc = Date.UTC(year, month - 1, day, wall.hour, wall.minute, wall.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant at which a clock in `timeZone` shows `date` `time`. Daylight-saving edges are
 * resolved as `Date` and Temporal's 'compatible' mode do: a time skipped by the spring change
 * (02:30 in Paris) is pushed forward by the gap (03:30), a time repeated in autumn is its
 * first occurrence.
 */
export function zonedInstant(date: CalendarDate, time: ClockTime, timeZone: string): number {
  const [year, month, day] = splitDate(date);
  const [hour, minute] = splitTime(time);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Offsets a day either side bracket any change on that date (zones change at most once a day).
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [before, after].map((offset) => wall - offset).filter((t) => wall - t === offsetAt(t, timeZone));
  if (valid.length > 0) return Math.min(...valid);
  return wall - before;
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = splitDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const [y1, m1, d1] = splitDate(from);
  const [y2, m2, d2] = splitDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** Minutes since midnight of an `HH:MM` clock time. */
export function minutesOfDay(time: ClockTime): number {
  const [hour, minute] = splitTime(time);
  return hour * 60 + minute;
}

function splitDate(date: CalendarDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function splitTime(time: ClockTime): [number, number] {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`not an HH:MM time: ${time}`);
  return [Number(match[1]), Number(match[2])];
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
