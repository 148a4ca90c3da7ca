/**
 * The period of the job-search record: chosen in the options page, carried in the record page's
 * address (`record.html?from=2026-01-01&to=2026-03-31`) so it survives a reload and can be
 * bookmarked; by default the last three months up to today.
 */
import type { Period } from '../../lib/export/job-search-record';
import { localDate } from '../../lib/export/local-date';

export const RECORD_PAGE = 'record.html';
const DEFAULT_MONTHS = 3;

/** A real calendar day written `YYYY-MM-DD` (what `<input type="date">` gives). */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** From the same day three months ago (the month's last day when it has no such day) to today. */
export function defaultPeriod(now: Date, timeZone?: string): Period {
  const to = localDate(now.getTime(), timeZone);
  const [year, month, day] = to.split('-').map(Number) as [number, number, number];
  const monthIndex = month - 1 - DEFAULT_MONTHS;
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const start = new Date(Date.UTC(year, monthIndex, Math.min(day, lastDay)));
  return { from: start.toISOString().slice(0, 10), to };
}

/** The period in a record page address; each missing or broken end takes its default. */
export function periodFromSearch(search: string, now: Date, timeZone?: string): Period {
  const params = new URLSearchParams(search);
  const fallback = defaultPeriod(now, timeZone);
  const from = params.get('from');
  const to = params.get('to');
  return { from: isIsoDate(from) ? from : fallback.from, to: isIsoDate(to) ? to : fallback.to };
}

export function periodSearch(period: Period): string {
  return `?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`;
}

/** Relative to the extension's pages, which all sit at its root. */
export function recordUrl(period: Period): string {
  return `${RECORD_PAGE}${periodSearch(period)}`;
}

export function isValidPeriod(period: Period): boolean {
  return isIsoDate(period.from) && isIsoDate(period.to) && period.from <= period.to;
}
