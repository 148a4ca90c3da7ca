/**
 * A change noticed on a re-visit, in words: « Poste pourvu le 12/03/2026 », « Date de clôture
 * déplacée du 01/03/2026 au 15/03/2026 ». The stored `from`/`to` are unknown data: each is checked
 * before it is read as a status or a date.
 */
import { formatInstant, formatIsoDate, type Locale } from '../../lib/i18n';
import { popupText } from '../../lib/i18n/popup';
import { IsoDate, OfferStatus } from '../../lib/offer';
import type { PageChange } from '../../lib/saved-offer';

function asDate(value: unknown, locale: Locale): string | null {
  const parsed = IsoDate.safeParse(value);
  return parsed.success ? formatIsoDate(parsed.data, locale) : null;
}

export function describeChange(change: PageChange, locale: Locale): string {
  const date = formatInstant(change.at, locale);
  if (change.field === 'status') {
    const to = OfferStatus.safeParse(change.to);
    if (to.success && to.data === 'filled') return popupText(locale, 'changeFilled', { date });
    if (to.success && to.data === 'closed') return popupText(locale, 'changeClosed', { date });
    if (to.success && to.data === 'open') return popupText(locale, 'changeReopened', { date });
  }
  if (change.field === 'closesAt') {
    const from = asDate(change.from, locale);
    const to = asDate(change.to, locale);
    if (from && to) return popupText(locale, 'changeClosingMoved', { from, to, date });
    if (to) return popupText(locale, 'changeClosingAdded', { to, date });
    if (from) return popupText(locale, 'changeClosingRemoved', { from, date });
  }
  return popupText(locale, 'changeOther', { field: popupText(locale, `field_${change.field}`), date });
}
