/**
 * Instants as the calendar day (and time) the user lived them. Exports are read far from the
 * browser that wrote them, so the time zone is a parameter (the browser's by default) and tests
 * do not depend on the machine's.
 */
import type { IsoDate } from '../offer';

export function localDate(instant: string | number, timeZone?: string): IsoDate {
  const parts = localParts(instant, timeZone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `YYYY-MM-DD HH:MM`, sortable and read as a date-time by spreadsheets. */
export function localDateTime(instant: string | number, timeZone?: string): string {
  const parts = localParts(instant, timeZone);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function localParts(instant: string | number, timeZone: string | undefined) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const found: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(instant))) found[part.type] = part.value;
  return {
    year: (found.year ?? '').padStart(4, '0'),
    month: found.month ?? '',
    day: found.day ?? '',
    hour: found.hour ?? '',
    minute: found.minute ?? '',
  };
}
