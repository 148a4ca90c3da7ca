/**
 * What the panel says about each field, as pure functions of the offer, the locale and today:
 * tested on their own, so the component only lays them out.
 */

import { formatInstant, formatIsoDate, type Locale } from '../../lib/i18n';
import { panelText } from '../../lib/i18n/panel';
import { stageName } from '../../lib/i18n/stages';
import type { OfferMark } from '../../lib/messaging';
import type { Contract, Offer, OfferStatus } from '../../lib/offer';
import type { PageChange } from '../../lib/saved-offer';

const DAY_MS = 86_400_000;

/**
 * Whole days from today (the user's local calendar day) to a `YYYY-MM-DD` date; negative when it
 * has passed. Calendar arithmetic in UTC, so a daylight-saving change never shifts the count.
 */
export function daysUntil(isoDate: string, today: Date): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = Date.UTC(y, m - 1, d);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - start) / DAY_MS);
}

/** « 04/11/2020 · clôturée », « 12/03/2026 · clôture dans 3 j », or null when no date was read. */
export function closingText(offer: Pick<Offer, 'closesAt' | 'status'>, locale: Locale, today: Date): string | null {
  if (!offer.closesAt) return null;
  const date = formatIsoDate(offer.closesAt, locale);
  return `${date} · ${closingNote(offer.closesAt, offer.status, locale, today)}`;
}

function closingNote(closesAt: string, status: OfferStatus, locale: Locale, today: Date): string {
  if (status === 'filled') return panelText(locale, 'filled');
  const days = daysUntil(closesAt, today);
  if (status === 'closed' || days < 0) return panelText(locale, 'closed');
  if (days === 0) return panelText(locale, 'closesToday');
  if (days === 1) return panelText(locale, 'closesTomorrow');
  return panelText(locale, 'closesInDays', { days });
}

const STATUS_KEYS = {
  open: 'statusOpen',
  closed: 'statusClosed',
  filled: 'statusFilled',
  unknown: 'statusUnknown',
} as const satisfies Record<OfferStatus, string>;

export function statusText(status: OfferStatus, locale: Locale): string {
  return panelText(locale, STATUS_KEYS[status]);
}

const CONTRACT_KEYS = {
  CDI: 'contractKindCDI',
  CDD: 'contractKindCDD',
  freelance: 'contractKindFreelance',
  stage: 'contractKindStage',
  alternance: 'contractKindAlternance',
  'fonctionnaire/détachement': 'contractKindCivilServant',
  autre: 'contractKindOther',
} as const satisfies Record<Contract, string>;

/** The page's own words, then the kind Postulo understood: « indépendant/freelance (indépendant) ». */
export function contractText(offer: Pick<Offer, 'contract' | 'contractRaw'>, locale: Locale): string | null {
  const kind = offer.contract ? panelText(locale, CONTRACT_KEYS[offer.contract]) : null;
  const raw = offer.contractRaw?.trim() || null;
  if (raw && kind) return raw.toLowerCase() === kind.toLowerCase() ? raw : `${raw} (${kind})`;
  return raw ?? kind;
}

/** Deliberately plain: one @, no spaces or markup characters, a dot in the domain. */
const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:.]{2,}$/u;

export function isValidEmail(value: string): boolean {
  return value.length <= 320 && EMAIL.test(value);
}

/** A link target the panel may render: http(s) or mailto only (never javascript:, data:…). */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const { protocol, href } = new URL(value.trim());
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:' ? href : null;
  } catch {
    return null;
  }
}

/** « Enregistrée » while still to apply; afterwards the stage and its date. */
export function savedText(mark: OfferMark, locale: Locale): string {
  if (mark.stage === 'to-apply') return panelText(locale, 'savedToApply');
  return panelText(locale, 'savedStageOn', {
    stage: stageName(locale, mark.stage),
    date: formatInstant(mark.stageAt, locale),
  });
}

/** A change a re-visit noticed, as one line; null for a change the panel does not report. */
export function changeText(change: PageChange, locale: Locale): string | null {
  if (change.field === 'status') {
    if (change.to === 'filled') return panelText(locale, 'changeFilled');
    if (change.to === 'closed') return panelText(locale, 'changeClosed');
    return null;
  }
  if (change.field === 'closesAt' && typeof change.to === 'string') {
    const to = formatIsoDate(change.to, locale);
    return typeof change.from === 'string'
      ? panelText(locale, 'changeClosingMoved', { from: formatIsoDate(change.from, locale), to })
      : panelText(locale, 'changeClosingAdded', { to });
  }
  return null;
}
