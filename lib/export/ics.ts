/**
 * Closing dates and reminders as an iCalendar file (RFC 5545) any agenda can import: one all-day
 * event per closing date, one 15-minute event per reminder. Every event's UID is derived from
 * the offer or reminder it comes from, so importing a newer file updates events instead of
 * duplicating them.
 *
 * The writer follows the RFC's text rules: CRLF line ends, TEXT values escaped (\ ; , and
 * newlines), lines folded at 75 octets without splitting a UTF-8 character.
 */
import type { Locale } from '../i18n';
import { formatIsoDate } from '../i18n';
import { exportText } from '../i18n/exports';
import type { Reminder } from '../reminder';
import { effectiveFields, type SavedOffer } from '../saved-offer';

export interface CalendarOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  locale?: Locale;
  /** Only this offer's events (« Ajouter à mon agenda » on one offer). */
  offerId?: string;
}

const PRODID = '-//Postulo//Postulo//FR';
const REMINDER_MINUTES = 15;
const UID_DOMAIN = 'postulo.extension';
/** iCalendar years have four digits: nothing is dated after 9999 (nor is any real deadline). */
const LAST_DAY = '9999-12-30';
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 0);

export function buildCalendar(
  offers: readonly SavedOffer[],
  reminders: readonly Reminder[],
  options: CalendarOptions,
): string {
  const locale = options.locale ?? 'fr';
  const chosen = options.offerId === undefined ? offers : offers.filter((saved) => saved.id === options.offerId);
  const offerById = new Map(chosen.map((saved) => [saved.id, saved]));
  const stamp = utcDateTime(options.now.getTime());

  const events = [
    ...chosen.flatMap((saved) => closingEvent(saved, stamp, locale)),
    ...reminders.flatMap((reminder) => {
      const saved = offerById.get(reminder.offerId);
      return saved && reminder.dueAt <= LAST_INSTANT ? [reminderEvent(reminder, saved, stamp, locale)] : [];
    }),
  ];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(exportText(locale, 'ics.calendarName'))}`,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function closingEvent(saved: SavedOffer, stamp: string, locale: Locale): string[][] {
  const fields = effectiveFields(saved);
  if (!fields.closesAt || fields.closesAt > LAST_DAY) return [];
  return [
    [
      'BEGIN:VEVENT',
      `UID:closing-${stableHash(saved.id)}@${UID_DOMAIN}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(fields.closesAt)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(fields.closesAt))}`,
      `SUMMARY:${escapeText(exportText(locale, 'ics.closing', { title: fields.title }))}`,
      `DESCRIPTION:${escapeText(describe(saved, locale))}`,
      `URL:${saved.page.url}`,
      // An all-day deadline does not make the candidate busy.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ],
  ];
}

function reminderEvent(reminder: Reminder, saved: SavedOffer, stamp: string, locale: Locale): string[] {
  const fields = effectiveFields(saved);
  return [
    'BEGIN:VEVENT',
    `UID:reminder-${stableHash(reminder.id)}@${UID_DOMAIN}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utcDateTime(reminder.dueAt)}`,
    `DTEND:${utcDateTime(reminder.dueAt + REMINDER_MINUTES * 60_000)}`,
    `SUMMARY:${escapeText(reminderSummary(reminder, fields.title, fields.closesAt, locale))}`,
    `DESCRIPTION:${escapeText(describe(saved, locale))}`,
    `URL:${saved.page.url}`,
    'END:VEVENT',
  ];
}

function reminderSummary(reminder: Reminder, title: string, closesAt: string | null, locale: Locale): string {
  switch (reminder.kind) {
    case 'deadline':
      return closesAt
        ? exportText(locale, 'ics.reminder.deadline', { title, date: formatIsoDate(closesAt, locale, 'long') })
        : exportText(locale, 'ics.closing', { title });
    case 'follow-up':
      return exportText(locale, 'ics.reminder.follow-up', { title });
    case 'custom':
      return reminder.label ? exportText(locale, 'ics.reminder.custom', { title, label: reminder.label }) : title;
  }
}

function describe(saved: SavedOffer, locale: Locale): string {
  const fields = effectiveFields(saved);
  return [
    fields.organization ? exportText(locale, 'ics.organization', { organization: fields.organization }) : null,
    exportText(locale, 'ics.posting', { url: saved.page.url }),
    fields.applyUrl && fields.applyUrl !== saved.page.url
      ? exportText(locale, 'ics.apply', { url: fields.applyUrl })
      : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

/**
 * RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values
 * (TEXT has one kind of line break: CR LF and a lone CR are written as one `\n`).
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are split, each continuation starting with one
 * space; the split never falls inside a multi-byte UTF-8 character.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let piece = '';
  let pieceBytes = 0;
  let limit = 75;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (pieceBytes + size > limit) {
      pieces.push(piece);
      piece = '';
      pieceBytes = 0;
      limit = 74; // the leading space counts
    }
    piece += character;
    pieceBytes += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}

function compactDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

function nextDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function utcDateTime(epochMillis: number): string {
  return `${new Date(epochMillis).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** FNV-1a, 64 bits: a short, stable UID part for an address that may be kilobytes long. */
export function stableHash(value: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(value)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

export function calendarFileName(offer?: SavedOffer): string {
  if (!offer) return 'postulo-agenda.ics';
  const slug = effectiveFields(offer)
    .title.normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `postulo-${slug || 'offre'}.ics`;
}
