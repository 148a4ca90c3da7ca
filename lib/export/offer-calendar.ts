/**
 * « Ajouter à mon agenda » on one offer: its closing date and its reminders as a small .ics file,
 * downloaded from the extension page the button is on (the popup).
 */
import type { Locale } from '../i18n';
import type { Reminder } from '../reminder';
import type { SavedOffer } from '../saved-offer';
import { downloadTextFile, MIME } from './download';
import { buildCalendar, calendarFileName } from './ics';

export interface OfferCalendarOptions {
  /** The page the download starts from; the current one by default. */
  document?: Document;
  /** When the file is made (the events' DTSTAMP). */
  now?: Date;
}

/** The .ics file of one offer, before it is downloaded. */
export function offerCalendarFile(
  offer: SavedOffer,
  reminders: readonly Reminder[],
  locale: Locale,
  now: Date = new Date(),
): { name: string; text: string; type: string } {
  return {
    name: calendarFileName(offer),
    text: buildCalendar([offer], reminders, { now, locale, offerId: offer.id }),
    type: MIME.calendar,
  };
}

export function downloadOfferCalendar(
  offer: SavedOffer,
  reminders: readonly Reminder[],
  locale: Locale,
  options: OfferCalendarOptions = {},
): void {
  downloadTextFile(options.document ?? document, offerCalendarFile(offer, reminders, locale, options.now));
}
